"""The due grammar's shared pattern pieces: hedges, units, deadline nouns, the operators in
front of a named period, a time of day (and its reading), and the past-only phrases.

They are regular-expression sources (``PAST`` and ``TIME`` compiled) that the rule modules
(:mod:`~commitments.timex.durations`, :mod:`~commitments.timex.period_rules`) and the finder
(:mod:`commitments.timex.grammar`) build on.
"""

from __future__ import annotations

import datetime as dt
import re

from commitments.timex.numbers import NUMBER
from commitments.timex.period_words import WEEKDAY

__all__ = [
    "AT_OPS",
    "BEFORE_OPS",
    "BY_OPS",
    "DEADLINE_NOUN",
    "HEDGE",
    "PAST",
    "SKIP_OPS",
    "TIME",
    "UNIT",
    "UNIT_ADJ",
]

HEDGE = r"(?:(?:about|around|roughly|approximately|some|just|only|another|a\s+further)\s+)?"
UNIT = (
    r"(?:calendar\s+)?(?P<biz>(?:business|working)\s+)?"
    r"(?P<unit>hours?|days?|weeks?|fortnights?|months?|years?)"
)
UNIT_ADJ = r"(?P<unit>hour|day|week|fortnight|month|year)"
DEADLINE_NOUN = (
    r"(?:deadline|ultimatum|window|timeline|time\s*frame|grace\s+period|countdown|timetable"
    r"|pause|ceasefire|truce|moratorium|review|freeze|suspension|halt|notice\s+period)"
)

# Operators in front of a named period, and what they do with it.
BY_OPS = (
    r"by|no\s+later\s+than|not\s+later\s+than|until|till|til|through|on\s+or\s+before|due"
    r"|between\s+now\s+and"
)
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


# --- past-only phrases (they date statements, never due dates) ------------------------------

PAST = re.compile(
    rf"\b(?:yesterday|last\s+night|(?:last|this\s+past|past)\s+(?:week(?:end)?|month|year|{WEEKDAY})"
    rf"|earlier\s+(?:this|in\s+the)\s+(?:week|month|year)|earlier\s+today"
    rf"|(?:{NUMBER})\s+(?:days?|weeks?|months?|years?)\s+ago|(?:over|at)\s+the\s+weekend)\b",
    re.IGNORECASE,
)


def _time_of(m: re.Match[str]) -> dt.time:
    if m["noon"]:
        return dt.time(0, 0) if m["noon"].casefold() == "midnight" else dt.time(12, 0)
    if m["ampm"]:
        hour = int(m["h"]) % 12 + (12 if m["ampm"].casefold().startswith("p") else 0)
        return dt.time(hour, int(m["min"] or 0))
    return dt.time(int(m["h24"]), int(m["min24"]))
