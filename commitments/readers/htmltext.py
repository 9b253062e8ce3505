"""HTML to plain text for feed entries and HTML-only e-mail.

Blocks become lines, paragraphs are separated by a blank line, list items start with ``- ``, and
``<blockquote>`` content is prefixed with ``> `` per level, so a quoted reply in an HTML e-mail
reads like a quoted reply in a plain one. Scripts and styles are dropped.

The text is bounded as well as the markup: quotes nested deeper than :data:`MAX_QUOTE_DEPTH`
are marked as that deep (each level would otherwise prefix every line inside it again, and 20,000
nested quotes in 700 KB of HTML would make gigabytes of ``>``), and text longer than ``limit``
characters is refused with a :class:`~commitments.errors.FormatError`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from commitments.errors import FormatError
from commitments.readers.base import MAX_DOCUMENT

__all__ = ["MAX_QUOTE_DEPTH", "html_to_text"]

MAX_QUOTE_DEPTH = 30
"""Blockquotes nested deeper than this are rendered at this depth (the e-mail reader reads no
deeper either)."""

_BLOCKS = {
    "address", "article", "aside", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
    "section", "table", "tr", "ul",
}  # fmt: skip
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "figure"}
_SKIP = {"script", "style", "head", "title", "template", "noscript"}


class _Text(HTMLParser):
    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=True)
        self.limit = limit
        self.size = 0
        self.lines: list[str] = []
        self.words: list[str] = []
        self.quote = 0
        self.skip = 0
        self.pre = 0
        self.pending_item = False

    def _flush(self) -> None:
        text = "".join(self.words)
        if not self.pre:
            text = " ".join(text.split())
        self.words = []
        if text or self.pending_item:
            if self.pending_item:
                text = "- " + text
                self.pending_item = False
            depth = min(self.quote, MAX_QUOTE_DEPTH)
            self._add("> " * depth + text if depth else text)

    def _add(self, line: str) -> None:
        self.size += len(line) + 1
        if self.size > self.limit:
            raise _TooLong
        self.lines.append(line)

    def _blank(self) -> None:
        self._flush()
        if self.lines and self.lines[-1].strip("> ") != "":
            depth = min(self.quote, MAX_QUOTE_DEPTH)
            self._add(">" * depth if depth else "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "br":
            self._flush()
        elif tag == "blockquote":
            self._blank()
            self.quote += 1
        elif tag == "li":
            self._flush()
            self.pending_item = True
        elif tag in _BLOCKS:
            (self._blank if tag in _PARAGRAPHS else self._flush)()
            if tag == "pre":
                self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote":
            self._flush()
            self.quote = max(0, self.quote - 1)
            self._blank()
        elif tag == "li":
            self._flush()
        elif tag in _BLOCKS:
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            (self._blank if tag in _PARAGRAPHS else self._flush)()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.words.append(data)


_OPEN_ENDS = (("<!--", "-->"), ("<![", "]]>"), ("<", ">"))


def _without_open_ends(markup: str) -> str:
    """``markup`` with every ``<`` that nothing closes written as ``&lt;`` (it is text anyway).

    The standard library's parser, given a ``<`` whose tag, comment or section never ends, scans
    to the end of the input, gives up, takes the ``<`` as text and scans again from the next one:
    quadratic (80 KB of ``<a `` took 56 s). A ``<`` after the last ``>`` (a ``<!--`` after the
    last ``-->``) can never close, so it is escaped first, in one pass.
    """
    for opening, closing in _OPEN_ENDS:
        end = markup.rfind(closing)
        end = end + len(closing) if end >= 0 else 0
        if markup.find(opening, end) >= 0:
            markup = markup[:end] + markup[end:].replace(opening, "&lt;" + opening[1:])
    return markup


class _TooLong(Exception):
    """The text has grown past the limit."""


def html_to_text(markup: str, *, limit: int = MAX_DOCUMENT, source: str | None = None) -> str:
    """The readable text of an HTML fragment or page, at most ``limit`` characters.

    Raises :class:`~commitments.errors.FormatError` (naming ``source``) for longer text.
    """
    parser = _Text(limit)
    try:
        parser.feed(_without_open_ends(markup))
        parser.close()
        parser._flush()
    except _TooLong:
        raise FormatError(
            f"has HTML that makes more than {limit / 2**20:g} MiB of text, the most one document"
            " may be: is it really one document?",
            source=source,
        ) from None
    text = "\n".join(line.rstrip() for line in parser.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
