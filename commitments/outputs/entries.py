"""What a calendar entry says about a tracked commitment, before any iCalendar is written.

Identity (UIDs), titles, descriptions, categories, which records a feed selects and when a
record last changed as seen on a given day. Nothing here imports icalendar: the calendar module
turns these answers into VEVENTs and VTODOs.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence

from commitments.outputs.sources import Sources
from commitments.records import Commitment, Status, Tracked

__all__ = [
    "DUE_SOON",
    "FILTERS",
    "UID_NAMESPACE",
    "categories",
    "changed_at",
    "description",
    "event_uid",
    "expired_on",
    "parse_statuses",
    "select",
    "sequence",
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


# Latin letters that do not decompose into a base letter and marks.
_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def slug(speaker: str | None) -> str:
    """A URL-safe name for a speaker ("Donald Trump" → ``donald-trump``; nobody → ``unknown``).

    Accented Latin letters lose their marks ("Jürgen Müller" → ``jurgen-muller``); letters of
    other scripts stay as they are ("Путин" → ``путин``, percent-encoded in a URL).
    """
    text = unicodedata.normalize("NFKD", (speaker or "").casefold().translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\W_]+", "-", text).strip("-")
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


def description(tracked: Tracked, as_of: dt.date, sources: Sources | None = None) -> str:
    """The quote, the due window, the status and where it was said, one fact a line.

    Sources are named as ``sources`` says (a URL, else a title and date): never a local path.
    """
    sources = sources or Sources()
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
    first = sources.text(source)
    lines.append(f"Source: {first}")
    also = dict.fromkeys(  # each place once, in order: a restatement on one line is one place
        sources.text(m) for m in tracked.mentions if m != source
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
    """The kind, the status on ``as_of`` and the speaker ("promise", "pending", "Donald Trump")."""
    found = [tracked.commitment.kind.value, tracked.status(as_of).value]
    speaker = " ".join((tracked.commitment.speaker or "").split())
    if speaker:
        found.append(speaker)
    return found


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


DUE_SOON = dt.timedelta(days=7)
"""A pending commitment whose deadline is within this of the day is "due soon" (as in the
status report)."""

FILTERS: tuple[str, ...] = (
    "expired",
    "due-soon",
    "pending",
    "open",
    "kept",
    "broken",
    "withdrawn",
)
"""The status filters every command and feed accepts: the statuses, and ``due-soon``."""

_FILTER_ALIASES = {"due_soon": "due-soon", "due soon": "due-soon", "soon": "due-soon"}


def parse_statuses(value: str | Iterable[str]) -> tuple[str, ...]:
    """Status filters from a comma-separated string or a list of them (:data:`FILTERS`);
    :class:`ValueError` names the ones allowed."""
    parts = value.split(",") if isinstance(value, str) else [p for v in value for p in v.split(",")]
    found: list[str] = []
    for part in parts:
        word = " ".join(part.split()).casefold()
        if not word:
            continue
        word = _FILTER_ALIASES.get(word, word)
        if word not in FILTERS:
            raise ValueError(f"unknown status {part.strip()!r}; use one of {', '.join(FILTERS)}")
        if word not in found:
            found.append(word)
    return tuple(found)


def _status_matches(
    record: Tracked, as_of: dt.date, wanted: Sequence[str], due_soon: dt.timedelta
) -> bool:
    status = record.status(as_of)
    if status.value in wanted:
        return True
    due = record.commitment.due
    return (
        "due-soon" in wanted
        and status is Status.PENDING
        and due is not None
        and due.latest <= as_of + due_soon
    )


def select(
    tracked: Iterable[Tracked],
    *,
    as_of: dt.date,
    speakers: Sequence[str] = (),
    statuses: Sequence[Status | str] = (),
    due_soon: dt.timedelta = DUE_SOON,
) -> list[Tracked]:
    """The records whose speaker and status on ``as_of`` match, sorted for output.

    ``statuses`` are :data:`FILTERS` (``due-soon``: pending, due within ``due_soon``). An empty
    ``speakers`` or ``statuses`` matches everything (see :func:`speaker_matches`). Of two
    records with the same id, the one changed last (``updated``, then ``sequence``) is kept.
    """
    wanted = parse_statuses([str(s) for s in statuses]) if statuses else ()
    chosen: dict[str, Tracked] = {}
    for record in tracked:
        if speakers and not speaker_matches(record.commitment.speaker, speakers):
            continue
        if wanted and not _status_matches(record, as_of, wanted, due_soon):
            continue
        known = chosen.get(record.id)
        if known is None or (utc(known.updated), known.sequence) < (
            utc(record.updated),
            record.sequence,
        ):
            chosen[record.id] = record
    return sorted(chosen.values(), key=sort_key)


def expired_on(tracked: Tracked, as_of: dt.date) -> dt.date | None:
    """The day the calendar alone made ``tracked`` expired (its deadline passed, or the day the
    text says it had), if it is expired on ``as_of``; else ``None``."""
    if tracked.status(as_of) is not Status.EXPIRED:
        return None
    commitment = tracked.commitment
    turns = []
    if commitment.due is not None:
        turns.append(commitment.due.latest + dt.timedelta(days=1))
    if commitment.stated is Status.EXPIRED:
        turns.append(commitment.issued.latest)
    passed = [day for day in turns if day <= as_of]
    return min(passed) if passed else None


def changed_at(tracked: Tracked, as_of: dt.date) -> dt.datetime:
    """When the entry for ``tracked`` last changed, as seen on ``as_of``.

    The record's own last change, or the midnight (UTC) at which the calendar alone changed its
    status (:func:`expired_on`), whichever is later. DTSTAMP, LAST-MODIFIED and HTTP
    ``Last-Modified`` are this, so a feed whose only change is a deadline passing is not answered
    with 304 and its subscribers see the change.
    """
    updated = utc(tracked.updated)
    turn = expired_on(tracked, as_of)
    if turn is None:
        return updated
    return max(updated, dt.datetime.combine(turn, dt.time(0), tzinfo=dt.UTC))


def sequence(tracked: Tracked, as_of: dt.date) -> int:
    """The iCalendar SEQUENCE of the entry as seen on ``as_of``: ``2 × sequence``, plus one once
    the calendar alone has made it expired.

    Every stored change (a mention, a resolution, a revision) raises ``tracked.sequence`` and so
    this by at least one even when it also undoes an expiry; a deadline passing raises it by one.
    It never goes down as ``as_of`` moves on.
    """
    return 2 * tracked.sequence + (0 if expired_on(tracked, as_of) is None else 1)
