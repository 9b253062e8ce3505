"""Issue 16, inputs: what a hostile tester fed the readers, each a one-line error or a result in
linear time, and the rest of the batch read.

Time is judged by growth (CPU time at ``n`` and ``4 n``: linear is about 4×, quadratic 16×),
never against a number of seconds.
"""

from __future__ import annotations

import http.server
import io
import os
import pickle
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import hostile_inputs as hostile
import pytest
from click.testing import CliRunner

from cli.main import main
from commitments.errors import FormatError, InputError
from commitments.readers import ReadFailure, read_path, read_sources, read_text, read_url
from commitments.readers.htmltext import html_to_text
from commitments.records import Document

GOOD = b"---\npublished: 2025-09-03\n---\nAna said she will resign by Friday.\n"


def _read(items: Iterator[Document | ReadFailure]) -> tuple[list[Document], list[ReadFailure]]:
    documents, failures = [], []
    for item in items:
        (failures if isinstance(item, ReadFailure) else documents).append(item)
    return documents, failures  # type: ignore[return-value]


def _cpu(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def _growth(make: Callable[[int], bytes], fmt: str | None, n: int) -> float:
    """How many times longer reading ``make(4 n)`` takes than ``make(n)``."""

    def read(size: int) -> Callable[[], object]:
        data = make(size)
        return lambda: _read(read_sources(["-"], input_format=fmt, stdin=io.BytesIO(data)))

    small, big = read(n), read(4 * n)
    before, after = _cpu(small), _cpu(big)
    return after / max(before, 1e-4)


# -- 1, 2: tracebacks that lost the batch --------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [hostile.deep_multipart(1000), hostile.deep_rfc822(2000)],
    ids=["multipart-1000-deep", "rfc822-2000-deep"],
)
def test_a_deeply_nested_email_is_one_failure_and_the_batch_goes_on(
    tmp_path: Path, data: bytes
) -> None:
    (tmp_path / "a-deep.eml").write_bytes(data)
    (tmp_path / "b-good.md").write_bytes(GOOD)
    documents, failures = _read(read_sources([str(tmp_path)]))
    assert [d.name for d in documents] == [str(tmp_path / "b-good.md")]
    [failure] = failures
    assert failure.source.endswith("a-deep.eml") and "\n" not in str(failure)
    assert failure.message == "has a MIME structure that nests too deeply to be read"


def test_json_lines_too_deep_or_with_a_huge_integer_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(
        hostile.deep_json() + hostile.long_integer_id() + b'{"text": "We will act."}\n'
    )
    documents, failures = _read(read_sources([str(path)]))
    assert [d.name for d in documents] == [f"{path}:3"]
    assert [(f.line, f.error) for f in failures] == [(1, FormatError), (2, FormatError)]
    assert "nested too deeply" in failures[0].message
    assert "4300 digits" in failures[1].message
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2025-09-03"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.count("Error: ") == 2


def test_add_extracted_refuses_deep_and_huge_records_line_by_line(tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    records.write_bytes(hostile.deep_json() + hostile.long_integer_id())
    result = CliRunner().invoke(
        main, ["add", "--extracted", str(records), "--db", str(tmp_path / "c.db")]
    )
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert [e.split(":")[2] for e in errors] == ["1", "2"]


# -- 3: a lone surrogate -----------------------------------------------------------------------


def test_a_lone_surrogate_is_replaced_when_read() -> None:
    [document] = read_text(hostile.lone_surrogates().decode(), name="s.jsonl")
    assert document.name == "a\ufffd" and "Friday \ufffd." in document.text
    document.text.encode("utf-8")  # nothing left that cannot be written


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "records"])
def test_a_lone_surrogate_reaches_every_output_format(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(hostile.lone_surrogates())
    result = CliRunner().invoke(main, ["extract", str(path), "--format", fmt, "--as-of",
                                       "2025-09-03"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "resign" in result.stdout


def test_a_lone_surrogate_can_be_added_to_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(hostile.lone_surrogates())
    result = CliRunner().invoke(main, ["add", str(path), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert "1 commitment found" in result.stdout


# -- 4, 6, 20: URLs ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["http://x:notaport/", "http://a b/", "http://[::1", "http:///x"])
def test_a_malformed_url_is_a_one_line_error(url: str) -> None:
    [failure] = list(read_sources([url]))
    assert isinstance(failure, ReadFailure) and failure.source == url
    assert "valid URL" in failure.message and "\n" not in str(failure)
    with pytest.raises(InputError, match="valid URL"):
        list(read_url(url))


class _Handler(http.server.BaseHTTPRequestHandler):
    """``/to?URL``: a redirect to URL; ``/slow``: a feed that trickles a byte at a time."""

    sent = 0

    def do_GET(self) -> None:
        if self.path.startswith("/to?"):
            self.send_response(302)
            self.send_header("Location", self.path[4:])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    type(self).sent += 1
                    time.sleep(0.05)
            except OSError:
                pass
        else:
            body = (Path(__file__).parent.parent / "seeds" / "feed.rss").read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("http://x:notaport/", "valid URL"),
        ("http://[::1", "valid URL"),
        ("ftp://127.0.0.1/feed.rss", "only http"),
    ],
    ids=["bad-port", "bad-ipv6", "ftp"],
)
def test_a_bad_redirect_is_a_one_line_error(server: str, target: str, words: str) -> None:
    [failure] = list(read_sources([f"{server}/to?{target}"]))
    assert isinstance(failure, ReadFailure), failure
    assert "redirects to" in failure.message and words in failure.message


def test_a_loopback_url_may_redirect_within_the_machine(server: str) -> None:
    documents = list(read_url(f"{server}/to?{server}/feed.rss"))
    assert documents  # the user asked for a loopback URL: loopback redirects are followed


def test_a_public_url_may_not_redirect_to_an_internal_address() -> None:
    from commitments.readers.fetch import _Redirects, check_url, is_internal

    handler = _Redirects("https://example.org/feed", internal_ok=False)
    request = urllib.request.Request("https://example.org/feed")
    for target in ("http://127.0.0.1/admin", "http://[::1]:8080/", "http://10.0.0.1/",
                   "http://169.254.169.254/latest/meta-data/"):  # fmt: skip
        with pytest.raises(InputError, match="loopback, private or reserved"):
            handler.redirect_request(request, None, 302, "Found", {}, target)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="only http"):
        handler.redirect_request(request, None, 302, "Found", {}, "ftp://example.org/x")  # type: ignore[arg-type]
    assert is_internal("127.0.0.1") and is_internal("::1") and is_internal("192.168.1.1")
    assert not is_internal("93.184.215.14")
    assert check_url("https://example.org:8443/x") == "example.org"


def test_a_download_has_one_deadline_not_one_per_read(server: str) -> None:
    """The server sends a byte every 0.05 s (50 s for all): the 1-second deadline cuts it off
    long before, though no single read waits a second."""
    _Handler.sent = 0
    with pytest.raises(InputError, match="not downloaded within 1 second"):
        list(read_url(f"{server}/slow", timeout=1))
    assert _Handler.sent < 500


# -- 7, 22: what a folder holds ------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_a_folder_is_skipped_with_a_message(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a-pipe.txt")
    (tmp_path / "b-good.md").write_bytes(GOOD)
    out: list[tuple[list[Document], list[ReadFailure]]] = []
    reader = threading.Thread(target=lambda: out.append(_read(read_sources([str(tmp_path)]))))
    reader.daemon = True
    reader.start()
    reader.join(30)
    assert out, "reading a folder with a FIFO in it blocked"
    documents, failures = out[0]
    assert [d.name for d in documents] == [str(tmp_path / "b-good.md")]
    [failure] = failures
    assert "named pipe" in failure.message and failure.source.endswith("a-pipe.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_alone_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    out: list[list[Document]] = []
    reader = threading.Thread(target=lambda: out.append(list(read_path(tmp_path / "pipe.txt"))))
    reader.daemon = True
    reader.start()
    reader.join(30)
    assert out == [[]], "a FIFO that nothing writes to blocked the reader"


def test_a_device_named_alone_is_refused() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    with pytest.raises(InputError, match="character device"):
        list(read_path("/dev/null"))


def test_an_unreadable_subfolder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.md").write_bytes(GOOD)
    (tmp_path / "good.md").write_bytes(GOOD)
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:  # root can read anything: pretend
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    documents, failures = _read(read_sources([str(tmp_path)]))
    assert [d.name for d in documents] == [str(tmp_path / "good.md")]
    [failure] = failures
    assert failure.source == str(tmp_path / "locked") and "cannot be read" in failure.message
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--published", "2025-09-03"])
    assert result.exit_code == 1 and "locked: is a folder that cannot be read" in result.stderr


# -- 5: --vague ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ("a = " + "[" * 100_000 + "]" * 100_000 + "\n", "nests too deeply"),
        ('[phrases]\n"' + " ".join(["soon"] * 50_000) + '" = [1, 2]\n', "at most 12"),
        ('[phrases]\n"" = [1, 2]\n', "is empty"),
        ('[phrases]\n"  " = [1, 2]\n', "is empty"),
    ],
    ids=["deep", "50000-words", "empty", "blank"],
)
def test_a_bad_vague_table_is_a_clear_error(tmp_path: Path, toml: str, words: str) -> None:
    (tmp_path / "v.toml").write_text(toml, "utf-8")
    (tmp_path / "a.md").write_bytes(GOOD)
    result = CliRunner().invoke(
        main, ["extract", str(tmp_path / "a.md"), "--vague", str(tmp_path / "v.toml")]
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ") and words in result.stderr
    assert result.stderr.count("\n") == 1


# -- 9: HTML to text ----------------------------------------------------------------------------


def test_nested_blockquotes_make_text_linear_in_the_markup() -> None:
    """Each level used to prefix every line inside it again: 20,000 levels, gigabytes."""
    from commitments.readers.htmltext import MAX_QUOTE_DEPTH

    small, big = html_to_text(hostile.nested_blockquotes(2000)), html_to_text(
        hostile.nested_blockquotes(8000)
    )
    assert len(big) < 5 * len(small)
    assert max(len(line) for line in big.splitlines()) < 2 * MAX_QUOTE_DEPTH + 20


def test_converted_text_over_the_limit_is_refused() -> None:
    with pytest.raises(FormatError, match="MiB of text"):
        html_to_text("<p>We will act.</p>" * 1000, limit=1000, source="x.eml")  # type: ignore[call-arg]


def test_an_html_email_of_20000_nested_quotes_is_read() -> None:
    [document] = read_text(
        hostile.html_mail(hostile.nested_blockquotes(20_000)).decode(), input_format="email"
    )
    assert len(document.text) < 20 * 20_000  # was 2 GB of ">" for this 700 KB message


# -- 8, 10: time linear in the input, on every shape ---------------------------------------------

GROWTH = [
    ("heading-shape", hostile.heading_shape, "markdown", 2000),
    ("email-address", hostile.address_run, "email", 8000),
    ("vtt-voice-spaces", hostile.voice_spaces, "vtt", 20_000),
    ("front-matter-spaces", hostile.front_matter_spaces, "markdown", 20_000),
    ("iso-date-spaces", hostile.iso_date_spaces, "markdown", 20_000),
    ("mail-header-line", hostile.header_line_spaces, "email", 20_000),
    ("original-message", hostile.original_message_spaces, "email", 20_000),
    ("chat-name-blanks", hostile.chat_spaces, "chat", 20_000),
    ("html-unclosed-tags", hostile.unclosed_tags, "email", 20_000),
    ("html-unclosed-comments", lambda n: hostile.unclosed_tags(n, "<!--"), "email", 20_000),
    ("feed-unclosed-comments", hostile.feed_of_comments, "rss", 20_000),
]


@pytest.mark.parametrize(
    ("make", "fmt", "n"), [g[1:] for g in GROWTH], ids=[g[0] for g in GROWTH]
)
def test_reading_a_hostile_shape_takes_linear_time(
    make: Callable[[int], bytes], fmt: str, n: int
) -> None:
    ratio = _growth(make, fmt, n)
    if ratio >= 9:  # a busy machine: once more
        ratio = min(ratio, _growth(make, fmt, n))
    assert ratio < 9, f"4x the input took {ratio:.1f}x the time (linear: 4, quadratic: 16)"


@pytest.mark.slow
def test_every_reader_and_time_pattern_is_linear_on_every_shape() -> None:
    """``tests/regex_shapes.py``: every pattern × prefix × repeated unit × suffix."""
    import subprocess
    import sys

    script = Path(__file__).parent / "regex_shapes.py"
    done = subprocess.run(
        [sys.executable, str(script), "--size", "4000"],
        capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


# -- one failure type --------------------------------------------------------------------------


def test_a_read_failure_is_one_type_from_reader_to_user(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": 1}\n', "utf-8")
    missing = tmp_path / "missing.md"
    [malformed, absent] = list(read_sources([str(bad), str(missing)]))
    assert isinstance(malformed, ReadFailure) and isinstance(malformed, InputError)
    assert malformed.error is FormatError and absent.error is InputError  # type: ignore[union-attr]
    assert type(malformed.to_error()) is FormatError
    assert type(absent.to_error()) is InputError  # type: ignore[union-attr]
    assert pickle.loads(pickle.dumps(malformed)) == malformed  # crosses to worker processes
    with pytest.raises(InputError, match="no such file") as caught:
        list(read_path(missing))
    assert type(caught.value) is InputError
    result = CliRunner().invoke(main, ["extract", str(bad), str(missing), "--jobs", "2"])
    assert result.stderr.splitlines() == [f"Error: {malformed}", f"Error: {absent}"]


def test_an_unexpected_parser_error_is_one_line_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a parser raises (here a RecursionError from the WebVTT library)."""
    import webvtt

    def explode(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(webvtt, "from_buffer", explode)
    (tmp_path / "a.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n", "utf-8")
    (tmp_path / "b.md").write_bytes(GOOD)
    documents, failures = _read(read_sources([str(tmp_path)]))
    assert [d.name for d in documents] == [str(tmp_path / "b.md")]
    assert [f.message for f in failures] == [
        "nests too deeply to be read (RecursionError); no real file nests more than a few dozen"
        " levels"
    ]


def test_the_guard_never_hides_an_interrupt(tmp_path: Path) -> None:
    def interrupted() -> Iterator[Document]:
        raise KeyboardInterrupt
        yield  # pragma: no cover

    from commitments.readers.base import guarded  # type: ignore[attr-defined]

    with pytest.raises(KeyboardInterrupt):
        list(guarded("x", interrupted()))
