"""``commitments extract``."""

from __future__ import annotations

import click


@click.command()
@click.argument("files", nargs=-1, required=True)
def extract(files: tuple[str, ...]) -> None:
    """Print the commitments found in FILES (or - for standard input)."""
    raise click.UsageError("not yet")
