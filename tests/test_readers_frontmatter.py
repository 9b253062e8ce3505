"""YAML front matter read by PyYAML: nested values kept, what cannot be read refused by line."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import FormatError, read_text
from commitments.readers.frontmatter import split_front_matter


def test_nested_values_are_kept() -> None:
    meta = split_front_matter(
        "---\n"
        "title: Sync\n"
        "tags: [ops, release]\n"
        "people:\n"
        "  - Ann\n"
        "  - Bo\n"
        "author:\n"
        "  name: Ann Ruiz\n"
        "  links: [a, b]\n"
        "published: 2025-09-03\n"
        "---\n"
        "Body.\n"
    )
    assert meta.fields["tags"] == ["ops", "release"]
    assert meta.fields["people"] == ["Ann", "Bo"]
    assert meta.fields["author"] == {"name": "Ann Ruiz", "links": ["a", "b"]}
    assert meta.published == dt.date(2025, 9, 3)
    assert meta.title == "Sync"


def test_plain_scalars_stay_as_written() -> None:
    """YAML would make numbers, booleans and dates of these; the fields are the text."""
    meta = split_front_matter("---\ntitle: 1.10\nflag: yes\nempty:\nday: 2025-09-03\n---\n")
    assert meta.fields == {"title": "1.10", "flag": "yes", "empty": "", "day": "2025-09-03"}
    assert meta.title == "1.10"


def test_a_tag_builds_no_object() -> None:
    meta = split_front_matter("---\ntitle: x\nk: !!python/object/apply:os.system [ls]\n---\n")
    assert meta.fields["k"] == ["ls"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: [a, b]\n---\nbody", 2, "title: expected a single value, got a list"),
        ("---\ntitle: x\ntz:\n  zone: UTC\n---\n", 3, "tz: expected a single value, got a mapping"),
        ("---\ntitle: x\na: &one [1]\nb: *one\n---\n", 4, "b: YAML aliases"),
        ("---\ntitle: Sync: week 37\n---\n", 2, "in quotes"),
        ("---\ntitle: x\n? [a]\n: b\n---\n", 3, "key is not a name"),
        ("---\ntitle: x\n" + "k: " + "[" * 5000 + "]" * 5000 + "\n---\n", 2, "nests too deeply"),
        ("---\ntitle: 'open\n---\nbody", 2, "unclosed single quote"),
    ],
    ids=["list-title", "mapping-zone", "alias", "colon-in-value", "complex-key", "deep", "quote"],
)
def test_what_cannot_be_read_is_refused_by_key_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(FormatError) as caught:
        split_front_matter(text, "notes.md")
    assert caught.value.source == "notes.md"
    assert caught.value.line == line
    assert words in caught.value.message


def test_a_document_with_nested_front_matter_reads() -> None:
    (document,) = read_text(
        "---\npublished: 2025-09-03\ntags:\n  - a\n---\nAnn said she will call by Friday.\n",
        name="n.md",
    )
    assert document.published == dt.date(2025, 9, 3)
    assert document.text.startswith("Ann said")
