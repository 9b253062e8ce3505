"""The :class:`Tracker`: add documents, ask where commitments stand, record what became of them.

Time is always an argument: ``now`` (an aware datetime) stamps every change, ``as_of`` (a date)
is the day a status is computed for. Nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import urllib.parse
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from commitments.errors import CommitmentsError, DateError, InputError
from commitments.records import Commitment, Document, Resolution, Status, Tracked, Window
from commitments.tracker import matching, merge, timeline
from commitments.tracker.followups import (
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    REVISION_LAPSED,
    Claim,
    find_claims,
    fits,
    names_in,
    speaker_in,
)
from commitments.tracker.record import TrackRecord, track_record
from commitments.tracker.records import Entry, Mention, Suggestion
from commitments.tracker.report import Group, Report, build_report
from commitments.tracker.rows import check_commitment, check_date
from commitments.tracker.store import Store, claim_order, speaker_key

__all__ = ["AddResult", "Extractor", "Tracker", "canonical_name", "document_digest"]

_FAR = dt.date(9999, 12, 31)
_ROUNDS = 8
"""The most rounds of linking one document sets off (a link can make another claim fit)."""

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


def _parse(expression: str, published: dt.date) -> Window | None:
    from commitments.extraction import parse_due

    try:
        return parse_due(expression, issued=published)
    except (ValueError, CommitmentsError):
        return None


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
    followed: tuple[str, ...] = ()
    """Ids of tracked commitments whose status or window its follow-ups changed."""
    suggested: int = 0
    """How many links it offered rather than applied (``status --suggested``)."""


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
        self.last_follow_work = 0
        """How many (claim, commitment) pairs following up the last document weighed."""

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
        aliases = self.store.aliases()
        if aliases:  # speakers merged in this store are tracked under their canonical name
            found = [
                attrs.evolve(c, speaker=aliases.get(speaker_key(c.speaker), c.speaker))
                for c in found
            ]
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
            claims = find_claims(
                document,
                digest=digest,
                found=found,
                parse=_parse,
            )
            for claim in claims:
                self.store.save_claim(claim)
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
            touched = self.store.entries_with_ids([*created, *updated])
            followed, suggested = self._follow(claims, touched, now, bumped={*created, *updated})
        self.last_pool = pool
        return AddResult(
            document=document.name,
            mentions=len(mentions),
            created=tuple(created),
            updated=tuple(updated),
            followed=tuple(sorted(set(followed) - set(created) - set(updated))),
            suggested=suggested,
        )

    def _known(self, document: Document) -> bool:
        return any(self.store.has_document(digest) for digest in _digests(document))

    # -- follow-ups ------------------------------------------------------------------------

    def _follow(
        self, claims: Sequence[Claim], touched: Sequence[Entry], now: dt.datetime, bumped: set[str]
    ) -> tuple[list[str], int]:
        """Link the new claims, and the stored claims the touched entries may answer; then bring
        every entry whose links changed up to date. The ids changed, and links offered."""
        todo: dict[str, Claim] = {c.id: c for c in claims}
        aliases = self.store.aliases()
        changed: set[str] = {e.id for e in touched}
        offered: dict[str, int] = {}
        self.last_follow_work = 0
        # A link changes a commitment's windows, and so which other claims may fit it: go on
        # until no link changes (a few rounds at most; each round only what the last changed).
        for _ in range(_ROUNDS):
            for entry in touched:
                for claim in self._claims_about(entry, aliases):
                    todo.setdefault(claim.id, claim)
            relinked: set[str] = set()
            for claim in sorted(todo.values(), key=lambda c: (c.published, c.document, c.start)):
                ids, offered[claim.id] = self._link(claim, now)
                relinked |= ids
            changed |= relinked
            if not relinked:
                break
            touched = self.store.entries_with_ids(relinked)
            todo = {}
        out = self._refresh(changed, now, bumped=bumped)
        return out, sum(offered.values())

    def _refresh(self, ids: Iterable[str], now: dt.datetime, *, bumped: set[str]) -> list[str]:
        """Bring entries up to date with their mentions, follow-ups and the store's speaker
        aliases; the ids of those that changed (``bumped`` ones were counted as changed)."""
        aliases = self.store.aliases()
        out = []
        for entry in self.store.entries_with_ids(ids):
            made = timeline.base(entry.id, entry.mentions, entry.followups)
            new = timeline.current(made, entry.followups)
            if new.speaker:
                new = attrs.evolve(new, speaker=aliases.get(speaker_key(new.speaker), new.speaker))
            old = entry.tracked.commitment
            if new == old and new.stated == old.stated and new.speaker == old.speaker:
                continue
            entry = attrs.evolve(entry, tracked=attrs.evolve(entry.tracked, commitment=new))
            if entry.id not in bumped:
                entry = _changed(entry, now)
                out.append(entry.id)
            self.store.save(entry)
        return out

    def _claims_about(self, entry: Entry, aliases: Mapping[str, str]) -> list[Claim]:
        """Stored claims that may be about ``entry``: by its speaker (or naming it), said after
        it was first made and at most OUTCOME_BEFORE after its last deadline."""
        key = speaker_key(entry.tracked.commitment.speaker)
        dues = [m.commitment.due for m in entry.mentions if m.commitment.due is not None]
        dues += timeline.windows(entry)
        if not dues or not key or not entry.mentions:
            return []
        first = min(m.commitment.issued.earliest for m in entry.mentions)
        last = max(w.latest for w in dues) + OUTCOME_BEFORE
        found = self.store.claims_by_speaker(key, first, last)
        name = entry.tracked.commitment.speaker or ""
        forms = [name, *(k for k, v in aliases.items() if v == name)]
        for claim in self.store.claims_by_speaker("", first, last):
            # A claim whose document did not say whose it is: does it name this speaker?
            if speaker_in(claim.quote, forms) is not None:
                found.append(claim)
        return found

    def _link(self, claim: Claim, now: dt.datetime) -> tuple[set[str], int]:
        """Link one claim to the entries it fits; the ids whose links changed, and 1 if the
        link is offered rather than applied."""
        aliases = self.store.aliases()
        speaker = claim.speaker
        if speaker is None:  # whose: the speaker it names before its verb, of those held
            words = names_in(claim.quote)
            named = self.store.speakers_named(words)
            named += [k for k in aliases if k.split()[-1] in words]
            speaker = speaker_in(claim.quote, named)
        if speaker is not None:
            speaker = aliases.get(speaker_key(speaker), speaker)
        claim = attrs.evolve(claim, speaker=speaker)
        key = speaker_key(claim.speaker)
        before = self.store.links(claim.id)
        if not key or "accepted" in before.values():
            return set(), 0
        if claim.kind == "revision":
            first, last = claim.published - REVISION_LAPSED, _FAR
        else:
            first, last = claim.published - OUTCOME_BEFORE, claim.published + OUTCOME_AFTER
        ids = self.store.ids_due_between(key, first, last)
        if claim.mention is not None:
            own = self.store.ids_holding([claim.mention]).get(claim.mention)
        else:
            own = None
        fitting = []
        actions: dict[str, str] = {}
        for entry in self.store.entries_with_ids(ids):
            self.last_follow_work += 1
            if speaker_key(entry.tracked.commitment.speaker) != key:
                continue
            if all(m.document == claim.document for m in entry.mentions):
                continue  # what a document says of its own commitments is no follow-up
            if not _same_action(claim, entry.tracked.commitment.action):
                continue
            alone = False
            # As it stood when the claim was said: after the follow-ups said before it.
            others = [f for f in entry.followups if claim_order(f) < claim_order(claim)]
            if fits(
                claim,
                timeline.current(timeline.base(entry.id, entry.mentions, entry.followups), others),
                windows=timeline.windows(entry),
                first_said=timeline.first_said(entry),
                own=alone,
            ):
                fitting.append(entry.id)
                actions[entry.id] = entry.tracked.commitment.action
        rejected = {i for i, state in before.items() if state == "rejected"}
        fitting = [i for i in fitting if i not in rejected]
        if len(fitting) > 1:  # the one whose action the sentence repeats, if only one does
            fitting = _closest_action(claim, fitting, actions)
        state = "applied" if len(fitting) == 1 else "suggested"
        after = {i: state for i in fitting} | {i: "rejected" for i in rejected}
        if after == before:
            return set(), int(state == "suggested" and bool(fitting))
        self.store.set_links(claim.id, after, now)
        changed = set(before) | set(after)
        if state == "applied" and own is not None and own != fitting[0]:
            changed.add(self._join(fitting[0], own, now))
        return changed, int(state == "suggested")

    def _join(self, target: str, other: str, now: dt.datetime) -> str:
        """Make two stored entries one (a follow-up's mention and what it reports on)."""
        pool = matching.Pool(self.store.entries_with_ids([target, other]))
        group = pool.join({target, other})
        for absorbed in group.absorbed:
            self.store.absorb(group.id, absorbed)
        self.store.save(_changed(pool.entry(group, now), now))
        return group.id

    def suggestions(self) -> list[Suggestion]:
        """Links offered, not applied: a claim that fits several commitments."""
        return self.store.suggestions()

    def accept(self, suggestion: str, *, now: dt.datetime, reject: bool = False) -> Entry:
        """Accept (or reject) an offered link by its id (:attr:`Suggestion.id`, or a prefix)."""
        now = _aware(now)
        wanted = suggestion.strip().casefold()
        found = [s for s in self.suggestions() if s.id.startswith(wanted)]
        if len(found) != 1:
            raise InputError(
                f"{suggestion!r} is not one suggestion's id: `commitments status --suggested`"
                " lists them"
            )
        (chosen,) = found
        with self.store.transaction():
            links = self.store.links(chosen.claim.id)
            if reject:
                links[chosen.commitment] = "rejected"
            else:
                links = {i: ("accepted" if i == chosen.commitment else "rejected") for i in links}
            self.store.set_links(chosen.claim.id, links, now)
            changed = set(links)
            own = None
            if chosen.claim.mention is not None:
                own = self.store.ids_holding([chosen.claim.mention]).get(chosen.claim.mention)
            target = chosen.commitment
            if not reject and own is not None and own != target:
                target = self._join(target, own, now)
                changed.add(target)
            self._follow([], self.store.entries_with_ids(changed), now, bumped=set())
        return self.store.get(target if not reject else chosen.commitment)

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

    def record(self, speakers: Sequence[str] | str = (), *, as_of: dt.date) -> TrackRecord:
        """Each speaker's track record on ``as_of``: made, kept, broken, lapsed, withdrawn,
        open, pending, revisions and the median days late (see :mod:`.record`)."""
        names = [speakers] if isinstance(speakers, str) else list(speakers)
        return track_record(
            self.entries(), as_of=as_of, speakers=names, aliases=self.store.aliases()
        )

    # -- speakers --------------------------------------------------------------------------

    def speakers(self) -> dict[str, tuple[int, list[str]]]:
        """Each speaker (canonical name) → how many commitments, and the other names merged
        into it."""
        aliases = self.store.aliases()
        names = self.store.alias_names()
        counts: dict[str, int] = {}
        for name, count in self.store.speakers():
            canonical = aliases.get(speaker_key(name), name)
            counts[canonical] = counts.get(canonical, 0) + count
        for canonical in names:
            counts.setdefault(canonical, 0)
        ordered = sorted(counts, key=str.casefold)
        return {
            name: (counts[name], sorted(names.get(name, []), key=str.casefold)) for name in ordered
        }

    def merge_speakers(self, canonical: str, aliases: Iterable[str], *, now: dt.datetime) -> None:
        """Take ``aliases`` as other names of ``canonical`` (recorded; :meth:`split_speakers`
        undoes it)."""
        names = [" ".join(a.split()) for a in aliases if a.strip()]
        if not canonical.strip() or not names:
            raise InputError("give a speaker's name and at least one other name to merge")
        with self.store.transaction():
            self.store.set_aliases(
                canonical, [canonical, *names], action="merge", recorded=_aware(now)
            )
            ids = self.store.ids_said_by([canonical, *names])
            self._refresh(ids, _aware(now), bumped=set())

    def split_speakers(self, canonical: str, aliases: Iterable[str], *, now: dt.datetime) -> None:
        """Take ``aliases`` as speakers of their own again (recorded)."""
        names = [" ".join(a.split()) for a in aliases if a.strip()]
        known = self.store.aliases()
        missing = [n for n in names if known.get(speaker_key(n)) != canonical]
        if missing:
            raise InputError(
                f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not merged into"
                f" {canonical!r}: `commitments speakers` lists the merges"
            )
        with self.store.transaction():
            self.store.set_aliases(canonical, names, action="split", recorded=_aware(now))
            ids = self.store.ids_said_by([canonical, *names])
            self._refresh(ids, _aware(now), bumped=set())

    def load_aliases(self, path: str | os.PathLike[str], *, now: dt.datetime) -> None:
        """Record every merge an alias table (the ``--aliases`` TOML file) lists."""
        from commitments.extraction import AliasTable

        table = AliasTable.load(os.fspath(path))
        groups: dict[str, list[str]] = {}
        for key, canonical in table.names.items():
            groups.setdefault(canonical, []).append(key)
        for canonical, keys in sorted(groups.items()):
            self.merge_speakers(canonical, keys, now=now)

    def short_id_length(self) -> int:
        """How many characters of an id to show so that every shown id is a unique prefix."""
        ids = self.store.ids()
        length = SHORT_ID
        for left, right in itertools.pairwise(ids):
            shared = next(
                (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
                min(len(left), len(right)),
            )
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


_CALLED = merge.content_words(
    "deadline ultimatum promise pledge commitment vow delay timeline timetable target cutoff"
    " period extension issued last month week day year"
)


def _same_action(claim: Claim, action: str) -> bool:
    """Whether what the claim's sentence says the commitment was ("the deadline to build the
    harbour bridge") fits ``action``: two content words shared (or all of the fewer), when it
    says anything."""
    said = merge.content_words(claim.described) - merge.content_words(claim.speaker or "")
    said -= _CALLED
    if not said:
        return True
    words = merge.content_words(action)
    return len(said & words) >= min(2, len(said), len(words))


def _closest_action(claim: Claim, ids: list[str], actions: Mapping[str, str]) -> list[str]:
    """Of several commitments a claim fits, the one whose action shares the most content words
    with the claim's sentence (two at least, and more than any other); else all of them."""
    said = merge.content_words(claim.quote) - merge.content_words(claim.speaker or "")
    shared = sorted(((len(merge.content_words(actions[i]) & said), i) for i in ids), reverse=True)
    if shared[0][0] >= 2 and shared[0][0] > shared[1][0]:
        return [shared[0][1]]
    return ids


def _check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.casefold() not in ("http", "https") or not parts.netloc:
        raise InputError(f"evidence must be a web address (https://…), got {url!r}")


def _changed(entry: Entry, now: dt.datetime) -> Entry:
    """The entry after a change: ``updated`` is now and ``sequence`` one higher."""
    tracked = attrs.evolve(entry.tracked, updated=now, sequence=entry.tracked.sequence + 1)
    return attrs.evolve(entry, tracked=tracked)
