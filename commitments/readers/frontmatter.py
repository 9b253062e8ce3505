"""YAML front matter, read with PyYAML.

::

    ---
    title: "Weekly sync"
    published: 2025-09-03
    tz: Europe/Berlin
    source: https://example.org/minutes
    tags: [ops, release]
    ---

The block is parsed (composed, never constructed: no YAML tag can build a Python object) and every
value kept, plain scalars as the strings they are written as (``2025-09-03`` stays text: the
fields below read dates and zones themselves), lists as lists and mappings as dicts. The fields
the library reads (``published``, ``date``, ``title``, ``url``, ``link``, ``source``, ``tz``,
``timezone``) must be single values. Invalid YAML, a list or mapping where a single value is
read, and an alias (``*name``, which could expand without bound) are a :class:`FormatError`
naming the key and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TypeAlias

import attrs
import yaml

from commitments.errors import FormatError
from commitments.readers.base import parse_date

__all__ = ["FrontMatter", "check_zone", "interpret_fields", "split_front_matter"]

_FENCE = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
# The value ends at its last non-blank (a lazy value before `[ \t]*\Z` was quadratic in blanks).
_KEY_VALUE = re.compile(r"([A-Za-z_][\w\-]*)[ \t]*:(?:[ \t]+(.*[^ \t])?)?[ \t]*\Z")
_READ = ("published", "date", "title", "url", "link", "source", "tz", "timezone")
"""The fields the library reads: each must be a single value."""

Value: TypeAlias = str | list["Value"] | dict[str, "Value"]
"""A front-matter value: a string, or a list or mapping of values."""


class _Loader(yaml.SafeLoader):
    """Safe loading in which every plain scalar is a string (no implicit dates, numbers)."""


_Loader.yaml_implicit_resolvers = {}


@attrs.frozen(kw_only=True)
class FrontMatter:
    """What a document's front matter says, and where its body starts."""

    fields: dict[str, Value] = attrs.field(factory=dict)
    """Every top-level ``key: value`` pair, keys lower-cased, values unquoted (nested values as
    lists and dicts of strings)."""
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
    block = text[opening.end() : closing.start()]
    fields, lines = _parse(block, source)
    return interpret_fields(fields, lines, source=source, body_offset=body_offset)


def _parse(block: str, source: str) -> tuple[dict[str, Value], dict[str, int]]:
    """The fields of a front-matter block (which starts on line 2) and the line of each key."""
    try:
        root = yaml.compose(block, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, block, source) from None
    except RecursionError:
        raise FormatError("front matter nests too deeply", source=source, line=2) from None
    if root is None:
        return {}, {}
    if not isinstance(root, yaml.MappingNode):
        raise FormatError(
            "front matter is not 'key: value' lines", source=source, line=root.start_mark.line + 2
        )
    fields: dict[str, Value] = {}
    lines: dict[str, int] = {}
    seen: set[int] = set()
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 2
        if not isinstance(key_node, yaml.ScalarNode):
            raise FormatError("front matter key is not a name", source=source, line=line)
        key = key_node.value.lower()
        try:
            fields[key] = _value(value_node, seen)
        except _Alias:
            raise FormatError(
                f"front matter {key}: YAML aliases (*name) are not supported; write the value out",
                source=source,
                line=line,
            ) from None
        lines[key] = line
        if key in _READ and not isinstance(fields[key], str):
            kind = "a list" if isinstance(fields[key], list) else "a mapping"
            raise FormatError(
                f"front matter {key}: expected a single value, got {kind}",
                source=source,
                line=line,
            )
    return fields, lines


class _Alias(Exception):
    """A node met twice: an alias, which could expand without bound."""


def _value(node: yaml.Node, seen: set[int]) -> Value:
    if id(node) in seen:
        raise _Alias
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, seen) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(_value(k, seen)): _value(v, seen) for k, v in node.value}
    return str(node.value)


def _yaml_error(exc: yaml.MarkedYAMLError, block: str, source: str) -> FormatError:
    """What is wrong with the YAML, on the line it is (the block's first line is line 2)."""
    mark = exc.context_mark or exc.problem_mark
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        opened = exc.context_mark
        quote = "double" if block[opened.index : opened.index + 1] == '"' else "single"
        message = f"unclosed {quote} quote in front matter"
    else:
        message = f"front matter line is not 'key: value' YAML: {exc.problem or exc.context}"
        if exc.problem == "mapping values are not allowed here":
            message += "; put a value that has ': ' in it in quotes"
        if exc.context != "while scanning a simple key":  # else the line that has no colon
            mark = exc.problem_mark or mark
    return FormatError(message, source=source, line=mark.line + 2 if mark else 2)


def interpret_fields(
    fields: Mapping[str, Value],
    lines: Mapping[str, int],
    *,
    source: str,
    body_offset: int = 0,
    where: str = "front matter",
) -> FrontMatter:
    """The metadata that ``key: value`` fields give (keys lower-cased; ``lines`` by key)."""
    text = {key: value for key, value in fields.items() if isinstance(value, str)}
    published = None
    for key in ("published", "date"):
        if text.get(key):
            try:
                published = parse_date(text[key])
            except ValueError as exc:
                raise FormatError(
                    f"{where} {key}: {exc}", source=source, line=lines.get(key)
                ) from None
            break
    tz = text.get("tz") or text.get("timezone") or None
    if tz is not None:
        check_zone(tz, source, lines.get("tz", lines.get("timezone")), where)
    src = text.get("source") or None
    url = text.get("url") or text.get("link") or None
    if url is None and src is not None and re.match(r"https?://", src):
        url = src
    return FrontMatter(
        fields=dict(fields),
        body_offset=body_offset,
        published=published,
        title=text.get("title") or None,
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
