"""What every reader shares: the failure record, decoding bytes, and line numbers."""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import attrs

from commitments.errors import FormatError, InputError

__all__ = [
    "MAX_DOCUMENT",
    "LineIndex",
    "ReadFailure",
    "capped_lines",
    "decode",
    "parse_date",
    "too_big",
]

MAX_DOCUMENT = 4 * 1024 * 1024
"""The most bytes one document may have: a file read whole, an e-mail message, a JSON line.

A long book is 1–2 MB; anything larger is an archive (read it as JSON Lines or mbox, a record at
a time) or not text at all. The bound keeps time and memory per document bounded: a 100 MB file
is refused after reading 4 MiB of it, not after minutes."""


@attrs.frozen(kw_only=True)
class ReadFailure:
    """A file, line or entry that could not be read; the rest of a batch goes on."""

    source: str
    """The file, URL or archive the failure is in ("-" for standard input)."""
    line: int | None = None
    """The 1-based line of the failure, where known."""
    message: str
    """What was wrong and what to do about it."""

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"

    def to_error(self) -> FormatError:
        """The failure as the error :func:`~commitments.readers.read_path` raises."""
        return FormatError(self.message, source=self.source, line=self.line)


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes, source: str) -> str:
    """``data`` as text: UTF-8 (with or without a byte-order mark), or UTF-16 with a BOM.

    Anything else is refused rather than guessed: a Latin-1 guess would turn a binary file or a
    Windows-1252 text into quietly wrong words, and every offset after it would be wrong too.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"has a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})",
                source=source,
            ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            "looks like a binary file (it has a NUL byte); "
            "give a text, WebVTT, e-mail, feed or JSON Lines file",
            source=source,
            line=data.count(b"\n", 0, nul) + 1,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8 FILE`",
            source=source,
            line=line,
        ) from None


def too_big(limit: int, what: str = "document") -> str:
    """The message for an input over ``limit`` bytes."""
    return (
        f"is larger than {limit / 2**20:g} MiB, the most one {what} may be: split it into smaller"
        " files, or put one document per line in a JSON Lines file (.jsonl)"
    )


def capped_lines(stream: Iterable[bytes] | BinaryIO, limit: int = MAX_DOCUMENT) -> Iterator[bytes]:
    """The lines of a binary stream, each at most ``limit + 1`` bytes: of a longer line, only that
    much is kept (the caller sees it is too long) and the rest is skipped without being held."""
    readline = getattr(stream, "readline", None)
    if readline is None:  # a list of lines, already in memory
        yield from stream
        return
    while True:
        line: bytes = readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest: bytes = readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


class LineIndex:
    """Maps character offsets in a text to 1-based line numbers."""

    def __init__(self, text: str, *, first_line: int = 1) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._first = first_line

    def line(self, offset: int) -> int:
        """The line that holds the character at ``offset``."""
        return bisect.bisect_right(self._starts, offset) - 1 + self._first


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z ]*)?\s*\Z")


def parse_date(value: object) -> dt.date:
    """A publication date from ``YYYY-MM-DD`` or an ISO 8601 date-time (its own local date).

    Raises ``ValueError`` with a message fit for users for anything else.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    match = _ISO_DATE.match(value)
    if match is None:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise ValueError(f"{value.strip()!r} is not a real date ({exc})") from None
