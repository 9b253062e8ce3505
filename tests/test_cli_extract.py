"""``commitments extract``: formats, dates, and errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_json_contract(runner: CliRunner, seed_article: Path) -> None:
    result = runner.invoke(main, ["extract", str(seed_article), "--as-of", "2025-09-03",
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["as_of"] == "2025-09-03"
    assert out["commitments"]
    for c in out["commitments"]:
        assert {"id", "speaker", "action", "kind", "text", "expression", "issued", "due",
                "status", "source"} <= set(c)
        assert c["status"] in {"pending", "expired", "kept", "broken", "open"}
        assert set(c["issued"]) == {"earliest", "latest"}
        assert c["due"] is None or set(c["due"]) == {"earliest", "latest"}
        assert set(c["source"]) >= {"document", "start", "end"}
    statuses = {(c["expression"], c["status"]) for c in out["commitments"]}
    assert ("two-week deadline", "expired") in statuses
    assert ("in the coming days", "pending") in statuses


def test_source_span_points_into_the_file(runner: CliRunner, seed_article: Path) -> None:
    result = runner.invoke(main, ["extract", str(seed_article), "--format", "jsonl",
                                  "--as-of", "2025-09-03"])
    raw = seed_article.read_text("utf-8")
    for line in result.stdout.splitlines():
        c = json.loads(line)
        span = raw[c["source"]["start"] : c["source"]["end"]]
        assert " ".join(span.split()) == c["text"]


def test_table_fits_80_columns_and_is_sorted(runner: CliRunner, seed_article: Path) -> None:
    result = runner.invoke(
        main, ["extract", str(seed_article), "--as-of", "2025-09-11"], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    dated = [line[:10] for line in lines[2:] if line[:4].isdigit()]
    assert dated == sorted(dated) and len(dated) >= 2
    assert "expired" in result.stdout


def test_published_from_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The regulator said it would issue final rules in the coming months.\n")
    result = runner.invoke(main, ["extract", str(path), "--published", "2025-01-15",
                                  "--as-of", "2025-02-01", "--format", "json"])
    (c,) = json.loads(result.stdout)["commitments"]
    assert c["due"] == {"earliest": "2025-02-14", "latest": "2025-07-14"}
    assert c["speaker"] == "the regulator"


def test_no_publication_date_uses_today_with_a_notice(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The union said it would strike next week.\n")
    result = runner.invoke(main, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert "no publication date" in result.stderr
    assert json.loads(result.stdout)["commitments"]


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "-", "--published", "2025-09-03", "--format", "json"],
                           input="The airline said it would refund customers within 14 days.\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["commitments"][0]["speaker"] == "the airline"


def test_missing_file_is_one_line_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(tmp_path / "nope.txt"), "--published", "2025-09-03"])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_undecodable_bytes_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\xfa not text \x80\x81")
    result = runner.invoke(main, ["extract", str(path), "--published", "2025-09-03"])
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("option", ["--published", "--as-of"])
def test_bad_date_is_a_usage_error(runner: CliRunner, seed_article: Path, option: str) -> None:
    result = runner.invoke(main, ["extract", str(seed_article), option, "yesterday-ish"])
    assert result.exit_code == 2
    assert "yesterday-ish" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_bad_time_zone_is_a_usage_error(runner: CliRunner, seed_article: Path) -> None:
    result = runner.invoke(main, ["extract", str(seed_article), "--tz", "Mars/Olympus"])
    assert result.exit_code == 2
    assert "Mars/Olympus" in result.stderr


def test_vague_table_override(runner: CliRunner, tmp_path: Path) -> None:
    table = tmp_path / "vague.toml"
    table.write_text('[phrases]\n"soon" = [0, 30]\n"in due course" = [30, 90]\n')
    path = tmp_path / "a.txt"
    path.write_text("The board said it would decide soon and would report in due course.\n")
    result = runner.invoke(main, ["extract", str(path), "--published", "2025-09-03", "--vague",
                                  str(table), "--format", "json"])
    assert result.exit_code == 0, result.output
    dues = sorted(c["due"]["latest"] for c in json.loads(result.stdout)["commitments"] if c["due"])
    assert dues == ["2025-10-03", "2025-12-02"]


def test_bad_vague_table_is_a_clear_error(runner: CliRunner, tmp_path: Path, seed_article) -> None:
    table = tmp_path / "vague.toml"
    table.write_text('[phrases]\n"soon" = [5, 1]\n')
    result = runner.invoke(main, ["extract", str(seed_article), "--vague", str(table)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error:") and "soon" in result.stderr


def test_every_command_has_help_and_is_in_the_readme(runner: CliRunner) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    for name, command in main.commands.items():
        assert command.help, name
        assert f"commitments {name}" in readme, name
