"""Which phrases can name the party that made a commitment."""

from __future__ import annotations

import pytest

from commitments.extraction.parties import is_party

PHRASES = [
    ("Daniel Price", True),
    ("the port authority's board", True),
    ("the company", True),
    ("International Monetary Fund", True),
    ("Councillor Harris", True),
    ("officials", True),
    ("the comment period", False),
    ("The final rule", False),
    ("the closure of the", False),
    ("the leaders who", False),
    ("Okay. On Monday", False),
    ("Today I", False),
    ("Shortly", False),
    ("of Atlantis", False),
    ("Two", False),
    ("James S. Brady Press Briefing", False),
    ("Secretary's Remarks", False),  # a page's heading, not a party
    ("News Releases", False),
    ("Production", False),
    ("the meeting", False),
    ("Proposed", False),
    ("Shuttle Discovery", False),
    ("Central America Tropical Storm Adrian", False),
    ("Office of Rail Regulation", True),
    ("Theresa May", True),
    ("Nick Will", True),
    ("ORDER AND ORDER", False),
    ("NOTICE OF MOTION", False),
    ("UNITED STATES DISTRICT COURT", True),
    ("NASA", True),
    ("the new tower", False),
    ("the water", False),
    ("the regulator", True),
    ("the player", True),
]


@pytest.mark.parametrize(("phrase", "party"), PHRASES, ids=[p for p, _ in PHRASES])
def test_a_speaker_is_someone_who_can_undertake(phrase: str, party: bool) -> None:
    assert is_party(phrase) is party
