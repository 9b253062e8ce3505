"""The bad-input matrix: every input a user can get wrong gives a one-line error (or a documented
note) and exit status 1 (bad input) or 2 (bad usage), never a traceback, and the rest of a batch
is still read."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner, Result

from cli.main import main
from commitments.readers import MAX_DOCUMENT

GOOD = "The minister said she will resign by Friday.\n"
DAY = ["--published", "2025-09-03", "--as-of", "2025-09-03"]


@attrs.frozen
class Case:
    id: str
    name: str
    """The file's name (its extension picks the format)."""
    content: bytes | Callable[[], bytes]
    status: int
    errors: tuple[str, ...] = ()
    """Fragments of the error lines, in order; each line starts with "Error: "."""
    options: tuple[str, ...] = ()
    found: int | None = None
    """How many commitments the good part of the input still gives."""
    notes: tuple[str, ...] = ()


def _email(date: str = "Mon, 1 Sep 2025 16:02:00 +0100", sender: str = "Ann <a@example.org>",
           extra: str = "") -> bytes:
    return (f"From: {sender}\nDate: {date}\n{extra}\nWe will decide by 17 September.\n").encode()


def _big_jsonl() -> bytes:
    good = json.dumps({"text": GOOD, "published": "2025-09-03"}).encode()
    other = json.dumps({"text": "The council said it will vote next week.",
                        "published": "2025-09-03"}).encode()
    huge = json.dumps({"text": "a" * (MAX_DOCUMENT + 10)}).encode()
    return good + b"\n" + huge + b"\n" + other + b"\n"


CASES = [
    # -- bytes that are not text
    Case("binary file", "a.out.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x02\x00", 1,
         ("a.out.txt:1: looks like a binary file (it has a NUL byte)",)),
    Case("NUL byte in text", "nul.md", b"We will ship it\n\x00 by Friday.\n", 1,
         ("nul.md:2: looks like a binary file",)),
    Case("invalid UTF-8", "latin1.txt", "Café will open by Friday.\n".encode("latin-1"), 1,
         ("latin1.txt:1: is not UTF-8 text (byte 0xe9 cannot be decoded); convert it first",)),
    Case("invalid UTF-16", "bad16.txt", b"\xff\xfeh\x00i\x00\x00\xd8", 1,
         ("bad16.txt: has a UTF-16 byte-order mark but is not valid UTF-16",)),
    Case("empty file", "empty.txt", b"", 0),
    Case("blank file", "blank.txt", b" \n\t\n\n", 0),
    # -- sizes
    Case("100 MB single line", "huge.txt",
         lambda: b"the minister said she will resign by Friday and " * (100 * 2**20 // 48), 1,
         ("huge.txt: is larger than 4 MiB, the most one document may be: split it",)),
    Case("JSON line over the limit", "big.jsonl", _big_jsonl, 1,
         ("big.jsonl:2: is larger than 4 MiB, the most one line may be",), found=2),
    Case("e-mail headers over 64 KiB", "long.eml",
         lambda: b"From: " + b"a" * 70_000 + b"\nDate: Mon, 1 Sep 2025 16:02:00 +0100\n\nHi\n", 1,
         ("long.eml:1: has more than 64 KiB of headers",)),
    # -- malformed e-mail
    Case("e-mail without headers", "x.eml", b"just some words, no headers at all", 1,
         ("x.eml:1: is not an e-mail message: it has no headers",)),
    Case("e-mail without Date", "nodate.eml", b"From: Ann <a@x.org>\n\nWe will go.\n", 1,
         ("nodate.eml: has no Date header: cannot tell when it was sent",)),
    Case("e-mail without From", "nofrom.eml", b"Date: Mon, 1 Sep 2025 16:02:00 +0100\n\nHi\n", 1,
         ("nofrom.eml: has no From header",)),
    Case("e-mail with a bad Date", "baddate.eml", _email(date="yesterday-ish"), 1,
         ("baddate.eml:1: Date header 'yesterday-ish' is not an RFC 5322 date",)),
    Case("e-mail sent in year 99999", "y99999.eml", _email(date="Mon, 1 Sep 99999 16:02:00 +0100"),
         1, ("y99999.eml:1: Date header 'Mon, 1 Sep 99999 16:02:00 +0100' is not an RFC 5322",)),
    Case("e-mail with an address group as sender (fuzz finding)", "group.eml",
         _email(sender="a: b; c <h@x.org>"), 1,
         ("group.eml:1: has a malformed From header (AttributeError",)),
    Case("e-mail with an unknown charset", "charset.eml",
         _email(extra="Content-Type: text/plain; charset=x-no-such-charset\n"), 0, found=1),
    Case("e-mail quoting a header block sent in a year too big for C (fuzz finding)", "sent.eml",
         _email(extra="\n") + b"\n-----Original Message-----\nFrom: Bo <b@x.org>\n"
         b"Sent: Mon, 01 Sep 99999999999999999999 10:00:00 GMT\n\nI will call you tomorrow.\n",
         0),
    Case("mbox not starting with From", "bad.mbox", b"nope\nFrom x\n", 1,
         ("bad.mbox:1: is not an mbox archive: its first line must start with 'From '",)),
    Case("mbox with one bad message", "two.mbox", b"From x\nnot a message\n\nFrom y\n" + _email(),
         1, ("two.mbox:2: message 1 is not an e-mail message: it has no headers",), found=1),
    # -- captions
    Case("VTT with a bad timing", "bad.vtt", b"WEBVTT\n\nxx --> 00:00:03.000\nhello\n", 1,
         ("bad.vtt:3: cue timing 'xx --> 00:00:03.000' is not valid VTT",)),
    Case("VTT voice tag that used to backtrack", "voice.vtt",
         b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v" + b".a" * 40 + b"x We will go by Friday.\n",
         0),
    Case("SRT with a bad timing", "bad.srt", b"1\n00:00:01,000 -> 00:00:02,000\nhello\n", 1,
         ("bad.srt:",)),
    # -- feeds
    Case("truncated feed", "cut.rss", b"<rss version='2.0'><channel><item><title>x</title>", 1,
         ("cut.rss:1: is not a well-formed feed",)),
    Case("feed with a non-text encoding name (fuzz finding)", "enc.rss",
         b'<?xml version="1.0" encoding="\x81\x05"?>\n<rss version="2.0"><channel/></rss>', 1,
         ("enc.rss: is not a readable feed (feedparser failed: UnicodeDecodeError",)),
    Case("feed item dated year 99999", "y.rss",
         b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title><item><title>t</title>"
         b"<description>We will ship it by Friday.</description>"
         b"<pubDate>Mon, 01 Sep 99999 10:00:00 GMT</pubDate></item></channel></rss>", 0,
         options=("--published", "2025-09-03")),
    # -- JSON Lines
    Case("JSON Lines with bad lines", "mixed.jsonl",
         b'{"text": "We will ship by Friday.", "published": "2025-09-03"}\nnot json\n{"text": 5}'
         b'\n[1, 2]\n{"text": "x", "published": "2025-13-45"}\n{"text": "x", "tz": "Mars/Phobos"}'
         b'\n\n{"text": "The council said it will vote next week.", "published": "2025-09-03"}\n',
         1, ("mixed.jsonl:2: is not valid JSON", 'mixed.jsonl:3: has no "text" string',
             "mixed.jsonl:4: is a JSON list, not an object",
             "mixed.jsonl:5: \"published\": '2025-13-45' is not a real date",
             "mixed.jsonl:6: "), found=1),
    # -- dates out of range in text and metadata
    Case("year 99999 in the text", "y.txt",
         b"The minister said she will resign by 31 December 99999.", 0, found=1),
    Case("year 99999 in front matter", "y.md", b"---\npublished: 99999-01-01\n---\nWe will go.\n",
         1, ("y.md:2: front matter published: expected a date as YYYY-MM-DD, got '99999-01-01'",)),
    Case("year 99999 in a JSON line", "y.jsonl",
         b'{"text": "We will go.", "published": "99999-01-01"}', 1,
         ("y.jsonl:1: \"published\": expected a date as YYYY-MM-DD",)),
    Case("year 99999 in a WebVTT header", "y.vtt",
         b"WEBVTT\nPublished: 99999-01-01\n\n00:00:01.000 --> 00:00:02.000\nWe will go.\n", 1,
         ("y.vtt:2: WebVTT header published: expected a date as YYYY-MM-DD",)),
    # -- options
    Case("--as-of year 99999", "ok.txt", GOOD.encode(), 2,
         ("Invalid value for '--as-of': '99999-01-01' is not a date",),
         options=("--as-of", "99999-01-01")),
    Case("--published 30 February", "ok.txt", GOOD.encode(), 2,
         ("Invalid value for '--published': '2025-02-30' is not a date",),
         options=("--published", "2025-02-30")),
    Case("--published year 0", "ok.txt", GOOD.encode(), 2,
         ("Invalid value for '--published': '0000-01-01' is not a date",),
         options=("--published", "0000-01-01")),
    Case("--tz unknown", "ok.txt", GOOD.encode(), 2,
         ("Invalid value for '--tz': 'Mars/Phobos' is not a time zone",),
         options=("--tz", "Mars/Phobos")),
    Case("--tz a path", "ok.txt", GOOD.encode(), 2,
         ("Invalid value for '--tz': '../../etc/passwd' is not a time zone",),
         options=("--tz", "../../etc/passwd")),
    Case("--tz empty", "ok.txt", GOOD.encode(), 2, ("Invalid value for '--tz': '' is not",),
         options=("--tz", "")),
    Case("--input-format unknown", "ok.txt", GOOD.encode(), 2, ("--input-format",),
         options=("--input-format", "pdf")),
    Case("the last day there is", "next.txt", b"The minister said she will resign next year.\n", 0,
         options=("--published", "9999-12-31", "--as-of", "9999-12-31"), found=1),
    Case("the first day there is", "last.txt",
         b"The minister said last month that she will go in 3 days.\n", 0,
         options=("--published", "0001-01-01", "--as-of", "0001-01-01"), found=1),
]


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _check(result: Result, case: Case) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception
    )
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert result.exit_code == case.status, result.stderr
    errors = [line for line in _lines(result.stderr)
              if not line.startswith(("Note: ", "Usage: ", "Try '", "Total: "))]  # (not errors)
    assert len(errors) == len(case.errors), errors
    for line, fragment in zip(errors, case.errors, strict=True):
        assert line.startswith("Error: "), line
        assert fragment in line, (fragment, line)


def _dedup(options: list[str]) -> list[str]:
    """Options as pairs, the first of each name kept (a case's own before the defaults)."""
    seen: set[str] = set()
    out: list[str] = []
    for name, value in zip(options[::2], options[1::2], strict=True):
        if name not in seen:
            seen.add(name)
            out += [name, value]
    return out


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[Case], str]:
    """Writes a case's file in a fresh folder, the working directory, and gives its name."""
    monkeypatch.chdir(tmp_path)

    def write_case(case: Case) -> str:
        data = case.content() if callable(case.content) else case.content
        (tmp_path / case.name).write_bytes(data)
        return case.name

    return write_case


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_extract_answers_bad_input_in_one_line(case: Case, write: Callable[[Case], str]) -> None:
    name = write(case)
    options = _dedup([*case.options, *DAY])
    result = CliRunner().invoke(main, ["extract", name, *options, "--format", "jsonl"])
    _check(result, case)
    if case.found is not None:
        assert len(_lines(result.stdout)) == case.found, result.stdout


ADD_CASES = [c for c in CASES if "--as-of" not in c.options]


@pytest.mark.parametrize("case", ADD_CASES, ids=[c.id for c in ADD_CASES])
def test_add_answers_bad_input_in_one_line(case: Case, write: Callable[[Case], str]) -> None:
    name = write(case)
    options = _dedup([*case.options, "--published", "2025-09-03"])
    result = CliRunner().invoke(main, ["add", name, *options, "--db", "store.db"])
    _check(result, case)
    if case.status != 2:
        listed = CliRunner().invoke(main, ["status", "--db", "store.db", "--format", "jsonl",
                                           "--as-of", "2025-09-03"])
        assert listed.exit_code == 0, listed.stderr
        if case.found is not None:
            assert len(_lines(listed.stdout)) == case.found, listed.stdout


def test_standard_input_with_bad_bytes() -> None:
    result = CliRunner().invoke(main, ["extract", "-", *DAY], input=b"abc\xff\xfe def")
    _check(result, Case("stdin", "-", b"", 1, ("Error: -:1: is not UTF-8 text",)))


def test_a_batch_goes_on_after_bad_files(write: Callable[[Case], str]) -> None:
    names = [write(c) for c in CASES if c.status == 1 and c.name.endswith((".txt", ".eml"))]
    names.append(write(Case("good", "good.txt", GOOD.encode(), 0)))
    result = CliRunner().invoke(main, ["extract", *names, *DAY, "--format", "jsonl"])
    assert result.exit_code == 1
    assert len([line for line in _lines(result.stderr) if line.startswith("Error: ")]) == len(
        names) - 1
    assert [json.loads(line)["source"]["document"] for line in _lines(result.stdout)] == [
        "good.txt"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["status", "--since", "99999-01-01"], "Invalid value for '--since'"),
        (["status", "--as-of", "2025-02-30"], "Invalid value for '--as-of'"),
        (["status", "--due-within", "forever"], "Invalid value for '--due-within'"),
        (["status", "--status", "sideways"], "Invalid value for '--status'"),
        (["resolve", "abcd", "kept", "--on", "99999-01-01"], "Invalid value for '--on'"),
        (["export", "--as-of", "1-1-1", "--ics", "x.ics"], "Invalid value for '--as-of'"),
    ],
    ids=["since", "as-of", "due-within", "status", "resolve-on", "export-as-of"],
)
def test_bad_options_are_usage_errors(
    args: list[str], fragment: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*args, "--db", "store.db"])
    assert result.exit_code == 2, result.output
    assert fragment in result.stderr and "Traceback" not in result.stderr
