"""``commitments record``: each speaker's track record as of a day."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from cli._tracker import DATE, db_option, open_tracker, today
from commitments import printable


@click.command()
@click.argument("speakers", nargs=-1, metavar="[SPEAKER…]")
@click.option("--as-of", type=DATE, help="The day to report on (YYYY-MM-DD). Default: today.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="How to print the records: a table, JSON or CSV.",
)
@db_option
def record(speakers: tuple[str, ...], as_of: dt.date | None, fmt: str, db: Path | None) -> None:
    """Show each speaker's track record: commitments made, kept, broken, lapsed, revised.

    Lapsed: expired with no outcome. Revisions: how many times a deadline was moved or renewed.
    Days late: the median for those kept after their deadline.

    \b
    Examples:
      commitments record --as-of 2025-09-10
      commitments record Trump --format csv
    """
    day = as_of or today()
    with open_tracker(db) as tracker:
        result = tracker.record(list(speakers), as_of=day)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        click.echo(result.to_csv(), nl=False)
        return
    if not result.speakers:
        click.echo(f"No commitments by {'these speakers' if speakers else 'anyone'} yet.")
        return
    heads = ("made", "kept", "broken", "lapsed", "withdrawn", "open", "pending", "revisions")
    width = max(len(printable(s.speaker)) for s in result.speakers)
    click.echo(f"Track record as of {day.isoformat()}")
    click.echo(f"{'speaker':<{width}}  " + "  ".join(heads) + "  days late (median)")
    for s in result.speakers:
        cells = "  ".join(f"{getattr(s, h):>{len(h)}}" for h in heads)
        late = f"{s.median_days_late:g} ({s.kept_late} kept late)" if s.kept_late else "—"
        click.echo(f"{printable(s.speaker):<{width}}  {cells}  {late}")
