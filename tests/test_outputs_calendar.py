"""commitments.outputs.calendar: VEVENT and VTODO calendars that strict parsers accept."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ical_helpers import (
    calendar_name,
    commitment,
    deadline,
    lint,
    parse_everywhere,
    resolution,
    tracked,
    unfold,
)

from commitments.outputs.calendar import to_ical
from commitments.outputs.entries import event_uid, todo_uid
from commitments.records import Kind, Status, Window

AS_OF = dt.date(2025, 9, 3)


def seed() -> list:
    return [tracked(commitment()), tracked(deadline())]


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def todos(data: bytes) -> list[icalendar.Todo]:
    return list(icalendar.Calendar.from_ical(data).walk("VTODO"))


def test_window_events_span_the_due_window() -> None:
    data = to_ical(seed(), as_of=AS_OF, events="window")
    found = {str(e["SUMMARY"]): (e.decoded("DTSTART"), e.decoded("DTEND")) for e in events(data)}
    assert found == {
        "[Expired] Donald Trump: Putin to meet Zelenskyy": (
            dt.date(2025, 8, 1),
            dt.date(2025, 9, 4),  # DTEND is exclusive: the day after the deadline
        ),
        "Donald Trump: be speaking to him": (dt.date(2025, 9, 4), dt.date(2025, 9, 11)),
    }


def test_by_default_one_all_day_event_on_the_deadline_with_the_window_described() -> None:
    data = to_ical(seed(), as_of=AS_OF)
    found = {str(e["SUMMARY"]): (e.decoded("DTSTART"), e.decoded("DTEND")) for e in events(data)}
    assert found == {
        "[Expired] Donald Trump: Putin to meet Zelenskyy": (
            dt.date(2025, 9, 3),
            dt.date(2025, 9, 4),
        ),
        "Donald Trump: be speaking to him": (dt.date(2025, 9, 10), dt.date(2025, 9, 11)),
    }
    for event in events(data):
        assert "Due: 2025-0" in str(event["DESCRIPTION"]) and " to 2025-09-" in str(
            event["DESCRIPTION"]
        )


def test_a_one_day_window_is_one_all_day_event_in_either_style() -> None:
    one = tracked(commitment(due=Window.day(dt.date(2025, 9, 5))))
    for style in ("due-day", "window"):
        (event,) = events(to_ical([one], as_of=AS_OF, events=style))
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
            dt.date(2025, 9, 5),
            dt.date(2025, 9, 6),
        )


def test_an_unknown_event_style_is_refused() -> None:
    with pytest.raises(ValueError, match="due-day, window"):
        to_ical(seed(), as_of=AS_OF, events="week")  # type: ignore[arg-type]


def test_an_alarm_reminds_before_the_deadline() -> None:
    data = to_ical(seed(), as_of=AS_OF, alarm=dt.timedelta(days=1))
    parse_everywhere(data)
    assert lint(data) == []
    for event in events(data):
        (alarm,) = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm.decoded("TRIGGER") == -dt.timedelta(days=1)
    (task, _) = todos(to_ical(seed(), as_of=AS_OF, alarm=dt.timedelta(hours=2), todo=True))
    (alarm,) = task.walk("VALARM")
    assert alarm["TRIGGER"].params["RELATED"] == "END"
    assert "VALARM" not in to_ical(seed(), as_of=AS_OF).decode()


def test_events_are_in_window_order() -> None:
    data = to_ical(list(reversed(seed())), as_of=AS_OF, events="window")
    assert [e.decoded("DTSTART") for e in events(data)] == [
        dt.date(2025, 8, 1),
        dt.date(2025, 9, 4),
    ]


def test_an_undated_commitment_has_no_event_but_has_a_task() -> None:
    undated = tracked(commitment(action="meet", expression=None, due=None))
    assert events(to_ical([undated], as_of=AS_OF)) == []
    (task,) = todos(to_ical([undated], as_of=AS_OF, todo=True))
    assert "DUE" not in task and "DTSTART" not in task
    assert task["STATUS"] == "NEEDS-ACTION"


def test_a_known_time_gives_a_timed_event_in_utc() -> None:
    moscow = zoneinfo.ZoneInfo("Europe/Moscow")
    c = commitment(
        expression="by Sunday at 6 p.m.",
        due=Window(dt.date(2025, 9, 3), dt.date(2025, 9, 7)),
        due_at=dt.datetime(2025, 9, 7, 18, 0, tzinfo=moscow),
    )
    data = to_ical([tracked(c)], as_of=AS_OF)
    (event,) = events(data)
    assert event.decoded("DTSTART") == dt.datetime(2025, 9, 7, 15, 0, tzinfo=dt.UTC)
    assert event.decoded("DTEND") == dt.datetime(2025, 9, 7, 15, 30, tzinfo=dt.UTC)
    assert "DTSTART:20250907T150000Z" in unfold(data)
    (task,) = todos(to_ical([tracked(c)], as_of=AS_OF, todo=True))
    assert task.decoded("DUE") == dt.datetime(2025, 9, 7, 15, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("record", "as_of", "summary"),
    [
        (tracked(commitment()), AS_OF, "Donald Trump: be speaking to him"),
        (tracked(commitment()), dt.date(2025, 9, 11), "[Expired] Donald Trump: be speaking to him"),
        (
            tracked(commitment(), resolution=resolution(Status.KEPT)),
            AS_OF,
            "[Kept] Donald Trump: be speaking to him",
        ),
        (
            tracked(commitment(), resolution=resolution(Status.BROKEN)),
            AS_OF,
            "[Broken] Donald Trump: be speaking to him",
        ),
        (
            tracked(commitment(), resolution=resolution(Status.WITHDRAWN)),
            AS_OF,
            "[Withdrawn] Donald Trump: be speaking to him",
        ),
        (
            tracked(commitment(), resolution=resolution(Status.OPEN)),
            dt.date(2025, 9, 11),
            "[Expired] Donald Trump: be speaking to him",
        ),
        (tracked(commitment(speaker=None)), AS_OF, "be speaking to him"),
    ],
    ids=["pending", "expired", "kept", "broken", "withdrawn", "reopened", "no-speaker"],
)
def test_summary_has_a_status_prefix(record, as_of, summary) -> None:
    (event,) = events(to_ical([record], as_of=as_of))
    assert str(event["SUMMARY"]) == summary


def test_event_properties() -> None:
    record = tracked(
        commitment(url="https://example.com/news?id=1,2"),
        updated=dt.datetime(2025, 9, 6, 10, 15, 30, 999, tzinfo=dt.UTC),
        sequence=3,
    )
    (event,) = events(to_ical([record], as_of=AS_OF))
    assert str(event["UID"]) == event_uid(record.id)
    assert event.decoded("DTSTAMP") == dt.datetime(2025, 9, 6, 10, 15, 30, tzinfo=dt.UTC)
    assert event.decoded("LAST-MODIFIED") == event.decoded("DTSTAMP")
    assert event["SEQUENCE"] == 6  # twice the change count: see sequence()
    assert str(event["URL"]) == "https://example.com/news?id=1,2"
    assert event["TRANSP"] == "TRANSPARENT"
    assert list(event["CATEGORIES"].cats) == ["promise", "pending", "Donald Trump"]
    assert event["STATUS"] == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert description.startswith("“But I will be speaking to him in the coming days")
    assert "Due: 2025-09-04 to 2025-09-10 (“in the coming days”)" in description
    assert "Source: putin-zelenskyy-moscow.md, line 15 <https://example" in description
    assert "seeds/" not in description


def test_dtstamp_is_converted_to_utc() -> None:
    kyiv = zoneinfo.ZoneInfo("Europe/Kyiv")
    record = tracked(updated=dt.datetime(2025, 9, 6, 12, 0, tzinfo=kyiv))
    assert "DTSTAMP:20250906T090000Z" in unfold(to_ical([record], as_of=AS_OF))


def test_a_naive_updated_is_refused() -> None:
    record = tracked(updated=dt.datetime(2025, 9, 6, 12, 0))  # noqa: DTZ001
    with pytest.raises(ValueError, match="time-zone aware"):
        to_ical([record], as_of=AS_OF)


@pytest.mark.parametrize(
    ("record", "status"),
    [
        (tracked(), "CONFIRMED"),
        (tracked(deadline()), "CONFIRMED"),
        (tracked(resolution=resolution(Status.KEPT)), "CONFIRMED"),
        (tracked(resolution=resolution(Status.BROKEN)), "CONFIRMED"),
        (tracked(resolution=resolution(Status.WITHDRAWN)), "TENTATIVE"),
    ],
    ids=["pending", "expired", "kept", "broken", "withdrawn"],
)
def test_event_status_is_one_google_shows(record, status) -> None:
    """Google Calendar hides CANCELLED events: a withdrawn one stays, "[Withdrawn]" says why."""
    (event,) = events(to_ical([record], as_of=AS_OF))
    assert event["STATUS"] == status
    if status == "TENTATIVE":
        assert str(event["SUMMARY"]).startswith("[Withdrawn] ")


def test_resolution_is_described() -> None:
    record = tracked(
        resolution=resolution(
            Status.KEPT, note="they spoke on the phone", evidence="https://example.com/call"
        )
    )
    (event,) = events(to_ical([record], as_of=AS_OF))
    assert "Status: kept on 2025-09-05: they spoke on the phone <https://example.com/call>" in str(
        event["DESCRIPTION"]
    )


def test_no_url_without_a_source_url() -> None:
    (event,) = events(to_ical([tracked()], as_of=AS_OF))
    assert "URL" not in event


@pytest.mark.parametrize(
    ("record", "status", "completed"),
    [
        (tracked(), "NEEDS-ACTION", None),
        (tracked(deadline()), "NEEDS-ACTION", None),
        (
            tracked(resolution=resolution(Status.KEPT)),
            "COMPLETED",
            dt.datetime(2025, 9, 5, tzinfo=dt.UTC),
        ),
        (tracked(commitment(stated=Status.KEPT)), "COMPLETED", None),
        (tracked(resolution=resolution(Status.BROKEN)), "CANCELLED", None),
        (tracked(resolution=resolution(Status.WITHDRAWN)), "CANCELLED", None),
    ],
    ids=["pending", "expired", "kept", "kept-by-text", "broken", "withdrawn"],
)
def test_todo_status(record, status, completed) -> None:
    (task,) = todos(to_ical([record], as_of=AS_OF, todo=True))
    assert task["STATUS"] == status
    assert (task.decoded("COMPLETED") if "COMPLETED" in task else None) == completed


def test_todo_due_is_the_deadline() -> None:
    (task,) = todos(to_ical([tracked()], as_of=AS_OF, todo=True))
    assert task.decoded("DTSTART") == dt.date(2025, 9, 4)
    assert task.decoded("DUE") == dt.date(2025, 9, 10)
    assert str(task["UID"]) == todo_uid(tracked().id) != event_uid(tracked().id)
    one_day = tracked(commitment(due=Window.day(dt.date(2025, 9, 4)), expression="tomorrow"))
    (task,) = todos(to_ical([one_day], as_of=AS_OF, todo=True))
    assert "DTSTART" not in task and task.decoded("DUE") == dt.date(2025, 9, 4)


def test_calendar_properties_and_no_calendar_uid() -> None:
    data = to_ical(seed(), as_of=AS_OF, name="Trump's deadlines", refresh=dt.timedelta(hours=2))
    lines = unfold(data)
    head = lines[: lines.index("BEGIN:VEVENT")]
    assert head == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//commitments//commitments//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALDESC:Dated commitments found in what people said\\, with their deadlines.",
        "NAME:Trump's deadlines",
        "X-WR-CALNAME:Trump's deadlines",
        "REFRESH-INTERVAL;VALUE=DURATION:PT2H",
        "X-PUBLISHED-TTL:PT2H",
    ]
    described = to_ical(seed(), as_of=AS_OF, caldesc="Trump's; deadlines")
    assert str(vobject.readOne(described.decode()).x_wr_caldesc.value) == "Trump's; deadlines"


def test_refresh_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        to_ical([], as_of=AS_OF, refresh=dt.timedelta(0))


def test_same_records_give_the_same_bytes() -> None:
    assert to_ical(seed(), as_of=AS_OF) == to_ical(list(reversed(seed())), as_of=AS_OF)
    assert to_ical(seed(), as_of=AS_OF, todo=True) == to_ical(seed(), as_of=AS_OF, todo=True)


def test_a_change_shows_in_sequence_and_stamp() -> None:
    before = to_ical([tracked()], as_of=AS_OF)
    later = dt.datetime(2025, 9, 8, 9, 0, tzinfo=dt.UTC)
    after = to_ical(
        [tracked(updated=later, sequence=1, resolution=resolution(Status.KEPT))], as_of=AS_OF
    )
    assert before != after
    (event,) = events(after)
    assert event["SEQUENCE"] == 2 and event.decoded("DTSTAMP") == later


def test_an_expiry_moves_sequence_dtstamp_and_last_modified() -> None:
    """Issue 13 item 5: "[Expired]" changes SUMMARY and DESCRIPTION, so subscribers must see a
    new SEQUENCE and DTSTAMP, though nothing was stored."""
    record = tracked()  # due 2025-09-04 to 2025-09-10
    (pending,) = events(to_ical([record], as_of=dt.date(2025, 9, 10)))
    (expired,) = events(to_ical([record], as_of=dt.date(2025, 9, 11)))
    (later,) = events(to_ical([record], as_of=dt.date(2025, 9, 30)))
    assert str(expired["SUMMARY"]).startswith("[Expired]")
    assert expired["SEQUENCE"] > pending["SEQUENCE"]
    assert expired.decoded("DTSTAMP") > pending.decoded("DTSTAMP")
    assert expired.decoded("LAST-MODIFIED") == dt.datetime(2025, 9, 11, tzinfo=dt.UTC)
    assert later.to_ical() == expired.to_ical()  # nothing more changes


@given(
    st.integers(0, 20),
    st.dates(dt.date(2025, 9, 1), dt.date(2025, 9, 20)),
    st.dates(dt.date(2025, 9, 1), dt.date(2025, 9, 20)),
    st.sampled_from([None, Status.KEPT, Status.BROKEN, Status.WITHDRAWN, Status.OPEN]),
    st.dates(dt.date(2025, 9, 4), dt.date(2025, 9, 25)),
)
def test_sequence_rises_with_every_change_a_subscriber_sees(
    count: int, seen: dt.date, changed: dt.date, resolved: Status | None, deadline_: dt.date
) -> None:
    """A stored change (resolution, revised window) after being seen on ``seen`` gives a higher
    SEQUENCE whenever it is seen again, on that day or later; time alone never lowers it."""
    before = tracked(sequence=count)
    window = Window(dt.date(2025, 9, 4), deadline_)
    after = tracked(
        commitment(due=window),
        sequence=count + 1,
        resolution=resolution(resolved) if resolved else None,
    )
    (first,) = events(to_ical([before], as_of=seen))
    for day in (seen, max(seen, changed)):
        (second,) = events(to_ical([after], as_of=day))
        assert second["SEQUENCE"] > first["SEQUENCE"]
    (again,) = events(to_ical([before], as_of=max(seen, changed)))
    assert again["SEQUENCE"] >= first["SEQUENCE"]


def test_an_empty_calendar_is_valid_everywhere() -> None:
    """Issue 13 item 4: RFC 5545 wants a component; a UTC VTIMEZONE is one nobody shows."""
    for todo in (False, True):
        data = to_ical([], as_of=AS_OF, todo=todo)
        assert parse_everywhere(data) == (0, 0)
        assert lint(data) == []
        assert "BEGIN:VTIMEZONE" in data.decode()
    undated = tracked(commitment(due=None, expression=None))
    assert parse_everywhere(to_ical([undated], as_of=AS_OF)) == (0, 0)
    assert "VTIMEZONE" not in to_ical(seed(), as_of=AS_OF).decode()


# --- strict parsers and the lint ------------------------------------------------------------


@pytest.mark.parametrize("todo", [False, True], ids=["events", "todos"])
def test_seed_calendar_parses_strictly_and_lints_clean(todo: bool) -> None:
    records = [
        *seed(),
        tracked(commitment(action="call", due=None, expression=None)),
        tracked(
            commitment(
                action="answer",
                due=Window(dt.date(2025, 9, 3), dt.date(2025, 9, 7)),
                due_at=dt.datetime(2025, 9, 7, 18, tzinfo=zoneinfo.ZoneInfo("America/New_York")),
            ),
            resolution=resolution(Status.KEPT),
        ),
    ]
    data = to_ical(records, as_of=AS_OF, todo=todo)
    assert parse_everywhere(data) == ((0, 4) if todo else (3, 0))
    assert lint(data) == []


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"BEGIN:VCALENDAR\nEND:VCALENDAR\n", "does not end with CRLF"),
        (b"BEGIN:VCALENDAR\r\nX:" + b"a" * 80 + b"\r\nEND:VCALENDAR\r\n", "more than 75"),
        (b"X:" + "é".encode() * 36 + b"\r\n " + "é".encode()[1:] + b"\r\n", "splits a UTF-8"),
        (b"DTSTAMP:20250903T000000\r\n", "DTSTAMP not in UTC"),
        (b"DTSTART;VALUE=DATE:20250904\r\nDTEND;VALUE=DATE:20250904\r\n", "not after DTSTART"),
        (b"BEGIN:VEVENT\r\nDTEND:20250904T000000Z\r\n", "DTEND without DTSTART"),
    ],
    ids=["lf", "long", "split-char", "local-stamp", "empty-event", "no-start"],
)
def test_lint_finds_problems(data: bytes, problem: str) -> None:
    assert any(problem in found for found in lint(data)), lint(data)


_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1
).filter(str.strip)


@st.composite
def records(draw: st.DrawFn) -> object:
    earliest = draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 1, 1)))
    days = draw(st.integers(0, 400))
    dated = draw(st.booleans())
    c = commitment(
        speaker=draw(st.none() | _text),
        action=draw(_text),
        kind=draw(st.sampled_from(Kind)),
        text=draw(_text),
        expression=draw(st.none() | _text),
        issued=Window.day(earliest),
        due=Window(earliest, earliest + dt.timedelta(days=days)) if dated else None,
        url=draw(st.none() | st.just("https://example.com/a;b,c\\d")),
    )
    status = draw(st.none() | st.sampled_from(Status))
    return tracked(
        c,
        updated=dt.datetime.combine(earliest, dt.time(draw(st.integers(0, 23))), tzinfo=dt.UTC),
        sequence=draw(st.integers(0, 10)),
        resolution=resolution(status) if status else None,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(), max_size=4, unique_by=lambda t: t.id), st.booleans(), st.dates(), _text)
def test_any_records_give_a_clean_stable_calendar(items, todo, as_of, name) -> None:
    data = to_ical(items, as_of=as_of, todo=todo, name=name)
    assert lint(data) == []
    assert data == to_ical(list(reversed(items)), as_of=as_of, todo=todo, name=name)
    ids = {item.id for item in items}
    dated = {item.id for item in items if item.commitment.due is not None}
    assert parse_everywhere(data) == ((0, len(ids)) if todo else (len(dated), 0))
    parsed = icalendar.Calendar.from_ical(data)
    assert calendar_name(data) == name
    by_uid = {str(c["UID"]): c for c in parsed.walk("VTODO" if todo else "VEVENT")}
    for item in items:
        uid = todo_uid(item.id) if todo else event_uid(item.id)
        if item.id in (ids if todo else dated):
            assert str(by_uid[uid]["SUMMARY"]).endswith(item.commitment.action.strip())
