"""The due grammar's duration rules ("in two weeks", "within 72 hours", "a two-week deadline",
"give them 10 days"): each a pattern and what a match resolves to, compiled for fast scanning.

Also the arithmetic they share: a number of units added to a day, and the window
[D + start units, D + end units] (the vague phrases of :mod:`commitments.timex.grammar` use it too).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterator

import attrs

from commitments.records import Window
from commitments.timex import calendar as cal
from commitments.timex.found import Resolve
from commitments.timex.numbers import NUMBER, to_number
from commitments.timex.patterns import DEADLINE_NOUN, HEDGE, UNIT, UNIT_ADJ
from commitments.timex.scanning import _folded, _located, _locator, _scan

__all__ = ["DURATION_RULES", "Build"]


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


@_rule(
    "range",
    r"\b(?:(?P<op>within|in|over)\s+)?(?:(?P<next>the\s+next)\s+|an?\s+)"
    r"(?P<unit>day|week|month|year)\s+or\s+two\b",
    anchor=r"(?:day|week|month|year)\s+or\s+two\b",
)
def _one_or_two(m: re.Match[str]) -> Resolve:
    """ "in a week or two": one to two of the unit; "within a day or two", "in the next day or
    two": by two of it."""
    by = (m["op"] or "").casefold() in ("within", "over") or m["next"] is not None
    return _span(0 if by else 1, 2, m["unit"])


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
    rf"\b{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\s+(?P<from>from\s+now|from\s+today|hence|from\s+then"
    r"|(?P<paper>from\s+the\s+(?:date|entry)\s+(?:of\s+this|hereof)(?:\s+(?:order|notice|letter"
    r"|decision|judgment|opinion))?))",
)
def _from_now(m: re.Match[str]) -> Resolve:
    amount = _number(m)
    if m["from"].casefold() == "from today" or m["paper"]:  # ("30 days from the date of this
        # Order": a deadline counted from the paper's day, as "from today" is from the speaker's)
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


_FROM_THE_ORDER = (
    r"(?:\s+(?:from|after|of)\s+(?:the\s+)?(?:date\s+of\s+)?(?:this|service|entry)\b"
    r"[^.;:\n]{0,40}?)?"
)
"""What a grant of time may count from: "from the date of this Order", "after service of this
Order" (the order's own day: the day it is read from)."""


@_rule(
    "give",
    rf"\b(?:have|has|had|get|gets|got)\s+(?:just\s+|only\s+|another\s+)?{HEDGE}"
    rf"(?:(?P<n>{NUMBER})|an?)\s+(?:more\s+|additional\s+|extra\s+)?{UNIT}"
    rf"{_FROM_THE_ORDER}(?=\s+(?:to\s+[a-z]|in\s+which\s+to\b|before\b))",
    anchor=rf"{UNIT}\s+(?:to\s+[a-z]|in\s+which\s+to\b|before\b|from\s|after\s|of\s)",
)
def _grant(m: re.Match[str]) -> Resolve:
    """ "have seven days to leave the country", "had 20 days to reach a deal", "shall have 12
    days from the date of this Order to file": [D, D + N]."""
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
