"""Properties: windows are never inverted, extraction never raises, ids are stable."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commitments import CommitmentsError, Window, extract, parse_due

PIECES = [
    "by", "before", "until", "within", "in", "next", "this", "early", "mid-", "late", "the end of",
    "Friday", "Monday", "September", "May", "2026", "Q3", "H1", "spring", "winter", "two weeks",
    "10 days", "72 hours", "a fortnight", "the coming days", "soon", "tomorrow", "today", "week",
    "month", "year", "Christmas", "17 September", "the first quarter", "the second half of",
    "or", "12", "days", "about", "at 6 p.m.", "no later than", "said", "will", "would", ",", ".",
]
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6), days)
@settings(max_examples=400, deadline=None)
def test_a_due_window_is_never_inverted(words: list[str], issued: dt.date) -> None:
    window = parse_due(" ".join(words), issued=issued)
    assert window is None or window.earliest <= window.latest


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6), days, st.integers(0, 40))
@settings(max_examples=200, deadline=None)
def test_an_issue_window_gives_an_ordered_due_window(
    words: list[str], first: dt.date, span: int
) -> None:
    issued = Window(first, first + dt.timedelta(days=span))
    window = parse_due(" ".join(words), issued=issued)
    assert window is None or window.earliest <= window.latest


@given(days, days)
def test_window_rejects_inversion(a: dt.date, b: dt.date) -> None:
    if a <= b:
        assert Window(a, b).days == (b - a).days + 1
    else:
        with pytest.raises(ValueError, match="inverted"):
            Window(a, b)


sentences = st.lists(
    st.one_of(
        st.sampled_from(
            PIECES
            + ["“", "”", '"', "he", "Trump", "I'll", "\n\n", "’s", "'s", "(AB)", "(BOE)", "Bank",
               "said:", "ORDERED", "MR. LEE:", "§", "1)", "the 10th"]
        ),
        st.text(max_size=20),
    ),
    max_size=30,
).map(" ".join)


@given(st.one_of(st.text(max_size=300), sentences), days)
@settings(max_examples=300, deadline=None)
def test_extraction_never_raises_and_is_deterministic(text: str, published: dt.date) -> None:
    try:
        first = extract(text, published=published)
    except CommitmentsError:
        return
    second = extract(text, published=published)
    assert [c.id for c in first] == [c.id for c in second]
    for c in first:
        assert c.due is None or c.due.earliest <= c.due.latest
        assert 0 <= c.source.start <= c.source.end <= len(text)
