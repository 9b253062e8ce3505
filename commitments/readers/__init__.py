"""Readers: turn files and streams (prose, chats, WebVTT, e-mail, feeds) into Documents.

::

    read_sources(["notes/", "call.vtt", "-", "https://example.org/feed.rss"])
        → Document, Document, ReadFailure("notes/bad.eml", None, "has no Date header: …"), …

Formats (``input_format=``, else by extension, else by content): ``text``, ``markdown``,
``chat``, ``actions`` (text.py, chat.py, actions.py, with front matter from frontmatter.py),
``vtt`` and ``srt`` (vtt.py), ``email`` and ``mbox`` (mail.py), ``rss`` for RSS and Atom
(feeds.py), ``jsonl`` (jsonl.py). Every reader returns :class:`~commitments.records.Document`
objects whose ``turns`` say who said which stretch of ``text``.

Input must be UTF-8 (a byte-order mark is fine; UTF-16 with a BOM too); other encodings and binary
files are refused with a clear :class:`~commitments.errors.InputError` rather than guessed.
Empty or blank input gives no documents and no error.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from commitments.errors import InputError
from commitments.readers.base import (
    MAX_DOCUMENT,
    ReadFailure,
    capped_lines,
    decode,
    guarded,
    too_big,
)
from commitments.readers.detect import AUTO, EXTENSIONS, FORMATS, detect_format, normalize_format
from commitments.records import Document

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "MAX_DOCUMENT",
    "ReadFailure",
    "detect_format",
    "read_path",
    "read_sources",
    "read_text",
    "read_url",
]

_SNIFF_BYTES = 64 * 1024
_URL = re.compile(r"https?://", re.IGNORECASE)


def _format(input_format: str | None) -> str | None:
    return normalize_format(input_format) if input_format else None


def _limit(fmt: str | None) -> int:
    """The most bytes an input read whole may have: a feed holds many documents."""
    from commitments.readers.fetch import MAX_BYTES

    return MAX_BYTES if fmt in ("rss", None) else MAX_DOCUMENT


def _read_whole(stream: BinaryIO, name: str, fmt: str | None) -> bytes:
    """All of ``stream``, or an :class:`InputError` once it is over the limit (not read further)."""
    limit = _limit(fmt)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(too_big(limit, "feed" if fmt == "rss" else "document"), source=name)
    return data


def _read_data(data: bytes, name: str, fmt: str) -> Iterator[Document | ReadFailure]:
    """The documents in a whole input already in memory (archives are limited per record)."""
    if fmt not in ("jsonl", "mbox") and len(data) > _limit(fmt):
        raise InputError(too_big(_limit(fmt), "feed" if fmt == "rss" else "document"), source=name)
    if fmt == "email":
        from commitments.readers.mail import read_email

        yield read_email(data, name=name)
        return
    if fmt == "mbox":
        from commitments.readers.mail import read_mbox

        yield from read_mbox(data.splitlines(keepends=True), name=name)
        return
    if fmt == "rss":
        from commitments.readers.feeds import read_feed

        yield from read_feed(data, name=name)
        return
    text = decode(data, name)
    if fmt == "jsonl":
        from commitments.readers.jsonl import read_jsonl

        yield from read_jsonl(text.splitlines(), name=name)
        return
    if fmt in ("vtt", "srt"):
        from commitments.readers.vtt import read_captions

        yield read_captions(text, name=name, form=fmt)
        return
    from commitments.readers.text import read_plain

    yield read_plain(text, name=name, form=None if fmt == AUTO else fmt)


def _read_stream(stream: BinaryIO, name: str, fmt: str | None) -> Iterator[Document | ReadFailure]:
    """The documents in an open binary stream; JSON Lines and mbox are read line by line."""
    peek = getattr(stream, "peek", None)
    head = peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if peek is not None else b""
    if fmt is None and peek is None:
        data = _read_whole(stream, name, None)
        if data.strip():
            yield from _read_data(data, name, detect_format(name, data[:_SNIFF_BYTES]))
        return
    fmt = fmt or detect_format(name, head)
    if fmt == "jsonl":
        from commitments.readers.jsonl import read_jsonl

        yield from read_jsonl(capped_lines(stream), name=name)
    elif fmt == "mbox":
        from commitments.readers.mail import read_mbox

        yield from read_mbox(capped_lines(stream), name=name)
    else:
        data = _read_whole(stream, name, fmt)
        if data.strip():
            yield from _read_data(data, name, fmt)


_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def _open(path: str, *, regular_only: bool) -> BinaryIO:
    """``path`` opened for reading, without blocking on a FIFO that nothing writes to.

    A file found in a directory must be a regular file: a FIFO or a device there is refused (it
    could block forever, or never end). A path given by name may also be a pipe (``<(…)`` in a
    shell); it is opened without waiting for a writer, so a FIFO nobody writes to reads as empty.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file", source=path) from None
    except IsADirectoryError:
        raise InputError("is a directory; give files, or use read_sources", source=path) from None
    except OSError as exc:
        raise InputError(f"cannot be opened: {exc.strerror or exc}", source=path) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a directory; give files, or use read_sources", source=path)
        if not stat.S_ISREG(mode) and (regular_only or not stat.S_ISFIFO(mode)):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            raise InputError(f"is {kind}, not a regular file: skipped", source=path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _iter_path(
    path: str, fmt: str | None, *, regular_only: bool = False
) -> Iterator[Document | ReadFailure]:
    with _open(path, regular_only=regular_only) as stream:
        yield from _read_stream(stream, path, fmt)


def _raise_failures(source: str, items: Iterator[Document | ReadFailure]) -> Iterator[Document]:
    for item in guarded(source, items):
        if isinstance(item, ReadFailure):
            raise item.to_error()
        yield item


def read_path(
    path: str | os.PathLike[str], *, input_format: str | None = None
) -> Iterator[Document]:
    """The documents in one file: one for most formats, one per entry, message or line for feeds,
    mbox and JSON Lines (read lazily).

    Raises :class:`~commitments.errors.InputError` (a missing, binary or undecodable file) or
    :class:`~commitments.errors.FormatError` (a file that is not what its format says, or the
    first bad entry of an archive). :func:`read_sources` reports those and goes on instead.
    """
    path = os.fspath(path)
    return _raise_failures(path, _iter_path(path, _format(input_format)))


def read_text(text: str, *, name: str = "-", input_format: str | None = None) -> Iterator[Document]:
    """The documents in ``text`` (standard input, say), its format told from ``input_format``,
    else from ``name``'s extension, else from the text itself."""
    data = text.encode("utf-8")
    if not data.strip():
        return iter(())
    fmt = _format(input_format) or detect_format(name, data[:_SNIFF_BYTES])
    return _raise_failures(name, _read_data(data, name, fmt))


def _iter_url(url: str, fmt: str | None, timeout: float) -> Iterator[Document | ReadFailure]:
    from commitments.readers.fetch import fetch

    data = fetch(url, timeout=timeout)
    fmt = fmt or detect_format(url, data[:_SNIFF_BYTES])
    if fmt == AUTO and re.match(rb"\s*<(?:!doctype html|html)", data[:1024], re.IGNORECASE):
        raise InputError(
            "is an HTML page, not a feed; give the address of its RSS or Atom feed", source=url
        )
    if data.strip():
        yield from _read_data(data, url, fmt)


def read_url(
    url: str, *, input_format: str | None = None, timeout: float = 30.0
) -> Iterator[Document]:
    """The documents at an http(s) URL, normally an RSS or Atom feed (one per entry).

    The download happens when iteration starts; ``timeout`` bounds all of it, not each read, and
    redirects go only to http(s) URLs (to a loopback or private address only from one). Raises
    :class:`~commitments.errors.InputError` when the URL cannot be fetched (with the HTTP status
    or network reason) and :class:`~commitments.errors.FormatError` when it is not a feed.
    """
    return _raise_failures(url, _iter_url(url, _format(input_format), timeout))


_FOLDER_DOCS = re.compile(r"(?i)(?:readme|changelog|changes|license|licence|contributing)(?:\.|$)")


def _walk(directory: str, recursive: bool) -> Iterator[str | ReadFailure]:
    """The readable files under ``directory`` by extension, in sorted order; hidden files and a
    folder's own documentation (README, CHANGELOG, LICENSE …) are skipped. A folder that cannot
    be listed is a :class:`ReadFailure` (its files would otherwise be missed without a word)."""
    unlisted: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=unlisted.append):
        while unlisted:
            yield _unlisted(unlisted.pop(0), directory)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if recursive else []
        for file in sorted(files):
            if (
                not file.startswith(".")
                and not _FOLDER_DOCS.match(file)
                and os.path.splitext(file)[1].lower() in EXTENSIONS
            ):
                yield os.path.join(root, file)
    for error in unlisted:
        yield _unlisted(error, directory)


def _unlisted(error: OSError, directory: str) -> ReadFailure:
    return ReadFailure(
        source=error.filename or directory,
        message=f"is a folder that cannot be read: {error.strerror or error}; its files were"
        " not read",
        error=InputError,
    )


def read_sources(
    sources: Iterable[str],
    *,
    input_format: str | None = None,
    recursive: bool = True,
    stdin: BinaryIO | None = None,
    timeout: float = 30.0,
) -> Iterator[Document | ReadFailure]:
    """Every document in ``sources``, streamed: files, directories (searched for the
    :data:`EXTENSIONS`, hidden files skipped, recursively unless ``recursive=False``), ``-`` for
    standard input (or ``stdin``) and http(s) URLs of feeds.

    A source, message or line that cannot be read is yielded as a :class:`ReadFailure` and the
    batch goes on; a caller should report each and exit non-zero if there were any. An unknown
    ``input_format`` is an :class:`~commitments.errors.InputError` raised before anything is read.
    """
    fmt = _format(input_format)
    for source in sources:
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from guarded("-", _read_stream(stream, "-", fmt))
        elif _URL.match(source):
            yield from guarded(source, _iter_url(source, fmt, timeout))
        elif os.path.isdir(source):
            found = False
            for path in _walk(source, recursive):
                found = True
                if isinstance(path, ReadFailure):
                    yield path
                    continue
                yield from guarded(path, _iter_path(path, fmt, regular_only=True))
            if not found:
                yield ReadFailure(
                    source=source,
                    message=f"has no files to read (looked for {', '.join(EXTENSIONS)})",
                    error=InputError,
                )
        else:
            yield from guarded(source, _iter_path(source, fmt))
