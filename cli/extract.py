"""``commitments extract``: print the commitments found in files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from cli.options import DATE, Inputs, input_options, today
from commitments.extraction import extract_document
from commitments.outputs.table import by_deadline, table
from commitments.errors import InputError
from commitments.records import Commitment
from commitments.timex.vague import load_vague


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--as-of", "as_of", type=DATE, help="Report statuses as of this day [default: today].")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
    show_default=True, help="Output format.",
)
@input_options
@click.option("--vague", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A TOML table of vague phrases that extends or overrides the built-in one.")
def extract(
    files: tuple[str, ...],
    inputs: Inputs,
    as_of: dt.date | None,
    fmt: str,
    vague: Path | None,
) -> None:
    """Print the commitments found in FILES (files, directories, URLs, or - for stdin)."""
    as_of = as_of or today()
    table_ = load_vague(vague) if vague else None
    found: list[Commitment] = []
    failed = 0
    for item in inputs.documents(files):
        if isinstance(item, InputError):
            click.echo(f"Error: {item}", err=True)
            failed += 1
            continue
        day = item.published
        if day is None:
            day = today()
            click.echo(f"Note: {item.name} has no publication date; using today ({day}). "
                       "Pass --published YYYY-MM-DD to set it.", err=True)
        found.extend(extract_document(item, published=day, vague=table_))
    if fmt == "json":
        out = {"as_of": as_of.isoformat(), "commitments": [c.to_json(as_of) for c in found]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for c in found:
            click.echo(json.dumps(c.to_json(as_of), ensure_ascii=False))
    else:
        click.echo(table(found, as_of=as_of), nl=False)
    if failed:
        raise SystemExit(1)
