"""Found expressions joined into ranges: "from March 28th to April 5th", "between 3 May and 7
May", "on Monday or Tuesday", "the week of March 20", "from 3 to 5 March": one window from the
first day to the last, not two dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from commitments.records import Window
from commitments.timex.found import Found, Resolve

__all__: list[str] = []


_RANGE_JOIN = re.compile(r"\s*(?:to|through|thru|until|till|and|-|–|—)\s*")
_EITHER = re.compile(r"\s*+,?\s*+or\s++(?:possibly\s++|perhaps\s++)?")
_RANGE_OPEN = re.compile(r"(?:\b(?:from|between)\s+)$", re.IGNORECASE)
_YEAR = re.compile(r"\b\d{4}\b")
_DASH = re.compile(r"\s*[-–—]\s*")
_THROUGH = re.compile(r"(?:through|thru)\s", re.IGNORECASE)
_RANGE_KINDS = ("date", "on:date", "from:date", "at:date", "weekday", "on:weekday", "from:weekday")


def _joined_ranges(chosen: list[Found], text: str) -> list[Found]:
    """ "from March 28th to April 5th", "between 3 May and 7 May": one window from the first
    day to the last, not two dates."""
    out: list[Found] = []
    for found in chosen:
        prev = out[-1] if out else None
        joined = (
            (
                found.kind in _RANGE_KINDS
                and _RANGE_JOIN.fullmatch(text, prev.end, found.start) is not None
                if prev is not None
                else False
            )
            or (
                prev is not None
                and found.kind in ("by:date", "by:weekday")
                and found.text[:1].casefold() in "tu"  # "through March 9", "until 5 May"
                and not text[prev.end : found.start].strip()
            )
        )
        if (
            prev is not None
            and _EITHER.fullmatch(text, prev.end, found.start)
            and not (prev.past or found.past)
            and "vague" not in (prev.kind, found.kind)
        ):  # "in the late spring or early summer", "on Monday or Tuesday": either, so both
            out[-1] = _range_of(prev, found, text)
            continue
        if (
            prev is not None
            and joined
            and prev.kind in _RANGE_KINDS
            and (
                prev.text[:5].casefold() in ("from ", "betwe")
                or _RANGE_OPEN.search(text, max(0, prev.start - 9), prev.start)
                or _THROUGH.match(found.text)  # "Tuesday through Thursday": a range as it stands
                or (  # "June 29-July 1, 2011": two dates joined by a dash
                    prev.kind == found.kind == "date"
                    and _DASH.fullmatch(text, prev.end, found.start) is not None
                )
            )
        ):
            out[-1] = _range_of(prev, found, text)
            continue
        if found.kind.startswith("by:") and _CLOCK_FROM.search(
            text, max(0, found.start - 24), found.start
        ):
            found = _on_its_day(found)  # "from 2:00 p.m. until 4:00 p.m. on August 15": that day
        elif found.kind == "date" and (
            week := _WEEK_OF.search(text, max(0, found.start - 16), found.start)
        ):
            found = _week_from(found, week, text)  # "the week of March 20": [Mar 20, Mar 26]
        elif found.kind in _RANGE_KINDS and found.text[:1].isdigit():
            lead = _DAY_TO.search(text, max(0, found.start - 24), found.start)
            if lead is not None and (prev is None or prev.end <= lead.start()):
                found = _days_to(found, lead, text)
        elif (
            found.kind in _RANGE_KINDS
            and _MONTH_THEN_DAY.search(found.text)
            and (to := _TO_DAY.match(text, found.end))
            and not any(found.end <= f.start < to.end() for f in chosen)
        ):
            found = _to_day(found, to, text)  # "from September 15 to 19": its last day
        out.append(found)
    return out


_CLOCK_FROM = re.compile(r"\bfrom\s+\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s+$", re.IGNORECASE)
"""The start of hours on one day ("from 2:00 p.m. until 4:00 p.m. on …"), before its "until"."""


def _on_its_day(found: Found) -> Found:
    """A span of hours "until … on August 15": the day itself, not a deadline from now."""
    by = found.resolve

    def resolve(day: dt.date) -> Window | None:
        window = by(day)
        return None if window is None else Window.day(window.latest)

    return Found(start=found.start, end=found.end, text=found.text, resolve=resolve, kind="on:date")


_WEEK_OF = re.compile(r"\b(?:the\s+)?week\s+of\s+$", re.IGNORECASE)


def _week_from(day_found: Found, lead: re.Match[str], text: str) -> Found:
    def resolve(day: dt.date) -> Window | None:
        w = day_found.resolve(day)
        return None if w is None else Window(w.earliest, w.earliest + dt.timedelta(days=6))

    return _ranged(lead.start(), day_found.end, text, resolve)


def _ranged(start: int, end: int, text: str, resolve: Resolve) -> Found:
    """A range's expression, ``text[start:end]`` (to the end of its last part)."""
    return Found(start=start, end=end, text=text[start:end], resolve=resolve, kind="range:date")


_DAY_TO = re.compile(
    r"\b(?:from|between)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:to|and|-|–|until|till|through)\s*$",
    re.IGNORECASE,
)
"""The first day of "from 3 to 5 March", "between 10th and 12th June": its month is the last's."""


def _days_to(last: Found, lead: re.Match[str], text: str) -> Found:
    first_day = int(lead["d"])

    def resolve(day: dt.date) -> Window | None:
        b = last.resolve(day)
        if b is None or not 1 <= first_day <= b.latest.day:
            return None
        return Window(b.latest.replace(day=first_day), b.latest)

    return _ranged(lead.start(), last.end, text, resolve)


_MONTH_THEN_DAY = re.compile(r"[A-Za-z]\.?\s+[0-3]?\d(?:st|nd|rd|th)?$")
"""A date written month first, ending in its day ("from September 15", "Sept. 15")."""
_TO_DAY = re.compile(
    r"\s*(?:to|through|thru|until|till|[-–])\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<y>\d{4})\b)?(?=\s*(?:[,.;:)]|$|\s(?:in|at|on|to|and|for|with|when|while"
    r"|the|a|an|he|she|they|we|it)\b))",
    re.IGNORECASE,
)
"""The last day of a range in the first date's month ("to 19", "through 19th, 2025"), not a
count of something ("to 19 people")."""


def _to_day(first: Found, to: re.Match[str], text: str) -> Found:
    last_day, year = int(to["d"]), to["y"]

    def resolve(day: dt.date) -> Window | None:
        window = first.resolve(day)
        if window is None:
            return None
        start = window.earliest
        if year is not None and start.year != int(year) and (start.month, start.day) != (2, 29):
            start = start.replace(year=int(year))  # ("from Dec. 28 to 31, 2026": that year's)
        if not start.day < last_day <= calendar.monthrange(start.year, start.month)[1]:
            return window
        return Window(start, start.replace(day=last_day))

    return _ranged(first.start, to.end(), text, resolve)


def _range_of(first: Found, last: Found, text: str) -> Found:
    # "28 June - 3 July 2026": the first date is read in the year the last one names
    year_from_last = _YEAR.search(last.text) is not None and _YEAR.search(first.text) is None

    def resolve(day: dt.date) -> Window | None:
        a = first.resolve(day)
        b = last.resolve(day)
        if year_from_last and b is not None and (a is None or a.earliest.year != b.latest.year):
            year = b.latest.year  # (read from the year's start, else mid-way through the one
            # before: "December 28 to January 3, 2026")
            for start in (dt.date(year, 1, 1), dt.date(year - 1, 7, 1)):
                in_year = first.resolve(start)
                if in_year is not None and in_year.earliest <= b.latest:
                    a = in_year
                    break
        if a is None:
            return None
        if b is None or b.latest < a.earliest:  # "from Monday to Friday": Friday after Monday
            b = last.resolve(a.earliest)
        if b is None or b.latest < a.earliest:
            return None
        return Window(a.earliest, b.latest)

    return _ranged(first.start, last.end, text, resolve)
