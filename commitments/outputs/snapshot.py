"""Tracked records straight from extracted commitments, for exports that use no store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from commitments.records import Commitment, Document, Source, Tracked

__all__ = ["snapshot"]


def snapshot(found: Iterable[tuple[Document, Iterable[Commitment]]]) -> list[Tracked]:
    """Each commitment as a :class:`Tracked` that has never changed, so output is deterministic.

    ``updated`` is the document's publication date at 00:00 UTC (the commitment's issue date when
    the document has none) and ``sequence`` is 0. A commitment found again (same id) gains a
    mention and keeps the latest ``updated``.
    """
    first: dict[str, Commitment] = {}
    sources: dict[str, dict[Source, None]] = {}  # insertion-ordered sets: linear in mentions
    latest: dict[str, dt.datetime] = {}
    for document, commitments in found:
        for commitment in commitments:
            day = document.published or commitment.issued.latest
            updated = dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)
            first.setdefault(commitment.id, commitment)
            sources.setdefault(commitment.id, {})[commitment.source] = None
            latest[commitment.id] = max(latest.get(commitment.id, updated), updated)
    return [
        Tracked(commitment=commitment, mentions=tuple(sources[id]), updated=latest[id])
        for id, commitment in first.items()
    ]
