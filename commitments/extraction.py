"""The pipeline: a document in, its commitments out."""

from __future__ import annotations

import datetime as dt

from commitments.records import Commitment, Document

__all__ = ["extract", "extract_document"]


def extract(
    text: str,
    *,
    published: dt.date,
    as_of: dt.date | None = None,
    tz: str | None = None,
    name: str = "-",
) -> list[Commitment]:
    """The commitments made in ``text``, a document published on ``published``."""
    return extract_document(Document(text=text, name=name, published=published, tz=tz))


def extract_document(document: Document, *, published: dt.date | None = None) -> list[Commitment]:
    """The commitments made in a document read by one of the readers."""
    raise NotImplementedError
