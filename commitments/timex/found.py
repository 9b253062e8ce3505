"""What the due grammar finds: a :class:`Found` time expression and its ``Resolve`` function.

A found expression is its span in the text, the rule that matched it, and a function from an
issue date to its due window; :mod:`commitments.timex.grammar` finds them, the rule modules
(:mod:`~commitments.timex.durations`, :mod:`~commitments.timex.period_rules`,
:mod:`~commitments.timex.ranges`) build them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

from commitments.records import Window

__all__ = ["Found", "Resolve"]

Resolve = Callable[[dt.date], Window | None]


@attrs.frozen(kw_only=True)
class Found:
    """A time expression found in a text: its span and how it resolves."""

    start: int
    end: int
    text: str
    resolve: Resolve = attrs.field(eq=False, repr=False)
    """The due window for an issue date ``D``; ``None`` when it names no due date."""
    kind: str
    """Which rule matched ("duration", "deadline-noun", "by", "vague", a period name, …)."""
    past: bool = False
    """The phrase can only point to the past ("last week", "yesterday")."""
    time: dt.time | None = None
    """A time of day given with it ("by Sunday at 6 p.m.")."""

    def shifted(self, offset: int) -> Found:
        """The same expression found ``offset`` characters further into a text."""
        return Found(
            start=self.start + offset,
            end=self.end + offset,
            text=self.text,
            resolve=self.resolve,
            kind=self.kind,
            past=self.past,
            time=self.time,
        )

    def window(self, issued: Window | dt.date) -> Window | None:
        """The due window for an issue date or window (each end from the matching end)."""
        if isinstance(issued, dt.date):
            return self.resolve(issued)
        first = self.resolve(issued.earliest)
        if issued.earliest == issued.latest or first is None:
            return first
        last = self.resolve(issued.latest)
        if last is None:
            return first
        return Window(min(first.earliest, last.latest), max(first.earliest, last.latest))
