"""``commitments publish``: put the store's commitments into a CalDAV calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cli._tracker import (
    as_of_option,
    db_option,
    selected,
    speaker_option,
    status_option,
    today,
)
from cli.export import (
    EventStyle,
    alarm_option,
    events_option,
    source_base_option,
    store_records,
    store_sources,
)
from commitments import DEFAULT_NAME, Group
from commitments import publish_caldav as publish_to


@click.command(short_help="Put the commitments into a CalDAV calendar (idempotent).")
@click.option(
    "--caldav",
    "url",
    required=True,
    metavar="URL",
    help="The CalDAV server (https://dav.example.org/, a Radicale or Nextcloud address).",
)
@click.option("--user", help="The user name on the server.")
@click.option(
    "--password",
    envvar="COMMITMENTS_CALDAV_PASSWORD",
    show_envvar=True,
    help="The password (better given by the environment variable than on the command line).",
)
@click.option(
    "--calendar",
    default=DEFAULT_NAME,
    show_default=True,
    help="The calendar's display name on the server; made if missing.",
)
@speaker_option
@status_option("statuses")
@as_of_option
@click.option("--todo", is_flag=True, help="VTODO tasks (DUE = deadline) instead of events.")
@events_option
@alarm_option
@source_base_option
@db_option
def publish(
    url: str,
    user: str | None,
    password: str | None,
    calendar: str,
    speaker: tuple[str, ...],
    statuses: tuple[frozenset[Group], ...],
    as_of: dt.date | None,
    todo: bool,
    events: EventStyle,
    alarm: dt.timedelta | None,
    source_base: str | None,
    db: Path | None,
) -> None:
    """Put the store's commitments into a CalDAV calendar, one event (or task) each.

    Idempotent: an entry the server already holds as it is, is not sent again; a changed one
    (a resolution, a deadline passed) replaces the old one by its UID.

    \b
    Example:
      export COMMITMENTS_CALDAV_PASSWORD=…
      commitments publish --caldav https://dav.example.org/ --user me --alarm 1d
    """
    day = as_of or today()
    records = store_records(db)()
    sources = store_sources(db, source_base)()
    chosen = selected(records, as_of=day, speakers=speaker, statuses=statuses)
    result = publish_to(
        chosen,
        url=url,
        user=user,
        password=password,
        calendar=calendar,
        as_of=day,
        todo=todo,
        events=events,
        alarm=alarm,
        sources=sources,
    )
    click.echo(
        f"{calendar}: {len(result.created)} created, {len(result.updated)} updated,"
        f" {result.unchanged} unchanged"
    )
