"""Page furniture: dates that date a page and are never due dates."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import extract
from commitments.extraction.furniture import furniture
from commitments.timex.grammar import find

CASES = [
    ("For Immediate Release\nJune 16, 2006\nThe agency will act.", "June 16, 2006", True),
    ("Oak Brook, IL, November 18, 2015 - Acme today announced a plan.", "November 18, 2015", True),
    ("LONDON, March 3 (AP) - The minister will resign.", "March 3", True),
    ("Posted: 2023-11-02\nThe council will vote.", "2023-11-02", True),
    ("Tuesday, 3rd Mar 2021 09:40\nThe club will appeal.", "Tuesday, 3rd Mar 2021", True),
    ("The council will vote on November 18, 2015 - after a debate.", "on November 18, 2015", False),
    ("The minister said she would resign by March 3.", "by March 3", False),
    ("2019-09-18 17:09:00.0 FALLON, Nev. - The bureau will act.", "2019-09-18 17:09", True),
    ("The bureau will meet at 2019-10-02 17:09 in Fallon.", "2019-10-02 17:09", False),
    ("Published on: 09/12/2015 Last update: 23/05/2018\nDeadline: 15/04/2016", "23/05/2018", True),
    ("Published on: 09/12/2015 Last update: 23/05/2018\nDeadline: 15/04/2016", "15/04/2016", False),
    ("(4/5/26) The agency is announcing a longer comment period.", "4/5/26", True),
    ("The agency will act (by 4/5/26) on the comments.", "4/5/26", False),
]


@pytest.mark.parametrize(("text", "expression", "expected"), CASES, ids=[c[1] for c in CASES])
def test_furniture(text: str, expression: str, expected: bool) -> None:
    found = [f for f in find(text) if expression in f.text or f.text in expression]
    assert found, f"{expression!r} not found in {text!r}"
    assert furniture(text, found[0]) is expected


def test_a_release_date_line_is_not_a_due_date() -> None:
    text = (
        "NEWS RELEASE\nMay 22, 2007\n"
        "Acme Widgets Inc. today announced that it will close its Seattle plant by the end of "
        "December 2007.\n"
    )
    found = extract(text, published=dt.date(2007, 5, 22))
    assert [str(c.due) for c in found] == ["2007-05-22…2007-12-31"]


def test_a_timestamp_is_no_due_date() -> None:
    text = 'A report timestamped "8 May 2006, 09:25 GMT" said the ministry would publish the letter.'
    assert all(c.due is None for c in extract(text, published=dt.date(2006, 5, 8)))


def test_an_aside_about_the_past_dates_nothing_outside_it() -> None:
    text = "The trip will be his fourth to the region (he also traveled to Seoul in June)."
    assert all(c.due is None for c in extract(text, published=dt.date(2014, 4, 1)))


def test_a_parenthesis_that_sharpens_the_deadline_counts() -> None:
    text = (
        "ORDERED that immediately upon receipt of this order (and in any event no later than "
        "July 29, 2024), the parties are instructed to begin their efforts."
    )
    found = extract(text, published=dt.date(2024, 7, 8))
    assert "2024-07-08…2024-07-29" in [str(c.due) for c in found]
