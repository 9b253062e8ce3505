"""``commitments report --html``: the status page as one static file, the same as served."""

from __future__ import annotations

import http.client
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from ical_helpers import SEED_PATH, seed_store
from page_helpers import find, read_page
from serve_helpers import serving

from cli.main import main


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("COMMITMENTS_DB", raising=False)
    return seed_store(tmp_path / "store.db")


def get(url: str) -> tuple[int, str]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    try:
        connection.request("GET", f"{parts.path}?{parts.query}")
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


def test_report_writes_the_page_from_the_store(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "status.html"
    result = run("report", "--db", str(db), "--as-of", "2025-09-03", "--html", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"{out}: the status page on 2025-09-03\n"
    page = read_page(out.read_text("utf-8"))
    assert find(page, "Trump: deadline for the Kremlin").attrs["data-section"] == "expired"
    assert find(page, "Trump: be communicating").attrs["data-section"] == "due-soon"
    assert not [name for name in tmp_path.iterdir() if name.name.endswith(".tmp")]


def test_report_from_files_to_stdout_with_filters() -> None:
    result = run(
        "report", SEED_PATH, "--as-of", "2025-09-12", "--kind", "promise",
        "--speaker", "Trump", "--html", "-",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = read_page(result.stdout)
    assert {item.attrs["data-speaker"] for item in page.items} == {"donald-trump"}
    assert {item.attrs["data-kind"] for item in page.items} == {"promise"}
    statuses = sorted(item.attrs["data-status"] for item in page.items)
    assert statuses == ["expired", "expired", "open", "open"]
    assert "Filtered by speaker Trump; kind promise." in result.stdout
    assert "<form" not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "late"], "unknown status 'late'"),
        (["--kind", "vow"], "unknown kind 'vow'"),
        (["--base-url", "ftp://x"], "is not a base URL"),
    ],
    ids=["status", "kind", "base-url"],
)
def test_bad_options_are_usage_errors(args: list[str], message: str) -> None:
    result = run("report", SEED_PATH, "--html", "-", *args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_no_store_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "status.html"
    result = run("report", "--db", str(tmp_path / "none.db"), "--html", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error:") and "commitments add" in result.stderr
    assert not out.exists()


def test_a_folder_is_refused_and_left_alone(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "public"
    folder.mkdir()
    result = run("report", "--db", str(db), "--html", str(folder))
    assert result.exit_code == 1
    assert "not a regular file" in result.stderr
    assert list(folder.iterdir()) == []


def test_the_file_matches_the_served_page(db: Path, tmp_path: Path) -> None:
    with serving(db, "--quiet") as url:
        for day in ("2025-09-03", "2025-09-12"):
            status, served = get(f"{url}/status?as-of={day}")
            assert status == 200
            out = tmp_path / f"{day}.html"
            args = ["--db", str(db), "--as-of", day, "--base-url", url, "--html", str(out)]
            assert run("report", *args).exit_code == 0
            static = read_page(out.read_text("utf-8"))
            live = read_page(served)
            assert [i.words for i in static.items] == [i.words for i in live.items]
            assert [i.links for i in static.items] == [i.links for i in live.items]
            assert len(static.items) == 6
