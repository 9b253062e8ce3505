"""The geometry of a speaker's timeline: where each bar, mark, tick and the today line go.

Everything is worked out here in SVG user units, so the template only draws what it is given
and the layout can be tested without a browser. A row is one commitment: a thin bar from the
day it was made to its window, the window itself shaded, and marks for revisions (a later
mention that moved the date) and follow-ups (a resolution recorded on a day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

__all__ = ["Bar", "Mark", "Outline", "Span", "Tick", "Timeline", "layout"]

WIDTH = 720.0
"""The drawing's width in user units (the SVG scales to its box, at least 600 px wide)."""
LEFT = 12.0
RIGHT = 12.0
TOP = 44.0
"""Room above the first row for the today label."""
ROW = 54.0
AXIS = 30.0
"""Room under the last row for the date labels."""
PAD_DAYS = 2
EDGE = 24.0
"""The least room between a tick and the drawing's edge."""
LONG = 90
SHORT = 46


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


@attrs.frozen(kw_only=True)
class Span:
    """What the timeline needs to know of one commitment."""

    key: str
    """An id, unique in the drawing (for element ids)."""
    issued: dt.date
    """The first day it may have been made."""
    earliest: dt.date
    """The due window's first day."""
    latest: dt.date
    """The due window's last day (the deadline)."""
    section: str
    """The status section ("due-soon", "expired" …): the colour's class."""
    label: str
    """The text written over the bar: status and action."""
    title: str
    """The full description, as the bar's tooltip and accessible name."""
    marks: tuple[tuple[dt.date, str, str], ...] = ()
    """(day, "revision" or "follow-up", description) of each mark."""
    revisions: tuple[tuple[dt.date, dt.date, str], ...] = ()
    """(earliest, latest, description) of each other window a mention gave: drawn as an
    outline on the same row."""


@attrs.frozen(kw_only=True)
class Mark:
    x: float
    y: float
    kind: str
    title: str


@attrs.frozen(kw_only=True)
class Outline:
    x_start: float
    x_end: float
    title: str


@attrs.frozen(kw_only=True)
class Bar:
    key: str
    y: float
    """The top of the row."""
    x_issued: float
    x_start: float
    """Where the due window starts."""
    x_end: float
    """Where the due window ends (the end of its last day)."""
    section: str
    label: str
    """The label beside the bar (wide screens)."""
    short_label: str
    """The label at the row's left edge, at most :data:`SHORT` characters (narrow screens,
    where the text is drawn larger)."""
    label_x: float
    anchor: str
    """``start`` or ``end``: the label runs right from ``label_x``, or ends there."""
    title: str
    marks: tuple[Mark, ...]
    revised: tuple[Outline, ...] = ()


@attrs.frozen(kw_only=True)
class Tick:
    x: float
    label: str


@attrs.frozen(kw_only=True)
class Timeline:
    width: float
    height: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    today_x: float
    today_anchor: str
    axis_y: float
    start: dt.date
    end: dt.date


def _ticks(start: dt.date, end: dt.date) -> list[dt.date]:
    """Days to label: every day, every Monday, every first of the month, or every 1 January,
    whichever leaves room between labels."""
    span = (end - start).days
    days = [start + dt.timedelta(days=n) for n in range(span + 1)]
    if span <= 12:
        return days
    if span <= 70:
        return [day for day in days if day.weekday() == 0]
    if span <= 500:
        return [day for day in days if day.day == 1]
    return [dt.date(year, 1, 1) for year in range(start.year + 1, end.year + 1)]


def _tick_label(day: dt.date, span: int) -> str:
    if span > 500:
        return str(day.year)
    if span > 70:
        return day.strftime("%b %Y")
    return f"{day.strftime('%b')} {day.day}"


def layout(spans: Sequence[Span], *, as_of: dt.date) -> Timeline:
    """Rows for ``spans`` (in the order given) on one date scale that also shows ``as_of``."""
    days = [as_of]
    for span in spans:
        days += [span.issued, span.latest, *(day for day, _, _ in span.marks)]
        days += [latest for _, latest, _ in span.revisions]
    start = min(days) - dt.timedelta(days=PAD_DAYS)
    end = max(days) + dt.timedelta(days=PAD_DAYS + 1)
    total = (end - start).days
    scale = (WIDTH - LEFT - RIGHT) / total

    def x(day: dt.date) -> float:
        return round(LEFT + (day - start).days * scale, 2)

    bars = []
    for row, span in enumerate(spans):
        top = TOP + row * ROW
        x_start, x_end = x(span.earliest), x(span.latest + dt.timedelta(days=1))
        left = min(x(span.issued), x_start)
        right = max([x_end, *(x(last + dt.timedelta(days=1)) for _, last, _ in span.revisions)])
        right_half = left > WIDTH / 2
        revised = tuple(
            Outline(x_start=x(first), x_end=x(last + dt.timedelta(days=1)), title=title)
            for first, last, title in span.revisions
        )
        marks = tuple(
            Mark(x=round(x(day) + scale / 2, 2), y=top + 31, kind=kind, title=title)
            for day, kind, title in span.marks
        )
        bars.append(
            Bar(
                key=span.key,
                y=top,
                x_issued=left,
                x_start=x_start,
                x_end=x_end,
                section=span.section,
                label=_cut(span.label, LONG),
                short_label=_cut(span.label, SHORT),
                label_x=right if right_half else left,
                anchor="end" if right_half else "start",
                title=span.title,
                marks=marks,
                revised=revised,
            )
        )
    axis_y = TOP + len(spans) * ROW
    ticks = tuple(
        Tick(x=x(day), label=_tick_label(day, total))
        for day in _ticks(start, end)
        if LEFT + EDGE <= x(day) <= WIDTH - RIGHT - EDGE  # a label centred there fits
    )
    today = round(x(as_of) + scale / 2, 2)
    return Timeline(
        width=WIDTH,
        height=axis_y + AXIS,
        bars=tuple(bars),
        ticks=ticks,
        today_x=today,
        today_anchor="end" if today > WIDTH / 2 else "start",
        axis_y=axis_y,
        start=start,
        end=end,
    )
