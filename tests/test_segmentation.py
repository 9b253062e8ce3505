"""Segmentation patterns written for speed match what their plain forms match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from commitments.extraction import segmentation

# The sentence-end pattern as first written: two branches that share their start. The faster
# form starts with a character class (so `re` can skip to the next stop) and shares the start.
PLAIN_BOUNDARY = re.compile(
    r"[.!?…]+[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9¿¡])|[.!?…]+[”\"’')\]]*$"
)
PIECES = [".", "!", "?", "…", "...", "”", '"', "’", "'", ")", "]", " ", "  ", "\n", "\t", "“", "‘",
          "(", "[", "A", "Z", "7", "¿", "¡", "a", "word", "Mr", "U.S", "é"]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_sentence_ends_are_found_as_by_the_plain_pattern(text: str) -> None:
    plain = [m.span() for m in PLAIN_BOUNDARY.finditer(text)]
    assert [m.span() for m in segmentation._BOUNDARY.finditer(text)] == plain


def test_the_fast_form_starts_with_a_class() -> None:
    """What makes it fast: a first character class (a plain `+` repeat hides it from `re`)."""
    assert segmentation._BOUNDARY.pattern.startswith("[.!?…][.!?…]*")
    assert len(list(segmentation.sentences("He left. She came! Did he? Yes."))) == 4
