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
    OutputError,
    StoreError,
)
from commitments.extraction import extract, extract_document, parse_due
from commitments.readers import ReadFailure, read_path, read_sources, read_text, read_url
from commitments.outputs.calendar import to_ical
from commitments.outputs.feeds import Feeds, make_server
from commitments.records import (
    Commitment,
    Document,
    Kind,
    Resolution,
    Source,
    Status,
    Tracked,
    Turn,
    Window,
)
from commitments.tracker import Tracker

__all__ = [
    "Commitment",
    "CommitmentsError",
    "CorruptStoreError",
    "DateError",
    "Document",
    "Feeds",
    "FormatError",
    "InputError",
    "Kind",
    "NewerStoreError",
    "NotFoundError",
    "OutputError",
    "ReadFailure",
    "Resolution",
    "Source",
    "Status",
    "StoreError",
    "Tracked",
    "Tracker",
    "Turn",
    "Window",
    "extract",
    "extract_document",
    "make_server",
    "parse_due",
    "read_path",
    "read_sources",
    "read_text",
    "read_url",
    "to_ical",
]
