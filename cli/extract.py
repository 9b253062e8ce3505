"""``commitments extract``: print the commitments found in files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import click

from cli.options import DATE, Inputs, aliases_option, input_options, jobs_option, today
from cli.progress import Progress


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--as-of", "as_of", type=DATE, help="Report statuses as of this day [default: today]."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "records"]),
    default="table",
    show_default=True,
    help="Output format. jsonl: one commitment a line, as found. records: one line per document"
    " with its text and commitments, for `add --extracted`.",
)
@input_options
@click.option(
    "--vague",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A TOML table of vague phrases that extends or overrides the built-in one.",
)
@aliases_option
@jobs_option("Worker processes; the output is the same, in input order, for any number.")
def extract(
    files: tuple[str, ...],
    inputs: Inputs,
    as_of: dt.date | None,
    fmt: str,
    vague: Path | None,
    aliases: Path | None,
    jobs: int,
) -> None:
    """Print the commitments found in FILES (files, directories, URLs, or - for stdin).

    Directories and JSON Lines archives are read one document at a time; with --format jsonl or
    records the output streams too, so memory stays flat however big the input.

    \b
    Example:
      commitments extract seeds/putin-zelenskyy-moscow.md --as-of 2025-09-03
      commitments extract archive.jsonl --jobs 2 --format jsonl > commitments.jsonl
    """
    from commitments import (
        AliasTable,
        Commitment,
        extract_many,
        load_vague,
        to_record,
    )

    as_of = as_of or today()
    table_ = load_vague(vague) if vague else None
    alias_table = AliasTable.load(aliases) if aliases else None
    found: list[Commitment] = []
    failed = 0
    items = inputs.documents(files)  # documents, and read failures passed on as they are
    with Progress() as progress:
        as_json = as_of if fmt == "jsonl" else None  # written by the workers
        for result in extract_many(
            items,
            jobs=jobs,
            undated=today(),
            vague=table_,
            json_as_of=as_json,
            aliases=alias_table,
        ):
            progress.update(result.count)
            if result.failure is not None:
                click.echo(f"Error: {result.failure}", err=True)
                failed += 1
                continue
            document = result.document
            assert document is not None
            if document.published is None:
                click.echo(
                    f"Note: {document.name} has no publication date; using today"
                    f" ({today()}). Pass --published YYYY-MM-DD to set it.",
                    err=True,
                )
                document = attrs.evolve(document, published=today())
            if fmt == "jsonl":
                if result.json_lines:
                    click.echo(result.json_lines, nl=False)
            elif fmt == "records":
                record = to_record(document, result.commitments)
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                found.extend(result.commitments)
    if fmt == "json":
        out = {"as_of": as_of.isoformat(), "commitments": [c.to_json(as_of) for c in found]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    elif fmt == "table":
        from commitments import table

        click.echo(table(found, as_of=as_of), nl=False)
    if failed:
        raise SystemExit(1)
