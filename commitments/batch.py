"""Batch extraction: a stream of documents in, each one's commitments out, in input order.

:func:`extract_many` keeps memory flat however long the stream is (a directory, a JSON Lines
archive of millions of articles): it reads only a few chunks of documents ahead. With ``jobs``
above 1 it hands the chunks to that many worker processes, at most two chunks per worker in
flight, and gives the results back in input order, so the output is the same for any ``jobs``.

The commitments written with ``json_as_of`` are :meth:`Commitment.to_json
<commitments.records.Commitment.to_json>` objects, the one JSON form of a commitment.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import multiprocessing
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

import attrs

from commitments.errors import CommitmentsError
from commitments.readers.base import ReadFailure
from commitments.records import Commitment, Document
from commitments.timex.vague import VagueTable

if TYPE_CHECKING:
    from commitments.extraction.aliases import AliasTable

__all__ = ["Extracted", "extract_many"]

CHUNK_DOCUMENTS = 32
"""A chunk holds at most this many documents …"""
CHUNK_CHARACTERS = 256 * 1024
"""… and stops growing past this much text, so a chunk of long documents stays small."""


@attrs.frozen(kw_only=True)
class Extracted:
    """What became of one input of :func:`extract_many`."""

    document: Document | None
    """The document, as read (``None`` when the input could not be read)."""
    commitments: tuple[Commitment, ...] = ()
    failure: ReadFailure | None = None
    """Why the input gave no commitments: it could not be read, or had no date, or a bad zone."""
    json_lines: str | None = None
    """With ``json_as_of``: the commitments as JSON Lines (``Commitment.to_json``), one per line,
    written where they were extracted (a worker process), and ``commitments`` left empty."""
    count: int = 0
    """How many commitments the document gave."""


@attrs.frozen
class _Options:
    published: dt.date | None
    undated: dt.date | None
    tz: str | None
    vague: Mapping[str, tuple[int, int]] | None
    json_as_of: dt.date | None = None
    aliases: AliasTable | None = None


def extract_many(
    items: Iterable[Document | ReadFailure],
    *,
    jobs: int = 1,
    published: dt.date | None = None,
    undated: dt.date | None = None,
    tz: str | None = None,
    vague: VagueTable | None = None,
    json_as_of: dt.date | None = None,
    aliases: AliasTable | None = None,
) -> Iterator[Extracted]:
    """The commitments of each document of ``items``, one :class:`Extracted` per item, in order.

    ``items`` is what :func:`commitments.readers.read_sources` yields; a :class:`ReadFailure`
    passes through as a failed item. ``published`` overrides every document's date;
    ``undated`` is the date of documents that have none (without it they fail with a
    :class:`~commitments.errors.DateError` message). ``jobs`` worker processes share the work.
    With ``json_as_of``, each document's commitments come back as JSON Lines with their status
    on that day (:attr:`Extracted.json_lines`): the workers write them, which spares the parent
    process most of its work. ``aliases`` is passed on to
    :func:`~commitments.extraction.extract_document`.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    options = _Options(
        published, undated, tz, dict(vague) if vague is not None else None, json_as_of, aliases
    )
    chunks = _chunks(items)
    if jobs == 1:
        for chunk in chunks:
            yield from _pair(chunk, _extract_chunk(chunk, options))
        return
    yield from _in_workers(chunks, jobs, options)


def _in_workers(
    chunks: Iterator[list[Document | ReadFailure]], jobs: int, options: _Options
) -> Iterator[Extracted]:
    """Chunks extracted by a pool, at most ``2 * jobs`` in flight, taken back in order."""
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(options,),
    )
    pending: collections.deque[tuple[list[Document | ReadFailure], Future[list[_Outcome]]]]
    pending = collections.deque()
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_work, chunk)))
            if len(pending) >= 2 * jobs:
                done, future = pending.popleft()
                yield from _pair(done, future.result())
        while pending:
            done, future = pending.popleft()
            yield from _pair(done, future.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_Outcome = tuple[tuple[Commitment, ...], ReadFailure | None, str | None, int]
"""Commitments (or none, when written as JSON Lines), the failure, the JSON Lines, the count."""


def _pair(chunk: list[Document | ReadFailure], outcomes: list[_Outcome]) -> Iterator[Extracted]:
    for item, (commitments, failure, json_lines, count) in zip(chunk, outcomes, strict=True):
        document = item if isinstance(item, Document) else None
        yield Extracted(
            document=document,
            commitments=commitments,
            failure=failure,
            json_lines=json_lines,
            count=count,
        )


def _chunks(items: Iterable[Document | ReadFailure]) -> Iterator[list[Document | ReadFailure]]:
    chunk: list[Document | ReadFailure] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if len(chunk) >= CHUNK_DOCUMENTS or size >= CHUNK_CHARACTERS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _extract_chunk(chunk: list[Document | ReadFailure], options: _Options) -> list[_Outcome]:
    from commitments.extraction import extract_document

    outcomes: list[_Outcome] = []
    for item in chunk:
        if isinstance(item, ReadFailure):
            outcomes.append(((), item, None, 0))
            continue
        day = options.published or item.published or options.undated
        try:
            found = extract_document(
                item, published=day, tz=options.tz, vague=options.vague, aliases=options.aliases
            )
        except CommitmentsError as exc:
            failure = ReadFailure(source=item.name, message=exc.message, error=type(exc))
            outcomes.append(((), failure, None, 0))
            continue
        if options.json_as_of is not None:
            as_of = options.json_as_of
            lines = "".join(json.dumps(c.to_json(as_of), ensure_ascii=False) + "\n" for c in found)
            outcomes.append(((), None, lines, len(found)))
        else:
            outcomes.append((tuple(found), None, None, len(found)))
    return outcomes


_WORKER_OPTIONS: _Options | None = None


def _start_worker(options: _Options) -> None:
    global _WORKER_OPTIONS  # noqa: PLW0603 - a pool worker's options, set once as it starts
    _WORKER_OPTIONS = options


def _work(chunk: list[Document | ReadFailure]) -> list[_Outcome]:
    assert _WORKER_OPTIONS is not None
    return _extract_chunk(chunk, _WORKER_OPTIONS)
