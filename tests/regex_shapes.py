"""A linear-time audit of every pattern that reads outside text (``commitments.readers`` and
``commitments.timex``), on inputs of every shape, not only runs of one character.

An input is a *prefix* that gets a pattern started (``# a``, ``From: ``, ``<v ``, a date …), a
*unit* repeated (spaces, tabs, capitalised words, punctuation, digits, brackets, and units that
interleave them: ``"Ab "``, ``": "``, ``"1 "``) and a *suffix* that makes the match fail at the
very end (``b``, ``!``) or not. Each pattern is run the way the code runs it (``finditer`` over
the text, or ``match``/``fullmatch`` at its start: ``benchmarks/adversarial.py`` tells which).

Growth, not seconds, is the verdict: every shape is screened at a small size, and a shape that is
not quick there is timed at ``n`` and ``4 n`` characters. Linear work grows about 4×, quadratic
16×; a ratio over :data:`GROWTH` (best of three timings) fails.

    python tests/regex_shapes.py [--size 4000] [--only NAME]

Prints each super-linear (pattern, shape) with its times and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import adversarial as bench  # noqa: E402

PREFIXES = [
    "", "# a", "## Action items", "**", "From: ", "Sent: x", "On ", "2025-09-03", "<v ", "<v.a",
    "Action: ", "- [ ] ", "TODO(", "title:", "Ana:", "[10:02] ", "10:02 ", "- ", ">", "a@",
    "00:00:01.000 --> 00:00:02.000", "1\n00:00:01,000 --> 00:00:02,000", "by ", "in the next ",
    "17 September", "Sept. 17, ", "-----Original Message",
]  # fmt: skip
"""What gets a pattern started."""

UNITS = [
    " ", "\t", " \t", "\n", " \n", "a", "A", "Ab ", "Ab", "a ", "A B ", "ab-", ". ", ".", ",",
    ", ", ":", ": ", "-", " - ", "—", "<", ">", "> ", "<v ", "@", "a@", "#", "# ", "*", "**",
    "_", "1", "1 ", "12:30 ", "1:", "(", ")", "( ", '"', "'", "[", "=", "\\", "{",
    "A and ", "A, ", "of the ", "by ", "17 ", "Sep ", "wrote ", "On ",
]  # fmt: skip
"""What is repeated: runs of one character, and interleavings of words, blanks and marks."""

SUFFIXES = ["", "b", "!", ":"]
"""How the input ends: a character that makes an end-anchored match fail, or nothing."""

GROWTH = 9.0
"""The most that four times the input may multiply the time (linear: about 4; quadratic: 16)."""

SCREEN = 0.0005
"""Seconds at the screening size below which a shape is taken as quick (not timed again)."""


def shapes(size: int) -> Iterator[tuple[str, str]]:
    """(name, text of about ``size`` characters) for every prefix × unit × suffix."""
    for prefix, unit, suffix in itertools.product(PREFIXES, UNITS, SUFFIXES):
        body = unit * max(1, (size - len(prefix)) // len(unit))
        yield f"{prefix!r} + {unit!r}* + {suffix!r}", prefix + body + suffix


def audited() -> list[tuple[str, re.Pattern[str]]]:
    """The patterns of the readers and of the time expressions."""
    return [
        (name, pattern)
        for name, pattern in bench.patterns()
        if name.startswith(("commitments.readers.", "commitments.timex."))
    ]


def _best(pattern: re.Pattern[str], text: str, mode: str, runs: int = 3) -> float:
    return min(bench.time_pattern(pattern, text, mode) for _ in range(runs))


def _grows(pattern: re.Pattern[str], texts: list[str], mode: str) -> list[float] | None:
    """The times on ``texts`` (each four times the one before) if each grows more than
    :data:`GROWTH` times over the one before (noise rarely does that twice), else ``None``.
    A time already over a quarter of a second that grew that much is enough."""
    times = [_best(pattern, texts[0], mode)]
    for text in texts[1:]:
        times.append(_best(pattern, text, mode))
        if times[-1] <= GROWTH * times[-2] + 0.001:
            return None
        if times[-1] > 0.25:
            break
    return times


def audit(size: int, only: str | None = None) -> list[str]:
    """Every super-linear (pattern, shape), described; an empty list when all are linear."""
    found = []
    for name, pattern in audited():
        if only and only not in name:
            continue
        mode = bench.usage(name)
        sizes = [size // 4, size, 4 * size]
        inputs = zip(*(shapes(n) for n in sizes), strict=True)
        for (shape, small), *rest in inputs:
            if bench.time_pattern(pattern, small, mode) < SCREEN:
                continue
            times = _grows(pattern, [small] + [text for _, text in rest], mode)
            if times is not None:
                steps = ", ".join(f"{t:.4f} s" for t in times)
                found.append(f"{name} ({mode}) on {shape}: {steps} at {sizes[: len(times)]} chars")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--only")
    args = parser.parse_args()
    started = time.perf_counter()
    found = audit(args.size, args.only)
    for line in found:
        print(line)
    count = len(audited()) * len(PREFIXES) * len(UNITS) * len(SUFFIXES)
    print(f"{count} pattern runs in {time.perf_counter() - started:.0f} s: {len(found)} super-linear")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
