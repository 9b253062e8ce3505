"""Numbers written in words or digits ("two", "2", "twenty-one", "a")."""

from __future__ import annotations

from commitments.fastmatch.trie import alternation

__all__ = ["NUMBER", "to_number"]

_UNITS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

NUMBER = (
    rf"(?:\d{{1,4}}(?:\.\d+)?|(?:{alternation(_TENS)}(?:[- ]{alternation(list(_UNITS)[2:11])})?"
    rf"|{alternation([*_UNITS, *_TENS, 'hundred'])})(?:\s*\(\d{{1,4}}\))?)"
)
"""A regular expression (no groups) for a number in digits or English words; words may carry
their digits in brackets, as orders write them ("SIXTY (60)")."""


def to_number(text: str) -> float:
    """The value of a number matched by :data:`NUMBER`."""
    word = text.casefold().split("(")[0].strip()  # ("sixty (60)": the word)
    try:
        return float(word)
    except ValueError:
        pass
    if word == "hundred":
        return 100.0
    total = 0
    for part in word.replace("-", " ").split():
        total += _UNITS.get(part, 0) + _TENS.get(part, 0)
    return float(total)
