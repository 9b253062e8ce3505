"""Follow-up linking stays linear: the work per document does not grow with the store.

Counted, not timed: the comparisons of mentions (``last_pool.comparisons``) and of claims with
commitments (``last_follow_work``) for each document of a generated story corpus
(``benchmarks/bench_tracker.py``, which also times 10,000 documents).
"""

from __future__ import annotations

import random
import statistics
from pathlib import Path

import pytest
from script_helpers import load

from commitments.tracker import Tracker

BENCH = load(Path(__file__).parent.parent / "benchmarks" / "bench_tracker.py", "bench_tracker")


def _work(documents: int) -> tuple[float, int, int]:
    corpus = BENCH.generate(documents, speakers_count=10, per_day=5, seed=7)
    work = []
    with Tracker(":memory:", extractor=BENCH.extractor(corpus)) as tracker:
        for document, _ in corpus:
            tracker.add(document, now=BENCH.NOW)
            work.append(BENCH.work_of(tracker))
        entries = tracker.entries()
    revised = sum(1 for e in entries if any(c.kind == "revision" for c in e.followups))
    outcomes = sum(1 for e in entries if any(c.kind == "outcome" for c in e.followups))
    return statistics.fmean(work[-documents // 4 :]), revised, outcomes


def test_the_work_per_document_does_not_grow_with_the_store() -> None:
    # 600 documents span 120 days, past the longest a claim can reach back (a deadline made
    # 40 days ahead, extended three times, reported on up to 60 days after): from there on a
    # store three times as large takes about the same work per document.
    small, revised, outcomes = _work(600)
    large, more_revised, more_outcomes = _work(1800)
    assert revised > 0 and outcomes > 0  # the corpus does exercise follow-ups
    assert more_revised > 2 * revised and more_outcomes > 2 * outcomes
    assert large <= 1.5 * small + 1


def test_generated_revisions_are_linked_to_the_commitment_they_name() -> None:
    corpus = BENCH.generate(300, speakers_count=10, seed=3)
    with Tracker(":memory:", extractor=BENCH.extractor(corpus)) as tracker:
        for document, _ in corpus:
            tracker.add(document, now=BENCH.NOW)
        for entry in tracker.entries():
            for claim in entry.followups:
                assert entry.tracked.commitment.action in claim.quote
                assert (entry.tracked.commitment.speaker or "") in claim.quote


def _end_state(corpus: list, order: list[int]) -> tuple[set[tuple[object, ...]], int]:
    with Tracker(":memory:", extractor=BENCH.extractor(corpus)) as tracker:
        for index in order:
            tracker.add(corpus[index][0], now=BENCH.NOW)
        state = {
            (
                e.tracked.commitment.speaker,
                e.tracked.commitment.action,
                e.tracked.commitment.due,
                e.tracked.commitment.stated,
                tuple(sorted(m.source.document for m in e.mentions)),
                tuple((c.kind, c.name) for c in e.followups),
            )
            for e in tracker.entries()
        }
        return state, len(tracker.suggestions())


@pytest.mark.parametrize("seed", range(4), ids=lambda s: f"corpus-{s}")
def test_generated_stories_give_the_same_store_in_any_order(seed: int) -> None:
    corpus = BENCH.generate(80, speakers_count=3, per_day=2, seed=seed)
    in_order = _end_state(corpus, list(range(len(corpus))))
    assert any(followups for *_, followups in in_order[0])  # something was linked
    rng = random.Random(seed)
    for _ in range(3):
        order = list(range(len(corpus)))
        rng.shuffle(order)
        assert _end_state(corpus, order) == in_order
