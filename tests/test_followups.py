"""Follow-up sentences that say a commitment was kept or broken."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import Status, extract
from commitments.extraction.followups import follow_up, past_forms

D = dt.date(2025, 9, 3)


@pytest.mark.parametrize(
    ("verb", "form"),
    [("reopen", "reopened"), ("publish", "published"), ("pay", "paid"), ("send", "sent"),
     ("deliver", "delivered"), ("release", "released"), ("stop", "stopped"), ("carry", "carried")],
)
def test_past_forms(verb: str, form: str) -> None:
    assert form in past_forms(verb)


@pytest.mark.parametrize(
    ("action", "later", "status"),
    [
        ("reopen the central library", "It reopened on Thursday, a day early.", Status.KEPT),
        ("deliver the system", "On Tuesday it admitted it had missed the deadline.", Status.BROKEN),
        ("publish the report", "The report has not been published.", None),
        ("publish the report", "It failed to publish the report on time.", Status.BROKEN),
        ("cut fares", "Critics said fares would rise anyway.", None),
    ],
    ids=["kept-by-past-tense", "missed-deadline", "negated", "failed-to", "unrelated"],
)
def test_follow_up(action: str, later: str, status: Status | None) -> None:
    assert follow_up(action, later) is status


def test_a_later_sentence_marks_the_commitment_kept() -> None:
    (c,) = extract(
        "On Monday, Mayor Rui Carvalho promised to reopen the central library by Friday. "
        "It reopened on Thursday, a day ahead of schedule.",
        published=D,
    )
    assert c.status(D) is Status.KEPT


def test_another_paragraph_does_not_resolve() -> None:
    (c,) = extract(
        "Mayor Rui Carvalho promised to reopen the central library by Friday.\n\n"
        "The museum reopened on Thursday.",
        published=D,
    )
    assert c.status(D) is Status.PENDING
