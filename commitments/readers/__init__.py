"""Readers: turn files and streams (prose, chats, WebVTT, e-mail, feeds) into Documents.

(Interim version: plain text with front matter. The full set of readers replaces it.)
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from commitments.errors import InputError
from commitments.records import Document

__all__ = ["ReadFailure", "read_sources", "read_text"]


@attrs.frozen(kw_only=True)
class ReadFailure:
    source: str
    message: str
    line: int | None = None


_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)


def read_text(text: str, *, name: str = "-", input_format: str | None = None) -> Iterator[Document]:
    meta: dict[str, str] = {}
    offset = 0
    m = _FRONT.match(text)
    if m:
        for line in m[1].splitlines():
            key, _, value = line.partition(":")
            meta[key.strip().casefold()] = value.strip().strip("\"'")
        offset = m.end()
    published = None
    if meta.get("published"):
        published = dt.date.fromisoformat(meta["published"][:10])
    yield Document(text=text[offset:], name=name, published=published, title=meta.get("title"),
                   tz=meta.get("tz"), offset=offset, url=meta.get("url"))


def read_sources(sources: Iterable[str], *, input_format: str | None = None) -> Iterator[Document | ReadFailure]:
    for source in sources:
        try:
            if source == "-":
                yield from read_text(sys.stdin.read(), name="-")
                continue
            try:
                raw = Path(source).read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read: {exc.strerror}", source=source) from exc
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise InputError("not UTF-8 text", source=source) from exc
            yield from read_text(text, name=source)
        except InputError as exc:
            yield ReadFailure(source=source, message=str(exc))
