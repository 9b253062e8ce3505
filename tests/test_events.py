"""Deadlines counted back from an event the same document sets a day for
(:mod:`commitments.extraction.events`)."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import extract_document, read_text
from commitments.extraction.events import counted_back, event_days

D = dt.date(2025, 9, 3)  # a Wednesday

ORDER = (
    "IT IS HEREBY ORDERED that:\n\n"
    "1. A status conference is set for November 3, 2025 at 9:00 a.m.\n"
    "2. Sentence will be imposed on DECEMBER 15, 2025.\n"
    "3. The parties shall meet and confer at least fourteen days before the status conference.\n"
    "4. Not later than SEVEN DAYS before sentencing, any objection must be filed.\n"
)


def test_an_order_sets_its_events_days() -> None:
    assert event_days(ORDER, D) == {
        "status conference": dt.date(2025, 11, 3),
        "sentencing": dt.date(2025, 12, 15),
    }


@pytest.mark.parametrize(
    ("phrase", "latest"),
    [
        ("at least fourteen days before the status conference", "2025-10-20"),
        ("Not later than SEVEN DAYS before sentencing", "2025-12-08"),
        ("NOT LATER THAN SEVEN DAYS BEFORE SENTENCING", "2025-12-08"),
        ("Two Weeks Prior To The Status Conference", "2025-10-20"),
        ("two (2) weeks prior to the status conference", "2025-10-20"),
        ("five (5) business days prior to the status conference", "2025-10-27"),
        ("ten days in advance of the date of the status conference", "2025-10-24"),
    ],
)
def test_a_time_counted_back_from_an_event_is_due_by_that_day(phrase: str, latest: str) -> None:
    days = event_days(ORDER, D)
    (found,) = counted_back(f"The parties shall file a report {phrase}.", lambda: days)
    window = found.resolve(D)
    assert window is not None
    assert (window.earliest, window.latest) == (D, dt.date.fromisoformat(latest))


def test_an_event_with_no_day_gives_no_window() -> None:
    days = event_days(ORDER, D)
    assert (
        counted_back("Each party shall file its exhibits 14 days before trial.", lambda: days) == []
    )


def test_an_orders_counted_back_deadlines_are_the_courts() -> None:
    (document,) = read_text(ORDER, name="order.md")
    found = {(c.speaker, str(c.due)) for c in extract_document(document, published=D)}
    assert ("the Court", "2025-09-03…2025-10-20") in found
    assert ("the Court", "2025-09-03…2025-12-08") in found


MINUTES = (
    "Finance Committee: Decisions, Wednesday 3 September 2025\n\n"
    "1. The Committee agreed to consider the pension scheme further at its next meeting.\n\n"
    "2. The Committee agreed to circulate a revised budget by its next meeting.\n\n"
    "[Adjourned till Thursday 18 September 2025 at 9.30 am.\n"
)


def test_minutes_set_the_day_of_the_next_meeting() -> None:
    assert event_days(MINUTES, D)["next meeting"] == dt.date(2025, 9, 18)
    assert "next meeting" not in event_days(MINUTES, dt.date(2025, 10, 1))  # (it is past)


def test_an_act_at_or_by_the_next_meeting_is_due_on_or_by_its_day() -> None:
    (document,) = read_text(MINUTES, name="minutes.md")
    found = {(c.action, str(c.due)) for c in extract_document(document, published=D)}
    assert ("consider the pension scheme further", "2025-09-18") in found
    assert ("circulate a revised budget", "2025-09-03…2025-09-18") in found
