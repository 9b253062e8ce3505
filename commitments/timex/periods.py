"""Named periods ("next week", "early April", "Q3", "this fall", "Friday") and their windows.

Each period is a regular expression and a resolver that turns a match and the issue date ``D``
into a :class:`Window`. The due grammar (:mod:`commitments.timex.grammar`) puts operators such as
"by", "before" and "on" in front of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs

from commitments.records import Window
from commitments.timex import calendar as cal
from commitments.timex.absolute import parse_absolute
from commitments.timex.calendar import MONTHS

__all__ = ["MONTHS", "PERIODS", "WEEKDAYS", "Period", "month_number", "weekday_number"]

Resolver = Callable[[re.Match[str], dt.date], Window | None]

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 4,
    "last": 4,
    "front": 1,
    "back": 2,
}

# Full month names; abbreviations only capitalised and followed by a dot or a day number.
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s*\d)"
    r"|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
# In a date next to a day number, a bare capitalised abbreviation is safe ("15 Oct at 14:00").
MONTH_IN_DATE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri)\b\.?)"
)
YEAR = r"(?:19[5-9]\d|20\d\d|21\d\d)"
DATE_YEAR = r"(?:1\d\d\d|[2-9]\d\d\d)"
"""A year right after a day and month ("17 September 3000"): any four digits, 1000-9999.
Standing alone ("by 2030"), only :data:`YEAR` is read as one: "by 3000 troops" is no year."""
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
RECENT_PAST_DAYS = 120
"""A yearless date this many days before the issue date or fewer is read as past, not next year."""
TIME_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|noon))?"


def month_number(word: str) -> int:
    """1–12 for a month name or abbreviation."""
    return MONTHS[word.casefold().rstrip(".")]


def weekday_number(word: str) -> int:
    """0 (Monday) – 6 (Sunday) for a weekday name or abbreviation."""
    return WEEKDAYS[word.casefold().rstrip(".")]


@attrs.frozen
class Period:
    """A kind of named period: its pattern and how it resolves against the issue date."""

    name: str
    pattern: str
    resolve: Resolver
    needs_operator: bool = False
    """True when the bare phrase is too ambiguous ("May", "2026") without "in", "by", …"""


def _current_or_next(day: dt.date, windows: Callable[[int], Window]) -> Window:
    """The period containing ``day`` if any, else the next one (by year)."""
    for year_ in (day.year - 1, day.year, day.year + 1):
        window = windows(year_)
        if day <= window.latest:
            return window
    return windows(day.year + 1)


def _month_window(m: re.Match[str], day: dt.date) -> Window:
    number = month_number(m["month"])
    if "year" in m.re.groupindex and m["year"]:
        return cal.month(int(m["year"]), number)
    return _current_or_next(day, lambda y: cal.month(y, number))


def _part(window: Window, part: str) -> Window:
    """Early, mid or late part of a month (days 1–10, 11–20, 21–end) or a longer period."""
    part = part.casefold().rstrip("-")
    if window.days <= 31:
        first = window.earliest
        if part in ("early", "beginning", "start"):
            return Window(first, first.replace(day=10))
        if part in ("mid", "middle"):
            return Window(first.replace(day=11), first.replace(day=20))
        if part in ("end",):
            return Window.day(window.latest)
        return Window(first.replace(day=21), window.latest)
    third = window.days // 3
    if part in ("early", "beginning", "start"):
        return Window(window.earliest, window.earliest + dt.timedelta(days=third - 1))
    if part in ("mid", "middle"):
        return Window(
            window.earliest + dt.timedelta(days=third), window.latest - dt.timedelta(days=third)
        )
    if part == "end":
        return Window.day(window.latest)
    return Window(window.latest - dt.timedelta(days=third - 1), window.latest)


def _weekday(m: re.Match[str], day: dt.date) -> Window:
    number = weekday_number(m["weekday"])
    which = (m["which"] or "").casefold()
    if which == "next":
        monday = cal.week(day, 1).earliest
        return Window.day(monday + dt.timedelta(days=number))
    if which == "this":
        target = cal.week(day).earliest + dt.timedelta(days=number)
        return Window.day(target if target >= day else cal.next_weekday(day, number))
    return Window.day(cal.next_weekday(day, number))


_ORDINAL_NOUN = (
    r"(?:(?-i:[A-Z](?!\w*day\b)[a-z]+)|(?:century|anniversary|floor|time|place|round|amendment"
    r"|edition|session|birthday|congress|parliament|most|\w+est)\b)"
)
"""What makes "the 19th" an ordinal, not a day: a capitalised word after it ("the 10th Mountain
Division", "the 23rd Street entrance"; not a weekday), or a noun or superlative that an ordinal
qualifies ("the 20th century", "the 5th largest")."""


def _day_of_month(m: re.Match[str], day: dt.date) -> Window | None:
    """ "the 19th": the next 19th on or after ``day`` (this month if not past, else next)."""
    number = int(m["dom"])
    for months in range(0, 3):
        first = cal.add_months(day.replace(day=1), months)
        if number <= cal.month_end(first.year, first.month).day:
            target = first.replace(day=number)
            if target >= day:
                return Window.day(target)
    return None


def _weekday_next_week(m: re.Match[str], day: dt.date) -> Window:
    monday = cal.week(day, 1).earliest
    return Window.day(monday + dt.timedelta(days=weekday_number(m["weekday"])))


def _date_range(m: re.Match[str], day: dt.date) -> Window | None:
    """ "25-26 October", "October 25–26", "the weekend of 25-26 October"."""
    month_ = m["month"]
    year_ = f" {m['year']}" if m["year"] else ""
    first = parse_absolute(f"{m['d1']} {month_}{year_}", day, "future")
    last = parse_absolute(f"{m['d2']} {month_}{year_}", day, "future")
    if first is None or last is None or last < first:
        return None
    return Window(first, last)


def _month_event(m: re.Match[str], day: dt.date) -> Window:
    """ "at the February meeting": some day in that month."""
    return _month_window(m, day)


def _date(m: re.Match[str], day: dt.date) -> Window | None:
    found = parse_absolute(m["date"], day, "future")
    if found is None:
        return None
    if not re.search(DATE_YEAR, m["date"]):
        past = parse_absolute(m["date"], day, "past")
        if past is not None and past < day and (day - past).days <= RECENT_PAST_DAYS:
            return None  # "on June 13", written in late June, is a past event, not a due date
    return Window.day(found)


def _iso(m: re.Match[str], day: dt.date) -> Window | None:
    try:
        return Window.day(dt.date.fromisoformat(m["iso"]))
    except ValueError:
        return None


def _week(m: re.Match[str], day: dt.date) -> Window:
    which = (m["which"] or "next").casefold()  # ("in the new year": next year)
    part = (m["part"] or "").casefold()
    if which == "next":
        window = cal.week(day, 1)
        if part == "early":
            return Window(window.earliest, window.earliest + dt.timedelta(days=2))
        if part == "late":
            return Window(window.earliest + dt.timedelta(days=3), window.latest)
        return window
    window = cal.week(day)
    if part == "later":
        return Window(min(day + dt.timedelta(days=1), window.latest), window.latest)
    if part == "early":
        return Window(day, max(day, window.earliest + dt.timedelta(days=2)))
    if part == "late":
        return Window(max(day, window.earliest + dt.timedelta(days=3)), window.latest)
    return Window(day, window.latest)


def _end_of_week(m: re.Match[str], day: dt.date) -> Window:
    offset = 1 if (m["which"] or "").casefold() == "next" else 0
    friday = cal.week(day, offset).earliest + dt.timedelta(days=4)
    return Window.day(max(friday, day))


def _weekend(m: re.Match[str], day: dt.date) -> Window:
    saturday = cal.week(day, 1 if (m["which"] or "").casefold() == "next" else 0).earliest
    saturday += dt.timedelta(days=5)
    return Window(max(saturday, day), saturday + dt.timedelta(days=1))


def _this_month(m: re.Match[str], day: dt.date) -> Window:
    which = (m["which"] or "next").casefold()  # ("in the new year": next year)
    part = (m["part"] or "").casefold()
    if which == "next":
        first = cal.add_months(day.replace(day=1), 1)
        window = cal.month(first.year, first.month)
    else:
        window = Window(day, cal.month_end(day.year, day.month))
        if part in ("early", "mid", "late", "end"):
            whole = cal.month(day.year, day.month)
            sub = _part(whole, part)
            return Window(max(sub.earliest, day), max(sub.latest, day))
        return window
    return _part(window, part) if part else window


def _end_of_month(m: re.Match[str], day: dt.date) -> Window:
    if m["which"] and m["which"].casefold() == "next":
        day = cal.add_months(day.replace(day=1), 1)
    return Window.day(cal.month_end(day.year, day.month))


def _part_of_month(m: re.Match[str], day: dt.date) -> Window:
    return _part(_month_window(m, day), m["part"])


def _year_word(m: re.Match[str], day: dt.date) -> Window:
    which = (m["which"] or "next").casefold()  # ("in the new year": next year)
    part = (m["part"] or "").casefold()
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
    return _part(window, m["part"]) if m["part"] else window


def _end_of_year(m: re.Match[str], day: dt.date) -> Window:
    year_ = int(m["year"]) if m["year"] else day.year
    if m["which"] and m["which"].casefold() == "next":
        year_ = day.year + 1
    return Window.day(dt.date(year_, 12, 31))


def _end_of_quarter(m: re.Match[str], day: dt.date) -> Window:
    number = (day.month - 1) // 3 + 1
    if (m["which"] or "").casefold() == "next":
        number += 1
    year_ = day.year + (number - 1) // 4
    return Window.day(cal.quarter(year_, (number - 1) % 4 + 1).latest)


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


def _month_or_pair(m: re.Match[str], day: dt.date) -> Window:
    first = _month_window(m, day)
    if not m["month2"]:
        return first
    second = month_number(m["month2"])
    year_ = first.earliest.year + (second < first.earliest.month)
    return Window(first.earliest, cal.month(year_, second).latest)


def _season(m: re.Match[str], day: dt.date) -> Window:
    name = m["season"].casefold()
    if m["year"]:
        return cal.season(name, int(m["year"]))
    current = _current_or_next(day, lambda y: cal.season(name, y))
    if (m["which"] or "").casefold() == "next" and day in current:
        return cal.season(name, current.earliest.year + 1)
    return current


def _holiday(m: re.Match[str], day: dt.date) -> Window:
    name = m["holiday"].casefold()
    if "christmas" in name:
        month_, date_ = 12, (24 if "eve" in name else 25)
    elif "new year" in name and "day" in name:
        month_, date_ = 1, 1
    elif "new year" in name:
        month_, date_ = 12, 31
    else:  # halloween
        month_, date_ = 10, 31
    target = dt.date(day.year, month_, date_)
    if target < day:
        target = target.replace(year=day.year + 1)
    return Window.day(target)


def _today(m: re.Match[str], day: dt.date) -> Window:
    return Window.day(day)


def _tomorrow(m: re.Match[str], day: dt.date) -> Window:
    extra = 2 if m["after"] else 1
    return Window.day(day + dt.timedelta(days=extra))


PERIODS: tuple[Period, ...] = (
    Period(
        "iso",
        r"(?P<iso>\d{4}-\d\d-\d\d)",
        _iso,
    ),
    Period(
        "date-range",
        rf"(?:(?:the\s+)?weekend\s+of\s+)?(?P<d1>{DAYNUM})\s*[-–]\s*(?P<d2>{DAYNUM})\s+(?:of\s+)?"
        rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{DATE_YEAR}))?",
        _date_range,
    ),
    Period(
        "date-range-us",
        rf"(?:(?:the\s+)?weekend\s+of\s+)?(?P<month>{MONTH})\s+(?P<d1>{DAYNUM})\s*[-–]\s*"
        rf"(?P<d2>{DAYNUM})(?:,?\s+(?P<year>{DATE_YEAR}))?",
        _date_range,
    ),
    Period(
        "month-event",
        rf"the\s+(?P<month>{MONTH})\s+(?:meeting|session|sitting|summit|board|review|council"
        rf"|conference|release|update|call|deadline|hearing|vote)",
        _month_event,
    ),
    Period(
        "date",
        rf"(?P<date>(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAYNUM}(?:,?\s+{DATE_YEAR})?"
        rf"|(?:the\s+)?{DAYNUM}\s+(?:of\s+)?{MONTH_IN_DATE}(?:,?\s+{DATE_YEAR})?))(?!\d|:\d)",
        _date,
    ),
    Period(
        "end-of-week",
        r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(?P<which>next)\s+)?(?:working\s+|work\s+)?week",
        _end_of_week,
    ),
    Period(
        "weekend",
        r"(?:(?P<which>this|next)\s+|the\s+)weekend",
        _weekend,
    ),
    Period(
        "week",
        r"(?:(?P<part>early|late|later)\s+)?(?P<which>this|next)\s+week",
        _week,
    ),
    Period(
        "weekday-next-week",
        rf"(?P<weekday>{WEEKDAY}){TIME_OF_DAY}\s+(?:of\s+)?next\s+week",
        _weekday_next_week,
    ),
    Period(
        "day-of-month",
        rf"(?:{WEEKDAY},?\s+)?the\s+(?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
        rf"(?!\s+(?:of\s+)?{MONTH})(?!\s+{_ORDINAL_NOUN})",
        _day_of_month,
    ),
    Period(
        "weekday",
        rf"(?:(?P<which>this|next|coming)\s+)?(?P<weekday>{WEEKDAY}){TIME_OF_DAY}",
        _weekday,
    ),
    Period(
        "end-of-month",
        r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(?P<which>next)\s+)?month",
        _end_of_month,
    ),
    Period(
        "month-word",
        r"(?:(?P<part>early|mid-?|late|later|the\s+end\s+of)\s*)?(?P<which>this|next)\s+month",
        _this_month,
    ),
    Period(
        "month-part",
        rf"(?:(?P<part>early|mid-?|late|end)\s*(?:-\s*)?|the\s+(?P<part2>beginning|start|middle|end)"
        rf"\s+of\s+)(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
        lambda m, d: _part(_month_window(m, d), m["part"] or m["part2"]),
    ),
    Period(
        "month",  # "in March", "in March 2026", "in March and April", "in May or June",
        # "from June to August"
        rf"(?P<month>{MONTH})(?:\s+(?:and|or|to|through|until|-|–)\s+(?P<month2>{MONTH}))?"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
        _month_or_pair,
        needs_operator=True,
    ),
    Period(
        "end-of-year",
        rf"(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+|(?P<which>next)\s+)?year|year[- ]end"
        rf"|the\s+year'?s\s+end|end\s+of\s+(?P<year>{YEAR}))",
        _end_of_year,
    ),
    Period(
        "year-word",
        r"(?:(?P<part>early|later|late|mid-?)\s*)?(?:(?P<which>this|next)\s+year"
        r"|in\s+the\s+new\s+year(?!'?s))",  # "early in the new year": next year (not "by New Year")
        lambda m, d: (
            _year_word(m, d)
            if (m["part"] or "").casefold() != "later"
            else Window(d, cal.year(d.year).latest)
        ),
    ),
    Period(
        "quarter",
        rf"(?:(?-i:Q)(?P<number>[1-4])|the\s+(?:(?P<which>next|this)\s+)?(?P<ordinal>first|second"
        rf"|third|fourth|final)\s+quarter)(?:(?:\s+of)?\s+(?P<year>{YEAR}))?",
        _quarter,
    ),
    Period(
        "end-of-quarter",
        r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(?P<which>next)\s+)(?:current\s+)?quarter",
        _end_of_quarter,
    ),
    Period(
        "half",
        rf"(?:(?-i:H)(?P<number>[12])|the\s+(?P<ordinal>first|second|front|back)\s+half)"
        rf"(?:(?:\s+of)?(?:\s+(?P<year>{YEAR})|\s+(?:the|this)\s+year|\s+(?P<which>next)\s+year))?",
        _half,
    ),
    Period(
        "season",
        rf"(?:(?P<which>this|next|the)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?",
        _season,
        needs_operator=True,
    ),
    Period(  # "next spring", "this autumn": no operator needed
        "season-named",
        rf"(?P<which>this|next)\s+(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?",
        _season,
    ),
    Period(
        "holiday",
        r"(?P<holiday>christmas(?:\s+eve|\s+day)?|new\s+year'?s?(?:\s+eve|\s+day)?|halloween)",
        _holiday,
    ),
    Period(
        "year",  # "in 2026", "early 2026", "by the end of fiscal 2027"
        rf"(?:(?P<part>early|mid-?|late)\s*)?(?:(?:fiscal|financial)\s+(?:year\s+)?)?(?P<year>{YEAR})"
        r"(?![-/]\d)",
        _year_number,
        needs_operator=True,
    ),
    Period(
        "today",
        r"(?:later\s+)?(?:today|tonight|this\s+(?:evening|afternoon|morning)"
        r"|(?:the\s+)?end\s+of\s+(?:the\s+)?day|(?-i:EOD|COB))",
        _today,
    ),
    Period(
        "tomorrow",
        r"(?:(?P<after>the\s+day\s+after)\s+)?tomorrow(?:\s+(?:morning|afternoon|evening|night))?",
        _tomorrow,
    ),
)
