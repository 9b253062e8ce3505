"""Shared by the calendar, feed and subscription tests: hand-made records and an iCalendar lint."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import vobject
from ical.calendar_stream import IcsCalendarStream

from commitments.readers import read_sources
from commitments.records import (
    Commitment,
    Document,
    Kind,
    Resolution,
    Source,
    Status,
    Tracked,
    Window,
)
from commitments.tracker import Tracker

SEED = "seeds/putin-zelenskyy-moscow.md"
SEED_PATH = str(Path(__file__).resolve().parent.parent / SEED)
ADDED = dt.datetime(2025, 9, 3, 18, 30, tzinfo=dt.UTC)
"""When the seed is added to a test store."""
PUBLISHED = dt.date(2025, 9, 3)
UPDATED = dt.datetime(2025, 9, 3, tzinfo=dt.UTC)
ISSUED = Window.day(PUBLISHED)
COMING_DAYS = Window(dt.date(2025, 9, 4), dt.date(2025, 9, 10))
SAID = "But I will be speaking to him in the coming days, and we will observe the outcome."


def commitment(
    *,
    speaker: str | None = "Donald Trump",
    action: str = "be speaking to him",
    kind: Kind = Kind.PROMISE,
    text: str = SAID,
    expression: str | None = "in the coming days",
    issued: Window = ISSUED,
    due: Window | None = COMING_DAYS,
    stated: Status | None = None,
    due_at: dt.datetime | None = None,
    url: str | None = None,
    line: int | None = 15,
) -> Commitment:
    return Commitment(
        speaker=speaker,
        action=action,
        kind=kind,
        text=text,
        expression=expression,
        issued=issued,
        due=due,
        stated=stated,
        due_at=due_at,
        source=Source(document=SEED, start=0, end=len(text), url=url, line=line),
    )


def deadline() -> Commitment:
    """The seed's expired two-week deadline."""
    return commitment(
        action="Putin to meet Zelenskyy",
        kind=Kind.DEADLINE,
        text="his two-week deadline, issued last month for the Kremlin leader to meet Zelenskyy, "
        "had now expired",
        expression="two-week deadline",
        issued=Window(dt.date(2025, 8, 1), dt.date(2025, 8, 31)),
        due=Window(dt.date(2025, 8, 1), dt.date(2025, 9, 3)),
        stated=Status.EXPIRED,
    )


def tracked(
    c: Commitment | None = None,
    *,
    updated: dt.datetime = UPDATED,
    sequence: int = 0,
    resolution: Resolution | None = None,
) -> Tracked:
    c = c if c is not None else commitment()
    return Tracked(
        commitment=c,
        mentions=(c.source,),
        updated=updated,
        sequence=sequence,
        resolution=resolution,
    )


def resolution(status: Status, on: dt.date = dt.date(2025, 9, 5), **extra: str) -> Resolution:
    return Resolution(
        status=status,
        on=on,
        recorded=dt.datetime(2025, 9, 6, 8, 30, tzinfo=dt.UTC),
        **extra,  # type: ignore[arg-type]
    )


def unfold(data: bytes) -> list[str]:
    """The content lines of an iCalendar stream, unfolded, decoded."""
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


_STAMP = re.compile(r"^(DTSTAMP|LAST-MODIFIED|COMPLETED|CREATED):\d{8}T\d{6}Z$")


def lint(data: bytes) -> list[str]:
    """What RFC 5545 says a publisher must get right and a parser may forgive.

    CRLF after every line and no bare CR or LF; no line over 75 octets; folds not splitting a
    UTF-8 character; DTSTAMP (and LAST-MODIFIED, COMPLETED) in UTC; DTEND after DTSTART.
    """
    problems: list[str] = []
    if not data.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    raw_lines = data.split(b"\r\n")[:-1] if data.endswith(b"\r\n") else data.split(b"\r\n")
    for number, raw in enumerate(raw_lines, 1):
        if b"\n" in raw or b"\r" in raw:
            problems.append(f"line {number}: bare CR or LF")
        if len(raw) > 75:
            problems.append(f"line {number}: {len(raw)} octets, more than 75")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: a fold splits a UTF-8 character")
    try:
        lines = unfold(data)
    except UnicodeDecodeError:
        return [*problems, "not UTF-8"]
    start: str | None = None
    for line in lines:
        name = re.split(r"[;:]", line, maxsplit=1)[0]
        if name in ("DTSTAMP", "LAST-MODIFIED", "COMPLETED", "CREATED") and not _STAMP.match(line):
            problems.append(f"{name} not in UTC: {line}")
        if line == "BEGIN:VEVENT":
            start = None
        if name == "DTSTART":
            start = line.split(":", 1)[1]
        if name == "DTEND":
            end = line.split(":", 1)[1]
            if start is None:
                problems.append(f"DTEND without DTSTART: {line}")
            elif len(start) != len(end) or end <= start:
                problems.append(f"DTEND {end} not after DTSTART {start}")
    return problems


def seed_document() -> Document:
    """The seed article, read as ``commitments add`` reads it."""
    (document,) = read_sources([SEED_PATH])
    assert isinstance(document, Document)
    return document


def seed_store(path: Path) -> Path:
    """A store at ``path`` with the seed added at :data:`ADDED`."""
    with Tracker(path) as tracker:
        tracker.add(seed_document(), now=ADDED)
    return path


def parse_everywhere(data: bytes) -> tuple[int, int]:
    """Parse with icalendar, ical (strict) and vobject (validating); the component counts."""
    text = data.decode("utf-8")
    strict = IcsCalendarStream.calendar_from_ics(text)
    parsed = vobject.readOne(text)
    assert parsed.validate(raiseException=True, complainUnrecognized=False)
    counted = icalendar.Calendar.from_ical(data)
    assert len(counted.walk("VEVENT")) == len(strict.events)
    assert len(counted.walk("VTODO")) == len(strict.todos)
    return len(strict.events), len(strict.todos)


def calendar_name(data: bytes) -> str:
    """X-WR-CALNAME as a TEXT-aware parser (vobject) reads it: RFC 5545 escapes undone.

    (icalendar reads X-WR-CALNAME and NAME as an unknown type and keeps the escapes.)
    """
    parsed = vobject.readOne(data.decode("utf-8"))
    name = parsed.x_wr_calname.value
    assert parsed.contents["name"][0].value == name
    return str(name)
