"""Absolute dates ("17 September", "Sept. 17, 2025"), parsed by dateparser.

This is the one module that imports dateparser. It is only ever handed a candidate span that
our own grammar found, never free text: dateparser's ``search_dates`` misreads words such as
"may", "a march" or "The Sun" as dates.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings
from typing import Any, Literal

from commitments.timex.calendar import MONTHS

__all__ = ["parse_absolute", "parse_heading", "settings"]

Prefer = Literal["future", "past", "current_period"]

_SEPT = re.compile(r"\bSept\b", re.IGNORECASE)  # dateparser knows "Sep" but not "Sept"


@functools.lru_cache(maxsize=256)
def _parser(base: dt.date, prefer: Prefer) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=settings(base, prefer))


def settings(base: dt.date, prefer: Prefer = "future") -> dict[str, Any]:
    """The dateparser settings we parse with (the benchmark gives ``search_dates`` the same)."""
    return {
        # dateparser wants a naive base: dates here are calendar dates, not instants.
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12, 0),  # noqa: DTZ001
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


@functools.lru_cache(maxsize=4096)
def parse_absolute(span: str, base: dt.date, prefer: Prefer = "future") -> dt.date | None:
    """The date a span names, relative to ``base`` when it has no year; ``None`` if none.

    ``prefer`` picks the year of a yearless date: "future" gives the next one on or after
    ``base``, "past" the last one on or before it.
    """
    span = _SEPT.sub("Sep", span)
    quick = _plain_date(span, base, prefer)
    if quick is not _UNSURE:
        return quick  # type: ignore[return-value]
    return _dateparser(span, base, prefer)


def _dateparser(span: str, base: dt.date, prefer: Prefer) -> dt.date | None:
    parser = _parser(base, prefer)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = parser.get_date_data(span)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    found: dt.date = data.date_obj.date()
    return found


# -- the common forms without dateparser --------------------------------------------------------
# "Oct. 1", "17 September", "Sept. 30, 2025", "the 3rd of September": answered here exactly as
# dateparser answers them with our settings (a property test compares the two), in microseconds
# instead of milliseconds; any other form, and Feb 29 without a year, goes to dateparser.

_UNSURE = object()
_PLAIN = re.compile(
    r"(?:the\s+)?(?P<d1>\d{1,2})(?P<o1>st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[a-z]+)(?P<p1>\.)?"
    r"|(?P<m2>[a-z]+)(?P<p2>\.)?\s+(?P<d2>\d{1,2})(?P<o2>st|nd|rd|th)?",
    re.IGNORECASE | re.ASCII,
)
_YEAR = re.compile(r",?\s+(?P<y>1\d\d\d|[2-9]\d\d\d)", re.ASCII)


def _plain_date(span: str, base: dt.date, prefer: Prefer) -> object:
    """The date of a common form, ``None`` for an impossible one, else ``_UNSURE``."""
    m = _PLAIN.match(span)
    if m is None or prefer == "current_period":
        return _UNSURE
    end = m.end()
    year_match = _YEAR.fullmatch(span, end) if end < len(span) else None
    if end < len(span) and year_match is None:
        return _UNSURE
    word = (m["m1"] or m["m2"]).lower()
    month = MONTHS.get(word)
    dot = m["p1"] or m["p2"]
    if month is None or (dot and word not in _ABBREVIATIONS):
        return _UNSURE
    day = int(m["d1"] or m["d2"])
    ordinal = (m["o1"] or m["o2"] or "").lower()
    if ordinal and ordinal != _ordinal(day):
        return _UNSURE
    if year_match is not None:
        try:
            return dt.date(int(year_match["y"]), month, day)
        except ValueError:
            return None
    if not 1 <= day <= 31 or (month, day) == (2, 29):
        return _UNSURE
    step = 1 if prefer == "future" else -1
    year = base.year
    for _ in range(3):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return None  # no such day in any year (Sep 31)
        if (found > base) if step > 0 else (found <= base):
            return found
        year += step
    return _UNSURE


_ABBREVIATIONS = frozenset(name for name in MONTHS if len(name) <= 4 and name != "june")


def _ordinal(day: int) -> str:
    if day % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


_HEADING = re.compile(
    r"(?:[^\W\d_]+,?\s+)?(?:[1-9]|[12]\d|3[01])\.?\s+[^\W\d_]+\.?,?\s+(?:19|20)\d\d"
)
"""A date heading in any language: "Lundi 25 février 2019", "Montag, 4. März 2024"."""


@functools.lru_cache(maxsize=256)
def _any_language() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.date import DateDataParser

    return DateDataParser(settings={"REQUIRE_PARTS": ["day", "month", "year"]})


def parse_heading(line: str) -> dt.date | None:
    """The date a line that is only a full date names, in any language dateparser reads
    ("Lundi 25 février 2019"); ``None`` for anything else. (A schedule's day headings.)"""
    line = line.strip(" \t.:")
    if len(line) > 40 or not _HEADING.fullmatch(line):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = _any_language().get_date_data(line)
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date_obj.date() if found and found.date_obj else None
