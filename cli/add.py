"""``commitments add``: track the commitments in documents."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import click

from cli._tracker import db_option, documents, input_options, now, open_tracker
from cli.options import Inputs, aliases_option, jobs_option
from cli.progress import Progress
from commitments import CommitmentsError, DateError, InputError

if TYPE_CHECKING:
    from commitments import AliasTable, Commitment, Document


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="FILE…|DIR|-")
@input_options
@db_option
@jobs_option("Worker processes that extract; the store sees the documents in input order.")
@click.option(
    "--extracted",
    is_flag=True,
    help="SOURCES hold records written by `extract --format records` or the Dask"
    " recipe: track their commitments without extracting again.",
)
@aliases_option
@click.pass_context
def add(
    ctx: click.Context,
    sources: tuple[str, ...],
    inputs: Inputs,
    db: Path | None,
    jobs: int,
    extracted: bool,
    aliases: Path | None,
) -> None:
    """Track the commitments in documents: FILEs, the files in DIRs, or standard input (-).

    Adding a document twice adds nothing; a commitment that several documents report (or one
    document restates) is tracked once, with a mention for each.

    \b
    Example:
      commitments add seeds/putin-zelenskyy-moscow.md
      commitments add archive.jsonl --jobs 2
    """
    failed = 0
    alias_table = _alias_table(aliases)
    with open_tracker(db) as tracker, Progress() as progress:
        for document, found in _found(sources, inputs, jobs, extracted, alias_table):
            if isinstance(document, CommitmentsError):
                click.echo(f"Error: {document}", err=True)
                failed += 1
                progress.update(0)
                continue
            if document.published is None:
                click.echo(
                    f"Note: {document.name} has no publication date; taking it as today's.",
                    err=True,
                )
            try:
                if found is None:
                    result = tracker.add(document, now=now())
                else:
                    result = tracker.add_commitments(_dated(document), found, now=now())
            except (InputError, DateError) as exc:  # the store's errors stop everything
                if exc.source is None:
                    exc.source = document.name
                click.echo(f"Error: {exc}", err=True)
                failed += 1
                continue
            progress.update(result.mentions)
            if result.skipped:
                click.echo(f"{result.document}: already added, nothing changed")
            else:
                click.echo(
                    f"{result.document}: {_plural(result.mentions, 'commitment')} found,"
                    f" {len(result.created)} new, {len(result.updated)} updated"
                )
    if failed:
        ctx.exit(1)


def _alias_table(path: Path | None) -> AliasTable | None:
    if path is None:
        return None
    from commitments import AliasTable

    return AliasTable.load(path)


def _found(
    sources: tuple[str, ...],
    inputs: Inputs,
    jobs: int,
    extracted: bool,
    aliases: AliasTable | None = None,
) -> Iterator[tuple[Document | CommitmentsError, Sequence[Commitment] | None]]:
    """Each document with its commitments: ``None`` to let the tracker extract them itself."""
    if extracted:
        from commitments import read_records

        for item in read_records(sources):
            yield item if isinstance(item, tuple) else (item, None)
        return
    if jobs == 1 and aliases is None:  # (the tracker extracts, with no aliases)
        for document in documents(sources, inputs):
            yield document, None
        return
    from commitments import extract_many

    for result in extract_many(
        inputs.documents(sources), jobs=jobs, undated=now().date(), aliases=aliases
    ):
        if result.failure is not None:
            yield result.failure, None
        else:
            assert result.document is not None
            yield result.document, result.commitments


def _dated(document: Document) -> Document:
    """Undated documents are taken as published today, as :meth:`Tracker.add` does."""
    if document.published is not None:
        return document
    return attrs.evolve(document, published=now().date())


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
