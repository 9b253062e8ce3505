"""Plain-text tables of commitments, sorted by deadline, that fit the terminal's width."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence

from commitments.records import Commitment

__all__ = ["WIDTH", "by_deadline", "grid", "printable", "table", "wrap"]


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


# Line breaks and tabs as spaces (a table row is one line); no regex: linear on any input.
_BREAKS = str.maketrans(dict.fromkeys("\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


def wrap(text: str, width: int) -> list[str]:
    """``text`` (made printable, line breaks as spaces) in lines of at most ``width`` columns,
    broken between words; only a word longer than a line is split."""
    text = printable(text.translate(_BREAKS).strip())
    return textwrap.wrap(text, width=max(1, width), break_on_hyphens=False) or [""]


def grid(rows: Iterable[Sequence[str]], widths: Sequence[int]) -> list[str]:
    """Rows of cells as lines: each cell wrapped in its column (the last one unpadded), a row
    as tall as its tallest cell, columns one space apart."""
    lines = []
    for row in rows:
        cells = [wrap(cell, width) for cell, width in zip(row, widths, strict=True)]
        for number in range(max(len(cell) for cell in cells)):
            parts = [
                (cell[number] if number < len(cell) else "").ljust(width)
                for cell, width in zip(cells, widths, strict=True)
            ]
            lines.append(" ".join(parts).rstrip())
    return lines


WIDTH = 80
"""The width a table is made for when the terminal's is not known."""

_DUE, _STATUS, _KIND = 21, 9, 8  # "2025-09-04…2025-09-10", "withdrawn", "deadline"


def table(items: Iterable[Commitment], *, as_of: dt.date, width: int = WIDTH) -> str:
    """A table with one commitment a row (due window, status, speaker, kind, action), sorted by
    deadline, that fits ``width`` columns (at least 60): long cells wrap between words."""
    rows = by_deadline(items)
    if not rows:
        return "No commitments found.\n"
    width = max(60, width)
    rest = width - (_DUE + _STATUS + _KIND + 4)
    speaker = min(18, max(7, *(len(c.speaker or "?") for c in rows)), rest // 2)
    widths = (_DUE, _STATUS, speaker, _KIND, rest - speaker)
    cells = []
    for c in rows:
        action = c.action + (f" [{c.expression}]" if c.expression else "")
        if c.condition:
            action += f" ({c.condition})"
        due = str(c.due) if c.due else "—"
        cells.append((due, c.status(as_of).value, c.speaker or "?", c.kind.value, action))
    head = grid([("DUE", "STATUS", "SPEAKER", "KIND", "ACTION")], widths)
    return "\n".join([*head, "-" * width, *grid(cells, widths)]) + "\n"
