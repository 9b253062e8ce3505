"""Adversarial inputs: no regular expression and no stage of the pipeline is super-linear.

The full run, with its limits in seconds, is ``python benchmarks/adversarial.py`` (1 MB inputs);
these tests run the same checks smaller and compare growth, never seconds: four times the input
must take less than :data:`growth_helpers.LINEAR` times as long (linear 4×, quadratic 16×).
"""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from growth_helpers import LINEAR, growth
from script_helpers import load

from commitments import extract
from commitments.readers import read_text

ROOT = Path(__file__).resolve().parent.parent
BENCHMARK = ROOT / "benchmarks" / "adversarial.py"
DAY = dt.date(2025, 9, 3)
MB = 1_000_000


bench = load(BENCHMARK, "adversarial_benchmark")


# -- the patterns -----------------------------------------------------------------------------


def test_the_benchmark_finds_the_patterns_and_how_they_are_used() -> None:
    found = dict(bench.patterns())
    assert len(found) > 100
    assert "commitments.extraction.subjects._POSSESSIVE_END" in found
    assert "commitments.extraction.cue_words.RULES[0][0]" in found  # inside a tuple of rules
    assert bench.usage("commitments.readers.vtt._VTT_TIMING") == "anchored"  # via an alias
    assert bench.usage("commitments.readers.vtt._VOICE") == "scan"
    assert bench.usage("commitments.extraction.cue_words.RULES[3][0]") == "scan"  # a loop over the rules


@pytest.mark.slow
def test_every_pattern_is_linear_on_adversarial_input() -> None:
    """Every compiled pattern × every adversarial input, 3,000 characters and four times that.

    In a subprocess with a timeout: a pattern that backtracks exponentially cannot be
    interrupted, and it must fail this test rather than hang the suite. The benchmark's limit in
    seconds is set far out of reach (it guards against a hang, not a slow machine): what fails
    is growth, ten times longer on four times the input.
    """
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--only", "patterns", "--size", "3000",
         "--limit", "30", "--growth", "10"],
        capture_output=True, text=True, timeout=300, check=False, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# Each was quadratic or exponential before; the input (of n units) is what made it so.
FIXED: list[tuple[str, str, str, Callable[[int], str]]] = [
    ("commitments.readers.vtt", "_VOICE", "search", lambda n: "<v" + ".a" * n + "x"),
    ("commitments.readers.vtt", "_TAG", "findall", lambda n: "<v " * n),
    ("commitments.readers.vtt", "_TAG", "findall", lambda n: "{\\" * n),
    ("commitments.readers.actions", "_TRAILING_AT", "search", lambda n: "send it" + " " * n + "x"),
    ("commitments.extraction.patterns", "ASIDES", "sub", lambda n: " " * n + "x"),
    ("commitments.extraction.subjects", "_POSSESSIVE_END", "search", lambda n: "A" * n + " x"),
]


@pytest.mark.parametrize(
    ("module", "name", "method", "text"),
    FIXED,
    ids=[f"{m.rsplit('.', 1)[1]}.{n}-{i}" for i, (m, n, _, _) in enumerate(FIXED)],
)
def test_a_fixed_pattern_stays_linear(
    module: str, name: str, method: str, text: Callable[[int], str]
) -> None:
    pattern = getattr(importlib.import_module(module), name)
    run: Callable[[str], object] = {
        "search": pattern.search,
        "findall": pattern.findall,
        "sub": lambda t: pattern.sub("", t),
    }[method]

    def work(n: int) -> Callable[[], object]:
        subject = text(n)
        return lambda: run(subject)

    assert growth(work, 5_000) < LINEAR


def test_a_trailing_attribution_check_does_not_backtrack() -> None:
    """", and <a 200-letter word>! said": the old check tried every way of cutting the word."""

    def work(n: int) -> Callable[[], object]:
        text = "They agreed, and " + "a" * n + "! said she will go by Friday."
        return lambda: extract(text, published=DAY)

    assert growth(work, 2_000) < LINEAR


# -- the pipeline --------------------------------------------------------------------------------

# Each a function of n characters, run on 250 KB and 1 MB.
ONE_MEGABYTE: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: " " * n,
    "a quote without end": lambda n: "“" + "the people of the city " * (n // 23),
    "a straight quote without end": lambda n: '"' + "the people of the city " * (n // 23),
    "near-matches of time expressions": lambda n: "by the end of the next week " * (n // 28),
    "one word": lambda n: "a" * n,
}


@pytest.mark.slow
@pytest.mark.parametrize("text", ONE_MEGABYTE.values(), ids=ONE_MEGABYTE.keys())
def test_a_megabyte_of_adversarial_text_takes_linear_time(text: Callable[[int], str]) -> None:
    def extracting(n: int) -> Callable[[], object]:
        subject = text(n)
        return lambda: extract(subject, published=DAY)

    def reading(n: int) -> Callable[[], object]:
        subject = text(n)
        return lambda: list(read_text(subject, name="hostile.txt"))

    assert growth(extracting, MB // 4, tries=1, most=1) < LINEAR
    assert growth(reading, MB // 4, tries=1, most=1) < LINEAR


DENSE = ["straight-quote", "near-cue", "near-email", "no-stop", "quoted-cues"]


@pytest.mark.slow
@pytest.mark.parametrize("name", DENSE)
def test_dense_hostile_text_takes_linear_time(name: str) -> None:
    """Four times the text takes about four times as long (quadratic would be sixteen)."""
    make = dict(bench.END_TO_END)[name]

    def work(n: int) -> Callable[[], object]:
        text = make(n)
        return lambda: extract(text, published=DAY)

    assert growth(work, 25_000, tries=2, most=1) < LINEAR


@pytest.mark.parametrize("input_format", bench.FORMATS)
def test_readers_take_linear_time(input_format: str) -> None:
    for name in ("newlines", "angles", "near-header", "list-items"):
        make = dict(bench.GENERIC)[name]

        def work(n: int, make: Callable[[int], str] = make) -> Callable[[], object]:
            text = make(n)
            return lambda: bench.time_read(text, input_format)

        assert growth(work, 20_000, most=4) < LINEAR, name
