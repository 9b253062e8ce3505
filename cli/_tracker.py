"""Options and helpers shared by the tracker commands (add, status, show, resolve)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    Tracked,
    Tracker,
    default_db_path,
    parse_duration,
    parse_groups,
    select,
)

__all__ = [
    "ALARM",
    "DATE",
    "DURATION",
    "GROUPS",
    "color",
    "db_option",
    "documents",
    "existing_store",
    "input_options",
    "now",
    "open_tracker",
    "selected",
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


def existing_store(db: Path | None) -> Path:
    """The store a command that only reads (or changes what is in it) works on: ``--db``, else
    the default one. It must exist: a mistyped path is an error, never a new empty store."""
    path = db if db is not None else default_db_path(os.environ)
    if not path.is_file():
        raise StoreError(
            "no commitment store here; track some first (commitments add FILE) or give --db",
            source=str(path),
        )
    return path


def open_tracker(db: Path | None, *, create: bool = True) -> Tracker:
    """The tracker on ``--db``, else on the default store (its folder made if missing).

    ``create=False``: the store must exist already (:func:`existing_store`).
    """
    if not create:
        return Tracker(existing_store(db))
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
    """Days or weeks with their unit: 7d, 10 days, 2w (a bare number is refused: 3 what?)."""

    name = "DURATION"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.timedelta):
            return value
        if str(value).strip().isdigit():
            self.fail(f"{value!r} has no unit: write {value}d or {value}w", param, ctx)
        try:
            return parse_duration(str(value))
        except DateError as exc:
            self.fail(exc.message, param, ctx)


_ALARM = re.compile(r"^\s*(\d{1,4})\s*(m|min|minutes?|h|hours?|d|days?|w|weeks?)\s*$", re.I)
_ALARM_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class AlarmType(click.ParamType[dt.timedelta]):
    """How long before a deadline to remind: 30m, 2h, 1d, 1w."""

    name = "DURATION"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.timedelta):
            return value
        match = _ALARM.match(str(value))
        if not match:
            self.fail(f"{value!r} is not a duration: write 30m, 2h, 1d or 1w", param, ctx)
        unit = _ALARM_UNITS[match.group(2)[0].casefold()]
        return dt.timedelta(**{unit: int(match.group(1))})


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
ALARM = AlarmType()
GROUPS = GroupsType()

speaker_option = click.option(
    "--speaker",
    multiple=True,
    metavar="NAME",
    help='Only commitments by NAME ("Trump" matches "Donald Trump"); repeatable.',
)
"""``--speaker NAME``, the same on every command that selects commitments."""
as_of_option = click.option(
    "--as-of", type=DATE, help="The day statuses are for (YYYY-MM-DD). Default: today."
)
"""``--as-of DATE`` for the commands that give statuses as of a day."""


def status_option(dest: str) -> Callable[[F], F]:
    """``--status LIST`` (into the parameter ``dest``), the same on every command."""
    return click.option(
        "--status",
        dest,
        type=GROUPS,
        multiple=True,
        help="Only these, comma-separated: expired, due-soon, pending, open, kept, broken,"
        " withdrawn.",
    )


def selected(
    records: Iterable[Tracked],
    *,
    as_of: dt.date,
    speakers: Sequence[str],
    statuses: Sequence[frozenset[Group]],
) -> list[Tracked]:
    """The records that ``--speaker`` and ``--status`` (its groups, as parsed) choose."""
    wanted = sorted({group.value for chosen in statuses for group in chosen})
    return select(records, as_of=as_of, speakers=speakers, statuses=wanted)


def documents(
    sources: Sequence[str], inputs: Inputs | None = None
) -> Iterator[Document | InputError]:
    """Each source's document, or the error that stopped it being read (the rest go on).

    The one place the tracker commands read files: through :func:`commitments.readers.read_sources`.
    """
    return (inputs or Inputs()).documents(sources)
