"""``commitments resolve``: record that a commitment was kept, broken or withdrawn."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cli._tracker import DATE, db_option, now, open_tracker, today
from cli.options import terminal_width
from commitments import wrap


@click.command(short_help="Record that a commitment was kept, broken or withdrawn.")
@click.argument("id")
@click.argument(
    "resolution",
    type=click.Choice(["kept", "broken", "withdrawn", "open"], case_sensitive=False),
    metavar="kept|broken|withdrawn|open",
)
@click.option("--on", "on", type=DATE, help="The day it happened (YYYY-MM-DD). Default: today.")
@click.option("--note", help="What happened, in a few words.")
@click.option("--evidence", metavar="URL", help="A web page that shows it.")
@db_option
def resolve(
    id: str,
    resolution: str,
    on: dt.date | None,
    note: str | None,
    evidence: str | None,
    db: Path | None,
) -> None:
    """Record that a commitment was kept, broken or withdrawn.

    ID is the commitment's id or a unique prefix of it. `open` undoes an earlier resolution;
    every resolution stays in the history (`commitments show ID`).

    \b
    Example:
      commitments resolve 3f2a kept --on 2025-09-05 --evidence https://ex.org/call
    """
    with open_tracker(db, create=False) as tracker:
        tracked = tracker.resolve(
            id, resolution, on=on or today(), now=now(), note=note, evidence=evidence
        )
        width = tracker.short_id_length()
    c = tracked.commitment
    day = tracked.resolution.on.isoformat() if tracked.resolution else ""
    text = f"{tracked.id[:width]}  {resolution.casefold()} on {day}: {c.speaker or '—'}: {c.action}"
    for line in wrap(text, terminal_width()):
        click.echo(line)
