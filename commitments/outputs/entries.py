"""What a calendar entry says about a tracked commitment, before any iCalendar is written.

Identity (UIDs), titles, descriptions, categories, which records a feed selects and when a
record last changed as seen on a given day. Nothing here imports icalendar: the calendar module
turns these answers into VEVENTs and VTODOs.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Sequence

from commitments.records import Commitment, Status, Tracked

__all__ = [
    "UID_NAMESPACE",
    "categories",
    "changed_at",
    "description",
    "event_uid",
    "select",
    "slug",
    "sort_key",
    "speaker_matches",
    "summary",
    "todo_uid",
    "utc",
]

UID_NAMESPACE = uuid.UUID("6b0f3c1e-5d2a-5b8e-9c47-0e5a1f3d2c6b")
"""The uuid5 namespace of every UID we write; never change it: subscribers key on UIDs."""

_PREFIXES = {
    Status.EXPIRED: "Expired",
    Status.KEPT: "Kept",
    Status.BROKEN: "Broken",
    Status.WITHDRAWN: "Withdrawn",
}


def event_uid(commitment_id: str) -> str:
    """The VEVENT UID of a commitment: a uuid5 of its id, the same on every export."""
    return str(uuid.uuid5(UID_NAMESPACE, commitment_id))


def todo_uid(commitment_id: str) -> str:
    """The VTODO UID of a commitment: distinct from its VEVENT's, as RFC 5545 wants."""
    return str(uuid.uuid5(UID_NAMESPACE, f"{commitment_id}/todo"))


def slug(speaker: str | None) -> str:
    """A URL-safe name for a speaker ("Donald Trump" → ``donald-trump``; nobody → ``unknown``)."""
    text = re.sub(r"[^0-9a-z]+", "-", (speaker or "").casefold()).strip("-")
    return text or "unknown"


def utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC, to whole seconds; a naive datetime is a programming error."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"expected a time-zone aware datetime, got naive {moment.isoformat()}")
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def summary(tracked: Tracked, as_of: dt.date) -> str:
    """``Speaker: action``, with a status prefix if expired, kept, broken or withdrawn."""
    commitment = tracked.commitment
    title = commitment.action.strip()
    if commitment.speaker:
        title = f"{commitment.speaker}: {title}"
    prefix = _PREFIXES.get(tracked.status(as_of))
    return f"[{prefix}] {title}" if prefix else title


def _window_text(commitment: Commitment) -> str:
    if commitment.due_at is not None:
        return commitment.due_at.isoformat(timespec="minutes")
    due = commitment.due
    if due is None:
        return "no date"
    if due.earliest == due.latest:
        return due.earliest.isoformat()
    return f"{due.earliest.isoformat()} to {due.latest.isoformat()}"


def _issued_text(commitment: Commitment) -> str:
    issued = commitment.issued
    if issued.earliest == issued.latest:
        return issued.earliest.isoformat()
    return f"{issued.earliest.isoformat()} to {issued.latest.isoformat()}"


def _source_text(document: str, line: int | None, url: str | None) -> str:
    text = document if line is None else f"{document}, line {line}"
    return f"{text} <{url}>" if url else text


def description(tracked: Tracked, as_of: dt.date) -> str:
    """The quote, the due window, the status and where it was said, one fact a line."""
    commitment = tracked.commitment
    quote = " ".join(commitment.text.split())
    if not quote.startswith(("“", '"', "‘", "'")):
        quote = f"“{quote}”"
    lines = [quote, ""]
    due = f"Due: {_window_text(commitment)}"
    if commitment.expression:
        due += f" (“{commitment.expression}”)"
    lines.append(due)
    lines.append(f"Said: {_issued_text(commitment)}")
    lines.append(f"Kind: {commitment.kind.value}")
    if commitment.condition:
        lines.append(f"Condition: {commitment.condition}")
    status = f"Status: {tracked.status(as_of).value}"
    resolution = tracked.resolution
    if resolution is not None and resolution.status is not Status.OPEN:
        status = f"Status: {resolution.status.value} on {resolution.on.isoformat()}"
        if resolution.note:
            status += f": {resolution.note}"
        if resolution.evidence:
            status += f" <{resolution.evidence}>"
    lines.append(status)
    source = commitment.source
    first = _source_text(source.document, source.line, source.url)
    lines.append(f"Source: {first}")
    also = dict.fromkeys(  # each place once, in order: a restatement on one line is one place
        _source_text(m.document, m.line, m.url) for m in tracked.mentions if m != source
    )
    also.pop(first, None)
    places = list(also)
    lines += [f"Also: {place}" for place in places[:MAX_ALSO]]
    if len(places) > MAX_ALSO:
        lines.append(f"Also: {len(places) - MAX_ALSO} more places")
    return "\n".join(lines)


MAX_ALSO = 20
"""The most other places a description lists (an archive can restate one thing 12,000 times)."""


def categories(tracked: Tracked, as_of: dt.date) -> list[str]:
    """The kind and the status on ``as_of`` ("promise", "pending")."""
    return [tracked.commitment.kind.value, tracked.status(as_of).value]


def sort_key(tracked: Tracked) -> tuple[int, dt.date, dt.date, str, str, str]:
    """Dated first, by window, then by speaker and action; the id breaks the last tie."""
    commitment = tracked.commitment
    due = commitment.due
    first, last = (due.earliest, due.latest) if due else (dt.date.max, dt.date.max)
    return (
        0 if due else 1,
        first,
        last,
        (commitment.speaker or "").casefold(),
        commitment.action.casefold(),
        commitment.id,
    )


def speaker_matches(speaker: str | None, names: Iterable[str]) -> bool:
    """Whether ``speaker`` is one of ``names``: the same words or a run of them, in any case and
    spelling of separators ("Trump", "donald-trump" and "DONALD TRUMP" all match "Donald Trump").
    """
    have = slug(speaker).split("-")
    for name in names:
        want = slug(name).split("-")
        if any(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1)):
            return True
    return False


def select(
    tracked: Iterable[Tracked],
    *,
    as_of: dt.date,
    speakers: Sequence[str] = (),
    statuses: Sequence[Status] = (),
) -> list[Tracked]:
    """The records whose speaker and status on ``as_of`` match, sorted for output.

    An empty ``speakers`` or ``statuses`` matches everything (see :func:`speaker_matches`). Of two
    records with the same id, the one changed last (``updated``, then ``sequence``) is kept.
    """
    chosen: dict[str, Tracked] = {}
    for record in tracked:
        if speakers and not speaker_matches(record.commitment.speaker, speakers):
            continue
        if statuses and record.status(as_of) not in statuses:
            continue
        known = chosen.get(record.id)
        if known is None or (utc(known.updated), known.sequence) < (
            utc(record.updated),
            record.sequence,
        ):
            chosen[record.id] = record
    return sorted(chosen.values(), key=sort_key)


def changed_at(tracked: Tracked, as_of: dt.date) -> dt.datetime:
    """When the entry for ``tracked`` last changed, as seen on ``as_of``.

    The record's own last change, or the midnight (UTC) at which the calendar alone changed its
    status (a deadline passing), whichever is later. HTTP ``Last-Modified`` is built from this, so
    a feed whose only change is a deadline passing is not answered with 304.
    """
    updated = utc(tracked.updated)
    commitment = tracked.commitment
    turns = []
    if commitment.due is not None:
        turns.append(commitment.due.latest + dt.timedelta(days=1))
    if commitment.stated is Status.EXPIRED:
        turns.append(commitment.issued.latest)
    passed = [day for day in turns if day <= as_of]
    if not passed:
        return updated
    turn = dt.datetime.combine(max(passed), dt.time(0), tzinfo=dt.UTC)
    return max(updated, turn)
