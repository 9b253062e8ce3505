"""Throughput of the whole extraction pipeline against dateparser's ``search_dates``.

Both run in one process over the same text, several times; the script prints the median KB/s of
each and their ratio. A run takes the corpus as a stream of slices (paragraphs, about 10 KB each,
like the articles of a feed) and times both on each slice, one right after the other: a shared
machine that slows down for a few seconds then slows both alike, and the ratio stays put. ``search_dates`` only finds dates; the pipeline also
segments, attributes speakers, finds cues and resolves due windows. Both get the same English
dateparser settings (those of :mod:`commitments.timex.absolute`). The first run of each is
reported apart: it loads dateparser's language data and fills the caches.

    python benchmarks/bench_extract.py [--corpus ../shared/bench/news-200k.txt] [--runs 5]
                                       [--slice-kb 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "news-200k.txt"


def _timed(work: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    found = work()
    return time.perf_counter() - start, found


def slices(text: str, size: int) -> list[str]:
    """``text`` cut at paragraph breaks into pieces of about ``size`` characters."""
    pieces: list[str] = []
    start = 0
    while start < len(text):
        cut = text.find("\n\n", start + size)
        end = len(text) if cut < 0 else cut + 2
        pieces.append(text[start:end])
        start = end
    return pieces


def _forget() -> None:
    """Empty the caches of results (sentences seen, their attributions, cues, time expressions,
    dates parsed, words of tokens, issue dates, cleaned names, what can name a party).

    Without this the second run would find every sentence of the corpus already done; with it,
    each run only profits from what repeats inside the corpus (boilerplate sentences, dates).
    Compiled patterns and dateparser's loaded language data stay: those are start-up costs.
    """
    from commitments.extraction import cues, names, parties, speakers
    from commitments.fastmatch.prefilter import SENTENCES, TIME_EXPRESSIONS
    from commitments.timex import absolute, grammar, issue

    names._cleaned.cache_clear()
    parties.is_party.cache_clear()
    grammar._find_default.cache_clear()
    speakers._attributions_in.cache_clear()
    cues.cues_in.cache_clear()
    absolute.parse_absolute.cache_clear()
    absolute._parser.cache_clear()
    issue.issued_window.cache_clear()
    SENTENCES.forget()
    TIME_EXPRESSIONS.forget()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a UTF-8 text file")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument("--slice-kb", type=float, default=10.0,
                        help="size of the slices both are timed on in turn (default 10 KB)")
    parser.add_argument("--published", type=dt.date.fromisoformat, default=dt.date(2025, 9, 3),
                        help="the publication date both are given (default 2025-09-03)")
    args = parser.parse_args(argv)
    text = args.corpus.read_text("utf-8")
    kilobytes = len(text.encode("utf-8")) / 1024

    from dateparser.search import search_dates

    from commitments import extract
    from commitments.timex.absolute import settings

    dateparser_settings = settings(args.published, "future")

    pieces = slices(text, int(args.slice_kb * 1024))

    def pipeline(piece: str) -> int:
        return len(extract(piece, published=args.published))

    def dates_only(piece: str) -> int:
        return len(search_dates(piece, languages=["en"], settings=dateparser_settings) or [])

    work = {"pipeline": pipeline, "search_dates": dates_only}

    def run() -> dict[str, tuple[float, int]]:
        """Both over every slice, in turns (which goes first alternates)."""
        _forget()  # every run starts with empty result caches, as on a new corpus
        totals = {name: [0.0, 0] for name in work}
        for i, piece in enumerate(pieces):
            for name in sorted(work, reverse=i % 2 == 1):
                seconds, found = _timed(lambda: work[name](piece))  # noqa: B023
                totals[name][0] += seconds
                totals[name][1] += found
        return {name: (seconds, int(found)) for name, (seconds, found) in totals.items()}

    cold = run()  # loads dateparser's language data, compiles the patterns
    runs: dict[str, list[float]] = {name: [] for name in work}
    found: dict[str, int] = {}
    for _ in range(args.runs):
        for name, (seconds, count) in run().items():
            runs[name].append(seconds)
            found[name] = count

    print(f"corpus: {args.corpus} ({kilobytes:.0f} KB in {len(pieces)} slices), {args.runs} runs,"
          f" Python {sys.version.split()[0]}")
    speed = {}
    for name, seconds in runs.items():
        speed[name] = kilobytes / statistics.median(seconds)
        low, high = min(seconds), max(seconds)
        print(f"{name:>13}: {speed[name]:8.1f} KB/s median ({low:.3f}-{high:.3f} s;"
              f" first run {cold[name][0]:.3f} s), {found[name]} found")
    ratio = speed["pipeline"] / speed["search_dates"]
    print(f"        ratio: {ratio:.1f}x (whole pipeline / search_dates)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
