"""The seeds against ``seeds/intended.json``: what a careful reader finds in each.

Unlike the golden files (exact output), this scores the extraction the way
``shared/eval/score.py`` does: a found commitment matches an intended one when the speaker
matches (an alias is part of the found name) and the due window is close enough. The floors
below are what the extractor reaches today; raise them as it improves, never lower them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from score_helpers import day, match

from commitments import extract_document, read_path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
INTENDED = json.loads((SEEDS / "intended.json").read_text("utf-8"))
CASES = sorted(name for name in INTENDED if not name.startswith("_"))

# seed: (recall floor over required commitments, precision floor over everything found)
FLOORS = {
    "meeting-transcript.vtt": (0.95, 0.90),
    "reply-thread.eml": (1.0, 1.0),
    "action-items.md": (1.0, 1.0),
    "feed.rss": (1.0, 1.0),
}


def _score(seed: str) -> tuple[float, float, list[str]]:
    case = INTENDED[seed]
    as_of = day(case["as_of"])
    found: list[dict[str, Any]] = []
    for document in read_path(SEEDS / seed):
        found += [
            c.to_json(as_of) | {"_day": c.issued.earliest} for c in extract_document(document)
        ]
    golds = case["commitments"]
    result = match(golds, found, lambda item: item["_day"])
    required = sum(1 for g in golds if not g["optional"])
    precision = (len(found) - len(result.extra)) / len(found) if found else 1.0
    problems = [f"missed {g['speaker']} {g['due']}: {g['says']}" for g in result.missed]
    problems += [f"extra {f['speaker']} {f['due']}: {f['text']}" for f in result.extra]
    return result.hits / required, precision, problems


def test_every_seed_with_intentions_has_a_floor() -> None:
    assert set(CASES) == set(FLOORS)
    for seed in CASES:
        assert (SEEDS / seed).is_file(), seed


@pytest.mark.parametrize("seed", CASES, ids=CASES)
def test_seed_extraction_reaches_its_floor(seed: str) -> None:
    recall, precision, problems = _score(seed)
    floor_recall, floor_precision = FLOORS[seed]
    report = f"recall {recall:.2f} precision {precision:.2f}\n" + "\n".join(problems)
    assert recall >= floor_recall, report
    assert precision >= floor_precision, report
