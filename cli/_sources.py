"""Reading FILE…|DIR|- into Documents for ``add`` and ``status``.

A stand-in until ``commitments.readers.read_sources`` lands: plain text and Markdown, with an
optional front matter block (``published:``, ``title:``, ``url:``). Swap :func:`read_documents`
for the readers and nothing else in the tracker commands changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from commitments.errors import InputError
from commitments.records import Document

__all__ = ["read_documents"]

SUFFIXES = (".md", ".markdown", ".txt", ".text")


def read_documents(sources: Sequence[str], stdin: TextIO) -> Iterator[Document | InputError]:
    """Each source's document, or the error that stopped it being read (the rest go on)."""
    for source in sources:
        if source == "-":
            yield _parse("-", stdin.read())
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.casefold() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                yield InputError("has no .md or .txt files to read", source=source)
            for file in files:
                yield _read(file)
        else:
            yield _read(path)


def _read(path: Path) -> Document | InputError:
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return InputError("no such file", source=name)
    except OSError as exc:
        return InputError(f"cannot be read ({exc.strerror})", source=name)
    if b"\x00" in data[:4096]:
        return InputError("is a binary file, not text", source=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(f"is not UTF-8 text (byte {exc.start})", source=name)
    return _parse(name, text)


def _parse(name: str, text: str) -> Document | InputError:
    text = text.replace("\r\n", "\n")
    fields: dict[str, str] = {}
    offset = 0
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() in ("---", "..."):
                offset = sum(len(x) + 1 for x in lines[:number])
                break
            key, sep, value = line.partition(":")
            if sep and key.strip():
                fields[key.strip().casefold()] = value.strip().strip("\"'")
        else:
            return InputError("front matter starts with --- but never ends", source=name, line=1)
    body = text[offset:]
    if not body.strip():
        return InputError("is empty: there is no text to read", source=name)
    published = None
    if fields.get("published") or fields.get("date"):
        value = fields.get("published") or fields.get("date", "")
        try:
            published = dt.date.fromisoformat(value[:10])
        except ValueError:
            return InputError(f"published: {value!r} is not a date (write YYYY-MM-DD)", source=name)
    return Document(
        text=body,
        name=name,
        published=published,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        offset=offset,
    )
