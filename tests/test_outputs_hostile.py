"""Hostile requests to the feed server, and hostile text in calendars.

The server serves its routes and nothing else: no path reaches the file system, a hostile query
is a 400 (or is ignored), every method but GET and HEAD is a 405, and a request too large to read
is refused by the HTTP layer before it reaches us. Text with CR/LF, commas, semicolons,
backslashes and control characters goes into iCalendar escaped and comes back out the same.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable, Iterator

import icalendar
import pytest
from growth_helpers import LINEAR, growth
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream
from ical_helpers import calendar_name, commitment, tracked
from serve_helpers import in_process

from commitments.outputs.calendar import clean_text, to_ical
from commitments.outputs.feeds import Feeds, FeedServer
from commitments.records import Tracked

NOW = dt.datetime(2025, 9, 3, 15, 0, tzinfo=dt.UTC)
AS_OF = NOW.date()


def records() -> list[Tracked]:
    return [
        tracked(commitment()),
        tracked(commitment(speaker="Vladimir Putin", action="meet Zelenskyy in Moscow")),
    ]


def feeds() -> Feeds:
    return Feeds(records=records, clock=lambda: NOW)


TRAVERSALS = [
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/speakers/../../../etc/passwd.ics",
    "/speakers/..%2f..%2fetc%2fpasswd.ics",
    "/speakers/%2e%2e%2f%2e%2e%2fREADME.md.ics",
    "//etc/passwd",
    "/calendar.ics/../../pyproject.toml",
    "/README.md",
    "/pyproject.toml",
    "/commitments/__init__.py",
    "/.git/config",
    "/%00",
    "/calendar.ics%00.txt",
    "/C:%5cWindows%5cwin.ini",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_no_path_reaches_a_file(target: str) -> None:
    response = feeds().respond("GET", target, {})
    assert response.status == 404
    assert response.header("Content-Type") == "text/plain; charset=utf-8"
    assert b"root:" not in response.body and b"[project]" not in response.body


HOSTILE_QUERIES = {
    "as-of year 99999": ("/calendar.ics?as-of=99999-01-01", 400, "is not a date"),
    "as-of year 0": ("/calendar.ics?as-of=0000-01-01", 400, "is not a date"),
    "as-of markup": ("/calendar.ics?as-of=%3Cscript%3E", 400, "is not a date"),
    "status markup": ("/calendar.ics?status=%3Cscript%3Ealert(1)%3C/script%3E", 400,
                      "unknown status"),
    "status NUL": ("/todo.ics?status=%00", 400, "unknown status"),
    "bad percent escapes": ("/calendar.ics?speaker=%ZZ%&name=%", 200, "BEGIN:VCALENDAR"),
    "speaker NUL": ("/calendar.ics?speaker=%00", 200, "BEGIN:VCALENDAR"),
    "speaker invalid UTF-8": ("/calendar.ics?speaker=%FF%FE", 200, "BEGIN:VCALENDAR"),
    "a thousand speakers": ("/calendar.ics?" + "&".join(["speaker=x"] * 1000), 200,
                            "BEGIN:VCALENDAR"),
    "50 KB of query": ("/calendar.ics?name=" + "a" * 50_000, 200, "BEGIN:VCALENDAR"),
    "name with CR/LF": ("/calendar.ics?name=Evil%0D%0ABEGIN:VEVENT%0D%0AX:1", 200,
                        "NAME:Evil BEGIN:VEVENT X:1"),
    "unknown parameters": ("/calendar.ics?foo=bar&=x&&", 200, "BEGIN:VCALENDAR"),
}


@pytest.mark.parametrize(("target", "status", "says"), HOSTILE_QUERIES.values(),
                         ids=HOSTILE_QUERIES.keys())
def test_hostile_queries(target: str, status: int, says: str) -> None:
    response = feeds().respond("GET", target, {"Host": "evil\r\nX-Injected: 1"})
    assert response.status == status
    assert says in response.body.decode()
    for name, value in response.headers:
        assert "\r" not in value and "\n" not in value, (name, value)
    if status == 200:
        IcsCalendarStream.calendar_from_ics(response.body.decode())  # still valid iCalendar


LONG_QUERIES: dict[str, Callable[[int], str]] = {
    "many speakers": lambda n: "/calendar.ics?" + "&".join(["speaker=x"] * n),
    "a long name": lambda n: "/calendar.ics?name=" + "a" * (50 * n),
    "many statuses": lambda n: "/todo.ics?status=" + ",".join(["pending"] * n),
}


@pytest.mark.parametrize("query", LONG_QUERIES.values(), ids=LONG_QUERIES.keys())
def test_a_long_query_costs_linear_time(query: Callable[[int], str]) -> None:
    """Four times the query takes about four times as long (quadratic would be sixteen)."""
    served = feeds()

    def work(n: int) -> Callable[[], object]:
        target = query(n)
        return lambda: served.respond("GET", target, {"Host": "localhost"})

    assert growth(work, 250) < LINEAR


HOSTILE_HEADERS = {
    "If-Modified-Since, a year too big for C": {
        "If-Modified-Since": "Mon, 01 Sep 99999999999999999999 10:00:00 GMT"},
    "If-Modified-Since, year 99999": {"If-Modified-Since": "Mon, 01 Sep 99999 10:00:00 GMT"},
    "If-Modified-Since, garbage": {"If-Modified-Since": "\x00\xff" * 100},
    "If-None-Match, 10,000 tags": {"If-None-Match": ", ".join(['"x"'] * 10_000)},
    "Host with a line break": {"Host": "evil\r\nX-Injected: 1"},
}


@pytest.mark.parametrize("headers", HOSTILE_HEADERS.values(), ids=HOSTILE_HEADERS.keys())
def test_hostile_headers_are_ignored(headers: dict[str, str]) -> None:
    response = feeds().respond("GET", "/calendar.ics", headers)
    assert response.status == 200
    assert b"BEGIN:VCALENDAR" in response.body
    assert all("\n" not in value for _, value in response.headers)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND",
                                    "TRACE", "CONNECT", "BREW", "get"])
def test_other_methods_are_not_allowed(method: str) -> None:
    response = feeds().respond(method, "/calendar.ics", {})
    assert response.status == 405
    assert response.header("Allow") == "GET, HEAD"


# --- over a socket: what the HTTP layer does before we see a request ------------------------


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with in_process(feeds()) as running:
        yield running


def raw(server: FeedServer, request: bytes) -> bytes:
    """Send bytes, read the whole answer (the server closes after an error)."""
    host, port = server.server_address[:2]
    with socket.create_connection((str(host), port), timeout=10) as connection:
        connection.sendall(request)
        connection.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(answer: bytes) -> int:
    """The status of an answer; a request line too broken to have a version is answered in
    HTTP/0.9 style, with the error page alone."""
    if answer.startswith(b"HTTP/"):
        return int(answer.split(b" ", 2)[1])
    return int(answer.split(b"Error code: ", 1)[1][:3])


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"BREW /calendar.ics HTTP/1.1\r\nHost: x\r\n\r\n", 405),
        (b"PROPFIND / HTTP/1.1\r\nHost: x\r\n\r\n", 405),
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET /calendar.ics?" + b"x" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\n" + b"X-A: b\r\n" * 200 + b"\r\n", 431),
        (b"GET / HTTP/1.1\r\nX-Long: " + b"b" * 70_000 + b"\r\n\r\n", 431),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64 + b"\r\n\r\n", 400),
        (b"GET\r\n\r\n", 400),
        (b"GET /../../etc/passwd HTTP/1.1\r\n\r\n", 404),
        (b"GET /calendar.ics HTTP/9.9\r\n\r\n", 505),
    ],
    ids=["brew", "propfind", "long-path", "long-query", "many-headers", "long-header", "tls",
         "no-target", "traversal", "http-9"],
)
def test_the_http_layer_refuses_what_it_cannot_read(
    server: FeedServer, request_bytes: bytes, status: int
) -> None:
    answer = raw(server, request_bytes)
    assert status_of(answer) == status
    assert b"root:" not in answer
    ok = raw(server, b"GET /calendar.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status_of(ok) == 200  # the server is still up


# --- hostile text in calendars ------------------------------------------------------------------

HOSTILE_TEXT = 'A, B; C\\D\r\nE\rF\nG\x0bH\x0cI\u2028J\u2029K\x85L\x7fM\x01N\tO "q" :colon'


def parse_back(data: bytes) -> list[icalendar.cal.Component]:
    IcsCalendarStream.calendar_from_ics(data.decode())  # a strict parser accepts it
    for line in data.split(b"\r\n")[:-1]:
        assert b"\r" not in line and b"\n" not in line
        assert len(line) <= 75
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_hostile_text_round_trips_through_icalendar() -> None:
    c = commitment(speaker=HOSTILE_TEXT, action=HOSTILE_TEXT, expression=HOSTILE_TEXT)
    [event] = parse_back(to_ical([tracked(c)], as_of=AS_OF, name=HOSTILE_TEXT))
    expected = clean_text(HOSTILE_TEXT)
    assert expected == 'A, B; C\\D\nE\nF\nG\nH\nI\nJ\nK\nLMN\tO "q" :colon'
    assert str(event["SUMMARY"]) == f"{expected}: {expected}"
    assert f"(“{expected}”)" in str(event["DESCRIPTION"])
    data = to_ical([tracked(c)], as_of=AS_OF, name=HOSTILE_TEXT)
    assert calendar_name(data) == expected.replace("\n", " ")


texts = st.text(
    alphabet=st.one_of(st.sampled_from(list(",;:\\\r\n\"'\t\x0b\x0c\x85\u2028\u2029\x00\x7f")),
                       st.characters()),
    min_size=1, max_size=60,
).filter(lambda t: t.strip())


@settings(max_examples=150, deadline=None)
@given(speaker=texts, action=texts)
def test_any_text_round_trips_through_icalendar(speaker: str, action: str) -> None:
    c = commitment(speaker=speaker, action=action)
    [event] = parse_back(to_ical([tracked(c)], as_of=AS_OF))
    assert str(event["SUMMARY"]) == clean_text(f"{speaker}: {action.strip()}")
