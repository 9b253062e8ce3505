"""The Tracker: adding documents, merging mentions, resolving, asking where things stand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from tracker_helpers import LATER, NOW, day, document, extractor, make, seed_like, window

from commitments.errors import DateError, InputError, NotFoundError
from commitments.records import Status
from commitments.tracker import Tracker
from commitments.tracker.tracker import document_digest

SEED = Path(__file__).parent.parent / "seeds" / "putin-zelenskyy-moscow.md"


@pytest.fixture
def tracker() -> Iterator[Tracker]:
    found = {
        "seed.md": seed_like("seed.md"),
        "copy.md": seed_like("copy.md"),
        "b.md": [make("visit Kyiv", speaker="Vladimir Putin", due=None, document="b.md")],
    }
    with Tracker(":memory:", extractor=extractor(found)) as tracker:
        yield tracker


def test_adding_a_document_twice_adds_nothing(tracker: Tracker) -> None:
    first = tracker.add(document("seed.md"), now=NOW)
    again = tracker.add(document("seed.md"), now=LATER)
    assert (first.skipped, first.mentions, len(first.created)) == (False, 3, 2)
    assert (again.skipped, again.mentions, again.created, again.updated) == (True, 0, (), ())
    assert len(tracker.entries()) == 2
    assert {e.tracked.updated for e in tracker.entries()} == {NOW}


def test_restating_one_commitment_in_a_document_gives_one_with_two_mentions(
    tracker: Tracker,
) -> None:
    tracker.add(document("seed.md"), now=NOW)
    (call,) = [e for e in tracker.entries() if len(e.mentions) == 2]
    assert call.tracked.commitment.due == window("2025-09-03", "2025-09-06")
    assert call.tracked.commitment.expression == "very shortly"
    assert [m.commitment.expression for m in call.mentions] == [
        "very shortly",
        "in the coming days",
    ]
    assert call.tracked.mentions == tuple(m.source for m in call.mentions)
    assert call.tracked.sequence == 0


def test_two_documents_reporting_one_commitment_give_one_with_two_mentions(
    tracker: Tracker,
) -> None:
    tracker.add(document("seed.md"), now=NOW)
    result = tracker.add(document("copy.md"), now=LATER)
    assert result.created == ()
    assert len(result.updated) == 2
    entries = {e.tracked.commitment.kind.value: e for e in tracker.entries()}
    assert len(tracker.entries()) == 2
    deadline = entries["deadline"]
    assert [m.source.document for m in deadline.mentions] == ["seed.md", "copy.md"]
    assert deadline.tracked.sequence == 1
    assert deadline.tracked.updated == LATER
    assert len(entries["promise"].mentions) == 4


def test_the_same_text_under_another_name_is_another_document() -> None:
    a = document("a.md", text="same words")
    b = document("b.md", text="same words")
    assert document_digest(a) != document_digest(b)
    assert document_digest(a) == document_digest(attrs.evolve(a, published=day("2025-01-01")))
    with_url = attrs.evolve(a, url="https://example.org/x")
    assert document_digest(with_url) == document_digest(
        attrs.evolve(b, url="https://example.org/x")
    )


def test_a_document_without_a_date_is_published_on_now() -> None:
    seen = []

    def spy(doc):  # type: ignore[no-untyped-def]
        seen.append(doc.published)
        return []

    with Tracker(":memory:", extractor=spy) as tracker:
        tracker.add(attrs.evolve(document("x.md"), published=None), now=NOW)
    assert seen == [NOW.date()]


def test_now_must_be_aware(tracker: Tracker) -> None:
    with pytest.raises(DateError, match="aware"):
        tracker.add(document("seed.md"), now=dt.datetime(2025, 9, 3))  # noqa: DTZ001


def test_status_as_of_days(tracker: Tracker) -> None:
    tracker.add(document("seed.md"), now=NOW)
    on_the_day = tracker.commitments(as_of=day("2025-09-03"))
    assert [(t.commitment.kind.value, t.status(day("2025-09-03"))) for t in on_the_day] == [
        ("deadline", Status.EXPIRED),
        ("promise", Status.PENDING),
    ]
    later = tracker.commitments(as_of=day("2025-09-11"))
    assert {t.status(day("2025-09-11")) for t in later} == {Status.EXPIRED}


def test_commitments_filters_by_speaker_and_status(tracker: Tracker) -> None:
    tracker.add(document("seed.md"), now=NOW)
    tracker.add(document("b.md"), now=NOW)
    as_of = day("2025-09-03")
    assert len(tracker.commitments(as_of=as_of)) == 3
    assert [t.commitment.speaker for t in tracker.commitments(as_of=as_of, speaker="putin")] == [
        "Vladimir Putin"
    ]
    assert [
        t.commitment.kind.value for t in tracker.commitments(as_of=as_of, status="expired")
    ] == ["deadline"]
    pending = tracker.commitments(as_of=as_of, status=[Status.PENDING, Status.OPEN])
    assert [t.commitment.action for t in pending] == ["be communicating with Putin", "visit Kyiv"]


def test_resolve_records_history_and_changes_the_status(tracker: Tracker) -> None:
    tracker.add(document("seed.md"), now=NOW)
    call = next(e for e in tracker.entries() if len(e.mentions) == 2)
    kept = tracker.resolve(
        call.id[:6],
        "kept",
        on=day("2025-09-05"),
        now=LATER,
        note="they spoke",
        evidence="https://example.org/call",
    )
    assert kept.status(day("2025-09-11")) is Status.KEPT
    assert (kept.sequence, kept.updated) == (1, LATER)
    assert [t.id for t in tracker.commitments(as_of=day("2025-09-11"), status="kept")] == [call.id]

    later = LATER + dt.timedelta(days=1)
    reopened = tracker.resolve(call.id, Status.OPEN, on=day("2025-09-06"), now=later)
    assert reopened.status(day("2025-09-11")) is Status.EXPIRED
    entry = tracker.get(call.id)
    assert [(r.status, r.note, r.recorded) for r in entry.history] == [
        (Status.KEPT, "they spoke", LATER),
        (Status.OPEN, None, later),
    ]
    assert entry.tracked.sequence == 2


@pytest.mark.parametrize(
    ("status", "kwargs", "error", "message"),
    [
        ("done", {}, InputError, "kept, broken, withdrawn, open"),
        ("expired", {}, InputError, "not 'expired'"),
        ("kept", {"evidence": "not a url"}, InputError, "web address"),
        ("kept", {"evidence": "ftp://example.org/x"}, InputError, "web address"),
        ("kept", {"on": day("2025-07-01")}, DateError, "before the commitment was made"),
    ],
    ids=["unknown-status", "not-a-resolution", "evidence-not-url", "evidence-not-web", "too-early"],
)
def test_resolve_refuses(
    tracker: Tracker, status: str, kwargs: dict, error: type, message: str
) -> None:
    tracker.add(document("seed.md"), now=NOW)
    id = tracker.entries()[0].id
    args = {"on": day("2025-09-05"), "now": LATER} | kwargs
    with pytest.raises(error, match=message):
        tracker.resolve(id, status, **args)
    assert tracker.get(id).history == ()


def test_resolve_an_unknown_id(tracker: Tracker) -> None:
    with pytest.raises(NotFoundError):
        tracker.resolve("abcdef", "kept", on=day("2025-09-05"), now=LATER)


def test_short_ids_grow_until_unique() -> None:
    ids = ["abcdef0123456789", "abcdef0199999999", "1234567890abcdef"]
    found = {
        "x.md": [
            attrs.evolve(make(f"thing {i}", start=i * 1000), id=id) for i, id in enumerate(ids)
        ]
    }
    with Tracker(":memory:", extractor=extractor(found)) as tracker:
        assert tracker.short_id_length() == 8
        tracker.add(document("x.md"), now=NOW)
        assert tracker.short_id_length() == 9


def test_add_commitments_without_an_extractor() -> None:
    with Tracker(":memory:") as tracker:
        result = tracker.add_commitments(document("a.md"), [make()], now=NOW)
        assert len(result.created) == 1
        assert tracker.add_commitments(document("a.md"), [make()], now=NOW).skipped


def test_the_seed_through_the_real_extractor(tmp_path: Path) -> None:
    from commitments.readers import read_sources

    (doc,) = read_sources([str(SEED)])
    with Tracker(tmp_path / "c.db") as tracker:
        tracker.add(doc, now=NOW)
        tracker.add(doc, now=LATER)
        report = tracker.report(as_of=day("2025-09-03"), status="expired,pending")
        shown = [
            (i.tracked.commitment.kind.value, i.status.value, len(i.entry.mentions))
            for i in report.items
        ]
        assert shown == [("deadline", "expired", 1), ("promise", "pending", 2)]
        call = report.items[1].tracked
        assert call.commitment.due == window("2025-09-03", "2025-09-06")
        assert call.commitment.speaker == "Donald Trump"
        expired = tracker.commitments(as_of=day("2025-09-11"), status="expired")
        assert {t.id for t in expired} == {i.tracked.id for i in report.items}
        tracker.resolve(call.id[:8], "kept", on=day("2025-09-05"), now=LATER)
        assert tracker.get(call.id).tracked.status(day("2025-09-11")) is Status.KEPT
