"""The commands for following a story: record, speakers, status --suggested, resolve accept,
show's timeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cli.main import main

SEED = Path(__file__).parent.parent / "seeds" / "putin-zelenskyy-moscow.md"

AUGUST = """---
title: "Trump sets a deadline"
published: 2025-08-22
---
President Donald Trump said on Friday that he had given the Kremlin leader a two-week deadline to
meet Zelenskyy.
"""
AUGUST_TWO = """---
title: "Trump sets two deadlines"
published: 2025-08-22
---
President Donald Trump said on Friday that he would decide in two weeks whether to impose
sanctions on Russia.

Trump set a two-week deadline for the Kremlin leader to meet Zelenskyy.
"""
TWO_WEEKS_PASSED = """---
title: "It passed"
published: 2025-09-06
---
Donald Trump's two-week deadline passed on Friday.
"""
EXTENDED = """---
title: "Trump extends it"
published: 2025-09-08
---
On Monday President Donald Trump extended the two-week deadline for Putin to meet Zelenskyy to
September 30.
"""


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store.db"
    monkeypatch.setenv("COMMITMENTS_DB", str(path))
    monkeypatch.setenv("NO_COLOR", "1")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def deadline_id(name: str = "meet Zelenskyy") -> str:
    result = run("status", "--format", "json", "--as-of", "2025-09-10")
    assert result.exit_code == 0, result.output
    (item,) = [
        i
        for i in json.loads(result.stdout)["commitments"]
        if i["kind"] == "deadline" and name in i["action"]
    ]
    return str(item["id"])


def test_show_prints_the_timeline_and_json_has_revisions(db: Path, tmp_path: Path) -> None:
    for name, text in (("aug.md", AUGUST), ("ext.md", EXTENDED)):
        assert run("add", write(tmp_path, name, text)).exit_code == 0
    assert run("add", str(SEED)).exit_code == 0
    ident = deadline_id()
    result = run("show", ident, "--as-of", "2025-09-10")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    timeline = result.stdout.split("Timeline", 1)[1].split("History", 1)[0]
    lines = [line.split() for line in timeline.splitlines() if line[:4] == "  20"]
    assert [(words[0], words[1]) for words in lines] == [
        ("2025-08-22", "made"),
        ("2025-09-03", "expired"),
        ("2025-09-08", "revised"),
    ]
    assert "due 2025-09-30" in timeline
    out = json.loads(run("show", ident, "--format", "json", "--as-of", "2025-09-10").stdout)
    assert [r["window"] for r in out["revisions"]] == [
        {"earliest": "2025-09-30", "latest": "2025-09-30"}
    ]
    assert out["revisions"][0]["document"].endswith("ext.md")
    assert out["due"] == {"earliest": "2025-09-30", "latest": "2025-09-30"}
    assert out["status"] == "pending"
    assert [f["kind"] for f in out["followups"]] == ["outcome", "revision"]
    # the contract is extended, not broken: every key of `extract --format json` is there
    for key in ("id", "speaker", "action", "kind", "text", "due", "status", "source"):
        assert key in out


def test_status_suggested_lists_links_and_resolve_accepts_one(db: Path, tmp_path: Path) -> None:
    assert run("add", write(tmp_path, "two.md", AUGUST_TWO)).exit_code == 0
    assert run("add", write(tmp_path, "passed.md", TWO_WEEKS_PASSED)).exit_code == 0
    result = run("status", "--suggested")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 follow-up links to confirm:")
    rows = json.loads(run("status", "--suggested", "--format", "json").stdout)
    assert len(rows) == 2 and {r["claim"]["status"] for r in rows} == {"expired"}
    target = next(r for r in rows if r["commitment"] == deadline_id())
    accepted = run("resolve", target["id"], "accept")
    assert accepted.exit_code == 0, accepted.output
    assert accepted.stdout.startswith("Linked: ")
    assert run("status", "--suggested").stdout == "No follow-up links to confirm.\n"
    missing = run("resolve", "abcdef", "accept")
    assert missing.exit_code == 1
    assert "status --suggested" in missing.stderr


def test_record_as_table_json_and_csv(db: Path, tmp_path: Path) -> None:
    assert run("add", write(tmp_path, "aug.md", AUGUST)).exit_code == 0
    assert run("add", str(SEED)).exit_code == 0
    table = run("record", "--as-of", "2025-09-10")
    assert table.exit_code == 0, table.output
    assert table.stdout.startswith("Track record as of 2025-09-10\n")
    data = json.loads(run("record", "Trump", "--as-of", "2025-09-10", "--format", "json").stdout)
    assert data["as_of"] == "2025-09-10"
    (trump,) = data["speakers"]
    assert trump["speaker"] == "Donald Trump"
    assert trump["made"] == trump["lapsed"] + trump["open"] + trump["pending"] + trump["kept"]
    assert trump["lapsed"] >= 2  # the two-week deadline and the call "very shortly"
    rows = list(csv.DictReader(io.StringIO(run("record", "--format", "csv").stdout)))
    assert {row["speaker"] for row in rows} == {"Donald Trump", "Putin"}
    assert list(rows[0])[:3] == ["speaker", "made", "kept"]
    empty = run("record", "Nobody", "--as-of", "2025-09-10")
    assert empty.stdout == "No commitments by these speakers yet.\n"


def test_speakers_merge_and_split_round_trip(db: Path, tmp_path: Path) -> None:
    assert run("add", str(SEED)).exit_code == 0
    before = run("speakers").stdout
    assert "Donald Trump" in before and "Putin" in before
    merged = run("speakers", "merge", "Vladimir Putin", "Putin")
    assert merged.exit_code == 0, merged.output
    listing = run("speakers").stdout
    assert "Vladimir Putin  2 commitments  (also: Putin)" in listing
    record = json.loads(run("record", "--format", "json", "--as-of", "2025-09-10").stdout)
    assert "Vladimir Putin" in {s["speaker"] for s in record["speakers"]}
    statuses = json.loads(run("status", "--format", "json", "--as-of", "2025-09-10").stdout)[
        "commitments"
    ]
    assert {i["speaker"] for i in statuses} == {"Donald Trump", "Vladimir Putin"}
    split = run("speakers", "split", "Vladimir Putin", "Putin")
    assert split.exit_code == 0, split.output
    assert run("speakers").stdout == before
    statuses = json.loads(run("status", "--format", "json", "--as-of", "2025-09-10").stdout)[
        "commitments"
    ]
    assert {i["speaker"] for i in statuses} == {"Donald Trump", "Putin"}
    wrong = run("speakers", "split", "Vladimir Putin", "Putin")
    assert wrong.exit_code == 1 and "not merged" in wrong.stderr


def test_speakers_alias_table_up_front(db: Path, tmp_path: Path) -> None:
    table = write(tmp_path, "aliases.toml", '[aliases]\n"Vladimir Putin" = ["Putin"]\n')
    assert run("speakers", "--aliases", table).exit_code == 0
    assert run("add", str(SEED)).exit_code == 0
    assert "Vladimir Putin  2 commitments" in run("speakers").stdout
    bad = write(tmp_path, "bad.toml", "aliases = 3\n")
    result = run("speakers", "--aliases", bad)
    assert result.exit_code == 1 and "[aliases]" in result.stderr
