"""Tracked records straight from extracted commitments, for exports that use no store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from commitments.records import Commitment, Document, Tracked

__all__ = ["snapshot"]


def snapshot(found: Iterable[tuple[Document, Iterable[Commitment]]]) -> list[Tracked]:
    """Each commitment as a :class:`Tracked` that has never changed, so output is deterministic.

    ``updated`` is the document's publication date at 00:00 UTC (the commitment's issue date when
    the document has none) and ``sequence`` is 0. A commitment found again (same id) gains a
    mention and keeps the latest ``updated``.
    """
    records: dict[str, Tracked] = {}
    for document, commitments in found:
        for commitment in commitments:
            day = document.published or commitment.issued.latest
            updated = dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)
            known = records.get(commitment.id)
            if known is None:
                records[commitment.id] = Tracked(
                    commitment=commitment, mentions=(commitment.source,), updated=updated
                )
            elif commitment.source not in known.mentions:
                records[commitment.id] = attrs.evolve(
                    known,
                    mentions=(*known.mentions, commitment.source),
                    updated=max(known.updated, updated),
                )
    return list(records.values())
