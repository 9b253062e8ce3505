"""The tracker commands: add, status, show, resolve."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cli.main import main
from commitments import extract_document, read_path
from commitments.tracker import Tracker
from commitments.tracker.schema import SCHEMA_VERSION

SEED = Path(__file__).parent.parent / "seeds" / "putin-zelenskyy-moscow.md"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store.db"
    monkeypatch.setenv("COMMITMENTS_DB", str(path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return path


def run(*args: str, input: str | None = None, color: bool = False) -> Result:
    return CliRunner().invoke(main, list(args), input=input, color=color)


def status_json(*args: str) -> list[dict]:
    result = run("status", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert list(out) == ["as_of", "commitments"]  # the shape of `extract --format json`
    return out["commitments"]


def seeded() -> dict[str, dict]:
    """Add the seed; the deadline and the call, by kind, as of 2025-09-03."""
    assert run("add", str(SEED)).exit_code == 0
    found = status_json("--as-of", "2025-09-03", "--status", "expired,pending")
    return {item["kind"]: item for item in found}


def _seed_mentions() -> int:
    """How many commitments extraction finds in the seed (one is a restatement)."""
    return len(extract_document(next(read_path(SEED))))


def test_adding_the_seed_twice_adds_nothing(db: Path) -> None:
    found = _seed_mentions()
    first = run("add", str(SEED))
    assert first.exit_code == 0
    assert re.fullmatch(
        rf"{re.escape(str(SEED))}: {found} commitments found, {found - 1} new, 0 updated\n",
        first.stdout,
    )
    count = len(status_json())
    second = run("add", str(SEED))
    assert second.exit_code == 0
    assert second.stdout == f"{SEED}: already added, nothing changed\n"
    assert len(status_json()) == count == found - 1


def test_two_documents_reporting_one_commitment(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "reprint.md"
    copy.write_text(SEED.read_text("utf-8"), "utf-8")
    assert run("add", str(SEED)).exit_code == 0
    result = run("add", str(copy))
    found = _seed_mentions()
    assert result.stdout == f"{copy}: {found} commitments found, 0 new, {found - 1} updated\n"
    items = status_json("--as-of", "2025-09-03")
    assert len(items) == found - 1
    deadline = next(i for i in items if i["kind"] == "deadline")
    assert [m["source"]["document"] for m in deadline["mentions"]] == [str(SEED), str(copy)]


def test_the_seed_as_of_its_publication_day(db: Path) -> None:
    found = seeded()
    assert set(found) == {"deadline", "promise"}
    deadline, call = found["deadline"], found["promise"]
    assert (deadline["status"], deadline["due"]) == (
        "expired",
        {"earliest": "2025-08-01", "latest": "2025-09-03"},
    )
    assert (call["speaker"], call["status"], call["due"]) == (
        "Donald Trump",
        "pending",
        {"earliest": "2025-09-03", "latest": "2025-09-06"},
    )
    assert [m["expression"] for m in call["mentions"]] == ["very shortly", "in the coming days"]
    assert call["resolution"] is None

    table = run("status", "--as-of", "2025-09-03")
    assert table.exit_code == 0
    assert table.stdout.startswith(
        f"{_seed_mentions() - 1} commitments as of 2025-09-03: 1 expired, 1 due soon, 0 pending"
    )
    lines = table.stdout.splitlines()
    expired = lines.index("Expired (1)")
    assert lines[expired + 1].startswith(f"  {deadline['id'][:8]}  2025-08-01…2025-09-03")
    soon = lines.index("Due soon (1)")
    assert lines[soon + 1].startswith(f"  {call['id'][:8]}  2025-09-03…2025-09-06")
    assert "2 mentions, due in 3 days" in " ".join(lines[soon + 1 : soon + 3])
    assert not ANSI.search(table.stdout)


def test_the_seed_a_week_later_and_after_resolving(db: Path) -> None:
    found = seeded()
    later = {
        i["id"]: i["status"] for i in status_json("--as-of", "2025-09-11", "--status", "expired")
    }
    assert later == {found["deadline"]["id"]: "expired", found["promise"]["id"]: "expired"}

    call = found["promise"]["id"]
    result = run(
        "resolve",
        call[:6],
        "kept",
        "--on",
        "2025-09-05",
        "--note",
        "they spoke",
        "--evidence",
        "https://example.org/call",
    )
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == f"{call[:8]}  kept on 2025-09-05: Donald Trump: communicating with Putin\n"
    )
    after = {i["id"]: i for i in status_json("--as-of", "2025-09-11")}
    assert after[call]["status"] == "kept"
    assert after[call]["resolution"]["note"] == "they spoke"
    assert after[found["deadline"]["id"]]["status"] == "expired"
    table = run("status", "--as-of", "2025-09-11", "--status", "kept").stdout
    assert "Kept (1)" in table and "kept on 2025-09-05" in table


def test_show_lists_every_mention_and_the_history(db: Path) -> None:
    call = seeded()["promise"]["id"]
    run("resolve", call[:8], "broken", "--on", "2025-09-12", "--note", "no call")
    run("resolve", call[:8], "open", "--on", "2025-09-13")
    result = run("show", call[:5], "--as-of", "2025-09-11")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"{call}  expired as of 2025-09-11\n")
    assert '  due        2025-09-03…2025-09-06  ("very shortly")' in out
    assert "Mentions (2)" in out
    flat = " ".join(out.split())  # (lines wrap at the terminal's width, after the file's path)
    assert '"very shortly" → 2025-09-03…2025-09-06' in flat
    assert '"in the coming days" → 2025-09-04…2025-09-10' in flat
    assert "But I will be speaking to him in the coming days" in flat
    assert "History (2)" in out
    assert "2025-09-12  broken · no call" in out
    assert "2025-09-13  open" in out
    assert "(sequence 2)" in out

    as_json = json.loads(run("show", call, "--format", "json", "--as-of", "2025-09-11").stdout)
    assert [h["status"] for h in as_json["history"]] == ["broken", "open"]
    assert as_json["status"] == "expired"
    assert as_json["sequence"] == 2
    assert len(as_json["mentions"]) == 2


def test_csv_reads_back(db: Path) -> None:
    seeded()
    result = run("status", "--as-of", "2025-09-03", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == _seed_mentions() - 1
    assert [r["status"] for r in rows[:2]] == ["expired", "pending"]
    assert rows[1]["mentions"] == "2"
    assert rows[0]["text"].startswith("However, President Donald Trump informed reporters")


def test_jsonl_is_one_object_a_line(db: Path) -> None:
    seeded()
    lines = run("status", "--as-of", "2025-09-03", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [
        i["id"] for i in status_json("--as-of", "2025-09-03")
    ]


def test_status_from_files_does_not_touch_the_store(db: Path) -> None:
    result = run(
        "status", str(SEED), "--as-of", "2025-09-11", "--status", "expired", "--format", "json"
    )
    assert result.exit_code == 0
    assert [i["status"] for i in json.loads(result.stdout)["commitments"]] == ["expired", "expired"]
    assert not db.exists()


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("expired", 1), ("broken", 0), ("pending", 1), ("due-soon", 1), ("kept,withdrawn", 0)],
    ids=str,
)
def test_fail_on(db: Path, fail_on: str, code: int) -> None:
    seeded()
    result = run("status", "--as-of", "2025-09-03", "--fail-on", fail_on, "--format", "jsonl")
    assert result.exit_code == code
    assert len(result.stdout.splitlines()) == _seed_mentions() - 1
    if code:
        assert "(--fail-on)" in result.stderr
    else:
        assert result.stderr == ""


def test_filters_on_the_command_line(db: Path) -> None:
    seeded()
    putin = status_json("--as-of", "2025-09-03", "--speaker", "Putin")
    assert {i["speaker"] for i in putin} == {"Putin"}
    soon = status_json("--as-of", "2025-09-03", "--due-within", "3d")
    assert [i["kind"] for i in soon] == ["promise"]
    assert status_json("--as-of", "2025-09-03", "--due-within", "2d") == []
    assert (
        status_json("--since", "2025-09-03", "--as-of", "2025-09-03", "--status", "expired") == []
    )
    table = run("status", "--as-of", "2025-09-03", "--speaker", "Nobody").stdout
    assert table == "No commitments match, as of 2025-09-03.\n"


def test_colour_only_when_asked_and_never_with_no_color(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded()
    coloured = run("status", "--as-of", "2025-09-03", color=True)
    assert ANSI.search(coloured.stdout)
    assert ANSI.sub("", coloured.stdout) == run("status", "--as-of", "2025-09-03").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(run("status", "--as-of", "2025-09-03", color=True).stdout)
    assert not ANSI.search(run("show", seeded()["promise"]["id"], color=True).stdout)


def test_an_empty_store(db: Path) -> None:
    Tracker(db).close()
    result = run("status")
    assert result.exit_code == 0
    assert result.stdout == "No commitments in the store: add some with `commitments add FILE`.\n"


def test_add_from_stdin_and_a_missing_file(db: Path, tmp_path: Path) -> None:
    text = "---\npublished: 2025-09-03\n---\nDonald Trump said he will call Putin tomorrow.\n"
    result = run("add", str(tmp_path / "missing.md"), "-", input=text)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'missing.md'}: ")
    assert result.stdout.startswith("-: ")
    assert len(status_json("--as-of", "2025-09-03")) >= 1


def test_add_a_document_without_a_date(db: Path, tmp_path: Path) -> None:
    undated = tmp_path / "undated.md"
    undated.write_text("Donald Trump said he will call Putin tomorrow.\n", "utf-8")
    result = run("add", str(undated))
    assert result.exit_code == 0
    assert "has no publication date" in result.stderr


def _newer(path: Path) -> None:
    Tracker(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (
            lambda p: p.write_text("not a database, just notes\n" * 50),
            "is not a commitments database or is damaged",
        ),
        (_newer, "was written by a newer version of commitments"),
    ],
    ids=["corrupt", "newer"],
)
@pytest.mark.parametrize(
    "command", [["status"], ["add", str(SEED)], ["resolve", "abcd", "kept"]], ids=str
)
def test_a_store_that_cannot_be_used(
    tmp_path: Path, prepare, message: str, command: list[str]
) -> None:
    path = tmp_path / "bad.db"
    prepare(path)
    before = path.read_bytes()
    result = run(*command, "--db", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: ")
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["status", "--as-of", "3 Sept"], 2, "is not a date"),
        (["status", "--status", "late"], 2, "unknown status 'late'"),
        (["status", "--due-within", "soon"], 2, "is not a duration"),
        (["status", "--format", "xml"], 2, "xml"),
        (["resolve", "abcd", "done"], 2, "'done' is not one of"),
        (["resolve", "abcd", "kept"], 1, "no commitment has an id starting with 'abcd'"),
        (["show", "ab"], 1, "too short"),
        (["add"], 2, "Missing argument"),
    ],
    ids=[
        "as-of",
        "status",
        "due-within",
        "format",
        "resolution",
        "unknown-id",
        "short-id",
        "add-nothing",
    ],
)
def test_mistakes(db: Path, args: list[str], code: int, message: str) -> None:
    Tracker(db).close()
    result = run(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "command",
    [["status"], ["show", "abcd"], ["resolve", "abcd", "kept"], ["export"], ["serve"]],
    ids=" ".join,
)
def test_a_missing_store_is_refused_not_created(tmp_path: Path, command: list[str]) -> None:
    """Issue 13 item 8: `status --db typo.db` silently made an empty store there."""
    path = tmp_path / "typo.db"
    result = run(*command, "--db", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: no commitment store here; track some first" \
        " (commitments add FILE) or give --db\n"
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_the_default_store_is_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COMMITMENTS_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("sys.platform", "linux")
    assert run("add", str(SEED)).exit_code == 0
    assert (tmp_path / "data" / "commitments" / "commitments.db").is_file()


@pytest.mark.parametrize("command", ["add", "status", "show", "resolve"])
def test_every_tracker_command_has_help_and_a_readme_section(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert f"commitments {command}" in readme


def test_add_a_folder(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, when in (("a.md", "tomorrow"), ("b.md", "by Friday")):
        (folder / name).write_text(
            f"---\npublished: 2025-09-03\n---\nMayor Rui Carvalho said she will reopen the"
            f" library {when}.\n",
            "utf-8",
        )
    result = run("add", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{folder / 'a.md'}: 1 commitment found, 1 new, 0 updated",
        f"{folder / 'b.md'}: 1 commitment found, 0 new, 1 updated",
    ]
    (item,) = status_json("--as-of", "2025-09-03")
    assert item["due"] == {"earliest": "2025-09-04", "latest": "2025-09-04"}
    assert len(item["mentions"]) == 2
