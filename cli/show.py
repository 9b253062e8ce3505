"""``commitments show``: one tracked commitment, every mention of it, and its history."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from cli._tracker import DATE, color, db_option, open_tracker, today
from cli.options import terminal_width
from commitments import entry_json, group_of, history_json, revisions, wrap


@click.command(short_help="Show one commitment: its window, mentions and history.")
@click.argument("id")
@click.option("--as-of", type=DATE, help="The day to give the status for. Default: today.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: for reading; json: the commitment with its mentions and history.",
)
@db_option
def show(id: str, as_of: dt.date | None, fmt: str, db: Path | None) -> None:
    """Show one commitment: its window, every mention with its quote, its history.

    ID is the commitment's id or a unique prefix of it, as `commitments status` shows it.

    \b
    Example:
      commitments show 3f2a
    """
    day = as_of or today()
    with open_tracker(db, create=False) as tracker:
        entry = tracker.get(id)
    if fmt == "json":
        out = entry_json(entry, day)
        out["history"] = history_json(entry.history)
        out["updated"] = entry.tracked.updated.isoformat()
        out["sequence"] = entry.tracked.sequence
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    use_color = color()
    tracked = entry.tracked
    c = tracked.commitment

    columns = terminal_width()

    def echo(text: str = "") -> None:
        click.echo(text, color=use_color)

    def field(label: str, value: str) -> None:
        """``  label      value``, the value wrapped under itself."""
        lines = wrap(value, columns - 13)
        echo(f"  {label:<9}  {lines[0]}")
        for line in lines[1:]:
            echo(" " * 13 + line)

    def block(text: str, indent: int, dim: bool = False) -> None:
        for line in wrap(text, columns - indent):
            echo(click.style(" " * indent + line, dim=dim) if dim else " " * indent + line)

    group = group_of(tracked, day)
    echo(click.style(tracked.id, fg="yellow") + f"  {group.label} as of {day.isoformat()}")
    field("speaker", c.speaker or "—")
    field("action", f"{c.action} ({c.kind.value})")
    due = str(c.due) if c.due is not None else "undated"
    if c.expression:
        due += f'  ("{c.expression}")'
    field("due", due)
    if c.due_at is not None:
        field("due at", c.due_at.isoformat())
    field("issued", str(c.issued))
    if c.condition:
        field("condition", c.condition)
    if c.stated is not None:
        echo(f"  stated     {c.stated.value} (the text says so)")
    changed = tracked.updated.isoformat(timespec="seconds")
    echo(f"  changed    {changed} (sequence {tracked.sequence})")
    echo()
    echo(click.style(f"Mentions ({len(entry.mentions)})", bold=True))
    for number, mention in enumerate(entry.mentions, start=1):
        m = mention.commitment
        where = m.source.document + (f":{m.source.line}" if m.source.line is not None else "")
        facts = [where]
        if mention.published is not None:
            facts.append(f"published {mention.published.isoformat()}")
        window = str(m.due) if m.due is not None else "undated"
        facts.append(f'"{m.expression}" → {window}' if m.expression else window)
        lines = wrap(" · ".join(facts), columns - 5)
        echo(f"  {f'{number}.':<3}" + lines[0])
        for line in lines[1:]:
            echo("     " + line)
        if m.source.url:
            block(m.source.url, 5)
        block(m.text, 5, dim=True)
    timeline = revisions(entry) if entry.mentions else []
    outcomes = [claim for claim in entry.followups if claim.kind == "outcome"]
    if len(timeline) > 1 or outcomes:
        echo()
        echo(click.style("Timeline", bold=True))
        events: list[tuple[str, str, int, str, str]] = []
        for r in timeline:
            shown = str(r.window) if r.window is not None else "undated"
            extra = f'  ("{r.expression}")' if r.expression else ""
            label = "made" if r.made else "revised"
            published = r.published.isoformat() if r.published else ""
            line = f"  {published or '—':<10}  {label:<8} due {shown}{extra} · {r.document}"
            events.append((published, r.document, r.start, line, r.quote))
        for o in outcomes:
            status = o.status.value if o.status is not None else "said"
            line = f"  {o.published.isoformat():<10}  {status:<8} · {o.name}"
            events.append((o.published.isoformat(), o.name, o.start, line, o.quote))
        for *_, line, quote in sorted(events, key=lambda e: e[:3]):
            block(line.strip(), 2)
            block(quote, 5, dim=True)
    echo()
    echo(click.style(f"History ({len(entry.history)})", bold=True))
    if not entry.history:
        echo("  no resolution recorded: `commitments resolve ID kept|broken|withdrawn`")
    for resolution in entry.history:
        parts = [f"{resolution.on.isoformat()}  {resolution.status.value}"]
        if resolution.note:
            parts.append(resolution.note)
        if resolution.evidence:
            parts.append(resolution.evidence)
        recorded = resolution.recorded.isoformat(timespec="seconds")
        block(" · ".join(parts).strip() + f" (recorded {recorded})", 2)
