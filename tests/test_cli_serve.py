"""``commitments serve``: the command around the feed server."""

from __future__ import annotations

import datetime as dt
import http.client
import socket
import urllib.parse
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from ical_helpers import seed_store
from serve_helpers import serving

from cli.main import main
from commitments.tracker import Tracker


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed_store(tmp_path / "store.db")


def get(
    url: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[http.client.HTTPResponse, bytes]:
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname == "127.0.0.1"
    connection = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=10)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target, headers=headers or {})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def test_serves_the_store_with_etag_and_304(db: Path) -> None:
    with serving(db) as url:
        response, body = get(f"{url}/calendar.ics?as-of=2025-09-03")
        assert response.status == 200
        assert response.getheader("Content-Type") == "text/calendar; charset=utf-8"
        assert response.getheader("Last-Modified") == "Wed, 03 Sep 2025 18:30:00 GMT"
        summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")]
        assert summaries[0].startswith("[Expired] Donald Trump: ")
        etag = response.getheader("ETag")
        again, body = get(f"{url}/calendar.ics?as-of=2025-09-03", {"If-None-Match": etag or ""})
        assert (again.status, body) == (304, b"")
        head, body = get(f"{url}/todo.ics", method="HEAD")
        assert head.status == 200 and body == b"" and int(head.getheader("Content-Length") or 0)
        index, page = get(f"{url}/")
        assert f"webcal://{url.removeprefix('http://')}/speakers/donald-trump.ics" in page.decode()
        assert get(f"{url}/nothing")[0].status == 404


def test_a_change_in_the_store_shows_at_the_next_request(db: Path) -> None:
    with serving(db, "--quiet") as url:
        first, _ = get(f"{url}/calendar.ics?as-of=2025-09-03")
        with Tracker(db) as tracker:
            (target,) = [
                e.tracked
                for e in tracker.entries()
                if e.tracked.commitment.due
                and e.tracked.commitment.due.latest > dt.date(2025, 9, 3)
            ]
            tracker.resolve(
                target.id,
                "broken",
                on=dt.date(2025, 9, 5),
                now=dt.datetime(2025, 9, 6, tzinfo=dt.UTC),
            )
        second, body = get(
            f"{url}/calendar.ics?as-of=2025-09-03",
            {"If-None-Match": first.getheader("ETag") or ""},
        )
        assert second.status == 200
        assert b"SUMMARY:[Broken] Donald Trump" in body


def test_a_missing_store_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Error: " in result.stderr and "no commitment store here" in result.stderr


def test_a_port_in_use_is_an_error(db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_port_is_a_usage_error(db: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "70000"])
    assert result.exit_code == 2
