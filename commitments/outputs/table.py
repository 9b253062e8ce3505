"""Plain-text tables of commitments, sorted by deadline, readable in 100 columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from commitments.records import Commitment

__all__ = ["by_deadline", "printable", "table"]


def printable(text: str) -> str:
    """``text`` safe for a terminal or a log: control and other unprintable characters escaped
    (ESC as ``\\x1b``, U+2028 as ``\\u2028``), so that no text can move the cursor, retitle
    the window or hide a line."""
    return "".join(c if c.isprintable() else _escaped(c) for c in text)


def _escaped(character: str) -> str:
    return character.encode("unicode_escape").decode("ascii")


def by_deadline(items: Iterable[Commitment]) -> list[Commitment]:
    """Dated commitments by deadline (then earliest day), undated ones last, stable otherwise."""
    return sorted(
        items,
        key=lambda c: (
            c.due is None,
            c.due.latest if c.due else dt.date.max,
            c.due.earliest if c.due else dt.date.max,
        ),
    )


def _cut(text: str, width: int) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def table(items: Iterable[Commitment], *, as_of: dt.date, width: int = 100) -> str:
    """A table with one commitment a line: due window, status, speaker, kind, action."""
    rows = by_deadline(items)
    if not rows:
        return "No commitments found.\n"
    head = f"{'DUE':<23} {'STATUS':<8} {'SPEAKER':<18} {'KIND':<8} ACTION"
    lines = [head, "-" * min(width, 100)]
    fixed = 23 + 1 + 8 + 1 + 18 + 1 + 8 + 1
    for c in rows:
        due = str(c.due) if c.due else "—"
        action = c.action + (f" [{c.expression}]" if c.expression else "")
        if c.condition:
            action += f" ({c.condition})"
        lines.append(
            f"{due:<23} {c.status(as_of).value:<8} {_cut(c.speaker or '?', 18):<18} "
            f"{c.kind.value:<8} {_cut(action, max(10, width - fixed))}"
        )
    return "\n".join(lines) + "\n"
