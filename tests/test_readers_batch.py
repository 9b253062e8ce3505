"""Batches: files, directories, stdin, JSON Lines; detection; bad inputs do not stop a batch."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from commitments import Document, extract_document, read_path, read_text
from commitments.errors import FormatError, InputError
from commitments.readers import FORMATS, ReadFailure, detect_format, read_sources
from commitments.readers.jsonl import read_jsonl

D06 = (
    "Sam: I'll push the fix tonight.\nAna: Then I'll write the release notes by Monday.\n"
    "Sam: Thanks!\n"
)
EMAIL = (
    "From: Hannah Cole <hannah@example.org>\nTo: team@example.org\n"
    "Date: Mon, 1 Sep 2025 16:02:00 +0100\nSubject: Audit\n\n"
    "I will circulate the audit findings within a week.\n"
)
VTT = "WEBVTT\n\n00:00.000 --> 00:03.000\n<v Jo Park>I'll send the slides tomorrow.\n"
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>T</title>'
    "<link>https://example.org/1</link><pubDate>Wed, 03 Sep 2025 09:00:00 +0000</pubDate>"
    "<description>The council said it would vote next week.</description></item></channel></rss>"
)


def names(items: list[Document | ReadFailure]) -> list[str]:
    return [i.name if isinstance(i, Document) else f"FAIL {i.source}" for i in items]


# -- detection ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.vtt", b"anything", "vtt"),
        ("a.srt", b"", "srt"),
        ("a.eml", b"", "email"),
        ("a.mbox", b"", "mbox"),
        ("a.atom", b"", "rss"),
        ("a.ndjson", b"", "jsonl"),
        ("notes.txt", D06.encode(), "auto"),
        ("call.txt", VTT.encode(), "vtt"),
        ("sub.txt", b"1\n00:00:01,000 --> 00:00:02,000\nhi\n", "srt"),
        ("-", EMAIL.encode(), "email"),
        ("-", b"From hannah@example.org Mon Sep  1 16:02:00 2025\n" + EMAIL.encode(), "mbox"),
        ("-", b"\xef\xbb\xbf<?xml version='1.0'?><rss>", "rss"),
        ("archive", b'{"text": "x"}\n', "jsonl"),
        ("notes.md", b'{"text": "x"}\n', "auto"),
        ("https://example.org/feed.xml?x=1", b"", "rss"),
        ("-", b"From: the desk of the editor.\n\nProse.", "auto"),
    ],
    ids=[
        "vtt", "srt", "eml", "mbox", "atom", "ndjson", "txt-chat", "txt-vtt", "txt-srt",
        "stdin-mail", "stdin-mbox", "bom-xml", "no-ext-jsonl", "md-stays-md", "url-path",
        "prose-with-from",
    ],
)  # fmt: skip
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


def test_format_names_and_aliases() -> None:
    assert list(read_text(RSS, input_format="feed"))[0].title == "T"
    assert list(read_text(RSS, input_format="Atom"))[0].title == "T"
    assert set(FORMATS) >= {
        "text",
        "markdown",
        "chat",
        "vtt",
        "srt",
        "email",
        "mbox",
        "actions",
        "rss",
        "jsonl",
    }
    with pytest.raises(InputError, match="unknown input format 'docx'; use one of: text"):
        list(read_sources(["x.txt"], input_format="docx"))


def test_input_format_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("Sam: only one line.\n", "utf-8")
    assert list(read_path(path))[0].turns == ()
    assert list(read_path(path, input_format="chat"))[0].turns[0].speaker == "Sam"
    mail = tmp_path / "message.txt"
    mail.write_text(EMAIL, "utf-8")
    assert list(read_path(mail))[0].turns[0].speaker == "Hannah Cole"
    assert list(read_path(mail, input_format="text"))[0].turns == ()


# -- encodings and odd files ----------------------------------------------------------------


def test_encodings(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + D06.encode())
    (tmp_path / "utf16.txt").write_bytes(D06.encode("utf-16"))
    (tmp_path / "latin1.txt").write_bytes("José will decide.\n".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"\n  \n")
    items = list(read_sources([str(tmp_path)]))
    by_name = {Path(i.name if isinstance(i, Document) else i.source).name: i for i in items}
    assert set(by_name) == {
        "bom.txt",
        "utf16.txt",
        "latin1.txt",
        "binary.txt",
    }  # empty ones: nothing
    for ok in ("bom.txt", "utf16.txt"):
        document = by_name[ok]
        assert isinstance(document, Document) and document.turns[0].speaker == "Sam"
    latin = by_name["latin1.txt"]
    assert isinstance(latin, ReadFailure)
    assert (
        latin.line == 1
        and "is not UTF-8 text (byte 0xe9" in latin.message
        and "iconv" in latin.message
    )
    binary = by_name["binary.txt"]
    assert isinstance(binary, ReadFailure) and "binary file" in binary.message


def test_missing_files_and_directories(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    items = list(read_sources([str(tmp_path / "nope.txt"), str(tmp_path / "empty")]))
    assert [str(i) for i in items] == [
        f"{tmp_path / 'nope.txt'}: no such file",
        f"{tmp_path / 'empty'}: has no files to read (looked for .txt, .text, .md, .markdown, "
        ".vtt, .srt, .eml, .mbox, .rss, .atom, .xml, .jsonl, .ndjson)",
    ]
    with pytest.raises(InputError, match="no such file"):
        list(read_path(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        list(read_path(tmp_path))


# -- batches --------------------------------------------------------------------------------


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder of inputs, one bad file of each kind among them."""
    (tmp_path / "a-chat.txt").write_text(D06, "utf-8")
    (tmp_path / "b-bad.vtt").write_text("WEBVTT\n\nxx --> 00:00:03.000\n<v Jo>hi\n", "utf-8")
    (tmp_path / "c-call.vtt").write_text(VTT, "utf-8")
    (tmp_path / "d-nodate.eml").write_text(
        EMAIL.replace("Date: Mon, 1 Sep 2025 16:02:00 +0100\n", "")
    )
    (tmp_path / "e-mail.eml").write_text(EMAIL, "utf-8")
    (tmp_path / "f-broken.rss").write_text(RSS[:-30], "utf-8")
    (tmp_path / "g-feed.rss").write_text(RSS, "utf-8")
    (tmp_path / "h-archive.jsonl").write_text(
        '{"id": "n1", "text": "The mayor said the bridge would reopen next month.", '
        '"published": "2025-09-03"}\n'
        "{not json}\n"
        '{"text": "Sam: I\'ll ship it tomorrow.\\nAna: I\'ll test it.", "url": "https://e.org/2"}\n',
        "utf-8",
    )
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "notes.md").write_text(
        "---\npublished: 2025-09-03\n---\nLena to circulate the minutes by Thursday\n"
    )
    (sub / "ignored.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / ".hidden.txt").write_text("Sam: secret\nAna: secret\n", "utf-8")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "HEAD.txt").write_text("ref: refs/heads/main\n", "utf-8")
    return tmp_path


def test_one_bad_file_of_each_kind_is_named_and_the_rest_is_read(batch: Path) -> None:
    items = list(read_sources([str(batch)]))
    failures = [str(i).replace(str(batch) + "/", "") for i in items if isinstance(i, ReadFailure)]
    assert failures == [
        "b-bad.vtt:3: cue timing 'xx --> 00:00:03.000' is not valid VTT; "
        "expected a line like 00:01:02.500 --> 00:01:05.000",
        "d-nodate.eml: has no Date header: cannot tell when it was sent; "
        "add e.g. 'Date: Mon, 1 Sep 2025 16:02:00 +0100' to its headers",
        "f-broken.rss:1: is not a well-formed feed (unclosed token); "
        "check that the file or download is complete",
        "h-archive.jsonl:2: is not valid JSON (Expecting property name enclosed in double quotes "
        "at column 2)",
    ]
    documents = [i for i in items if isinstance(i, Document)]
    assert [d.name if "://" in d.name else Path(d.name).name for d in documents] == [
        "a-chat.txt", "c-call.vtt", "e-mail.eml", "https://example.org/1", "n1",
        "h-archive.jsonl:3", "notes.md",
    ]  # fmt: skip


def test_a_batch_not_searched_recursively(batch: Path) -> None:
    items = list(read_sources([str(batch)], recursive=False))
    assert not any(isinstance(i, Document) and i.name.endswith("notes.md") for i in items)


def test_json_lines_records() -> None:
    lines = [
        '{"id": "n1", "text": "Sam: I\'ll go.\\nAna: I\'ll stay.", '
        '"published": "2025-09-03T08:00:00+02:00", '
        '"title": "Chat", "tz": "Europe/Berlin"}',
        "",
        '{"id": 7, "text": "- [ ] @omar update it", "format": "actions", "url": "https://e.org/7"}',
        '["not", "an", "object"]',
        '{"title": "no text"}',
        '{"text": "x", "published": "soon"}',
        '{"text": "x", "format": "docx"}',
        '{"text": "x", "tz": "Nowhere/Special"}',
    ]
    items = list(read_jsonl(lines, name="a.jsonl"))
    first, second, *bad = items
    assert isinstance(first, Document)
    assert (first.name, first.published, first.title, first.tz) == (
        "n1",
        dt.date(2025, 9, 3),
        "Chat",
        "Europe/Berlin",
    )
    assert [(t.speaker, t.line) for t in first.turns] == [("Sam", 1), ("Ana", 1)]
    assert isinstance(second, Document) and (second.name, second.url) == ("7", "https://e.org/7")
    assert second.turns[0].action and second.turns[0].line == 3
    assert [(f.line, f.message) for f in bad if isinstance(f, ReadFailure)] == [
        (4, "is a JSON list, not an object"),
        (5, 'has no "text" string'),
        (6, "\"published\": expected a date as YYYY-MM-DD, got 'soon'"),
        (7, "\"format\" must be one of actions, chat, markdown, text, not 'docx'"),
        (8, "JSON field tz: 'Nowhere/Special' is not an IANA time-zone name (e.g. Europe/Berlin)"),
    ]


def test_json_lines_are_streamed_one_at_a_time() -> None:
    consumed = 0

    def endless() -> Iterator[bytes]:
        nonlocal consumed
        for n in itertools.count(1):
            consumed += 1
            yield f'{{"id": "{n}", "text": "Item {n}."}}\n'.encode()

    first_three = list(itertools.islice(read_jsonl(endless(), name="big.jsonl"), 3))
    assert [d.name for d in first_three if isinstance(d, Document)] == ["1", "2", "3"]
    assert consumed <= 4


def test_read_path_raises_at_the_first_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "ok"}\n{oops}\n{"text": "never reached"}\n', "utf-8")
    documents = read_path(path)
    assert next(documents).text == "ok"
    with pytest.raises(FormatError) as caught:
        next(documents)
    assert (caught.value.source, caught.value.line) == (str(path), 2)


def test_stdin_is_sniffed_and_json_lines_stream(tmp_path: Path) -> None:
    stream = io.BufferedReader(io.BytesIO(EMAIL.encode()))  # type: ignore[arg-type]
    (document,) = read_sources(["-"], stdin=stream)
    assert isinstance(document, Document) and document.turns[0].speaker == "Hannah Cole"
    lines = io.BufferedReader(io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n'))  # type: ignore[arg-type]
    assert [d.name for d in read_sources(["-"], stdin=lines) if isinstance(d, Document)] == [
        "-:1",
        "-:2",
    ]
    plain = io.BytesIO(D06.encode())  # no peek(): read whole, then detected
    (chat,) = read_sources(["-"], stdin=plain)
    assert isinstance(chat, Document) and [t.speaker for t in chat.turns] == ["Sam", "Ana", "Sam"]


def test_read_text_for_every_format() -> None:
    assert next(read_text(D06)).turns[1].speaker == "Ana"
    assert next(read_text(VTT)).turns[0].speaker == "Jo Park"
    assert next(read_text(EMAIL)).turns[0].speaker == "Hannah Cole"
    assert next(read_text(RSS)).url == "https://example.org/1"
    assert [d.name for d in read_text('{"text": "a"}\n{"text": "b"}\n', name="x.jsonl")] == [
        "x.jsonl:1",
        "x.jsonl:2",
    ]
    assert list(read_text("   \n")) == []


# -- end to end: the extractor honours the readers' turns -----------------------------------


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (D06, "d06.txt", [("Sam", "2025-04-16"), ("Ana", "2025-04-21")]),
        ("Ana: Tom, can you book the room?\nTom: Sure, I'll do it tomorrow.\n", "chat.txt",
         [("Tom", "2025-04-17")]),
        ("Lena to circulate the minutes by Thursday\n"
         "- [ ] @omar update the risk register before 17 September\n"
         "Action: Bob — send deck — Fri\nTODO(ana): send the invoice by Friday\n", "actions.md",
         [("Lena", "2025-04-17"), ("omar", "2025-09-16"), ("Bob", "2025-04-18"),
          ("ana", "2025-04-18")]),
        (VTT, "call.vtt", [("Jo Park", "2025-04-17")]),
    ],
    ids=["d06-chat", "you-and-sure", "action-items", "vtt"],
)  # fmt: skip
def test_extraction_gives_commitments_to_the_readers_speakers(
    text: str, name: str, expected: list[tuple[str, str]]
) -> None:
    (document,) = read_text(text, name=name)
    found = extract_document(document, published=dt.date(2025, 4, 16))  # a Wednesday
    assert [(c.speaker, c.due.latest.isoformat() if c.due else None) for c in found] == expected


def test_quoted_senders_keep_their_own_dates_end_to_end() -> None:
    body = (
        "Sure, I'll send it tomorrow.\n\n"
        "On Fri, 29 Aug 2025 at 09:12, Tom Reed <tom@example.org> wrote:\n"
        "> I will book the room by Monday.\n"
    )
    (document,) = read_text(EMAIL.split("\n\n")[0] + "\n\n" + body, name="reply.eml")
    found = {c.speaker: c for c in extract_document(document)}
    assert found["Hannah Cole"].due is not None and found["Hannah Cole"].due.latest == dt.date(
        2025, 9, 2
    )
    assert found["Tom Reed"].issued.earliest == dt.date(2025, 8, 29)
    assert found["Tom Reed"].due is not None and found["Tom Reed"].due.latest == dt.date(2025, 9, 1)
