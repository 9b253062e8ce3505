"""What the status page's template draws, worked out from the records: items, sections,
speakers with their records and timelines, feed links and the filter form's state.

The input is tracked records or the tracker's entries (anything shaped like
:class:`commitments.tracker.records.Entry`, which this layer may not import): an entry's mentions
and history give the timelines' revision and follow-up marks.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

import attrs

from commitments.outputs.calendar import DEFAULT_NAME
from commitments.outputs.entries import select, slug
from commitments.outputs.page_filters import (
    Filters,
    RecordLike,
    Section,
    section_of,
    status_counts,
)
from commitments.outputs.page_links import FeedLinks, feed_links, google_event, short_url, web_url
from commitments.outputs.timeline import Span, Timeline, layout
from commitments.records import Commitment, Kind, Resolution, Status, Tracked

__all__ = ["EntryLike", "Item", "ItemView", "MentionLike", "PageView", "build_view"]


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


def _record_rows(record: RecordLike | None) -> tuple[tuple[str, str], ...]:
    if record is None:
        return ()
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
    out = [(label, str(count)) for label, count in rows]
    if record.revisions is not None:
        out.append(("Revisions", str(record.revisions)))
    if record.median_days_late is not None:
        out.append(("Median days late", f"{record.median_days_late:g}"))
    return tuple(out)


def _href(as_of: dt.date, **params: str | None) -> str:
    pairs = [("as-of", as_of.isoformat())]
    pairs += [(key, value) for key, value in params.items() if value]
    return "?" + urllib.parse.urlencode(pairs)


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
    record: RecordLike | None
    """``None``: the tracker keeps no record of theirs on the day (no speaker named, or none
    of their commitments made by then)."""
    record_rows: tuple[tuple[str, str], ...]
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
    sources = tuple((url, short_url(url)) for url in list(urls)[:5])
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
    filtered_by: str
    """The filters in words, speakers by name ("" when there are none)."""
    total: int
    shown: int
    clear_href: str


def build_view(
    items: Iterable[Item],
    *,
    as_of: dt.date,
    filters: Filters | None = None,
    name: str = DEFAULT_NAME,
    base_url: str | None = None,
    static: bool = False,
    records: Iterable[RecordLike] | None = None,
) -> PageView:
    """What the page for ``items`` on ``as_of`` shows (see :func:`render_page`)."""
    filters = filters if filters is not None else Filters()
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
    own: dict[str, list[Tracked]] = {}  # every record of each speaker, for the status counts
    shown: dict[str, list[Tracked]] = {}  # those the filters let through, for the timeline
    for tracked in everything:  # (sorted already: the first record names the speaker)
        key = slug(tracked.commitment.speaker)
        names.setdefault(key, tracked.commitment.speaker or "")
        own.setdefault(key, []).append(tracked)
    if records is not None:  # the tracker's, by speaker
        known: dict[str, RecordLike] = {slug(r.speaker): r for r in records}
    else:  # no tracker behind the page: each speaker's statuses counted
        known = {
            key: status_counts((t.status(as_of) for t in mine), speaker=names[key])
            for key, mine in own.items()
        }
    for tracked in chosen:
        shown.setdefault(slug(tracked.commitment.speaker), []).append(tracked)
    speakers = []
    for key, speaker in sorted(names.items(), key=lambda pair: pair[1].casefold()):
        mine = shown.get(key, [])
        if not mine:
            continue
        dated = [t for t in mine if t.commitment.due is not None]
        spans = [_span(views[t.id], t, *extras[t.id]) for t in dated]
        record = known.get(key)
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
        filtered_by=filters.describe({key: name for key, name in names.items() if name}),
        index=None if static else (f"{base_url}/" if base_url else "/"),
        total=len(everything),
        shown=len(chosen),
        clear_href=_href(as_of),
    )
