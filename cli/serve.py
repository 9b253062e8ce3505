"""``commitments serve``: live iCalendar feeds of the store for calendar apps to subscribe to."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import attrs
import click

from cli._tracker import db_option
from cli.export import (
    EventStyle,
    alarm_option,
    events_option,
    source_base_option,
    store_records,
    store_sources,
)
from cli.report import store_entries, store_track_records
from commitments import DEFAULT_NAME, MAX_CONNECTIONS, Feeds, StatusPage, make_server
from commitments import base_url as feeds_base_url

_WILDCARDS = ("0.0.0.0", "::", "")


def _clock() -> dt.datetime:
    """Local time, aware: its date is each request's default as-of (the library has no clock)."""
    return dt.datetime.now(dt.UTC).astimezone()


@click.command(short_help="Serve the commitments as calendar feeds for apps to subscribe.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on; 0.0.0.0 lets other machines subscribe.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="The port; 0 picks a free one (the first line printed says which).",
)
@click.option("--name", default=DEFAULT_NAME, show_default=True, help="The calendars' name.")
@click.option(
    "--base-url",
    metavar="URL",
    help="Where subscribers reach the feeds (https://example.org/feeds, behind a proxy): the"
    " webcal:// links start with it. Default: the address listened on.",
)
@click.option(
    "--max-connections",
    type=click.IntRange(1, 100_000),
    default=MAX_CONNECTIONS,
    show_default=True,
    help="Open connections at most (fewer if the open-file limit is low); past it, the oldest"
    " waiting connection is closed.",
)
@click.option("--quiet", "-q", is_flag=True, help="Do not log each request to stderr.")
@events_option
@alarm_option
@source_base_option
@db_option
def serve(
    host: str,
    port: int,
    name: str,
    base_url: str | None,
    max_connections: int,
    quiet: bool,
    events: EventStyle,
    alarm: dt.timedelta | None,
    source_base: str | None,
    db: Path | None,
) -> None:
    """Serve the store's commitments as calendar feeds until interrupted (Ctrl-C).

    /calendar.ics has one event per dated commitment, /todo.ics one task per commitment,
    /speakers/NAME.ics one speaker's events, / an index with webcal://, https:// and Google
    Calendar links and a link to each speaker's track record, and /status a page of what is due
    soon, lapsed, kept and broken, with each speaker's timeline and record. Filter any feed with
    ?speaker=NAME&status=due-soon,expired&events=window&as-of=YYYY-MM-DD. Each request reads
    the store, so `commitments add` and `resolve` show at the next refresh.

    \b
    Example:
      commitments serve --port 8765
      # then subscribe to webcal://127.0.0.1:8765/calendar.ics
    """
    if base_url is not None:
        try:
            base_url = feeds_base_url(base_url)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--base-url") from None
    records = store_records(db)
    sources = store_sources(db, source_base)
    log = None if quiet else (lambda line: click.echo(line, err=True))
    feeds = Feeds(
        records=records, clock=_clock, name=name, sources=sources, events=events, alarm=alarm
    )
    server = make_server(
        feeds,
        host=host,
        port=port,
        log=log,
        max_connections=max_connections,
    )
    url = server.url
    if base_url is None and host not in _WILDCARDS:
        base_url = url
    track_records = store_track_records(db)
    page = StatusPage(
        items=store_entries(db),
        records=lambda day: track_records(day).speakers,
        name=name,
        base_url=base_url,
    )
    server.feeds = attrs.evolve(feeds, base_url=base_url, page=page)
    click.echo(f"Serving on {url}/", nl=True)
    if base_url is None:
        click.echo(
            "Note: listening on every address; pass --base-url (https://HOST/…) so that the"
            " index's webcal:// links name this machine.",
            err=True,
        )
    shown = (base_url or url).split("://", 1)[1]
    click.echo(f"Subscribe: webcal://{shown}/calendar.ics")
    click.echo(f"Status page: {base_url or url}/status")
    sys.stdout.flush()  # the address, before serving: a script may be waiting for it
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        server.server_close()
