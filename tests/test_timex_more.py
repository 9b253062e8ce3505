"""Time expressions real text writes (issue 11, class 3): hyphenated durations, mixed ranges,
month pairs, fiscal years, "next spring", "by mid-2026"."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import parse_due
from commitments.timex.grammar import find

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


@pytest.mark.parametrize("expression", ["in a 2-week blocks", "24-hour news"], ids=str)
def test_adjectives_are_not_durations_from_now(expression: str) -> None:
    window = parse_due(expression, issued=D)
    assert window is None or window.earliest == D


# Common phrases of plans and deadlines, listed from English usage (not from any labelled
# document), each read by the rule CONVENTIONS.md gives its nearest kin.
COMMON = [
    # "within the next couple of …" as "in the next couple of …": [D, D+3] / [D, D+14]
    ("within the next couple of days", "2025-09-03", "2025-09-06"),
    ("within the next couple of weeks", "2025-09-03", "2025-09-17"),
    # "later in the day/week/month" as "later today/this week/this month"
    ("later in the day", "2025-09-03", "2025-09-03"),
    ("later in the week", "2025-09-04", "2025-09-07"),
    ("later in the month", "2025-09-03", "2025-09-30"),
    # a decade ahead, as "over the next ten years": [D, D+10 years]
    ("over the next decade", "2025-09-03", "2035-09-03"),
    ("within the next decade", "2025-09-03", "2035-09-03"),
    ("in the coming decade", "2025-09-03", "2035-09-03"),
    ("within a decade", "2025-09-03", "2035-09-03"),
    # "weeks and months": from the coming weeks' start to the coming months' end
    ("in the coming weeks and months", "2025-09-10", "2026-03-02"),
    ("in the weeks and months ahead", "2025-09-10", "2026-03-02"),
    # "in the coming year" as "in the year ahead"
    ("in the coming year", "2025-09-03", "2026-09-03"),
    # the week after next week: its Monday to Sunday
    ("the week after next", "2025-09-15", "2025-09-21"),
    ("by the week after next", "2025-09-03", "2025-09-21"),
    # the start of next month as "early next month": days 1-10
    ("at the beginning of next month", "2025-10-01", "2025-10-10"),
    ("at the start of next month", "2025-10-01", "2025-10-10"),
    # a capitalised season with its year needs no operator (a timetable's "Spring 2026: …")
    ("Spring 2026", "2026-03-01", "2026-05-31"),
    ("Autumn 2025", "2025-09-01", "2025-11-30"),
    # a fiscal year named from today is the calendar's (as "fiscal 2027" is); a financial year
    # runs 1 April to 31 March (as "financial year 2025/26" does)
    ("next fiscal year", "2026-01-01", "2026-12-31"),
    ("in the coming fiscal year", "2026-01-01", "2026-12-31"),
    ("this fiscal year", "2025-09-03", "2025-12-31"),
    ("next financial year", "2026-04-01", "2027-03-31"),
    ("in the current financial year", "2025-09-03", "2026-03-31"),
    ("in FY2027", "2027-01-01", "2027-12-31"),
    ("by FY 2027", "2025-09-03", "2027-12-31"),
    ("in FY2026-27", "2026-04-01", "2027-03-31"),
    ("in the 2026-27 financial year", "2026-04-01", "2027-03-31"),
    # "this quarter" as "this month" ([D, its end]); "next quarter": the one after D's
    ("this quarter", "2025-09-03", "2025-09-30"),
    ("by the end of the current quarter", "2025-09-03", "2025-09-30"),
    ("in the next quarter", "2025-10-01", "2025-12-31"),
    # "a week or two" as "N or M weeks"; with "within" or "the next", by the second
    ("in a week or two", "2025-09-10", "2025-09-17"),
    ("within a day or two", "2025-09-03", "2025-09-05"),
    ("in the next day or two", "2025-09-03", "2025-09-05"),
    # the end of a month or year written without "the", or with a kind of year
    ("by end of June", "2025-09-03", "2026-06-30"),
    ("by end-2026", "2025-09-03", "2026-12-31"),
    ("by the end of the year 2026", "2025-09-03", "2026-12-31"),
    ("by the end of the calendar year", "2025-09-03", "2025-12-31"),
    ("by the end of the financial year", "2025-09-03", "2026-03-31"),
    ("in calendar 2026", "2026-01-01", "2026-12-31"),
    ("in the new financial year", "2026-04-01", "2027-03-31"),
    ("around the middle of next month", "2025-10-11", "2025-10-20"),
    # "between now and X" as "by X"
    ("between now and 2030", "2025-09-03", "2030-12-31"),
    ("between now and Christmas", "2025-09-03", "2025-12-25"),
    ("between now and the end of the year", "2025-09-03", "2025-12-31"),
]


@pytest.mark.parametrize(
    ("expression", "earliest", "latest"), [*TABLE, *COMMON], ids=[r[0] for r in [*TABLE, *COMMON]]
)
def test_real_text_time_expressions(expression: str, earliest: str, latest: str) -> None:
    window = parse_due(expression, issued=D)
    assert window is not None
    assert (window.earliest.isoformat(), window.latest.isoformat()) == (earliest, latest)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Spring 2026 collection sold out.",  # (a season still: a time, not a due date here)
        "Up to 2000 people will attend.",
        "The firm's fiscal year ends in June.",
        "The weeks after the vote were quiet.",
    ],
    ids=str,
)
def test_common_phrases_stay_in_their_place(sentence: str) -> None:
    found = {f.text for f in find(sentence)}
    assert not any(
        "2000" in text or "fiscal year" in text or "weeks after" in text for text in found
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fiscal year followed by the day it ends: that day, not the calendar's year
        (
            "The company plans to record a charge at the end of its current fiscal year ending"
            " March 2, 2026.",
            {"March 2, 2026"},
        ),
        ("For FY2025, ended April 30, 2025, revenue will be a record.", {"April 30, 2025"}),
        ("For fiscal 2025, ended April 30, 2025, revenue will be a record.", {"April 30, 2025"}),
        # a calendar year followed by "ending" is still a year ("…, ending 50 years of work")
        ("The plant will close in 2030, ending 50 years of production.", {"in 2030"}),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_fiscal_year_gives_way_to_the_day_it_ends(sentence: str, expected: set[str]) -> None:
    assert {f.text for f in find(sentence)} == expected


@pytest.mark.parametrize(
    ("day", "offset", "quarter", "financial"),
    [
        ("2025-12-31", 1, ("2026-01-01", "2026-03-31"), ("2026-04-01", "2027-03-31")),
        ("2026-03-31", 0, ("2026-01-01", "2026-03-31"), ("2025-04-01", "2026-03-31")),
        ("2026-04-01", -1, ("2026-01-01", "2026-03-31"), ("2025-04-01", "2026-03-31")),
    ],
    ids=str,
)
def test_the_quarter_and_financial_year_a_day_is_in_cross_the_year(
    day: str, offset: int, quarter: tuple[str, str], financial: tuple[str, str]
) -> None:
    from commitments.timex import calendar as cal

    on = dt.date.fromisoformat(day)
    for window, expected in (
        (cal.quarter_of(on, offset), quarter),
        (cal.financial_year_of(on, offset), financial),
    ):
        assert (window.earliest.isoformat(), window.latest.isoformat()) == expected
