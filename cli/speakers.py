"""``commitments speakers``: who the store's commitments are by, and which names are one."""

from __future__ import annotations

from pathlib import Path

import click

from cli._tracker import db_option, now, open_tracker
from commitments import printable


@click.group(invoke_without_command=True)
@click.option(
    "--aliases",
    "alias_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help='A TOML alias table ([aliases] "Canonical" = ["alias", …]) to record as merges.',
)
@db_option
@click.pass_context
def speakers(ctx: click.Context, alias_file: Path | None, db: Path | None) -> None:
    """List speakers with their aliases; merge or split them (reversible, recorded).

    \b
    Examples:
      commitments speakers
      commitments speakers --aliases aliases.toml
      commitments speakers merge "Volodymyr Zelenskyy" Zelensky Zelenskyy
      commitments speakers split "Volodymyr Zelenskyy" Zelensky
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    with open_tracker(db) as tracker:
        if alias_file is not None:
            tracker.load_aliases(alias_file, now=now())
        listing = tracker.speakers()
    if not listing:
        click.echo("No speakers yet: add documents with `commitments add FILE`.")
    for name, (count, aliases) in listing.items():
        also = f"  (also: {', '.join(aliases)})" if aliases else ""
        click.echo(f"{printable(name)}  {count} commitment{'s' if count != 1 else ''}{also}")


@speakers.command()
@click.argument("canonical")
@click.argument("aliases", nargs=-1, required=True)
@click.pass_context
def merge(ctx: click.Context, canonical: str, aliases: tuple[str, ...]) -> None:
    """Take ALIASES as other names of CANONICAL (undo with `split`)."""
    with open_tracker(ctx.obj["db"]) as tracker:
        tracker.merge_speakers(canonical, aliases, now=now())
    click.echo(f"Merged into {canonical}: {', '.join(aliases)}")


@speakers.command()
@click.argument("canonical")
@click.argument("aliases", nargs=-1, required=True)
@click.pass_context
def split(ctx: click.Context, canonical: str, aliases: tuple[str, ...]) -> None:
    """Take ALIASES as their own speakers again, no longer CANONICAL."""
    with open_tracker(ctx.obj["db"]) as tracker:
        tracker.split_speakers(canonical, aliases, now=now())
    click.echo(f"Split from {canonical}: {', '.join(aliases)}")
