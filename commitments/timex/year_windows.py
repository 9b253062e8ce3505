"""How the periods of a year resolve: a year by its name or number ("next year", "fiscal 2027",
"in 2024-25"), its end, its quarters and halves ("Q3", "this quarter", "the first half of 2026")
and its fiscal or financial year ("next financial year": 1 April to 31 March).

The table of periods that pairs each pattern with its resolver is
:data:`commitments.timex.periods.PERIODS`; the days, weeks and months resolve in
:mod:`commitments.timex.period_windows`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from commitments.records import Window
from commitments.timex import calendar as cal
from commitments.timex.period_windows import _current_or_next, _part
from commitments.timex.period_words import ORDINALS, month_number

__all__: list[str] = []


def _year_word(m: re.Match[str], day: dt.date) -> Window:
    which = (m["which"] or "next").casefold()  # ("in the new year": next year)
    part = (m["part"] or m["part2"] or "").casefold()  # ("the start of next year": early)
    if which == "next":
        window = cal.year(day.year + 1)
        return _part(window, part) if part else window
    whole = cal.year(day.year)
    if part in ("early", "mid", "late"):
        sub = _part(whole, part)
        return Window(max(sub.earliest, day), max(sub.latest, day))
    return Window(day, whole.latest)


def _year_number(m: re.Match[str], day: dt.date) -> Window:
    window = cal.year(int(m["year"]))
    part = m["part"] or m["part2"]  # ("the beginning of 2022": early 2022)
    return _part(window, part) if part else window


def _end_of_year(m: re.Match[str], day: dt.date) -> Window:
    named = m["year"] or m["year2"]
    year_ = int(named) if named else day.year
    ahead = 1 if m["which"] and m["which"].casefold() == "next" else 0
    if not named and (m["kind"] or "").casefold() == "financial":  # ends on 31 March
        return Window.day(cal.financial_year_of(day, ahead).latest)
    return Window.day(dt.date(year_ + ahead, 12, 31))


def _quarter_word(m: re.Match[str], day: dt.date) -> Window:
    """ "this quarter": from ``day`` to its quarter's end; "next quarter": the one after."""
    if m["which"].casefold() in ("this", "current"):
        return Window(day, cal.quarter_of(day).latest)
    return cal.quarter_of(day, 1)


def _end_of_quarter(m: re.Match[str], day: dt.date) -> Window:
    ahead = 1 if (m["which"] or "").casefold() == "next" else 0
    return Window.day(cal.quarter_of(day, ahead).latest)


def _numbered(m: re.Match[str], day: dt.date, make: Callable[[int, int], Window]) -> Window:
    raw = (m["number"] or m["ordinal"]).casefold()
    number = int(raw) if raw.isdigit() else ORDINALS[raw]
    if make is cal.half:
        number = min(number, 2)
    if m["year"]:
        return make(int(m["year"]), number)
    if m["which"] and m["which"].casefold() == "next":
        return make(day.year + 1, number)
    if m["which"] and m["which"].casefold() == "this":
        return make(day.year, number)
    return _current_or_next(day, lambda y: make(y, number))


def _quarter(m: re.Match[str], day: dt.date) -> Window:
    return _numbered(m, day, cal.quarter)


def _half(m: re.Match[str], day: dt.date) -> Window:
    return _numbered(m, day, cal.half)


def _fiscal_word(m: re.Match[str], day: dt.date) -> Window:
    """ "next fiscal year": the calendar's next year (as "fiscal 2027" is the calendar's 2027);
    "next financial year": the next 1 April to 31 March. "This" or "current" runs from ``day``
    to the year's end; "coming" and "upcoming" are the next one."""
    ahead = 0 if m["which"].casefold() in ("this", "current") else 1
    if m["kind"].casefold() == "fiscal":
        year = cal.year(day.year + ahead)
    else:
        year = cal.financial_year_of(day, ahead)
    return Window(day, year.latest) if not ahead else year


def _split_year(m: re.Match[str], day: dt.date) -> Window | None:
    """ "in 2024-25", "in financial year 2015-16": a financial year, 1 April to 31 March (the
    second year must follow the first: "2015-18" is a span of years, not one)."""
    first = int(m["y1"])
    if int(m["y2"]) != (first + 1) % 100:
        return None
    return cal.financial_year(first)


def _month_quarter(m: re.Match[str], day: dt.date) -> Window:
    """ "the September 2009 quarter": the calendar quarter that month ends or falls in."""
    return cal.quarter_of(dt.date(int(m["year"]), month_number(m["month"]), 1))
