"""Issue 13 item 3: a document's identity is its content and canonical path, not the spelling
of the argument; and item 2 for stored documents: exports never carry the store's paths."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main
from commitments.readers import read_sources
from commitments.records import Document
from commitments.tracker import Tracker
from commitments.tracker.tracker import canonical_name, document_digest

TEXT = (
    "---\npublished: 2025-09-03\ntitle: Port news\n---\n"
    "Mayor Rui Carvalho said she will reopen the harbour by Friday.\n"
)


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "private" / "notes"
    folder.mkdir(parents=True)
    path = folder / "news-port.md"
    path.write_text(TEXT, "utf-8")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("COMMITMENTS_DB", str(tmp_path / "store.db"))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_same_file_by_another_spelling_changes_nothing(article: Path, tmp_path: Path) -> None:
    assert run("add", "news-port.md")[0] == 0
    before = (tmp_path / "store.db").read_bytes()
    with Tracker(tmp_path / "store.db") as tracker:
        sequences = {e.id: e.tracked.sequence for e in tracker.entries()}
    for spelling in ("./news-port.md", str(article), f"../notes/{article.name}"):
        code, out, _ = run("add", spelling)
        assert code == 0
        assert out.endswith("already added, nothing changed\n"), spelling
    with Tracker(tmp_path / "store.db") as tracker:
        assert {e.id: e.tracked.sequence for e in tracker.entries()} == sequences
        assert tracker.store.document_count() == 1
    assert before  # (the store existed)


def test_a_link_to_the_file_is_the_same_document(article: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    os.symlink(article, link)
    assert run("add", str(article))[0] == 0
    assert run("add", str(link))[1].endswith("already added, nothing changed\n")


def test_changed_content_is_a_new_document(article: Path) -> None:
    assert run("add", "news-port.md")[0] == 0
    article.write_text(TEXT.replace("by Friday", "by Saturday"), "utf-8")
    assert "already added" not in run("add", "./news-port.md")[1]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("-", "-"), ("https://example.org/a.md", "https://example.org/a.md"), ("nowhere.md", None)],
    ids=["stdin", "url", "missing"],
)
def test_canonical_name_of_what_is_not_a_file(name: str, canonical: str | None) -> None:
    assert canonical_name(name) == (canonical or name)


def test_an_archive_record_is_named_by_its_file(article: Path) -> None:
    assert canonical_name("news-port.md:3") == f"{article}:3"


def test_a_store_written_before_still_knows_its_documents(article: Path, tmp_path: Path) -> None:
    """Stores from before keyed a document by its name as spelled: re-adding it adds nothing."""
    (document,) = read_sources(["news-port.md"])
    assert isinstance(document, Document)
    legacy = hashlib.sha256(
        (document.name + "\x00" + document.text).encode("utf-8", "surrogatepass")
    ).hexdigest()
    assert legacy != document_digest(document)
    with Tracker(tmp_path / "old.db") as tracker:
        tracker.store.add_document(digest=legacy, name=document.name, added=_now())
        assert tracker.add(document, now=_now()).skipped


def _now():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.datetime(2025, 9, 4, tzinfo=dt.UTC)


def test_an_export_of_the_store_names_no_local_path(article: Path, tmp_path: Path) -> None:
    assert run("add", str(article))[0] == 0
    code, out, _ = run("export", "--as-of", "2025-09-03")
    unfolded = out.replace("\r\n ", "").replace("\n ", "")
    assert code == 0 and "BEGIN:VEVENT" in out
    assert str(tmp_path) not in unfolded and "private" not in unfolded
    assert "Source: Port news\\, published 2025-09-03" in unfolded
    code, out, _ = run("export", "--as-of", "2025-09-03", "--source-base", "https://ex.org/a/")
    assert "URL:https://ex.org/a/news-port.md" in out.replace("\r\n ", "").replace("\n ", "")
    code, out, _ = run("export", "--source-base", "file:///home/me")
    assert code == 2
