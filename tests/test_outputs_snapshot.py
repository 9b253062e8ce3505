"""commitments.outputs.snapshot: extracted commitments as never-changed Tracked records."""

from __future__ import annotations

import datetime as dt

import attrs
from ical_helpers import commitment

from commitments.outputs.snapshot import snapshot
from commitments.records import Document, Source, Window


def test_updated_is_the_publication_day_and_sequence_zero() -> None:
    doc = Document(text="…", name="a.md", published=dt.date(2025, 9, 3))
    (record,) = snapshot([(doc, [commitment()])])
    assert record.updated == dt.datetime(2025, 9, 3, tzinfo=dt.UTC)
    assert record.sequence == 0 and record.resolution is None
    assert record.mentions == (commitment().source,)


def test_without_a_publication_date_the_issue_date_is_used() -> None:
    doc = Document(text="…", name="a.md")
    c = commitment(issued=Window(dt.date(2025, 8, 1), dt.date(2025, 8, 31)))
    (record,) = snapshot([(doc, [c])])
    assert record.updated == dt.datetime(2025, 8, 31, tzinfo=dt.UTC)


def test_the_same_commitment_twice_is_one_record_with_two_mentions() -> None:
    first = commitment()
    again = attrs.evolve(first, source=Source(document="b.md", start=3, end=9))
    records = snapshot(
        [
            (Document(text="…", name="a.md", published=dt.date(2025, 9, 3)), [first]),
            (Document(text="…", name="b.md", published=dt.date(2025, 9, 5)), [again, again]),
        ]
    )
    assert len(records) == 1
    assert records[0].mentions == (first.source, again.source)
    assert records[0].updated == dt.datetime(2025, 9, 5, tzinfo=dt.UTC)


def test_many_mentions_of_one_commitment_take_linear_work(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 16, item 11: `export FILE` of a dense file was quadratic in the mentions."""
    compared = 0
    real = Source.__eq__

    def counted(self: Source, other: object) -> bool:
        nonlocal compared
        compared += 1
        return real(self, other)  # type: ignore[no-any-return]

    monkeypatch.setattr(Source, "__eq__", counted)
    doc = Document(text="…", name="a.md", published=dt.date(2025, 9, 3))
    count = 3000
    found = [attrs.evolve(commitment(), source=Source(document="a.md", start=i, end=i + 5))
             for i in range(count)]
    (record,) = snapshot([(doc, found + found[:10])])
    assert len(record.mentions) == count
    assert compared <= 2 * count
