"""The vague phrases of a :class:`~commitments.timex.vague.VagueTable` ("in the coming days",
"soon") compiled into one pattern for the due grammar, with a locator for fast scanning; the
default table's is compiled once and watched by the pre-filter.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from commitments.fastmatch.prefilter import TIME_EXPRESSIONS
from commitments.fastmatch.trie import alternation
from commitments.timex.scanning import _locator
from commitments.timex.vague import VagueTable, default_table

__all__: list[str] = []


def _vague_body(phrases: list[str]) -> str:
    """The phrases (sorted longest first) as one alternation, each space a run of whitespace.

    A table of lower-case ASCII phrases with single spaces is written as a trie of their
    characters (:func:`~commitments.fastmatch.trie.alternation`, a space standing for ``\\s+``): it
    matches what the list does. Two phrases that match at one place are one a prefix of the
    other (each ``\\s+`` takes a whole run of whitespace, since a word follows it), and both
    try the longer first.
    """
    if all(
        p.isascii() and p == p.lower() and p == " ".join(p.split()) and "\0" not in p
        for p in phrases
    ):
        return alternation(p.replace(" ", "\0") for p in phrases).replace("\0", r"\s+")
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + ")"


def _vague_pattern(table: VagueTable) -> re.Pattern[str]:
    body = _vague_body(sorted(table, key=len, reverse=True))
    return re.compile(
        rf"\b(?<!\bas\s)(?<!\bso\s)(?:{body})\b(?!\s+(?:as|after|afterwards|thereafter))",
        re.IGNORECASE,
    )


class _Vague(NamedTuple):
    pattern: re.Pattern[str]
    locate: re.Pattern[str] | None
    """For :func:`_located`, when the phrases are ASCII (``None``: scan for ``pattern``)."""


@functools.lru_cache(maxsize=16)
def _vague_compiled(key: tuple[tuple[str, tuple[int, int]], ...]) -> _Vague:
    pattern = _vague_pattern(dict(key))
    ascii_ = all(phrase.isascii() for phrase, _ in key)
    return _Vague(pattern, _locator(pattern) if ascii_ else None)


@functools.cache
def _default_vague() -> _Vague:
    vague = _vague_compiled(tuple(sorted(default_table().items())))
    TIME_EXPRESSIONS.watch([vague.pattern])
    return vague
