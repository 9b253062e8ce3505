"""What the status page shows: its sections, a speaker's record, and the filters of a query.

A commitment falls in one section on a day (:func:`section_of`): due soon (pending, due within
:data:`DUE_SOON`), lapsed (expired), kept, broken, pending, open, withdrawn. :class:`Filters`
reads ``speaker``, ``kind`` and ``status`` from a query string.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

import attrs

from commitments.errors import InputError
from commitments.outputs.entries import speaker_matches
from commitments.records import Kind, Status, Tracked

__all__ = [
    "DUE_SOON",
    "Filters",
    "Record",
    "RecordLike",
    "Section",
    "section_of",
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


class RecordLike(Protocol):
    """How one speaker's commitments stand on a day, as the page shows it: the tracker's
    :class:`commitments.tracker.record.SpeakerRecord` (``Tracker.record``, which this layer may
    not import: the CLI passes its records in), or a :class:`Record` of status counts."""

    @property
    def speaker(self) -> str: ...

    @property
    def made(self) -> int: ...

    @property
    def kept(self) -> int: ...

    @property
    def broken(self) -> int: ...

    @property
    def lapsed(self) -> int: ...

    @property
    def withdrawn(self) -> int: ...

    @property
    def open(self) -> int: ...

    @property
    def pending(self) -> int: ...

    @property
    def revisions(self) -> int | None:
        """How many times a deadline was revised or renewed (``None``: not known)."""

    @property
    def median_days_late(self) -> float | None: ...


@attrs.frozen(kw_only=True)
class Record:
    """A speaker's record counted from their commitments' statuses on a day: what the page
    shows with no tracker behind it (``commitments report`` on files)."""

    speaker: str = ""
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
    revisions: int | None = None
    """Not known without the tracker's follow-ups."""
    median_days_late: float | None = None
    """Not known without the day each was kept."""


def status_counts(statuses: Iterable[Status], *, speaker: str = "") -> Record:
    """The record of ``speaker``'s commitments with these statuses on one day."""
    counts = dict.fromkeys(Status, 0)
    for status in statuses:
        counts[status] += 1
    return Record(
        speaker=speaker,
        made=sum(counts.values()),
        kept=counts[Status.KEPT],
        broken=counts[Status.BROKEN],
        lapsed=counts[Status.EXPIRED],
        open=counts[Status.OPEN],
        pending=counts[Status.PENDING],
        withdrawn=counts[Status.WITHDRAWN],
    )


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

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """The filters in words ("speaker Trump; kind promise"), or ``""``; ``names`` turns a
        slug given as a speaker ("donald-trump") into the name it stands for."""
        parts = []
        if self.speakers:
            shown = [(names or {}).get(speaker, speaker) for speaker in self.speakers]
            parts.append("speaker " + ", ".join(shown))
        if self.kinds:
            parts.append("kind " + ", ".join(kind.value for kind in self.kinds))
        if self.sections:
            parts.append("status " + ", ".join(s.label.casefold() for s in self.sections))
        return "; ".join(parts)
