"""The due grammar's rules over named periods: an operator ("by", "before", "on", "after", "by
the end of") or an adjective ("early", "mid-", "late") in front of a period of
:mod:`commitments.timex.periods`, compiled for fast scanning, and what each operator does with the
period's window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

import attrs

from commitments.fastmatch.trie import alternation
from commitments.records import Window
from commitments.timex.found import Found, Resolve
from commitments.timex.patterns import AT_OPS, BEFORE_OPS, BY_OPS, SKIP_OPS, TIME, _time_of
from commitments.timex.periods import PERIODS, Period
from commitments.timex.scanning import _folded, _guarded, _scan

__all__: list[str] = []

_OPERATORS = (
    rf"(?P<op>{BY_OPS}|{BEFORE_OPS}|{AT_OPS}|{SKIP_OPS}|by\s+the\s+end\s+of|at\s+the\s+end\s+of)"
)
_ADJECTIVES = r"(?P<adj>early|mid-?|late)"
_PRETIME = (
    r"(?:(?P<pretime>(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*[ap]\.?m\.?|noon|midday|midnight)"
    r"\s+(?:on\s+)?"
    # "by close of business Tuesday, Oct. 28": the day's end, the day kept
    r"|(?:the\s+)?close\s+of\s+business,?\s+(?:on\s+)?|(?-i:COB),?\s+(?:on\s+)?)?"
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
        adjectives = period.name in ("month", "season", "year", "quarter", "half")
        if adjectives:
            operator = rf"\b(?:{_OPERATORS}\s+|{_ADJECTIVES}(?:\s+in)?\s*)"  # ("early in 2008")
            if period.name in ("quarter", "half"):  # ("Q3" alone; "early in the third quarter")
                operator = rf"(?:{operator}|\b)"
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
            from commitments.timex.period_windows import _part

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
