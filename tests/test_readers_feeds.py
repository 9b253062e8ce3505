"""RSS and Atom feeds, from a file and from a URL served on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from commitments import extract_document, read_path, read_url
from commitments.errors import FormatError, InputError
from commitments.readers import ReadFailure, read_sources
from commitments.readers.feeds import read_feed

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example</title><id>urn:example</id><updated>2025-09-03T23:00:00-05:00</updated>
  <entry>
    <title>Ward to open</title><id>urn:example:1</id>
    <link href="https://example.org/ward"/>
    <published>2025-09-03T23:00:00-05:00</published><updated>2025-09-04T08:00:00Z</updated>
    <content type="html">&lt;p&gt;&#8220;We will open the ward by the end of the month,&#8221;
      Clara Novak said.&lt;/p&gt;</content>
  </entry>
</feed>
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """A folder served over HTTP on 127.0.0.1 (a free port); yields its base URL."""
    (tmp_path / "feed.rss").write_bytes((SEEDS / "feed.rss").read_bytes())
    (tmp_path / "page.html").write_text("<!DOCTYPE html><html><body>Hi</body></html>", "utf-8")
    (tmp_path / "broken.rss").write_text(
        '<rss version="2.0"><channel><item><title>x</title', "utf-8"
    )
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_the_feed_seed_gives_one_document_per_entry() -> None:
    documents = list(read_path(SEEDS / "feed.rss"))
    assert [(d.title, d.published) for d in documents] == [
        ("Harbour bridge to reopen in early October", dt.date(2025, 9, 9)),
        ("Transit agency promises new timetable", dt.date(2025, 9, 10)),
        ("Children's ward to open this month, minister says", dt.date(2025, 9, 10)),  # not the 11th
        ("Maritime museum reopens after renovation", dt.date(2025, 9, 8)),
    ]
    first = documents[0]
    assert first.url == first.name == "https://courier.example/city/harbour-bridge-reopening"
    assert "<p>" not in first.text
    assert "Mayor Lucas Ferreira said on Tuesday" in first.text
    assert "“We will open the new children's ward" in documents[2].text


def test_atom_entries_use_content_and_their_own_day() -> None:
    (entry,) = read_feed(ATOM, name="x.atom")
    assert entry.published == dt.date(2025, 9, 3)
    assert entry.url == "https://example.org/ward"
    assert entry.text.startswith("“We will open the ward")


def test_an_entry_with_only_a_title_reads_the_title() -> None:
    rss = (
        b'<rss version="2.0"><channel><item><title>Mayor vows to act</title></item></channel></rss>'
    )
    (entry,) = read_feed(rss, name="t.rss")
    assert (entry.text, entry.published, entry.name) == ("Mayor vows to act\n", None, "t.rss#1")


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<item>\n<title>T</title\n</item>',
         6, "not a well-formed feed"),
        (b'<rss version="2.0">\n<channel>\n<title>a & b</title></channel></rss>', 3,
         "not a well-formed feed"),
        (b"hello, world", None, "not an RSS or Atom feed"),
    ],
    ids=["truncated", "bare-ampersand", "not-a-feed"],
)  # fmt: skip
def test_broken_feeds(data: bytes, line: int | None, words: str) -> None:
    with pytest.raises(FormatError) as caught:
        list(read_feed(data, name="bad.rss"))
    assert (caught.value.source, caught.value.line) == ("bad.rss", line)
    assert words in caught.value.message


def test_read_url_serves_an_rss_file_from_127_0_0_1(served: str) -> None:
    documents = list(read_url(f"{served}/feed.rss"))
    assert len(documents) == 4
    speakers = {c.speaker for d in documents for c in extract_document(d)}
    assert {"Lucas Ferreira", "Clara Novak"} <= speakers


@pytest.mark.parametrize(
    ("path", "error", "words"),
    [
        ("/missing.rss", InputError, "HTTP 404"),
        ("/page.html", InputError, "HTML page, not a feed"),
        ("/broken.rss", FormatError, "not a well-formed feed"),
    ],
    ids=["404", "html-page", "broken"],
)
def test_read_url_errors(served: str, path: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as caught:
        list(read_url(served + path))
    assert words in str(caught.value)
    assert str(caught.value).startswith(served + path)


def test_unreachable_and_non_http_urls() -> None:
    with pytest.raises(InputError, match="cannot be fetched"):
        list(read_url("http://127.0.0.1:9/feed.rss", timeout=2))
    with pytest.raises(InputError, match="only http"):
        list(read_url("ftp://127.0.0.1/feed.rss"))


def test_a_batch_with_a_url_goes_on_after_a_bad_one(served: str) -> None:
    items = list(read_sources([f"{served}/missing.rss", f"{served}/feed.rss"]))
    assert isinstance(items[0], ReadFailure)
    assert items[0].source == f"{served}/missing.rss"
    assert len(items) == 5
