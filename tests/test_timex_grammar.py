"""Every row of CONVENTIONS.md, in at least two phrasings (issue date: Wednesday 2025-09-03)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commitments import Window, parse_due
from commitments.prefilter import fold
from commitments.timex import grammar

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
    "",
]


@pytest.mark.parametrize("text", NOT_DATES, ids=NOT_DATES)
def test_no_due_window(text: str) -> None:
    assert parse_due(text, issued=D) is None


# --- scans from an anchor find what a plain scan of each whole rule finds ---------------------

_PERIOD_FRAGMENTS = sorted(
    {w for lead in grammar._LEAD_WORDS for w in (lead, lead.title())}
    | {
        " ", "   ", "\n", ",", "-", "the", "end", "of", "by the end of", "no later than",
        "5 p.m.", "noon", "on", "next", "this", "week", "month", "year", "Friday", "Fri.",
        "September", "Sept.", "17", "3rd", "2026", "Q3", "H1", "spring", "Christmas",
        "today", "tomorrow", "weekend", "early", "mid-", "late", "quarter", "half", "x", "a",
        "mid-October", "earlyOctober", "by\u00a0Friday", "at 11:30 a.m. on", "starting on",
        "within", "in", "about", "roughly", "two", "twenty-five", "10", "3.5", "or", "to", "–",
        "days", "weeks", "business days", "months", "hours", "SEPTEMBER", "JAN", "Jan.", "jan 5",
        "NEXT WEEK", "İn", "ſpring", "\u212aelvin", "BY", "Q4", "q4", "EOD", "eod",
    }
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PERIOD_FRAGMENTS), max_size=16).map(" ".join))
def test_anchored_scans_find_what_a_scan_for_the_whole_rule_finds(text: str) -> None:
    for rule in grammar._PERIOD_RULES:
        expected = [(m.span(), m.groupdict()) for m in rule.whole.finditer(text)]
        found = [(m.span(), m.groupdict()) for m in grammar._period_matches(rule, text, fold(text))]
        assert found == expected, (rule.period.name, text)
    for duration in grammar._DURATION_RULES:
        if duration.whole is not None:
            expected = [(m.span(), m.groupdict()) for m in duration.whole.finditer(text)]
            found = [(m.span(), m.groupdict()) for m in duration.finditer(text, fold(text))]
            assert found == expected, (duration.kind, text)
