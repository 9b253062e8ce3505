"""``commitments extract``: print the commitments found in files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from cli.options import DATE, ZONE, today
from commitments.extraction import extract_document
from commitments.outputs.table import by_deadline, table
from commitments.errors import InputError
from commitments.readers import FORMATS, ReadFailure, normalize_format, read_sources
from commitments.records import Commitment
from commitments.timex.vague import load_vague


def _input_format(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalize_format(value)
    except InputError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--published", type=DATE, help="Publication date (else the file's own, else today).")
@click.option("--as-of", "as_of", type=DATE, help="Report statuses as of this day [default: today].")
@click.option("--tz", type=ZONE, help="Time zone for times of day (IANA name) [default: UTC].")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
    show_default=True, help="Output format.",
)
@click.option(
    "--input-format", callback=lambda ctx, param, value: _input_format(value),
    help="Read every input as this format instead of detecting it: " + ", ".join(FORMATS) + ".",
)
@click.option("--vague", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A TOML table of vague phrases that extends or overrides the built-in one.")
def extract(
    files: tuple[str, ...],
    published: dt.date | None,
    as_of: dt.date | None,
    tz: str | None,
    fmt: str,
    input_format: str | None,
    vague: Path | None,
) -> None:
    """Print the commitments found in FILES (files, directories, URLs, or - for stdin)."""
    as_of = as_of or today()
    table_ = load_vague(vague) if vague else None
    found: list[Commitment] = []
    failed = 0
    for item in read_sources(files, input_format=input_format):
        if isinstance(item, ReadFailure):
            click.echo(f"Error: {item}", err=True)
            failed += 1
            continue
        day = published or item.published
        if day is None:
            day = today()
            click.echo(f"Note: {item.name} has no publication date; using today ({day}). "
                       "Pass --published YYYY-MM-DD to set it.", err=True)
        found.extend(extract_document(item, published=published or day, tz=tz, vague=table_))
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
