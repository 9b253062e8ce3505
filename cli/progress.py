"""A progress line on standard error for long batch runs, shown only when it is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Counts documents and commitments; redraws ``\\r12,000 documents, 9,876 commitments, …``.

    Silent unless ``stream`` (standard error by default) is a terminal, so pipes, files and
    tests see nothing. Redraws at most every ``interval`` seconds; :meth:`close` clears the line.
    """

    def __init__(self, stream: TextIO | None = None, *, interval: float = 0.2) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.interval = interval
        self.documents = 0
        self.commitments = 0
        self._started = time.monotonic()
        self._drawn = 0.0
        self._width = 0

    def update(self, commitments: int) -> None:
        """One more document, with this many commitments."""
        self.documents += 1
        self.commitments += commitments
        now = time.monotonic()
        if self.enabled and now - self._drawn >= self.interval:
            self._drawn = now
            rate = self.documents / max(now - self._started, 1e-9)
            self._draw(
                f"{self.documents:,} documents, {self.commitments:,} commitments"
                f" ({rate:,.0f} documents/s)"
            )

    def close(self) -> None:
        if self.enabled and self._width:
            self._draw("")

    def _draw(self, line: str) -> None:
        self.stream.write("\r" + line.ljust(self._width) + ("\r" if not line else ""))
        self.stream.flush()
        self._width = len(line)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
