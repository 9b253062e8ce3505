"""``commitments show``: one tracked commitment, every mention of it, and its history."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from cli._tracker import DATE, color, db_option, open_tracker, today
from commitments import entry_json, group_of, history_json, revisions


@click.command()
@click.argument("id")
@click.option("--as-of", type=DATE, help="The day to give the status for. Default: today.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
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
    with open_tracker(db) as tracker:
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

    def echo(text: str = "") -> None:
        click.echo(text, color=use_color)

    group = group_of(tracked, day)
    echo(click.style(tracked.id, fg="yellow") + f"  {group.label} as of {day.isoformat()}")
    echo(f"  speaker    {c.speaker or '—'}")
    echo(f"  action     {c.action}  ({c.kind.value})")
    due = str(c.due) if c.due is not None else "undated"
    if c.expression:
        due += f'  ("{c.expression}")'
    echo(f"  due        {due}")
    if c.due_at is not None:
        echo(f"  due at     {c.due_at.isoformat()}")
    echo(f"  issued     {c.issued}")
    if c.condition:
        echo(f"  condition  {c.condition}")
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
        echo(f"  {number}. " + " · ".join(facts))
        if m.source.url:
            echo(f"     {m.source.url}")
        echo(click.style("     " + " ".join(m.text.split()), dim=True))
    timeline = revisions(entry) if entry.mentions else []
    outcomes = [claim for claim in entry.followups if claim.kind == "outcome"]
    if len(timeline) > 1 or outcomes:
        echo()
        echo(click.style("Timeline", bold=True))
        lines: list[tuple[str, str, int, str, str]] = []
        for r in timeline:
            shown = str(r.window) if r.window is not None else "undated"
            extra = f'  ("{r.expression}")' if r.expression else ""
            label = "made" if r.made else "revised"
            published = r.published.isoformat() if r.published else ""
            line = f"  {published or '—':<10}  {label:<8} due {shown}{extra} · {r.document}"
            lines.append((published, r.document, r.start, line, r.quote))
        for o in outcomes:
            status = o.status.value if o.status is not None else "said"
            line = f"  {o.published.isoformat():<10}  {status:<8} · {o.name}"
            lines.append((o.published.isoformat(), o.name, o.start, line, o.quote))
        for *_, line, quote in sorted(lines, key=lambda e: e[:3]):
            echo(line)
            echo(click.style("     " + " ".join(quote.split()), dim=True))
    echo()
    echo(click.style(f"History ({len(entry.history)})", bold=True))
    if not entry.history:
        echo("  no resolution recorded: `commitments resolve ID kept|broken|withdrawn`")
    for resolution in entry.history:
        parts = [f"  {resolution.on.isoformat()}  {resolution.status.value}"]
        if resolution.note:
            parts.append(resolution.note)
        if resolution.evidence:
            parts.append(resolution.evidence)
        recorded = resolution.recorded.isoformat(timespec="seconds")
        echo(" · ".join(parts) + click.style(f"  (recorded {recorded})", dim=True))
