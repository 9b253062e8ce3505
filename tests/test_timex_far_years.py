"""Years far ahead are kept, or the date is refused: never this year's day instead (issue 16, 21).

"before 17 September 3000" was read as "before 17 September" (2025-09-16, already expired): the
year pattern stopped at 2199 and the rest of the date was read without it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import Document, extract_document, parse_due

D = dt.date(2025, 9, 3)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("before 17 September 3000", "2025-09-03", "3000-09-16"),
        ("by 17 September 2250", "2025-09-03", "2250-09-17"),
        ("on September 17, 2999", "2999-09-17", "2999-09-17"),
        ("by 9999-12-31", "2025-09-03", "9999-12-31"),
        ("3-5 May 2400", "2400-05-03", "2400-05-05"),
        ("before 17 September 2150", "2025-09-03", "2150-09-16"),
    ],
    ids=["3000", "2250", "us-2999", "iso-9999", "range-2400", "2150"],
)
def test_a_far_year_after_a_day_and_month_is_kept(text: str, earliest: str, latest: str) -> None:
    window = parse_due(text, issued=D)
    assert window is not None
    assert (window.earliest.isoformat(), window.latest.isoformat()) == (earliest, latest)


@pytest.mark.parametrize(
    "sentence",
    [
        "Trump said he would withdraw the troops by September 3000.",
        "Trump said he would withdraw the troops by 17 September 99999.",
        "Trump said he would withdraw the troops in May 4000.",
    ],
    ids=["month-3000", "five-digits", "month-4000"],
)
def test_a_year_that_cannot_be_read_gives_no_date_rather_than_a_wrong_one(sentence: str) -> None:
    found = extract_document(Document(text=sentence, name="y.txt", published=D))
    for commitment in found:
        assert commitment.due is None or commitment.due.latest.year >= 3000


def test_a_number_after_a_weekday_is_not_a_year() -> None:
    text = "Trump said he would send 2000 troops by Friday."
    (commitment,) = extract_document(Document(text=text, name="t.txt", published=D))
    assert commitment.due is not None and commitment.due.latest == dt.date(2025, 9, 5)
