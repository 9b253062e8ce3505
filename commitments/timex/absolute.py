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

__all__ = ["parse_absolute", "settings"]

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
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12, 0),
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
    parser = _parser(base, prefer)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = parser.get_date_data(_SEPT.sub("Sep", span))
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    found: dt.date = data.date_obj.date()
    return found
