"""Calendar arithmetic on plain dates: weeks, months, quarters, halves, seasons; month names.

:data:`MONTHS` is the one table of English month names: the time expressions and the e-mail
reader's date fallback both read it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import zoneinfo

from commitments.errors import DateError
from commitments.records import Window

__all__ = [
    "MONTHS",
    "add_business_days",
    "add_months",
    "financial_year",
    "financial_year_of",
    "half",
    "month",
    "month_end",
    "next_weekday",
    "previous_weekday",
    "quarter",
    "quarter_of",
    "season",
    "time_zone",
    "week",
    "year",
]

DAY = dt.timedelta(days=1)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
"""Each month's name and abbreviations, lower case, to its number (1-12)."""

# Meteorological seasons (northern hemisphere): the month each starts in.
SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def month_end(year_: int, month_: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year_, month_, calendar.monthrange(year_, month_)[1])


def month(year_: int, month_: int) -> Window:
    """A whole month."""
    return Window(dt.date(year_, month_, 1), month_end(year_, month_))


def year(year_: int) -> Window:
    """A whole year."""
    return Window(dt.date(year_, 1, 1), dt.date(year_, 12, 31))


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def add_business_days(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days`` working days (Monday to Friday); back with a negative ``days``."""
    step = DAY if days >= 0 else -DAY
    current = day
    left = abs(days)
    while left > 0:
        current += step
        if current.weekday() < 5:
            left -= 1
    return current


def week(day: dt.date, offset: int = 0) -> Window:
    """Monday to Sunday of ``day``'s week, moved by ``offset`` weeks."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
    return Window(monday, monday + dt.timedelta(days=6))


def next_weekday(day: dt.date, weekday: int, *, same_day: bool = False) -> dt.date:
    """The first ``weekday`` (Monday = 0) after ``day``; ``day`` itself if ``same_day``."""
    ahead = (weekday - day.weekday()) % 7
    if ahead == 0 and not same_day:
        ahead = 7
    return day + dt.timedelta(days=ahead)


def previous_weekday(day: dt.date, weekday: int, *, same_day: bool = True) -> dt.date:
    """The last ``weekday`` on or before ``day`` (strictly before unless ``same_day``)."""
    back = (day.weekday() - weekday) % 7
    if back == 0 and not same_day:
        back = 7
    return day - dt.timedelta(days=back)


def quarter(year_: int, number: int) -> Window:
    """Calendar quarter ``number`` (1–4) of a year."""
    first = 3 * (number - 1) + 1
    return Window(dt.date(year_, first, 1), month_end(year_, first + 2))


def quarter_of(day: dt.date, offset: int = 0) -> Window:
    """The calendar quarter ``day`` is in, moved by ``offset`` quarters."""
    index = day.year * 4 + (day.month - 1) // 3 + offset
    return quarter(index // 4, index % 4 + 1)


def financial_year(first: int) -> Window:
    """The financial year that starts in ``first``: 1 April to 31 March."""
    return Window(dt.date(first, 4, 1), dt.date(first + 1, 3, 31))


def financial_year_of(day: dt.date, offset: int = 0) -> Window:
    """The financial year ``day`` is in, moved by ``offset`` years."""
    return financial_year((day.year if day.month >= 4 else day.year - 1) + offset)


def half(year_: int, number: int) -> Window:
    """Half ``number`` (1 or 2) of a year."""
    if number == 1:
        return Window(dt.date(year_, 1, 1), dt.date(year_, 6, 30))
    return Window(dt.date(year_, 7, 1), dt.date(year_, 12, 31))


def season(name: str, year_: int) -> Window:
    """A meteorological season starting in ``year_`` (winter runs into the next year)."""
    start = SEASON_START[name]
    first = dt.date(year_, start, 1)
    last = add_months(first, 2)
    return Window(first, month_end(last.year, last.month))


def time_zone(name: str | None) -> dt.tzinfo:
    """The IANA time zone ``name`` (UTC when none); a :class:`DateError` for an unknown one."""
    if not name:
        return dt.UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise DateError(
            f"unknown time zone {name!r}: use an IANA name such as Europe/Berlin"
        ) from exc
