"""Live iCalendar feeds over HTTP, for calendar apps that subscribe (webcal://).

:class:`Feeds` answers a request (method, target, headers) with a :class:`Response` and knows
nothing of sockets, so every rule is testable without a server; :func:`make_server` (in
:mod:`commitments.outputs.server`) puts it behind a hardened standard-library server. Routes::

    /                       an index page with webcal://, https:// and Google Calendar links,
                            and a link to each speaker's record on the status page
    /status                 the status page, when one is given (:mod:`commitments.outputs.page`)
    /calendar.ics           one VEVENT per dated commitment
    /todo.ics               one VTODO per commitment
    /speakers/<slug>.ics    the VEVENTs of one speaker ("donald-trump")

Query parameters filter any feed: ``speaker`` (name or slug, repeatable), ``status`` (repeatable
or comma-separated, as ``--status``: the statuses and ``due-soon``), ``events`` (``due-day`` or
``window``), ``as-of`` (YYYY-MM-DD; default: the clock's date) and ``name``. Feeds are
``text/calendar; charset=utf-8`` with a strong ETag and Last-Modified; If-None-Match and
If-Modified-Since get 304; HEAD is answered; nothing is compressed; other paths get 404. A store
that cannot be read (a damaged row) gets 500 with the error, never an empty reply.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import re
import urllib.parse
from collections.abc import Callable, Iterable, Mapping, Sequence
from http import HTTPStatus

import attrs

from commitments.errors import CommitmentsError, InputError
from commitments.outputs.calendar import (
    DEFAULT_DESCRIPTION,
    DEFAULT_NAME,
    DEFAULT_REFRESH,
    EVENT_STYLES,
    EventStyle,
    to_ical,
)
from commitments.outputs.entries import changed_at, parse_statuses, select, slug, sort_key
from commitments.outputs.server import FeedServer, Response, make_server
from commitments.outputs.sources import Sources
from commitments.records import Tracked

__all__ = ["FeedServer", "Feeds", "Response", "base_url", "make_server"]

RecordSource = Callable[[], Iterable[Tracked]]
"""Anything that gives the current records on each call (a store, a list)."""
PageSource = Callable[[Mapping[str, Sequence[str]], dt.date], str]
"""The status page's HTML for a query and a day (:class:`commitments.outputs.page.StatusPage`);
an :class:`InputError` is the query's fault (400)."""

_CALENDAR_TYPE = "text/calendar; charset=utf-8"
_HOST = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")


def base_url(url: str) -> str:
    """``url`` as the base of the feeds' links (``https://example.org/feeds``, no trailing
    slash); :class:`ValueError` for anything but an http(s) URL with a plain host and path."""
    parts = urllib.parse.urlsplit(url.strip())
    if (
        parts.scheme.casefold() not in ("http", "https")
        or not _HOST.match(parts.netloc)
        or parts.query
        or parts.fragment
        or any(not c.isprintable() or c.isspace() or c in "\"'<>" for c in parts.path)
    ):
        raise ValueError(
            f"{url!r} is not a base URL: give http(s)://HOST[:PORT][/PATH], as subscribers reach it"
        )
    return f"{parts.scheme.casefold()}://{parts.netloc}{parts.path.rstrip('/')}"


_SPEAKER_PATH = re.compile(r"^/speakers/([^/]+)\.ics$")
_GOOGLE = "https://calendar.google.com/calendar/render?cid="


class _BadRequest(Exception):
    pass


def _text(status: HTTPStatus, message: str) -> Response:
    body = f"{status.value} {status.phrase}: {message}\n".encode()
    return Response(
        status=status.value,
        headers=(
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
        ),
        body=body,
    )


def _http_date(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment.astimezone(dt.UTC), usegmt=True)


def _parse_http_date(value: str) -> dt.datetime | None:
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):  # a year too big for C
        return None
    if moment.tzinfo is None:  # "-0000" means UTC for HTTP dates
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match uses the weak comparison: ``W/"x"`` matches ``"x"``."""
    for candidate in header.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


@attrs.frozen(kw_only=True)
class Feeds:
    """The feeds of a record source; :meth:`respond` answers one request."""

    records: RecordSource
    """Called once per request: the records as they are now."""
    clock: Callable[[], dt.datetime]
    """The current time, time-zone aware; its date is the default ``as-of``."""
    name: str = DEFAULT_NAME
    """The base calendar name ("Commitments"; "Commitments: Donald Trump" for one speaker)."""
    refresh: dt.timedelta = DEFAULT_REFRESH
    base_url: str | None = attrs.field(default=None, converter=attrs.converters.optional(base_url))
    """Where subscribers reach the feeds (``https://example.org/feeds``): the index's webcal://
    links start with it. ``None``: relative links only. (Never the request's Host header, which
    the client chooses.)"""
    sources: Callable[[], Sources] | None = None
    """Called once per request: how to name sources (titles, URLs); never a local path."""
    events: EventStyle = "due-day"
    """The default event style (``?events=`` overrides it)."""
    alarm: dt.timedelta | None = None
    """A reminder this long before each deadline (VALARM), or none."""
    page: PageSource | None = None
    """The status page served at ``/status`` (and linked from the index); ``None``: none."""

    def respond(self, method: str, target: str, headers: Mapping[str, str]) -> Response:
        """The response to ``method target`` with request ``headers`` (names in any case)."""
        if method not in ("GET", "HEAD"):
            response = _text(HTTPStatus.METHOD_NOT_ALLOWED, "only GET and HEAD are served")
            return attrs.evolve(response, headers=(*response.headers, ("Allow", "GET, HEAD")))
        lowered = {key.casefold(): value for key, value in headers.items()}
        parts = urllib.parse.urlsplit(target)
        path = urllib.parse.unquote(parts.path)
        query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        try:
            response = self._route(path, query, lowered)
        except _BadRequest as exc:
            response = _text(HTTPStatus.BAD_REQUEST, str(exc))
        except CommitmentsError as exc:
            response = _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"cannot read the records: {exc}")
        if method == "HEAD":
            response = attrs.evolve(response, body=b"")
        return response

    def _route(self, path: str, query: dict[str, list[str]], headers: dict[str, str]) -> Response:
        if path in ("/", "/index.html"):
            return self._index()
        if path in ("/status", "/status.html") and self.page is not None:
            try:
                return _html(self.page(query, self._as_of(query)))
            except InputError as exc:
                raise _BadRequest(exc.message) from None
        if path == "/calendar.ics":
            return self._feed(query, headers, todo=False, speaker=None)
        if path == "/todo.ics":
            return self._feed(query, headers, todo=True, speaker=None)
        match = _SPEAKER_PATH.match(path)
        if match:
            return self._feed(query, headers, todo=False, speaker=match.group(1))
        return _text(HTTPStatus.NOT_FOUND, f"no feed at {path}; the index at / lists them")

    def _as_of(self, query: dict[str, list[str]]) -> dt.date:
        values = query.get("as-of") or query.get("as_of")
        if not values:
            return self.clock().date()
        try:
            return dt.date.fromisoformat(values[-1])
        except ValueError:
            raise _BadRequest(f"as-of {values[-1]!r} is not a date; use YYYY-MM-DD") from None

    @staticmethod
    def _statuses(query: dict[str, list[str]]) -> tuple[str, ...]:
        try:
            return parse_statuses(query.get("status", []))
        except ValueError as exc:
            raise _BadRequest(str(exc)) from None

    def _events(self, query: dict[str, list[str]]) -> EventStyle:
        values = query.get("events")
        if not values:
            return self.events
        for style in EVENT_STYLES:
            if values[-1].strip().casefold() == style:
                return style
        raise _BadRequest(f"events {values[-1]!r}: use one of {', '.join(EVENT_STYLES)}")

    def _feed(
        self,
        query: dict[str, list[str]],
        headers: dict[str, str],
        *,
        todo: bool,
        speaker: str | None,
    ) -> Response:
        as_of = self._as_of(query)
        statuses = self._statuses(query)
        events = self._events(query)
        speakers = [value for value in query.get("speaker", []) if value.strip()]
        everything = list(self.records())
        name = self.name
        caldesc = DEFAULT_DESCRIPTION
        if speaker is not None:
            everything = [r for r in everything if slug(r.commitment.speaker) == speaker]
            if not everything:
                return _text(HTTPStatus.NOT_FOUND, f"no commitments by a speaker {speaker!r}")
            first = min(everything, key=sort_key).commitment.speaker
            name = f"{self.name}: {first or 'unknown speaker'}"
            caldesc = f"Dated commitments made by {first or 'an unknown speaker'}."
        if todo:
            name = f"{name} (tasks)"
        if query.get("name") and query["name"][-1].strip():
            name = query["name"][-1].strip()
        chosen = select(everything, as_of=as_of, speakers=speakers, statuses=statuses)
        body = to_ical(
            chosen,
            as_of=as_of,
            name=name,
            todo=todo,
            refresh=self.refresh,
            events=events,
            alarm=self.alarm,
            sources=self.sources() if self.sources is not None else None,
            caldesc=caldesc,
        )
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        out = [
            ("Content-Type", _CALENDAR_TYPE),
            ("ETag", etag),
            ("Cache-Control", "no-cache"),
        ]
        modified = None
        if chosen:
            modified = min(max(changed_at(r, as_of) for r in chosen), self.clock())
            modified = modified.replace(microsecond=0)
            out.append(("Last-Modified", _http_date(modified)))
        if self._not_modified(headers, etag, modified):
            return Response(status=HTTPStatus.NOT_MODIFIED.value, headers=tuple(out))
        out.append(("Content-Length", str(len(body))))
        return Response(status=HTTPStatus.OK.value, headers=tuple(out), body=body)

    @staticmethod
    def _not_modified(headers: dict[str, str], etag: str, modified: dt.datetime | None) -> bool:
        if "if-none-match" in headers:  # it wins over If-Modified-Since (RFC 9110 13.2.2)
            return _etag_matches(headers["if-none-match"], etag)
        since = _parse_http_date(headers.get("if-modified-since", ""))
        return since is not None and modified is not None and modified <= since

    def _index(self) -> Response:
        everything = list(self.records())
        by_slug: dict[str, str] = {}
        for tracked in sorted(everything, key=sort_key):
            by_slug.setdefault(slug(tracked.commitment.speaker), tracked.commitment.speaker or "")
        speakers = sorted(by_slug.values(), key=str.casefold)
        base = self.base_url.split("://", 1)[1] if self.base_url else None
        feeds: list[tuple[str, str, str | None]] = [
            ("All commitments", "/calendar.ics", None),
            ("All commitments as tasks", "/todo.ics", None),
        ]
        for name in speakers:
            key = urllib.parse.quote(slug(name))
            record = f"/status?speaker={key}#speaker-{key}" if self.page is not None else None
            feeds.append((name or "Unknown speaker", f"/speakers/{key}.ics", record))
        items = []
        for title, path, record_path in feeds:
            href = f"{self.base_url}{path}" if self.base_url else path
            link = f'<a href="{html.escape(href)}">{html.escape(href)}</a>'
            if base and self.base_url:
                webcal = html.escape(f"webcal://{base}{path}")
                google = html.escape(_GOOGLE + urllib.parse.quote(f"{self.base_url}{path}", ""))
                link = (
                    f'<a href="{webcal}">subscribe</a> · {link}'
                    f' · <a href="{google}">add to Google Calendar</a>'
                )
            if record_path is not None:  # the speaker's track record and timeline on the page
                where = html.escape(f"{self.base_url or ''}{record_path}")
                link += f' · <a class="record" href="{where}">track record</a>'
            items.append(f"<li>{html.escape(title)}: {link}</li>")
        status = ""
        if self.page is not None:
            href = html.escape(f"{self.base_url or ''}/status")
            status = f'<p><a href="{href}">The status page</a>: due soon, lapsed, kept, broken.</p>'
        page = "\n".join(
            [
                "<!doctype html>",
                '<html lang="en"><head><meta charset="utf-8">',
                f"<title>{html.escape(self.name)}</title></head><body>",
                f"<h1>{html.escape(self.name)}</h1>",
                *([status] if status else []),
                "<p>Subscribe to a feed in your calendar app, or copy its web link into one"
                " that asks for a URL. Filters: ?speaker=…&amp;status=…"
                "&amp;events=due-day|window&amp;as-of=YYYY-MM-DD</p>",
                "<ul>",
                *items,
                "</ul>",
                "</body></html>",
                "",
            ]
        )
        return _html(page)


def _html(page: str) -> Response:
    body = page.encode("utf-8")
    return Response(
        status=HTTPStatus.OK.value,
        headers=(
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-cache"),
        ),
        body=body,
    )
