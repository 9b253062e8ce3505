"""The records that flow through the pipeline: windows, documents, commitments.

Each record that leaves the process has one JSON form, written by its ``to_json`` and read back
by its ``from_json``: ``extract --format json`` and ``jsonl``, the ``records`` lines of
``extract --format records`` and the Dask recipe, and the tracker's JSON all use them. Dates are
ISO 8601. ``from_json`` raises ``KeyError``, ``TypeError`` or ``ValueError`` on a malformed
object; the readers turn that into a :class:`~commitments.errors.FormatError`.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from typing import Any

import attrs

__all__ = [
    "Commitment",
    "Document",
    "Kind",
    "Resolution",
    "Source",
    "Status",
    "Tracked",
    "Turn",
    "Window",
]


class Status(enum.StrEnum):
    """Where a commitment stands on a given day."""

    PENDING = "pending"
    """Dated, and the deadline has not passed."""
    EXPIRED = "expired"
    """Dated, unresolved, and the deadline has passed (or the text says it has)."""
    KEPT = "kept"
    """The text or the user says it was kept."""
    BROKEN = "broken"
    """The text or the user says it was broken."""
    OPEN = "open"
    """Undated and unresolved."""
    WITHDRAWN = "withdrawn"
    """The user says it was withdrawn (only ever set by a resolution)."""


class Kind(enum.StrEnum):
    """What sort of commitment a statement makes."""

    PROMISE = "promise"
    THREAT = "threat"
    DEADLINE = "deadline"
    OFFER = "offer"
    DEMAND = "demand"


def _check_order(instance: Window, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if value < instance.earliest:
        raise ValueError(
            f"window is inverted: latest {value} is before earliest {instance.earliest}"
        )


@attrs.frozen(kw_only=False, order=True)
class Window:
    """An inclusive range of local calendar dates; never inverted."""

    earliest: dt.date
    """The first day on which it could fall due."""
    latest: dt.date = attrs.field(validator=_check_order)
    """The deadline: past it, an unresolved commitment is expired."""

    @classmethod
    def day(cls, day: dt.date) -> Window:
        """A window of one day."""
        return cls(day, day)

    def shift(self, days: int) -> Window:
        """The window moved by ``days`` days."""
        delta = dt.timedelta(days=days)
        return Window(self.earliest + delta, self.latest + delta)

    @property
    def days(self) -> int:
        """How many days the window spans."""
        return (self.latest - self.earliest).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.earliest <= day <= self.latest

    @classmethod
    def from_json(cls, value: dict[str, str]) -> Window:
        """The window of a :meth:`to_json` object."""
        return cls(dt.date.fromisoformat(value["earliest"]), dt.date.fromisoformat(value["latest"]))

    def to_json(self) -> dict[str, str]:
        """The window as ``{"earliest": ISO, "latest": ISO}``."""
        return {"earliest": self.earliest.isoformat(), "latest": self.latest.isoformat()}

    def __str__(self) -> str:
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}…{self.latest.isoformat()}"


@attrs.frozen(kw_only=True)
class Turn:
    """A stretch of a document said by one known party (a chat line, a cue, an e-mail)."""

    speaker: str | None
    """Who said it, as the source names them; ``None`` for narration."""
    start: int
    """Offset of the turn's first character in the document text."""
    end: int
    """Offset just past the turn's last character."""
    published: dt.date | None = None
    """A date of its own (a quoted e-mail), else the document's."""
    line: int | None = attrs.field(default=None, eq=False)
    """The 1-based line in the source file where the turn starts."""
    action: bool = False
    """The turn is an action item: it commits ``speaker`` even without a future cue."""
    done: bool = False
    """The action item is ticked off (``- [x]``): a commitment that was kept."""


@attrs.frozen(kw_only=True)
class Document:
    """A text to extract from, with what its source says about it."""

    text: str
    """The body text (front matter and headers removed)."""
    name: str = "-"
    """The file path, URL or archive id the text came from."""
    published: dt.date | None = None
    """The publication date, if the source says."""
    title: str | None = None
    url: str | None = None
    tz: str | None = None
    """An IANA time-zone name from the source, if any."""
    turns: tuple[Turn, ...] = ()
    """Speaker turns for chats, transcripts and e-mail; empty for prose."""
    offset: int = 0
    """Offset of ``text`` in the original file (after front matter), for source spans."""
    sent_at: dt.datetime | None = None
    """The full timestamp of the source (an e-mail ``Date``), if any."""

    def to_json(self) -> dict[str, object]:
        """The name and text, and the date, title, URL and zone where the source gives them.

        Turns, offset and ``sent_at`` are left out: a document read back extracts as prose.
        """
        out: dict[str, object] = {"name": self.name, "text": self.text}
        if self.published is not None:
            out["published"] = self.published.isoformat()
        for key, value in (("title", self.title), ("url", self.url), ("tz", self.tz)):
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Document:
        """The document of a :meth:`to_json` object."""
        published = value.get("published")
        return cls(
            text=value["text"],
            name=value["name"],
            published=dt.date.fromisoformat(published) if published else None,
            title=value.get("title"),
            url=value.get("url"),
            tz=value.get("tz"),
        )


@attrs.frozen(kw_only=True)
class Source:
    """Where a commitment was said."""

    document: str
    start: int
    end: int
    url: str | None = None
    line: int | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"document": self.document, "start": self.start, "end": self.end}
        if self.url:
            out["url"] = self.url
        if self.line is not None:
            out["line"] = self.line
        return out

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Source:
        """The source of a :meth:`to_json` object."""
        return cls(
            document=value["document"],
            start=value["start"],
            end=value["end"],
            url=value.get("url"),
            line=value.get("line"),
        )


@attrs.frozen(kw_only=True)
class Commitment:
    """A dated (or undated) commitment tied to the party who made it."""

    speaker: str | None
    """Who made it, canonicalised ("Donald Trump"); ``None`` if nobody could be named."""
    action: str
    """What was committed to, as the text says it ("be speaking to him")."""
    kind: Kind
    text: str = attrs.field(eq=False)
    """The sentence or quotation that carries it."""
    expression: str | None
    """The time expression the due window comes from, as written."""
    issued: Window
    """When the commitment was made (the document's date unless the text dates it)."""
    due: Window | None
    """When it falls due; ``None`` for an undated commitment."""
    condition: str | None = None
    """A condition the text attaches ("if the talks fail")."""
    stated: Status | None = None
    """A status the text itself states ("had now expired", "kept her promise")."""
    due_at: dt.datetime | None = None
    """The deadline as a time-zone aware datetime, when the text gives a time of day."""
    source: Source = attrs.field(eq=False)
    id: str = attrs.field(eq=False)

    @id.default
    def _default_id(self) -> str:
        return commitment_id(self.speaker, self.action, self.due, self.issued)

    def status(self, as_of: dt.date) -> Status:
        """The status on day ``as_of``: what the text states first (kept, broken, withdrawn;
        expired once it was said), then the calendar."""
        if self.stated in (Status.KEPT, Status.BROKEN, Status.WITHDRAWN):
            return self.stated
        if self.stated is Status.EXPIRED and as_of >= self.issued.latest:
            return Status.EXPIRED
        if self.due is None:
            return Status.OPEN
        return Status.PENDING if as_of <= self.due.latest else Status.EXPIRED

    def to_json(self, as_of: dt.date | None = None) -> dict[str, object]:
        """The commitment as JSON: the ``extract --format json`` contract.

        Every key is always there (``null`` when it has no value), except ``status``: the status
        on day ``as_of``, present only when ``as_of`` is given (a stored record has no day).
        """
        out: dict[str, object] = {
            "id": self.id,
            "speaker": self.speaker,
            "action": self.action,
            "kind": self.kind.value,
            "text": self.text,
            "expression": self.expression,
            "issued": self.issued.to_json(),
            "due": self.due.to_json() if self.due else None,
        }
        if as_of is not None:
            out["status"] = self.status(as_of).value
        out["condition"] = self.condition
        out["stated"] = self.stated.value if self.stated else None
        out["due_at"] = self.due_at.isoformat() if self.due_at else None
        out["source"] = self.source.to_json()
        return out

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Commitment:
        """The commitment of a :meth:`to_json` object (``status`` is ignored: it is computed)."""
        due = value["due"]
        return cls(
            id=value["id"],
            speaker=value["speaker"],
            action=value["action"],
            kind=Kind(value["kind"]),
            text=value["text"],
            expression=value["expression"],
            issued=Window.from_json(value["issued"]),
            due=Window.from_json(due) if due is not None else None,
            condition=value.get("condition"),
            stated=Status(value["stated"]) if value.get("stated") else None,
            due_at=dt.datetime.fromisoformat(value["due_at"]) if value.get("due_at") else None,
            source=Source.from_json(value["source"]),
        )


def commitment_id(speaker: str | None, action: str, due: Window | None, issued: Window) -> str:
    """A stable id: the same speaker, action and dates give the same id."""
    key = (
        f"{(speaker or '').casefold()}\x1f{' '.join(action.casefold().split())}"
        f"\x1f{str(due) if due else ''}\x1f{issued!s}"
    )  # (the four parts joined by "\x1f")
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@attrs.frozen(kw_only=True)
class Resolution:
    """What a user (or the text) said became of a commitment."""

    status: Status
    """KEPT, BROKEN, WITHDRAWN, or OPEN (which undoes an earlier resolution)."""
    on: dt.date
    """The day it was kept, broken or withdrawn."""
    note: str | None = None
    evidence: str | None = None
    """A URL that shows it."""
    recorded: dt.datetime
    """When the resolution was recorded (UTC, time-zone aware)."""

    def to_json(self) -> dict[str, object]:
        """The resolution as JSON: ISO 8601 dates, the status's value."""
        return {
            "status": self.status.value,
            "on": self.on.isoformat(),
            "note": self.note,
            "evidence": self.evidence,
            "recorded": self.recorded.isoformat(),
        }


@attrs.frozen(kw_only=True)
class Tracked:
    """A commitment as the tracker holds it: its mentions, resolution and change history."""

    commitment: Commitment
    """The merged commitment (its window the most specific of its mentions)."""
    mentions: tuple[Source, ...] = ()
    resolution: Resolution | None = None
    updated: dt.datetime
    """The last change to this record (UTC, time-zone aware): DTSTAMP and LAST-MODIFIED."""
    sequence: int = 0
    """Raised by one on every change: the iCalendar SEQUENCE."""

    @property
    def id(self) -> str:
        return self.commitment.id

    def status(self, as_of: dt.date) -> Status:
        """The resolution if there is one (other than OPEN), else the commitment's status."""
        if self.resolution is not None and self.resolution.status is not Status.OPEN:
            return self.resolution.status
        return self.commitment.status(as_of)
