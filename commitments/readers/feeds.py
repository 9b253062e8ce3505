"""RSS and Atom feeds with feedparser (imported only when a feed is read), from bytes or a URL.

Each entry is a document: its text is the entry's content (else its summary; else its title),
HTML turned into plain text; its title, link and published date are the entry's own. The date is
the entry's ``published`` (else ``updated``) in the feed's own time zone, so an item stamped
``Wed, 03 Sep 2025 23:30 -0500`` is published on 3 September, not on the 4th as in UTC.

A feed that is not well-formed XML is refused: feedparser's loose parser would read a truncated
download as a shorter feed and entries would be lost without a word.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import Any

from commitments.errors import FormatError
from commitments.readers.fetch import fetch
from commitments.readers.htmltext import html_to_text
from commitments.records import Document

__all__ = ["fetch", "read_feed"]  # fetch: from fetch.py, kept here for callers


def _entry_date(entry: Any) -> dt.date | None:
    import email.utils

    for key in ("published", "updated", "created"):
        # `in` first: feedparser maps a missing "updated" to "published" with a warning
        raw = entry.get(key) if key in entry else None
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
        match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", raw)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _plain(detail: Any, fallback: str, source: str) -> str:
    if not detail:
        return fallback
    value = str(detail.get("value", ""))
    if "html" in str(detail.get("type", "text/html")):
        return html_to_text(value, source=source)
    return value.strip()


def read_feed(data: bytes, *, name: str = "-") -> Iterator[Document]:
    """Each entry of an RSS or Atom feed as a document."""
    import feedparser

    try:
        # No sanitizing and no rewriting of links: the text is taken out of the HTML here
        # (html_to_text), and feedparser's HTML pass is quadratic on hostile markup (80 KB of
        # "<!--" in one entry: 0.9 s, 12x the time of 20 KB).
        parsed = feedparser.parse(
            io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as exc:  # noqa: BLE001 - feedparser on untrusted bytes: any failure means unreadable
        # e.g. UnicodeDecodeError for an XML declaration whose encoding name is not text
        raise FormatError(
            f"is not a readable feed (feedparser failed: {type(exc).__name__}: {exc})",
            source=name,
        ) from None
    if not parsed.get("version") and not parsed.entries:
        raise FormatError("is not an RSS or Atom feed", source=name)
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, feedparser.ThingsNobodyCaresAboutButMe):
        line = getattr(problem, "getLineNumber", lambda: None)()
        if line and not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
            line -= 1  # feedparser put an XML declaration line in front before parsing
        reason = getattr(problem, "getMessage", lambda: str(problem))()
        raise FormatError(
            f"is not a well-formed feed ({reason}); check that the file or download is complete",
            source=name,
            line=line,
        )
    for index, entry in enumerate(parsed.entries, start=1):
        title = html_to_text(entry.get("title", ""), source=name) or None
        contents = entry.get("content") or []
        text = _plain(contents[0] if contents else None, "", name)
        if not text:
            text = _plain(entry.get("summary_detail"), entry.get("summary", ""), name)
        if not text:
            text = title or ""
        link = entry.get("link") or None
        yield Document(
            text=text + "\n" if text else "",
            name=link or entry.get("id") or f"{name}#{index}",
            published=_entry_date(entry),
            title=title,
            url=link,
        )
