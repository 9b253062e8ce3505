"""Fast scanning for the due grammar's rules: find where a rule's whole pattern can match from a
part of it (an anchor) looked for in case-folded text, with the same matches a plain scan finds.

``re`` scans a case-insensitive alternation slowly, and finds no quick start for a pattern that
begins with ``\\b`` or an optional group; these helpers compile case-sensitive patterns for
:func:`~commitments.fastmatch.prefilter.fold`-ed text and let the rule's own pattern have the
last word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from commitments.fastmatch.internals import constants as sre
from commitments.fastmatch.internals import parser as sre_parse

__all__: list[str] = []

_REACH = 80
"""How far before its anchor a rule's match may start, in characters ("no later than 11:30 a.m.
on" before a period, "within approximately twenty-five" before "to 30 days"). A run of spaces
that pushes the start further away (dozens of them) ends the expression there."""
_WORD_STARTS = re.compile(r"\b(?=\w)")


_CLASS_MAX = 64
"""A range in a character class with more characters than this makes a pattern's first
characters unknown."""


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
"""A class's categories, as written in a class (the same characters, for the same flags)."""


def _first_chars(items: Any) -> tuple[frozenset[str] | None, bool]:
    """The characters a match of the (case-sensitive) parsed pattern ``items`` may start with,
    as items of a character class (a character, ``\\d``; ``None``: any), and whether it may
    match the empty string."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:
            continue  # zero width: a superset of the first characters is still one
        if op is sre.LITERAL:
            first: frozenset[str] | None = frozenset(chr(av))
            empty = False
        elif op is sre.IN:
            found: set[str] = set()
            for o, a in av:
                if o is sre.LITERAL:
                    found.add(chr(a))
                elif o is sre.RANGE and a[1] - a[0] < _CLASS_MAX:
                    found.update(map(chr, range(a[0], a[1] + 1)))
                elif o is sre.CATEGORY and a in _CATEGORIES:
                    found.add(_CATEGORIES[a])
                else:  # a negation, a wide range
                    return None, False
            first, empty = frozenset(found), False
        elif op is sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return None, False
            first, empty = _first_chars(av[-1])
        elif op is sre.ATOMIC_GROUP:
            first, empty = _first_chars(av)
        elif op is sre.BRANCH:
            union: set[str] = set()
            empty = False
            for branch in av[1]:
                part, part_empty = _first_chars(branch)
                if part is None:
                    return None, False
                union |= part
                empty = empty or part_empty
            first = frozenset(union)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            first, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        else:  # any character, a back reference, …
            return None, False
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _quick_start(items: Any) -> bool:
    """``re`` already skips to the places a match may start (a literal first, a class)."""
    while items and items[0][0] is sre.SUBPATTERN and not items[0][1][1]:
        items = items[0][1][-1]
    if not items:
        return False
    op, av = items[0]
    if op is sre.BRANCH:
        return all(branch and branch[0][0] is sre.LITERAL for branch in av[1])
    return op is sre.LITERAL or op is sre.IN


def _guarded(source: str) -> str:
    """``source`` (case-sensitive) behind a look-ahead for the characters its matches start
    with, when it has such a set: the same matches, found faster. ``re`` finds no quick test
    for the start of a pattern that begins with ``\b`` or an optional group, and tries its
    whole program at every place; the look-ahead rules out most places with one class test.
    """
    parsed = sre_parse.parse(source)
    if _quick_start(parsed):
        return source
    first, empty = _first_chars(parsed)
    if first is None or empty:
        return source
    escaped = (c if c in _CATEGORIES.values() else re.escape(c) for c in sorted(first))
    return f"(?=[{''.join(escaped)}]){source}"


def _folded(source: str) -> re.Pattern[str]:
    """A case-sensitive pattern that finds, in a text's
    :func:`~commitments.fastmatch.prefilter.fold`, every place where the case-insensitive
    pattern ``source`` matches the text (and perhaps a few more: its case-sensitive parts,
    "(?-i:Jan)", match in any case).

    Folding keeps every offset, and a case-sensitive pattern is scanned far faster: ``re``
    tests a case-insensitive alternation branch by branch, a case-sensitive one by its first
    characters. The rules' own patterns, matched on the text, have the last word.
    """
    return re.compile(
        _guarded(re.sub(r"\(\?-i:([^()]*)\)", lambda m: f"(?:{m[1].lower()})", source))
    )


def _scan(
    whole: re.Pattern[str],
    anchor: re.Pattern[str],
    text: str,
    folded: str,
    leads: re.Pattern[str] | None = _WORD_STARTS,
    longest: int = 0,
) -> Iterator[re.Match[str]]:
    """The matches a scan of ``text`` for ``whole`` finds, found faster from ``anchor``: a part
    of it that every match holds, looked for in ``folded`` (``text`` folded, see
    :func:`_folded`), where it is quick to scan for.

    No match starts before the first place ``at`` where the anchor matches, nor more than
    :data:`_REACH` characters before it; one that starts before ``at`` starts where ``leads``
    matches in ``folded`` (a word, an operator). The first of those places where ``whole``
    matches is where the scan would find it; if none does, no match starts at or before
    ``at``. ``longest`` is the length of the longest lead (a search that ended inside one would
    miss it). Each stretch of text is looked at for leads once, so this stays linear. Without
    ``leads``, every match starts where the anchor does.
    """
    pos = 0
    while (hit := anchor.search(folded, pos)) is not None:
        at = hit.start()
        found = None
        if leads is not None:
            for lead in leads.finditer(folded, max(pos, at - _REACH), at + longest):
                if lead.start() >= at:
                    break
                found = whole.match(text, lead.start())
                if found is not None:
                    break
        if found is None:
            found = whole.match(text, at)
        if found is None:
            pos = at + 1
            continue
        yield found
        pos = found.end()


def _located(
    whole: re.Pattern[str], locate: re.Pattern[str], text: str, folded: str
) -> Iterator[re.Match[str]]:
    """The matches a scan of ``text`` for ``whole`` finds, for a ``whole`` that never matches
    the empty string and a ``locate`` that matches in ``folded`` wherever ``whole`` matches in
    ``text`` (:func:`_locator`): ``locate`` finds the next place quickly, ``whole`` has the last
    word.
    """
    return _scan(whole, locate, text, folded, None)


def _locator(whole: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern for :func:`_located` to find ``whole`` (case-insensitive, its literals ASCII)
    with, in folded text; ``None`` when ``whole`` can match the empty string (a scan steps
    over an empty match, :func:`_located` would not)."""
    assert whole.flags & re.IGNORECASE
    if sre_parse.parse(whole.pattern, whole.flags).getwidth()[0] == 0:
        return None
    return _folded(whole.pattern)
