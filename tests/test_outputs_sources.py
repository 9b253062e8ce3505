"""commitments.outputs.sources: how a published calendar names a source (never a local path)."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments.outputs.sources import DocumentInfo, Sources
from commitments.records import Source

DAY = dt.date(2025, 9, 3)


def source(document: str, url: str | None = None, line: int | None = 7) -> Source:
    return Source(document=document, start=0, end=1, url=url, line=line)


@pytest.mark.parametrize(
    ("sources", "where", "text"),
    [
        (Sources(), source("/home/me/private/x.md"), "x.md"),
        (Sources(), source("C:\\Users\\me\\x.md"), "x.md"),
        (Sources(), source("-"), "standard input"),
        (
            Sources(documents={"a/x.md": DocumentInfo(title="Port  news", published=DAY)}),
            source("a/x.md"),
            "Port news, published 2025-09-03",
        ),
        (
            Sources(documents={"a/x.md": DocumentInfo(url="https://ex.org/x")}),
            source("a/x.md"),
            "x.md, line 7 <https://ex.org/x>",
        ),
        (Sources(), source("a/x.md", url="https://ex.org/y"), "x.md, line 7 <https://ex.org/y>"),
        (
            Sources(base="https://ex.org/archive"),
            source("./news/port notes.md"),
            "port notes.md, line 7 <https://ex.org/archive/news/port%20notes.md>",
        ),
        (
            Sources(base="https://ex.org/archive"),
            source("../../etc/x.md"),
            "x.md, line 7 <https://ex.org/archive/x.md>",
        ),
        (
            Sources(base="https://ex.org/archive/"),
            source("/srv/data/x.md"),
            "x.md, line 7 <https://ex.org/archive/x.md>",
        ),
    ],
    ids=[
        "posix-path",
        "windows-path",
        "stdin",
        "title-and-date",
        "document-url",
        "source-url",
        "base-relative",
        "base-never-climbs",
        "base-absolute",
    ],
)
def test_a_source_is_named_without_a_local_path(sources: Sources, where: Source, text: str) -> None:
    assert sources.text(where) == text
    assert "/home" not in text and "/srv" not in text and "Users" not in text
