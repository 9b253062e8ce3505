"""Extracted records: a document and its commitments as one JSON object, one a line.

``commitments extract --format records`` and the Dask recipe in :mod:`commitments.scale` write
them (:func:`to_record`); ``commitments add --extracted`` reads them back (:func:`read_records`)
to track them without extracting again. The document and commitments inside are the JSON forms
of :mod:`commitments.records`; a line that could not be read is ``{"failure": {...}}``.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from commitments.errors import FormatError
from commitments.readers.base import ReadFailure
from commitments.records import Commitment, Document

__all__ = ["from_record", "read_records", "to_record"]


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
            yield ReadFailure(source=source, message=f"cannot read: {exc.strerror}")
            continue
        with opened as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield ReadFailure(source=source, line=number, message=f"is not JSON ({exc})")
                    continue
                failed = record.get("failure") if isinstance(record, dict) else None
                if isinstance(failed, dict):  # an input the extraction could not read
                    yield ReadFailure(
                        source=str(failed.get("source", source)),
                        line=failed.get("line"),
                        message=str(failed.get("message")),
                    )
                    continue
                try:
                    yield from_record(record, source=source, line=number)
                except FormatError as exc:
                    yield ReadFailure(source=source, line=number, message=exc.message)
