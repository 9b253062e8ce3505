"""A pre-filter for regular expressions: skip the ones whose words a text lacks.

The pipeline runs some fifty case-insensitive patterns over every sentence (cues, the due
grammar). Most sentences hold none of the words a given pattern needs ("fortnight", a month
name, "ultimatum"), and Python's ``re`` cannot skip ahead to a case-insensitive word: it tries
every position. :func:`required` reads a compiled pattern's syntax tree once and returns the
words every match must contain; :class:`Prefilter` finds which of those words a sentence holds
(one pass over its tokens, cached per token) and so which patterns may match it.

The filter is exact, not a heuristic: a pattern is skipped only when it cannot match. Nothing
is hand-listed, so it follows the rules as they change; a pattern that needs no word
(``\\d{4}``, an optional prefix) is always run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["Prefilter", "fold", "required"]

Requirement = tuple[frozenset[str], ...]
"""Groups of lower-case ASCII strings: every match holds one string of each group."""

# The four non-ASCII characters that a case-insensitive pattern matches with an ASCII letter
# ("İ" ~ "i", "ı" ~ "i", "ſ" ~ "s", Kelvin sign ~ "k"); str.lower() alone misses them.
_ODD_CASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_TOKEN = re.compile(r"[a-z]+|[0-9]+")


def fold(text: str) -> str:
    """``text`` in lower case, with the odd case pairs above resolved to their ASCII letter."""
    if text.isascii():
        return text.lower()
    return text.translate(_ODD_CASES).lower()


class Prefilter:
    """Which of a fixed list of patterns may match a text.

    Each group of required words gets a bit; a token ("deadlines") maps to the bits of the
    words it contains ("deadline"), and a pattern may match when the text's tokens cover all of
    its bits. Words that are not letters or digits alone (" ", "'s") are looked for directly.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]], *, cache: int = 1 << 16):
        bits: dict[frozenset[str], int] = {}
        words: dict[str, int] = {}
        self._masks: list[tuple[re.Pattern[str], int]] = []
        for pattern in patterns:
            mask = 0
            for group in map(_shortest, required(pattern)):
                bit = bits.setdefault(group, 1 << len(bits))
                mask |= bit
                for word in group:
                    words[word] = words.get(word, 0) | bit
            self._masks.append((pattern, mask))
        self._alpha = tuple((w, b) for w, b in words.items() if w.isalpha())
        self._digits = tuple((w, b) for w, b in words.items() if w.isdigit())
        self._other = tuple((w, b) for w, b in words.items() if not (w.isalpha() or w.isdigit()))
        self._token_bits = functools.lru_cache(maxsize=cache)(self._bits_of)

    def _bits_of(self, token: str) -> int:
        table = self._alpha if token[0].isalpha() else self._digits
        found = 0
        for word, bit in table:
            if word in token:
                found |= bit
        return found

    def runnable(self, text: str) -> set[re.Pattern[str]]:
        """The patterns that may match ``text``; the others cannot."""
        folded = fold(text)
        present = 0
        for token in set(_TOKEN.findall(folded)):
            present |= self._token_bits(token)
        for word, bit in self._other:
            if word in folded:
                present |= bit
        return {pattern for pattern, mask in self._masks if present & mask == mask}


@functools.lru_cache(maxsize=1024)
def required(pattern: re.Pattern[str]) -> Requirement:
    """Groups of strings such that every match of ``pattern`` contains one of each group.

    Strings are lower-case ASCII (compare them with :func:`fold`); the most selective group
    comes first; an empty tuple means the pattern needs no particular word.
    """
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a private API: if it ever changes, filter nothing
        return ()
    return tuple(sorted(_all_of(list(tree)), key=_selectivity, reverse=True))


def _shortest(group: frozenset[str]) -> frozenset[str]:
    """The group without words that contain another of its words ("sep" covers "september")."""
    return frozenset(w for w in group if not any(v != w and v in w for v in group))


def _selectivity(group: frozenset[str]) -> tuple[int, int, tuple[str, ...]]:
    return min(map(len, group)), -len(group), tuple(sorted(group))


def _char(code: int) -> str | None:
    """The folded form of a literal character, or ``None`` if case folding makes it ambiguous."""
    ch = chr(code)
    if code < 128:
        return ch.lower()
    return ch if ch.lower() == ch == ch.upper() else None  # uncased: matches only itself


def _chars(op: Any, av: Any) -> list[str] | None:
    """The folded characters one item can match if they are few (``[12]``, ``['’]``, ``(Q)``)."""
    if op is sre.LITERAL:
        char = _char(av)
        return None if char is None else [char]
    if op is sre.SUBPATTERN and len(av[-1]) == 1:
        return _chars(*av[-1][0])
    if op is not sre.IN:
        return None
    codes: list[int] = []
    for o, a in av:
        if o is sre.LITERAL:
            codes.append(a)
        elif o is sre.RANGE and a[1] - a[0] < _CLASS_MAX:
            codes.extend(range(a[0], a[1] + 1))
        else:
            return None
    found = [_char(code) for code in codes]
    if len(found) > _CLASS_MAX or None in found:
        return None
    return [c for c in found if c is not None]


_CLASS_MAX = 4
_RUN_MAX = 32


def _all_of(items: list[tuple[Any, Any]]) -> set[frozenset[str]]:
    """What each item of a sequence needs (a match needs all of them).

    Adjacent literals form runs of text; a small class inside a run multiplies it
    ("won['’]t" needs "won't" or "won’t").
    """
    found: set[frozenset[str]] = set()
    run: list[str] = [""]
    for op, av in [*items, (None, None)]:
        chars = None if op is None else _chars(op, av)
        if chars is not None and len(run) * len(chars) <= _RUN_MAX:
            run = [text + c for text in run for c in chars]
            continue
        if run[0]:
            found.add(frozenset(run))
        run = [""]
        if chars is not None:  # a run too long to multiply: start a new one here
            run = chars
        elif op is not None:
            need = _item(op, av)
            if need is not None:
                found.add(need)
    return found


def _one_of(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective group a sequence needs (one group, for use inside a branch)."""
    found = _all_of(items)
    return max(found, key=_selectivity) if found else None


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _one_of(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _one_of(list(av))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = av
        return _one_of(list(body)) if low >= 1 else None
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            need = _one_of(list(branch))
            if need is None:
                return None
            found |= need
        return frozenset(found)
    return None
