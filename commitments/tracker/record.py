"""A speaker's track record as of a day: how their commitments went.

Each commitment is seen as it stood on ``as_of``: only the mentions and follow-ups published by
then, and the resolutions that happened by then (whenever they were recorded), count. It is
then *kept*, *broken*, *withdrawn* (resolved so, by the user or a later document), *lapsed*
(its deadline passed, or a document said it expired, with no outcome), *pending* (dated, not
yet due) or *open* (undated). Revisions count every later window. Days late: for a commitment
kept after its deadline (as it stood before being kept), how many days after; the median over
those.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import statistics
from collections.abc import Iterable, Mapping, Sequence

import attrs

from commitments.records import Status
from commitments.tracker import timeline
from commitments.tracker.records import Entry
from commitments.tracker.report import speaker_matches

__all__ = ["RECORD_COLUMNS", "SpeakerRecord", "TrackRecord", "track_record"]

RECORD_COLUMNS = (
    "speaker",
    "made",
    "kept",
    "broken",
    "lapsed",
    "withdrawn",
    "open",
    "pending",
    "revisions",
    "kept_late",
    "median_days_late",
)


@attrs.frozen(kw_only=True)
class SpeakerRecord:
    """One speaker's figures."""

    speaker: str
    made: int = 0
    kept: int = 0
    broken: int = 0
    lapsed: int = 0
    """Expired with no outcome."""
    withdrawn: int = 0
    open: int = 0
    pending: int = 0
    revisions: int = 0
    """How many times a deadline was revised or renewed."""
    kept_late: int = 0
    median_days_late: float | None = None

    def to_json(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in RECORD_COLUMNS}


@attrs.frozen(kw_only=True)
class TrackRecord:
    """Every speaker's record as of a day."""

    as_of: dt.date
    speakers: tuple[SpeakerRecord, ...]

    def to_json(self) -> dict[str, object]:
        return {"as_of": self.as_of.isoformat(), "speakers": [s.to_json() for s in self.speakers]}

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(RECORD_COLUMNS)
        for record in self.speakers:
            row = record.to_json()
            writer.writerow(["" if row[n] is None else str(row[n]) for n in RECORD_COLUMNS])
        return out.getvalue()


def _as_of(entry: Entry, day: dt.date) -> tuple[Status, int, int | None] | None:
    """Status, revisions and days late of an entry as it stood on ``day`` (``None``: not made
    by then)."""
    mentions = [m for m in entry.mentions if m.published is None or m.published <= day]
    if not mentions:
        return None
    said = [c for c in entry.followups if c.published <= day]
    made = timeline.base(entry.id, mentions, said)
    if made.issued.earliest > day:
        return None
    now = timeline.current(made, said)
    revisions = sum(1 for c in said if c.kind == "revision")
    resolved = [r for r in entry.history if r.on <= day]
    resolution = resolved[-1] if resolved and resolved[-1].status is not Status.OPEN else None
    if resolution is not None:
        status, on = resolution.status, resolution.on
    elif now.stated in (Status.KEPT, Status.BROKEN, Status.WITHDRAWN):
        status = now.stated
        on = max((c.published for c in said if c.status is now.stated), default=day)
    else:
        status, on = now.status(day), day
    late = None
    if status is Status.KEPT and now.due is not None and on > now.due.latest:
        late = (on - now.due.latest).days
    return status, revisions, late


def track_record(
    entries: Iterable[Entry],
    *,
    as_of: dt.date,
    speakers: Sequence[str] = (),
    aliases: Mapping[str, str] | None = None,
) -> TrackRecord:
    """Each speaker's record on ``as_of`` (only ``speakers`` if given: "Trump" matches
    "Donald Trump"), sorted by speaker. ``aliases`` maps a speaker (casefolded, spaces
    collapsed) to the canonical name it was merged into."""
    figures: dict[str, dict[str, int]] = {}
    late: dict[str, list[int]] = {}
    for entry in entries:
        speaker = entry.tracked.commitment.speaker
        if speaker and aliases:
            speaker = aliases.get(" ".join(speaker.casefold().split()), speaker)
        if not speaker or (speakers and not speaker_matches(speaker, speakers)):
            continue
        seen = _as_of(entry, as_of)
        if seen is None:
            continue
        status, revisions, days_late = seen
        counts = figures.setdefault(speaker, {})
        counts["made"] = counts.get("made", 0) + 1
        name = "lapsed" if status is Status.EXPIRED else status.value
        counts[name] = counts.get(name, 0) + 1
        counts["revisions"] = counts.get("revisions", 0) + revisions
        if days_late is not None:
            late.setdefault(speaker, []).append(days_late)
    out = []
    for speaker in sorted(figures, key=str.casefold):
        days = late.get(speaker, [])
        out.append(
            SpeakerRecord(
                speaker=speaker,
                **figures[speaker],
                kept_late=len(days),
                median_days_late=float(statistics.median(days)) if days else None,
            )
        )
    return TrackRecord(as_of=as_of, speakers=tuple(out))
