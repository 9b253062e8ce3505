"""The status page: what is due soon, what lapsed, what was kept or broken, as HTML.

One page, rendered on the server from a Jinja2 template (autoescaped: every text from a
document is escaped) with inline CSS and inline SVG timelines, so it reads without JavaScript,
opens with no network and fits a phone. :func:`render_page` makes it from tracked records (or
the tracker's entries, whose mentions and history give the timelines' revision and follow-up
marks); :class:`StatusPage` makes it for each request of ``commitments serve`` (``/status``);
``commitments report --html FILE`` writes it as one static file (``static=True``: no filter
form, no links that need the server).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import urllib.parse
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

import attrs
import jinja2

from commitments.errors import InputError
from commitments.outputs.calendar import DEFAULT_NAME
from commitments.outputs.entries import select, slug, sort_key, speaker_matches
from commitments.outputs.timeline import Span, Timeline, layout
from commitments.records import Commitment, Kind, Resolution, Status, Tracked

__all__ = [
    "DUE_SOON",
    "Filters",
    "Record",
    "Section",
    "StatusPage",
    "render_page",
    "status_counts",
]

DUE_SOON = dt.timedelta(days=7)
"""A pending commitment due within this many days is "due soon" (as in ``commitments status``,
whose constant lives in the tracker, above this layer)."""


class Section(enum.StrEnum):
    """A part of the page, in page order; the ``status`` filter's values."""

    DUE_SOON = "due-soon"
    EXPIRED = "expired"
    KEPT = "kept"
    BROKEN = "broken"
    PENDING = "pending"
    OPEN = "open"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The word on an item's status badge ("Lapsed" for expired)."""
        return _LABELS[self]

    @property
    def heading(self) -> str:
        return _HEADINGS[self]


_LABELS = {
    Section.DUE_SOON: "Due soon",
    Section.EXPIRED: "Lapsed",
    Section.KEPT: "Kept",
    Section.BROKEN: "Broken",
    Section.PENDING: "Pending",
    Section.OPEN: "Open",
    Section.WITHDRAWN: "Withdrawn",
}
_HEADINGS = {
    Section.DUE_SOON: "Due soon (within 7 days)",
    Section.EXPIRED: "Lapsed: the deadline passed, nothing recorded",
    Section.KEPT: "Kept",
    Section.BROKEN: "Broken",
    Section.PENDING: "Pending, due later",
    Section.OPEN: "Open: no date given",
    Section.WITHDRAWN: "Withdrawn",
}
_ALIASES = {"due_soon": Section.DUE_SOON, "soon": Section.DUE_SOON, "lapsed": Section.EXPIRED}


def section_of(tracked: Tracked, as_of: dt.date) -> Section:
    """The page section of a record on ``as_of``: its status, or due soon."""
    status = tracked.status(as_of)
    due = tracked.commitment.due
    if status is Status.PENDING and due is not None and due.latest <= as_of + DUE_SOON:
        return Section.DUE_SOON
    return Section(status.value)


# -- the speaker's record ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Record:
    """How one speaker's commitments stand on a day."""

    made: int = 0
    kept: int = 0
    broken: int = 0
    lapsed: int = 0
    """Expired: the deadline passed and nothing was recorded."""
    open: int = 0
    """Undated and unresolved."""
    pending: int = 0
    """Dated, not yet due (due soon included)."""
    withdrawn: int = 0


def status_counts(statuses: Iterable[Status]) -> Record:
    """The record of commitments with these statuses on one day.

    A stand-in until the tracker computes records itself (``Tracker.record``, issue 12): the page
    needs only these counts, so swapping it is a change to :func:`_speakers` alone.
    """
    counts = dict.fromkeys(Status, 0)
    for status in statuses:
        counts[status] += 1
    return Record(
        made=sum(counts.values()),
        kept=counts[Status.KEPT],
        broken=counts[Status.BROKEN],
        lapsed=counts[Status.EXPIRED],
        open=counts[Status.OPEN],
        pending=counts[Status.PENDING],
        withdrawn=counts[Status.WITHDRAWN],
    )


def _record_rows(record: Record) -> tuple[tuple[str, int], ...]:
    rows = [
        ("Made", record.made),
        ("Kept", record.kept),
        ("Broken", record.broken),
        ("Lapsed", record.lapsed),
        ("Open", record.open),
        ("Pending", record.pending),
    ]
    if record.withdrawn:
        rows.append(("Withdrawn", record.withdrawn))
    return tuple(rows)


# -- the input: tracked records, or the tracker's entries ----------------------------------


class MentionLike(Protocol):
    """A mention as the tracker keeps it (:class:`commitments.tracker.Mention`)."""

    @property
    def commitment(self) -> Commitment: ...

    @property
    def published(self) -> dt.date | None: ...


class EntryLike(Protocol):
    """A tracked entry (:class:`commitments.tracker.records.Entry`): the record, every mention
    with its own window and date, and the resolutions recorded."""

    @property
    def tracked(self) -> Tracked: ...

    @property
    def mentions(self) -> Sequence[MentionLike]: ...

    @property
    def history(self) -> Sequence[Resolution]: ...


Item = Tracked | EntryLike


def _split(item: Item) -> tuple[Tracked, Sequence[MentionLike], Sequence[Resolution]]:
    if isinstance(item, Tracked):
        history = (item.resolution,) if item.resolution is not None else ()
        return item, (), history
    return item.tracked, item.mentions, item.history


# -- filters -------------------------------------------------------------------------------


def _values(query: Mapping[str, Sequence[str]], *names: str) -> list[str]:
    out = []
    for name in names:
        for value in query.get(name, ()):
            out += [part.strip() for part in value.split(",") if part.strip()]
    return out


@attrs.frozen(kw_only=True)
class Filters:
    """Which commitments the page shows; empty means all."""

    speakers: tuple[str, ...] = ()
    """Names or slugs ("Trump", "donald-trump")."""
    kinds: tuple[Kind, ...] = ()
    sections: tuple[Section, ...] = ()
    """``pending`` includes due soon, as in ``commitments status``."""

    @classmethod
    def from_query(cls, query: Mapping[str, Sequence[str]]) -> Filters:
        """The filters of a query string (``speaker``, ``kind``, ``status``: repeatable or
        comma-separated); :class:`InputError` names an unknown kind or status."""
        kinds = []
        for word in _values(query, "kind"):
            try:
                kinds.append(Kind(word.casefold()))
            except ValueError:
                known = ", ".join(kind.value for kind in Kind)
                raise InputError(f"unknown kind {word!r}; use one of {known}") from None
        sections = []
        for word in _values(query, "status"):
            name = word.casefold()
            try:
                sections.append(_ALIASES.get(name) or Section(name))
            except ValueError:
                known = ", ".join(section.value for section in Section)
                raise InputError(f"unknown status {word!r}; use one of {known}") from None
        return cls(
            speakers=tuple(_values(query, "speaker")),
            kinds=tuple(dict.fromkeys(kinds)),
            sections=tuple(dict.fromkeys(sections)),
        )

    def __bool__(self) -> bool:
        return bool(self.speakers or self.kinds or self.sections)

    def matches(self, tracked: Tracked, as_of: dt.date) -> bool:
        commitment = tracked.commitment
        if self.speakers and not speaker_matches(commitment.speaker, self.speakers):
            return False
        if self.kinds and commitment.kind not in self.kinds:
            return False
        if self.sections:
            wanted = set(self.sections)
            if Section.PENDING in wanted:
                wanted.add(Section.DUE_SOON)
            return section_of(tracked, as_of) in wanted
        return True

    def describe(self) -> str:
        """The filters in words ("speaker Trump; kind promise"), or ``""``."""
        parts = []
        if self.speakers:
            parts.append("speaker " + ", ".join(self.speakers))
        if self.kinds:
            parts.append("kind " + ", ".join(kind.value for kind in self.kinds))
        if self.sections:
            parts.append("status " + ", ".join(s.label.casefold() for s in self.sections))
        return "; ".join(parts)


def _href(as_of: dt.date, **params: str | None) -> str:
    pairs = [("as-of", as_of.isoformat())]
    pairs += [(key, value) for key, value in params.items() if value]
    return "?" + urllib.parse.urlencode(pairs)


# -- links ---------------------------------------------------------------------------------


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address with a host, else ``None`` (never ``javascript:``,
    never a local path)."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.casefold() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def _short(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    text = parts.netloc + (parts.path if parts.path != "/" else "")
    return text if len(text) <= 60 else text[:59] + "…"


@attrs.frozen(kw_only=True)
class FeedLinks:
    """Where to subscribe to a feed: webcal://, http(s):// and Google Calendar's subscribe."""

    https: str
    scheme: str
    """``https`` or ``http``: the link's own scheme, as its text."""
    webcal: str | None = None
    google: str | None = None


def feed_links(path: str, base_url: str | None, *, static: bool) -> FeedLinks | None:
    """The links to the feed at ``path`` ("/speakers/donald-trump.ics"): absolute with a base
    URL; relative to the server without one; none in a static page without one."""
    if base_url is None:
        return None if static else FeedLinks(https=path, scheme="https")
    scheme, _, rest = base_url.partition("://")
    webcal = f"webcal://{rest}{path}"
    google = "https://calendar.google.com/calendar/render?" + urllib.parse.urlencode(
        {"cid": webcal}
    )
    return FeedLinks(https=f"{base_url}{path}", scheme=scheme, webcal=webcal, google=google)


def google_event(commitment: Commitment, source: str | None) -> str | None:
    """An "add to Google Calendar" link for one dated commitment: an all-day event over its
    due window (no server needed)."""
    due = commitment.due
    if due is None:
        return None
    end = due.latest + dt.timedelta(days=1)
    title = commitment.action.strip()
    if commitment.speaker:
        title = f"{commitment.speaker}: {title}"
    details = "“" + " ".join(commitment.text.split()) + "”"
    if source:
        details += f"\n\nSource: {source}"
    query = {
        "action": "TEMPLATE",
        "text": title[:200],
        "dates": f"{due.earliest:%Y%m%d}/{end:%Y%m%d}",
        "details": details[:1000],
    }
    return "https://calendar.google.com/calendar/render?" + urllib.parse.urlencode(query)


# -- what the template draws ---------------------------------------------------------------


def _window(earliest: dt.date, latest: dt.date) -> str:
    if earliest == latest:
        return earliest.isoformat()
    return f"{earliest.isoformat()} to {latest.isoformat()}"


def _resolution_text(resolution: Resolution) -> str:
    text = f"{resolution.status.value} on {resolution.on.isoformat()}"
    return f"{text}: {resolution.note}" if resolution.note else text


@attrs.frozen(kw_only=True)
class ItemView:
    """One commitment as the page shows it."""

    id: str
    speaker: str
    speaker_slug: str
    action: str
    kind: str
    quote: str
    expression: str | None
    condition: str | None
    section: Section
    status: Status
    issued: str
    due: str
    resolution: str | None
    sources: tuple[tuple[str, str], ...]
    """(URL, text) of each place it was said that is on the web."""
    restated: tuple[str, ...]
    """Each mention that gave other words or another window (the tracker merged them)."""
    feed: FeedLinks | None
    google_event: str | None


@attrs.frozen(kw_only=True)
class SpeakerView:
    name: str
    slug: str
    record: Record
    record_rows: tuple[tuple[str, int], ...]
    timeline: Timeline | None
    undated: int
    shown: int
    href: str


@attrs.frozen(kw_only=True)
class SectionView:
    section: Section
    items: tuple[ItemView, ...]
    href: str


def _revisions(tracked: Tracked, mentions: Sequence[MentionLike]) -> list[MentionLike]:
    """The mentions that gave another window than the merged one."""
    due = tracked.commitment.due
    return [m for m in mentions if m.commitment.due is not None and m.commitment.due != due]


def _restated(tracked: Tracked, mentions: Sequence[MentionLike]) -> tuple[str, ...]:
    merged = tracked.commitment
    out = []
    for mention in mentions:
        c = mention.commitment
        if (c.action.casefold(), c.due) == (merged.action.casefold(), merged.due):
            continue
        text = " ".join(c.action.split())
        if c.expression:
            text += f" (“{c.expression}”)"
        text += ", due " + (_window(c.due.earliest, c.due.latest) if c.due else "no date")
        if mention.published is not None:
            text += f", said {mention.published.isoformat()}"
        out.append(text)
    return tuple(dict.fromkeys(out))


def _marks(
    tracked: Tracked, mentions: Sequence[MentionLike], history: Sequence[Resolution]
) -> tuple[tuple[dt.date, str, str], ...]:
    marks = []
    for mention in _revisions(tracked, mentions):
        if mention.published is not None and mention.commitment.due is not None:
            due = mention.commitment.due
            title = f"Revision said {mention.published}: due {_window(due.earliest, due.latest)}"
            marks.append((mention.published, "revision", title))
    for resolution in history:
        if resolution.status is not Status.OPEN:
            title = f"Follow-up: {_resolution_text(resolution)}"
            marks.append((resolution.on, "follow-up", title))
    return tuple(marks)


def _item(
    tracked: Tracked,
    mentions: Sequence[MentionLike],
    as_of: dt.date,
    base_url: str | None,
    *,
    static: bool,
) -> ItemView:
    c = tracked.commitment
    urls = dict.fromkeys(
        url for url in (web_url(s.url) for s in (c.source, *tracked.mentions)) if url
    )
    sources = tuple((url, _short(url)) for url in list(urls)[:5])
    resolution = tracked.resolution
    return ItemView(
        id=tracked.id,
        speaker=" ".join((c.speaker or "").split()) or "Unknown speaker",
        speaker_slug=slug(c.speaker),
        action=" ".join(c.action.split()),
        kind=c.kind.value,
        quote=" ".join(c.text.split()),
        expression=c.expression,
        condition=c.condition,
        section=section_of(tracked, as_of),
        status=tracked.status(as_of),
        issued=_window(c.issued.earliest, c.issued.latest),
        due=(
            c.due_at.isoformat(timespec="minutes")
            if c.due_at is not None
            else _window(c.due.earliest, c.due.latest)
            if c.due is not None
            else "no date"
        ),
        resolution=(
            _resolution_text(resolution)
            if resolution is not None and resolution.status is not Status.OPEN
            else None
        ),
        sources=sources,
        restated=_restated(tracked, mentions),
        feed=feed_links(f"/speakers/{slug(c.speaker)}.ics", base_url, static=static),
        google_event=google_event(c, sources[0][0] if sources else None),
    )


def _span(
    item: ItemView,
    tracked: Tracked,
    mentions: Sequence[MentionLike],
    history: Sequence[Resolution],
) -> Span:
    c = tracked.commitment
    assert c.due is not None
    revisions = []
    for mention in _revisions(tracked, mentions):
        due = mention.commitment.due
        assert due is not None
        title = f"Also said: {mention.commitment.action}, due {_window(due.earliest, due.latest)}"
        revisions.append((due.earliest, due.latest, title))
    return Span(
        key=item.id[:12],
        issued=c.issued.earliest,
        earliest=c.due.earliest,
        latest=c.due.latest,
        section=item.section.value,
        label=f"{item.section.label}: {item.action}",
        title=(
            f"{item.section.label}: {item.action}. Made {item.issued}, due {item.due}"
            + (f", {item.resolution}" if item.resolution else "")
        ),
        marks=_marks(tracked, mentions, history),
        revisions=tuple(revisions),
    )


@attrs.frozen(kw_only=True)
class PageView:
    """Everything the template shows."""

    name: str
    as_of: dt.date
    static: bool
    filters: Filters
    query: Mapping[str, str]
    sections: tuple[SectionView, ...]
    speakers: tuple[SpeakerView, ...]
    speaker_options: tuple[tuple[str, str], ...]
    kinds: tuple[str, ...]
    statuses: tuple[Section, ...]
    feeds: tuple[tuple[str, FeedLinks], ...]
    status_links: tuple[tuple[Section, str], ...]
    """A link to each status, keeping the speaker and kind chosen."""
    index: str | None
    total: int
    shown: int
    clear_href: str


def build_view(
    items: Iterable[Item],
    *,
    as_of: dt.date,
    filters: Filters = Filters(),
    name: str = DEFAULT_NAME,
    base_url: str | None = None,
    static: bool = False,
) -> PageView:
    """What the page for ``items`` on ``as_of`` shows (see :func:`render_page`)."""
    split = [_split(item) for item in items]
    extras = {tracked.id: (mentions, history) for tracked, mentions, history in split}
    everything = select([tracked for tracked, _, _ in split], as_of=as_of)
    chosen = [t for t in everything if filters.matches(t, as_of)]
    views = {t.id: _item(t, extras[t.id][0], as_of, base_url, static=static) for t in chosen}
    by_section: dict[Section, list[ItemView]] = {section: [] for section in Section}
    for tracked in chosen:
        by_section[views[tracked.id].section].append(views[tracked.id])
    sections = tuple(
        SectionView(section=s, items=tuple(found), href=_href(as_of, status=s.value))
        for s, found in by_section.items()
        if found
    )
    names: dict[str, str] = {}
    for tracked in sorted(everything, key=sort_key):
        names.setdefault(slug(tracked.commitment.speaker), tracked.commitment.speaker or "")
    speakers = []
    for key, speaker in sorted(names.items(), key=lambda pair: pair[1].casefold()):
        own = [t for t in everything if slug(t.commitment.speaker) == key]
        mine = [t for t in chosen if slug(t.commitment.speaker) == key]
        if not mine:
            continue
        dated = [t for t in mine if t.commitment.due is not None]
        spans = [_span(views[t.id], t, *extras[t.id]) for t in dated]
        record = status_counts(t.status(as_of) for t in own)  # Tracker.record (issue 12)
        speakers.append(
            SpeakerView(
                name=speaker or "Unknown speaker",
                slug=key,
                record=record,
                record_rows=_record_rows(record),
                timeline=layout(spans, as_of=as_of) if spans else None,
                undated=len(mine) - len(dated),
                shown=len(mine),
                href=_href(as_of, speaker=key),
            )
        )
    feeds = [("All commitments", "/calendar.ics")]
    feeds += [(f"{s.name}", f"/speakers/{s.slug}.ics") for s in speakers]
    feed_list = tuple(
        (title, links)
        for title, path in feeds
        if (links := feed_links(path, base_url, static=static)) is not None
    )
    query = {
        "speaker": filters.speakers[0] if len(filters.speakers) == 1 else "",
        "kind": filters.kinds[0].value if len(filters.kinds) == 1 else "",
        "status": filters.sections[0].value if len(filters.sections) == 1 else "",
    }
    return PageView(
        name=name,
        as_of=as_of,
        static=static,
        filters=filters,
        query=query,
        sections=sections,
        speakers=tuple(speakers),
        speaker_options=tuple(
            (key, speaker or "Unknown speaker")
            for key, speaker in sorted(names.items(), key=lambda pair: pair[1].casefold())
        ),
        kinds=tuple(kind.value for kind in Kind),
        statuses=tuple(Section),
        feeds=feed_list,
        status_links=tuple(
            (s, _href(as_of, speaker=query["speaker"], kind=query["kind"], status=s.value))
            for s in Section
        ),
        index=None if static else (f"{base_url}/" if base_url else "/"),
        total=len(everything),
        shown=len(chosen),
        clear_href=_href(as_of),
    )


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("commitments.outputs", "templates"),
        autoescape=True,  # every text from a document is escaped, in HTML and in the SVG
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(
    items: Iterable[Item],
    *,
    as_of: dt.date,
    filters: Filters = Filters(),
    name: str = DEFAULT_NAME,
    base_url: str | None = None,
    static: bool = False,
) -> str:
    """The status page of ``items`` (tracked records or tracker entries) on ``as_of``.

    ``filters`` chooses what is shown (each speaker's record counts all their commitments).
    ``base_url`` (``https://example.org/feeds``): where the feeds are, for webcal:// and Google
    Calendar links. ``static``: a file with no server behind it (no filter form; feed links only
    with a base URL).
    """
    view = build_view(
        items, as_of=as_of, filters=filters, name=name, base_url=base_url, static=static
    )
    return _environment().get_template("status.html.j2").render(page=view)


@attrs.frozen(kw_only=True)
class StatusPage:
    """The page for each request of the feed server: ``page(query, as_of)`` is its HTML."""

    items: Callable[[], Iterable[Item]]
    """Called once per request: the records (or entries) as they are now."""
    name: str = DEFAULT_NAME
    base_url: str | None = None

    def __call__(self, query: Mapping[str, Sequence[str]], as_of: dt.date) -> str:
        filters = Filters.from_query(query)
        return render_page(
            self.items(), as_of=as_of, filters=filters, name=self.name, base_url=self.base_url
        )
