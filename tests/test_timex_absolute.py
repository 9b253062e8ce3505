"""Absolute dates: the forms answered without dateparser give exactly what dateparser gives."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from commitments.timex import absolute
from commitments.timex.absolute import parse_absolute
from commitments.timex.grammar import find

MONTH_WORDS = [
    "January",
    "Jan",
    "February",
    "Feb",
    "March",
    "Mar",
    "April",
    "Apr",
    "May",
    "June",
    "Jun",
    "July",
    "Jul",
    "August",
    "Aug",
    "September",
    "Sept",
    "Sep",
    "October",
    "Oct",
    "November",
    "Nov",
    "December",
    "Dec",
    "Mon",
    "Junly",
]


@st.composite
def spans(draw: st.DrawFn) -> str:
    month = draw(st.sampled_from(MONTH_WORDS))
    month = draw(st.sampled_from([month, month.lower(), month.upper()]))
    month += draw(st.sampled_from(["", "."]))
    day = str(draw(st.integers(min_value=0, max_value=33)))
    day += draw(st.sampled_from(["", "", "st", "nd", "rd", "th"]))
    year = draw(st.sampled_from(["", "", ", 2025", " 2026", ", 2024", ", 2100", ", 1949"]))
    form = draw(
        st.sampled_from(
            [
                "{m} {d}{y}",
                "{d} {m}{y}",
                "{d} of {m}{y}",
                "the {d} of {m}{y}",
                "the {d} {m}{y}",
                "{m}  {d}{y}",
            ]
        )
    )
    return form.format(m=month, d=day, y=year)


@settings(max_examples=400, deadline=None)
@given(
    span=spans(),
    base=st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2029, 12, 31)),
    prefer=st.sampled_from(["future", "past"]),
)
@example(span="Sept. 3", base=dt.date(2025, 9, 3), prefer="future")  # the same day: next year
@example(span="Sept. 3", base=dt.date(2025, 9, 3), prefer="past")
@example(span="Feb. 28", base=dt.date(2028, 2, 28), prefer="future")
@example(span="Sep 31", base=dt.date(2025, 9, 3), prefer="future")
@example(span="Feb 29, 2027", base=dt.date(2025, 9, 3), prefer="future")
def test_the_plain_forms_agree_with_dateparser(span: str, base: dt.date, prefer: str) -> None:
    span = absolute._SEPT.sub("Sep", span)
    quick = absolute._plain_date(span, base, prefer)  # type: ignore[arg-type]
    if quick is not absolute._UNSURE:
        assert quick == absolute._dateparser(span, base, prefer)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("span", "prefer", "expected"),
    [
        ("Oct. 1", "future", dt.date(2025, 10, 1)),
        ("Sept. 3", "future", dt.date(2026, 9, 3)),
        ("Sept. 3", "past", dt.date(2025, 9, 3)),
        ("the 17th of September", "future", dt.date(2025, 9, 17)),
        ("Sept. 30, 2024", "future", dt.date(2024, 9, 30)),
        ("Feb. 29", "future", dt.date(2028, 2, 29)),
        ("Sep. 31", "future", None),
    ],
    ids=[
        "next-month",
        "same-day-future",
        "same-day-past",
        "ordinal-of",
        "with-year",
        "leap-day-via-dateparser",
        "no-such-day",
    ],
)
def test_parse_absolute(span: str, prefer: str, expected: dt.date | None) -> None:
    assert parse_absolute(span, dt.date(2025, 9, 3), prefer) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Opening brief due by 6/19/2015.", "2015-05-28…2015-06-19"),
        ("The hearing is on 19/6/2015.", "2015-06-19"),
        ("Reply due 6/19/15.", "2015-05-28…2015-06-19"),
        ("17/12: Adoption of the work programme", "2015-12-17"),
    ],
)
def test_numeric_dates_month_first_unless_it_cannot_be(text: str, due: str) -> None:
    found = [f.resolve(dt.date(2015, 5, 28)) for f in find(text)]
    assert [str(w) for w in found] == [due]


@pytest.mark.parametrize("text", ["About 3/4 of members voted.", "a 15/16 inch bolt", "13/13/2015"])
def test_a_fraction_or_an_impossible_date_is_no_date(text: str) -> None:
    assert all(f.resolve(dt.date(2015, 5, 28)) is None for f in find(text))
