"""Which tracked commitments a document's mentions join, by an index rather than pairwise.

A mention joins every entry it is the same commitment as (:func:`merge.same_commitment` with any
one of that entry's mentions), and the entries it joins become one. So the entries are the
connected components of the "same commitment" relation over every mention, whatever the order
the documents came in. (Joining only the first entry that matched, as before, made the count of
commitments depend on that order: a mention that bridges two entries merged them when it came
last but not when it came first.)

The work grows with the number of mentions: a mention is looked up by its id (a restatement in
the same words is found at once), and compared only with mentions that share an index key with
it (:func:`merge.index_keys`: same speaker and kind, a week of the due window, a pair of action
words or the verb's family), and no more once their entry matched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import attrs

from commitments.records import Resolution, Tracked
from commitments.tracker import merge
from commitments.tracker.records import Entry, Mention

__all__ = ["Group", "Pool"]

Compare = Callable[[Mention, Mention], bool]


@attrs.define
class Group:
    """One entry as a document is being added: what is stored of it, and what is new."""

    id: str
    stored: Entry | None
    """The entry as it was in the store; ``None`` for one this document creates."""
    old: list[Mention]
    """Mentions already in the store (its own, then those of stored entries it absorbed)."""
    history: list[Resolution]
    new: list[Mention] = attrs.field(factory=list)
    absorbed: list[str] = attrs.field(factory=list)
    """Ids of stored entries merged into this one, in the order they were."""
    sequence: int = 0
    keys: set[tuple[str, str, int]] = attrs.field(factory=set)

    @property
    def mentions(self) -> list[Mention]:
        return self.old + self.new


def _key(mention: Mention) -> tuple[str, str, int]:
    return (mention.document, mention.commitment.id, mention.source.start)


class Pool:
    """Entries that a document's mentions may join, indexed by mention id and by
    :func:`merge.index_keys` (speaker, kind, window weeks, action words and verb family)."""

    def __init__(self, entries: Iterable[Entry], *, compare: Compare = merge.same_commitment):
        self.comparisons = 0
        """How many look-ups and comparisons of two mentions were made (the work, for tests)."""
        self._compare = compare
        self.groups: dict[str, Group] = {}
        self._parent: dict[str, str] = {}  # union-find over group ids: merged into
        self._by_id: dict[str, set[str]] = {}
        self._index: dict[tuple[object, ...], dict[str, list[Mention]]] = {}
        self.touched: dict[str, None] = {}
        """Ids of the entries this document's mentions went into, in order (an ordered set)."""
        for entry in entries:
            group = Group(
                id=entry.id,
                stored=entry,
                old=[],
                history=list(entry.history),
                sequence=entry.tracked.sequence,
            )
            self.groups[group.id] = group
            self._parent[group.id] = group.id
            for mention in entry.mentions:
                self._insert(group, mention)
                group.old.append(mention)

    def _find(self, group_id: str) -> str:
        parent = self._parent
        while parent[group_id] != group_id:
            parent[group_id] = parent[parent[group_id]]
            group_id = parent[group_id]
        return group_id

    def _insert(self, group: Group, mention: Mention) -> None:
        group.keys.add(_key(mention))
        self._by_id.setdefault(mention.commitment.id, set()).add(group.id)
        stored, _ = merge.index_keys(mention.commitment)
        for key in stored:
            self._index.setdefault(key, {}).setdefault(group.id, []).append(mention)

    def _matches(self, mention: Mention) -> set[str]:
        found = {self._find(g) for g in self._by_id.get(mention.commitment.id, ())}
        self.comparisons += 1  # the look-up by id
        seen: set[int] = set()
        _, wanted = merge.index_keys(mention.commitment)
        for key in wanted:
            for group_id, olds in self._index.get(key, {}).items():
                group = self._find(group_id)
                if group in found:
                    continue
                for old in olds:
                    if id(old) in seen:
                        continue
                    seen.add(id(old))
                    self.comparisons += 1
                    if self._compare(mention, old):
                        found.add(group)
                        break
        return found

    def add(self, mention: Mention) -> str:
        """Put ``mention`` in its entry (merging the entries it joins); the entry's id."""
        found = self._matches(mention)
        if not found:
            group = Group(id=mention.commitment.id, stored=None, old=[], history=[])
            self.groups[group.id] = group
            self._parent[group.id] = group.id
        else:
            group = self._merge(found)
            if _key(mention) in group.keys:
                return group.id  # the extractor reported the same mention twice
        group.new.append(mention)
        self._insert(group, mention)
        self.touched.setdefault(group.id)
        return group.id

    def join(self, ids: set[str]) -> Group:
        """Make the entries ``ids`` one (a follow-up said they are): the surviving group."""
        return self._merge({self._find(i) for i in ids})

    def _merge(self, ids: set[str]) -> Group:
        """The entries ``ids`` as one: a stored one survives a new one, then the smaller id."""
        ordered = sorted((self.groups[i] for i in ids), key=lambda g: (g.stored is None, g.id))
        survivor = ordered[0]
        for other in ordered[1:]:
            del self.groups[other.id]
            self._parent[other.id] = survivor.id
            if other.stored is not None:
                survivor.absorbed += [other.id, *other.absorbed]
                survivor.old += other.old
                survivor.history += other.history
            else:
                survivor.absorbed += other.absorbed
            survivor.new += other.new
            survivor.sequence = max(survivor.sequence, other.sequence)
            survivor.keys |= other.keys
            self.touched.pop(other.id, None)
        self.touched.setdefault(survivor.id)
        return survivor

    def entry(self, group: Group, now: dt.datetime) -> Entry:
        """The group as an entry to save: merged commitment, every mention, joined history."""
        mentions = tuple(group.mentions)
        history = tuple(group.history)
        base = group.stored.tracked if group.stored is not None else None
        tracked = Tracked(
            commitment=merge.merged_commitment(group.id, mentions),
            mentions=tuple(m.source for m in mentions),
            resolution=history[-1] if history else None,
            updated=base.updated if base is not None else now,
            sequence=group.sequence,
        )
        return Entry(tracked=tracked, mentions=mentions, history=history)
