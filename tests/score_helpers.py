"""The matching rule of ``shared/eval/score.py``, shared by the tests that score extraction.

A found commitment matches a labelled one when the speaker matches (an alias, or the labelled
name, is part of the found name; ``*`` matches anyone) and the due window is close enough: each
end within a quarter of the time from the anchor day to the labelled deadline (at least a day).
Labelled commitments are matched in order, required ones first, each to the first unused find.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import attrs

Json = dict[str, Any]


def day(value: str) -> dt.date:
    """The date of an ISO 8601 date or date-time string."""
    return dt.date.fromisoformat(value[:10])


def speaker_ok(gold: Json, found: str | None) -> bool:
    if "*" in gold["aliases"]:
        return True
    if not found:
        return False
    name = found.lower()
    return any(a in name for a in gold["aliases"]) or gold["speaker"].lower() in name


def due_ok(
    gold: Json, found: dict[str, str] | None, anchor: dt.date, *, lenient: bool = False
) -> bool:
    """Whether the found due window is close enough to the labelled one, counted from ``anchor``
    (the publication day, or the day the commitment was made); ``lenient``: the deadline only."""
    if gold["due"] is None or found is None:
        return gold["due"] is None and found is None
    ge, gl = day(gold["due"]["earliest"]), day(gold["due"]["latest"])
    fe, fl = day(found["earliest"]), day(found["latest"])
    tolerance = max(1, round(0.25 * (gl - anchor).days))
    if lenient:
        return abs((fl - gl).days) <= tolerance
    return abs((fl - gl).days) <= tolerance and abs((fe - ge).days) <= max(
        tolerance, round(0.25 * (gl - ge).days)
    )


@attrs.frozen(kw_only=True)
class Match:
    hits: int
    """Required labelled commitments found."""
    missed: list[Json]
    """Required labelled commitments not found."""
    extra: list[Json]
    """Found commitments that match no labelled one."""
    pairs: list[tuple[Json, Json]]
    """Each required labelled commitment found, with what matched it."""


def match(
    golds: Sequence[Json],
    found: Sequence[Json],
    anchor: dt.date | Callable[[Json], dt.date],
    *,
    lenient: bool = False,
) -> Match:
    """Labelled ``golds`` against ``found`` (``Commitment.to_json`` objects); ``anchor`` is the
    day tolerances are counted from, or gives it for each found commitment; ``lenient``
    compares deadlines only."""
    anchor_of = anchor if callable(anchor) else lambda _: anchor
    used: set[int] = set()
    missed: list[Json] = []
    pairs: list[tuple[Json, Json]] = []
    for gold in sorted(golds, key=lambda g: g["optional"]):
        hit = next(
            (
                i
                for i, item in enumerate(found)
                if i not in used
                and speaker_ok(gold, item["speaker"])
                and due_ok(gold, item["due"], anchor_of(item), lenient=lenient)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            if not gold["optional"]:
                pairs.append((gold, found[hit]))
        elif not gold["optional"]:
            missed.append(gold)
    extra = [item for i, item in enumerate(found) if i not in used]
    return Match(hits=len(pairs), missed=missed, extra=extra, pairs=pairs)
