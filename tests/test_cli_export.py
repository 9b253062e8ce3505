"""``commitments export``: iCalendar from files or from the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from ical_helpers import ADDED, lint, parse_everywhere, seed_document, seed_store
from ical_helpers import SEED_PATH as SEED

from cli.main import main
from commitments.extraction import extract_document
from commitments.tracker import Tracker

RESOLVED = dt.datetime(2025, 9, 6, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed_store(tmp_path / "store.db")


def run(*args: str, db: Path | None = None) -> tuple[int, bytes, str]:
    runner = CliRunner()
    env = {"COMMITMENTS_DB": str(db)} if db else {"COMMITMENTS_DB": "/nonexistent/store.db"}
    result = runner.invoke(main, ["export", *args], env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def windows(data: bytes) -> dict[str, tuple[dt.date, dt.date]]:
    return {
        str(e["SUMMARY"]): (e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
    }


def test_from_files_one_event_per_dated_commitment() -> None:
    code, out, err = run(SEED, "--as-of", "2025-09-03", "--events", "window")
    assert (code, err) == (0, "")
    assert lint(out) == []
    found = windows(out)
    assert parse_everywhere(out) == (len(found), 0)
    todo = run(SEED, "--as-of", "2025-09-03", "--todo")[1]
    assert lint(todo) == [] and parse_everywhere(todo)[1] == len(extract_document(seed_document()))
    dated = [c for c in extract_document(seed_document()) if c.due is not None]
    assert len(found) == len(dated) >= 2
    for c in dated:
        assert c.due is not None
        assert (c.due.earliest, c.due.latest + dt.timedelta(days=1)) in found.values()
    # The seed's expired two-week deadline and its call "in the coming days".
    assert (dt.date(2025, 8, 1), dt.date(2025, 9, 4)) in found.values()
    assert (dt.date(2025, 9, 4), dt.date(2025, 9, 11)) in found.values()
    stamps = {e.decoded("DTSTAMP") for e in icalendar.Calendar.from_ical(out).walk("VEVENT")}
    assert stamps == {dt.datetime(2025, 9, 3, tzinfo=dt.UTC)}  # the publication day, not now


def test_from_files_twice_gives_the_same_bytes() -> None:
    assert run(SEED, "--as-of", "2025-09-03")[1] == run(SEED, "--as-of", "2025-09-03")[1]


def test_from_the_store_twice_gives_the_same_bytes(db: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run("--ics", str(first), "--as-of", "2025-09-03", "--events", "window", db=db)[0] == 0
    assert run("-o", str(second), "--as-of", "2025-09-03", "--events", "window", db=db)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert (dt.date(2025, 8, 1), dt.date(2025, 9, 4)) in windows(first.read_bytes()).values()
    stamps = {
        e.decoded("DTSTAMP")
        for e in icalendar.Calendar.from_ical(first.read_bytes()).walk()
        if e.name == "VEVENT"
    }
    assert stamps == {ADDED}


def test_resolve_changes_summary_sequence_and_stamp(db: Path) -> None:
    with Tracker(db) as tracker:
        (target,) = [
            e.tracked
            for e in tracker.entries()
            if e.tracked.commitment.due and e.tracked.commitment.due.latest > dt.date(2025, 9, 3)
        ]
        tracker.resolve(target.id, "kept", on=dt.date(2025, 9, 5), now=RESOLVED)
    code, out, _ = run("--as-of", "2025-09-03", "--status", "kept", db=db)
    assert code == 0
    (event,) = icalendar.Calendar.from_ical(out).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("[Kept] Donald Trump: ")
    assert event["SEQUENCE"] == 2 * (target.sequence + 1)
    assert event.decoded("DTSTAMP") == RESOLVED == event.decoded("LAST-MODIFIED")


def test_writes_the_file_and_says_so(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "feed.ics"
    target.write_bytes(b"old")
    code, out, err = run("--ics", str(target), "--as-of", "2025-09-03", db=db)
    assert (code, out) == (0, b"")
    assert err == f"{target}: 2 events\n"
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".db" and "store" not in p.name] == [
        "feed.ics"
    ]


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (["--speaker", "Trump"], 2),
        (["--speaker", "Putin"], 0),
        (["--status", "expired"], 1),
        (["--status", "EXPIRED,pending"], 2),
        (["--status", "kept", "--status", "broken"], 0),
        (["--speaker", "nobody"], 0),
    ],
    ids=["speaker", "speaker-undated", "status", "statuses", "repeated-status", "no-speaker"],
)
def test_filters(db: Path, args: list[str], count: int) -> None:
    code, out, _ = run("--as-of", "2025-09-03", *args, db=db)
    assert code == 0
    assert len(windows(out)) == count


def test_todo_and_name(db: Path) -> None:
    code, out, _ = run("--todo", "--name", "Trump tasks", "--as-of", "2025-09-03", db=db)
    assert code == 0
    calendar = icalendar.Calendar.from_ical(out)
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == "Trump tasks"
    with Tracker(db) as tracker:
        assert len(calendar.walk("VTODO")) == len(tracker.entries())
    assert calendar.walk("VEVENT") == []


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--status", "done"], 2, "unknown status 'done': choose from expired, due-soon"),
        (["--as-of", "yesterday"], 2, "'yesterday' is not a date"),
        ([], 1, "Error: /nonexistent/store.db: no commitment store here"),
        (["missing.md"], 1, "Error: missing.md: no such file"),
        ([SEED, "--ics", "/nonexistent/folder/x.ics"], 1, "folder /nonexistent/folder does not"),
    ],
    ids=["bad-status", "bad-date", "no-store", "missing-file", "missing-folder"],
)
def test_errors(args: list[str], code: int, says: str) -> None:
    found, out, err = run(*args)
    assert found == code
    assert out == b""
    assert says in err
    assert "Traceback" not in err


def test_a_bad_file_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "feed.ics"
    target.write_bytes(b"old")
    code, _, err = run(SEED, str(tmp_path / "missing.md"), "--ics", str(target))
    assert code == 1
    assert "nothing was written" in err
    assert target.read_bytes() == b"old"
