"""Track records: per speaker, as of a day (issue 12, item 4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from tracker_helpers import NOW, document, extractor, make, window

from commitments import Tracker, TrackRecord
from commitments.records import Kind
from commitments.tracker.record import RECORD_COLUMNS


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


FOUND = {
    "a.md": [
        make("open the bridge", speaker="Ana Silva", due=window("2025-09-10"), start=0),
        make("publish the audit", speaker="Ana Silva", due=window("2025-09-12"), start=50),
        make("hire ten nurses", speaker="Ana Silva", due=window("2025-09-20"), start=100),
        make("cut the fares", speaker="Ana Silva", due=window("2025-09-30"), start=150),
        make("plant the trees", speaker="Ana Silva", due=None, start=200),
        make("close the depot", speaker="Ana Silva", due=window("2025-10-30"), start=250),
        make("end the strike", speaker="Tom Becker", kind=Kind.DEADLINE, start=0),
    ]
}


@pytest.fixture
def tracker() -> Iterator[Tracker]:
    with Tracker(":memory:", extractor=extractor(FOUND)) as tracker:
        yield _recorded(tracker)


def _recorded(tracker: Tracker) -> Tracker:
    tracker.add(document("a.md", published="2025-09-03"), now=NOW)
    ids = {e.tracked.commitment.action: e.id for e in tracker.entries()}
    later = NOW + dt.timedelta(days=60)
    tracker.resolve(ids["open the bridge"], "kept", on=day("2025-09-14"), now=later)  # 4 late
    tracker.resolve(ids["publish the audit"], "kept", on=day("2025-09-20"), now=later)  # 8 late
    tracker.resolve(ids["hire ten nurses"], "kept", on=day("2025-09-18"), now=later)  # on time
    tracker.resolve(ids["cut the fares"], "broken", on=day("2025-10-01"), now=later)
    tracker.resolve(ids["close the depot"], "withdrawn", on=day("2025-10-02"), now=later)
    return tracker


def test_a_record_counts_each_outcome_and_the_median_days_late(tracker: Tracker) -> None:
    record = tracker.record("Ana Silva", as_of=day("2025-11-15"))
    assert isinstance(record, TrackRecord)
    (ana,) = record.speakers
    assert (ana.made, ana.kept, ana.broken, ana.withdrawn, ana.open, ana.pending) == (
        6,
        3,
        1,
        1,
        1,
        0,
    )
    assert ana.lapsed == 0
    assert (ana.kept_late, ana.median_days_late) == (2, 6.0)


def test_as_of_a_day_only_what_was_known_then_counts(tracker: Tracker) -> None:
    # On 15 September the bridge was open (kept on the 14th, 4 days late); the audit, due on
    # the 12th, was not out yet (lapsed); nurses, fares and depot were pending.
    (ana,) = tracker.record(["Ana"], as_of=day("2025-09-15")).speakers
    assert (ana.kept, ana.lapsed, ana.pending, ana.open) == (1, 1, 3, 1)
    assert (ana.kept_late, ana.median_days_late) == (1, 4.0)
    (tom,) = tracker.record("Tom Becker", as_of=day("2025-09-15")).speakers
    assert (tom.made, tom.lapsed) == (1, 1)
    assert tracker.record(as_of=day("2025-09-02")).speakers == ()  # nothing made yet


def test_json_and_csv_have_every_column(tracker: Tracker) -> None:
    record = tracker.record(as_of=day("2025-11-15"))
    data = record.to_json()
    assert data["as_of"] == "2025-11-15"
    rows = data["speakers"]
    assert isinstance(rows, list) and [r["speaker"] for r in rows] == ["Ana Silva", "Tom Becker"]
    assert all(list(r) == list(RECORD_COLUMNS) for r in rows)
    lines = record.to_csv().splitlines()
    assert lines[0] == ",".join(RECORD_COLUMNS)
    assert lines[2].startswith("Tom Becker,1,0,0,1,")
    assert lines[2].endswith(",0,0,")  # no median without a commitment kept late
