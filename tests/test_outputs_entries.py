"""commitments.outputs.entries: identity, selection and change times of calendar entries."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from ical_helpers import UPDATED, commitment, deadline, resolution, tracked

from commitments.outputs.entries import (
    changed_at,
    description,
    event_uid,
    select,
    slug,
    todo_uid,
    utc,
)
from commitments.records import Source, Status, Window


def test_uids_are_uuid5_of_the_commitment_id_and_never_change() -> None:
    uid = event_uid("3f2a9c0d1e4b5a67")
    assert uuid.UUID(uid).version == 5
    # Subscribers key on UIDs: a new namespace or recipe would duplicate every event.
    assert uid == "21d0c95c-710b-562a-9236-cfad9f4d7fc4"
    assert todo_uid("3f2a9c0d1e4b5a67") == "d52b0aef-bda2-5706-b166-1881efb821d4"
    assert event_uid("3f2a9c0d1e4b5a68") != uid


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Donald Trump", "donald-trump"),
        ("  Volodymyr  Zelenskyy ", "volodymyr-zelenskyy"),
        ("Andrii Sybiha (foreign minister)", "andrii-sybiha-foreign-minister"),
        ("the airline", "the-airline"),
        (None, "unknown"),
        ("李强", "李强"),
        ("Jürgen Müller", "jurgen-muller"),
        ("Łukasz Ørsted-Straße", "lukasz-orsted-strasse"),
        ("François Hollande", "francois-hollande"),
        ("!!!", "unknown"),
    ],
    ids=["name", "spaces", "brackets", "organisation", "none", "other-script", "umlauts",
         "letters-without-marks", "cedilla", "punctuation"],
)
def test_slug(speaker, expected) -> None:
    assert slug(speaker) == expected


def test_utc_drops_microseconds_and_refuses_naive() -> None:
    assert utc(dt.datetime(2025, 9, 3, 1, 2, 3, 456, tzinfo=dt.UTC)) == dt.datetime(
        2025, 9, 3, 1, 2, 3, tzinfo=dt.UTC
    )
    with pytest.raises(ValueError, match="naive"):
        utc(dt.datetime(2025, 9, 3))  # noqa: DTZ001


def _people() -> list:
    return [
        tracked(commitment()),
        tracked(deadline()),
        tracked(commitment(speaker="Vladimir Putin", action="meet Zelenskyy in Moscow")),
        tracked(commitment(speaker=None, action="host talks", due=None, expression=None)),
    ]


@pytest.mark.parametrize(
    ("speakers", "statuses", "actions"),
    [
        (
            (),
            (),
            [
                "Putin to meet Zelenskyy",
                "be speaking to him",
                "meet Zelenskyy in Moscow",
                "host talks",
            ],
        ),
        (("donald trump",), (), ["Putin to meet Zelenskyy", "be speaking to him"]),
        (("donald-trump",), (Status.PENDING,), ["be speaking to him"]),
        (("vladimir-putin", "DONALD TRUMP"), (Status.EXPIRED,), ["Putin to meet Zelenskyy"]),
        (("unknown",), (), ["host talks"]),
        ((), (Status.OPEN, Status.EXPIRED), ["Putin to meet Zelenskyy", "host talks"]),
        (("nobody",), (), []),
        (("Trump",), (Status.PENDING,), ["be speaking to him"]),
        (("putin",), (), ["meet Zelenskyy in Moscow"]),
        (("Donald",), (Status.EXPIRED,), ["Putin to meet Zelenskyy"]),
        (("Trump Donald",), (), []),
    ],
    ids=[
        "all",
        "by-name",
        "slug-and-status",
        "two-speakers",
        "unknown",
        "two-statuses",
        "none",
        "surname",
        "lowercase",
        "first-name",
        "wrong-order",
    ],
)
def test_select(speakers, statuses, actions) -> None:
    chosen = select(_people(), as_of=dt.date(2025, 9, 3), speakers=speakers, statuses=statuses)
    assert [t.commitment.action for t in chosen] == actions


def test_select_keeps_the_latest_change_of_an_id() -> None:
    old = tracked(sequence=1)
    new = tracked(updated=UPDATED + dt.timedelta(days=1), sequence=2)
    assert select([old, new], as_of=dt.date(2025, 9, 3)) == [new]
    assert select([new, old], as_of=dt.date(2025, 9, 3)) == [new]


@pytest.mark.parametrize(
    ("record", "as_of", "expected"),
    [
        (tracked(), dt.date(2025, 9, 10), UPDATED),
        (tracked(), dt.date(2025, 9, 11), dt.datetime(2025, 9, 11, tzinfo=dt.UTC)),
        (tracked(), dt.date(2026, 1, 1), dt.datetime(2025, 9, 11, tzinfo=dt.UTC)),
        (
            tracked(updated=dt.datetime(2025, 9, 20, 8, tzinfo=dt.UTC)),
            dt.date(2025, 9, 30),
            dt.datetime(2025, 9, 20, 8, tzinfo=dt.UTC),
        ),
        (
            tracked(deadline(), updated=dt.datetime(2025, 8, 1, 9, tzinfo=dt.UTC)),
            dt.date(2025, 8, 31),
            dt.datetime(2025, 8, 31, tzinfo=dt.UTC),
        ),
        (tracked(deadline()), dt.date(2025, 9, 3), UPDATED),
        (
            tracked(commitment(due=None, expression=None)),
            dt.date(2030, 1, 1),
            UPDATED,
        ),
    ],
    ids=[
        "before-deadline",
        "day-after",
        "long-after",
        "updated-later",
        "stated-expired",
        "updated-wins",
        "undated",
    ],
)
def test_changed_at_counts_a_deadline_passing(record, as_of, expected) -> None:
    assert changed_at(record, as_of) == expected


@given(st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)))
def test_status_never_changes_after_changed_at(as_of: dt.date) -> None:
    """Between changed_at's day and as_of the status is constant: Last-Modified is honest."""
    for record in (tracked(), tracked(deadline()), tracked(commitment(due=Window.day(as_of)))):
        since = changed_at(record, as_of)
        day = max(since.date(), UPDATED.date())
        while day <= as_of:
            assert record.status(day) == record.status(as_of), (record, day)
            day += dt.timedelta(days=1)


def test_description_lists_mentions_and_condition() -> None:
    c = commitment()
    other = c.source.__class__(document="later.md", start=1, end=2, line=3, url="https://x.test/")
    record = tracked(c).__class__(
        commitment=c, mentions=(c.source, other), updated=UPDATED, sequence=0
    )
    text = description(record, dt.date(2025, 9, 3))
    assert text.splitlines()[-2:] == [
        "Source: putin-zelenskyy-moscow.md",  # no folder, and no line without a link
        "Also: later.md, line 3 <https://x.test/>",
    ]
    assert "Status: pending" in text
    assert "Status: broken on 2025-09-05" in description(
        tracked(resolution=resolution(Status.BROKEN)), dt.date(2025, 9, 3)
    )


def test_a_description_lists_each_other_place_once_and_at_most_twenty() -> None:
    """Issue 16, item 11: 12,000 restatements gave a 260 KB event of identical "Also:" lines."""
    c = commitment()
    same_line = [Source(document=c.source.document, start=i, end=i + 5, line=c.source.line)
                 for i in range(1, 12_001)]
    others = [Source(document=f"doc{i}.md", start=0, end=5) for i in range(30)]
    record = attrs.evolve(tracked(c), mentions=(c.source, *same_line, *others, *others))
    lines = description(record, dt.date(2025, 9, 3)).splitlines()
    also = [line for line in lines if line.startswith("Also: ")]
    assert also[:20] == [f"Also: doc{i}.md" for i in range(20)]
    assert also[20:] == ["Also: 10 more places"]
