"""The status report: groups, filters, and its JSON and CSV forms."""

from __future__ import annotations

import csv
import datetime as dt
import io

import attrs
import pytest
from tracker_helpers import NOW, day, make, window

from commitments.errors import DateError, InputError
from commitments.records import Commitment, Kind, Resolution, Status, Tracked
from commitments.tracker.records import Entry, Mention
from commitments.tracker.report import (
    CSV_COLUMNS,
    Group,
    build_report,
    group_of,
    parse_duration,
    parse_groups,
    speaker_matches,
)


def entry(c: Commitment, resolution: Resolution | None = None) -> Entry:
    mentions = (Mention(commitment=c, document="d", published=c.issued.earliest),)
    tracked = Tracked(
        commitment=c,
        mentions=(c.source,),
        resolution=resolution,
        updated=NOW,
    )
    return Entry(tracked=tracked, mentions=mentions, history=(resolution,) if resolution else ())


def resolved(status: Status) -> Resolution:
    return Resolution(status=status, on=day("2025-09-05"), recorded=NOW, note="n, with “quotes”")


@pytest.mark.parametrize(
    ("due", "resolution", "as_of", "expected"),
    [
        (("2025-09-04", "2025-09-10"), None, "2025-09-03", Group.DUE_SOON),
        (("2025-09-04", "2025-09-10"), None, "2025-09-02", Group.PENDING),
        (("2025-09-04", "2025-09-30"), None, "2025-09-03", Group.PENDING),
        (("2025-09-04", "2025-09-10"), None, "2025-09-10", Group.DUE_SOON),
        (("2025-09-04", "2025-09-10"), None, "2025-09-11", Group.EXPIRED),
        (None, None, "2025-09-11", Group.OPEN),
        (("2025-09-04", "2025-09-10"), Status.KEPT, "2025-09-11", Group.KEPT),
        (("2025-09-04", "2025-09-10"), Status.BROKEN, "2025-09-03", Group.BROKEN),
        (("2025-09-04", "2025-09-10"), Status.WITHDRAWN, "2025-09-03", Group.WITHDRAWN),
        (("2025-09-04", "2025-09-10"), Status.OPEN, "2025-09-11", Group.EXPIRED),
    ],
    ids=[
        "due-soon",
        "due-in-8-days",
        "pending",
        "due-today",
        "expired",
        "undated",
        "kept",
        "broken",
        "withdrawn",
        "reopened",
    ],
)
def test_group_of(due, resolution, as_of: str, expected: Group) -> None:
    c = attrs.evolve(make(), due=window(*due) if due else None)
    e = entry(c, resolved(resolution) if resolution else None)
    assert group_of(e.tracked, day(as_of)) is expected


@pytest.fixture
def entries() -> list[Entry]:
    return [
        entry(make("call Putin", due=window("2025-09-03", "2025-09-06"), start=1)),
        entry(
            make(
                "deadline",
                kind=Kind.DEADLINE,
                due=window("2025-08-01", "2025-09-03"),
                issued=window("2025-08-01", "2025-08-31"),
                stated=Status.EXPIRED,
                start=2,
            )
        ),
        entry(make("visit Kyiv", speaker="Vladimir Putin", due=None, start=3)),
        entry(make("cut taxes", due=window("2025-09-04", "2025-12-31"), start=4)),
        entry(
            make("build it", due=window("2025-09-04", "2025-09-30"), start=5), resolved(Status.KEPT)
        ),
    ]


def actions(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.tracked.commitment.action for item in report.items]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["deadline", "call Putin", "cut taxes", "visit Kyiv", "build it"]),
        ({"speaker": "putin"}, ["visit Kyiv"]),
        (
            {"speaker": ["Vladimir Putin", "DONALD"]},
            ["deadline", "call Putin", "cut taxes", "visit Kyiv", "build it"],
        ),
        ({"speaker": "Trum"}, []),
        ({"groups": "expired"}, ["deadline"]),
        ({"groups": "pending"}, ["call Putin", "cut taxes"]),
        ({"groups": "due-soon"}, ["call Putin"]),
        ({"groups": [Status.OPEN, Group.KEPT]}, ["visit Kyiv", "build it"]),
        ({"due_within": dt.timedelta(days=3)}, ["call Putin"]),
        ({"due_within": dt.timedelta(days=2)}, []),
        ({"due_within": dt.timedelta(days=200)}, ["call Putin", "cut taxes"]),
        ({"since": day("2025-09-01")}, ["call Putin", "cut taxes", "visit Kyiv", "build it"]),
        ({"since": day("2025-09-04")}, []),
    ],
    ids=[
        "all",
        "speaker-surname",
        "speakers",
        "speaker-partial-word",
        "expired",
        "pending-includes-due-soon",
        "due-soon",
        "open-and-kept",
        "due-within-3d",
        "due-within-2d",
        "due-within-200d",
        "since",
        "since-later",
    ],
)
def test_filters(entries: list[Entry], filters: dict, expected: list[str]) -> None:
    assert actions(build_report(entries, as_of=day("2025-09-03"), **filters)) == expected


def test_due_within_sets_the_due_soon_horizon(entries: list[Entry]) -> None:
    report = build_report(entries, as_of=day("2025-09-03"), due_within=dt.timedelta(days=200))
    assert [item.group for item in report.items] == [Group.DUE_SOON, Group.DUE_SOON]


def test_counts_and_has(entries: list[Entry]) -> None:
    report = build_report(entries, as_of=day("2025-09-03"))
    assert report.counts() == {
        Group.EXPIRED: 1,
        Group.DUE_SOON: 1,
        Group.PENDING: 1,
        Group.OPEN: 1,
        Group.KEPT: 1,
        Group.BROKEN: 0,
        Group.WITHDRAWN: 0,
    }
    assert report.has([Group.EXPIRED])
    assert not report.has([Group.BROKEN, Group.WITHDRAWN])
    assert build_report(entries[:1], as_of=day("2025-09-03")).has([Group.PENDING])


def test_json_has_the_extract_keys_plus_mentions_and_resolution(entries: list[Entry]) -> None:
    report = build_report(entries, as_of=day("2025-09-11"))
    out = report.to_json()
    for item, obj in zip(report.items, out, strict=True):
        extract_keys = list(item.tracked.commitment.to_json(report.as_of))
        assert list(obj) == extract_keys + ["mentions", "resolution", "revisions", "followups"]
        assert obj["id"] == item.tracked.id
        assert obj["status"] == item.status.value
    kept = next(obj for obj in out if obj["action"] == "build it")
    assert kept["status"] == "kept"
    assert kept["resolution"] == {
        "status": "kept",
        "on": "2025-09-05",
        "note": "n, with “quotes”",
        "evidence": None,
        "recorded": "2025-09-03T12:00:00+00:00",
    }
    assert kept["mentions"][0]["source"] == {"document": "a.md", "start": 5, "end": 45}


def test_csv_reads_back_with_the_csv_module(entries: list[Entry]) -> None:
    tricky = make(
        'say "no", then,\nyes',
        speaker="O'Brien, Jr.",
        text='He said: "no, never"\r\nthen “yes”.',
        due=window("2025-09-04", "2025-09-05"),
        start=9,
    )
    report = build_report([*entries, entry(tricky)], as_of=day("2025-09-03"))
    rows = list(csv.DictReader(io.StringIO(report.to_csv(), newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["id"] for r in rows] == [item.tracked.id for item in report.items]
    back = next(r for r in rows if r["speaker"] == "O'Brien, Jr.")
    assert back["action"] == tricky.action
    assert back["text"] == tricky.text
    assert (back["due_earliest"], back["due_latest"], back["status"]) == (
        "2025-09-04",
        "2025-09-05",
        "pending",
    )
    kept = next(r for r in rows if r["action"] == "build it")
    assert (kept["status"], kept["resolution"], kept["resolved_on"], kept["note"]) == (
        "kept",
        "kept",
        "2025-09-05",
        "n, with “quotes”",
    )
    undated = next(r for r in rows if r["action"] == "visit Kyiv")
    assert (undated["due_earliest"], undated["due_latest"], undated["status"]) == ("", "", "open")


@pytest.mark.parametrize(
    ("text", "days"),
    [("7", 7), ("7d", 7), ("10 days", 10), ("1 day", 1), ("2w", 14), ("3 weeks", 21), (" 0d ", 0)],
    ids=["bare", "d", "days", "day", "w", "weeks", "zero-spaces"],
)
def test_parse_duration(text: str, days: int) -> None:
    assert parse_duration(text) == dt.timedelta(days=days)


@pytest.mark.parametrize("text", ["", "soon", "-3d", "7 months", "1.5d"], ids=str)
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(DateError, match="not a duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("expired", {Group.EXPIRED}),
        ("Expired, due-soon", {Group.EXPIRED, Group.DUE_SOON}),
        ("due_soon,soon", {Group.DUE_SOON}),
        ("undated", {Group.OPEN}),
        ("kept,broken,withdrawn,", {Group.KEPT, Group.BROKEN, Group.WITHDRAWN}),
    ],
    ids=["one", "two", "aliases", "undated", "trailing-comma"],
)
def test_parse_groups(text: str, expected: set[Group]) -> None:
    assert parse_groups(text) == expected


@pytest.mark.parametrize(
    ("text", "message"), [("late", "unknown status 'late'"), (",", "no status")], ids=str
)
def test_parse_groups_refuses(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_groups(text)


@pytest.mark.parametrize(
    ("speaker", "names", "expected"),
    [
        ("Donald Trump", ["trump"], True),
        ("Donald Trump", ["Donald Trump"], True),
        ("Donald Trump", ["Trum"], False),
        ("Donald Trump", ["Trump Donald"], False),
        (None, ["Trump"], False),
        ("Donald Trump", [""], False),
    ],
    ids=["surname", "full", "part-of-word", "wrong-order", "nobody", "empty-name"],
)
def test_speaker_matches(speaker: str | None, names: list[str], expected: bool) -> None:
    assert speaker_matches(speaker, names) is expected
