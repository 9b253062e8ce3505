"""The status report: where each tracked commitment stands on a day, grouped and filtered.

Both the ``commitments status`` command and :meth:`Tracker.commitments` use it. The groups, in
report order: expired, due soon (pending, deadline within the due-soon horizon), pending, open
(undated), kept, broken, withdrawn.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from commitments.errors import DateError, InputError
from commitments.records import Resolution, Status, Tracked
from commitments.tracker.records import Entry
from commitments.tracker.timeline import revisions

__all__ = [
    "CSV_COLUMNS",
    "DUE_SOON",
    "Group",
    "Item",
    "Report",
    "build_report",
    "entry_json",
    "parse_duration",
    "parse_groups",
    "speaker_matches",
]

DUE_SOON = dt.timedelta(days=7)
"""The default due-soon horizon: a pending commitment due within it is "due soon"."""


class Group(enum.StrEnum):
    """A section of the status report, in report order."""

    EXPIRED = "expired"
    DUE_SOON = "due-soon"
    PENDING = "pending"
    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The group's name as a heading shows it ("due soon")."""
        return self.value.replace("-", " ")


_ORDER = {group: index for index, group in enumerate(Group)}


@attrs.frozen(kw_only=True)
class Item:
    """One commitment in a report: its entry, its status on the day, and its group."""

    entry: Entry
    status: Status
    group: Group

    @property
    def tracked(self) -> Tracked:
        return self.entry.tracked


@attrs.frozen(kw_only=True)
class Report:
    """The commitments that passed the filters, as of a day, in report order."""

    as_of: dt.date
    items: tuple[Item, ...]
    due_soon: dt.timedelta = DUE_SOON

    def groups(self) -> dict[Group, list[Item]]:
        """Every group (even empty ones) with its items, in report order."""
        out: dict[Group, list[Item]] = {group: [] for group in Group}
        for item in self.items:
            out[item.group].append(item)
        return out

    def counts(self) -> dict[Group, int]:
        return {group: len(items) for group, items in self.groups().items()}

    def has(self, groups: Iterable[Group]) -> bool:
        """Whether any item is in one of ``groups`` (PENDING includes DUE_SOON)."""
        wanted = _expand(groups)
        return any(item.group in wanted for item in self.items)

    def to_json(self) -> list[dict[str, object]]:
        return [entry_json(item.entry, self.as_of) for item in self.items]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for item in self.items:
            writer.writerow(_csv_row(item))
        return out.getvalue()


def _expand(groups: Iterable[Group]) -> frozenset[Group]:
    wanted = set(groups)
    if Group.PENDING in wanted:
        wanted.add(Group.DUE_SOON)
    return frozenset(wanted)


def group_of(tracked: Tracked, as_of: dt.date, due_soon: dt.timedelta = DUE_SOON) -> Group:
    """The report group of a commitment on day ``as_of``."""
    status = tracked.status(as_of)
    due = tracked.commitment.due
    if status is Status.PENDING and due is not None and due.latest <= as_of + due_soon:
        return Group.DUE_SOON
    return Group(status.value)


def speaker_matches(speaker: str | None, names: Iterable[str]) -> bool:
    """Whether ``speaker`` is one of ``names``: the same words, or a run of them ("Trump")."""
    have = (speaker or "").casefold().split()
    for name in names:
        want = name.casefold().split()
        if want and any(have[i : i + len(want)] == want for i in range(len(have))):
            return True
    return False


def build_report(
    entries: Iterable[Entry],
    *,
    as_of: dt.date,
    speaker: Sequence[str] | str | None = None,
    groups: Iterable[Group | Status | str] | Group | Status | str | None = None,
    due_within: dt.timedelta | None = None,
    since: dt.date | None = None,
    due_soon: dt.timedelta | None = None,
) -> Report:
    """The report on ``as_of`` of the entries that pass every filter given.

    ``speaker``: one name or several ("Trump" matches "Donald Trump"). ``groups``: statuses or
    groups to keep (``pending`` includes due-soon). ``due_within``: only pending commitments whose
    deadline is at most that far off; it also sets the due-soon horizon (default 7 days) unless
    ``due_soon`` does. ``since``: only commitments made on or after that day.
    """
    horizon = (
        due_soon if due_soon is not None else due_within if due_within is not None else DUE_SOON
    )
    names = [speaker] if isinstance(speaker, str) else list(speaker or ())
    wanted = _expand(parse_groups(groups)) if groups is not None else None
    items = []
    for entry in entries:
        tracked = entry.tracked
        commitment = tracked.commitment
        group = group_of(tracked, as_of, horizon)
        if names and not speaker_matches(commitment.speaker, names):
            continue
        if wanted is not None and group not in wanted:
            continue
        if due_within is not None and not (
            group in (Group.PENDING, Group.DUE_SOON)
            and commitment.due is not None
            and commitment.due.latest <= as_of + due_within
        ):
            continue
        if since is not None and commitment.issued.latest < since:
            continue
        items.append(Item(entry=entry, status=tracked.status(as_of), group=group))
    items.sort(key=_sort_key)
    return Report(as_of=as_of, items=tuple(items), due_soon=horizon)


def _sort_key(item: Item) -> tuple[int, int, str, str, str]:
    c = item.tracked.commitment
    dated = 0 if c.due is not None else 1
    due = c.due.latest.isoformat() if c.due is not None else c.issued.latest.isoformat()
    return (_ORDER[item.group], dated, due, (c.speaker or "").casefold(), item.tracked.id)


_GROUP_ALIASES = {
    "due-soon": Group.DUE_SOON,
    "due_soon": Group.DUE_SOON,
    "due soon": Group.DUE_SOON,
    "soon": Group.DUE_SOON,
    "undated": Group.OPEN,
}


def parse_groups(
    value: Iterable[Group | Status | str] | Group | Status | str,
) -> frozenset[Group]:
    """Groups from a list or a comma-separated string ("expired,due-soon")."""
    parts: list[str] = []
    if isinstance(value, str):  # Group and Status are strings too
        parts = value.split(",")
    else:
        for part in value:
            parts.extend(str(part).split(","))
    found = set()
    for part in parts:
        name = part.strip().casefold()
        if not name:
            continue
        group = _GROUP_ALIASES.get(name)
        if group is None:
            try:
                group = Group(name)
            except ValueError:
                choices = ", ".join(g.value for g in Group)
                raise InputError(
                    f"unknown status {part.strip()!r}: choose from {choices}"
                ) from None
        found.add(group)
    if not found:
        raise InputError("no status given: choose from " + ", ".join(g.value for g in Group))
    return frozenset(found)


_DURATION = re.compile(r"^\s*(\d{1,5})\s*(d|days?|w|weeks?)?\s*$", re.IGNORECASE)


def parse_duration(text: str) -> dt.timedelta:
    """A span of days: ``7``, ``7d``, ``10 days``, ``2w``, ``3 weeks``."""
    match = _DURATION.match(text)
    if not match:
        raise DateError(f"{text!r} is not a duration: write a number of days or weeks (7d, 2w)")
    count = int(match.group(1))
    unit = (match.group(2) or "d").casefold()
    return dt.timedelta(weeks=count) if unit.startswith("w") else dt.timedelta(days=count)


# -- serialising ---------------------------------------------------------------------------


def entry_json(entry: Entry, as_of: dt.date) -> dict[str, object]:
    """The ``extract --format json`` object, its status the tracked one, plus mentions and
    resolution."""
    tracked = entry.tracked
    out = tracked.commitment.to_json(as_of)
    out["status"] = tracked.status(as_of).value
    out["mentions"] = [m.to_json() for m in entry.mentions]
    out["resolution"] = tracked.resolution.to_json() if tracked.resolution else None
    out["revisions"] = [r.to_json() for r in revisions(entry)[1:]] if entry.mentions else []
    out["followups"] = [c.to_json() for c in entry.followups]
    return out


def history_json(history: Sequence[Resolution]) -> list[dict[str, object]]:
    return [r.to_json() for r in history]


CSV_COLUMNS = (
    "id",
    "status",
    "speaker",
    "action",
    "kind",
    "expression",
    "issued_earliest",
    "issued_latest",
    "due_earliest",
    "due_latest",
    "due_at",
    "condition",
    "text",
    "document",
    "mentions",
    "resolution",
    "resolved_on",
    "note",
    "evidence",
)
"""The columns of ``status --format csv``, in order; dates are ISO 8601, empty when unknown."""


def _csv_row(item: Item) -> list[str]:
    tracked = item.tracked
    c = tracked.commitment
    r = tracked.resolution
    values: Mapping[str, object] = {
        "id": tracked.id,
        "status": item.status.value,
        "speaker": c.speaker,
        "action": c.action,
        "kind": c.kind.value,
        "expression": c.expression,
        "issued_earliest": c.issued.earliest.isoformat(),
        "issued_latest": c.issued.latest.isoformat(),
        "due_earliest": c.due.earliest.isoformat() if c.due else None,
        "due_latest": c.due.latest.isoformat() if c.due else None,
        "due_at": c.due_at.isoformat() if c.due_at else None,
        "condition": c.condition,
        "text": c.text,
        "document": c.source.document,
        "mentions": len(item.entry.mentions),
        "resolution": r.status.value if r else None,
        "resolved_on": r.on.isoformat() if r else None,
        "note": r.note if r else None,
        "evidence": r.evidence if r else None,
    }
    return ["" if values[name] is None else str(values[name]) for name in CSV_COLUMNS]


def dumps(value: object) -> str:
    """JSON as the CLI writes it: UTF-8 text, not ASCII escapes."""
    return json.dumps(value, ensure_ascii=False)
