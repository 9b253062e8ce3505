"""Time expressions real text writes (issue 11, class 3): hyphenated durations, mixed ranges,
month pairs, fiscal years, "next spring", "by mid-2026"."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import parse_due

D = dt.date(2025, 9, 3)  # a Wednesday

TABLE = [
    ("within 24-hours", "2025-09-03", "2025-09-04"),
    ("in 3-weeks", "2025-09-24", "2025-09-24"),
    ("about ten days to two weeks", "2025-09-13", "2025-09-17"),
    ("within ten days to two weeks", "2025-09-03", "2025-09-17"),
    ("in March and April", "2026-03-01", "2026-04-30"),
    ("from November to January", "2025-11-01", "2026-01-31"),
    ("by the end of fiscal 2027", "2025-09-03", "2027-12-31"),
    ("next spring", "2026-03-01", "2026-05-31"),
    ("this autumn", "2025-09-01", "2025-11-30"),
    ("by mid-2026", "2025-09-03", "2026-06-30"),
    ("in 10 to 12 days", "2025-09-13", "2025-09-15"),
]


@pytest.mark.parametrize(("expression", "earliest", "latest"), TABLE, ids=[r[0] for r in TABLE])
def test_real_text_time_expressions(expression: str, earliest: str, latest: str) -> None:
    window = parse_due(expression, issued=D)
    assert window is not None
    assert (window.earliest.isoformat(), window.latest.isoformat()) == (earliest, latest)


@pytest.mark.parametrize("expression", ["in a 2-week blocks", "24-hour news"], ids=str)
def test_adjectives_are_not_durations_from_now(expression: str) -> None:
    window = parse_due(expression, issued=D)
    assert window is None or window.earliest == D
