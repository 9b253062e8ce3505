"""The exact bytes of a calendar, the same under every icalendar release from the floor up.

Issue 13 item 1: under icalendar 6.x REFRESH-INTERVAL was written as ``6:00:00`` (which
icalendar and ical reject), and between 7.0 and the newest 7.x the bytes differed, so
"byte-identical exports" depended on what was installed. Every value is now written with an
explicit type; CI runs this file again with the minimum versions (constraints-min.txt).
``tests/data/calendar-bytes.ics`` was read line by line against RFC 5545 when it was made:
regenerate it only for a reviewed change of output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
from ical_helpers import commitment, deadline, lint, parse_everywhere, resolution, tracked

from commitments.outputs.calendar import to_ical
from commitments.outputs.sources import DocumentInfo, Sources
from commitments.records import Status, Window

GOLDEN = Path(__file__).parent / "data" / "calendar-bytes.ics"


def calendar() -> bytes:
    timed = commitment(
        speaker="Jürgen Müller",
        action="sign the deal; then, report back \\ quickly",
        expression="by Friday at 5 p.m.",
        due=Window.day(dt.date(2025, 9, 5)),
        due_at=dt.datetime(2025, 9, 5, 17, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        url="https://example.org/news/1",
    )
    records = [
        tracked(),
        tracked(deadline()),
        tracked(timed, sequence=2),
        tracked(
            attrs.evolve(commitment(action="withdraw troops"), id="0123456789abcdef"),
            resolution=resolution(Status.WITHDRAWN, note="talks called off"),
            sequence=1,
        ),
    ]
    sources = Sources(
        documents={
            "seeds/putin-zelenskyy-moscow.md": DocumentInfo(title="Putin invites Zelenskyy")
        },
        base="https://example.org/archive",
    )
    return to_ical(
        records,
        as_of=dt.date(2025, 9, 12),
        name="Trump, Putin; and others",
        alarm=dt.timedelta(days=1),
        sources=sources,
    )


def test_the_bytes_are_the_reviewed_ones() -> None:
    data = calendar()
    assert lint(data) == []
    assert parse_everywhere(data) == (4, 0)
    assert data == GOLDEN.read_bytes()


def test_every_all_day_date_says_value_date() -> None:
    """RFC 5545 3.3.4: a DATE value needs VALUE=DATE (icalendar adds it only for a bare date)."""
    lines = calendar().decode().split("\r\n")
    dates = [line for line in lines if line.startswith(("DTSTART", "DTEND", "DUE"))]
    for line in dates:
        value = line.rsplit(":", 1)[1]
        assert (len(value) == 8) == line.startswith(("DTSTART;VALUE=DATE:", "DTEND;VALUE=DATE:"))
