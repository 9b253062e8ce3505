"""commitments: turn what people said into dated commitments tied to their speakers.

The public API is what ``__all__`` lists; everything else may change without notice.
"""

from commitments.errors import (
    CommitmentsError,
    CorruptStoreError,
    DateError,
    FormatError,
    InputError,
    NewerStoreError,
    NotFoundError,
    StoreError,
)
from commitments.extraction import extract, extract_document, parse_due
from commitments.records import Commitment, Document, Kind, Source, Status, Turn, Window

__all__ = [
    "Commitment",
    "CommitmentsError",
    "CorruptStoreError",
    "DateError",
    "Document",
    "FormatError",
    "InputError",
    "Kind",
    "NewerStoreError",
    "NotFoundError",
    "Source",
    "Status",
    "StoreError",
    "Turn",
    "Window",
    "extract",
    "extract_document",
    "parse_due",
]
