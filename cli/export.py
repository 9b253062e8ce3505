"""``commitments export``: the commitments as an iCalendar file."""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs
import click

from cli._tracker import (
    ALARM,
    as_of_option,
    db_option,
    documents,
    existing_store,
    input_options,
    open_tracker,
    selected,
    speaker_option,
    status_option,
    today,
)
from cli.options import Inputs, vague_option
from commitments import (
    DEFAULT_NAME,
    EVENT_STYLES,
    Commitment,
    CommitmentsError,
    Document,
    DocumentInfo,
    Group,
    Sources,
    Tracked,
    extract_document,
    load_vague,
    snapshot,
    to_ical,
    write_atomic,
)
from commitments import base_url as public_base

F = TypeVar("F", bound=Callable[..., Any])
EventStyle = Literal["due-day", "window"]


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
    path = existing_store(db)

    def records() -> list[Tracked]:
        with open_tracker(path) as tracker:
            return [entry.tracked for entry in tracker.entries()]

    return records


def store_sources(db: Path | None, base: str | None) -> Callable[[], Sources]:
    """A function that reads how the store's documents are named in public (titles, URLs)."""
    path = existing_store(db)

    def sources() -> Sources:
        with open_tracker(path) as tracker:
            known = {
                name: DocumentInfo(title=title, published=published, url=url)
                for name, url, title, published in tracker.store.documents()
            }
        return Sources(documents=known, base=base)

    return sources


def source_base(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--source-base``: an http(s) URL under which the documents are published."""
    if value is None:
        return None
    try:
        return public_base(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def source_base_option(function: F) -> F:
    return click.option(
        "--source-base",
        metavar="URL",
        callback=source_base,
        help="Where the documents are published (https://example.org/archive): sources link"
        " there by their names as added. Local paths are never written.",
    )(function)


def events_option(function: F) -> F:
    return click.option(
        "--events",
        type=click.Choice(EVENT_STYLES),
        default="due-day",
        show_default=True,
        help="due-day: one all-day event on each deadline, the window in its description;"
        " window: one event over the whole due window.",
    )(function)


def alarm_option(function: F) -> F:
    return click.option(
        "--alarm",
        type=ALARM,
        metavar="DURATION",
        help="A reminder this long before each deadline (30m, 2h, 1d, 1w).",
    )(function)


def file_records(
    files: tuple[str, ...], inputs: Inputs | None = None, vague: Path | None = None
) -> tuple[list[Tracked], dict[str, DocumentInfo]]:
    """The commitments in FILES, each as a never-changed record (nothing is stored), and what is
    known of each document."""
    table = load_vague(vague) if vague is not None else None
    known: dict[str, DocumentInfo] = {}
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
        known[document.name] = DocumentInfo(
            title=document.title, published=document.published, url=document.url
        )
        try:
            found.append((document, list(extract_document(document, vague=table))))
        except CommitmentsError as exc:
            failures.append(exc)
    if failures:
        for failure in failures[:-1]:
            click.echo(f"Error: {failure}", err=True)
        raise CommitmentsError(f"{failures[-1]} (nothing was written)")
    return snapshot(found), known


@click.command(short_help="Write the commitments as an iCalendar file: events or tasks.")
@click.argument("files", nargs=-1, metavar="[FILE…|DIR|-]")
@click.option(
    "-o",
    "--output",
    "--ics",
    "output",
    default="-",
    show_default=True,
    metavar="PATH|-",
    help="Write the calendar to PATH (replaced whole, never half-written) or - for stdout.",
)
@speaker_option
@status_option("statuses")
@as_of_option
@click.option(
    "--todo",
    is_flag=True,
    help="VTODO tasks (DUE = deadline) for task apps instead of events. Google and iOS ignore"
    " VTODO.",
)
@click.option("--name", help=f"The calendar's name in the app.  [default: {DEFAULT_NAME}]")
@events_option
@alarm_option
@source_base_option
@input_options
@vague_option
@db_option
def export(
    files: tuple[str, ...],
    inputs: Inputs,
    output: str,
    speaker: tuple[str, ...],
    statuses: tuple[frozenset[Group], ...],
    as_of: dt.date | None,
    todo: bool,
    name: str | None,
    events: EventStyle,
    alarm: dt.timedelta | None,
    source_base: str | None,
    vague: Path | None,
    db: Path | None,
) -> None:
    """Write the commitments as iCalendar: an all-day event on each deadline, or tasks.

    From the store, or with FILEs from those files (nothing is stored). The same commitments give
    the same bytes, so a calendar app that subscribes to the file sees changes only when there are
    some.

    \b
    Examples:
      commitments export -o ~/public/commitments.ics --alarm 1d
      commitments export seeds/putin-zelenskyy-moscow.md --as-of 2025-09-03
      commitments export --todo --speaker Trump --status due-soon -o tasks.ics
    """
    day = as_of or today()
    if files:
        records, known = file_records(files, inputs, vague)
        sources = Sources(documents=known, base=source_base)
    else:
        records = store_records(db)()
        sources = store_sources(db, source_base)()
    chosen = selected(records, as_of=day, speakers=speaker, statuses=statuses)
    data = to_ical(
        chosen,
        as_of=day,
        name=name or DEFAULT_NAME,
        todo=todo,
        events=events,
        alarm=alarm,
        sources=sources,
    )
    if output == "-":
        click.echo(data, nl=False)  # bytes go to the binary stream: CRLF stays CRLF
        return
    with _terminated_as_exit():
        write_atomic(Path(output).expanduser(), data)
    count = len(chosen) if todo else sum(1 for r in chosen if r.commitment.due is not None)
    noun = ("task" if todo else "event") + ("" if count == 1 else "s")
    click.echo(f"{output}: {count} {noun}", err=True)
