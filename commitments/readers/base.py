"""What every reader shares: the failure record, decoding bytes, and line numbers."""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import re

import attrs

from commitments.errors import FormatError, InputError

__all__ = ["LineIndex", "ReadFailure", "decode", "parse_date"]


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
