"""Named periods ("next week", "early April", "Q3", "this fall", "Friday") and their windows.

Each period is a regular expression and a resolver that turns a match and the issue date ``D``
into a :class:`Window`. The due grammar (:mod:`commitments.timex.grammar`) puts operators such as
"by", "before" and "on" in front of them.

The words the patterns are made of live in :mod:`commitments.timex.period_words`, the resolvers
in :mod:`commitments.timex.period_windows`; this module pairs them in :data:`PERIODS`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs

from commitments.records import Window
from commitments.timex import calendar as cal
from commitments.timex.calendar import MONTHS
from commitments.timex.period_windows import (
    _date,
    _date_range,
    _day_of_month,
    _dotted_date,
    _end_of_month,
    _end_of_week,
    _holiday,
    _iso,
    _month_event,
    _month_or_pair,
    _month_window,
    _nth_weekday,
    _numeric_date,
    _part,
    _season,
    _this_month,
    _today,
    _tomorrow,
    _week,
    _week_of_month,
    _weekday,
    _weekday_next_week,
    _weekend,
)
from commitments.timex.period_words import (
    DATE_YEAR,
    DAYNUM,
    MONTH,
    MONTH_IN_DATE,
    TIME_OF_DAY,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    month_number,
    weekday_number,
)
from commitments.timex.year_windows import (
    _end_of_quarter,
    _end_of_year,
    _fiscal_word,
    _half,
    _month_quarter,
    _quarter,
    _quarter_word,
    _split_year,
    _year_number,
    _year_word,
)

__all__ = ["MONTHS", "PERIODS", "WEEKDAYS", "Period", "month_number", "weekday_number"]

Resolver = Callable[[re.Match[str], dt.date], Window | None]


@attrs.frozen
class Period:
    """A kind of named period: its pattern and how it resolves against the issue date."""

    name: str
    pattern: str
    resolve: Resolver
    needs_operator: bool = False
    """True when the bare phrase is too ambiguous ("May", "2026") without "in", "by", …"""


_ORDINAL_NOUN = (
    r"(?:(?-i:[A-Z](?!\w*day\b)[a-z]+)|(?:century|anniversary|floor|time|place|round|amendment"
    r"|edition|session|birthday|congress|parliament|most|\w+est)\b)"
)
"""What makes "the 19th" an ordinal, not a day: a capitalised word after it ("the 10th Mountain
Division", "the 23rd Street entrance"; not a weekday), or a noun or superlative that an ordinal
qualifies ("the 20th century", "the 5th largest")."""


def _later_in(unit: str) -> str:
    """ "later in the week/month/year" (as "later this …"): the period after "later", in a group
    ``later_in`` (not "later in the year of …", "later in the week before …")."""
    return rf"(?<=\blater\s)(?P<later_in>in\s+the\s+{unit})(?!\s+(?:of|to|ahead|before|after)\b)"


PERIODS: tuple[Period, ...] = (
    Period(
        "iso",
        r"(?P<iso>\d{4}-\d\d-\d\d)",
        _iso,
    ),
    Period(
        "date",  # "6/19/2015", "17/12"
        # (a digit first, which ``re`` finds by a fast scan; what stands before it is checked
        # when the date is read)
        r"(?P<n1>\d\d?)/(?P<n2>\d\d?)(?:/(?P<ny>(?:19|20)\d\d|\d\d))?(?![\d/]|[.,]\d)",
        _numeric_date,
    ),
    Period(
        "date-range",
        rf"(?:(?:the\s+)?weekend\s+of\s+)?(?P<d1>{DAYNUM})\s*(?:[-–]|\s(?:and|&)\s)\s*(?P<d2>{DAYNUM})"
        r"\s+(?:of\s+)?"
        rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{DATE_YEAR}))?",
        _date_range,
    ),
    Period(
        "date-range-us",
        rf"(?:(?:the\s+)?weekend\s+of\s+)?(?P<month>{MONTH})\s+(?P<d1>{DAYNUM})"
        rf"\s*(?:[-–]|\s(?:and|&)\s)\s*(?P<d2>{DAYNUM})(?![\w:/])"
        r"(?!\s+(?!(?:at|in|on|and|or|from|to|for|with|the|of)\b)[a-z])"  # ("… and 30 people")
        rf"(?:,?\s+(?P<year>{DATE_YEAR}))?",
        _date_range,
    ),
    Period(
        "month-event",
        rf"the\s+(?P<month>{MONTH})\s+(?:meeting|session|sitting|summit|board|review|council"
        rf"|conference|release|update|call|deadline|hearing|vote)",
        _month_event,
    ),
    Period(
        "date",
        rf"(?P<date>(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAYNUM}(?:,?\s+{DATE_YEAR})?"
        rf"|(?:the\s+)?{DAYNUM}\s+(?:of\s+)?{MONTH_IN_DATE}(?:,?\s+{DATE_YEAR})?))(?!\d|:\d)",
        _date,
    ),
    Period(
        "end-of-week",
        r"(?:the\s+)?end\s+of\s+(?:the\s+|(?P<this>this)\s+|(?P<which>next)\s+)?(?:working\s+|work\s+)?week",
        _end_of_week,
    ),
    Period(
        "weekend",
        r"(?:(?P<which>this|next)\s+|the\s+)weekend",
        _weekend,
    ),
    Period(
        "week",  # "next week", "later in the week" (as "later this week"), "the week after next"
        r"(?:(?:(?P<part>early|late|later)\s+)?(?P<which>this|next)\s+week"
        r"|(?P<after_next>the\s+week\s+after\s+next)"
        rf"|{_later_in('week')})",
        _week,
    ),
    Period(
        "weekday-next-week",
        rf"(?P<weekday>{WEEKDAY}){TIME_OF_DAY}\s+(?:of\s+)?next\s+week",
        _weekday_next_week,
    ),
    Period(
        "day-of-month",
        rf"(?:{WEEKDAY},?\s+)?the\s+(?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
        rf"(?!\s+(?:of\s+)?{MONTH})(?!\s+{_ORDINAL_NOUN})",
        _day_of_month,
    ),
    Period(
        "nth-weekday",  # "the first Monday in October"; "the fourth Friday after it is filed"
        r"(?P<nth>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+"
        rf"(?P<weekday>{WEEKDAY})(?:\s+(?:of|in)\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?)?",
        _nth_weekday,
    ),
    Period(
        "weekday",
        rf"(?:(?P<which>this|next|coming)\s+)?(?P<weekday>{WEEKDAY}){TIME_OF_DAY}",
        _weekday,
    ),
    Period(
        "end-of-month",
        r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(?P<which>next)\s+)?month",
        _end_of_month,
    ),
    Period(
        "month-word",  # "early next month", "the start of next month", "later in the month"
        r"(?:(?:(?P<part>early|mid-?|late|later|the\s+end\s+of)\s*"
        r"|the\s+(?P<part2>beginning|start|middle)\s+of\s+)?(?P<which>this|next)\s+month"
        rf"|{_later_in('month')})",
        _this_month,
    ),
    Period(
        "month-part",
        rf"(?:(?P<part>early|mid-?|late|end)\s*(?:-\s*)?|(?:the\s+)?(?P<part2>beginning|start|middle"
        rf"|end)\s+of\s+)(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
        lambda m, d: _part(_month_window(m, d), m["part"] or m["part2"]),
    ),
    Period(
        "month",  # "in March", "in March 2026", "in March and April", "in May or June",
        # "from June to August"
        rf"(?P<month>{MONTH})(?:\s+(?:and|or|to|through|until|-|–)\s+(?P<month2>{MONTH}))?"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
        _month_or_pair,
        needs_operator=True,
    ),
    Period(
        "end-of-year",
        rf"(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+|(?P<which>next)\s+)?"
        rf"(?:(?P<kind>financial|fiscal|calendar)\s+)?year(?:\s+(?P<year>{YEAR}))?|year[- ]end"
        rf"|(?:the\s+)?year'?s\s+end|end(?:\s+of\s+|-)(?P<year2>{YEAR}))",
        _end_of_year,
    ),
    Period(
        "year-word",
        r"(?:(?P<part>early|later|late|mid-?)\s*|the\s+(?P<part2>beginning|start|middle)\s+of\s+)?"
        r"(?:(?P<which>this|next)\s+year"
        r"|in\s+the\s+new\s+year(?!'?s)"  # "early in the new year": next year (not "by New Year")
        # "later in the year": this one, as "later this year"
        rf"|{_later_in('year')})",
        lambda m, d: (
            _year_word(m, d)
            if (m["part"] or "").casefold() != "later" and not m["later_in"]
            else Window(d, cal.year(d.year).latest)
        ),
    ),
    Period(
        "quarter",
        rf"(?:(?-i:Q)(?P<number>[1-4])|the\s+(?:(?P<which>next|this)\s+)?(?P<ordinal>first|second"
        rf"|third|fourth|final)\s+quarter)(?:(?:\s+of)?\s+(?:fiscal\s+(?:year\s+)?)?(?P<year>{YEAR}))?"
        r"(?!\s+(?:form|report|results|earnings|dividends?|financial|filings?|statements?"
        r"|conference|call|update|review)\b)",  # ("the First Quarter Form 10-Q": a paper's name)
        _quarter,  # ("the fourth quarter of fiscal 2007": read as the calendar's quarter)
    ),
    Period(
        "quarter-word",  # "this quarter", "the next quarter", "later this quarter"
        r"(?:the\s+)?(?P<which>this|next|current|coming)\s+(?:calendar\s+)?quarter"
        r"(?!\s+(?:form|report|results|earnings|dividends?|financial|filings?|statements?"
        r"|conference|call|update|review)\b)",
        _quarter_word,
    ),
    Period(
        "end-of-quarter",
        r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(?P<which>next)\s+)(?:current\s+)?quarter",
        _end_of_quarter,
    ),
    Period(
        "half",
        rf"(?:(?-i:H)(?P<number>[12])|the\s+(?P<ordinal>first|second|front|back)\s+half)"
        rf"(?:(?:\s+of)?(?:\s+(?P<year>{YEAR})|\s+(?:the|this)\s+year|\s+(?P<which>next)\s+year))?",
        _half,
    ),
    Period(
        "season",
        rf"(?:(?P<which>this|next|the)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?"
        r"(?!\s+(?:recess|adjournment|term|session|sitting)\b)",  # ("the summer recess": not a
        _season,  # season's dates; when a house rises the text does not say)
        needs_operator=True,
    ),
    Period(  # "next spring", "this autumn": no operator needed
        "season-named",
        rf"(?P<which>this|next)\s+(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?",
        _season,
    ),
    Period(  # "Spring 2026: publish final decisions": a capitalised season with its year
        "season-year",
        rf"(?P<season>(?-i:Spring|Summer|Fall|Autumn|Winter))\s+(?P<year>{YEAR})(?![-/]\d)",
        _season,
    ),
    Period(
        "holiday",
        r"(?P<holiday>christmas(?:\s+eve|\s+day)?|new\s+year'?s?(?:\s+eve|\s+day)?|halloween"
        r"|easter(?:\s+(?:sunday|monday))?)",
        _holiday,
    ),
    Period(
        "week-of-month",  # "the first week of October", "the last week of May 2026"
        rf"(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+(?:of|in)\s+"
        rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
        _week_of_month,
    ),
    Period(
        "dotted-date",  # "on 13.10.15", "by 15.04.2016": day first, with its year
        r"(?P<dd>[12]\d|3[01]|0?[1-9])\.(?P<dm>1[0-2]|0?[1-9])\.(?P<dy>(?:19|20)\d\d|\d\d)(?![\d.]\d)",
        _dotted_date,
    ),
    Period(
        "financial-year",  # "in 2024-25", "financial year 2015-16", "FY2026-27"
        r"(?:(?:financial|fiscal)\s+year\s+|(?-i:FY)\s?|(?P<the>the\s+))?"
        r"(?P<y1>(?:19|20)\d\d)[-–/](?P<y2>\d\d)(?(the)\s+(?:financial|fiscal)\s+year)"
        r"(?!\d|\s+(?:school|academic|season|term|session)\b)",
        _split_year,
        needs_operator=True,
    ),
    Period(
        "fiscal-word",  # "next fiscal year" (the calendar's), "this financial year" (April-March)
        r"(?:the\s+)?(?P<which>this|next|coming|current|upcoming|new)\s+(?P<kind>fiscal|financial)"
        r"\s+year(?!,?\s+(?:ending|ended|which\s+ends)\b)",  # (the date it ends says more)
        _fiscal_word,
    ),
    Period(
        "fiscal-year",  # "in its 2005 fiscal year": read as the calendar's year
        rf"(?:its|the|our|their)\s+(?P<year>{YEAR})\s+(?:fiscal|financial|calendar)\s+year",
        lambda m, d: cal.year(int(m["year"])),
        needs_operator=True,
    ),
    Period(
        "month-quarter",  # "in the September 2009 quarter": the quarter that month is in
        rf"the\s+(?P<month>{MONTH})\s+(?P<year>{YEAR})\s+quarter",
        _month_quarter,
        needs_operator=True,
    ),
    Period(
        "year",  # "in 2026", "early 2026", "by the end of fiscal 2027", "in FY2027"
        r"(?:(?P<part>early|mid-?|late)\s*|the\s+(?P<part2>beginning|start|middle)\s+of\s+)?"
        rf"(?P<fiscal>(?:fiscal|financial|calendar)\s+(?:year\s+)?|(?-i:FY)\s?)?(?P<year>{YEAR})"
        r"(?![-/]\d)(?(fiscal)(?!,?\s+(?:ending|ended)\b))",  # ("FY2008, ended April 30, 2008")
        _year_number,
        needs_operator=True,
    ),
    Period(
        "today",
        r"(?:later\s+)?(?:today|tonight|this\s+(?:evening|afternoon|morning)"
        r"|(?:the\s+)?end\s+of\s+(?:the\s+)?day|(?-i:EOD|COB))",
        _today,
    ),
    Period(
        "tomorrow",
        r"(?:(?P<after>the\s+day\s+after)\s+)?tomorrow(?:\s+(?:morning|afternoon|evening|night))?",
        _tomorrow,
    ),
)
