"""``commitments serve``: live iCalendar feeds of the store for calendar apps to subscribe to."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from cli._tracker import db_option
from cli.export import store_records
from commitments import DEFAULT_NAME, Feeds, make_server


def _clock() -> dt.datetime:
    """Local time, aware: its date is each request's default as-of (the library has no clock)."""
    return dt.datetime.now(dt.UTC).astimezone()


@click.command()
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
@click.option("--quiet", "-q", is_flag=True, help="Do not log each request to stderr.")
@db_option
def serve(host: str, port: int, name: str, quiet: bool, db: Path | None) -> None:
    """Serve the store's commitments as calendar feeds until interrupted (Ctrl-C).

    /calendar.ics has one event per dated commitment, /todo.ics one task per commitment,
    /speakers/NAME.ics one speaker's events, and / an index with webcal:// links. Filter any
    feed with ?speaker=NAME&status=pending,expired&as-of=YYYY-MM-DD. Each request reads the store,
    so `commitments add` and `resolve` show at the next refresh.

    \b
    Example:
      commitments serve --port 8765
      # then subscribe to webcal://127.0.0.1:8765/calendar.ics
    """
    feeds = Feeds(records=store_records(db), clock=_clock, name=name)
    log = None if quiet else (lambda line: click.echo(line, err=True))
    server = make_server(feeds, host=host, port=port, log=log)
    url = server.url
    click.echo(f"Serving on {url}/", nl=True)
    click.echo(f"Subscribe: {url.replace('http://', 'webcal://', 1)}/calendar.ics")
    sys.stdout.flush()  # the address, before serving: a script may be waiting for it
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        server.server_close()
