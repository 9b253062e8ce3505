"""Who said each quote: the attribution next to it, or the speaker of the quote before it.

A quote takes the first attribution after it in its sentence ("…,” the minister said), else the
last one just before it (the minister said: “…”; "NAME said:" closing the paragraph before the
quote's counts too), else the speaker of the quote before it when it goes on from that one (same
paragraph, an unclosed quote, or a paragraph that opens with the quote).
"""

from __future__ import annotations

import bisect
import itertools

from commitments.extraction.entities import Entities
from commitments.extraction.patterns import GAP_AFTER_QUOTE, GAP_BEFORE_QUOTE, SENTENCE_BREAK
from commitments.extraction.scratch import Scratch
from commitments.extraction.segmentation import Quote, Sentence
from commitments.extraction.speakers import Attribution

__all__ = ["QuoteSpeakers", "Resolved"]

Resolved = tuple[Sentence, list[Attribution], list[str | None]]
"""A sentence, its attributions and the name each resolves to."""


class QuoteSpeakers:
    """The speakers of one document's quotes, region by region (kept in the pass's scratch)."""

    def __init__(self, text: str, entities: Entities, scratch: Scratch):
        self.text = text
        self.entities = entities
        self.scratch = scratch

    def start_region(self, region_quotes: list[Quote]) -> None:
        """Use the quotes of a new region (a turn, or the whole text)."""
        disjoint = all(a.end <= b.start for a, b in itertools.pairwise(region_quotes))
        self.scratch.quote_starts = [q.start for q in region_quotes] if disjoint else None
        self.scratch.quotes = region_quotes

    def assign_quotes(self, region_quotes: list[Quote], resolved: list[Resolved]) -> None:
        """Give each quote of the region its speaker."""
        by_paragraph: dict[int, list[tuple[Attribution, str | None]]] = {}
        for sent, atts, names in resolved:
            by_paragraph.setdefault(sent.paragraph, []).extend(zip(atts, names, strict=True))
        quote_speakers = self.scratch.quote_speakers
        previous: Quote | None = None
        for quote in region_quotes:
            speaker = None
            flat = by_paragraph.get(quote.paragraph, [])
            # the first attribution after the quote, else the last before it (the tests are pure)
            after = next(
                (
                    name
                    for att, name in flat
                    if quote.end <= att.start <= quote.end + 400
                    and att.trailing
                    and name
                    and GAP_AFTER_QUOTE.fullmatch(self.text, quote.end, att.start)
                    and self._same_sentence_gap(quote.end, att.start)
                ),
                None,
            )
            # "Jane Doe, the chief executive, said:" closing the paragraph before the quote's
            intro = (
                by_paragraph.get(quote.paragraph - 1, [])
                if after is None and self._paragraph_starts_with(quote)
                else []
            )
            before = (
                next(
                    (
                        name
                        for att, name in reversed(flat + intro[-1:])
                        if quote.start - 61 <= att.end <= quote.start
                        and name
                        and GAP_BEFORE_QUOTE.fullmatch(self.text[att.end : quote.start - 1])
                    ),
                    None,
                )
                if after is None
                else None
            )
            if after is not None:
                speaker = after
            elif before is not None:
                speaker = before
            elif previous is not None and (
                previous.paragraph == quote.paragraph
                or not previous.closed
                or self._paragraph_starts_with(quote)
            ):
                speaker = quote_speakers.get(previous)
            quote_speakers[quote] = speaker
            if speaker:
                self.entities.mention(speaker)
            previous = quote

    def quote_at(self, position: int) -> Quote | None:
        """The first quote of the region that holds ``position`` (a binary search)."""
        region_quotes = self.scratch.quotes
        starts = self.scratch.quote_starts
        if starts is None:  # not sorted and disjoint: look at every one
            return next((q for q in region_quotes if position in q), None)
        i = bisect.bisect_right(starts, position) - 1
        return region_quotes[i] if i >= 0 and position in region_quotes[i] else None

    def _same_sentence_gap(self, start: int, end: int) -> bool:
        gap = self.text[start:end]
        return not SENTENCE_BREAK.search(gap.lstrip('”"’.!?,'))

    def _paragraph_starts_with(self, quote: Quote) -> bool:
        line_start = self.text.rfind("\n", 0, quote.start) + 1
        return self.text[line_start : quote.start - 1].strip() == ""
