"""Options and helpers shared by the tracker commands (add, status, show, resolve)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from cli.options import DATE, Inputs, input_options, today
from commitments import (
    CommitmentsError,
    DateError,
    Document,
    Group,
    InputError,
    StoreError,
    Tracker,
    default_db_path,
    parse_duration,
    parse_groups,
)

__all__ = [
    "DATE",
    "DURATION",
    "GROUPS",
    "color",
    "db_option",
    "documents",
    "input_options",
    "now",
    "open_tracker",
    "today",
]

F = TypeVar("F", bound=Callable[..., Any])


def db_option(function: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="COMMITMENTS_DB",
        show_envvar=True,
        help="The commitment store (SQLite). Default: commitments/commitments.db in your data"
        " folder (~/.local/share on Linux).",
    )(function)


def open_tracker(db: Path | None) -> Tracker:
    """The tracker on ``--db``, else on the default store (its folder made if missing)."""
    if db is None:
        db = default_db_path(os.environ)
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot make its folder ({exc.strerror})", source=str(db)) from exc
    return Tracker(db)


def now() -> dt.datetime:
    """The CLI's clock: the library never reads one."""
    return dt.datetime.now(dt.UTC)


def color() -> bool | None:
    """``False`` when NO_COLOR is set (https://no-color.org), else let click decide (a tty)."""
    return False if os.environ.get("NO_COLOR") else None


class DurationType(click.ParamType[dt.timedelta]):
    name = "DURATION"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.timedelta):
            return value
        try:
            return parse_duration(str(value))
        except DateError as exc:
            self.fail(exc.message, param, ctx)


class GroupsType(click.ParamType[frozenset[Group]]):
    """A comma-separated list of statuses: expired,due-soon,pending,open,kept,broken,withdrawn."""

    name = "LIST"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, frozenset):
            return value
        try:
            return parse_groups(str(value))
        except CommitmentsError as exc:
            self.fail(exc.message, param, ctx)


DURATION = DurationType()
GROUPS = GroupsType()


def documents(
    sources: Sequence[str], inputs: Inputs | None = None
) -> Iterator[Document | InputError]:
    """Each source's document, or the error that stopped it being read (the rest go on).

    The one place the tracker commands read files: through :func:`commitments.readers.read_sources`.
    """
    return (inputs or Inputs()).documents(sources)
