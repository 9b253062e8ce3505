"""Extracted records: a document and its commitments as one JSON object, one a line.

``commitments extract --format records`` and the Dask recipe in :mod:`commitments.scale` write
them (:func:`to_record`); ``commitments add --extracted`` reads them back (:func:`read_records`)
to track them without extracting again. The document and commitments inside are the JSON forms
of :mod:`commitments.records`; a line that could not be read is ``{"failure": {...}}``.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from commitments.errors import FormatError, InputError
from commitments.readers.base import MAX_DOCUMENT, ReadFailure, capped_lines, too_big
from commitments.readers.jsonl import loads
from commitments.records import Commitment, Document

__all__ = ["from_record", "read_records", "to_record"]

MAX_RECORD = 4 * MAX_DOCUMENT
"""The most bytes one line of records may have: a document of the most bytes one may have, with
its commitments."""


def to_record(document: Document, commitments: Iterable[Commitment]) -> dict[str, Any]:
    """A document (with its text, which identifies it to the tracker) and its commitments."""
    return {"document": document.to_json(), "commitments": [c.to_json() for c in commitments]}


def from_record(
    record: Any, *, source: str = "-", line: int | None = None
) -> tuple[Document, list[Commitment]]:
    """The document and commitments of a :func:`to_record` object.

    Raises :class:`~commitments.errors.FormatError` (naming ``source`` and ``line``) if it is not
    one.
    """
    try:
        document = Document.from_json(record["document"])
        return document, [Commitment.from_json(c) for c in record["commitments"]]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FormatError(
            f"is not a record of extracted commitments ({type(exc).__name__}: {exc}); write them"
            " with `commitments extract --format records` or the Dask recipe",
            source=source,
            line=line,
        ) from None


def _open(source: str) -> contextlib.AbstractContextManager[BinaryIO]:
    """The file, or standard input for ``-`` (left open when the block ends)."""
    if source == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    return open(source, "rb")


def read_records(
    sources: Iterable[str],
) -> Iterator[tuple[Document, list[Commitment]] | ReadFailure]:
    """The records in JSON Lines files (``-``: standard input), one line at a time.

    A line that is not a record is a :class:`ReadFailure` naming its file and line; reading goes
    on with the next one.
    """
    for source in sources:
        try:
            opened = _open(source)
        except OSError as exc:
            yield ReadFailure(
                source=source, message=f"cannot read: {exc.strerror}", error=InputError
            )
            continue
        with opened as stream:
            for number, raw in enumerate(capped_lines(stream, MAX_RECORD), start=1):
                if len(raw) > MAX_RECORD:
                    yield ReadFailure(
                        source=source, line=number, message=too_big(MAX_RECORD, "record")
                    )
                    continue
                if not raw.strip():
                    continue
                try:
                    record = loads(raw, name=source, number=number)
                except FormatError as exc:
                    yield ReadFailure.from_error(exc, source=source, line=number)
                    continue
                failed = record.get("failure") if isinstance(record, dict) else None
                if isinstance(failed, dict):  # an input the extraction could not read
                    line = failed.get("line")
                    yield ReadFailure(
                        source=str(failed.get("source", source)),
                        line=line if isinstance(line, int) and not isinstance(line, bool) else None,
                        message=str(failed.get("message")),
                    )
                    continue
                try:
                    yield from_record(record, source=source, line=number)
                except Exception as exc:  # noqa: BLE001 - one bad record must not stop the rest
                    yield ReadFailure.from_error(exc, source=source, line=number)
