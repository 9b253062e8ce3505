"""--published, --tz and --input-format work the same on every command that reads inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main

CHAT = "Sam: I'll push the fix tonight.\nAna: I'll write the release notes by Monday.\n"


@pytest.fixture
def chat(tmp_path: Path) -> Path:
    path = tmp_path / "standup.log"  # an extension the readers do not know
    path.write_text(CHAT)
    return path


def test_extract_with_input_format_and_published(chat: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(chat), "--input-format", "chat",
                                       "--published", "2025-04-16", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = {(c["speaker"], c["due"]["latest"]) for c in json.loads(result.stdout)["commitments"]}
    assert found == {("Sam", "2025-04-16"), ("Ana", "2025-04-21")}


def test_status_from_files_honours_the_input_options(chat: Path) -> None:
    result = CliRunner().invoke(main, ["status", str(chat), "--input-format", "chat",
                                       "--published", "2025-04-16", "--as-of", "2025-04-18",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    statuses = {c["speaker"]: c["status"] for c in json.loads(result.stdout)["commitments"]}
    assert statuses == {"Sam": "expired", "Ana": "pending"}


def test_add_honours_the_input_options(chat: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    runner = CliRunner()
    added = runner.invoke(main, ["add", str(chat), "--input-format", "chat", "--published",
                                 "2025-04-16", "--db", str(db)])
    assert added.exit_code == 0, added.output
    assert "2 commitments found" in added.stdout
    report = runner.invoke(main, ["status", "--db", str(db), "--as-of", "2025-04-18",
                                  "--format", "json"])
    found = json.loads(report.stdout)["commitments"]
    assert {c["due"]["latest"] for c in found} == {"2025-04-16", "2025-04-21"}


def test_export_honours_the_input_options(chat: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(chat), "--input-format", "chat",
                                       "--published", "2025-04-16", "--as-of", "2025-04-16"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20250416" in result.stdout


@pytest.mark.parametrize("command", ["extract", "add", "status", "export"])
def test_a_bad_input_format_is_a_usage_error(chat: Path, command: str) -> None:
    result = CliRunner().invoke(main, [command, str(chat), "--input-format", "pdf"])
    assert result.exit_code == 2
    assert "pdf" in result.stderr
