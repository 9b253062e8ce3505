"""Where a commitment was said, as a published calendar may name it: never a local path.

A feed or an exported file is public; the publisher's disk is not its business. A source is
named by its document's URL when it has one, else by its title (or, failing that, its file name
without folders) and publication date. ``base`` (``--source-base``) maps files to public links:
``https://example.org/archive`` + ``news/port.md``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import urllib.parse
from collections.abc import Mapping

import attrs

from commitments.records import Source

__all__ = ["DocumentInfo", "Sources"]


@attrs.frozen(kw_only=True)
class DocumentInfo:
    """What the store knows of a document besides its text."""

    title: str | None = None
    published: dt.date | None = None
    """The publication date, if the document gave one."""
    url: str | None = None
    """The document's own URL (front matter ``url``, an archive record's link)."""


def _file_name(name: str) -> str:
    """The last part of a path, URL or archive id, without folders (``x.md``, ``a.jsonl:3``)."""
    text = name.replace("\\", "/").rstrip("/")
    return text.rsplit("/", 1)[-1] or "document"


def _relative(name: str) -> str | None:
    """``name`` as a path relative to a published folder, or ``None`` if it leaves it."""
    text = name.replace("\\", "/")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":"):  # absolute (POSIX, Windows)
        return None
    path = posixpath.normpath(text)
    if path.startswith("../") or path in ("..", "."):
        return None
    return path


@attrs.frozen(kw_only=True)
class Sources:
    """How sources are named in published output."""

    documents: Mapping[str, DocumentInfo] = attrs.field(factory=dict)
    """What is known of each document, by the name its commitments' sources carry."""
    base: str | None = None
    """A public URL under which the documents (their names as added) can be reached."""

    def url(self, source: Source) -> str | None:
        """The source's public link: its own URL, its document's, else one under ``base``."""
        info = self.documents.get(source.document)
        if source.url:
            return source.url
        if info is not None and info.url:
            return info.url
        if self.base is None or source.document == "-":
            return None
        if "://" in source.document:
            return source.document
        path = _relative(source.document) or _file_name(source.document)
        return f"{self.base.rstrip('/')}/{urllib.parse.quote(path)}"

    def label(self, source: Source) -> str:
        """The document's title (else its file name) and publication date: no folder."""
        info = self.documents.get(source.document) or DocumentInfo()
        if info.title and info.title.strip():
            text = " ".join(info.title.split())
        elif source.document == "-":
            text = "standard input"
        else:
            text = _file_name(source.document)
        if info.published is not None:
            text += f", published {info.published.isoformat()}"
        return text

    def text(self, source: Source) -> str:
        """``label, line N <url>``: the line only where a link lets a reader find it."""
        url = self.url(source)
        if url is None:
            return self.label(source)
        where = self.label(source)
        if source.line is not None:
            where += f", line {source.line}"
        return f"{where} <{url}>"
