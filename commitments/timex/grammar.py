"""The due grammar: find time expressions in a sentence and turn them into due windows.

Rules follow ``CONVENTIONS.md`` (see README, "How a time expression becomes a due window"):
durations ("in two weeks", "within 72 hours", "a two-week deadline"), operators over named
periods ("by Friday", "before 17 September", "no later than Q3"), and the vague phrases of
:mod:`commitments.timex.vague`. Absolute dates go to dateparser, through
:mod:`commitments.timex.absolute`; the rest is ours.

The pieces live in modules of their own: the :class:`Found` record
(:mod:`~commitments.timex.found`), the shared pattern pieces (:mod:`~commitments.timex.patterns`),
fast scanning (:mod:`~commitments.timex.scanning`), the duration rules
(:mod:`~commitments.timex.durations`), the rules over named periods
(:mod:`~commitments.timex.period_rules`), the vague phrases' pattern
(:mod:`~commitments.timex.vague_pattern`) and ranges (:mod:`~commitments.timex.ranges`). This
module finds the expressions in a sentence with them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

import attrs

from commitments.fastmatch.prefilter import TIME_EXPRESSIONS, fold
from commitments.records import Window
from commitments.timex.durations import _DURATION_RULES, _span
from commitments.timex.found import Found, Resolve
from commitments.timex.patterns import PAST, TIME, _time_of
from commitments.timex.period_rules import _PERIOD_RULES, _period_found, _period_matches
from commitments.timex.period_words import MONTH
from commitments.timex.ranges import _joined_ranges
from commitments.timex.scanning import _located, _locator
from commitments.timex.vague import VagueTable, default_table
from commitments.timex.vague_pattern import _default_vague, _vague_compiled

__all__ = ["Found", "find"]


_PAST_LOCATE = _locator(PAST)


TIME_EXPRESSIONS.watch(
    [*(r.whole for r in _DURATION_RULES), *(r.whole for r in _PERIOD_RULES), PAST]
)


_DURATION_KEYS = {id(rule.whole): (i, rule) for i, rule in enumerate(_DURATION_RULES)}
_PERIOD_KEYS = {id(rule.whole): (i, rule) for i, rule in enumerate(_PERIOD_RULES)}
"""The rules, with their place in their list, by the ``id()`` of the pattern the pre-filter
knows them by (a sentence's few allowed ones are looked up, not every rule tested)."""
_DURATION_IDS = frozenset(_DURATION_KEYS)
_PERIOD_IDS = frozenset(_PERIOD_KEYS)


def find(text: str, *, vague: VagueTable | None = None) -> list[Found]:
    """Every time expression in ``text``, longest first where two overlap, in text order."""
    if vague is None:  # boilerplate sentences repeat across an archive: remember the last ones
        return list(_find_default(text))
    return _find(text, vague)


@functools.lru_cache(maxsize=4096)
def _find_default(text: str) -> tuple[Found, ...]:
    return tuple(_find(text, None))


def _find(text: str, vague: VagueTable | None) -> list[Found]:
    table = default_table() if vague is None else vague
    vague_pattern, vague_locate = (
        _default_vague() if vague is None else _vague_compiled(tuple(sorted(table.items())))
    )
    skip = TIME_EXPRESSIONS.ruled_out(text)  # patterns that cannot match here
    folded = fold(text)
    allowed = skip.allowed
    candidates: list[Found] = []
    for _, duration in sorted(map(_DURATION_KEYS.__getitem__, allowed & _DURATION_IDS)):
        for m in duration.finditer(text, folded):
            resolve = duration.build(m)
            if resolve is not None:
                candidates.append(
                    Found(
                        start=m.start(), end=m.end(), text=m[0], resolve=resolve, kind=duration.kind
                    )
                )
    for _, rule in sorted(map(_PERIOD_KEYS.__getitem__, allowed & _PERIOD_IDS)):
        for m in _period_matches(rule, text, folded):
            candidates.append(_period_found(rule.period, m))
    if vague_pattern in skip:
        vagues: Iterator[re.Match[str]] = iter(())
    elif vague_locate is None:
        vagues = vague_pattern.finditer(text)
    else:
        vagues = _located(vague_pattern, vague_locate, text, folded)
    for m in vagues:
        low, high = table[" ".join(m[0].casefold().split())]
        candidates.append(
            Found(
                start=m.start(),
                end=m.end(),
                text=m[0],
                resolve=_span(low, high, "day"),
                kind="vague",
            )
        )
    assert _PAST_LOCATE is not None
    for m in _located(PAST, _PAST_LOCATE, text, folded) if PAST not in skip else ():
        candidates.append(
            Found(
                start=m.start(),
                end=m.end(),
                text=m[0],
                resolve=lambda day: None,
                kind="past",
                past=True,
            )
        )
    chosen: list[Found] = []
    for found in sorted(candidates, key=lambda f: (-(f.end - f.start), f.start)):
        if _YEAR_OUT_OF_RANGE.match(text, found.end) or (
            _FOUR_DIGITS.match(text, found.end) and _ENDS_IN_MONTH.search(found.text)
        ):
            continue  # "by 31 December 99999", "by May 3000": not this year's; no date at all
        if all(found.end <= c.start or found.start >= c.end for c in chosen):
            chosen.append(_with_time(found, text))
    chosen.sort(key=lambda f: f.start)
    return _month_from_date_before(_joined_ranges(chosen, text)) if chosen else chosen


def _month_from_date_before(found: list[Found]) -> list[Found]:
    """A day of the month alone after a full date ("on July 23rd … through the 25th") is in that
    date's month (or the next one that has the day), not the month it was said in."""
    date: Found | None = None
    for i, f in enumerate(found):
        if f.kind == "date" or f.kind.endswith(":date"):
            date = f
        elif date is not None and f.kind.endswith("day-of-month"):
            found[i] = attrs.evolve(f, resolve=_from_date(f.resolve, date.resolve))
    return found


def _from_date(resolve: Resolve, date: Resolve) -> Resolve:
    def resolved(day: dt.date) -> Window | None:
        window = date(day)
        return resolve(window.earliest if window is not None and window.earliest > day else day)

    return resolved


_YEAR_OUT_OF_RANGE = re.compile(r",?\s*\d{5}")
"""A number of five or more digits right after an expression: a year no calendar date can have."""
_FOUR_DIGITS = re.compile(r",?\s+\d{4}(?!\d)")
_ENDS_IN_MONTH = re.compile(rf"{MONTH}$", re.IGNORECASE)
"""A month, then four digits that were not read as its year ("May 3000"): no date at all."""


def _with_time(found: Found, text: str) -> Found:
    m = TIME.match(text, found.end)
    if (
        m is None
        or found.kind in ("past", "vague")
        or found.kind.startswith(("duration", "within", "in", "range", "give", "deadline"))
    ):
        return found
    return attrs.evolve(found, end=m.end(), text=text[found.start : m.end()], time=_time_of(m))
