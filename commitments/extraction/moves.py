"""Dates moved to others: "extends the deadline from March 13 to March 23" (due by the new one),
"continue the conference set for January 6 to March 31", "postponing the auction until January
14" (an event put off: it happens then), "extended … to July 10, rather than April 10". The old
date is no due date.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from commitments.extraction.segmentation import Sentence
from commitments.records import Window
from commitments.timex.grammar import Found, find

__all__ = ["by_date", "moved_date", "until_day"]


_MOVES = re.compile(
    r"\b(?:extend\w*|extension|postpon\w+|delay\w*|defer\w*|mov(?:e|es|ed|ing)|push\w*\s+back"
    r"|reschedul\w+|continu(?:e|es|ed|ing)|adjourn\w*|chang\w+|amend\w*)\b",
    re.IGNORECASE,
)
_POSTPONED_UNTIL = re.compile(
    r"\b(?:postpon\w+|delay\w*|defer\w*|reschedul\w+|push\w*\s+back)\b", re.IGNORECASE
)
_UNTIL = re.compile(r"(?:until|till)\s+", re.IGNORECASE)
_TO_NEW_DATE = re.compile(r",?[ \t]+to[ \t]+(?=\S)")
_INSTEAD = re.compile(r"\b(?:rather[ \t]+than|instead[ \t]+of)[ \t]+(?:on[ \t]+|by[ \t]+)?$", re.I)
_DUE_DATE = re.compile(r"\b(?:compliance|due|filing)\s+dates?\b", re.IGNORECASE)


def by_date(found: Found) -> Found:
    """The same date read as a deadline: due from the day it was set until that date (a listed
    filing, a moved compliance date)."""
    on = found.resolve

    def resolve(day: dt.date) -> Window | None:
        window = on(day)
        return None if window is None else Window(min(day, window.latest), window.latest)

    return attrs.evolve(found, resolve=resolve, kind="by:date")


def until_day(found: Found) -> Found | None:
    """The day an "until …" expression names, as a day of its own (an event put off "until
    January 14", "will not return until the fall": it happens then, not any day before);
    ``None`` for any other expression."""
    until = _UNTIL.match(found.text)
    if until is None:
        return None
    later = [f for f in find(found.text[until.end() :]) if not f.past]
    return later[0].shifted(found.start + until.end()) if later and later[0].start == 0 else None


def moved_date(text: str, sent: Sentence, found: Found) -> Found | None:
    """A date moved to another ("extends the compliance date from January 1, 2018 to January 1,
    2019", "continue the conference set for January 6, 2022, to March 31, 2022"): the new date
    for a range from the old to the new, ``None`` for the old date; an event put off "until" a
    day: that day; else ``found`` itself."""
    if not _MOVES.search(text, sent.start, found.start):
        return found
    if (
        found.kind.startswith("by:")
        and _POSTPONED_UNTIL.search(text, sent.start, found.start)
        and (day := until_day(found)) is not None
    ):  # "postponing Auction No. 31 until January 14": the auction is then, not due by then
        return day
    if found.kind.startswith("range") and found.text[:4].casefold() == "from":
        cut = found.text.rfind(" to ")
        later = [f for f in find(found.text[cut + 4 :]) if not f.past] if cut > 0 else []
        if not later:
            return found
        new = later[-1].shifted(found.start + cut + 4)
        if _DUE_DATE.search(text, sent.start, found.start):  # "the compliance date": by then
            return by_date(new)
        return new
    if _INSTEAD.search(text, max(sent.start, found.start - 24), found.start):
        return None  # "will now end on July 10, rather than on April 10": the old date
    to = _TO_NEW_DATE.match(text, found.end, sent.end)
    if to is not None and any(f.start == 0 for f in find(text[to.end() : to.end() + 60])):
        return None  # the old date, with the new one after "to"
    return found
