"""What one pass over a document keeps between its steps: one owner for the shared caches."""

from __future__ import annotations

import datetime as dt

import attrs

from commitments.extraction.itinerary import Trip
from commitments.extraction.segmentation import Quote
from commitments.records import Commitment, Window
from commitments.timex.grammar import Found

__all__ = ["Scratch"]


@attrs.define
class Scratch:
    """The caches of one document's pass, shared by the pipeline and the attribution step.

    Region-wide: the region's quotes and who said each. Sentence-wide: the spans of the time
    expressions and the due windows already resolved, which the commitment step reuses.
    """

    quotes: list[Quote] = attrs.field(factory=list)
    """The quotes of the current region."""
    quote_starts: list[int] | None = None
    """Their starts when sorted and disjoint (a binary search finds one), else ``None``."""
    quote_speakers: dict[Quote, str | None] = attrs.field(factory=dict)
    """Who said each quote seen so far."""
    spans: dict[int, tuple[tuple[int, int], ...]] = attrs.field(factory=dict)
    """A sentence's start → the spans of its time expressions (cut out of the action)."""
    resolved: dict[int, tuple[Found, dt.date, Window]] = attrs.field(factory=dict)
    """The due windows of the current sentence's due expressions (by ``id()``), for the day they
    were said on."""
    day_windows: dict[dt.date, Window] = attrs.field(factory=dict)
    """One-day windows by day (a commitment with no issue date is issued on its day)."""
    trip: Trip | None = None
    """The last dated trip, whose stops ("In Jerusalem, he will meet …") share its window."""
    last_dated: Commitment | None = None
    """The last dated commitment of the last sentence that made one ("Then he will …" goes on
    with it; its source says where that sentence ends)."""

    def due_window(self, due: Found, issued: Window) -> Window | None:
        """``due`` resolved for a statement issued in ``issued``: the window the sentence step
        already resolved when it was for the same single day, else resolved now."""
        known = self.resolved.get(id(due))
        if known is not None and known[0] is due and issued.earliest == issued.latest == known[1]:
            return known[2]
        return due.window(issued)

    def issued_on(self, day: dt.date) -> Window:
        """The one-day window of ``day`` (a commitment with no issue date is issued on its day)."""
        issued = self.day_windows.get(day)
        if issued is None:
            issued = self.day_windows[day] = Window.day(day)
        return issued
