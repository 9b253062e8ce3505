"""The exceptions that users of commitments can meet.

Every error raised on purpose is a :class:`CommitmentsError`. Each subclass also
subclasses the standard-library error it means, so ``except ValueError`` keeps
working for code that does not know about us::

    CommitmentsError
    ├── InputError (ValueError)        text or file that cannot be read
    │   └── FormatError                a file that is not what its format says
    ├── DateError (ValueError)         a date, time zone or time expression that makes no sense
    ├── StoreError (RuntimeError)      the commitment store cannot be used
    │   ├── CorruptStoreError          not a commitments database, or damaged
    │   └── NewerStoreError            written by a newer version of commitments
    ├── NotFoundError (LookupError)    an id or prefix that matches nothing, or several things
    └── OutputError (OSError)          a file that cannot be written (it is left as it was)

Each error carries the context it knows (``source``: the file or document, ``line``) and a
message that says what was wrong and what to do.
"""

from __future__ import annotations

__all__ = [
    "CommitmentsError",
    "CorruptStoreError",
    "DateError",
    "FormatError",
    "InputError",
    "NewerStoreError",
    "NotFoundError",
    "OutputError",
    "StoreError",
]


class CommitmentsError(Exception):
    """Base class of every error commitments raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.source is not None:
            where = f"{self.source}:{self.line}: " if self.line is not None else f"{self.source}: "
        return where + self.message


class InputError(CommitmentsError, ValueError):
    """Text or a file that cannot be read (missing, binary, undecodable, empty)."""


class FormatError(InputError):
    """A file that is not what its format says (malformed WebVTT, e-mail, feed, JSON line)."""


class DateError(CommitmentsError, ValueError):
    """A date, time zone or time expression that cannot be understood."""


class StoreError(CommitmentsError, RuntimeError):
    """The commitment store cannot be opened, read or written."""


class CorruptStoreError(StoreError):
    """The store file is not a commitments database or is damaged; it is left untouched."""


class NewerStoreError(StoreError):
    """The store was written by a newer version of commitments than this one."""


class NotFoundError(CommitmentsError, LookupError):
    """An id or id prefix that matches no commitment, or more than one."""


class OutputError(CommitmentsError, OSError):
    """A file that cannot be written; the old file, if any, is left untouched."""
