"""commitments.outputs.feeds: HTTP feeds with ETag, Last-Modified, 304, HEAD and 404."""

from __future__ import annotations

import datetime as dt
import html
import http.client
import urllib.parse
from collections.abc import Iterator

import attrs
import icalendar
import pytest
from ical_helpers import (
    UPDATED,
    commitment,
    deadline,
    lint,
    parse_everywhere,
    resolution,
    tracked,
)
from serve_helpers import in_process

from commitments.errors import OutputError, StoreError
from commitments.outputs.calendar import to_ical
from commitments.outputs.feeds import Feeds, FeedServer, make_server
from commitments.outputs.sources import DocumentInfo, Sources
from commitments.records import Source, Status, Tracked, Window

NOW = dt.datetime(2025, 9, 3, 15, 0, tzinfo=dt.UTC)


class Store:
    """Records that a test can change between requests, like a tracker's."""

    def __init__(self, records: list[Tracked]) -> None:
        self.records = records
        self.calls = 0

    def __call__(self) -> list[Tracked]:
        self.calls += 1
        return list(self.records)


def seed() -> list[Tracked]:
    return [
        tracked(commitment()),
        tracked(deadline()),
        tracked(commitment(speaker="Vladimir Putin", action="meet Zelenskyy in Moscow")),
    ]


def feeds(records: list[Tracked] | None = None, now: dt.datetime = NOW) -> Feeds:
    return Feeds(records=Store(seed() if records is None else records), clock=lambda: now)


def summaries(body: bytes, kind: str = "VEVENT") -> list[str]:
    return [str(c["SUMMARY"]) for c in icalendar.Calendar.from_ical(body).walk(kind)]


def test_calendar_feed() -> None:
    response = feeds().respond("GET", "/calendar.ics", {})
    assert response.status == 200
    assert response.header("content-type") == "text/calendar; charset=utf-8"
    assert response.header("Content-Length") == str(len(response.body))
    assert response.header("Content-Encoding") is None
    assert response.header("Last-Modified") == "Wed, 03 Sep 2025 00:00:00 GMT"
    etag = response.header("ETag")
    assert etag and etag.startswith('"') and not etag.startswith("W/")
    assert response.body == to_ical(seed(), as_of=NOW.date())
    assert lint(response.body) == []


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/calendar.ics?speaker=Vladimir%20Putin", ["Vladimir Putin: meet Zelenskyy in Moscow"]),
        ("/speakers/vladimir-putin.ics", ["Vladimir Putin: meet Zelenskyy in Moscow"]),
        (
            "/calendar.ics?status=expired",
            ["[Expired] Donald Trump: Putin to meet Zelenskyy"],
        ),
        (
            "/calendar.ics?status=expired,pending&speaker=donald-trump",
            ["[Expired] Donald Trump: Putin to meet Zelenskyy", "Donald Trump: be speaking to him"],
        ),
        (
            "/speakers/donald-trump.ics?as-of=2025-09-11",
            [
                "[Expired] Donald Trump: Putin to meet Zelenskyy",
                "[Expired] Donald Trump: be speaking to him",
            ],
        ),
        ("/calendar.ics?status=kept", []),
        ("/calendar.ics?speaker=Putin", ["Vladimir Putin: meet Zelenskyy in Moscow"]),
        ("/calendar.ics?speaker=&status=", None),
    ],
    ids=[
        "speaker-query",
        "speaker-path",
        "status",
        "statuses",
        "as-of",
        "empty",
        "surname",
        "blank-filters",
    ],
)
def test_filters(target: str, expected: list[str] | None) -> None:
    response = feeds().respond("GET", target, {})
    assert response.status == 200
    if expected is None:
        expected = summaries(feeds().respond("GET", "/calendar.ics", {}).body)
    assert summaries(response.body) == expected


def test_todo_feed_and_names() -> None:
    f = feeds()
    body = f.respond("GET", "/todo.ics", {}).body
    assert len(summaries(body, "VTODO")) == 3 and summaries(body) == []
    assert str(icalendar.Calendar.from_ical(body)["NAME"]) == "Commitments (tasks)"
    body = f.respond("GET", "/speakers/donald-trump.ics", {}).body
    assert str(icalendar.Calendar.from_ical(body)["X-WR-CALNAME"]) == "Commitments: Donald Trump"
    body = f.respond("GET", "/calendar.ics?name=Deadlines", {}).body
    assert str(icalendar.Calendar.from_ical(body)["NAME"]) == "Deadlines"


@pytest.mark.parametrize(
    ("method", "target", "status", "says"),
    [
        ("GET", "/nope.ics", 404, "no feed at /nope.ics"),
        ("GET", "/favicon.ico", 404, "no feed"),
        ("GET", "/calendar.ics/", 404, "no feed"),
        ("GET", "/speakers/nobody.ics", 404, "no commitments by a speaker 'nobody'"),
        ("GET", "/speakers/trump.ics", 404, "no commitments by a speaker 'trump'"),
        ("GET", "/calendar.ics?status=done", 400, "unknown status 'done'; use one of expired, due-soon"),
        ("GET", "/calendar.ics?as-of=tomorrow", 400, "as-of 'tomorrow' is not a date"),
        ("POST", "/calendar.ics", 405, "only GET and HEAD"),
        ("DELETE", "/", 405, "only GET and HEAD"),
    ],
    ids=[
        "unknown",
        "favicon",
        "trailing-slash",
        "unknown-speaker",
        "surname-path",
        "bad-status",
        "bad-date",
        "post",
        "delete",
    ],
)
def test_errors(method: str, target: str, status: int, says: str) -> None:
    response = feeds().respond(method, target, {})
    assert response.status == status
    assert response.header("Content-Type") == "text/plain; charset=utf-8"
    assert says in response.body.decode()


def test_store_errors_are_a_500_with_the_reason() -> None:
    def broken() -> list[Tracked]:
        raise StoreError("the store is locked", source="x.db")

    response = Feeds(records=broken, clock=lambda: NOW).respond("GET", "/calendar.ics", {})
    assert response.status == 500
    assert "x.db: the store is locked" in response.body.decode()


def test_etag_gives_304() -> None:
    f = feeds()
    etag = f.respond("GET", "/calendar.ics", {}).header("ETag")
    assert etag is not None
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        response = f.respond("GET", "/calendar.ics", {"If-None-Match": header})
        assert response.status == 304, header
        assert response.body == b"" and response.header("ETag") == etag
    response = f.respond("GET", "/calendar.ics", {"if-none-match": '"other"'})
    assert response.status == 200


def test_if_none_match_wins_over_if_modified_since() -> None:
    response = feeds().respond(
        "GET",
        "/calendar.ics",
        {"If-None-Match": '"other"', "If-Modified-Since": "Thu, 04 Sep 2025 00:00:00 GMT"},
    )
    assert response.status == 200


@pytest.mark.parametrize(
    ("since", "status"),
    [
        ("Wed, 03 Sep 2025 00:00:00 GMT", 304),
        ("Thu, 04 Sep 2025 00:00:00 GMT", 304),
        ("Tue, 02 Sep 2025 23:59:59 GMT", 200),
        ("yesterday", 200),
    ],
    ids=["same", "later", "earlier", "garbage"],
)
def test_if_modified_since(since: str, status: int) -> None:
    response = feeds().respond("GET", "/calendar.ics", {"If-Modified-Since": since})
    assert response.status == status


def test_a_change_in_the_store_changes_etag_and_last_modified() -> None:
    store = Store(seed())
    f = Feeds(records=store, clock=lambda: NOW + dt.timedelta(days=5))
    first = f.respond("GET", "/calendar.ics", {})
    later = UPDATED + dt.timedelta(days=2, hours=3)
    store.records[0] = tracked(
        commitment(), updated=later, sequence=1, resolution=resolution(Status.KEPT)
    )
    headers = {"If-None-Match": first.header("ETag") or ""}
    second = f.respond("GET", "/calendar.ics", headers)
    assert second.status == 200
    assert second.header("ETag") != first.header("ETag")
    assert second.header("Last-Modified") == "Fri, 05 Sep 2025 03:00:00 GMT"
    assert "[Kept] Donald Trump: be speaking to him" in summaries(second.body)
    since = {"If-Modified-Since": first.header("Last-Modified") or ""}
    assert f.respond("GET", "/calendar.ics", since).status == 200


def test_a_deadline_passing_moves_last_modified() -> None:
    before = feeds(now=dt.datetime(2025, 9, 10, 12, tzinfo=dt.UTC))
    after = feeds(now=dt.datetime(2025, 9, 11, 12, tzinfo=dt.UTC))
    first = before.respond("GET", "/calendar.ics", {})
    second = after.respond(
        "GET", "/calendar.ics", {"If-Modified-Since": first.header("Last-Modified") or ""}
    )
    assert second.status == 200
    assert second.header("Last-Modified") == "Thu, 11 Sep 2025 00:00:00 GMT"


def test_last_modified_is_never_in_the_future() -> None:
    future = tracked(updated=NOW + dt.timedelta(hours=1))
    response = feeds([future]).respond("GET", "/calendar.ics", {})
    assert response.header("Last-Modified") == "Wed, 03 Sep 2025 15:00:00 GMT"


def test_an_empty_feed_has_no_last_modified() -> None:
    response = feeds([]).respond("GET", "/calendar.ics", {})
    assert response.status == 200 and response.header("Last-Modified") is None
    since = {"If-Modified-Since": "Thu, 04 Sep 2025 00:00:00 GMT"}
    assert feeds([]).respond("GET", "/calendar.ics", since).status == 200


def test_head_has_the_headers_and_no_body() -> None:
    get = feeds().respond("GET", "/calendar.ics", {})
    head = feeds().respond("HEAD", "/calendar.ics", {})
    assert head.status == 200 and head.body == b""
    assert head.headers == get.headers


def test_index_links_every_feed_with_webcal() -> None:
    served = attrs.evolve(feeds(), base_url="http://127.0.0.1:8765")
    response = served.respond("GET", "/", {"Host": "evil.example:1"})
    assert response.status == 200
    assert response.header("Content-Type") == "text/html; charset=utf-8"
    page = response.body.decode()
    for path in (
        "/calendar.ics",
        "/todo.ics",
        "/speakers/donald-trump.ics",
        "/speakers/vladimir-putin.ics",
    ):
        assert f'href="webcal://127.0.0.1:8765{path}"' in page
    assert page.index("Donald Trump") < page.index("Vladimir Putin")
    assert "evil.example" not in page  # the Host header is never copied into links


def test_index_ignores_a_hostile_host_header() -> None:
    page = feeds().respond("GET", "/", {"Host": '"><script>alert(1)</script>'}).body.decode()
    assert "<script>" not in page and "webcal://" not in page
    assert 'href="/calendar.ics"' in page


# --- over a real socket ---------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with in_process(feeds()) as running:
        yield running


def _request(
    server: FeedServer, method: str, path: str, headers: dict[str, str] | None = None
) -> tuple[http.client.HTTPResponse, bytes]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def test_served_over_http(server: FeedServer) -> None:
    assert server.url.startswith("http://127.0.0.1:") and not server.url.endswith(":0")
    response, body = _request(server, "GET", "/calendar.ics", {"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/calendar; charset=utf-8"
    assert response.getheader("Content-Encoding") is None
    assert body == to_ical(seed(), as_of=NOW.date())
    etag = response.getheader("ETag")
    again, body = _request(server, "GET", "/calendar.ics", {"If-None-Match": etag})
    assert again.status == 304 and body == b""
    head, body = _request(server, "HEAD", "/calendar.ics")
    assert head.status == 200 and body == b""
    assert head.getheader("Content-Length") == response.getheader("Content-Length")
    missing, _ = _request(server, "GET", "/etc/passwd")
    assert missing.status == 404
    post, _ = _request(server, "POST", "/calendar.ics")
    assert post.status == 405 and post.getheader("Allow") == "GET, HEAD"


def test_keep_alive_serves_two_requests_on_one_connection(server: FeedServer) -> None:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=10)
    try:
        for _ in range(2):
            connection.request("GET", "/calendar.ics")
            response = connection.getresponse()
            assert response.status == 200 and response.read()
    finally:
        connection.close()


def test_requests_are_logged_when_asked() -> None:
    lines: list[str] = []
    running = make_server(feeds(), port=0, log=lines.append)
    running.start()
    try:
        _request(running, "GET", "/todo.ics")
    finally:
        running.stop()
    assert len(lines) == 1 and '"GET /todo.ics HTTP/1.1" 200' in lines[0]


def test_a_port_in_use_is_an_error_that_says_what_to_do(server: FeedServer) -> None:
    port = server.server_address[1]
    with pytest.raises(OutputError, match=f"cannot listen on 127.0.0.1:{port}.*--port"):
        make_server(feeds(), host="127.0.0.1", port=port)


def test_ipv6_loopback_url() -> None:
    try:
        running = make_server(feeds(), host="::1", port=0)
    except OutputError:
        pytest.skip("no IPv6 loopback here")
    try:
        assert running.url.startswith("http://[::1]:")
    finally:
        running.server_close()


# --- issue 13: vocabulary, links, empty feeds, no local paths --------------------------------


def test_due_soon_is_a_status_filter_as_in_status() -> None:
    """Issue 13 item 9: `status --status due-soon` worked; the feeds answered 400."""
    far = tracked(commitment(action="far away", due=Window.day(dt.date(2025, 12, 1))))
    response = feeds([*seed(), far]).respond("GET", "/calendar.ics?status=due-soon", {})
    assert response.status == 200
    assert "Donald Trump: far away" not in summaries(response.body)
    assert "Donald Trump: be speaking to him" in summaries(response.body)


def test_events_style_by_query() -> None:
    body = feeds().respond("GET", "/calendar.ics?events=window", {}).body
    starts = {e.decoded("DTSTART") for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}
    assert dt.date(2025, 9, 4) in starts  # the window's first day
    default = feeds().respond("GET", "/calendar.ics", {}).body
    starts = {e.decoded("DTSTART") for e in icalendar.Calendar.from_ical(default).walk("VEVENT")}
    assert dt.date(2025, 9, 4) not in starts and dt.date(2025, 9, 10) in starts
    assert feeds().respond("GET", "/calendar.ics?events=week", {}).status == 400


def test_index_offers_https_and_google_links_besides_webcal() -> None:
    served = attrs.evolve(feeds(), base_url="https://example.org/feeds")
    page = served.respond("GET", "/", {}).body.decode()
    assert 'href="webcal://example.org/feeds/calendar.ics"' in page
    assert 'href="https://example.org/feeds/calendar.ics"' in page
    google = "https://calendar.google.com/calendar/render?cid=" + urllib.parse.quote(
        "https://example.org/feeds/calendar.ics", ""
    )
    assert f'href="{html.escape(google)}"' in page


def test_a_non_ascii_speaker_has_a_readable_feed() -> None:
    jurgen = tracked(commitment(speaker="Jürgen Müller", action="sign the deal"))
    served = attrs.evolve(feeds([jurgen]), base_url="http://127.0.0.1:8765")
    assert "/speakers/jurgen-muller.ics" in served.respond("GET", "/", {}).body.decode()
    response = served.respond("GET", "/speakers/jurgen-muller.ics", {})
    assert summaries(response.body) == ["Jürgen Müller: sign the deal"]


def test_an_empty_feed_is_a_valid_calendar() -> None:
    """Issue 13 item 4: a filter that matches nothing still serves a calendar parsers accept."""
    response = feeds().respond("GET", "/calendar.ics?speaker=Nobody", {})
    assert response.status == 200
    assert parse_everywhere(response.body) == (0, 0)


def test_no_served_byte_holds_a_local_path(tmp_path) -> None:
    """Issue 13 item 2: descriptions said `Source: /home/…/news-port.md`."""
    local = str(tmp_path / "private" / "news-port.md")
    c = attrs.evolve(
        commitment(line=488), source=Source(document=local, start=0, end=5, line=488)
    )
    record = tracked(c)
    plain = Feeds(records=Store([record]), clock=lambda: NOW)
    body = plain.respond("GET", "/calendar.ics", {}).body.decode().replace("\r\n ", "")
    assert str(tmp_path) not in body and "private" not in body
    assert "news-port.md" in body
    titled = attrs.evolve(
        plain,
        sources=lambda: Sources(
            documents={local: DocumentInfo(title="Port news", published=dt.date(2025, 9, 3))},
            base="https://example.org/archive",
        ),
    )
    body = titled.respond("GET", "/calendar.ics", {}).body.decode().replace("\r\n ", "")
    assert str(tmp_path) not in body
    (event,) = icalendar.Calendar.from_ical(body.encode()).walk("VEVENT")
    assert "Source: Port news, published 2025-09-03, line 488 <https://example.org/archive/" in str(
        event["DESCRIPTION"]
    )
    assert "URL:https://example.org/archive/news-port.md" in body
