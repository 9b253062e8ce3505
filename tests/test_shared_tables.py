"""Shared tables live in one module below everything that uses them."""

from __future__ import annotations

import ast
from pathlib import Path

import commitments
from commitments.readers import mail_segments
from commitments.timex import absolute, calendar, periods

LIBRARY = Path(commitments.__file__).parent

# (speakers.py spells the month names out in its list of calendar words, which is not a name →
# number table and holds no abbreviation.)


def test_one_month_table() -> None:
    """No module but timex/calendar.py holds a month abbreviation as a string of its own."""
    holders = set()
    for path in LIBRARY.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and node.value in ("jan", "sept", "january"):
                holders.add(path.relative_to(LIBRARY).as_posix())
    assert holders == {"timex/calendar.py"}


def test_the_users_read_the_one_table() -> None:
    assert periods.MONTHS is calendar.MONTHS
    assert absolute.MONTHS is calendar.MONTHS
    assert mail_segments.MONTHS is calendar.MONTHS


def test_the_table_names_every_month() -> None:
    assert sorted(set(calendar.MONTHS.values())) == list(range(1, 13))
    assert calendar.MONTHS["sept"] == calendar.MONTHS["september"] == 9
