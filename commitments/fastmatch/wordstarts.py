"""Word lists and name runs found where a word starts, without a look-behind at every place."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

__all__ = ["WordStarts"]


@functools.cache
def _ascii_class(pattern: str) -> str:
    """The ASCII characters that ``pattern`` (one character) matches, as a class that lists
    them: in an ASCII text the two match alike, and a listed class is quicker to test than a
    category (``\\w``, ``\\s``)."""
    chars = [chr(c) for c in range(128) if re.fullmatch(pattern, chr(c))]
    return "[{}]".format("".join(map(re.escape, chars)))


class WordStarts:
    r"""What ``(?<![\w’'-])X`` finds, found faster.

    A pattern that starts with a look-behind is tried at every place of a text (a full match
    attempt each); one that starts with a character class is tried only where the class
    matches (a quick scan). So X is looked for just after a character the look-behind allows,
    taken into the match, and at the very start of the text on its own. Same matches, as long
    as the character before a match is never the last one of the match before it: X starts
    with a word character, and every match of X ends before a character that cannot start X.
    In an ASCII text the classes are the ones that list their ASCII characters.
    """

    def __init__(self, pattern: str, classes: Mapping[str, str]):
        """``pattern`` names its classes (``%(upper)s``, ``%(space)s`` …), each one character
        class of ``classes``; ``classes["non_word"]`` is what the look-behind allows."""
        ascii_classes = {key: _ascii_class(value) for key, value in classes.items()}
        self.at = re.compile(pattern % classes)
        led = "%(non_word)s(" + pattern + ")"
        self.after = re.compile(led % classes)
        self.after_ascii = re.compile(led % ascii_classes)

    def spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the matches in ``text[start:end]`` (the look-behind sees before)."""
        spans = []
        pos = start - 1
        if start == 0:
            first = self.at.match(text, 0, end)
            pos = 0 if first is None else first.end()
            if first is not None:
                spans.append(first.span())
        after = self.after_ascii if text.isascii() else self.after
        for m in after.finditer(text, pos, end):
            spans.append(m.span(1))
        return spans
