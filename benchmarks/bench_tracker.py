"""Adding documents to a store with follow-up linking: milliseconds per document.

Generates a story-shaped corpus: speakers set deadlines ("Ana Kovarik set a deadline to finish
the harbour bridge by March 3."), later documents extend them ("… extended the deadline to finish
the harbour bridge to April 10, 2021.") or report that they passed ("Ana Kovarik's deadline to
finish the harbour bridge passed without a result."). Every document goes through
:meth:`Tracker.add` (claims found in its text, linked, merged, saved in SQLite); the commitments a
document makes are given, as an extractor would give them, so the figure is the tracker's own.
The script prints the median milliseconds per document over the run, and the per-document work
(comparisons of mentions and of claims with commitments) at the start and the end of the run:
flat work is what keeps a large store fast.

    python benchmarks/bench_tracker.py [--documents 10000] [--speakers 200] [--db FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from commitments.records import Commitment, Document, Kind, Source, Window
from commitments.tracker import Tracker

NOW = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)
START = dt.date(2020, 1, 6)
_FIRST = "Ana Tom Lena Omar Priya Ravi Mei Jonas Sara Ivan Lucia Kofi Noor Emil Ines Yusuf".split()
_SYLLABLES = "ko va rik mel dan su ter bo lin ga re mo shi ta ne ru".split()
_VERBS = "finish open publish repair deliver replace build close review sign".split()
_THINGS = (
    "harbour bridge|school roof|budget plan|water audit|tram line|housing report|fire station"
    "|museum wing|bus depot|flood wall|data portal|clinic annex|ferry terminal|town plan"
).split("|")


def speakers(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct names of two words, the surname made of three syllables."""
    names: set[str] = set()
    while len(names) < count:
        surname = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        names.add(f"{rng.choice(_FIRST)} {surname}")
    return sorted(names)


def generate(
    documents: int, *, speakers_count: int = 200, per_day: int = 20, seed: int = 0
) -> list[tuple[Document, list[Commitment]]]:
    """Documents in date order (``per_day`` a day), each with the commitments it makes. A
    deadline is extended at most three times; one reported as passed was due by then."""
    rng = random.Random(seed)
    names = speakers(speakers_count, rng)
    made: dict[str, list[tuple[str, dt.date]]] = {}
    extended: dict[str, int] = {}
    out: list[tuple[Document, list[Commitment]]] = []
    for index in range(documents):
        published = START + dt.timedelta(days=index // per_day)
        speaker = rng.choice(names)
        recent = published - dt.timedelta(days=10)
        earlier = [m for m in made.get(speaker, []) if m[1] >= recent and extended.get(m[0], 0) < 3]
        passed = [m for m in made.get(speaker, []) if recent <= m[1] <= published]
        roll = rng.random()
        name = f"doc-{index:06d}.md"
        if earlier and roll < 0.2:
            action, due = rng.choice(earlier)
            new = due + dt.timedelta(days=rng.randint(7, 40))
            extended[action] = extended.get(action, 0) + 1
            made[speaker] = [(a, new if a == action else d) for a, d in made[speaker]]
            text = (
                f"{speaker} extended the deadline to {action} to {new:%B} {new.day}, {new.year}.\n"
            )
            out.append((Document(text=text, name=name, published=published), []))
            continue
        if passed and roll < 0.3:
            action, _ = rng.choice(passed)
            text = f"{speaker}'s deadline to {action} passed without a result.\n"
            out.append((Document(text=text, name=name, published=published), []))
            continue
        action = f"{rng.choice(_VERBS)} the {rng.choice(_THINGS)} {rng.randint(1, 99)}"
        due = published + dt.timedelta(days=rng.randint(5, 40))
        text = f"{speaker} set a deadline to {action} by {due:%B} {due.day}.\n"
        commitment = Commitment(
            speaker=speaker,
            action=action,
            kind=Kind.DEADLINE,
            text=text.strip(),
            expression=f"by {due:%B} {due.day}",
            issued=Window.day(published),
            due=Window(published, due),
            source=Source(document=name, start=0, end=len(text) - 1),
        )
        made.setdefault(speaker, []).append((action, due))
        out.append((Document(text=text, name=name, published=published), [commitment]))
    return out


def extractor(
    corpus: Sequence[tuple[Document, list[Commitment]]],
) -> Callable[[Document], Sequence[Commitment]]:
    found = {document.name: commitments for document, commitments in corpus}
    return lambda document: found[document.name]


def work_of(tracker: Tracker) -> int:
    """The comparisons the last add made: mentions merged, and claims weighed against
    commitments."""
    pool = tracker.last_pool.comparisons if tracker.last_pool is not None else 0
    return pool + tracker.last_follow_work


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--speakers", type=int, default=200)
    parser.add_argument("--db", type=Path, help="A store file (default: a temporary one).")
    args = parser.parse_args(argv)
    corpus = generate(args.documents, speakers_count=args.speakers)
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.db"
        times: list[float] = []
        work: list[int] = []
        with Tracker(path, extractor=extractor(corpus)) as tracker:
            for document, _ in corpus:
                start = time.perf_counter()
                tracker.add(document, now=NOW)
                times.append(time.perf_counter() - start)
                work.append(work_of(tracker))
            entries = tracker.entries()
            suggestions = len(tracker.suggestions())
    revised = sum(1 for e in entries if any(c.kind == "revision" for c in e.followups))
    outcomes = sum(1 for e in entries if any(c.kind == "outcome" for c in e.followups))
    tenth = max(1, len(times) // 10)
    print(
        f"{len(corpus)} documents, {args.speakers} speakers, Python {sys.version.split()[0]}:"
        f" {len(entries)} commitments, {revised} revised, {outcomes} with an outcome,"
        f" {suggestions} links offered"
    )
    print(
        f"ms per document: median {statistics.median(times) * 1000:.2f},"
        f" mean {statistics.fmean(times) * 1000:.2f},"
        f" first tenth {statistics.median(times[:tenth]) * 1000:.2f},"
        f" last tenth {statistics.median(times[-tenth:]) * 1000:.2f}"
    )
    tenths = [statistics.fmean(work[i : i + tenth]) for i in range(0, tenth * 10, tenth)]
    print("work per document (comparisons), by tenth: " + " ".join(f"{w:.1f}" for w in tenths))
    ms = [statistics.fmean(times[i : i + tenth]) * 1000 for i in range(0, tenth * 10, tenth)]
    print("mean ms per document, by tenth: " + " ".join(f"{m:.2f}" for m in ms))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
