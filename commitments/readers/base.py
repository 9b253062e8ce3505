"""What every reader shares: the failure record, decoding bytes, and line numbers."""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from commitments.errors import CommitmentsError, FormatError, InputError

if TYPE_CHECKING:
    from commitments.records import Document

__all__ = [
    "MAX_DOCUMENT",
    "LineIndex",
    "ReadFailure",
    "capped_lines",
    "decode",
    "guard_one",
    "guarded",
    "parse_date",
    "too_big",
]

MAX_DOCUMENT = 4 * 1024 * 1024
"""The most bytes one document may have: a file read whole, an e-mail message, a JSON line.

A long book is 1–2 MB; anything larger is an archive (read it as JSON Lines or mbox, a record at
a time) or not text at all. The bound keeps time and memory per document bounded: a 100 MB file
is refused after reading 4 MiB of it, not after minutes."""


class ReadFailure(InputError):
    """A file, line or entry that could not be read; the rest of a batch goes on.

    The one type a read failure has from the reader to the user: :func:`read_sources` yields it
    (rather than raising it) so that the batch goes on, the CLI prints it as ``Error: …``, and it
    is an :class:`~commitments.errors.InputError`, so it can also be raised and caught as one.
    :meth:`to_error` gives the error :func:`~commitments.readers.read_path` raises for it, of the
    class the reader raised (:class:`~commitments.errors.FormatError` for a malformed file,
    :class:`~commitments.errors.InputError` for one that cannot be opened …).
    """

    source: str
    """The file, URL or archive the failure is in ("-" for standard input)."""

    def __init__(
        self,
        *,
        source: str,
        message: str,
        line: int | None = None,
        error: type[CommitmentsError] = FormatError,
    ) -> None:
        super().__init__(" ".join(message.split()), source=source, line=line)
        self.error = error
        """The class of the error this failure stands for."""

    def __reduce__(self) -> tuple[Any, ...]:  # for worker processes: the arguments are keywords
        return (_rebuild, (self.source, self.line, self.message, self.error))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ReadFailure):
            return NotImplemented
        return (self.source, self.line, self.message) == (other.source, other.line, other.message)

    def __hash__(self) -> int:
        return hash((self.source, self.line, self.message))

    @classmethod
    def from_error(cls, exc: BaseException, *, source: str, line: int | None = None) -> ReadFailure:
        """``exc``, raised while reading ``source``, as a one-line failure of that input.

        Our own errors keep their message, place and class. Anything else a parser raised on
        outside data (a nesting too deep for the standard library's parsers, an integer too long
        to convert, a codec error …) means that the input cannot be read, and says why.
        """
        if isinstance(exc, ReadFailure):
            return exc
        if isinstance(exc, CommitmentsError):
            return cls(
                source=exc.source or source,
                line=exc.line if exc.line is not None else line,
                message=exc.message,
                error=type(exc),
            )
        if isinstance(exc, OSError) and not isinstance(exc, UnicodeError):
            return cls(
                source=source, line=line, message=f"cannot be read: {exc.strerror or exc}",
                error=InputError,
            )  # fmt: skip
        return cls(source=source, line=line, message=_why(exc))

    def to_error(self) -> CommitmentsError:
        """The failure as the error :func:`~commitments.readers.read_path` raises."""
        return self.error(self.message, source=self.source, line=self.line)


def _rebuild(
    source: str, line: int | None, message: str, error: type[CommitmentsError]
) -> ReadFailure:
    return ReadFailure(source=source, line=line, message=message, error=error)


_MAX_REASON = 200


def _why(exc: BaseException) -> str:
    """What an unexpected error from a parser says about the input, on one line."""
    if isinstance(exc, RecursionError):
        return (
            "nests too deeply to be read (RecursionError); no real file nests more than a few"
            " dozen levels"
        )
    if isinstance(exc, MemoryError):
        return "needs more memory than it is worth to read (MemoryError): is it really text?"
    reason = " ".join(str(exc).split())
    if len(reason) > _MAX_REASON:
        reason = reason[:_MAX_REASON] + "…"
    return (
        f"cannot be read ({type(exc).__name__}: {reason})"
        if reason
        else (f"cannot be read ({type(exc).__name__})")
    )


def guarded(
    source: str, items: Iterator[Document | ReadFailure], line: int | None = None
) -> Iterator[Document | ReadFailure]:
    """``items``, with any error that stops them turned into a last :class:`ReadFailure`.

    The one guard every reader runs behind (per input, and per record of an archive): whatever
    a parser raises on outside data, the input is reported on one line and the batch goes on.
    """
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - see the docstring: the batch must go on
        yield ReadFailure.from_error(exc, source=source, line=line)


def guard_one(
    source: str, line: int | None, read: Callable[[], Document]
) -> Document | ReadFailure:
    """``read()``, or the :class:`ReadFailure` that any error it raises stands for."""
    try:
        return read()
    except Exception as exc:  # noqa: BLE001 - as in guarded()
        return ReadFailure.from_error(exc, source=source, line=line)


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


# Matched on the stripped value: a trailing `\s*` after the run of time characters (which holds
# spaces) would try every way of sharing a run of spaces between the two.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z ]*)?\Z")


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
    match = _ISO_DATE.match(value.strip())
    if match is None:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise ValueError(f"{value.strip()!r} is not a real date ({exc})") from None
