"""Tracked commitments as iCalendar (RFC 5545 + RFC 7986) that subscribed clients accept.

The only module of the project that imports icalendar. One VEVENT per dated commitment (the
default, since Google Calendar and iOS ignore VTODO), or one VTODO per commitment for task apps.

Everything in the output comes from the records and ``as_of``, never from the clock: the same
records give the same bytes, so a subscriber (and an HTTP ETag) sees a change only when there is
one. DTSTAMP and LAST-MODIFIED are the record's last change, SEQUENCE its change count, and the
calendar has no UID of its own (vdirsyncer would take it for an item).
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Iterable

import icalendar

from commitments.outputs.entries import (
    categories,
    description,
    event_uid,
    select,
    summary,
    todo_uid,
    utc,
)
from commitments.records import Status, Tracked

__all__ = [
    "DEFAULT_NAME",
    "DEFAULT_REFRESH",
    "PRODID",
    "TIMED_LENGTH",
    "clean_text",
    "to_ical",
    "uri",
]

PRODID = "-//commitments//commitments//EN"
DEFAULT_NAME = "Commitments"
DEFAULT_REFRESH = dt.timedelta(hours=6)
"""How often subscribers are asked to poll (REFRESH-INTERVAL and X-PUBLISHED-TTL)."""
TIMED_LENGTH = dt.timedelta(minutes=30)
"""How long a timed event (a deadline with a time of day) lasts: it starts at the deadline."""

# Line breaks other than LF (CR, CRLF, and what str.splitlines() also breaks on: VT, FF, the file,
# group and record separators, NEL, U+2028 and U+2029) become LF, which iCalendar escapes as \n;
# other control characters, which RFC 5545 forbids in TEXT, are dropped.
_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """``value`` as iCalendar TEXT can carry it: line breaks as LF, no control characters, and
    no lone surrogates (which UTF-8 cannot encode: they become U+FFFD).

    Commas, semicolons, backslashes and LF are escaped by icalendar and come back unchanged.
    """
    value = _SURROGATES.sub("\ufffd", value)
    return _CONTROLS.sub("", _BREAKS.sub("\n", value))


_URI_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def uri(url: str) -> str:
    """``url`` with what a URI may not hold percent-encoded (a backslash, quotes, non-ASCII):
    icalendar's parser reads ``\\n`` in a URL value as a line break and rejects the calendar."""
    return urllib.parse.quote(url, safe=_URI_SAFE)


_TODO_STATUS = {
    Status.KEPT: "COMPLETED",
    Status.BROKEN: "CANCELLED",
    Status.WITHDRAWN: "CANCELLED",
}


def to_ical(
    tracked: Iterable[Tracked],
    *,
    as_of: dt.date,
    name: str = DEFAULT_NAME,
    todo: bool = False,
    refresh: dt.timedelta = DEFAULT_REFRESH,
) -> bytes:
    """A calendar of ``tracked`` as it stands on ``as_of``, as CRLF-terminated, folded bytes.

    ``todo=False``: one VEVENT per dated commitment (undated ones are left out). ``todo=True``:
    one VTODO per commitment, DUE the deadline. ``name`` becomes NAME and X-WR-CALNAME.
    """
    if refresh <= dt.timedelta(0):
        raise ValueError(f"refresh must be a positive duration, got {refresh}")
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # One line, and TEXT escaping (",", ";", "\\") by icalendar's vText: given a plain str,
    # icalendar writes NAME and X-WR-CALNAME as they are.
    name = clean_text(name).replace("\n", " ")
    calendar.add("name", icalendar.vText(name))
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(refresh))
    for record in select(tracked, as_of=as_of):
        if todo:
            calendar.add_component(_todo(record, as_of))
        elif record.commitment.due is not None:
            calendar.add_component(_event(record, as_of))
    data: bytes = calendar.to_ical()
    return data


def _common(component: icalendar.cal.Component, record: Tracked, as_of: dt.date) -> None:
    stamp = utc(record.updated)
    component.add("dtstamp", stamp)
    component.add("last-modified", stamp)
    component.add("sequence", record.sequence)
    component.add("summary", clean_text(summary(record, as_of)))
    component.add("description", clean_text(description(record, as_of)))
    component.add("categories", [clean_text(c) for c in categories(record, as_of)])
    component.add("class", "PUBLIC")
    url = record.commitment.source.url
    if url and not any(c.isspace() or not c.isprintable() for c in url):
        component.add("url", uri(url))


def _event(record: Tracked, as_of: dt.date) -> icalendar.Event:
    commitment = record.commitment
    assert commitment.due is not None
    event = icalendar.Event()
    event.add("uid", event_uid(record.id))
    _common(event, record, as_of)
    if commitment.due_at is not None:
        start = utc(commitment.due_at)
        event.add("dtstart", start)
        event.add("dtend", start + TIMED_LENGTH)
    else:
        event.add("dtstart", commitment.due.earliest)
        event.add("dtend", commitment.due.latest + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    if record.status(as_of) is Status.WITHDRAWN:
        event.add("status", "CANCELLED")
    return event


def _todo(record: Tracked, as_of: dt.date) -> icalendar.Todo:
    commitment = record.commitment
    todo = icalendar.Todo()
    todo.add("uid", todo_uid(record.id))
    _common(todo, record, as_of)
    if commitment.due_at is not None:
        todo.add("due", utc(commitment.due_at))
    elif commitment.due is not None:
        if commitment.due.earliest < commitment.due.latest:
            todo.add("dtstart", commitment.due.earliest)
        todo.add("due", commitment.due.latest)
    status = record.status(as_of)
    todo.add("status", _TODO_STATUS.get(status, "NEEDS-ACTION"))
    if status is Status.KEPT:
        todo.add("percent-complete", 100)
        resolution = record.resolution
        if resolution is not None and resolution.status is Status.KEPT:
            todo.add("completed", dt.datetime.combine(resolution.on, dt.time(0), tzinfo=dt.UTC))
    return todo
