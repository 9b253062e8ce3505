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
    type=click.Choice(
        ["kept", "broken", "withdrawn", "open", "accept", "reject"], case_sensitive=False
    ),
    metavar="kept|broken|withdrawn|open|accept|reject",
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
    every resolution stays in the history (`commitments show ID`). With `accept` or `reject`,
    ID is a suggested follow-up link, as `commitments status --suggested` lists it.

    \b
    Examples:
      commitments resolve 3f2a kept --on 2025-09-05 --evidence https://ex.org/call
      commitments resolve 9c1d0e7a5b3f2a61 accept
    """
    if resolution.casefold() in ("accept", "reject"):
        reject = resolution.casefold() == "reject"
        with open_tracker(db, create=False) as tracker:
            entry = tracker.accept(id, now=now(), reject=reject)
            width = tracker.short_id_length()
        c = entry.tracked.commitment
        verb = "Rejected" if reject else "Linked"
        click.echo(f"{verb}: {entry.id[:width]}  {c.speaker or '—'}: {c.action}")
        return
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
