"""Tracked commitments as iCalendar (RFC 5545 + RFC 7986) that subscribed clients accept.

The only module of the project that imports icalendar. One VEVENT per dated commitment (the
default, since Google Calendar and iOS ignore VTODO), or one VTODO per commitment for task apps.
An event is all-day on the deadline (``events="due-day"``, the window in its description) or
spans the whole due window (``events="window"``).

Everything in the output comes from the records and ``as_of``, never from the clock: the same
records give the same bytes, so a subscriber (and an HTTP ETag) sees a change only when there is
one. DTSTAMP, LAST-MODIFIED and SEQUENCE move with every change a subscriber sees, including a
deadline passing (:func:`~commitments.outputs.entries.changed_at`,
:func:`~commitments.outputs.entries.sequence`); the calendar has no UID of its own (vdirsyncer
would take it for an item). Every value is written with an explicit iCalendar type, so the bytes
do not depend on which icalendar release guesses which type. No local path is ever written:
sources are named as :class:`~commitments.outputs.sources.Sources` says.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Iterable
from typing import Literal

import icalendar

from commitments.outputs.entries import (
    categories,
    changed_at,
    description,
    event_uid,
    select,
    sequence,
    summary,
    todo_uid,
    utc,
)
from commitments.outputs.sources import Sources
from commitments.records import Status, Tracked

__all__ = [
    "DEFAULT_DESCRIPTION",
    "DEFAULT_NAME",
    "DEFAULT_REFRESH",
    "EVENT_STYLES",
    "PRODID",
    "TIMED_LENGTH",
    "EventStyle",
    "calendar_items",
    "clean_text",
    "to_ical",
    "uri",
]

EventStyle = Literal["due-day", "window"]
EVENT_STYLES: tuple[EventStyle, ...] = ("due-day", "window")
"""``due-day``: one all-day event on the deadline; ``window``: one over the whole due window."""
DEFAULT_DESCRIPTION = "Dated commitments found in what people said, with their deadlines."
"""X-WR-CALDESC when none is given."""

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
    events: EventStyle = "due-day",
    alarm: dt.timedelta | None = None,
    sources: Sources | None = None,
    caldesc: str = DEFAULT_DESCRIPTION,
) -> bytes:
    """A calendar of ``tracked`` as it stands on ``as_of``, as CRLF-terminated, folded bytes.

    ``todo=False``: one VEVENT per dated commitment (undated ones are left out), all-day on the
    deadline (``events="due-day"``) or over the due window (``events="window"``); a deadline
    with a time of day is a timed event either way. ``todo=True``: one VTODO per commitment, DUE
    the deadline. ``alarm``: a reminder (VALARM) that long before each deadline. ``name``
    becomes NAME and X-WR-CALNAME, ``caldesc`` X-WR-CALDESC; ``sources`` names the sources
    (never a local path). A calendar with nothing in it still holds one component (a UTC
    VTIMEZONE), as RFC 5545 requires.
    """
    if refresh <= dt.timedelta(0):
        raise ValueError(f"refresh must be a positive duration, got {refresh}")
    if events not in EVENT_STYLES:
        raise ValueError(f"events must be one of {', '.join(EVENT_STYLES)}, got {events!r}")
    if alarm is not None and alarm < dt.timedelta(0):
        raise ValueError(f"alarm must not be negative, got {alarm}")
    sources = sources or Sources()
    calendar = icalendar.Calendar()
    calendar.add("version", icalendar.vText("2.0"))
    calendar.add("prodid", icalendar.vText(PRODID))
    calendar.add("calscale", icalendar.vText("GREGORIAN"))
    calendar.add("method", icalendar.vText("PUBLISH"))
    # One line, and TEXT escaping (",", ";", "\\") by icalendar's vText: given a plain str,
    # icalendar writes NAME and X-WR-CALNAME as they are.
    name = clean_text(name).replace("\n", " ")
    calendar.add("name", icalendar.vText(name))
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("x-wr-caldesc", icalendar.vText(clean_text(caldesc).replace("\n", " ")))
    # vDuration by name: icalendar 6 writes a bare timedelta as "6:00:00", which parsers reject.
    calendar.add("refresh-interval", icalendar.vDuration(refresh), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(refresh))
    added = 0
    for record in select(tracked, as_of=as_of):
        if todo:
            calendar.add_component(_todo(record, as_of, sources, alarm))
        elif record.commitment.due is not None:
            calendar.add_component(_event(record, as_of, sources, events, alarm))
        else:
            continue
        added += 1
    if not added:
        calendar.add_component(_utc_zone())
    data: bytes = calendar.to_ical()
    return data


def calendar_items(
    tracked: Iterable[Tracked],
    *,
    as_of: dt.date,
    todo: bool = False,
    events: EventStyle = "due-day",
    alarm: dt.timedelta | None = None,
    sources: Sources | None = None,
) -> list[tuple[str, bytes]]:
    """Each entry of :func:`to_ical` as a calendar object resource of its own (RFC 4791: one
    component, no METHOD), with its UID: what a CalDAV server stores one by one."""
    if events not in EVENT_STYLES:
        raise ValueError(f"events must be one of {', '.join(EVENT_STYLES)}, got {events!r}")
    sources = sources or Sources()
    items = []
    for record in select(tracked, as_of=as_of):
        if todo:
            component: icalendar.cal.Component = _todo(record, as_of, sources, alarm)
        elif record.commitment.due is not None:
            component = _event(record, as_of, sources, events, alarm)
        else:
            continue
        calendar = icalendar.Calendar()
        calendar.add("version", icalendar.vText("2.0"))
        calendar.add("prodid", icalendar.vText(PRODID))
        calendar.add_component(component)
        items.append((str(component["UID"]), calendar.to_ical()))
    return items


def _utc_zone() -> icalendar.Timezone:
    """A VTIMEZONE for UTC: the one component of an empty calendar, which every client ignores."""
    zone = icalendar.Timezone()
    zone.add("tzid", icalendar.vText("UTC"))
    standard = icalendar.TimezoneStandard()
    # RFC 5545: a VTIMEZONE's DTSTART is local time, so naive on purpose.
    standard.add("dtstart", dt.datetime(1970, 1, 1))  # noqa: DTZ001
    standard.add("tzoffsetfrom", icalendar.vUTCOffset(dt.timedelta(0)))
    standard.add("tzoffsetto", icalendar.vUTCOffset(dt.timedelta(0)))
    standard.add("tzname", icalendar.vText("UTC"))
    zone.add_component(standard)
    return zone


def _common(
    component: icalendar.cal.Component, record: Tracked, as_of: dt.date, sources: Sources
) -> None:
    stamp = changed_at(record, as_of)
    component.add("dtstamp", stamp)
    component.add("last-modified", stamp)
    component.add("sequence", icalendar.vInt(sequence(record, as_of)))
    component.add("summary", icalendar.vText(clean_text(summary(record, as_of))))
    text = description(record, as_of, sources)
    component.add("description", icalendar.vText(clean_text(text)))
    component.add("categories", [clean_text(c) for c in categories(record, as_of)])
    component.add("class", icalendar.vText("PUBLIC"))
    url = sources.url(record.commitment.source)
    if url and not any(c.isspace() or not c.isprintable() for c in url):
        component.add("url", icalendar.vUri(uri(url)))


def _alarm(record: Tracked, as_of: dt.date, before: dt.timedelta) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("action", icalendar.vText("DISPLAY"))
    alarm.add("trigger", icalendar.vDuration(-before))
    alarm.add("description", icalendar.vText(clean_text(summary(record, as_of))))
    return alarm


def _event(
    record: Tracked,
    as_of: dt.date,
    sources: Sources,
    events: EventStyle,
    alarm: dt.timedelta | None,
) -> icalendar.Event:
    commitment = record.commitment
    assert commitment.due is not None
    event = icalendar.Event()
    event.add("uid", icalendar.vText(event_uid(record.id)))
    _common(event, record, as_of, sources)
    if commitment.due_at is not None:
        start = utc(commitment.due_at)
        event.add("dtstart", start)
        event.add("dtend", start + TIMED_LENGTH)
    else:
        first = commitment.due.earliest if events == "window" else commitment.due.latest
        event.add("dtstart", first)  # (a date: icalendar writes VALUE=DATE)
        event.add("dtend", commitment.due.latest + dt.timedelta(days=1))
    event.add("transp", icalendar.vText("TRANSPARENT"))
    # Google Calendar hides CANCELLED events: a withdrawn one is TENTATIVE, "[Withdrawn]" in
    # its SUMMARY says why.
    withdrawn = record.status(as_of) is Status.WITHDRAWN
    event.add("status", icalendar.vText("TENTATIVE" if withdrawn else "CONFIRMED"))
    if alarm is not None:
        event.add_component(_alarm(record, as_of, alarm))
    return event


def _todo(
    record: Tracked, as_of: dt.date, sources: Sources, alarm: dt.timedelta | None
) -> icalendar.Todo:
    commitment = record.commitment
    todo = icalendar.Todo()
    todo.add("uid", icalendar.vText(todo_uid(record.id)))
    _common(todo, record, as_of, sources)
    if commitment.due_at is not None:
        todo.add("due", utc(commitment.due_at))
    elif commitment.due is not None:
        if commitment.due.earliest < commitment.due.latest:
            todo.add("dtstart", commitment.due.earliest)
        todo.add("due", commitment.due.latest)
    status = record.status(as_of)
    todo.add("status", icalendar.vText(_TODO_STATUS.get(status, "NEEDS-ACTION")))
    if status is Status.KEPT:
        todo.add("percent-complete", icalendar.vInt(100))
        resolution = record.resolution
        if resolution is not None and resolution.status is Status.KEPT:
            todo.add("completed", dt.datetime.combine(resolution.on, dt.time(0), tzinfo=dt.UTC))
    if alarm is not None and commitment.due is not None:
        # RFC 5545: a VTODO's relative trigger needs a DUE or DTSTART; ours is before DUE.
        todo.add_component(_todo_alarm(record, as_of, alarm))
    return todo


def _todo_alarm(record: Tracked, as_of: dt.date, before: dt.timedelta) -> icalendar.Alarm:
    alarm = _alarm(record, as_of, before)
    alarm["TRIGGER"].params["RELATED"] = "END"
    return alarm
