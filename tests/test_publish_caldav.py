"""`commitments publish --caldav`: a round trip to a Radicale server the test starts on
127.0.0.1; a second publish changes nothing; a resolution replaces one event by its UID."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from ical_helpers import seed_store

from cli.main import main
from commitments.tracker import Tracker

pytest.importorskip("radicale", reason="radicale is not installed (pip install -e '.[test]')")
caldav = pytest.importorskip("caldav", reason="caldav is not installed (pip install -e '.[test]')")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    config = tmp_path / "radicale.conf"
    config.write_text("[auth]\ntype = none\n[rights]\ntype = owner_only\n", "utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            str(config),
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(tmp_path / "collections"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"radicale did not start: {process.stderr}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


def publish(url: str, db: Path, *extra: str) -> str:
    result = CliRunner().invoke(
        main,
        ["publish", "--caldav", url, "--user", "alice", "--password", "x", "--db", str(db), *extra],
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def server_events(url: str) -> dict[str, icalendar.Event]:
    client = caldav.DAVClient(url=url, username="alice", password="x")
    (calendar,) = client.principal().calendars()
    found = {}
    for item in calendar.objects(load_objects=True):
        for event in icalendar.Calendar.from_ical(item.data).walk("VEVENT"):
            found[str(event["UID"])] = event
    return found


def test_publish_round_trips_and_is_idempotent(radicale: str, tmp_path: Path) -> None:
    db = seed_store(tmp_path / "store.db")
    first = publish(radicale, db, "--as-of", "2025-09-03")
    assert first.startswith("Commitments: 2 created, 0 updated, 0 unchanged")
    events = server_events(radicale)
    assert len(events) == 2
    assert all(str(tmp_path) not in e.to_ical().decode() for e in events.values())

    again = publish(radicale, db, "--as-of", "2025-09-03")
    assert again.startswith("Commitments: 0 created, 0 updated, 2 unchanged")
    assert {uid: e.to_ical() for uid, e in server_events(radicale).items()} == {
        uid: e.to_ical() for uid, e in events.items()
    }

    with Tracker(db) as tracker:
        pending = [  # a dated one: only dated commitments are events on the server
            e
            for e in tracker.entries()
            if not e.tracked.commitment.stated and e.tracked.commitment.due is not None
        ]
        import datetime as dt

        tracker.resolve(
            pending[0].id, "kept", on=dt.date(2025, 9, 5), now=dt.datetime.now(dt.UTC)
        )
    third = publish(radicale, db, "--as-of", "2025-09-03")
    assert third.startswith("Commitments: 0 created, 1 updated, 1 unchanged")
    summaries = sorted(str(e["SUMMARY"]) for e in server_events(radicale).values())
    assert any(s.startswith("[Kept] ") for s in summaries)


def test_an_unreachable_server_is_a_one_line_error(tmp_path: Path) -> None:
    db = seed_store(tmp_path / "store.db")
    url = f"http://127.0.0.1:{_free_port()}/"
    result = CliRunner().invoke(main, ["publish", "--caldav", url, "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {url}: ") and len(result.stderr.splitlines()) == 1
