"""``commitments report --html FILE``: the status page as one static HTML file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from cli._tracker import (
    as_of_option,
    db_option,
    existing_store,
    input_options,
    open_tracker,
    speaker_option,
    status_option,
    today,
)
from cli.export import _terminated_as_exit, file_records
from cli.options import Inputs, vague_option
from commitments import (
    DEFAULT_NAME,
    Entry,
    Filters,
    Group,
    InputError,
    Tracked,
    TrackRecord,
    render_page,
    write_atomic,
)
from commitments import base_url as feeds_base_url


def store_entries(db: Path | None) -> Callable[[], Sequence[Entry]]:
    """A function that reads every entry (record, mentions, history) from the store, opening it
    afresh each call."""
    path = existing_store(db)

    def entries() -> Sequence[Entry]:
        with open_tracker(path) as tracker:
            return tracker.entries()

    return entries


def store_track_records(db: Path | None) -> Callable[[dt.date], TrackRecord]:
    """A function that gives every speaker's track record on a day (``Tracker.record``),
    opening the store afresh each call."""
    path = existing_store(db)

    def records(as_of: dt.date) -> TrackRecord:
        with open_tracker(path) as tracker:
            return tracker.record(as_of=as_of)

    return records


@click.command()
@click.argument("files", nargs=-1, metavar="[FILE…|DIR|-]")
@click.option(
    "-o",
    "--output",
    "--html",
    "output",
    required=True,
    metavar="PATH|-",
    help="Write the status page to PATH (replaced whole, never half-written) or - for stdout.",
)
@as_of_option
@speaker_option
@click.option(
    "--kind",
    multiple=True,
    metavar="LIST",
    help="Only these kinds, comma-separated: promise, threat, deadline, offer, demand.",
)
@status_option("status")
@click.option("--name", default=DEFAULT_NAME, show_default=True, help="The page's title.")
@click.option(
    "--base-url",
    metavar="URL",
    help="Where `commitments serve` publishes the feeds (https://example.org/feeds): the page"
    " links each item's calendar feed (webcal, https, Google Calendar) there.",
)
@input_options
@vague_option
@db_option
def report(
    files: tuple[str, ...],
    inputs: Inputs,
    output: str,
    as_of: dt.date | None,
    speaker: tuple[str, ...],
    kind: tuple[str, ...],
    status: tuple[frozenset[Group], ...],
    name: str,
    base_url: str | None,
    vague: Path | None,
    db: Path | None,
) -> None:
    """Write the status page as one HTML file: due soon, lapsed, kept, broken, and timelines.

    The same page as `commitments serve` shows at /status, with its CSS and SVG inline: it
    opens with no network, for e-mail or a static site. From the store, or with FILEs from those
    files (nothing is stored).

    \b
    Examples:
      commitments report --html status.html
      commitments report seeds/putin-zelenskyy-moscow.md --as-of 2025-09-03 -o -
      commitments report -o public/index.html --base-url https://example.org/feeds
    """
    if base_url is not None:
        try:
            base_url = feeds_base_url(base_url)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--base-url") from None
    try:
        wanted = [group.value for chosen in status for group in chosen]
        filters = Filters.from_query({"speaker": speaker, "kind": kind, "status": wanted})
    except InputError as exc:
        raise click.UsageError(exc.message) from None
    day = as_of or today()
    if files:  # nothing tracked: each speaker's record counts their statuses
        items: Sequence[Tracked | Entry] = file_records(files, inputs, vague)[0]
        records = None
    else:
        items = store_entries(db)()
        records = store_track_records(db)(day).speakers
    page = render_page(
        items,
        as_of=day,
        filters=filters,
        name=name,
        base_url=base_url,
        static=True,
        records=records,
    )
    data = page.encode("utf-8")
    if output == "-":
        click.echo(data, nl=False)
        return
    with _terminated_as_exit():
        write_atomic(Path(output).expanduser(), data)
    click.echo(f"{output}: the status page on {day.isoformat()}", err=True)
