"""Deadlines counted back from a named event: "at least fourteen days before the status
conference", "Not later than SEVEN DAYS before sentencing", "two (2) calendar days prior to the
CMC"; and acts set for a body's next meeting, whose day its minutes give ("agreed to consider the
matter further at its next meeting" … "[Adjourned till Thursday 18 June").

An order sets its events' days in one place ("A status conference is set for November 3, 2025",
"Sentence will be imposed on MARCH 17, 2022") and counts its deadlines back from them elsewhere.
:func:`event_days` reads the first kind from the whole document; :func:`counted_back` finds the
second kind in a sentence and resolves it against the event's day. An event the document gives
no day for gives no window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from commitments.fastmatch.prefilter import SENTENCES
from commitments.records import Window
from commitments.timex import calendar as cal
from commitments.timex.found import Found
from commitments.timex.grammar import find
from commitments.timex.numbers import NUMBER, to_number

__all__ = ["counted_back", "event_days", "in_place"]

_EVENTS = (
    r"(?P<event>sentenc(?:e|ing)|(?:jury\s+|bench\s+)?trial|(?:evidentiary\s+|motion\s+|final\s+)?"
    r"hearing|(?:status|settlement|pre-?trial|scheduling|case\s+management)\s+conference|CMC"
    r"|oral\s+argument|(?:general\s+|annual\s+|special\s+)?meeting|election|vote)"
)
_SET_FOR = re.compile(
    rf"\b{_EVENTS}\b(?:[^.;\n]{{0,60}}?)\b(?:is|are|was|were|will\s+be|shall\s+be|has\s+been"
    r"|have\s+been)\s+(?:hereby\s+)?(?:re-?)?(?:set|scheduled|held|imposed|convened|continued"
    r"|calendared|noticed)\s+(?:for|on|to)\s+",
    re.IGNORECASE,
)
"""An event and the words that give its day: "A status conference is set for …", "Sentence
will be imposed on …" (the day follows)."""
_BACK = re.compile(
    rf"(?:(?:no|not)\s+later\s+than\s+|at\s+least\s+|by\s+)?(?P<n>{NUMBER})\s+"
    r"(?:calendar\s+|(?P<biz>business|working|court)\s+)?(?P<unit>days?|weeks?)\s+(?:before|prior\s+to"
    rf"|in\s+advance\s+of)\s+(?:the\s+)?(?:date\s+of\s+(?:the\s+)?)?{_EVENTS}\b",
    re.IGNORECASE,
)
"""A time counted back from an event: "at least fourteen days before the status conference"."""


_NEXT_SET = re.compile(
    r"\b(?:[Aa]djourned[ \t]+(?:till|until|to)|[Nn]ext[ \t]+meeting\b[^.\n]{0,40}?"
    r"(?:\bon|\bheld|:))[ \t]+"
)
"""Where minutes give the day of the body's next meeting: "[Adjourned till Thursday 18 June",
"The next meeting will be held on 4 May", "Next meeting: 4 May" (the day follows)."""
_AT_NEXT = re.compile(
    r"\b(?P<op>at|by|before|until)[ \t]+(?:its|the|their|our)[ \t]+next[ \t]+meeting\b",
    re.IGNORECASE,
)
"""An act set for the next meeting: "agreed to consider the matter further at its next meeting"."""
SENTENCES.watch([_BACK, _AT_NEXT])  # (most sentences hold none of the words either needs)


def _key(event: str) -> str:
    words = event.casefold().split()
    if words[0].startswith("sentenc"):
        return "sentencing"
    if words[-1] == "cmc" or words[:2] == ["case", "management"]:
        return "case management conference"
    return words[-1] if words[-1] in ("trial", "hearing", "meeting") else " ".join(words)


def event_days(text: str, published: dt.date) -> dict[str, dt.date]:
    """The day the document sets for each event it names, the first day given for it (and the
    day of the next meeting, which minutes give as they close)."""
    days: dict[str, dt.date] = {}
    sets = [(_key(m["event"]), m.end()) for m in _SET_FOR.finditer(text)]
    if "eeting" in text or "djourned" in text:
        sets += [(_NEXT, m.end()) for m in _NEXT_SET.finditer(text)]
    for key, end in sets:
        if key in days:
            continue
        found = find(text[end : end + 60])
        if not found or found[0].start > 2:
            continue
        window = found[0].resolve(published)
        if window is None or window.earliest != window.latest:
            continue
        if key != _NEXT or window.latest >= published:  # (a next meeting is still to come)
            days[key] = window.latest
    return days


_NEXT = "next meeting"


def counted_back(body: str, days: Callable[[], dict[str, dt.date]]) -> list[Found]:
    """The times in ``body`` counted back from an event, as due expressions: by the day that
    many days or weeks before the day ``days()`` gives the event (asked for only when ``body``
    counts back from one)."""
    ruled = SENTENCES.ruled_out(body)
    found = []
    for m in _BACK.finditer(body) if _BACK not in ruled else ():
        day = days().get(_key(m["event"]))
        if day is None:
            continue
        amount = int(to_number(m["n"]))
        if m["unit"].casefold().startswith("week"):
            target = day - dt.timedelta(weeks=amount)
        elif m["biz"]:
            target = cal.add_business_days(day, -amount)
        else:
            target = day - dt.timedelta(days=amount)

        def resolve(issued: dt.date, target: dt.date = target) -> Window | None:
            return Window(min(issued, target), target)

        found.append(Found(start=m.start(), end=m.end(), text=m[0], resolve=resolve, kind="by"))
    for m in _AT_NEXT.finditer(body) if _AT_NEXT not in ruled else ():
        day = days().get(_NEXT)
        if day is None:
            continue
        by = m["op"].casefold() != "at"
        if m["op"].casefold() == "before":
            day -= dt.timedelta(days=1)

        def on(issued: dt.date, day: dt.date = day, by: bool = by) -> Window | None:
            return Window(min(issued, day), day) if by else Window.day(day)

        found.append(Found(start=m.start(), end=m.end(), text=m[0], resolve=on, kind="next"))
    return found


def in_place(expressions: list[Found], back: list[Found]) -> list[Found]:
    """``expressions`` with the times counted back (``back``) in place of what they overlap, in
    order."""
    if not back:
        return expressions
    kept = [e for e in expressions if all(e.end <= b.start or e.start >= b.end for b in back)]
    return sorted([*kept, *back], key=lambda f: f.start)
