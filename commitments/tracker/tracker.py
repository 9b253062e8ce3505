"""The :class:`Tracker`: add documents, ask where commitments stand, record what became of them.

Time is always an argument: ``now`` (an aware datetime) stamps every change, ``as_of`` (a date)
is the day a status is computed for. Nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from commitments.errors import DateError, InputError
from commitments.records import Commitment, Document, Resolution, Status, Tracked
from commitments.tracker import matching
from commitments.tracker.records import Entry, Mention
from commitments.tracker.report import Group, Report, build_report
from commitments.tracker.rows import check_commitment, check_date
from commitments.tracker.store import Store, speaker_key

__all__ = ["AddResult", "Extractor", "Tracker", "canonical_name", "document_digest"]

Extractor = Callable[[Document], Sequence[Commitment]]
"""Turns a document (its ``published`` filled in) into the commitments it makes."""

SHORT_ID = 8
"""The fewest characters of an id that are shown."""

_RESOLUTIONS = (Status.KEPT, Status.BROKEN, Status.WITHDRAWN, Status.OPEN)


def _default_extractor(document: Document) -> Sequence[Commitment]:
    from commitments.extraction import extract_document

    return extract_document(document)


def canonical_name(name: str) -> str:
    """A file's real path (``./x.md`` and ``/home/me/x.md`` are one file), also as the first part
    of an archive record's name (``a.jsonl:3``); anything else (``-``, a URL) as it is."""
    if name == "-" or "://" in name:
        return name
    for candidate in (name, name.rpartition(":")[0]):
        try:
            if candidate and Path(candidate).is_file():
                return str(Path(candidate).resolve()) + name[len(candidate) :]
        except (OSError, ValueError):  # a name too long, a NUL
            break
    return name


def document_digest(document: Document) -> str:
    """A document's identity: a digest of its URL (else its canonical path) and its text."""
    key = (document.url or canonical_name(document.name)) + "\x00" + document.text
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _digests(document: Document) -> tuple[str, ...]:
    """The identity, then the one stores written before 0.2 knew it by (the name as spelled)."""
    legacy = (document.url or document.name) + "\x00" + document.text
    old = hashlib.sha256(legacy.encode("utf-8", "surrogatepass")).hexdigest()
    new = document_digest(document)
    return (new,) if old == new else (new, old)


@attrs.frozen(kw_only=True)
class AddResult:
    """What adding one document did."""

    document: str
    """The document's name."""
    skipped: bool = False
    """The document had been added before, so nothing changed."""
    mentions: int = 0
    """How many commitments the extractor found in it."""
    created: tuple[str, ...] = ()
    """Ids of the commitments it added."""
    updated: tuple[str, ...] = ()
    """Ids of tracked commitments it added a mention to."""


def _aware(now: dt.datetime) -> dt.datetime:
    if not isinstance(now, dt.datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise DateError(f"now must be a time-zone aware datetime, got {now!r}")
    return now.astimezone(dt.UTC)


class Tracker:
    """Commitments remembered across documents and over time, in a :class:`Store`.

    ``store`` is an open :class:`Store` or a path to open (``":memory:"`` for a throwaway one).
    ``extractor`` finds the commitments in a document (default: :func:`extract_document`).
    """

    def __init__(
        self,
        store: Store | str | os.PathLike[str],
        *,
        extractor: Extractor | None = None,
    ) -> None:
        self.store = store if isinstance(store, Store) else Store(store)
        self._extract = extractor or _default_extractor
        self.last_pool: matching.Pool | None = None
        """How the last document added was matched (its comparisons count the work)."""

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- adding ----------------------------------------------------------------------------

    def add(self, document: Document, *, now: dt.datetime) -> AddResult:
        """Extract a document's commitments and track them; a document added before adds nothing.

        A document without a publication date is taken as published on ``now``'s (UTC) date.
        """
        now = _aware(now)
        if document.published is None:
            document = attrs.evolve(document, published=now.date())
        check_date(document.published, f"the publication date of {document.name!r}")
        digest = document_digest(document)
        if self._known(document):
            return AddResult(document=document.name, skipped=True)
        found = self._extract(document)
        return self._track(document, digest, found, now)

    def add_commitments(
        self, document: Document, commitments: Iterable[Commitment], *, now: dt.datetime
    ) -> AddResult:
        """Track commitments already extracted from ``document`` (idempotent like :meth:`add`)."""
        now = _aware(now)
        if document.published is not None:
            check_date(document.published, f"the publication date of {document.name!r}")
        found = list(commitments)
        for commitment in found:
            check_commitment(commitment)
        return self._track(document, document_digest(document), found, now)

    def _track(
        self, document: Document, digest: str, found: Sequence[Commitment], now: dt.datetime
    ) -> AddResult:
        mentions = [
            Mention(commitment=c, document=digest, published=document.published) for c in found
        ]
        # The merge is worked out before the write lock is taken, and again under it only if
        # another process wrote in between: the lock is held for the write alone.
        version = self.store.data_version()
        pool = self._pool(mentions)
        with self.store.transaction():
            if self._known(document):  # added before, or another process got there first
                return AddResult(document=document.name, skipped=True)
            if self.store.data_version() != version:
                pool = self._pool(mentions)
            self.store.add_document(
                digest=digest,
                name=document.name,
                url=document.url,
                title=document.title,
                published=document.published,
                added=now,
            )
            created, updated = [], []
            for group_id in pool.touched:
                group = pool.groups[group_id]
                for absorbed in group.absorbed:
                    self.store.absorb(group.id, absorbed)
                entry = pool.entry(group, now)
                if group.stored is None:
                    created.append(group.id)
                    self.store.save(entry)
                else:
                    updated.append(group.id)
                    self.store.save(_changed(entry, now))
        self.last_pool = pool
        return AddResult(
            document=document.name,
            mentions=len(mentions),
            created=tuple(created),
            updated=tuple(updated),
        )

    def _known(self, document: Document) -> bool:
        return any(self.store.has_document(digest) for digest in _digests(document))

    def _pool(self, mentions: Sequence[Mention]) -> matching.Pool:
        """The stored entries these mentions may join (loaded once), with the mentions in."""
        ids: set[str] = set()
        by_id: set[str] = set()
        by_speaker: set[tuple[str, str, str]] = set()
        for mention in mentions:
            c = mention.commitment
            if c.id not in by_id:
                by_id.add(c.id)
                ids |= self.store.ids_with_mention(c.id)
            key = speaker_key(c.speaker)
            span = (key, c.issued.earliest.isoformat(), c.issued.latest.isoformat())
            if key and span not in by_speaker:
                by_speaker.add(span)
                ids |= self.store.ids_by_speaker(key, c.issued)
        pool = matching.Pool(self.store.entries_with_ids(ids))
        for mention in mentions:
            pool.add(mention)
        return pool

    # -- reading ---------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """Every tracked commitment with its mentions and history."""
        return self.store.entries()

    def get(self, id: str) -> Entry:
        """The entry whose id is ``id`` or starts with it (a unique prefix)."""
        return self.store.get(self.store.resolve_prefix(id))

    def report(
        self,
        *,
        as_of: dt.date,
        speaker: Sequence[str] | str | None = None,
        status: Iterable[Group | Status | str] | Group | Status | str | None = None,
        due_within: dt.timedelta | None = None,
        since: dt.date | None = None,
    ) -> Report:
        """The status report on ``as_of`` (see :func:`build_report` for the filters)."""
        return build_report(
            self.entries(),
            as_of=as_of,
            speaker=speaker,
            groups=status,
            due_within=due_within,
            since=since,
        )

    def commitments(
        self,
        *,
        as_of: dt.date,
        speaker: Sequence[str] | str | None = None,
        status: Iterable[Group | Status | str] | Group | Status | str | None = None,
    ) -> list[Tracked]:
        """The tracked commitments in report order, filtered by speaker and status on ``as_of``."""
        report = self.report(as_of=as_of, speaker=speaker, status=status)
        return [item.tracked for item in report.items]

    def short_id_length(self) -> int:
        """How many characters of an id to show so that every shown id is a unique prefix."""
        ids = self.store.ids()
        length = SHORT_ID
        for left, right in zip(ids, ids[1:], strict=False):
            shared = len(os.path.commonprefix([left, right]))
            length = max(length, shared + 1)
        return length

    # -- resolving -------------------------------------------------------------------------

    def resolve(
        self,
        id: str,
        status: Status | str,
        *,
        on: dt.date,
        now: dt.datetime,
        note: str | None = None,
        evidence: str | None = None,
    ) -> Tracked:
        """Record that a commitment was kept, broken or withdrawn on ``on`` (``open`` undoes it).

        ``id`` may be a unique prefix. Every resolution is kept in the history.
        """
        now = _aware(now)
        wanted = str(status).strip().casefold()
        if wanted not in _RESOLUTIONS:
            choices = ", ".join(s.value for s in _RESOLUTIONS)
            raise InputError(f"a commitment can be resolved as {choices}, not {str(status)!r}")
        status = Status(wanted)
        if evidence is not None:
            _check_url(evidence)
        with self.store.transaction():
            entry = self.get(id)
            issued = entry.tracked.commitment.issued
            if on < issued.earliest:
                raise DateError(
                    f"{on.isoformat()} is before the commitment was made ({issued}):"
                    " give the day it was resolved with --on"
                )
            last = entry.tracked.resolution
            if last is not None and (last.status, last.on) == (status, on):
                # The same resolution again: it keeps what the first one said, and one that
                # says nothing new is not recorded twice.
                if (note or last.note, evidence or last.evidence) == (last.note, last.evidence):
                    return entry.tracked
                note, evidence = note or last.note, evidence or last.evidence
            resolution = Resolution(
                status=status, on=on, note=note or None, evidence=evidence or None, recorded=now
            )
            entry = attrs.evolve(
                entry,
                tracked=attrs.evolve(entry.tracked, resolution=resolution),
                history=(*entry.history, resolution),
            )
            entry = _changed(entry, now)
            self.store.save(entry)
        return entry.tracked


def _check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.casefold() not in ("http", "https") or not parts.netloc:
        raise InputError(f"evidence must be a web address (https://…), got {url!r}")


def _changed(entry: Entry, now: dt.datetime) -> Entry:
    """The entry after a change: ``updated`` is now and ``sequence`` one higher."""
    tracked = attrs.evolve(entry.tracked, updated=now, sequence=entry.tracked.sequence + 1)
    return attrs.evolve(entry, tracked=tracked)
