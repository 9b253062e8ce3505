"""The store validates what it stores, refuses to write to a damaged file, and names a bad row.

Issue 16, items 12-15: a datetime in a date column, a naive ``due_at``, garbage mid-file, and
hand-edited rows each poisoned every later ``status`` and ``export``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import sqlite3
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from tracker_helpers import NOW, document, extractor, make

from cli.main import main
from commitments.errors import CorruptStoreError, DateError, InputError
from commitments.outputs.feeds import Feeds
from commitments.records import Window
from commitments.tracker import Tracker


def _tracker(path: Path | str, **found: list) -> Tracker:  # type: ignore[type-arg]
    return Tracker(path, extractor=extractor(found))


# -- what goes in ------------------------------------------------------------------------------


def test_a_datetime_as_the_publication_date_is_refused(tmp_path: Path) -> None:
    with _tracker(tmp_path / "s.db", **{"a.md": [make()]}) as tracker:
        doc = attrs.evolve(document("a.md"), published=dt.datetime(2025, 1, 15, 10))  # noqa: DTZ001
        with pytest.raises(DateError, match="must be a date"):
            tracker.add(doc, now=NOW)
        assert tracker.store.document_count() == 0
        assert tracker.entries() == []


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ({"due_at": dt.datetime(2025, 9, 10, 17)}, DateError, "time-zone aware"),  # noqa: DTZ001
        (
            {"due": Window(dt.datetime(2025, 9, 4, 9), dt.datetime(2025, 9, 10, 17))},  # noqa: DTZ001
            DateError,
            "must be a date",
        ),
        ({"kind": "pledge"}, InputError, "kind 'pledge'"),
        ({"stated": "done"}, InputError, "stated status 'done'"),
    ],
    ids=["naive due_at", "datetime in a window", "unknown kind", "unknown status"],
)
def test_add_commitments_refuses_what_the_store_could_not_read_back(
    change: dict[str, object], error: type[Exception], message: str
) -> None:
    bad = attrs.evolve(make(), **change)  # type: ignore[misc]
    with Tracker(":memory:") as tracker:
        with pytest.raises(error, match=message):
            tracker.add_commitments(document("a.md"), [bad], now=NOW)
        assert tracker.store.document_count() == 0


def test_add_extracted_with_a_naive_due_at_is_one_error_and_the_store_stays_readable(
    tmp_path: Path,
) -> None:
    good = make().to_json(dt.date(2025, 9, 3))
    bad = dict(good, due_at="2025-09-10T17:00:00", action="send the draft")
    records = tmp_path / "records.jsonl"
    lines = []
    for name, record in (("bad.md", bad), ("good.md", good)):
        doc = {"name": name, "text": "x", "published": "2025-09-03"}
        lines.append(json.dumps({"document": doc, "commitments": [record]}))
    records.write_text("\n".join(lines) + "\n")
    db = tmp_path / "s.db"
    runner = CliRunner()
    added = runner.invoke(main, ["add", "--extracted", str(records), "--db", str(db)])
    assert added.exit_code == 1
    assert "Traceback" not in added.output
    assert "has no time zone" in added.stderr and "good.md: 1 commitment found" in added.stdout
    exported = runner.invoke(main, ["export", "--db", str(db), "--as-of", "2025-09-03"])
    assert exported.exit_code == 0, exported.output
    assert "BEGIN:VCALENDAR" in exported.stdout


# -- a damaged file is not written to -----------------------------------------------------------


def _filled(path: Path) -> None:
    found = {
        f"d{i}.md": [make(f"action {i} " + "w" * 200, speaker=f"P{i}", document=f"d{i}.md")]
        for i in range(80)
    }
    with Tracker(path, extractor=extractor(found)) as tracker:
        for name in found:
            tracker.add(document(name), now=NOW)
    with contextlib.closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_garbage_mid_file_stops_add_before_it_writes(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _filled(db)
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 2048] = random.Random(16).randbytes(2048)
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    new = tmp_path / "new.md"
    new.write_text("---\npublished: 2025-09-03\n---\nTrump said he would call Putin next week.\n")
    result = CliRunner().invoke(main, ["add", str(new), "--db", str(db)])
    assert result.exit_code == 1
    assert "damaged" in result.stderr
    assert "Traceback" not in result.output
    assert db.read_bytes() == before


def test_a_healthy_store_is_checked_once_per_open(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _filled(db)
    found = {f"n{i}.md": [make(f"act {i}", document=f"n{i}.md")] for i in range(5)}
    checks = []
    with Tracker(db, extractor=extractor(found)) as tracker:
        real = tracker.store._db

        class Spy:
            def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
                if "quick_check" in sql:
                    checks.append(sql)
                return real.execute(sql, *args)

        tracker.store._db = Spy()  # type: ignore[assignment]
        for name in found:
            tracker.add(document(name), now=NOW)
        tracker.store._db = real
    assert len(checks) == 1


# -- a hand-edited row --------------------------------------------------------------------------

EDITS = [
    ("UPDATE commitments SET kind = 'pledge'", "pledge"),
    ("UPDATE commitments SET due_earliest = '2025-09-31'", "2025-09-31"),
    ("UPDATE commitments SET due_earliest = '2025-12-01'", "inverted"),
    ("UPDATE commitments SET updated = '2025-09-03T12:00:00'", "time zone"),
    ("UPDATE mentions SET published = '2025-01-15T10:00:00'", "mention 0"),
    ("UPDATE commitments SET due_at = '2025-09-05T10:00:00'", "time zone"),
]


@pytest.fixture
def edited(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, str, str]:
    sql, fragment = request.param
    db = tmp_path / "s.db"
    found = {"a.md": [make()], "b.md": [make("send the draft", speaker="Ann Lee")]}
    with _tracker(db, **found) as t:
        t.add(document("a.md"), now=NOW)
        t.add(document("b.md"), now=NOW)
        bad_id = make().id
    with contextlib.closing(sqlite3.connect(db)) as con:
        con.execute(
            sql + (" WHERE id = ?" if "commitments" in sql else " WHERE commitment_id = ?"),
            (bad_id,),
        )
        con.commit()
    return db, bad_id, fragment


@pytest.mark.parametrize("edited", EDITS, indirect=True, ids=[f for _, f in EDITS])
@pytest.mark.parametrize("command", [["status"], ["export"], ["status", "--format", "json"]])
def test_a_bad_row_is_named_by_id_never_a_traceback(
    edited: tuple[Path, str, str], command: list[str]
) -> None:
    db, bad_id, fragment = edited
    result = CliRunner().invoke(main, [*command, "--db", str(db), "--as-of", "2025-09-03"])
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: ")
    assert bad_id in result.stderr and fragment in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("edited", EDITS[:2], indirect=True, ids=[f for _, f in EDITS[:2]])
def test_the_feed_server_answers_500_for_a_bad_row(edited: tuple[Path, str, str]) -> None:
    db, bad_id, _ = edited

    def records() -> list:  # type: ignore[type-arg]
        with Tracker(db) as tracker:
            return [entry.tracked for entry in tracker.entries()]

    feeds = Feeds(records=records, clock=lambda: NOW)
    for target in ("/calendar.ics", "/todo.ics", "/"):
        response = feeds.respond("GET", target, {})
        assert response.status == 500
        assert bad_id.encode() in response.body


def test_the_library_raises_its_own_error_for_a_bad_row(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with _tracker(db, **{"a.md": [make()]}) as tracker:
        tracker.add(document("a.md"), now=NOW)
    with contextlib.closing(sqlite3.connect(db)) as con:
        con.execute("UPDATE commitments SET issued_latest = '1999-01-01'")
        con.commit()
    with Tracker(db) as tracker, pytest.raises(CorruptStoreError, match=make().id):
        tracker.entries()

