"""JSON Lines archives: one document per line, read one line at a time.

Each line is an object with a ``text`` string and optionally ``published`` (``YYYY-MM-DD`` or an
ISO 8601 date-time), ``url``, ``id``, ``title``, ``tz`` and ``format`` (``text``, ``markdown``,
``chat`` or ``actions``: how to read ``text``; decided from the text when absent)::

    {"id": "a1", "published": "2025-09-03", "url": "https://…", "text": "The minister said …"}

The document's name is the ``id`` if there is one, else ``FILE:LINE``; every turn's ``line`` is
the archive line. A bad line (not JSON, no ``text``, a bad date) is a :class:`ReadFailure` and
reading goes on with the next line. Blank lines are skipped.

A JSON string may hold a lone UTF-16 surrogate (``"\\ud800"``), which no output can encode:
each one is replaced with U+FFFD (the replacement character) as the line is read, so offsets stay
the same and every output format and the store can write the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from commitments.errors import FormatError
from commitments.readers.base import MAX_DOCUMENT, ReadFailure, guard_one, parse_date, too_big
from commitments.readers.text import read_plain
from commitments.records import Document

__all__ = ["loads", "read_jsonl", "without_surrogates"]

_TEXT_FORMS = {"text", "markdown", "chat", "actions"}


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(value: Any) -> Any:
    """``value`` (parsed JSON) with every lone surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    return value


def loads(raw: str | bytes, *, name: str, number: int | None) -> Any:
    """One JSON value from outside: a :class:`FormatError` for anything that is not one (bad
    JSON, nesting too deep for the parser, an integer too long to convert), lone surrogates
    replaced (:func:`without_surrogates`)."""
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"is not valid JSON ({exc.msg} at column {exc.colno})", source=name, line=number
        ) from None
    except RecursionError:
        raise FormatError(
            "is JSON nested too deeply to be read", source=name, line=number
        ) from None
    except (ValueError, UnicodeError) as exc:  # "Exceeds the limit (4300 digits) …"
        reason = " ".join(str(exc).split())[:200]
        raise FormatError(
            f"is not JSON that can be read ({reason})", source=name, line=number
        ) from None
    if "\\u" in (raw if isinstance(raw, str) else raw.decode("utf-8", "replace")):
        value = without_surrogates(value)
    return value


def _record(raw: str, *, name: str, number: int) -> Document:
    record = loads(raw, name=name, number=number)
    if not isinstance(record, dict):
        raise FormatError(
            f"is a JSON {type(record).__name__}, not an object", source=name, line=number
        )
    text = record.get("text")
    if not isinstance(text, str):
        raise FormatError('has no "text" string', source=name, line=number)

    def optional(*keys: str) -> str | None:
        for key in keys:
            value = record.get(key)
            if value is None:
                continue
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise FormatError(f'"{key}" must be a string', source=name, line=number)
            return str(value)
        return None

    published = None
    raw_date = optional("published", "date")
    if raw_date is not None:
        try:
            published = parse_date(raw_date)
        except ValueError as exc:
            raise FormatError(f'"published": {exc}', source=name, line=number) from None
    form = optional("format")
    if form is not None and form not in _TEXT_FORMS:
        raise FormatError(
            f'"format" must be one of {", ".join(sorted(_TEXT_FORMS))}, not {form!r}',
            source=name,
            line=number,
        )
    ident = optional("id")
    tz = optional("tz")
    if tz is not None:
        from commitments.readers.frontmatter import check_zone

        check_zone(tz, name, number, "JSON field")
    document = read_plain(
        text, name=ident or f"{name}:{number}", form=form, front_matter=False, line=number
    )
    return attrs.evolve(
        document, published=published, url=optional("url", "link"), title=optional("title"), tz=tz
    )


def read_jsonl(
    lines: Iterable[bytes | str], *, name: str = "-"
) -> Iterator[Document | ReadFailure]:
    """Each record of a JSON Lines stream, or a :class:`ReadFailure` for a line that is not one."""
    for number, raw in enumerate(lines, start=1):
        if len(raw) > MAX_DOCUMENT and len(raw.rstrip()) > MAX_DOCUMENT:
            yield ReadFailure(source=name, line=number, message=too_big(MAX_DOCUMENT, "line"))
            continue
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield ReadFailure(source=name, line=number, message="is not UTF-8 text")
                continue
        if not raw.strip():
            continue
        yield guard_one(name, number, lambda: _record(raw, name=name, number=number))  # noqa: B023
