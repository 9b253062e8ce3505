"""Growth, not seconds: how many times longer a piece of work takes on four times the input.

Tests never compare a time with a fixed number of seconds (a slow or busy machine would fail
them); they compare two sizes of the same work on the same machine. Linear work grows about 4×
on four times the input, quadratic work 16×: :data:`LINEAR` lies between, with room for noise.
Timing claims in seconds live in ``benchmarks/``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

LINEAR = 8.0
"""The most a linear piece of work may grow on four times the input (quadratic: 16)."""

_LONG_ENOUGH = 0.005
"""A run this long is timed well above the clock's resolution and a call's own cost."""


def _best(work: Callable[[], object], tries: int) -> float:
    best = float("inf")
    for _ in range(tries):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def growth(
    make: Callable[[int], Callable[[], object]], size: int, *, tries: int = 3, most: int = 64
) -> float:
    """How many times longer ``make(4 * n)()`` takes than ``make(n)()``, each the best of
    ``tries`` runs, in this process's CPU time (other processes on a busy machine don't count).

    ``n`` starts at ``size`` and doubles (up to ``most`` times ``size``) until one run of the
    smaller input is long enough to time well; on a slow machine it stops sooner, which changes
    the sizes compared, not the ratio. A ratio above :data:`LINEAR` is measured once more, in
    case the machine was busy, and the smaller of the two is returned.
    """
    n = size
    while n < most * size and _best(make(n), 1) < _LONG_ENOUGH:
        n *= 2
    small, big = make(n), make(4 * n)
    ratio = _best(big, tries) / _best(small, tries)
    if ratio > LINEAR:
        ratio = min(ratio, _best(big, tries) / _best(small, tries))
    return ratio
