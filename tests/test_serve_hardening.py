"""The feed server under hostile clients (issue 16, items 16-18), on 127.0.0.1 only.

Slow connections filled the server (and at a low open-file limit made it spin answering nobody);
a body was read as a second request; control characters reached the terminal; the Host header
was copied into webcal links. Bounds here are counts (bytes, connections, accept calls) with the
clock only as a ceiling for a socket to give up.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import http.client
import resource
import select
import socket
import socketserver
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from ical_helpers import commitment, seed_store, tracked
from serve_helpers import BIN, local_env, serving
from tracker_helpers import document, extractor, make

from cli.main import main
from commitments.outputs.feeds import Feeds
from commitments.outputs.server import MAX_BODY, FeedServer, make_server
from commitments.records import Tracked
from commitments.tracker import Tracker

NOW = dt.datetime(2025, 9, 3, 15, 0, tzinfo=dt.UTC)
REQUEST = b"GET /calendar.ics HTTP/1.1\r\nHost: x\r\n\r\n"


def feeds(records: list[Tracked] | None = None) -> Feeds:
    everything = [tracked(commitment())] if records is None else records
    return Feeds(records=lambda: everything, clock=lambda: NOW)


@contextlib.contextmanager
def running(**options: object) -> Iterator[FeedServer]:
    server = make_server(feeds(), host="127.0.0.1", port=0, **options)  # type: ignore[arg-type]
    server.start()
    try:
        yield server
    finally:
        server.stop()


def address(server: FeedServer) -> tuple[str, int]:
    host, port = server.server_address[:2]
    return str(host), int(port)


def raw(server: FeedServer, request: bytes) -> bytes:
    """Send bytes, say we are done, read everything until the server closes."""
    return raw_or_reset(server, request)[0]


def raw_or_reset(server: FeedServer, request: bytes) -> tuple[bytes, bool]:
    """What :func:`raw` reads, and whether the server reset the connection: a server that
    refuses a body it will not read closes with that body unread, and TCP may then reset the
    connection before the client has read the answer."""
    chunks = []
    try:
        with socket.create_connection(address(server), timeout=10) as connection:
            connection.sendall(request)
            connection.shutdown(socket.SHUT_WR)
            while chunk := connection.recv(65536):
                chunks.append(chunk)
    except TimeoutError:
        raise
    except OSError:  # reset, broken pipe, or not connected any more (ENOTCONN on shutdown)
        return b"".join(chunks), True
    return b"".join(chunks), False


def get(server: FeedServer, path: str = "/calendar.ics") -> int:
    connection = http.client.HTTPConnection(*address(server), timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@contextlib.contextmanager
def open_files(wanted: int) -> Iterator[None]:
    """Raise this process's soft open-file limit to ``wanted`` (skip if the hard one is lower)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"the hard open-file limit is {hard}, below {wanted}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def slow_clients(where: tuple[str, int], count: int) -> list[socket.socket]:
    """``count`` connections that each sent half a request and then nothing."""
    clients = []
    for _ in range(count):
        client = socket.create_connection(where, timeout=10)
        client.sendall(b"GET /calendar.ics HTTP/1.1\r\nHost: x\r\n")
        clients.append(client)
    return clients


# -- item 16: slow connections ---------------------------------------------------------------------


def test_a_new_client_is_answered_while_1000_slow_connections_are_open() -> None:
    with open_files(4096), running() as server:
        clients = slow_clients(address(server), 1000)
        try:
            assert get(server) == 200
            assert server.open_connections <= server.max_connections
            assert server.evicted >= 1000 - server.max_connections
        finally:
            for client in clients:
                client.close()


def test_a_client_sending_a_byte_at_a_time_is_cut_off_at_the_request_deadline() -> None:
    with running(request_timeout=1.0) as server:
        connection = socket.create_connection(address(server), timeout=10)
        sent = 0
        closed = False
        with connection:
            for byte in REQUEST:
                try:
                    connection.send(bytes([byte]))
                except OSError:
                    closed = True
                    break
                sent += 1
                readable, _, _ = select.select([connection], [], [], 0.2)
                if readable:
                    try:
                        closed = connection.recv(1024) == b""
                    except OSError:
                        closed = True
                    break
        assert closed, "the server kept the connection open"
        assert sent < len(REQUEST) // 2  # ~1 s of a 8 s trickle, whatever the per-read timeout
        assert server.evicted >= 1


def test_an_idle_kept_alive_connection_is_closed() -> None:
    with running(idle_timeout=0.5) as server, socket.create_connection(address(server)) as c:
        c.sendall(REQUEST)
        c.settimeout(10)
        data = b""
        while b"END:VCALENDAR" not in data:
            data += c.recv(65536)
        rest = c.recv(65536)  # the server closes it: recv returns before the 10 s timeout
        assert rest == b""


def test_out_of_file_descriptors_backs_off_instead_of_spinning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0

    def no_files(self: socketserver.TCPServer) -> tuple[socket.socket, object]:
        nonlocal calls
        calls += 1
        raise OSError(errno.EMFILE, "Too many open files")

    with running() as server:
        # (patched first: a connection made before would be accepted before the patch)
        monkeypatch.setattr(socketserver.TCPServer, "get_request", no_files)
        waiting = socket.create_connection(address(server), timeout=10)  # stays in the backlog
        with waiting:
            started = time.monotonic()
            while calls < 5 and time.monotonic() - started < 20:  # a loaded machine is slow
                time.sleep(0.05)
            elapsed = time.monotonic() - started
            monkeypatch.undo()
            # about 20 tries a second, not a busy loop (which makes thousands)
            assert 1 <= calls <= 60 * max(1.0, elapsed)
            assert server.accept_failures == calls
            waiting.sendall(REQUEST)
            assert waiting.recv(12) == b"HTTP/1.1 200"


def test_a_server_at_a_low_open_file_limit_still_answers(tmp_path: Path) -> None:
    db = seed_store(tmp_path / "store.db")

    def limit() -> None:
        _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (200, hard))

    process = subprocess.Popen(
        [str(BIN / "commitments"), "serve", "--port", "0", "--quiet", "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=local_env(),
        preexec_fn=limit,  # noqa: PLW1509 - one setrlimit, no threads yet
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().removeprefix("Serving on http://").strip().rstrip("/")
        host, port = url.rsplit(":", 1)
        with open_files(1024):
            clients = slow_clients((host, int(port)), 300)
            try:
                connection = http.client.HTTPConnection(host, int(port), timeout=10)
                connection.request("GET", "/calendar.ics?as-of=2025-09-03")
                response = connection.getresponse()
                assert response.status == 200 and b"BEGIN:VEVENT" in response.read()
                connection.close()
            finally:
                for client in clients:
                    client.close()
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=10)
    assert "Traceback" not in stderr


# -- item 17: request framing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"POST /calendar.ics HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s"
        % (len(REQUEST), REQUEST),
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n"
        % (len(REQUEST), REQUEST),
        b"PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s%s"
        % (MAX_BODY + 1, REQUEST, b"x" * (MAX_BODY + 1 - len(REQUEST))),
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 0\r\n\r\n" + REQUEST,
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n" + REQUEST,
        b"GET /todo.ics HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s"
        % (len(REQUEST), REQUEST),
    ],
    ids=["content-length", "chunked", "too-long", "two-lengths", "negative", "get-with-body"],
)
def test_a_body_is_never_read_as_a_second_request(request_bytes: bytes) -> None:
    with running() as server:
        answer, reset = raw_or_reset(server, request_bytes)
        # never a second answer; one, unless a reset lost it on the way (a refused long body)
        assert answer.count(b"HTTP/1.1 ") == (0 if reset and not answer else 1), answer[:300]
        assert b"BEGIN:VCALENDAR" not in answer or request_bytes.startswith(b"GET /todo")
        assert get(server) == 200


def test_a_small_body_is_read_and_the_connection_kept() -> None:
    with running() as server, socket.create_connection(address(server), timeout=10) as c:
        c.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc" + REQUEST)
        c.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := c.recv(65536):
            answer += chunk
        assert answer.count(b"HTTP/1.1 405") == 1 and answer.count(b"HTTP/1.1 200") == 1


# -- item 18: what reaches a terminal, and whose address the links carry ---------------------------


def test_control_characters_in_requests_are_escaped_in_the_log() -> None:
    lines: list[str] = []
    with running(log=lines.append) as server:
        raw(server, b"GET /\x1b]0;owned\x07\x9b2J HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        raw(server, b"\x1b[2J\x1b[31mBOGUS\r\n\r\n")
    assert len(lines) >= 2
    for line in lines:
        assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in line), repr(line)
    assert any("\\x1b]0;owned\\x07" in line for line in lines)


def test_a_server_bug_is_a_500_not_an_empty_reply() -> None:
    def broken() -> list[Tracked]:
        raise ZeroDivisionError("a bug")

    server = make_server(Feeds(records=broken, clock=lambda: NOW), host="127.0.0.1", port=0)
    server.start()
    try:
        answer = raw(server, REQUEST)
    finally:
        server.stop()
    assert answer.startswith(b"HTTP/1.1 500 ")


def test_status_escapes_control_characters_in_speaker_names(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    evil = "Mallory\x1b]0;owned\x07 \x9b2JSmith"
    found = {"a.md": [make("send the \x1b[8mreport", speaker=evil)]}
    with Tracker(db, extractor=extractor(found)) as tracker:
        tracker.add(document("a.md"), now=NOW)
    shown = CliRunner().invoke(
        main, ["status", "--db", str(db), "--as-of", "2025-09-03"], env={"COLUMNS": "200"}
    )
    assert shown.exit_code == 0, shown.output
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in shown.stdout)
    assert "Mallory\\x1b]0;owned\\x07 \\x9b2JSmith" in shown.stdout
    assert "send the \\x1b[8mreport" in shown.stdout


def test_links_use_the_base_url_never_the_host_header(tmp_path: Path) -> None:
    db = seed_store(tmp_path / "store.db")
    with serving(db, "--base-url", "https://cal.example.org/feeds/") as url:
        host, port = url.removeprefix("http://").rsplit(":", 1)
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", "/", headers={"Host": "evil.example"})
        page = connection.getresponse().read().decode()
        connection.close()
    assert 'href="webcal://cal.example.org/feeds/calendar.ics"' in page
    assert "evil.example" not in page


@pytest.mark.parametrize(
    "base", ["ftp://x.org", "https://x.org/?a=1", "https://ev il.org", "javascript:alert(1)",
             "https://x.org/\x1b[2J"],
    ids=["ftp", "query", "space", "javascript", "control"],
)
def test_a_bad_base_url_is_a_usage_error(tmp_path: Path, base: str) -> None:
    db = seed_store(tmp_path / "store.db")
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "0", "--base-url", base])
    assert result.exit_code == 2
    assert "is not a base URL" in result.stderr
