"""Batch work from the command line: --jobs, streaming formats, records, progress, start-up."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cli.main import main
from cli.progress import Progress

SEED = Path(__file__).parent.parent / "seeds" / "putin-zelenskyy-moscow.md"
PARAGRAPHS = [p for p in SEED.read_text("utf-8").split("\n\n") if p.strip() and p[0] != "-"]


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Twenty articles cut from the seed, a bad line among them."""
    lines = [
        json.dumps({"id": f"a{n}", "published": f"2025-09-0{1 + n % 7}",
                    "text": "\n\n".join(PARAGRAPHS[n % len(PARAGRAPHS) :][:3])})
        for n in range(20)
    ]
    lines.insert(5, "{oops")
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table", "records"])
def test_extract_with_two_jobs_prints_what_one_job_prints(archive: Path, fmt: str) -> None:
    one = run("extract", str(archive), "--as-of", "2025-09-10", "--format", fmt)
    two = run("extract", str(archive), "--as-of", "2025-09-10", "--format", fmt, "--jobs", "2")
    assert one.exit_code == two.exit_code == 1  # the bad line
    assert one.stdout == two.stdout
    assert one.stdout.strip()
    assert one.stderr == two.stderr == f"Error: {archive}:6: is not valid JSON (Expecting property"\
        " name enclosed in double quotes at column 2)\n"


def test_jobs_must_be_a_positive_number(archive: Path) -> None:
    result = run("extract", str(archive), "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_records_added_give_the_store_that_adding_the_archive_gives(
    archive: Path, tmp_path: Path
) -> None:
    records = run("extract", str(archive), "--format", "records", "--jobs", "2")
    assert records.exit_code == 1
    out = tmp_path / "records.jsonl"
    out.write_text(records.stdout, "utf-8")
    direct = run("add", str(archive), "--db", str(tmp_path / "direct.db"))
    ingested = run("add", "--extracted", str(out), "--db", str(tmp_path / "ingested.db"))
    assert direct.exit_code == 1 and ingested.exit_code == 0
    assert ingested.stdout == direct.stdout  # same documents, same counts, same order
    reports = [
        run("status", "--format", "json", "--as-of", "2025-09-10", "--db", str(tmp_path / db))
        for db in ("direct.db", "ingested.db")
    ]
    assert reports[0].stdout == reports[1].stdout
    assert len(json.loads(reports[0].stdout)["commitments"]) > 10


def test_add_with_two_jobs_tracks_what_one_job_tracks(archive: Path, tmp_path: Path) -> None:
    one = run("add", str(archive), "--db", str(tmp_path / "one.db"))
    two = run("add", str(archive), "--jobs", "2", "--db", str(tmp_path / "two.db"))
    assert (one.exit_code, one.stdout, one.stderr) == (two.exit_code, two.stdout, two.stderr)
    again = run("add", str(archive), "--jobs", "2", "--db", str(tmp_path / "two.db"))
    assert again.stdout.count("already added, nothing changed") == 20


def test_add_extracted_reports_a_bad_record_and_goes_on(tmp_path: Path) -> None:
    records = run("extract", str(SEED), "--format", "records")
    path = tmp_path / "records.jsonl"
    path.write_text("{}\n" + records.stdout, "utf-8")
    result = run("add", "--extracted", str(path), "--db", str(tmp_path / "s.db"))
    direct = run("add", str(SEED), "--db", str(tmp_path / "direct.db"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:1: is not a record of extracted commitments")
    assert result.stdout == direct.stdout
    assert " commitments found, " in result.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_and_cleared() -> None:
    stream = _Terminal()
    with Progress(stream, interval=0) as progress:
        progress.update(3)
        progress.update(2)
    text = stream.getvalue()
    assert "\r2 documents, 5 commitments" in text
    assert text.endswith("\r")


def test_progress_is_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with Progress(stream, interval=0) as progress:
        progress.update(3)
    assert stream.getvalue() == ""


def test_help_imports_none_of_the_heavy_libraries() -> None:
    """`commitments --help` must start at once: no dateparser, icalendar, sqlite3, … on import."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from cli.main import main\n"
        "result = CliRunner().invoke(main, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "heavy = ['dateparser', 'icalendar', 'sqlite3', 'feedparser', 'webvtt', 'dask',\n"
        "         'commitments.extraction', 'commitments.timex.grammar']\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_every_command_is_listed_with_its_own_help_line() -> None:
    """The help lines registered in cli/main.py are the commands' own."""
    for name, (_, short_help) in main.lazy_commands.items():
        command = main.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None
        assert command.get_short_help_str(200) == short_help, name
