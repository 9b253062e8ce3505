"""A trip's stops: "Secretary Kerry will travel to Jerusalem, Ramallah and Hanoi from Dec.
11-18" … "In Jerusalem, Secretary Kerry will meet …", "While in Hanoi, the Secretary will
attend …".

A sentence that opens at one of the places a dated trip goes to, and plans something there with
no day of its own, falls within the trip's window. Only a place the trip names counts, and only
within reach of the trip's sentence, so an unrelated "In Paris, …" is left alone.
"""

from __future__ import annotations

import re

import attrs

from commitments.extraction.segmentation import Sentence
from commitments.fastmatch.prefilter import SENTENCES
from commitments.records import Commitment
from commitments.timex.found import Found

__all__ = ["Trip", "stop", "trip"]

_TRAVEL = re.compile(
    r"\b(?:travel(?:s|ed|led|ing|ling)?|trip|visit(?:s|ing)?|journey|tour|fly|flies|flying"
    r"|depart(?:s|ing)?\s+for|lead(?:s|ing)?\s+(?:a|the|an)\s+(?:[\w.-]+\s+){0,3}?delegation)"
    r"\s+(?:to\s+)?(?=[A-Z])"
)
"""Where a trip's places start: "will travel to", "will visit", "will lead a delegation to"."""
SENTENCES.watch([_TRAVEL])
_PLACE = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|del|di|la|le|am|upon))*")
"""A place's name: capitalised words ("Ho Chi Minh City", "Frankfurt am Main")."""
_LIST_END = re.compile(r"[;:]|\b(?:from|on|between|through|until|for|to\s+(?!the\b)[a-z])\b")
"""Where the list of places ends (its dates, or what the trip is for)."""
_STOP = re.compile(
    r"[^\w\n]{0,3}(?:(?:[Ww]hile|[Ww]hen|[Oo]nce)\s+in|[Ii]n|[Ff]rom|[Aa]fter)\s+"
    r"(?P<place>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})\s*,"
)
"""A sentence that opens at a place: "In Jerusalem, …", "While in Riga, …", "From Oslo, …"."""
_REACH = 3000
"""How far (in characters) after the trip's sentence its stops may come."""
_LONGEST = 31
"""The longest trip, in days, whose window its stops take."""


@attrs.frozen
class Trip:
    """A dated plan to travel, and the places it names."""

    plan: Commitment
    places: frozenset[str]
    end: int
    """Where the trip's sentence ends in the text."""


def trip(text: str, made: list[Commitment], offset: int, last: Trip | None) -> Trip | None:
    """The trip the newest dated commitment of ``made`` plans, if it plans one (a stop that
    travels on, "From Riga, she will travel to Vilnius", adds its places to ``last``)."""
    for plan in reversed(made):
        due = plan.due
        if due is None or (due.latest - due.earliest).days > _LONGEST:
            continue
        start, end = plan.source.start - offset, plan.source.end - offset
        if _TRAVEL in SENTENCES.ruled_out(text[start:end]):
            continue  # (the sentence lacks the words every trip names)
        go = _TRAVEL.search(text, start, end)
        if go is None:
            continue
        listed = text[go.end() : end]
        cut = _LIST_END.search(listed)
        listed = listed[: cut.start()] if cut else listed
        places = frozenset(p.group() for p in _PLACE.finditer(listed))
        if last is not None and last.plan.due == due:
            places |= last.places
        return Trip(plan, places, end) if places else last
    return last


def stop(text: str, sent: Sentence, last: Trip | None) -> Found | None:
    """ "In Jerusalem, Secretary Kerry will meet …": the window of the trip to Jerusalem that
    ``last`` plans, within reach."""
    if last is None or not last.end <= sent.start <= last.end + _REACH:
        return None
    m = _STOP.match(text, sent.start, sent.end)
    if m is None or m["place"] not in last.places:
        return None
    due = last.plan.due
    start, end = m.span("place")
    return Found(start=start, end=end, text=m["place"], resolve=lambda _day: due, kind="stop")
