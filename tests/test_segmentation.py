"""Segmentation patterns written for speed match what their plain forms match."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commitments.extraction import segmentation

# The sentence-end pattern as first written: two branches that share their start. The faster
# form starts with a character class (so `re` can skip to the next stop) and shares the start.
PLAIN_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9¿¡])|[.!?…]+[”\"’')\]]*$")
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


def _whole_word_abbreviation(text: str, start: int, dot: int) -> bool:
    """The abbreviation test as first written: the whole word before the dot, walked back."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > start and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].casefold()
    if word in segmentation.ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and text[word_start].isupper()


WORDS = ["Mr", "mr", "U.S", "u.k", "Dr", "approx", "Approx", "APPROX", "sept", "Sept", "Inc",
         "A", "a", "é", "É", "ß", "İ", "12", "e.g", "ab", "abcdefg", "Tues", "thurs", "timetable",
         "x", ".", " ", "-", "'", "\n"]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map("".join), st.integers(0, 8))
def test_abbreviations_are_told_as_by_the_whole_word(text: str, start: int) -> None:
    """Only the last few characters before a dot are read; the answers stay those of the walk
    over the whole word."""
    for dot in range(len(text)):
        first = min(start, dot)
        expected = _whole_word_abbreviation(text, first, dot)
        assert segmentation._is_abbreviation(text, first, dot) == expected, (text, first, dot)


class _Counting(str):
    """A text that counts how often it is indexed or sliced."""

    reads = 0

    def __getitem__(self, key: object) -> str:
        _Counting.reads += 1
        return str.__getitem__(self, key)  # type: ignore[index]


@pytest.mark.parametrize("length", [8, 100, 10_000], ids=["short", "long", "huge"])
def test_a_sentence_end_after_a_long_word_reads_a_few_characters(length: int) -> None:
    """The work per sentence end does not grow with the word before it."""
    text = _Counting("x" * length + ".")
    _Counting.reads = 0
    assert not segmentation._is_abbreviation(text, 0, length)
    assert _Counting.reads <= 3


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "Mr.", "U.S.", " x" * 5]), max_size=40).map("".join))
def test_sentences_cover_the_text_as_the_ends_cut_it(text: str) -> None:
    """Sentences are the stretches between the ends that are not abbreviations, trimmed and
    never blank (the paragraph of each as :func:`paragraphs` numbers them)."""
    expected = []
    for index, (p_start, p_end) in enumerate(segmentation.paragraphs(text)):
        s_start = p_start
        bounds = [p_start]
        for m in segmentation._BOUNDARY.finditer(text, p_start, p_end):
            if not _whole_word_abbreviation(text, s_start, m.start()):
                s_start = m.end()
                bounds.append(s_start)
        bounds.append(p_end)
        for a, b in itertools.pairwise(bounds):
            stretch = text[a:b]
            if stretch.strip():
                lead = len(stretch) - len(stretch.lstrip())
                expected.append((a + lead, a + len(stretch.rstrip()), index))
    found = [(s.start, s.end, s.paragraph) for s in segmentation.sentences(text)]
    assert found == expected


def test_html_paragraph_tags_left_in_scraped_text_break_paragraphs() -> None:
    text = "The bureau will meet on Monday. <P> “We are ready,” said Ana Ruiz. <br/> Done."
    spans = [text[a:b] for a, b in segmentation.paragraphs(text)]
    assert spans == ["The bureau will meet on Monday.", "“We are ready,” said Ana Ruiz.", "Done."]
