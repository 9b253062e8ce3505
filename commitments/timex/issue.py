"""Issue dates: phrases that date a statement ("on Friday", "said last week", "issued last month").

They point back from the publication date: a weekday is the last one on or before it, "last
week" is the whole previous week (Monday to Sunday), "last month" the whole previous month.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from commitments.records import Window
from commitments.timex import calendar as cal
from commitments.timex.absolute import parse_absolute
from commitments.timex.numbers import NUMBER, to_number
from commitments.timex.period_words import MONTH, WEEKDAY, YEAR, month_number, weekday_number

__all__ = ["issued_window"]

_DAY = dt.timedelta(days=1)

_RULES = re.compile(
    rf"""^(?=.{{0,200}}\Z)  # a phrase, not a page: no backtracking through a long run of words
    (?:on\s+|this\s+|at\s+|over\s+|in\s+|during\s+|the\s+)*(?:
      (?P<yesterday>yesterday|last\s+night)
    | (?P<today>today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today)
    | (?P<last>last|this\s+past|past)\s+(?:
          (?P<lunit>week|month|year|weekend)
        | (?P<lwd>{WEEKDAY}))
    | earlier\s+(?:this|in\s+the)\s+(?P<eunit>week|month|year)
    | (?P<n>{NUMBER})\s+(?P<aunit>days?|weeks?|months?|years?)\s+ago
    | (?P<weekend>(?:the\s+)?weekend)
    | (?P<week>week)
    | (?P<wd>{WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?
    | (?P<date>(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH})
        (?:,?\s+{YEAR})?)
    | (?P<month>{MONTH})(?:\s+(?P<year>{YEAR}))?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def _previous_weekend(day: dt.date) -> Window:
    if day.weekday() == 6:
        return Window(day - _DAY, day)
    saturday = cal.previous_weekday(day, 5, same_day=False)
    return Window(saturday, saturday + _DAY)


@functools.lru_cache(maxsize=4096)  # pure, and asked about every expression of a sentence
def issued_window(phrase: str, published: dt.date) -> Window | None:
    """The window a statement-dating phrase gives, looking back from ``published``; ``None``
    when it names none, or one before 1 January of year 1 ("last month" said in January 1)."""
    m = _RULES.match(" ".join(phrase.split()))
    if m is None:
        return None
    try:
        return _issued(m, published)
    except (ValueError, OverflowError):  # before the first day a date can hold
        return None


def _issued(m: re.Match[str], published: dt.date) -> Window | None:
    if m["yesterday"]:
        return Window.day(published - _DAY)
    if m["today"]:
        return Window.day(published)
    if m["last"]:
        if m["lwd"]:
            return Window.day(
                cal.previous_weekday(published, weekday_number(m["lwd"]), same_day=False)
            )
        unit = m["lunit"].casefold()
        if unit == "week":
            return cal.week(published, -1)
        if unit == "weekend":
            return _previous_weekend(published)
        if unit == "month":
            first = cal.add_months(published.replace(day=1), -1)
            return cal.month(first.year, first.month)
        return cal.year(published.year - 1)
    if m["eunit"]:
        unit = m["eunit"].casefold()
        if unit == "week":
            start = cal.week(published).earliest
        elif unit == "month":
            start = published.replace(day=1)
        else:
            start = published.replace(month=1, day=1)
        return Window(start, published)
    if m["n"]:
        amount = int(to_number(m["n"]))
        unit = m["aunit"].casefold().rstrip("s")
        if unit == "day":
            return Window.day(published - dt.timedelta(days=amount))
        if unit == "week":
            return Window.day(published - dt.timedelta(weeks=amount))
        months = amount if unit == "month" else 12 * amount
        return Window.day(cal.add_months(published, -months))
    if m["weekend"]:
        return _previous_weekend(published)
    if m["week"]:
        return Window(cal.week(published).earliest, published)
    if m["wd"]:
        return Window.day(cal.previous_weekday(published, weekday_number(m["wd"])))
    if m["date"]:
        found = parse_absolute(m["date"], published, "past")
        return Window.day(found) if found else None
    number = month_number(m["month"])
    year_ = int(m["year"]) if m["year"] else published.year
    if not m["year"] and number > published.month:
        year_ -= 1
    return cal.month(year_, number)
