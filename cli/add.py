"""``commitments add``: track the commitments in documents."""

from __future__ import annotations

from pathlib import Path

import click

from cli._tracker import db_option, documents, now, open_tracker
from commitments.errors import CommitmentsError, DateError, InputError


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="FILE…|DIR|-")
@db_option
@click.pass_context
def add(ctx: click.Context, sources: tuple[str, ...], db: Path | None) -> None:
    """Track the commitments in documents: FILEs, the files in DIRs, or standard input (-).

    Adding a document twice adds nothing; a commitment that several documents report (or one
    document restates) is tracked once, with a mention for each.

    \b
    Example:
      commitments add seeds/putin-zelenskyy-moscow.md
    """
    failed = 0
    with open_tracker(db) as tracker:
        for document in documents(sources):
            if isinstance(document, CommitmentsError):
                click.echo(f"Error: {document}", err=True)
                failed += 1
                continue
            if document.published is None:
                click.echo(
                    f"Note: {document.name} has no publication date; taking it as published"
                    " today.",
                    err=True,
                )
            try:
                result = tracker.add(document, now=now())
            except (InputError, DateError) as exc:  # the store's errors stop everything
                if exc.source is None:
                    exc.source = document.name
                click.echo(f"Error: {exc}", err=True)
                failed += 1
                continue
            if result.skipped:
                click.echo(f"{result.document}: already added, nothing changed")
            else:
                click.echo(
                    f"{result.document}: {_plural(result.mentions, 'commitment')} found,"
                    f" {len(result.created)} new, {len(result.updated)} updated"
                )
    if failed:
        ctx.exit(1)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
