"""commitments: turn what people said into dated commitments tied to their speakers.

The public API is what ``__all__`` lists; everything else may change without notice. The command
line (``cli/``) uses this API and nothing else, so whatever the command does a program can do.

The imports under ``if _typing.TYPE_CHECKING`` below are the one list of the public API: mypy
reads them as imports, and at run time ``__all__`` and :func:`__getattr__` are read from them.
Every name is imported on first use (PEP 562), so ``import commitments`` (what the CLI needs to
start) loads neither dateparser, icalendar nor sqlite3.
"""

import typing as _typing

if _typing.TYPE_CHECKING:
    from commitments.batch import extract_many as extract_many
    from commitments.errors import CommitmentsError as CommitmentsError
    from commitments.errors import CorruptStoreError as CorruptStoreError
    from commitments.errors import DateError as DateError
    from commitments.errors import FormatError as FormatError
    from commitments.errors import InputError as InputError
    from commitments.errors import NewerStoreError as NewerStoreError
    from commitments.errors import NotFoundError as NotFoundError
    from commitments.errors import OutputError as OutputError
    from commitments.errors import StoreError as StoreError
    from commitments.extraction import AliasTable as AliasTable
    from commitments.extraction import extract as extract
    from commitments.extraction import extract_document as extract_document
    from commitments.extraction import parse_due as parse_due
    from commitments.outputs.atomic import write_atomic as write_atomic
    from commitments.outputs.caldav import PublishResult as PublishResult
    from commitments.outputs.caldav import publish_caldav as publish_caldav
    from commitments.outputs.calendar import DEFAULT_NAME as DEFAULT_NAME
    from commitments.outputs.calendar import EVENT_STYLES as EVENT_STYLES
    from commitments.outputs.calendar import to_ical as to_ical
    from commitments.outputs.entries import select as select
    from commitments.outputs.feeds import Feeds as Feeds
    from commitments.outputs.feeds import base_url as base_url
    from commitments.outputs.feeds import make_server as make_server
    from commitments.outputs.page import Filters as Filters
    from commitments.outputs.page import StatusPage as StatusPage
    from commitments.outputs.page import render_page as render_page
    from commitments.outputs.server import MAX_CONNECTIONS as MAX_CONNECTIONS
    from commitments.outputs.snapshot import snapshot as snapshot
    from commitments.outputs.sources import DocumentInfo as DocumentInfo
    from commitments.outputs.sources import Sources as Sources
    from commitments.outputs.table import printable as printable
    from commitments.outputs.table import table as table
    from commitments.outputs.table import wrap as wrap
    from commitments.readers import ReadFailure as ReadFailure
    from commitments.readers import read_path as read_path
    from commitments.readers import read_sources as read_sources
    from commitments.readers import read_text as read_text
    from commitments.readers import read_url as read_url
    from commitments.readers.detect import FORMATS as FORMATS
    from commitments.readers.detect import normalize_format as normalize_format
    from commitments.readers.extracted import read_records as read_records
    from commitments.readers.extracted import to_record as to_record
    from commitments.records import Commitment as Commitment
    from commitments.records import Document as Document
    from commitments.records import Kind as Kind
    from commitments.records import Resolution as Resolution
    from commitments.records import Source as Source
    from commitments.records import Status as Status
    from commitments.records import Tracked as Tracked
    from commitments.records import Turn as Turn
    from commitments.records import Window as Window
    from commitments.timex.vague import load_vague as load_vague
    from commitments.tracker import AddResult as AddResult
    from commitments.tracker import Group as Group
    from commitments.tracker import Report as Report
    from commitments.tracker import Tracker as Tracker
    from commitments.tracker import TrackRecord as TrackRecord
    from commitments.tracker import default_db_path as default_db_path
    from commitments.tracker.records import Entry as Entry
    from commitments.tracker.report import entry_json as entry_json
    from commitments.tracker.report import group_of as group_of
    from commitments.tracker.report import history_json as history_json
    from commitments.tracker.report import parse_duration as parse_duration
    from commitments.tracker.report import parse_groups as parse_groups
    from commitments.tracker.timeline import revisions as revisions


def _exports() -> dict[str, tuple[str, str]]:
    """Each public name → (module, name there): the imports under ``TYPE_CHECKING`` above."""
    import ast
    import importlib.abc

    loader = __spec__.loader if __spec__ is not None else None
    source = (
        loader.get_source(__name__) if isinstance(loader, importlib.abc.InspectLoader) else None
    )
    if source is None:
        raise ImportError("commitments needs its source (__init__.py) to list its public API")
    found: dict[str, tuple[str, str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "_typing.TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    for alias in statement.names:
                        found[alias.asname or alias.name] = (statement.module, alias.name)
    return found


_EXPORTS = _exports()

__all__ = sorted(_EXPORTS)  # noqa: PLE0605 - read from the one list above, sorted


def __getattr__(name: str) -> _typing.Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'commitments' has no attribute {name!r}")
    import importlib

    module, attribute = _EXPORTS[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
