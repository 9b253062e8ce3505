"""The status page shows each speaker's record as ``Tracker.record`` gives it (``report --html``
and ``serve``), and counts the statuses only with no store behind it (``report`` on files)."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from serve_helpers import serving

from cli.main import main

DOCUMENTS = {
    "set.md": (
        "2025-08-22",
        "President Donald Trump said on Friday that he had given the Kremlin leader a two-week"
        " deadline to meet Zelenskyy.",
    ),
    "extended.md": (
        "2025-09-08",
        "On Monday President Donald Trump extended the two-week deadline for Putin to meet"
        " Zelenskyy to September 30.",
    ),
    "later.md": (  # made after the day of the page: in no record on that day
        "2025-10-06",
        "President Donald Trump said on Monday that he would meet Xi Jinping in two weeks.",
    ),
}
AS_OF = "2025-09-10"
LABELS = {
    "Made": "made",
    "Kept": "kept",
    "Broken": "broken",
    "Lapsed": "lapsed",
    "Open": "open",
    "Pending": "pending",
    "Withdrawn": "withdrawn",
    "Revisions": "revisions",
    "Median days late": "median_days_late",
}


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def written(folder: Path) -> list[str]:
    paths = []
    for name, (published, text) in DOCUMENTS.items():
        path = folder / name
        path.write_text(f"---\npublished: {published}\n---\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store.db"
    monkeypatch.setenv("COMMITMENTS_DB", str(path))
    run("add", *written(tmp_path))
    return path


def shown_record(html: str, speaker: str) -> dict[str, str]:
    """The figures of ``speaker``'s record on the page, by the `record` JSON's names."""
    found = re.search(rf'id="speaker-{speaker}".*?<dl class="record"[^>]*>(.*?)</dl>', html, re.S)
    assert found is not None, f"no record of {speaker} on the page"
    pairs = re.findall(r"<dt>(.*?)</dt> <dd>(.*?)</dd>", found.group(1))
    return {LABELS[label]: value for label, value in pairs}


def tracker_record(speaker: str) -> dict[str, str]:
    """The `record` command's figures for ``speaker``, as the page prints them."""
    out = json.loads(run("record", speaker, "--as-of", AS_OF, "--format", "json").stdout)
    (figures,) = out["speakers"]
    return {
        name: f"{value:g}" if isinstance(value, float) else str(value)
        for name, value in figures.items()
        if name in LABELS.values() and value is not None
        if name != "withdrawn" or value  # the page lists withdrawn ones when there are some
    }


def test_report_shows_the_tracker_record(db: Path) -> None:
    html = run("report", "--db", str(db), "--as-of", AS_OF, "--html", "-").stdout
    shown = shown_record(html, "donald-trump")
    assert shown == tracker_record("Donald Trump")
    assert (shown["made"], shown["revisions"]) == ("1", "1")  # the later one is not made yet


def test_the_served_page_shows_the_tracker_record(db: Path) -> None:
    with serving(db, "--quiet") as url:
        with urllib.request.urlopen(f"{url}/status?as-of={AS_OF}", timeout=10) as response:
            html = response.read().decode("utf-8")
    assert shown_record(html, "donald-trump") == tracker_record("Donald Trump")


def test_report_on_files_counts_the_statuses(tmp_path: Path) -> None:
    html = run("report", *written(tmp_path), "--as-of", AS_OF, "--html", "-").stdout
    shown = shown_record(html, "donald-trump")
    assert "revisions" not in shown  # nothing tracked: no follow-ups to count
    items = html.count('data-speaker="donald-trump"')
    assert items >= 2 and shown["made"] == str(items)  # the later one counted too
