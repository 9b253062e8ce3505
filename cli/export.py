"""``commitments export``: the commitments as an iCalendar file."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import click

from cli._tracker import DATE, db_option, documents, input_options, open_tracker, today
from cli.options import Inputs
from commitments import (
    DEFAULT_NAME,
    Commitment,
    CommitmentsError,
    Document,
    Status,
    StoreError,
    Tracked,
    default_db_path,
    extract_document,
    select,
    snapshot,
    to_ical,
    write_atomic,
)


class StatusesType(click.ParamType[tuple[Status, ...]]):
    """Statuses, comma-separated: pending, expired, kept, broken, open, withdrawn."""

    name = "LIST"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value
        found = []
        for word in filter(None, (part.strip().casefold() for part in str(value).split(","))):
            try:
                found.append(Status(word))
            except ValueError:
                known = ", ".join(status.value for status in Status)
                self.fail(f"{word!r} is not a status: use {known}", param, ctx)
        return tuple(found)


STATUSES = StatusesType()


@contextlib.contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """SIGTERM (``kill``, a service stopping) while writing ends like Ctrl-C: the temporary file
    is removed and the old calendar stays. (SIGKILL cannot be caught: the next write removes it.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def stop(number: int, frame: object) -> None:
        raise SystemExit(128 + number)

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def store_records(db: Path | None) -> Callable[[], list[Tracked]]:
    """A function that reads every tracked record from the store, opening it afresh each call.

    The store must exist already: an export or a feed of a mistyped path would be silently empty.
    """
    path = db if db is not None else default_db_path(os.environ)
    if not path.is_file():
        raise StoreError(
            "no commitment store here; track some first (commitments add FILE) or give --db",
            source=str(path),
        )

    def records() -> list[Tracked]:
        with open_tracker(path) as tracker:
            return [entry.tracked for entry in tracker.entries()]

    return records


def file_records(files: tuple[str, ...], inputs: Inputs | None = None) -> list[Tracked]:
    """The commitments in FILES, each as a never-changed record (nothing is stored)."""
    found: list[tuple[Document, list[Commitment]]] = []
    failures: list[CommitmentsError] = []
    for document in documents(files, inputs):
        if isinstance(document, CommitmentsError):
            failures.append(document)
            continue
        if document.published is None:
            click.echo(
                f"Note: {document.name} has no publication date; taking it as published today.",
                err=True,
            )
            document = attrs.evolve(document, published=today())
        try:
            found.append((document, list(extract_document(document))))
        except CommitmentsError as exc:
            failures.append(exc)
    if failures:
        for failure in failures[:-1]:
            click.echo(f"Error: {failure}", err=True)
        raise CommitmentsError(f"{failures[-1]} (nothing was written)")
    return snapshot(found)


@click.command()
@click.argument("files", nargs=-1, metavar="[FILE…|DIR|-]")
@click.option(
    "--ics",
    "output",
    default="-",
    show_default=True,
    metavar="PATH|-",
    help="Write the calendar to PATH (replaced whole, never half-written) or - for stdout.",
)
@click.option(
    "--speaker",
    multiple=True,
    metavar="NAME",
    help='Only commitments by NAME ("Trump" matches "Donald Trump"); repeatable.',
)
@click.option(
    "--status",
    "statuses",
    type=STATUSES,
    multiple=True,
    help="Only these statuses on --as-of, comma-separated: pending, expired, kept, broken, open,"
    " withdrawn.",
)
@click.option("--as-of", type=DATE, help="The day statuses are for (YYYY-MM-DD). Default: today.")
@click.option(
    "--todo",
    is_flag=True,
    help="VTODO tasks (DUE = deadline) for task apps instead of events. Google and iOS ignore"
    " VTODO.",
)
@click.option("--name", help=f"The calendar's name in the app.  [default: {DEFAULT_NAME}]")
@input_options
@db_option
def export(
    files: tuple[str, ...],
    inputs: Inputs,
    output: str,
    speaker: tuple[str, ...],
    statuses: tuple[tuple[Status, ...], ...],
    as_of: dt.date | None,
    todo: bool,
    name: str | None,
    db: Path | None,
) -> None:
    """Write the commitments as iCalendar: one all-day event over each due window.

    From the store, or with FILEs from those files (nothing is stored). The same commitments give
    the same bytes, so a calendar app that subscribes to the file sees changes only when there are
    some.

    \b
    Examples:
      commitments export --ics ~/public/commitments.ics
      commitments export seeds/putin-zelenskyy-moscow.md --as-of 2025-09-03
      commitments export --todo --speaker Trump --status pending,expired --ics trump-tasks.ics
    """
    day = as_of or today()
    records = file_records(files, inputs) if files else store_records(db)()
    wanted = [status for group in statuses for status in group]
    chosen = select(records, as_of=day, speakers=speaker, statuses=wanted)
    data = to_ical(chosen, as_of=day, name=name or DEFAULT_NAME, todo=todo)
    if output == "-":
        click.echo(data, nl=False)  # bytes go to the binary stream: CRLF stays CRLF
        return
    with _terminated_as_exit():
        write_atomic(Path(output).expanduser(), data)
    count = len(chosen) if todo else sum(1 for r in chosen if r.commitment.due is not None)
    noun = ("task" if todo else "event") + ("" if count == 1 else "s")
    click.echo(f"{output}: {count} {noun}", err=True)
