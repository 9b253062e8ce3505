"""``commitments status``: which commitments are expired, which are pending."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from cli._tracker import (
    DATE,
    DURATION,
    GROUPS,
    color,
    db_option,
    documents,
    input_options,
    now,
    open_tracker,
    speaker_option,
    status_option,
    today,
)
from cli.options import Inputs, terminal_width, vague_option
from commitments import (
    Commitment,
    CommitmentsError,
    Document,
    Group,
    Report,
    Tracker,
    Window,
    printable,
    wrap,
)

STYLES: dict[Group, str | None] = {
    Group.EXPIRED: "red",
    Group.DUE_SOON: "yellow",
    Group.PENDING: "cyan",
    Group.OPEN: None,
    Group.KEPT: "green",
    Group.BROKEN: "magenta",
    Group.WITHDRAWN: None,
}
"""Each group's heading colour (headings are bold; withdrawn ones dim too)."""


@click.command(short_help="Report what is expired, due soon, pending, kept or broken.")
@click.argument("files", nargs=-1, metavar="[FILE…|DIR|-]")
@click.option("--as-of", type=DATE, help="The day to report on (YYYY-MM-DD). Default: today.")
@speaker_option
@status_option("groups")
@click.option(
    "--due-within",
    type=DURATION,
    help="Only pending commitments due within DURATION (7d, 2w); also the due-soon horizon.",
)
@click.option("--since", type=DATE, help="Only commitments made on or after DATE.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="table: for reading; json: {as_of, commitments} as `extract` writes it; jsonl: one"
    " commitment a line; csv: a spreadsheet.",
)
@click.option(
    "--fail-on",
    type=GROUPS,
    help="Exit with status 1 if any commitment shown has one of these statuses (for cron).",
)
@click.option(
    "--suggested",
    is_flag=True,
    help="List the follow-up links offered but not applied (accept one with"
    " `commitments resolve SUGGESTION accept`).",
)
@input_options
@vague_option
@db_option
@click.pass_context
def status(
    ctx: click.Context,
    files: tuple[str, ...],
    inputs: Inputs,
    as_of: dt.date | None,
    speaker: tuple[str, ...],
    groups: tuple[frozenset[Group], ...],
    due_within: dt.timedelta | None,
    since: dt.date | None,
    fmt: str,
    fail_on: frozenset[Group] | None,
    vague: Path | None,
    suggested: bool,
    db: Path | None,
) -> None:
    """Report which commitments are expired, due soon, pending, open, kept or broken.

    With FILEs, report on the commitments in them instead of the store (nothing is stored).

    \b
    Examples:
      commitments status --as-of 2025-09-03
      commitments status seeds/putin-zelenskyy-moscow.md --format csv
      commitments status --fail-on expired   # in cron: exit 1 if any expired
      commitments status --suggested              # follow-ups to confirm
    """
    day = as_of or today()
    failed = False
    if suggested:
        with open_tracker(db) as tracker:
            render_suggestions(tracker, fmt)
        return
    if files:
        tracker = Tracker(":memory:", extractor=_extractor(vague))
        for document in documents(files, inputs):
            try:
                if isinstance(document, CommitmentsError):
                    raise document
                if document.published is None:
                    click.echo(
                        f"Note: {document.name} has no publication date; taking it as today's.",
                        err=True,
                    )
                tracker.add(document, now=now())
            except CommitmentsError as exc:
                click.echo(f"Error: {exc}", err=True)
                failed = True
    else:
        tracker = open_tracker(db, create=False)
    with tracker:
        wanted = frozenset().union(*groups) if groups else None
        report = tracker.report(
            as_of=day, speaker=speaker, status=wanted, due_within=due_within, since=since
        )
        width = tracker.short_id_length()
        stored = len(tracker.store.ids())
    if fmt == "json":
        out = {"as_of": day.isoformat(), "commitments": report.to_json()}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for item in report.to_json():
            click.echo(json.dumps(item, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(report.to_csv(), nl=False)
    else:
        render_table(report, width=width, stored=stored, from_files=bool(files))
    if fail_on is not None and report.has(fail_on):
        counts = report.counts()
        hit = ", ".join(
            f"{counts[g]} {g.label}"
            for g in Group
            if g in fail_on or (g is Group.DUE_SOON and Group.PENDING in fail_on)
            if counts[g]
        )
        click.echo(f"Failing: {hit} (--fail-on)", err=True)
        ctx.exit(1)
    if failed:
        ctx.exit(1)


def render_table(report: Report, *, width: int, stored: int, from_files: bool) -> None:
    use_color = color()
    counts = report.counts()
    shown = [f"{counts[g]} {g.label}" for g in Group if counts[g] or g in _ALWAYS]
    if not report.items:
        if stored == 0:
            where = "these files" if from_files else "the store"
            hint = "" if from_files else ": add some with `commitments add FILE`"
            click.echo(f"No commitments in {where}{hint}.")
        else:
            click.echo(f"No commitments match, as of {report.as_of.isoformat()}.")
        return
    total = len(report.items)
    columns = terminal_width()
    heading = f"{total} commitment{'s' if total != 1 else ''} as of {report.as_of.isoformat()}: "
    for line in wrap(heading + ", ".join(shown), columns):
        click.echo(line, color=use_color)
    for group, items in report.groups().items():
        if not items:
            continue
        click.echo(color=use_color)
        click.echo(
            click.style(
                f"{group.label.capitalize()} ({len(items)})",
                fg=STYLES[group],
                bold=True,
                dim=group is Group.WITHDRAWN or None,
            ),
            color=use_color,
        )
        for item in items:
            c = item.tracked.commitment
            due = _due(c.due)
            extra = [c.kind.value]
            if len(item.entry.mentions) > 1:
                extra.append(f"{len(item.entry.mentions)} mentions")
            extra.append(_when(c.due, report.as_of, item.group))
            resolution = item.tracked.resolution
            if resolution is not None and item.group in (Group.KEPT, Group.BROKEN, Group.WITHDRAWN):
                extra[-1] = f"{resolution.status.value} on {resolution.on.isoformat()}"
            # Speakers and actions come from the text: wrap() lets no control character out.
            note = "(" + ", ".join(e for e in extra if e) + ")"
            lead = f"  {item.tracked.id[:width]}  {due:<21}  "
            lines = wrap(f"{c.speaker or '—'}: {c.action} {note}", columns - len(lead))
            if lines[-1].endswith(note):
                lines[-1] = lines[-1][: -len(note)] + click.style(note, dim=True)
            ident = click.style(item.tracked.id[:width], fg="yellow")
            click.echo(f"  {ident}  {due:<21}  {lines[0]}", color=use_color)
            for line in lines[1:]:
                click.echo(" " * len(lead) + line, color=use_color)


def _extractor(vague: Path | None) -> Callable[[Document], Sequence[Commitment]] | None:
    if vague is None:
        return None
    from commitments import extract_document, load_vague

    return functools.partial(extract_document, vague=load_vague(vague))


_ALWAYS = (Group.EXPIRED, Group.DUE_SOON, Group.PENDING)


def _due(window: Window | None) -> str:
    return str(window) if window is not None else "undated"


def _when(window: Window | None, as_of: dt.date, group: Group) -> str:
    if window is None:
        return ""
    if group is Group.EXPIRED:
        days = (as_of - window.latest).days
        if days <= 0:
            return "expired"
        return f"expired {days} day{'s' if days != 1 else ''} ago"
    if group in (Group.DUE_SOON, Group.PENDING):
        days = (window.latest - as_of).days
        if days == 0:
            return "due today"
        return f"due in {days} day{'s' if days != 1 else ''}"
    return ""


def render_suggestions(tracker: Tracker, fmt: str) -> None:
    """The links offered, one line each: suggestion id, the claim, the commitment it may be."""
    found = tracker.suggestions()
    if fmt in ("json", "jsonl"):
        rows = [{"id": s.id, "commitment": s.commitment, "claim": s.claim.to_json()} for s in found]
        if fmt == "json":
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not found:
        click.echo("No follow-up links to confirm.")
        return
    click.echo(f"{len(found)} follow-up link{'s' if len(found) != 1 else ''} to confirm:")
    width = tracker.short_id_length()
    for s in found:
        c = tracker.get(s.commitment).tracked.commitment
        what = s.claim.status.value if s.claim.status else f"revised to {s.claim.window}"
        click.echo(
            f"  {click.style(s.id, fg='yellow')}  {what}: {printable(c.speaker or '—')}:"
            f" {printable(c.action)} ({s.commitment[:width]}, due {_due(c.due)})"
        )
        click.echo(
            click.style(
                f"      {s.claim.name} ({s.claim.published.isoformat()}):"
                f" {printable(s.claim.quote)}",
                dim=True,
            )
        )
