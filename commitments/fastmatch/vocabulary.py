"""The words of note a text holds, as the bits of an int: what the pre-filter decides by.

Patterns need groups of words (:mod:`.prefilter` reads them off their syntax trees); each group
gets a bit. A token of a text (a run of ASCII letters or of digits of its folded form:
"deadlines") maps to the bits of the groups whose words it holds, cached; a text's bits are
those of its tokens, and of the few words that are not a token's letters (" ", "'ll"), looked
for in the folded text. Two pre-filters that share a :class:`Vocabulary` number their groups
alike, so a sentence's words are read once for both.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["Mask", "Vocabulary", "Word", "fold"]


class Word(NamedTuple):
    """A piece of text every match holds, in folded form (see :func:`fold`)."""

    text: str
    starts: bool = False
    """The pattern puts a non-word character (or nothing) just before it ("\\bday")."""
    ends: bool = False
    """The pattern puts a non-word character (or nothing) just after it ("day\\b")."""


Mask = int
"""A set of group numbers as the bits of an int: bit ``n`` set when group ``n`` is in it."""

# The four non-ASCII characters that a case-insensitive pattern matches with an ASCII letter
# ("İ" ~ "i", "ı" ~ "i", "ſ" ~ "s", Kelvin sign ~ "k"); str.lower() alone misses them.
_ODD_CASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
TOKEN = re.compile(r"[a-z]+|[0-9]+")
"""A token of a folded text."""
_SEEN = 4096  # texts whose bits are kept
# Byte tables that keep the letters (the digits) of a folded text, as ASCII, and make every
# other character a space; and one that also folds the capitals of an ASCII text.
_LETTERS = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))
_DIGITS = bytes(c if 0x30 <= c <= 0x39 else 0x20 for c in range(256))
_ASCII_LETTERS = bytes(
    c | 0x20 if 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A else 0x20 for c in range(256)
)


def fold(text: str) -> str:
    """``text`` in lower case, with the odd case pairs above resolved to their ASCII letter."""
    if text.isascii():
        return text.lower()
    return text.translate(_ODD_CASES).lower()


def tokens(text: str) -> list[bytes]:
    """The tokens of ``text`` folded (:func:`fold`), in ASCII: what ``TOKEN.findall`` finds
    there, found faster (in another order, perhaps more than once).

    Encoded as Latin-1 (anything else a ``?``), each character of the folded text is one byte,
    a letter or digit its ASCII one; the runs of letters are the words of the text with every
    other byte made a space, and likewise the runs of digits. An ASCII text is folded by the
    table that keeps its letters.
    """
    if text.isascii():
        raw = text.encode("ascii")
        letters = raw.translate(_ASCII_LETTERS)
    else:
        raw = fold(text).encode("latin-1", "replace")
        letters = raw.translate(_LETTERS)
    return (letters + b" " + raw.translate(_DIGITS)).split()


def _core(word: Word) -> Word | None:
    """The longest token inside a word that is not one ("feb." → "feb" at a token's end,
    " month" → "month" at a token's start): wherever the word is, that token piece is, so it
    can stand for the word, and a token table finds it faster than a search of the text."""
    runs = [m.span() for m in TOKEN.finditer(word.text)]
    if not runs:
        return None
    start, end = max(runs, key=lambda run: run[1] - run[0])
    # inside the word, a run is cut off by a non-token character or by the other kind of run
    starts = word.starts if start == 0 else True
    ends = word.ends if end == len(word.text) else True
    return Word(word.text[start:end], starts, ends)


class Vocabulary:
    """Groups of words, a bit each, and which of them a text holds (:meth:`present`).

    A word of letters or digits lies inside one token (at its start if ``starts``, at its end
    if ``ends``); other words are looked for in the folded text. Groups are added with
    :meth:`mask`; the tables are rebuilt on the next question, and what was cached dropped.
    """

    def __init__(self, *, cache: int = 1 << 16):
        self._groups: dict[frozenset[Word], int] = {}
        self._words: dict[Word, Mask] = {}
        self._stale = False  # words added since the tables were built
        self._whole: dict[str, Mask] = {}  # words that are a whole token
        self._prefixes: dict[str, Mask] = {}  # words that start a token
        self._suffixes: dict[str, Mask] = {}  # words that end a token
        self._inner: tuple[tuple[str, Mask], ...] = ()  # words anywhere in a token
        self._other: tuple[tuple[str, Mask], ...] = ()  # words that are not a token's letters
        self._cache = cache
        self._token_masks: dict[bytes, Mask] = {}
        self._present: dict[str, Mask] = {}  # recent texts (each filter asks about a sentence)

    def mask(self, groups: Iterable[frozenset[Word]]) -> Mask:
        """The bits of ``groups``, each given one if it has none yet."""
        mask = 0
        for group in groups:
            bit = 1 << self._groups.setdefault(group, len(self._groups))
            mask |= bit
            for word in group:
                old = self._words.get(word, 0)
                if old | bit != old:
                    self._words[word] = old | bit
                    self._stale = True
        return mask

    def present(self, text: str) -> Mask:
        """The bits of the groups ``text`` holds a word of."""
        if self._stale:
            self._build()
        found = self._present.get(text)
        if found is None:
            if len(self._present) >= _SEEN:  # bounded: start over
                self._present.clear()
            found = self._present[text] = self._read(text)
        return found

    def forget(self) -> None:
        """Drop what was cached (benchmarks start cold with it)."""
        self._token_masks.clear()
        self._present.clear()

    def _read(self, text: str) -> Mask:
        found = tokens(text)
        known = self._token_masks
        try:
            present = functools.reduce(operator.or_, map(known.__getitem__, found), 0)
        except KeyError:  # tokens not seen lately
            new = [token for token in dict.fromkeys(found) if token not in known]
            if len(known) + len(new) >= self._cache:  # bounded: start over when full
                known.clear()
                new = list(dict.fromkeys(found))
            for token in new:
                known[token] = self._mask_of(token.decode("ascii"))
            present = functools.reduce(operator.or_, map(known.__getitem__, found), 0)
        if self._other:
            folded = fold(text)
            for word, mask in self._other:
                if word in folded:
                    present |= mask
        return present

    def _mask_of(self, token: str) -> Mask:
        mask = self._whole.get(token, 0)
        prefixes, suffixes = self._prefixes, self._suffixes
        for cut in range(1, len(token) + 1):
            mask |= prefixes.get(token[:cut], 0) | suffixes.get(token[-cut:], 0)
        for text, bits in self._inner:
            if text in token:
                mask |= bits
        return mask

    def _build(self) -> None:
        tables: dict[tuple[bool, bool], dict[str, Mask]] = {}
        inner: list[tuple[str, Mask]] = []
        others: dict[str, Mask] = {}
        for word, mask in self._words.items():
            if not (word.text.isalpha() or word.text.isdigit()):
                core = _core(word)  # " month" → a token that starts with "month"
                if core is None:
                    others[word.text] = others.get(word.text, 0) | mask
                    continue
                word = core
            text = word.text
            if not (word.starts or word.ends):
                inner.append((text, mask))
            else:
                table = tables.setdefault((word.starts, word.ends), {})
                table[text] = table.get(text, 0) | mask
        self._whole = tables.get((True, True), {})
        self._prefixes = tables.get((True, False), {})
        self._suffixes = tables.get((False, True), {})
        self._inner, self._other = tuple(inner), tuple(others.items())
        self._stale = False
        self.forget()
