"""How each named period resolves: functions from a match of a period's pattern and the issue
date ``D`` to its :class:`~commitments.records.Window` ("next week", "early April", "Q3", "this
fall", "Friday", "25-26 October"), and the early, mid or late part of a window.

The table of periods that pairs each pattern with its resolver is
:data:`commitments.timex.periods.PERIODS`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from commitments.records import Window
from commitments.timex import calendar as cal
from commitments.timex.absolute import parse_absolute
from commitments.timex.period_words import (
    DATE_YEAR,
    ORDINALS,
    RECENT_PAST_DAYS,
    month_number,
    weekday_number,
)

__all__: list[str] = []


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


def _nth_weekday(m: re.Match[str], day: dt.date) -> Window | None:
    """ "the first Monday in October": that day of the month's window; with no month named
    ("the fourth Friday after it is filed"), a count from an unknown day: no window."""
    if not m["month"]:
        return None
    word = m["nth"].casefold()
    nth = int(word[0]) if word[0].isdigit() else ORDINALS[word]  # "2nd", "second"
    month = _month_window(m, day)
    target = cal.next_weekday(month.earliest, weekday_number(m["weekday"]), same_day=True)
    target += dt.timedelta(weeks=nth - 1)
    return Window.day(target) if target <= month.latest else None


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
    """ "25-26 October", "October 25–26", "the weekend of 25-26 October", "October 2 and 3"."""
    month_ = m["month"]
    year_ = f" {m['year']}" if m["year"] else ""
    first = parse_absolute(f"{m['d1']} {month_}{year_}", day, "future")
    last = parse_absolute(f"{m['d2']} {month_}{year_}", day, "future")
    if first is None or last is None or last < first:
        return None
    if (" and " in m[0] or "&" in m[0]) and (last - first).days > 6:
        return None  # ("on October 2 and 30": no two days of one event)
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
        if past == day:
            return Window.day(day)  # "on July 26", written on July 26: today, not next year's
        if past is not None and past < day and (day - past).days <= RECENT_PAST_DAYS:
            return None  # "on June 13", written in late June, is a past event, not a due date
    return Window.day(found)


def _numeric_date(m: re.Match[str], day: dt.date) -> Window | None:
    """ "6/19/2015", "5/28/15" (month first, as US records write them, unless the first number
    cannot be a month: "19/6/2015"), and "17/12" with no year when one number cannot be a month
    (an agenda's "17/12: Adoption of …"; "3/4" may be a fraction, so it is no date)."""
    if m.start("n1") and m.string[m.start("n1") - 1] in "0123456789/.,-":
        return None  # ("123/4", "1.5/2": part of a number, no date)
    first, second = int(m["n1"]), int(m["n2"])
    if first > 31 or second > 31:
        return None
    if first > 12 >= second:
        month, mday = second, first
    elif first <= 12:
        month, mday = first, second
    else:
        return None
    if m["ny"] is None:
        if first <= 12 and second <= 12:
            return None
        for year in (day.year, day.year + 1):
            try:
                found = dt.date(year, month, mday)
            except ValueError:
                return None
            if found >= day:
                break
        past = found.replace(year=found.year - 1) if found.year > day.year else found
        if past < day and (day - past).days <= RECENT_PAST_DAYS:
            return None  # (as for "on June 13": lately past, not next year's)
        return Window.day(found)
    year = int(m["ny"])
    if len(m["ny"]) == 2:
        year += 2000 if year < 70 else 1900
    try:
        return Window.day(dt.date(year, month, mday))
    except ValueError:
        return None


def _iso(m: re.Match[str], day: dt.date) -> Window | None:
    try:
        return Window.day(dt.date.fromisoformat(m["iso"]))
    except ValueError:
        return None


def _week(m: re.Match[str], day: dt.date) -> Window:
    if m["after_next"]:
        return cal.week(day, 2)
    which = "this" if m["later_in"] else m["which"].casefold()
    part = "later" if m["later_in"] else (m["part"] or "").casefold()
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
    """The week's Friday: the next week's for "next", and for "the end of the week" said on a
    weekend, when this week's Friday has passed ("this week" keeps this week's)."""
    offset = 1 if (m["which"] or "").casefold() == "next" else 0
    friday = cal.week(day, offset).earliest + dt.timedelta(days=4)
    if friday < day and not offset and not m["this"]:
        friday += dt.timedelta(weeks=1)
    return Window.day(max(friday, day))


def _weekend(m: re.Match[str], day: dt.date) -> Window:
    saturday = cal.week(day, 1 if (m["which"] or "").casefold() == "next" else 0).earliest
    saturday += dt.timedelta(days=5)
    return Window(max(saturday, day), saturday + dt.timedelta(days=1))


def _this_month(m: re.Match[str], day: dt.date) -> Window:
    which = "this" if m["later_in"] else m["which"].casefold()  # ("later in the month": this)
    part = (m["part"] or m["part2"] or "").casefold()  # ("the start of next month": early)
    if which == "next":
        first = cal.add_months(day.replace(day=1), 1)
        window = cal.month(first.year, first.month)
    else:
        window = Window(day, cal.month_end(day.year, day.month))
        if part in ("early", "mid", "late", "end", "beginning", "start", "middle"):
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


def _easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month_ = (h + weekday - 7 * m + 90) // 25
    return dt.date(year, month_, (h + weekday - 7 * m + 33 * month_ + 19) % 32)


def _holiday(m: re.Match[str], day: dt.date) -> Window:
    name = m["holiday"].casefold()
    if "easter" in name:  # Easter Sunday (or Monday), this year's if not past, else next year's
        shift = dt.timedelta(days=1 if "monday" in name else 0)
        target = _easter(day.year) + shift
        return Window.day(target if target >= day else _easter(day.year + 1) + shift)
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


def _dotted_date(m: re.Match[str], day: dt.date) -> Window | None:
    """ "13.10.15", "15.04.2016": day, month and year with dots, as European papers write them."""
    if m.start() and m.string[m.start() - 1] in "0123456789.,":
        return None  # ("1.13.10.15": a section number, no date)
    year = int(m["dy"])
    if len(m["dy"]) == 2:
        year += 2000 if year < 50 else 1900
    try:
        return Window.day(dt.date(year, int(m["dm"]), int(m["dd"])))
    except ValueError:
        return None


_NTH_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _week_of_month(m: re.Match[str], day: dt.date) -> Window:
    """ "the first week of October" (days 1-7), "the third week of May" (15-21), "the last week
    of October" (its last seven days): in the month's next occurrence, or the year given."""
    month = (
        cal.month(int(m["year"]), month_number(m["month"])) if m["year"] else _month_window(m, day)
    )
    nth = m["nth"].casefold()
    if nth in _NTH_WEEK:
        first = month.earliest + dt.timedelta(weeks=_NTH_WEEK[nth])
        return Window(first, first + dt.timedelta(days=6))
    return Window(month.latest - dt.timedelta(days=6), month.latest)
