"""commitments: turn what people said into dated commitments tied to their speakers.

The public API is what ``__all__`` lists; everything else may change without notice.
"""

import importlib
from typing import TYPE_CHECKING, Any

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

# The rest is imported on first use (PEP 562), so `import commitments.errors` (what the CLI
# needs to start) does not load dateparser, icalendar or sqlite3.
_LAZY = {
    "AliasTable": "commitments.extraction",
    "extract": "commitments.extraction",
    "extract_document": "commitments.extraction",
    "extract_many": "commitments.batch",
    "parse_due": "commitments.extraction",
    "ReadFailure": "commitments.readers",
    "read_path": "commitments.readers",
    "read_sources": "commitments.readers",
    "read_text": "commitments.readers",
    "read_url": "commitments.readers",
    "to_ical": "commitments.outputs.calendar",
    "Feeds": "commitments.outputs.feeds",
    "make_server": "commitments.outputs.feeds",
    "Commitment": "commitments.records",
    "Document": "commitments.records",
    "Kind": "commitments.records",
    "Resolution": "commitments.records",
    "Source": "commitments.records",
    "Status": "commitments.records",
    "Tracked": "commitments.records",
    "Turn": "commitments.records",
    "Window": "commitments.records",
    "Tracker": "commitments.tracker",
    "TrackRecord": "commitments.tracker",
}

if TYPE_CHECKING:
    from commitments.batch import extract_many
    from commitments.extraction import AliasTable, extract, extract_document, parse_due
    from commitments.outputs.calendar import to_ical
    from commitments.outputs.feeds import Feeds, make_server
    from commitments.readers import ReadFailure, read_path, read_sources, read_text, read_url
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
    from commitments.tracker import Tracker, TrackRecord


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'commitments' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "AliasTable",
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
    "TrackRecord",
    "Tracked",
    "Tracker",
    "Turn",
    "Window",
    "extract",
    "extract_document",
    "extract_many",
    "make_server",
    "parse_due",
    "read_path",
    "read_sources",
    "read_text",
    "read_url",
    "to_ical",
]
