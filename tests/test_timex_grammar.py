"""Every row of CONVENTIONS.md, in at least two phrasings (issue date: Wednesday 2025-09-03)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commitments import Window, parse_due
from commitments.fastmatch.prefilter import fold
from commitments.timex import durations, grammar, patterns, period_rules, scanning, vague_pattern

D = dt.date(2025, 9, 3)  # a Wednesday


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


ROWS = [
    # in N days/weeks/months, N days from now -> [D+N, D+N]
    ("in 10 days", "2025-09-13", "2025-09-13"),
    ("in two weeks", "2025-09-17", "2025-09-17"),
    ("in three months", "2025-12-03", "2025-12-03"),
    ("10 days from now", "2025-09-13", "2025-09-13"),
    # within N, N-day deadline, in/over the next N, N from today (deadline) -> [D, D+N]
    ("within 72 hours", "2025-09-03", "2025-09-06"),
    ("within a week", "2025-09-03", "2025-09-10"),
    ("a two-week deadline", "2025-09-03", "2025-09-17"),
    ("a 30-day deadline", "2025-09-03", "2025-10-03"),
    ("in the next 10 days", "2025-09-03", "2025-09-13"),
    ("over the next two weeks", "2025-09-03", "2025-09-17"),
    ("30 days from today", "2025-09-03", "2025-10-03"),
    # N or M days -> [D+N, D+M]
    ("10 or 12 days", "2025-09-13", "2025-09-15"),
    ("in three or four weeks", "2025-09-24", "2025-10-01"),
    # a fortnight = 14 days; a couple of days -> [D+2, D+3]
    ("in a fortnight", "2025-09-17", "2025-09-17"),
    ("within a fortnight", "2025-09-03", "2025-09-17"),
    ("in a couple of days", "2025-09-05", "2025-09-06"),
    ("a couple of days", "2025-09-05", "2025-09-06"),
    # by X, no later than X, until X -> [D, X]
    ("by Friday", "2025-09-03", "2025-09-05"),
    ("no later than September 30", "2025-09-03", "2025-09-30"),
    ("until October 1", "2025-09-03", "2025-10-01"),
    # before X -> [D, X-1]
    ("before Friday", "2025-09-03", "2025-09-04"),
    ("before 17 September", "2025-09-03", "2025-09-16"),
    # on X, a bare weekday -> [X, X]; the next one after D
    ("on Friday", "2025-09-05", "2025-09-05"),
    ("Friday", "2025-09-05", "2025-09-05"),
    ("on Wednesday", "2025-09-10", "2025-09-10"),
    ("on September 17", "2025-09-17", "2025-09-17"),
    # hours on one day ("from 2 p.m. until 4 p.m. on …") -> that day; "until 5 p.m. on" alone
    # is a deadline
    ("from 2:00 p.m. until 4:00 p.m. on September 15, 2025", "2025-09-15", "2025-09-15"),
    ("until 5 p.m. on Friday", "2025-09-03", "2025-09-05"),
    # two dates joined by a dash, across months; the first takes the last one's year
    ("June 29-July 1, 2026", "2026-06-29", "2026-07-01"),
    ("28 June - 3 July 2026", "2026-06-28", "2026-07-03"),
    ("from December 28 to January 3, 2027", "2026-12-28", "2027-01-03"),
    # a weekday through another -> the days between, with or without "from"
    ("Tuesday through Thursday", "2025-09-09", "2025-09-11"),
    ("from Tuesday through Thursday", "2025-09-09", "2025-09-11"),
    # the start of a year is its early part, as "early next year" is
    ("at the start of next year", "2026-01-01", "2026-05-01"),
    ("at the beginning of 2027", "2027-01-01", "2027-05-01"),
    # a fiscal year's quarter, read as the calendar's (the text does not say when it starts)
    ("in the first quarter of fiscal 2027", "2027-01-01", "2027-03-31"),
    # the nth weekday of a month -> that day
    ("on the first Monday in October", "2025-10-06", "2025-10-06"),
    ("the 2nd Tuesday of November 2026", "2026-11-10", "2026-11-10"),
    # next <weekday> -> that weekday in the week after D's week
    ("next Friday", "2025-09-12", "2025-09-12"),
    ("next Monday", "2025-09-08", "2025-09-08"),
    # today, tonight, later today -> [D, D]
    ("today", "2025-09-03", "2025-09-03"),
    ("tonight", "2025-09-03", "2025-09-03"),
    ("later today", "2025-09-03", "2025-09-03"),
    # tomorrow -> [D+1, D+1]
    ("tomorrow", "2025-09-04", "2025-09-04"),
    ("tomorrow morning", "2025-09-04", "2025-09-04"),
    # immediately, right away -> [D, D+1]
    ("immediately", "2025-09-03", "2025-09-04"),
    ("right away", "2025-09-03", "2025-09-04"),
    # very shortly, shortly, imminently -> [D, D+3]
    ("very shortly", "2025-09-03", "2025-09-06"),
    ("shortly", "2025-09-03", "2025-09-06"),
    ("imminently", "2025-09-03", "2025-09-06"),
    # coming days, next few days, in a few days, matter of days -> [D+1, D+7]
    ("in the coming days", "2025-09-04", "2025-09-10"),
    ("in the next few days", "2025-09-04", "2025-09-10"),
    ("in a few days", "2025-09-04", "2025-09-10"),
    ("in a matter of days", "2025-09-04", "2025-09-10"),
    # within days -> [D, D+7]; within weeks -> [D, D+42]
    ("within days", "2025-09-03", "2025-09-10"),
    ("within weeks", "2025-09-03", "2025-10-15"),
    # soon, very soon -> [D, D+14]
    ("soon", "2025-09-03", "2025-09-17"),
    ("very soon", "2025-09-03", "2025-09-17"),
    # coming weeks, next few weeks, a few weeks -> [D+7, D+42]
    ("in the coming weeks", "2025-09-10", "2025-10-15"),
    ("in the next few weeks", "2025-09-10", "2025-10-15"),
    ("in a few weeks", "2025-09-10", "2025-10-15"),
    # coming months, next few months -> [D+30, D+180]
    ("in the coming months", "2025-10-03", "2026-03-02"),
    ("in the next few months", "2025-10-03", "2026-03-02"),
    # later this week -> [D+1, Sunday]
    ("later this week", "2025-09-04", "2025-09-07"),
    ("later this week,", "2025-09-04", "2025-09-07"),
    # this week -> [D, Sunday]; by the end of the week -> [D, Friday]
    ("this week", "2025-09-03", "2025-09-07"),
    ("by the end of the week", "2025-09-03", "2025-09-05"),
    ("by the end of this week", "2025-09-03", "2025-09-05"),
    # next week -> [Monday, Sunday] of the following week
    ("next week", "2025-09-08", "2025-09-14"),
    ("during next week", "2025-09-08", "2025-09-14"),
    # this month, by the end of the month -> [D, last day]
    ("this month", "2025-09-03", "2025-09-30"),
    ("by the end of the month", "2025-09-03", "2025-09-30"),
    # next month, in <month> -> [1st, last]; the current month if D is in it
    ("next month", "2025-10-01", "2025-10-31"),
    ("in October", "2025-10-01", "2025-10-31"),
    ("in September", "2025-09-01", "2025-09-30"),
    ("in May", "2026-05-01", "2026-05-31"),
    # early / mid / late <month>; by mid-<month> -> [D, 15th]
    ("early October", "2025-10-01", "2025-10-10"),
    ("in mid-October", "2025-10-11", "2025-10-20"),
    ("late October", "2025-10-21", "2025-10-31"),
    ("by mid-October", "2025-09-03", "2025-10-15"),
    ("by mid-November", "2025-09-03", "2025-11-15"),
    # this year, by the end of the year, by year-end -> [D, Dec 31]
    ("this year", "2025-09-03", "2025-12-31"),
    ("by the end of the year", "2025-09-03", "2025-12-31"),
    ("by year-end", "2025-09-03", "2025-12-31"),
    # next year, in 2026 -> the whole year
    ("next year", "2026-01-01", "2026-12-31"),
    ("in 2026", "2026-01-01", "2026-12-31"),
    # quarters: the current one if D is in it, else the next
    ("in the first quarter", "2026-01-01", "2026-03-31"),
    ("Q3", "2025-07-01", "2025-09-30"),
    ("in Q4", "2025-10-01", "2025-12-31"),
    ("in the fourth quarter of 2026", "2026-10-01", "2026-12-31"),
    # halves
    ("in the first half of 2026", "2026-01-01", "2026-06-30"),
    ("in H2", "2025-07-01", "2025-12-31"),
    ("H1", "2026-01-01", "2026-06-30"),
    # seasons (meteorological, northern)
    ("this fall", "2025-09-01", "2025-11-30"),
    ("this autumn", "2025-09-01", "2025-11-30"),
    ("this spring", "2026-03-01", "2026-05-31"),
    ("this winter", "2025-12-01", "2026-02-28"),
    # by Christmas, by New Year
    ("by Christmas", "2025-09-03", "2025-12-25"),
    ("by New Year", "2025-09-03", "2025-12-31"),
    # later this year, later this month
    ("later this year", "2025-09-03", "2025-12-31"),
    ("later this month", "2025-09-03", "2025-09-30"),
    ("later in the year", "2025-09-03", "2025-12-31"),
    # a week of a month: days 1-7, 8-14, 15-21, 22-28, or its last seven days
    ("the first week of October", "2025-10-01", "2025-10-07"),
    ("in the last week of October", "2025-10-25", "2025-10-31"),
    # Easter (the Gregorian reckoning), this year's if not past, else next year's
    ("by Easter", "2025-09-03", "2026-04-05"),
    ("on Easter Monday", "2026-04-06", "2026-04-06"),
    # calendar days are days; a couple in "the next couple of" is two; the year's end
    ("within 14 calendar days", "2025-09-03", "2025-09-17"),
    ("in the next couple of days", "2025-09-03", "2025-09-06"),
    ("by year's end", "2025-09-03", "2025-12-31"),
    # a time counted from a court's order, as from today: a deadline
    ("thirty (30) days from the date of this Order", "2025-09-03", "2025-10-03"),
    # a financial year written with two years: 1 April to 31 March
    ("in 2026-27", "2026-04-01", "2027-03-31"),
    ("in financial year 2025/26", "2025-04-01", "2026-03-31"),
    # a company's fiscal year by its number, read as the calendar's (as "fiscal 2027" is)
    ("in its 2026 fiscal year", "2026-01-01", "2026-12-31"),
    # a quarter named by its month: the calendar quarter that month is in
    ("in the September 2026 quarter", "2026-07-01", "2026-09-30"),
    # a European date with dots, day first, with its year
    ("on 13.10.25", "2025-10-13", "2025-10-13"),
    ("by 15.04.2026", "2025-09-03", "2026-04-15"),
    # early, mid or late in a quarter or a half: its first, middle or last third, as for a year
    ("early in the fourth quarter", "2025-10-01", "2025-10-30"),
    ("late in the first quarter of 2026", "2026-03-02", "2026-03-31"),
    ("early in the second half of 2026", "2026-07-01", "2026-08-30"),
    # early next week, late next week
    ("early next week", "2025-09-08", "2025-09-10"),
    ("late next week", "2025-09-11", "2025-09-14"),
    # by <month> -> [D, last day of that month]
    ("by September", "2025-09-03", "2025-09-30"),
    ("by October", "2025-09-03", "2025-10-31"),
    # about, around, roughly are ignored
    ("in about 10 days", "2025-09-13", "2025-09-13"),
    ("in roughly two weeks", "2025-09-17", "2025-09-17"),
    ("around 10 days from now", "2025-09-13", "2025-09-13"),
    # durations in digits and words are the same
    ("a 2-week deadline", "2025-09-03", "2025-09-17"),
    ("within 14 days", "2025-09-03", "2025-09-17"),
    # a time of day keeps the date
    ("by Sunday at 6 p.m.", "2025-09-03", "2025-09-07"),
    ("by 5pm tomorrow", "2025-09-03", "2025-09-04"),
    # business days skip weekends
    ("within five business days", "2025-09-03", "2025-09-10"),
    # a range of dates is one window, first day to last
    ("from September 28th to October 5th", "2025-09-28", "2025-10-05"),
    ("from October 1 through October 9", "2025-10-01", "2025-10-09"),
    ("between 10 and 12 November", "2025-11-10", "2025-11-12"),
    ("from 3 to 5 October", "2025-10-03", "2025-10-05"),
    ("from Monday to Friday", "2025-09-08", "2025-09-12"),
    # either of two times: the window covers both
    ("in October or November", "2025-10-01", "2025-11-30"),
    ("on Monday or Tuesday", "2025-09-08", "2025-09-09"),
    # the new year is next year ("by New Year" stays 31 December)
    ("early in the new year", "2026-01-01", "2026-05-01"),
    ("in the new year", "2026-01-01", "2026-12-31"),
    # the week of a day: that day and the six after it
    ("the week of October 6", "2025-10-06", "2025-10-12"),
    ("in the week of 13 October", "2025-10-13", "2025-10-19"),
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), ROWS, ids=[r[0] for r in ROWS])
def test_due_window(phrase: str, earliest: str, latest: str) -> None:
    assert parse_due(phrase, issued=D) == Window(d(earliest), d(latest))


def test_every_row_has_two_phrasings() -> None:
    assert len(ROWS) >= 2 * 33


ISSUED_ROWS = [
    # a window issue date applies the rule to both ends
    ("a two-week deadline", Window(d("2025-08-01"), d("2025-08-31")), "2025-08-01", "2025-09-14"),
    ("in two weeks", Window(d("2025-08-01"), d("2025-08-31")), "2025-08-15", "2025-09-14"),
    ("by Friday", Window(d("2025-08-25"), d("2025-08-31")), "2025-08-25", "2025-09-05"),
]


@pytest.mark.parametrize(
    ("phrase", "issued", "earliest", "latest"), ISSUED_ROWS, ids=[r[0] for r in ISSUED_ROWS]
)
def test_due_window_from_an_issue_window(
    phrase: str, issued: Window, earliest: str, latest: str
) -> None:
    assert parse_due(phrase, issued=issued) == Window(d(earliest), d(latest))


OTHER_DAYS = [
    ("next Friday", "2025-09-05", "2025-09-12", "2025-09-12"),  # said on a Friday
    ("Friday", "2025-09-05", "2025-09-12", "2025-09-12"),  # the same day counts only with today
    ("next week", "2025-09-07", "2025-09-08", "2025-09-14"),  # said on a Sunday
    ("in April", "2025-04-01", "2025-04-01", "2025-04-30"),  # said in April: this April
    ("in the second quarter", "2025-05-15", "2025-04-01", "2025-06-30"),
    ("in 30 days", "2025-01-31", "2025-03-02", "2025-03-02"),
    ("in one month", "2025-01-31", "2025-02-28", "2025-02-28"),
    ("by Christmas", "2025-12-27", "2025-12-27", "2026-12-25"),
    ("on the 19th", "2025-09-03", "2025-09-19", "2025-09-19"),
    ("on the 2nd, at noon", "2025-09-03", "2025-10-02", "2025-10-02"),
    ("on the 15th and again", "2025-09-03", "2025-09-15", "2025-09-15"),
    ("to Saturday the 27th then", "2025-09-03", "2025-09-27", "2025-09-27"),
    ("early in 2008", "2007-11-06", "2008-01-01", "2008-05-01"),
    ("late in March", "2025-09-03", "2026-03-21", "2026-03-31"),
    ("within SIXTY (60) days", "2025-09-03", "2025-09-03", "2025-11-02"),
    ("in approximately one hour", "2025-09-03", "2025-09-03", "2025-09-04"),
    ("in 36 hours", "2025-09-03", "2025-09-04", "2025-09-05"),
    ("in 48 hours", "2025-09-03", "2025-09-05", "2025-09-05"),
    (
        "within 30 days of the date of service of this order",
        "2025-09-03",
        "2025-09-03",
        "2025-10-03",
    ),
]


@pytest.mark.parametrize(
    ("phrase", "said", "earliest", "latest"), OTHER_DAYS, ids=[f"{r[0]}@{r[1]}" for r in OTHER_DAYS]
)
def test_named_periods_relative_to_the_issue_day(
    phrase: str, said: str, earliest: str, latest: str
) -> None:
    assert parse_due(phrase, issued=d(said)) == Window(d(earliest), d(latest))


NOT_DATES = [
    "Theresa May met the chancellor",
    "they joined a march through the city",
    "The Sun reported the story",
    "the team won 2-1",
    "said last week",
    "the 2026 budget",
    "as soon as possible",
    "I may go",
    "troops from the 10th Mountain Division",
    "the 3rd Infantry Division will leave",
    "set-up at the 23rd Street entrance",
    "the 5th largest city",
    "on the fourth Friday after it is filed",  # counted from a day the text does not give
    "on the second Tuesday of each month",
    "in 2015-18",  # a span of years, not one financial year
    "before the summer recess",  # when a house rises the text does not say
    "the 2025-26 season",
    "section 1.13.10.25",  # a number with dots, not a date
    "",
]


@pytest.mark.parametrize("text", NOT_DATES, ids=NOT_DATES)
def test_no_due_window(text: str) -> None:
    assert parse_due(text, issued=D) is None


# --- scans from an anchor find what a plain scan of each whole rule finds ---------------------

_PERIOD_FRAGMENTS = sorted(
    {w for lead in period_rules._LEAD_WORDS for w in (lead, lead.title())}
    | {
        " ", "   ", "\n", ",", "-", "the", "end", "of", "by the end of", "no later than",
        "5 p.m.", "noon", "on", "next", "this", "week", "month", "year", "Friday", "Fri.",
        "September", "Sept.", "17", "3rd", "2026", "Q3", "H1", "spring", "Christmas",
        "today", "tomorrow", "weekend", "early", "mid-", "late", "quarter", "half", "x", "a",
        "mid-October", "earlyOctober", "by\u00a0Friday", "at 11:30 a.m. on", "starting on",
        "within", "in", "about", "roughly", "two", "twenty-five", "10", "3.5", "or", "to", "–",
        "days", "weeks", "business days", "months", "hours", "SEPTEMBER", "JAN", "Jan.", "jan 5",
        "NEXT WEEK", "İn", "ſpring", "\u212aelvin", "BY", "Q4", "q4", "EOD", "eod",
        "the next", "coming", "following", "a couple of", "from now", "hence", "ago", "deadline",
        "give", "gave", "more", "two-week", "30-day", "long", "ultimatum", "fortnight",
        "with immediate effect", "yesterday", "last", "past", "soon", "very soon", "shortly",
        "in the coming days", "as", "so", "after", "afterwards", "immediately", "right away",
    }
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PERIOD_FRAGMENTS), max_size=16).map(" ".join))
def test_anchored_scans_find_what_a_scan_for_the_whole_rule_finds(text: str) -> None:
    for rule in period_rules._PERIOD_RULES:
        expected = [(m.span(), m.groupdict()) for m in rule.whole.finditer(text)]
        found = [
            (m.span(), m.groupdict()) for m in period_rules._period_matches(rule, text, fold(text))
        ]
        assert found == expected, (rule.period.name, text)
    for duration in durations._DURATION_RULES:
        if duration.whole is not None:
            expected = [(m.span(), m.groupdict()) for m in duration.whole.finditer(text)]
            found = [(m.span(), m.groupdict()) for m in duration.finditer(text, fold(text))]
            assert found == expected, (duration.kind, text)
    for whole, locate in ((grammar.PAST, grammar._PAST_LOCATE), vague_pattern._default_vague()):
        assert locate is not None
        expected = [(m.span(), m.groupdict()) for m in whole.finditer(text)]
        found = [
            (m.span(), m.groupdict()) for m in scanning._located(whole, locate, text, fold(text))
        ]
        assert found == expected, (whole.pattern[:40], text)


# --- a table of vague phrases as a trie matches the table as a list, longest first -------------

_WORDS = ["in", "i", "the", "th", "a", "an", "few", "days", "day", "soon", "so", "as", "after", "x"]
_PHRASES = st.lists(st.sampled_from(_WORDS), max_size=4).map(" ".join)
_VAGUE_TEXT = st.lists(
    st.sampled_from([*_WORDS, *(w.upper() for w in _WORDS), " ", "  ", "\n", ",", "-", "İn", "ſo"]),
    max_size=14,
).map(" ".join)


def _listed(table: dict[str, tuple[int, int]]) -> re.Pattern[str]:
    """The vague pattern written as a plain list, longest first (what the trie stands for)."""
    phrases = sorted(table, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(
        rf"\b(?<!\bas\s)(?<!\bso\s)(?:(?:{body}))\b(?!\s+(?:as|after|afterwards|thereafter))",
        re.IGNORECASE,
    )


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PHRASES, min_size=1, max_size=8), _VAGUE_TEXT)
def test_a_vague_trie_finds_what_the_list_finds(phrases: list[str], text: str) -> None:
    table = {p: (0, 1) for p in phrases}
    expected = [(m.span(), m[0]) for m in _listed(table).finditer(text)]
    pattern, locate = vague_pattern._vague_compiled(tuple(sorted(table.items())))
    assert [(m.span(), m[0]) for m in pattern.finditer(text)] == expected, (phrases, text)
    if locate is not None:
        found = scanning._located(pattern, locate, text, fold(text))
        assert [(m.span(), m[0]) for m in found] == expected, (phrases, text)


def test_odd_vague_tables_are_matched_as_lists() -> None:
    for table in ({"straße": (0, 1)}, {"In  the": (0, 1), "in the end": (0, 2)}, {"": (0, 1)}):
        pattern, locate = vague_pattern._vague_compiled(tuple(sorted(table.items())))
        assert pattern.pattern == _listed(table).pattern
        assert (locate is None) == (not all(map(str.isascii, table)) or "" in table)


def test_guards_keep_every_match() -> None:
    for source in (r"\bin\s+\d+", r"(?:a|b)?c", r"x*", r"[^a]b", r"(?i:a)b", r"\d{4}"):
        guarded = re.compile(scanning._guarded(source))
        for text in ("in 5 c bc ac xx ab Ab 2024", "", "b c", "zzzz 12345"):
            assert [m.span() for m in guarded.finditer(text)] == [
                m.span() for m in re.finditer(source, text)
            ]


_OPERATOR_WORDS = (
    "by no not later than on or before ahead of prior to after earlier this since until til till"
    " through due following last past previous the end x"
).split()


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(_OPERATOR_WORDS), min_size=1, max_size=4),
    st.sampled_from([" ", "  ", "\n", "\t ", "\u00a0"]),
    st.sampled_from([str, str.upper, str.title]),
)
def test_operators_are_sorted_as_their_patterns_sort_them(
    words: list[str], space: str, case: Callable[[str], str]
) -> None:
    """An operator is looked up in a set of its spellings: the answer a fullmatch of the
    alternation gives, whatever its case and white space."""
    op = " ".join(case(space.join(words)).casefold().split())
    for ops, spelled in (
        (patterns.SKIP_OPS, period_rules._SKIP_OPS),
        (patterns.BEFORE_OPS, period_rules._BEFORE_OPS),
        (patterns.BY_OPS, period_rules._BY_OPS),
    ):
        assert (re.fullmatch(ops, op) is not None) == (op in spelled), (ops, op)


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("by close of business Tuesday, Oct. 28", "2025-09-03…2025-10-28"),
        ("by the close of business on Friday", "2025-09-03…2025-09-05"),
        ("by COB Friday", "2025-09-03…2025-09-05"),
        ("by close of business", "2025-09-03"),
    ],
)
def test_the_close_of_business_keeps_the_day_it_names(text: str, window: str) -> None:
    found = grammar.find(text)
    assert len(found) == 1 and found[0].text == text
    assert str(found[0].resolve(dt.date(2025, 9, 3))) == window


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("on October 2 and 3, 2025", "2025-10-02…2025-10-03"),
        ("on 2 and 3 October", "2025-10-02…2025-10-03"),
        ("on October 2 and 30 people came", "2025-10-02"),
    ],
)
def test_two_days_of_one_event_are_its_window(text: str, window: str) -> None:
    found = grammar.find(text)
    assert [str(f.resolve(dt.date(2025, 9, 3))) for f in found] == [window]


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("from September 15 to 19", "2025-09-15…2025-09-19"),
        ("from Sept. 15 through 19th, 2026", "2026-09-15…2026-09-19"),
        ("September 15 until 19 in Oslo", "2025-09-15…2025-09-19"),
        ("on October 2 to 30 people", "2025-10-02"),  # a count, not a day
        ("from September 15 to 9", "2025-09-15"),  # no range ends before it starts
    ],
)
def test_a_month_and_day_to_a_later_day_is_a_range_in_that_month(text: str, window: str) -> None:
    found = grammar.find(text)
    assert [str(f.resolve(dt.date(2025, 9, 3))) for f in found] == [window]


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("on October 23rd, and will remain there through the 25th", "2025-10-23", "2025-10-25"),
        ("will meet on December 30 and again on the 2nd", "2026-01-02", "2026-01-02"),
        ("will remain there through the 25th", "2025-09-03", "2025-09-25"),
    ],
    ids=["after-a-date", "next-month-after-a-date", "alone"],
)
def test_a_day_of_the_month_alone_is_in_the_month_of_the_date_before_it(
    text: str, earliest: str, latest: str
) -> None:
    *_, last = grammar.find(text)
    assert last.resolve(D) == Window(d(earliest), d(latest))


def test_a_quarter_named_before_a_paper_is_its_name_not_a_time() -> None:
    text = "expects to file the First Quarter Form 10-Q by June 30, 2026"
    assert [f.text for f in grammar.find(text)] == ["by June 30, 2026"]


def test_a_month_and_day_written_on_that_day_is_today() -> None:
    assert parse_due("on September 3", issued=D) == Window(D, D)
    assert parse_due("by September 3", issued=D) == Window(D, D)


@pytest.mark.parametrize(
    ("text", "said", "window"),
    [
        ("by the end of the week", "2025-09-06", "2025-09-06…2025-09-12"),  # a Saturday: next Friday
        ("by the end of the week", "2025-09-03", "2025-09-03…2025-09-05"),  # a Wednesday: this one
        ("by the end of this week", "2025-09-06", "2025-09-06"),  # "this week" keeps its own
    ],
)
def test_the_end_of_the_week_said_on_a_weekend_is_the_coming_friday(
    text: str, said: str, window: str
) -> None:
    (found,) = grammar.find(text)
    assert str(found.resolve(dt.date.fromisoformat(said))) == window
