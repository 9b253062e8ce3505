"""Issue dates: phrases that date a statement, looking back from the publication day."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments.records import Window
from commitments.timex.issue import issued_window


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


ROWS = [
    ("Wednesday", "2025-09-03", "2025-09-03", "2025-09-03"),  # published that day
    ("on Friday", "2025-09-03", "2025-08-29", "2025-08-29"),  # the Friday before
    ("last Friday", "2025-09-05", "2025-08-29", "2025-08-29"),
    ("yesterday", "2025-09-03", "2025-09-02", "2025-09-02"),
    ("last week", "2025-09-03", "2025-08-25", "2025-08-31"),
    ("last month", "2025-09-03", "2025-08-01", "2025-08-31"),
    ("last month", "2025-01-15", "2024-12-01", "2024-12-31"),
    ("over the weekend", "2025-09-08", "2025-09-06", "2025-09-07"),  # published on a Monday
    ("at the weekend", "2025-09-08", "2025-09-06", "2025-09-07"),
    ("earlier this month", "2025-09-10", "2025-09-01", "2025-09-10"),
    ("two days ago", "2025-09-03", "2025-09-01", "2025-09-01"),
    ("on September 1", "2025-09-03", "2025-09-01", "2025-09-01"),
    ("in August", "2025-09-03", "2025-08-01", "2025-08-31"),
    ("in October", "2025-09-03", "2024-10-01", "2024-10-31"),
]


@pytest.mark.parametrize(
    ("phrase", "published", "earliest", "latest"), ROWS, ids=[f"{r[0]}@{r[1]}" for r in ROWS]
)
def test_issued_window(phrase: str, published: str, earliest: str, latest: str) -> None:
    assert issued_window(phrase, d(published)) == Window(d(earliest), d(latest))


@pytest.mark.parametrize("phrase", ["next week", "by Friday", "soon", "the Sun"])
def test_not_an_issue_date(phrase: str) -> None:
    assert issued_window(phrase, d("2025-09-03")) is None
