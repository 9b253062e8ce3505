"""A tracked commitment's life: the window it was made with, each revision, each outcome.

The current commitment is worked out from its mentions and the claims linked to it, never from
the order they were added: the merged commitment (:func:`merge.merged_commitment`), its window
replaced by the last revision (by publication date, document, offset), and its stated status
set by the last outcome said on or after that revision (kept, broken or withdrawn beat
expired).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from commitments.records import Commitment, Status, Window
from commitments.tracker import merge
from commitments.tracker.followups import Claim
from commitments.tracker.records import Entry, Mention

__all__ = ["Revision", "base", "current", "first_said", "revisions", "windows"]

_FINAL = (Status.KEPT, Status.BROKEN, Status.WITHDRAWN)


@attrs.frozen(kw_only=True)
class Revision:
    """One window in a commitment's history, with where it was said."""

    window: Window | None
    """The window (``None``: made undated)."""
    published: dt.date | None
    document: str
    """The name (file or URL) of the document that says it."""
    start: int
    end: int
    quote: str
    expression: str | None
    made: bool = False
    """This is the window the commitment was made with (not a revision)."""

    def to_json(self) -> dict[str, object]:
        return {
            "kind": "made" if self.made else "revised",
            "window": self.window.to_json() if self.window else None,
            "expression": self.expression,
            "published": self.published.isoformat() if self.published else None,
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }


def base(id: str, mentions: Sequence[Mention], followups: Sequence[Claim] = ()) -> Commitment:
    """The commitment its mentions make, before any follow-up. A mention that is itself a
    follow-up's sentence ("the deadline passed on Tuesday") gives no window or action: the
    follow-up says what it does."""
    said = {claim.mention for claim in followups if claim.mention is not None}
    made = [m for m in mentions if m.commitment.id not in said]
    return merge.merged_commitment(id, made or mentions)


def current(made: Commitment, followups: Sequence[Claim]) -> Commitment:
    """The commitment after its follow-ups (claims in the order they were said)."""
    changed = [c for c in followups if c.kind == "revision" and c.window is not None]
    out = made
    since: tuple[str, str, int] = ("", "", -1)
    if changed:
        last = changed[-1]
        assert last.window is not None
        out = attrs.evolve(out, due=last.window, expression=last.expression, due_at=None)
        if out.stated is Status.EXPIRED:
            out = attrs.evolve(out, stated=None)
        since = (last.published.isoformat(), last.document, last.start)
    outcomes = [
        c
        for c in followups
        if c.kind == "outcome" and (c.published.isoformat(), c.document, c.start) >= since
    ]
    final = [c for c in outcomes if c.status in _FINAL]
    if final:
        return attrs.evolve(out, stated=final[-1].status)
    if any(c.status is Status.EXPIRED for c in outcomes):
        return attrs.evolve(out, stated=Status.EXPIRED)
    return out


def first_said(entry: Entry) -> dt.date:
    """The publication date of the entry's earliest mention (else the day it was made)."""
    days = [m.published for m in entry.mentions if m.published is not None]
    return min(days) if days else entry.tracked.commitment.issued.earliest


def revisions(entry: Entry) -> list[Revision]:
    """The window it was made with, then each revision, in the order they were said."""
    made = base(entry.id, entry.mentions, entry.followups)
    said = {claim.mention for claim in entry.followups if claim.mention is not None}
    own = [m for m in entry.mentions if m.commitment.id not in said] or list(entry.mentions)
    first = merge.most_specific(own) if own else None
    out = [
        Revision(
            window=made.due,
            published=first.published if first else None,
            document=made.source.document,
            start=made.source.start,
            end=made.source.end,
            quote=" ".join(made.text.split()),
            expression=made.expression,
            made=True,
        )
    ]
    for claim in entry.followups:
        if claim.kind == "revision":
            out.append(
                Revision(
                    window=claim.window,
                    published=claim.published,
                    document=claim.name,
                    start=claim.start,
                    end=claim.end,
                    quote=claim.quote,
                    expression=claim.expression,
                )
            )
    return out


def windows(entry: Entry) -> list[Window]:
    """Every window the entry has had, made and revised."""
    return [r.window for r in revisions(entry) if r.window is not None]
