"""What ``pattern.finditer`` finds, found faster: from the words a match starts with.

A rule that starts with a look-behind (``(?<![\\w’'-])will``) gives ``re`` no quick test for
where a match may start: it tries its whole program at every place of a text. Yet every match of
most rules starts with one of a few words ("will", "shall"), and a case-sensitive search for
those in the folded text (:func:`~.vocabulary.fold`, which keeps every offset) skips from one
to the next in a tight loop. :class:`Located` finds the places where such a word starts, and
the rule itself, matched there, has the last word; a place where no word starts is one where
the rule cannot match, so the matches are the same, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from commitments.fastmatch.internals import constants as sre
from commitments.fastmatch.internals import parser as sre_parse
from commitments.fastmatch.prefilter import first_strings
from commitments.fastmatch.trie import alternation

__all__ = ["Located", "starting_words"]

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_MOST_WORDS = 64  # a longer list is no quicker to look for than the rule itself


def starting_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The folded words that every match of ``pattern`` starts with (none a prefix of another),
    or ``None`` when its start is not a short list of literal words."""
    words = _prefixes(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    if words is None:
        return None
    kept: list[str] = []
    for word in sorted(set(words), key=len):  # a word that starts with a kept one adds nothing
        if not any(word.startswith(short) for short in kept):
            kept.append(word)
    return tuple(sorted(kept))


def _prefixes(items: Any) -> list[str] | None:
    """Folded strings, none empty, one of which every match of the sequence ``items`` starts
    with; ``None`` when there are none such, or too many."""
    while items and items[0][0] in _ZERO_WIDTH:  # look-arounds and anchors take no characters
        items = items[1:]
    found = [""]
    for op, av in items:
        strings = first_strings(op, av)  # the whole item: what it matches, if few
        if strings is not None and len(found) * len(strings) <= _MOST_WORDS:
            found = [a + b for a in found for b in strings]
            continue
        # a group or an alternation: each branch's own start, and stop there
        if op is sre.SUBPATTERN:
            branches = [list(av[-1])]
        elif op is sre.BRANCH:
            branches = [list(branch) for branch in av[1]]
        else:
            break
        starts: list[str] = []
        for branch in branches:
            part = _prefixes(branch)
            if part is None:
                break
            starts.extend(part)
        else:
            if len(found) * len(starts) <= _MOST_WORDS:
                found = [a + b for a in found for b in starts]
        break
    return None if "" in found else found


class Located:
    """A pattern and, when it has them, the words its matches start with."""

    __slots__ = ("_locate", "pattern")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        words = starting_words(pattern)
        # (as a trie: a place is tried against the words' first letters, not every word)
        self._locate = None if words is None else re.compile(alternation(words))

    def finditer(self, text: str, folded: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """What ``self.pattern.finditer(text, start, end)`` finds (``folded``: ``text`` folded)."""
        locate = self._locate
        if locate is None:
            yield from self.pattern.finditer(text, start, end)
            return
        match = self.pattern.match
        pos = start
        while (hit := locate.search(folded, pos, end)) is not None:
            at = hit.start()
            found = match(text, at, end)
            if found is None:
                pos = at + 1
                continue
            yield found
            pos = found.end()  # (never empty: it holds a word)
