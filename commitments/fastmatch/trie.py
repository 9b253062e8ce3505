"""Word lists as regular expressions that Python's ``re`` matches quickly.

``re`` tries the branches of an alternation one by one: at each place in a text, a list of 150
reporting verbs costs 150 tries, and a case-insensitive list has no quick test per branch at
all. :func:`alternation` writes a list as a trie instead ("add(?:ed|s)|…"), so a place is
tried against a handful of first letters and then the words that share them.

The trie matches what the list sorted longest first matches, at every place: of two words that
can match at one place, one is a prefix of the other, and the trie tries the longer first (an
optional ending is greedy). ``re`` gives the same match, and the same backtracking, either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation"]

_Node = dict[str, "_Node"]
_END = ""


def alternation(words: Iterable[str]) -> str:
    """A pattern (one non-capturing group, no flags) for any of ``words``, taken literally."""
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return f"(?:{_pattern(root)})"


def _pattern(node: _Node) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if _END in node:  # a word ends here: the longer words first, then this one
        return f"(?:{body})?"
    return body
