"""Merging is linear in the mentions and does not depend on the order documents are added.

Issue 16, items 11 and 24: 12,000 restatements of one promise were compared pairwise inside one
write transaction; and the same 600 documents gave 106, 107 or 115 commitments by the order they
were added, because a mention joined the first entry it matched and never bridged two.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from tracker_helpers import NOW, document, extractor, make, window

from commitments.records import Commitment, Kind, Source, Window
from commitments.tracker import Tracker
from commitments.tracker import matching as matching_module
from commitments.tracker.merge import same_commitment
from commitments.tracker.records import Mention

# -- linear ---------------------------------------------------------------------------------------


def _restatements(count: int) -> list[Commitment]:
    return [make("call Putin", start=i * 40, document="big.md") for i in range(count)]


def _comparisons(count: int) -> int:
    with Tracker(":memory:", extractor=extractor({"big.md": _restatements(count)})) as tracker:
        result = tracker.add(document("big.md"), now=NOW)
        assert len(result.created) == 1
        (entry,) = tracker.entries()
        assert len(entry.mentions) == count
        assert tracker.last_pool is not None
        return tracker.last_pool.comparisons


def test_12000_restatements_of_one_promise_take_linear_work() -> None:
    small, big = _comparisons(1_200), _comparisons(12_000)
    assert big <= 2 * 12_000
    assert big / small <= 11  # ten times the mentions, ten times the work (not a hundred)


def _pool_work(mentions: list[Mention]) -> tuple[int, int]:
    pool = matching_module.Pool([])
    for mention in mentions:
        pool.add(mention)
    return pool.comparisons, len(pool.groups)


def _distinct_actions(count: int) -> list[Mention]:
    return [
        Mention(commitment=make(f"buy item{i} widget{i}", start=i * 50), document="d")
        for i in range(count)
    ]


def _distinct_weeks(count: int) -> list[Mention]:
    first = dt.date(2025, 9, 8)
    return [
        Mention(
            commitment=make(
                "call Putin",
                start=i * 50,
                due=Window.day(first + dt.timedelta(weeks=i)),
                issued=window("2025-09-03"),
            ),
            document="d",
        )
        for i in range(count)
    ]


def test_thousands_of_different_commitments_by_one_speaker_take_linear_work() -> None:
    for make_mentions in (_distinct_actions, _distinct_weeks):
        small, groups = _pool_work(make_mentions(300))
        big, big_groups = _pool_work(make_mentions(3000))
        assert (groups, big_groups) == (300, 3000)  # none of them is the same commitment
        assert big <= 4 * 3000, make_mentions.__name__
        assert big / small <= 12  # ten times the mentions: ten times the work, not a hundred


def test_the_store_is_read_before_the_write_lock() -> None:
    order: list[str] = []
    with Tracker(":memory:", extractor=extractor({"a.md": [make()]})) as tracker:
        store = tracker.store
        real_transaction, real_load = store.transaction, store.entries_with_ids

        def transaction():  # type: ignore[no-untyped-def]
            order.append("lock")
            return real_transaction()

        def load(ids):  # type: ignore[no-untyped-def]
            order.append("read")
            return real_load(ids)

        store.transaction = transaction  # type: ignore[method-assign]
        store.entries_with_ids = load  # type: ignore[method-assign]
        tracker.add(document("a.md"), now=NOW)
    assert order[:2] == ["read", "lock"]


def test_a_write_by_another_process_meanwhile_recomputes_under_the_lock() -> None:
    with Tracker(":memory:", extractor=extractor({"a.md": [make()]})) as tracker:
        versions = iter([1, 2])  # another connection committed between the read and the lock
        tracker.store.data_version = lambda: next(versions)  # type: ignore[method-assign]
        pools = []
        real = tracker._pool

        def counted(mentions):  # type: ignore[no-untyped-def]
            pools.append(len(mentions))
            return real(mentions)

        tracker._pool = counted  # type: ignore[method-assign]
        tracker.add(document("a.md"), now=NOW)
        assert pools == [1, 1]
        assert len(tracker.entries()) == 1


# -- order independence ---------------------------------------------------------------------------

SPEAKERS = ["Ann Lee", "Bo Chen", "Cy Diaz"]
ACTIONS = [
    "call Putin",
    "speak to Putin",
    "send the draft",
    "share the draft",
    "send the budget",
    "visit Kyiv",
    "publish the report",
]
DUES = [None, ("2025-09-04", "2025-09-10"), ("2025-09-05", "2025-09-06"), ("2025-10-01", None)]


def _commitment(rng: random.Random, name: str, index: int) -> Commitment:
    due = rng.choice(DUES)
    c = make(
        rng.choice(ACTIONS),
        speaker=rng.choice(SPEAKERS),
        kind=rng.choice([Kind.PROMISE, Kind.PROMISE, Kind.THREAT]),
        due=window(*due) if due else None,
        issued=window(rng.choice(["2025-09-02", "2025-09-03", "2025-09-04"])),
        document=name,
        start=index * 150,
    )
    return attrs.evolve(c, source=Source(document=name, start=index * 150, end=index * 150 + 40))


def _corpus(seed: int, documents: int) -> dict[str, list[Commitment]]:
    rng = random.Random(seed)
    return {
        f"doc{d:04}.md": [_commitment(rng, f"doc{d:04}.md", i) for i in range(rng.randint(0, 4))]
        for d in range(documents)
    }


def _store_after(found: dict[str, list[Commitment]], order: list[str]) -> Counter[object]:
    with Tracker(":memory:", extractor=extractor(found)) as tracker:
        for name in order:
            published = dt.date(2025, 9, 2) + dt.timedelta(days=int(name[3:7]) % 3)
            tracker.add(document(name, published=published.isoformat()), now=NOW)
        return Counter(
            (entry.tracked.commitment, len(entry.mentions), entry.tracked.commitment.text)
            for entry in tracker.entries()
        )


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_any_order_of_adding_leaves_the_same_store(seed: int, data: st.DataObject) -> None:
    found = _corpus(seed, 12)
    names = sorted(found)
    shuffled = data.draw(st.permutations(names))
    assert _store_after(found, shuffled) == _store_after(found, names)


def test_600_documents_in_two_orders_leave_the_same_store() -> None:
    found = _corpus(600, 600)
    names = sorted(found)
    shuffled = random.Random(24).sample(names, len(names))
    first = _store_after(found, names)
    assert _store_after(found, shuffled) == first
    assert 10 < sum(first.values()) < sum(len(c) for c in found.values())  # merges happened


MENTIONS = st.builds(
    lambda speaker, action, due, issued, start, doc: Mention(
        commitment=make(
            action,
            speaker=speaker,
            due=window(*due) if due else None,
            issued=window(issued),
            start=start,
            document=doc,
        ),
        document=doc,
    ),
    speaker=st.sampled_from(["Ann Lee", "ann  lee", "Bo Chen", None]),
    action=st.sampled_from(
        ACTIONS
        + ["call", "call him", "speak", "send it", "fix the bug", "patch the bug today", "go",
           "send the draft budget report to the board", "share draft budget report with board"]
    ),
    due=st.sampled_from(
        [None, ("2025-09-04", "2025-09-10"), ("2025-09-05", "2025-09-06"), ("2025-10-01", None),
         ("2025-09-01", "2026-09-01"), ("2025-09-11", "2025-09-12")]
    ),
    issued=st.sampled_from(["2025-09-02", "2025-09-03"]),
    start=st.integers(0, 2000),
    doc=st.sampled_from(["d1", "d2"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(MENTIONS, max_size=25, unique_by=lambda m: (m.document, m.source.start)))
def test_the_index_finds_every_entry_comparing_all_pairs_would(mentions: list[Mention]) -> None:
    pool = matching_module.Pool([])
    for mention in mentions:
        pool.add(mention)
    got = sorted(sorted((m.document, m.source.start) for m in g.mentions)
                 for g in pool.groups.values())
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(mentions):
        for j in range(i):
            if same_commitment(a, mentions[j]):
                parent[find(i)] = find(j)
    components: dict[int, list[tuple[str, int]]] = {}
    for i, m in enumerate(mentions):
        components.setdefault(find(i), []).append((m.document, m.source.start))
    assert got == sorted(sorted(c) for c in components.values())
