"""Adversarial inputs: no regular expression and no stage of the pipeline is super-linear.

The full run is ``python benchmarks/adversarial.py`` (1 MB inputs); these tests run the same
checks smaller, with generous bounds, so a regression fails here and not in production.
"""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from script_helpers import load

from commitments import extract
from commitments.readers import read_text

ROOT = Path(__file__).resolve().parent.parent
BENCHMARK = ROOT / "benchmarks" / "adversarial.py"
DAY = dt.date(2025, 9, 3)
MB = 1_000_000


bench = load(BENCHMARK, "adversarial_benchmark")


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _linear(small: Callable[[], object], big: Callable[[], object]) -> tuple[float, float]:
    """Seconds for ``small`` and ``big`` (four times the input); measured again if the machine
    seemed busy. Linear is about 4×, quadratic 16×; the bound is 8× (plus a little)."""
    before, after = _seconds(small), _seconds(big)
    if after >= 8 * before + 0.1:
        before, after = min(before, _seconds(small)), min(after, _seconds(big))
    return before, after


# -- the patterns -----------------------------------------------------------------------------


def test_the_benchmark_finds_the_patterns_and_how_they_are_used() -> None:
    found = dict(bench.patterns())
    assert len(found) > 100
    assert "commitments.extraction.speakers._POSSESSIVE_END" in found
    assert "commitments.extraction.cues._RULES[0][0]" in found  # inside a tuple of rules
    assert bench.usage("commitments.readers.vtt._VTT_TIMING") == "anchored"  # via an alias
    assert bench.usage("commitments.readers.vtt._VOICE") == "scan"
    assert bench.usage("commitments.extraction.cues._RULES[3][0]") == "scan"  # a loop over the rules


@pytest.mark.slow
def test_every_pattern_is_linear_on_adversarial_input() -> None:
    """Every compiled pattern × every adversarial input, 3,000 characters and four times that.

    In a subprocess with a timeout: a pattern that backtracks exponentially cannot be
    interrupted, and it must fail this test rather than hang the suite.
    """
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--only", "patterns", "--size", "3000",
         "--limit", "0.25", "--growth", "10"],
        capture_output=True, text=True, timeout=300, check=False, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# Each was quadratic or exponential before; the input is what made it so.
FIXED = [
    ("commitments.readers.vtt", "_VOICE", "search", "<v" + ".a" * 5_000 + "x"),
    ("commitments.readers.vtt", "_TAG", "findall", "<v " * 30_000),
    ("commitments.readers.vtt", "_TAG", "findall", "{\\" * 30_000),
    ("commitments.readers.actions", "_TRAILING_AT", "search", "send it" + " " * 100_000 + "x"),
    ("commitments.extraction.patterns", "ASIDES", "sub", " " * 100_000 + "x"),
    ("commitments.extraction.speakers", "_POSSESSIVE_END", "search", "A" * 50_000 + " x"),
]


@pytest.mark.parametrize(
    ("module", "name", "method", "text"),
    FIXED,
    ids=[f"{m.rsplit('.', 1)[1]}.{n}-{i}" for i, (m, n, _, _) in enumerate(FIXED)],
)
def test_a_fixed_pattern_stays_linear(module: str, name: str, method: str, text: str) -> None:
    pattern = getattr(importlib.import_module(module), name)
    run = {"search": pattern.search, "findall": pattern.findall,
           "sub": lambda t: pattern.sub("", t)}[method]
    assert _seconds(lambda: run(text)) < 1.0


def test_a_trailing_attribution_check_does_not_backtrack() -> None:
    """", and <a 200-letter word>! said": the old check tried every way of cutting the word."""
    text = "They agreed, and " + "a" * 2_000 + "! said she will go by Friday."
    assert _seconds(lambda: extract(text, published=DAY)) < 1.0


# -- the pipeline --------------------------------------------------------------------------------

ONE_MEGABYTE = {
    "100,000 spaces": " " * 100_000,
    "1 MB of spaces": " " * MB,
    "a quote without end": "“" + "the people of the city " * (MB // 23),
    "a straight quote without end": '"' + "the people of the city " * (MB // 23),
    "near-matches of time expressions": "by the end of the next week " * (MB // 28),
    "one word": "a" * MB,
}


@pytest.mark.slow
@pytest.mark.parametrize("text", ONE_MEGABYTE.values(), ids=ONE_MEGABYTE.keys())
def test_one_megabyte_of_adversarial_text_is_extracted_in_bounded_time(text: str) -> None:
    assert _seconds(lambda: extract(text, published=DAY)) < 2.0  # 0.1–0.8 s measured
    assert _seconds(lambda: list(read_text(text, name="hostile.txt"))) < 2.0


DENSE = ["straight-quote", "near-cue", "near-email", "no-stop", "quoted-cues"]


@pytest.mark.slow
@pytest.mark.parametrize("name", DENSE)
def test_dense_hostile_text_takes_linear_time(name: str) -> None:
    """Four times the text takes about four times as long (quadratic would be sixteen)."""
    make = dict(bench.END_TO_END)[name]
    small, big = make(25_000), make(100_000)
    before, after = _linear(
        lambda: extract(small, published=DAY), lambda: extract(big, published=DAY)
    )
    assert after < 8 * before + 0.1, (before, after)


@pytest.mark.parametrize("input_format", bench.FORMATS)
def test_readers_take_linear_time(input_format: str) -> None:
    for name in ("newlines", "angles", "near-header", "list-items"):
        small, big = dict(bench.GENERIC)[name](20_000), dict(bench.GENERIC)[name](80_000)
        before, after = _linear(
            lambda: bench.time_read(small, input_format),  # noqa: B023
            lambda: bench.time_read(big, input_format),  # noqa: B023
        )
        assert after < 8 * before + 0.1, (name, before, after)
