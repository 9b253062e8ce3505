"""The due grammar: find time expressions in a sentence and turn them into due windows.

Rules follow ``CONVENTIONS.md`` (see README, "How a time expression becomes a due window"):
durations ("in two weeks", "within 72 hours", "a two-week deadline"), operators over named
periods ("by Friday", "before 17 September", "no later than Q3"), and the vague phrases of
:mod:`commitments.timex.vague`. Absolute dates go to dateparser, through
:mod:`commitments.timex.absolute`; the rest is ours.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import attrs

from commitments.fastmatch.internals import constants as sre
from commitments.fastmatch.internals import parser as sre_parse
from commitments.fastmatch.prefilter import TIME_EXPRESSIONS, fold
from commitments.fastmatch.trie import alternation
from commitments.records import Window
from commitments.timex import calendar as cal
from commitments.timex.numbers import NUMBER, to_number
from commitments.timex.periods import MONTH, PERIODS, WEEKDAY, Period
from commitments.timex.vague import VagueTable, default_table

__all__ = ["Found", "find"]

Resolve = Callable[[dt.date], Window | None]

HEDGE = r"(?:(?:about|around|roughly|approximately|some|just|only|another|a\s+further)\s+)?"
UNIT = r"(?P<biz>(?:business|working)\s+)?(?P<unit>hours?|days?|weeks?|fortnights?|months?|years?)"
UNIT_ADJ = r"(?P<unit>hour|day|week|fortnight|month|year)"
DEADLINE_NOUN = (
    r"(?:deadline|ultimatum|window|timeline|time\s*frame|grace\s+period|countdown|timetable"
    r"|pause|ceasefire|truce|moratorium|review|freeze|suspension|halt|notice\s+period)"
)

# Operators in front of a named period, and what they do with it.
BY_OPS = r"by|no\s+later\s+than|not\s+later\s+than|until|till|til|through|on\s+or\s+before|due"
BEFORE_OPS = r"before|ahead\s+of|prior\s+to"
AT_OPS = (
    r"on|in|during|at|for|within|over|around|throughout|this|as\s+of|from|starting(?:\s+on)?"
    r"|beginning(?:\s+on)?|effective"
)
SKIP_OPS = r"after|since|following|last|past|previous|earlier\s+this"
TIME = re.compile(
    r",?\s*+(?:at\s+)?(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)|(?P<noon>noon|midday|midnight))",
    re.IGNORECASE,
)


@attrs.frozen(kw_only=True)
class Found:
    """A time expression found in a text: its span and how it resolves."""

    start: int
    end: int
    text: str
    resolve: Resolve = attrs.field(eq=False, repr=False)
    """The due window for an issue date ``D``; ``None`` when it names no due date."""
    kind: str
    """Which rule matched ("duration", "deadline-noun", "by", "vague", a period name, …)."""
    past: bool = False
    """The phrase can only point to the past ("last week", "yesterday")."""
    time: dt.time | None = None
    """A time of day given with it ("by Sunday at 6 p.m.")."""

    def shifted(self, offset: int) -> Found:
        """The same expression found ``offset`` characters further into a text."""
        return Found(
            start=self.start + offset,
            end=self.end + offset,
            text=self.text,
            resolve=self.resolve,
            kind=self.kind,
            past=self.past,
            time=self.time,
        )

    def window(self, issued: Window | dt.date) -> Window | None:
        """The due window for an issue date or window (each end from the matching end)."""
        if isinstance(issued, dt.date):
            return self.resolve(issued)
        first = self.resolve(issued.earliest)
        if issued.earliest == issued.latest or first is None:
            return first
        last = self.resolve(issued.latest)
        if last is None:
            return first
        return Window(min(first.earliest, last.latest), max(first.earliest, last.latest))


def _add(day: dt.date, amount: float, unit: str, business: bool = False) -> dt.date:
    unit = unit.casefold().rstrip("s")
    if unit == "hour":
        return day + dt.timedelta(days=math.ceil(amount / 24))
    if business and unit == "day":
        return cal.add_business_days(day, math.ceil(amount))
    if unit == "day":
        return day + dt.timedelta(days=math.ceil(amount))
    if unit == "week":
        return day + dt.timedelta(days=round(amount * 7))
    if unit == "fortnight":
        return day + dt.timedelta(days=round(amount * 14))
    if unit == "month":
        whole = math.floor(amount)
        return cal.add_months(day, whole) + dt.timedelta(days=round((amount - whole) * 30))
    whole = math.floor(amount)
    return cal.add_months(day, 12 * whole) + dt.timedelta(days=round((amount - whole) * 365))


def _span(start: float, end: float, unit: str, business: bool = False) -> Resolve:
    """[D + start units, D + end units]."""

    def resolve(day: dt.date) -> Window | None:
        try:
            return Window(_add(day, start, unit, business), _add(day, end, unit, business))
        except (OverflowError, ValueError):
            return None

    return resolve


def _number(m: re.Match[str], group: str = "n") -> float:
    value = m[group]
    return 1.0 if value is None else to_number(value)


# --- scanning for a rule from a part of it ---------------------------------------------------

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


# --- durations -------------------------------------------------------------------------------

Build = Callable[[re.Match[str]], Resolve | None]
DURATION_RULES: list[tuple[str, str, Build, str | None]] = []
"""(kind, pattern, what a match resolves to, an anchor: a part every match holds, if scanning
for it is faster)."""


def _rule(kind: str, pattern: str, anchor: str | None = None) -> Callable[[Build], None]:
    def register(build: Build) -> None:
        DURATION_RULES.append((kind, pattern, build, anchor))

    return register


@_rule(
    "within",
    rf"\b(?:within|in|over|during|for)\s+the\s+(?:next|coming|following)\s+{HEDGE}"
    rf"(?P<n>{NUMBER})\s+{UNIT}",
)
def _within_next(m: re.Match[str]) -> Resolve:
    return _span(0, _number(m), m["unit"], bool(m["biz"]))


@_rule(
    "within",
    r"\b(?:within|in|over|during)\s+the\s+(?:next|coming)\s+(?P<unit>hour|day|week|fortnight|month"
    r"|year)\b",
)
def _within_the_next_unit(m: re.Match[str]) -> Resolve:
    """ "within the next fortnight", "in the next month": [D, D + one unit]."""
    return _span(0, 1, m["unit"])


@_rule(
    "range",
    rf"\b(?:(?P<op>within|in)\s+)?{HEDGE}(?P<n>{NUMBER})\s*(?:or|to|-|–)\s*(?P<m>{NUMBER})\s+{UNIT}",
    anchor=rf"(?:or|to|-|–)\s*{NUMBER}\s+{UNIT}",
)
def _range(m: re.Match[str]) -> Resolve | None:
    low, high = _number(m), _number(m, "m")
    if high < low:
        return None
    if m["op"] is None and m["unit"].casefold().startswith("year"):
        return None  # "serve 35-40 years in prison": a length, not a time from now
    if (m["op"] or "").casefold() == "within":
        return _span(0, high, m["unit"], bool(m["biz"]))
    return _span(low, high, m["unit"], bool(m["biz"]))


@_rule(
    "relative",
    rf"\b(?:within|in)\s+{HEDGE}(?:a\s+couple\s+of|(?P<n>{NUMBER}))\s+{UNIT}\s+(?:of|after|"
    r"following)\s+(?!(?:today|now|(?:the\s+date\s+of\s+)?(?:(?:service|entry|filing|issuance"
    r"|receipt)\s+of\s+)?this\s+(?:announcement|statement|letter|notice|order|decision|judgment)))"
    r"\w+",
)
def _relative_to_an_event(m: re.Match[str]) -> Resolve | None:
    """ "within six months of that", "in 30 days after approval": counted from another event."""
    return lambda day: None


@_rule(
    "range",
    rf"\b(?:(?P<op>within|in)\s+)?{HEDGE}(?P<n>{NUMBER})\s+(?P<unit1>days?|weeks?|months?)"
    rf"\s+(?:to|or)\s+{HEDGE}(?P<m>{NUMBER})\s+{UNIT}",
    anchor=rf"(?:to|or)\s+{HEDGE}{NUMBER}\s+{UNIT}",
)
def _mixed_range(m: re.Match[str]) -> Resolve | None:
    """ "about ten days to two weeks": from the first amount in its unit to the second in its."""
    low, high, unit1, unit2 = _number(m), _number(m, "m"), m["unit1"], m["unit"]

    def resolve(day: dt.date) -> Window | None:
        try:
            first = day if (m["op"] or "").casefold() == "within" else _add(day, low, unit1)
            last = _add(day, high, unit2)
        except (OverflowError, ValueError):
            return None
        return Window(first, last) if first <= last else None

    return resolve


@_rule(
    "within", rf"\bwithin\s+{HEDGE}(?:a\s+couple\s+of|(?P<n>{NUMBER}))(?:\s+|-(?=[a-z]+s\b)){UNIT}"
)
def _within(m: re.Match[str]) -> Resolve:
    amount = 3.0 if m["n"] is None else _number(m)
    return _span(0, amount, m["unit"], bool(m["biz"]))


@_rule("couple", rf"\b(?:in\s+)?{HEDGE}a\s+couple\s+(?:of\s+)?{UNIT}")
def _couple(m: re.Match[str]) -> Resolve:
    return _span(2, 3, m["unit"], bool(m["biz"]))


@_rule(
    "in",
    rf"\bin\s+{HEDGE}(?P<n>{NUMBER})(?:\s+|-(?=[a-z]+s\b)){UNIT}(?!\s+(?:ago|earlier|before))",
)
def _in(m: re.Match[str]) -> Resolve:
    amount = _number(m)
    if m["unit"].casefold().startswith("hour"):  # "in one hour": today or, late, tomorrow
        return _span(24 * math.floor(amount / 24), amount, "hours")
    return _span(amount, amount, m["unit"], bool(m["biz"]))


@_rule(
    "from-now",
    rf"\b{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\s+(?P<from>from\s+now|from\s+today|hence|from\s+then)",
)
def _from_now(m: re.Match[str]) -> Resolve:
    amount = _number(m)
    if m["from"].casefold() == "from today":
        return _span(0, amount, m["unit"], bool(m["biz"]))
    return _span(amount, amount, m["unit"], bool(m["biz"]))


@_rule(
    "deadline-noun",
    rf"\b(?:(?P<n>{NUMBER})|a)[- ]{UNIT_ADJ}s?(?:[- ]long)?\s+(?:\w+\s+)?{DEADLINE_NOUN}",
)
def _deadline_noun(m: re.Match[str]) -> Resolve:
    return _span(0, _number(m), m["unit"])


@_rule(
    "deadline-of",
    rf"\b{DEADLINE_NOUN}\s+of\s+{HEDGE}(?P<n>{NUMBER})\s+{UNIT}",
)
def _deadline_of(m: re.Match[str]) -> Resolve:
    return _span(0, _number(m), m["unit"], bool(m["biz"]))


@_rule(
    "give",
    rf"\b(?:give|gives|gave|given|giving|grant(?:s|ed)?|allow(?:s|ed)?)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"{HEDGE}(?:(?P<n>{NUMBER})|an?)\s+(?:more\s+|additional\s+|extra\s+)?{UNIT}"
    rf"(?!\s*(?:or|to)\s+{HEDGE}{NUMBER})",
)
def _give(m: re.Match[str]) -> Resolve:
    return _span(0, _number(m), m["unit"], bool(m["biz"]))


@_rule(
    "give",
    rf"\b(?:have|has|had|get|gets|got)\s+(?:just\s+|only\s+|another\s+)?{HEDGE}"
    rf"(?:(?P<n>{NUMBER})|an?)\s+(?:more\s+|additional\s+|extra\s+)?{UNIT}"
    r"(?=\s+(?:to\s+[a-z]|in\s+which\s+to\b|before\b))",
    anchor=rf"{UNIT}\s+(?:to\s+[a-z]|in\s+which\s+to\b|before\b)",
)
def _grant(m: re.Match[str]) -> Resolve:
    """ "have seven days to leave the country", "had 20 days to reach a deal": [D, D + N]."""
    return _span(0, _number(m), m["unit"], bool(m["biz"]))


@_rule("fortnight", r"\b(?P<op>in|within)\s+a\s+fortnight")
def _fortnight(m: re.Match[str]) -> Resolve:
    return _span(0 if m["op"].casefold() == "within" else 14, 14, "day")


@_rule("a-unit", rf"\b(?P<op>in|within)\s+{HEDGE}(?:a|an|one)\s+{UNIT}")
def _a_unit(m: re.Match[str]) -> Resolve:
    start = 0 if m["op"].casefold() == "within" else 1
    return _span(start, 1, m["unit"], bool(m["biz"]))


@_rule("immediate", r"\b(?:with\s+immediate\s+effect)")
def _immediate(m: re.Match[str]) -> Resolve:
    return _span(0, 1, "day")


# --- past-only phrases (they date statements, never due dates) ------------------------------

PAST = re.compile(
    rf"\b(?:yesterday|last\s+night|(?:last|this\s+past|past)\s+(?:week(?:end)?|month|year|{WEEKDAY})"
    rf"|earlier\s+(?:this|in\s+the)\s+(?:week|month|year)|earlier\s+today"
    rf"|(?:{NUMBER})\s+(?:days?|weeks?|months?|years?)\s+ago|(?:over|at)\s+the\s+weekend)\b",
    re.IGNORECASE,
)


_OPERATORS = (
    rf"(?P<op>{BY_OPS}|{BEFORE_OPS}|{AT_OPS}|{SKIP_OPS}|by\s+the\s+end\s+of|at\s+the\s+end\s+of)"
)
_ADJECTIVES = r"(?P<adj>early|mid-?|late)"
_PRETIME = (
    r"(?:(?P<pretime>(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*[ap]\.?m\.?|noon|midday|midnight)"
    r"\s+(?:on\s+)?)?"
)
_LEAD_WORDS = sorted(
    {
        re.match(r"[a-z]+", option)[0]  # type: ignore[index]
        for option in "|".join((BY_OPS, BEFORE_OPS, AT_OPS, SKIP_OPS, "early|mid|late")).split("|")
    }
)
_LEADS = re.compile(_guarded(rf"\b{alternation(_LEAD_WORDS)}"))  # in folded text
"""Where an operator or adjective in front of a period may start: a word it begins with."""
_LEAD_MAX = max(map(len, _LEAD_WORDS))


@attrs.frozen
class _PeriodRule:
    """A named period with its operators in front: ``whole`` is the whole rule, ``body`` the
    period alone.

    Scanning for the whole rule tries forty-odd operators at every word of the text; scanning
    for the period alone is several times faster. So :func:`_period_matches` scans for the
    period and tries the whole rule only where it can start (:func:`_scan`): at the words in
    reach before the period that begin an operator, and at the period itself.
    """

    period: Period
    whole: re.Pattern[str]
    body: re.Pattern[str]


def _period_rules() -> list[_PeriodRule]:
    rules = []
    for period in PERIODS:
        adjectives = period.name in ("month", "season", "year")
        if adjectives:
            operator = rf"\b(?:{_OPERATORS}\s+|{_ADJECTIVES}(?:\s+in)?\s*)"  # ("early in 2008")
        elif period.needs_operator:
            operator = rf"\b{_OPERATORS}\s+{_PRETIME}"
        else:
            operator = rf"(?:\b{_OPERATORS}\s+{_PRETIME})?\b"
        body = period.pattern + r"(?!\w)"
        # Without adjectives, the rule puts a "\b" right before the period: so may the anchor
        # (an adjective may run into it: "earlyOctober").
        anchor = body if adjectives else rf"\b{body}"
        rules.append(
            _PeriodRule(period, re.compile(operator + body, re.IGNORECASE), _folded(anchor))
        )
    return rules


def _period_matches(rule: _PeriodRule, text: str, folded: str) -> Iterator[re.Match[str]]:
    """The matches a scan of ``text`` for ``rule.whole`` finds: the period first, then its
    operator or adjective before it."""
    return _scan(rule.whole, rule.body, text, folded, _LEADS, _LEAD_MAX)


_PERIOD_RULES = _period_rules()


@attrs.frozen
class _DurationRule:
    """A duration rule, compiled: ``whole`` matched where :func:`_scan` finds it can start from
    ``anchor``, or where :func:`_located` finds it from ``locate``."""

    kind: str
    build: Build
    whole: re.Pattern[str]
    anchor: re.Pattern[str] | None = None
    locate: re.Pattern[str] | None = None

    def finditer(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        if self.anchor is not None:
            return _scan(self.whole, self.anchor, text, folded)
        assert self.locate is not None
        return _located(self.whole, self.locate, text, folded)


def _duration_rule(kind: str, pattern: str, build: Build, anchor: str | None) -> _DurationRule:
    compiled = re.compile(pattern, re.IGNORECASE)
    if anchor is not None:
        return _DurationRule(kind, build, compiled, anchor=_folded(anchor))
    locate = _locator(compiled)
    if locate is None:  # a rule of ours that matches empty text: a mistake in the rule
        raise ValueError(f"the duration rule {kind!r} matches the empty string")
    return _DurationRule(kind, build, compiled, locate=locate)


_DURATION_RULES = [_duration_rule(*rule) for rule in DURATION_RULES]


def _spelled(ops: str) -> frozenset[str]:
    """The operators of an alternation of words (``no\\s+later\\s+than|by``) as written with
    single spaces: a fullmatch of the alternation on an operator whose white space is single
    spaces is membership in the set."""
    spelled = frozenset(option.replace(r"\s+", " ") for option in ops.split("|"))
    assert all(re.fullmatch(r"[a-z ]+", option) for option in spelled), ops
    return spelled


_SKIP_OPS, _BEFORE_OPS, _BY_OPS = map(_spelled, (SKIP_OPS, BEFORE_OPS, BY_OPS))


def _operate(op: str, resolve_period: Callable[[dt.date], Window | None]) -> tuple[str, Resolve]:
    op = " ".join(op.casefold().split())
    if op in _SKIP_OPS:
        return "skip", lambda day: None
    if op in _BEFORE_OPS:

        def before(day: dt.date) -> Window | None:
            period = resolve_period(day)
            if period is None:
                return None
            last = max(day, period.earliest - dt.timedelta(days=1))
            return Window(day, last)

        return "before", before
    if op in _BY_OPS or op == "by the end of":

        def by(day: dt.date) -> Window | None:
            period = resolve_period(day)
            if period is None:
                return None
            return Window(min(day, period.latest), period.latest)

        return "by", by
    return "on", resolve_period


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
    return _joined_ranges(chosen, text) if chosen else chosen


_RANGE_JOIN = re.compile(r"\s*(?:to|through|thru|until|till|and|-|–|—)\s*")
_EITHER = re.compile(r"\s*+,?\s*+or\s++(?:possibly\s++|perhaps\s++)?")
_RANGE_OPEN = re.compile(r"(?:\b(?:from|between)\s+)$", re.IGNORECASE)
_RANGE_KINDS = ("date", "on:date", "from:date", "at:date", "weekday", "on:weekday", "from:weekday")


def _joined_ranges(chosen: list[Found], text: str) -> list[Found]:
    """ "from March 28th to April 5th", "between 3 May and 7 May": one window from the first
    day to the last, not two dates."""
    out: list[Found] = []
    for found in chosen:
        prev = out[-1] if out else None
        joined = (
            (
                found.kind in _RANGE_KINDS
                and _RANGE_JOIN.fullmatch(text, prev.end, found.start) is not None
                if prev is not None
                else False
            )
            or (
                prev is not None
                and found.kind == "by:date"
                and found.text[:1].casefold() in "tu"  # "through March 9", "until 5 May"
                and not text[prev.end : found.start].strip()
            )
        )
        if (
            prev is not None
            and _EITHER.fullmatch(text, prev.end, found.start)
            and not (prev.past or found.past)
            and "vague" not in (prev.kind, found.kind)
        ):  # "in the late spring or early summer", "on Monday or Tuesday": either, so both
            out[-1] = _range_of(prev, found, text)
            continue
        if (
            prev is not None
            and joined
            and prev.kind in _RANGE_KINDS
            and (
                prev.text[:5].casefold() in ("from ", "betwe")
                or _RANGE_OPEN.search(text, max(0, prev.start - 9), prev.start)
            )
        ):
            out[-1] = _range_of(prev, found, text)
            continue
        if found.kind == "date" and (
            week := _WEEK_OF.search(text, max(0, found.start - 16), found.start)
        ):
            found = _week_from(found, week, text)  # "the week of March 20": [Mar 20, Mar 26]
        elif found.kind in _RANGE_KINDS and found.text[:1].isdigit():
            lead = _DAY_TO.search(text, max(0, found.start - 24), found.start)
            if lead is not None and (prev is None or prev.end <= lead.start()):
                found = _days_to(found, lead, text)
        out.append(found)
    return out


_WEEK_OF = re.compile(r"\b(?:the\s+)?week\s+of\s+$", re.IGNORECASE)


def _week_from(day_found: Found, lead: re.Match[str], text: str) -> Found:
    def resolve(day: dt.date) -> Window | None:
        w = day_found.resolve(day)
        return None if w is None else Window(w.earliest, w.earliest + dt.timedelta(days=6))

    return _ranged(lead.start(), day_found, text, resolve)


def _ranged(start: int, last: Found, text: str, resolve: Resolve) -> Found:
    """A range's expression, from ``start`` to the end of its ``last`` part."""
    return Found(
        start=start, end=last.end, text=text[start : last.end], resolve=resolve, kind="range:date"
    )


_DAY_TO = re.compile(
    r"\b(?:from|between)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:to|and|-|–|until|till|through)\s*$",
    re.IGNORECASE,
)
"""The first day of "from 3 to 5 March", "between 10th and 12th June": its month is the last's."""


def _days_to(last: Found, lead: re.Match[str], text: str) -> Found:
    first_day = int(lead["d"])

    def resolve(day: dt.date) -> Window | None:
        b = last.resolve(day)
        if b is None or not 1 <= first_day <= b.latest.day:
            return None
        return Window(b.latest.replace(day=first_day), b.latest)

    return _ranged(lead.start(), last, text, resolve)


def _range_of(first: Found, last: Found, text: str) -> Found:
    def resolve(day: dt.date) -> Window | None:
        a = first.resolve(day)
        if a is None:
            return None
        b = last.resolve(day)
        if b is None or b.latest < a.earliest:  # "from Monday to Friday": Friday after Monday
            b = last.resolve(a.earliest)
        if b is None or b.latest < a.earliest:
            return None
        return Window(a.earliest, b.latest)

    return _ranged(first.start, last, text, resolve)


_YEAR_OUT_OF_RANGE = re.compile(r",?\s*\d{5}")
"""A number of five or more digits right after an expression: a year no calendar date can have."""
_FOUR_DIGITS = re.compile(r",?\s+\d{4}(?!\d)")
_ENDS_IN_MONTH = re.compile(rf"{MONTH}$", re.IGNORECASE)
"""A month, then four digits that were not read as its year ("May 3000"): no date at all."""


def _period_found(period: Period, m: re.Match[str]) -> Found:
    groups = m.re.groupindex  # (groupdict() would build a dict of every group)
    op = m["op"] if "op" in groups else None
    adj = m["adj"] if "adj" in groups else None

    def resolve_period(day: dt.date) -> Window | None:
        try:
            window = period.resolve(m, day)
        except (ValueError, OverflowError, KeyError):
            return None
        if window is not None and adj:
            from commitments.timex.periods import _part

            window = _part(window, adj)
        return window

    kind = period.name
    resolve: Resolve = resolve_period
    if op:
        op_kind, resolve = _operate(op, resolve_period)
        if op.casefold().startswith(("by the end", "at the end")):
            inner = resolve

            def end_of(day: dt.date) -> Window | None:
                window = inner(day)
                if window is None:
                    return None
                if op.casefold().startswith("at"):
                    return Window.day(window.latest)
                return Window(min(day, window.latest), window.latest)

            resolve = end_of
            op_kind = "by"
        if (
            op_kind == "by"
            and period.name == "month-part"
            and (
                (m["part"] or "").casefold().startswith("mid")
                or (m["part2"] or "").casefold() == "middle"
            )
        ):
            # "by mid-October": the deadline is the 15th, not the end of the middle third.
            def by_mid(day: dt.date) -> Window | None:
                window = resolve_period(day)
                if window is None:
                    return None
                fifteenth = window.earliest.replace(day=15)
                return Window(min(day, fifteenth), fifteenth)

            resolve = by_mid
        elif op_kind == "by" and period.name == "year" and (m["part"] or "").startswith("mid"):
            # "by mid-2026": the middle of the year, 30 June, not the end of its middle third
            def by_midyear(day: dt.date) -> Window | None:
                window = resolve_period(day)
                if window is None:
                    return None
                middle = dt.date(window.earliest.year, 6, 30)
                return Window(min(day, middle), middle)

            resolve = by_midyear
        kind = f"{op_kind}:{period.name}" if op_kind != "on" else period.name
    at = None
    if "pretime" in groups and m["pretime"]:
        timed = TIME.match(" at " + m["pretime"])
        at = _time_of(timed) if timed else None
    return Found(
        start=m.start(),
        end=m.end(),
        text=m[0],
        resolve=resolve,
        kind=kind,
        past=kind.startswith("skip"),
        time=at,
    )  # "last Friday" dates a statement


def _with_time(found: Found, text: str) -> Found:
    m = TIME.match(text, found.end)
    if (
        m is None
        or found.kind in ("past", "vague")
        or found.kind.startswith(("duration", "within", "in", "range", "give", "deadline"))
    ):
        return found
    return attrs.evolve(found, end=m.end(), text=text[found.start : m.end()], time=_time_of(m))


def _time_of(m: re.Match[str]) -> dt.time:
    if m["noon"]:
        return dt.time(0, 0) if m["noon"].casefold() == "midnight" else dt.time(12, 0)
    if m["ampm"]:
        hour = int(m["h"]) % 12 + (12 if m["ampm"].casefold().startswith("p") else 0)
        return dt.time(hour, int(m["min"] or 0))
    return dt.time(int(m["h24"]), int(m["min24"]))
