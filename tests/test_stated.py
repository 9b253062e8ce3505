"""What a sentence says about its commitment: stated status, refined kind, condition."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments.extraction.cues import Cue
from commitments.extraction.segmentation import Sentence
from commitments.extraction.stated import read
from commitments.records import Kind, Status, Window

DAY = dt.date(2025, 9, 3)


def _read(text: str, cue_word: str, due: Window | None = None, kind: Kind = Kind.PROMISE):
    at = text.index(cue_word)
    cue = Cue(at, at + len(cue_word), kind, noun=cue_word == "deadline")
    return read(
        text, Sentence(0, len(text), 0), cue, kind, due, DAY, limit=len(text), clause_end=len(text)
    )


@pytest.mark.parametrize(
    ("text", "cue", "stated"),
    [
        ("He vowed to quit by May, and last week he kept his promise.", "vowed", Status.KEPT),
        ("She promised a report by June, then broke that promise.", "promised", Status.BROKEN),
        ("She will visit Paris next week.", "will", None),
    ],
)
def test_stated_status(text: str, cue: str, stated: Status | None) -> None:
    assert _read(text, cue).stated is stated


def test_an_expired_deadline_ends_no_later_than_the_publication_day() -> None:
    due = Window(dt.date(2025, 9, 1), dt.date(2025, 9, 10))
    reading = _read("His two-week deadline, issued last month, had now expired.", "deadline", due)
    assert reading.stated is Status.EXPIRED
    assert reading.due == Window(dt.date(2025, 9, 1), DAY)


def test_expired_without_a_deadline_states_nothing() -> None:
    due = Window(dt.date(2025, 9, 1), dt.date(2025, 9, 10))
    reading = _read("The licence will be renewed, though the old one had now expired.", "will", due)
    assert reading.stated is None
    assert reading.due == due


def test_a_condition_is_read_from_the_sentence() -> None:
    reading = _read("If the talks fail, the union will strike on Monday.", "will")
    assert reading.condition is not None
    assert "talks fail" in reading.condition
