"""Segmentation: paragraphs, sentences and quotations, with offsets into the text.

Quotations may span sentences, use curly or straight marks, be split by an attribution
(“…,” he said, “…”), or run to the end of a paragraph (news style for multi-paragraph quotes).

Sentences and paragraphs have a length limit (:data:`MAX_SENTENCE`, :data:`MAX_PARAGRAPH`): a
longer run without a sentence end or a blank line (a machine-made line, a list without full stops,
hostile input) is cut at the last space before the limit, so every later step, which looks at
whole sentences and paragraphs, does bounded work on each and the whole stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

__all__ = [
    "MAX_PARAGRAPH",
    "MAX_SENTENCE",
    "Quote",
    "Sentence",
    "headings",
    "paragraphs",
    "quotes",
    "sentences",
]

MAX_SENTENCE = 2_000
"""The longest sentence, in characters (news sentences stay well under 1,000)."""
MAX_PARAGRAPH = 10_000
"""The longest paragraph, in characters."""

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc ltd corp co no vs etc
    u.s u.k u.n e.u a.m p.m e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec mon tue
    tues wed thu thur thurs fri sat sun approx dept est fig op rev ft mt pres hon rt cllr adm
    supt insp det""".split()
)

_PARAGRAPH_BREAK = r"\n[ \t]*\n+|\n(?=[ \t]*(?:[-*+•#>]|\d+[.)]\s|\[\s?[xX ]?\]|WHEREAS\b))"
"""A blank line, or a line that opens a list's item or an order's recital ("WHEREAS, …")."""
_PARAGRAPH = re.compile(_PARAGRAPH_BREAK)
_PARAGRAPH_HTML = re.compile(
    rf"{_PARAGRAPH_BREAK}|<(?:[Pp]|/[Pp]|[Bb][Rr][ \t]*+/?)>"  # HTML's breaks left in scraped text
)
"""(Only for a text with a "<" in it: the plain pattern starts with a newline, which ``re`` finds
by a fast scan.)"""
# A sentence end, and a capital, digit or opening mark after it (or the end). Written to start
# with a character class, which lets `re` skip straight to the next stop instead of trying the
# pattern at every character.
_BOUNDARY_END = r"[.!?…][.!?…]*[”\"’')\]]*(?:(?=\s+[“\"‘'(\[]?[A-Z0-9¿¡])|$)"
_BOUNDARY = re.compile(_BOUNDARY_END)
_BOUNDARY_MARKED = re.compile(
    rf"{_BOUNDARY_END}|\n(?=[ \t]*§)"  # a Hansard speaker's mark: "… [66798]\n§ Mr. Raynsford…"
)
"""(Only for a paragraph with a "§" in it.)"""
_OPEN = "“«„"
_CLOSE = "”»"
_MARKS = re.compile(f'[{_OPEN}{_CLOSE}"]')


@attrs.frozen
class Sentence:
    """A sentence: its span in the text and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


@attrs.frozen
class Quote:
    """A quotation: the span of its words (marks excluded) and its paragraph."""

    start: int
    end: int
    paragraph: int
    closed: bool = True
    """False when the quote runs to the end of its paragraph without a closing mark."""

    def __contains__(self, position: object) -> bool:
        return isinstance(position, int) and self.start <= position < self.end


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank paragraph (one longer than :data:`MAX_PARAGRAPH` is cut)."""
    start = 0
    for m in (_PARAGRAPH_HTML if "<" in text else _PARAGRAPH).finditer(text):
        if not _blank(text, start, m.start()):
            yield from _pieces(text, *_trim(text, start, m.start()), MAX_PARAGRAPH)
        start = m.end()
    if not _blank(text, start, len(text)):
        yield from _pieces(text, *_trim(text, start, len(text)), MAX_PARAGRAPH)


def _blank(text: str, start: int, end: int) -> bool:
    return start >= end or text[start:end].isspace()


def _pieces(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``limit`` characters, each cut after the last
    newline or space in its second half (in the middle of a word if there is none)."""
    while end - start > limit:
        cut = max(
            text.rfind("\n", start + limit // 2, start + limit),
            text.rfind(" ", start + limit // 2, start + limit),
        )
        cut = cut + 1 if cut > start else start + limit
        yield _trim(text, start, cut)
        start, _ = _trim(text, cut, end)
    if start < end:
        yield start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """True when the dot at ``dot`` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    # The word runs back over letters, digits and dots; one longer than every abbreviation
    # (casefold never shortens a word) is none, so the walk back stops one character past that
    # (and most sentences end in such a word: one test of the characters before the dot).
    floor = dot - _LONGEST_ABBREVIATION - 1
    if floor > start and text[floor - 1 : dot].isalnum():
        return False
    floor = max(start, floor)
    word_start = dot
    while word_start > floor and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    if dot - word_start > _LONGEST_ABBREVIATION:
        return False
    word = text[word_start:dot].casefold()
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and text[word_start].isupper()


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Sentence]:
    """The sentences of ``text[start:end]``, paragraph by paragraph."""
    end = len(text) if end is None else end
    for index, (p_start, p_end) in enumerate(paragraphs(text[start:end])):
        p_start += start
        p_end += start
        s_start = p_start
        marked = text.find("§", p_start, p_end) != -1
        for m in (_BOUNDARY_MARKED if marked else _BOUNDARY).finditer(text, p_start, p_end):
            if _is_abbreviation(text, s_start, m.start()):
                continue
            s_end = m.end()
            first, last = _trim(text, s_start, s_end)  # (first == last: a blank stretch)
            if last - first > MAX_SENTENCE:
                for a, b in _pieces(text, first, last, MAX_SENTENCE):
                    yield Sentence(a, b, index)
            elif first < last:
                yield Sentence(first, last, index)
            s_start = s_end
        if not _blank(text, s_start, p_end):
            for a, b in _pieces(text, *_trim(text, s_start, p_end), MAX_SENTENCE):
                yield Sentence(a, b, index)


def quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """The quotations of ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    found: list[Quote] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text[start:end])):
        p_start += start
        p_end += start
        opened: int | None = None
        curly = False
        for mark in _MARKS.finditer(text, p_start, p_end):  # other characters change nothing
            i, ch = mark.start(), mark[0]
            if opened is None:
                if ch in _OPEN or (ch == '"' and _opens(text, i, p_start)):
                    opened, curly = i + 1, ch != '"'
            elif (curly and ch in _CLOSE) or (not curly and ch == '"'):
                found.append(Quote(opened, i, index))
                opened = None
        if opened is not None and p_end - opened > 0:
            found.append(Quote(opened, p_end, index, closed=False))
    return found


def _opens(text: str, i: int, p_start: int) -> bool:
    """A straight double quote opens when it follows a space, a bracket or the paragraph start."""
    return i == p_start or not text[i - 1].isalnum()


def headings(text: str, start: int, end: int) -> set[int]:
    """Paragraphs of ``text[start:end]`` that are headlines or headings: a restatement, written
    without a speaker.

    A Markdown heading (``# …``), or a first line with no closing punctuation above more text.
    """
    spans = list(paragraphs(text[start:end]))
    found = {i for i, (a, b) in enumerate(spans) if text[start + a : start + b].startswith("#")}
    if len(spans) > 1:
        a, b = spans[0]
        first = text[start + a : start + b]
        if (
            "\n" not in first
            and len(first) < 200
            and not first.rstrip().endswith(tuple('.!?”"’:;'))
        ):
            found.add(0)
    return found
