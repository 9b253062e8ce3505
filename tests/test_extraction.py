"""Extraction end to end: who committed to what, due when."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import Kind, Status, Window, extract


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


SEED_TEXT_START = "Putin invites Zelenskyy"


@pytest.fixture
def seed(seed_article) -> list:
    text = seed_article.read_text("utf-8").split("---\n", 2)[2]
    return extract(text, published=d("2025-09-03"))


def test_seed_two_week_deadline_is_expired(seed) -> None:
    deadline = [c for c in seed if c.kind is Kind.DEADLINE]
    assert len(deadline) == 1
    (c,) = deadline
    assert c.speaker == "Donald Trump"
    assert c.due == Window(d("2025-08-01"), d("2025-09-03"))
    assert c.issued == Window(d("2025-08-01"), d("2025-08-31"))
    assert c.status(d("2025-09-03")) is Status.EXPIRED


def test_seed_call_in_the_coming_days_is_pending(seed) -> None:
    (call,) = [c for c in seed if c.expression == "in the coming days"]
    assert call.speaker == "Donald Trump"
    assert call.due == Window(d("2025-09-04"), d("2025-09-10"))
    assert call.status(d("2025-09-03")) is Status.PENDING
    assert call.status(d("2025-09-11")) is Status.EXPIRED


def test_seed_putin_offer_is_open(seed) -> None:
    offers = [c for c in seed if c.kind is Kind.OFFER]
    assert [c.speaker for c in offers] == ["Putin"]  # (the article never says "Vladimir")
    assert offers[0].due is None
    assert offers[0].status(d("2025-09-03")) is Status.OPEN
    assert offers[0].condition == "If Zelenskyy is ready for a meeting"


def test_seed_nothing_attributed_to_the_wrong_person(seed) -> None:
    allowed = {"Donald Trump", "Putin", "Andrii Sybiha"}
    assert {c.speaker for c in seed} <= allowed
    for c in seed:
        if "Moscow" in c.text and "let him come" in c.text:
            assert c.speaker == "Putin"
        if "I will know precisely" in c.text:
            assert c.speaker == "Donald Trump"


PROSE = [
    (
        "Prime Minister Anna Lindqvist said the government would publish its housing plan next month.",
        "2025-09-10", "Anna Lindqvist", "2025-10-01", "2025-10-31",
    ),
    (
        'Coach Daniel Price said the team would name its new captain in three weeks. "We are taking'
        ' our time," he said.',
        "2025-03-04", "Daniel Price", "2025-03-25", "2025-03-25",
    ),
    (
        "The retailer promised that every delayed order would be delivered by Christmas.",
        "2024-11-20", "the retailer", "2024-11-20", "2024-12-25",
    ),
    (
        "Governor Rosa Delgado ordered the utility to restore power to all homes within 72 hours.",
        "2025-06-02", "Rosa Delgado", "2025-06-02", "2025-06-05",
    ),
    (
        "Health Minister Clara Novak visited the hospital on Wednesday. “We will open the new ward"
        " by the end of the month,” she said.",
        "2025-05-07", "Clara Novak", "2025-05-07", "2025-05-31",
    ),
    (
        "The company will announce layoffs within days, according to chief executive Mark Oduya.",
        "2025-10-01", "Mark Oduya", "2025-10-01", "2025-10-08",
    ),
    (
        "Opposition leader Piotr Zajac vowed to table a no-confidence motion by the end of the year.",
        "2025-09-03", "Piotr Zajac", "2025-09-03", "2025-12-31",
    ),
    (
        'Trump said he would give Putin "10 or 12 days" to reach a deal.',
        "2025-07-28", "Trump", "2025-08-07", "2025-08-09",
    ),
    (
        'Finance Minister Yuki Tanaka said the ministry would submit the revised plan "by mid-October."',
        "2025-09-03", "Yuki Tanaka", "2025-09-03", "2025-10-15",
    ),
    (
        "On Friday, Senator Maria Lopez pledged to release the report in two weeks.",
        "2025-09-03", "Maria Lopez", "2025-09-12", "2025-09-12",
    ),
    (
        "President Donald Trump spoke in the morning. Later, Trump said he would decide on tariffs"
        " by Friday.",
        "2025-09-03", "Donald Trump", "2025-09-03", "2025-09-05",
    ),
    (
        '"We will restore full service next week," the airline said in a statement.',
        "2025-09-03", "the airline", "2025-09-08", "2025-09-14",
    ),
    (
        "Apple said it would ship the update in the coming weeks.",
        "2025-09-03", "Apple", "2025-09-10", "2025-10-15",
    ),
    (
        "Mayor Lucas Ferreira met Council member Ana Silva. “We will finish the bridge by June,” she said.",
        "2025-09-03", "Ana Silva", "2025-09-03", "2026-06-30",
    ),
    (
        "The minister said last week that the ministry would publish the figures within 10 days.",
        "2025-09-03", "minister", "2025-08-25", "2025-09-10",
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "speaker", "earliest", "latest"),
    PROSE,
    ids=[p[2] + ":" + p[0][:30] for p in PROSE],
)
def test_prose(text: str, published: str, speaker: str, earliest: str, latest: str) -> None:
    found = [c for c in extract(text, published=d(published)) if c.due is not None]
    assert len(found) == 1, found
    (c,) = found
    assert speaker.casefold() in (c.speaker or "").casefold()
    assert c.due == Window(d(earliest), d(latest))


NEGATIVE = [
    "The law was passed in 2019 and took effect on January 1, 2020. Since then, more than 40"
    " companies have been fined, the agency said on Monday.",
    "Theresa May met the German chancellor on Thursday. The two leaders discussed trade, and May"
    " said the talks had been constructive.",
    "Last month they met in Geneva for the 80th anniversary of the treaty.",
    "Thousands joined a march through the capital on Saturday.",
    "It remains uncertain whether the minister will resign next week.",
    "The festival took place in early June, organisers said.",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=[n[:40] for n in NEGATIVE])
def test_no_commitment(text: str) -> None:
    assert extract(text, published=d("2025-09-03")) == []


def test_the_same_text_gives_the_same_ids() -> None:
    text = "The regulator said it would issue final rules in the coming months."
    first = extract(text, published=d("2025-01-15"))
    second = extract(text, published=d("2025-01-15"))
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == len(first) == 1


def test_time_of_day_gives_an_aware_deadline() -> None:
    (c,) = extract(
        "The union said it would respond by Sunday at 6 p.m.", published=d("2025-09-03"),
        tz="Europe/Berlin",
    )
    assert c.due == Window(d("2025-09-03"), d("2025-09-07"))
    assert c.due_at is not None and c.due_at.utcoffset() == dt.timedelta(hours=2)
    assert (c.due_at.hour, c.due_at.minute) == (18, 0)


def test_threat_kind_and_condition() -> None:
    (c,) = extract(
        'Trump said there would be "severe consequences" if the talks fail by Friday.',
        published=d("2025-09-03"),
    )
    assert c.kind is Kind.THREAT
    assert c.condition is not None and c.condition.startswith("if the talks fail")


def test_text_says_kept() -> None:
    found = extract(
        "The mayor said she had kept her promise to open the library by June.",
        published=d("2025-09-03"),
    )
    assert found and all(c.status(d("2025-09-03")) is Status.KEPT for c in found)
