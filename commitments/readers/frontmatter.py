"""YAML front matter: the simple ``key: value`` subset, without a YAML library.

::

    ---
    title: "Weekly sync"
    published: 2025-09-03
    tz: Europe/Berlin
    source: https://example.org/minutes
    ---

Scalars only: bare or quoted strings (``"…"`` with backslash escapes, ``'…'`` with ``''``), dates,
``#`` comments. Nested values (indented lines, ``- item`` lists) are skipped, not interpreted.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from commitments.errors import FormatError
from commitments.readers.base import parse_date

__all__ = ["FrontMatter", "check_zone", "interpret_fields", "split_front_matter"]

_FENCE = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
# The value ends at its last non-blank (a lazy value before `[ \t]*\Z` was quadratic in blanks).
_KEY_VALUE = re.compile(r"([A-Za-z_][\w\-]*)[ \t]*:(?:[ \t]+(.*[^ \t])?)?[ \t]*\Z")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}


@attrs.frozen(kw_only=True)
class FrontMatter:
    """What a document's front matter says, and where its body starts."""

    fields: dict[str, str] = attrs.field(factory=dict)
    """Every top-level ``key: value`` pair, keys lower-cased, values unquoted."""
    body_offset: int = 0
    """Offset of the first character after the closing fence (0 without front matter)."""
    published: dt.date | None = None
    """``published`` (or ``date``)."""
    title: str | None = None
    url: str | None = None
    """``url`` or ``link``, or ``source`` when it is an http(s) address."""
    tz: str | None = None
    """``tz`` (or ``timezone``), an IANA time-zone name."""
    source: str | None = None


def _unquote(raw: str, source: str, line: int) -> str:
    if raw[:1] == '"':
        if len(raw) < 2 or not raw.endswith('"'):
            raise FormatError(
                f"unclosed double quote in front matter: {raw}", source=source, line=line
            )
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[0]), raw[1:-1])
    if raw[:1] == "'":
        if len(raw) < 2 or not raw.endswith("'"):
            raise FormatError(
                f"unclosed single quote in front matter: {raw}", source=source, line=line
            )
        return raw[1:-1].replace("''", "'")
    return re.sub(r"(?<!\s)\s+#.*\Z", "", raw)  # a trailing comment (from a run's start: linear)


def split_front_matter(text: str, source: str = "-") -> FrontMatter:
    """The front matter at the very start of ``text``; an empty one when there is none.

    A first line ``---`` followed by a ``key: value`` line opens front matter; it must close with
    ``---`` (or ``...``) on a line of its own, else :class:`FormatError`.
    """
    opening = _FENCE.match(text)
    if opening is None:
        return FrontMatter()
    first = text[opening.end() :].lstrip("\r\n").split("\n", 1)[0].rstrip("\r")
    if not _KEY_VALUE.match(first) or first.startswith("#"):
        return FrontMatter()  # a horizontal rule, not front matter
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        raise FormatError(
            "front matter opened with '---' on line 1 never closes; "
            "add a line '---' after its last 'key: value' line",
            source=source,
            line=1,
        )
    body_offset = closing.end()
    if text.startswith("\r\n", body_offset):
        body_offset += 2
    elif text.startswith("\n", body_offset):
        body_offset += 1
    fields: dict[str, str] = {}
    lines: dict[str, int] = {}
    block = text[opening.end() : closing.start()]
    for number, line in enumerate(block.split("\n"), start=2):
        line = line.rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or line[:1] in (" ", "\t", "-"):
            continue  # blank, comment, or part of a nested value we do not interpret
        match = _KEY_VALUE.match(line)
        if match is None:
            raise FormatError(
                f"front matter line is not 'key: value': {stripped!r}", source=source, line=number
            )
        key = match[1].lower()
        fields[key] = _unquote(match[2] or "", source, number)
        lines[key] = number
    return interpret_fields(fields, lines, source=source, body_offset=body_offset)


def interpret_fields(
    fields: dict[str, str],
    lines: dict[str, int],
    *,
    source: str,
    body_offset: int = 0,
    where: str = "front matter",
) -> FrontMatter:
    """The metadata that ``key: value`` fields give (keys lower-cased; ``lines`` by key)."""
    published = None
    for key in ("published", "date"):
        if fields.get(key):
            try:
                published = parse_date(fields[key])
            except ValueError as exc:
                raise FormatError(
                    f"{where} {key}: {exc}", source=source, line=lines.get(key)
                ) from None
            break
    tz = fields.get("tz") or fields.get("timezone") or None
    if tz is not None:
        check_zone(tz, source, lines.get("tz", lines.get("timezone")), where)
    src = fields.get("source") or None
    url = fields.get("url") or fields.get("link") or None
    if url is None and src is not None and re.match(r"https?://", src):
        url = src
    return FrontMatter(
        fields=fields,
        body_offset=body_offset,
        published=published,
        title=fields.get("title") or None,
        url=url,
        tz=tz,
        source=src,
    )


def check_zone(name: str, source: str, line: int | None, where: str) -> None:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise FormatError(
            f"{where} tz: {name!r} is not an IANA time-zone name (e.g. Europe/Berlin)",
            source=source,
            line=line,
        ) from None
