"""Issue 13 items 9 and 10: one option vocabulary across the commands, and output that fits an
80-column terminal. Walks every command's options rather than listing them, so a new command
or option is checked too."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli._tracker import AlarmType, DurationType, GroupsType
from cli.main import main
from cli.options import DateParam
from commitments.outputs.entries import FILTERS, parse_statuses
from commitments.tracker import Group
from commitments.tracker.report import DUE_SOON, parse_groups

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FORMATS = {"table", "json", "jsonl", "csv", "records"}
"""Every --format value any command takes: each means the same wherever it is offered."""


def commands() -> dict[str, click.Command]:
    found = {}
    for name in main.list_commands(click.Context(main)):
        command = main.get_command(click.Context(main), name)
        assert command is not None
        found[name] = command
    return found


def options(command: click.Command) -> dict[str, click.Option]:
    return {
        name: param
        for param in command.params
        if isinstance(param, click.Option)
        for name in param.opts
    }


ALL = commands()


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_option_speaks_the_shared_vocabulary(name: str) -> None:
    opts = options(ALL[name])
    for option in set(opts.values()):
        assert option.help, f"{name} {option.opts}: no help"
    if "--status" in opts:
        assert isinstance(opts["--status"].type, GroupsType) and opts["--status"].multiple
    if "--format" in opts:
        fmt = opts["--format"].type
        assert isinstance(fmt, click.Choice) and set(fmt.choices) <= FORMATS, fmt
    if "--output" in opts or "-o" in opts:
        assert opts.get("-o") is opts.get("--output"), "-o and --output are one option"
    if "--published" in opts:  # the command reads documents: it reads them alike
        assert {"--tz", "--input-format", "--vague"} <= set(opts), name
    for date in ("--as-of", "--on", "--since", "--published"):
        if date in opts:
            assert isinstance(opts[date].type, DateParam), (name, date)
    for duration in ("--due-within", "--alarm"):
        if duration in opts:
            assert isinstance(opts[duration].type, DurationType | AlarmType)
    if "--db" in opts:
        assert opts["--db"].envvar == "COMMITMENTS_DB"


def test_the_vocabulary_is_offered_where_the_issue_found_it_missing() -> None:
    assert "due-soon" in FILTERS
    assert {g.value for g in Group} == set(FILTERS)  # the feeds' filters are status's groups
    assert {g.value for g in parse_groups(",".join(FILTERS))} == set(parse_statuses(FILTERS))
    assert dt.timedelta(days=7) == DUE_SOON
    assert "-o" in options(ALL["export"])
    for name in ("extract", "add", "status", "export"):
        assert "--vague" in options(ALL[name]), name
    assert set(options(ALL["show"])["--format"].type.choices) == {"table", "json"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", ["3", " 12 "])
def test_a_duration_without_a_unit_is_refused(value: str) -> None:
    result = CliRunner().invoke(main, ["status", "--due-within", value])
    assert result.exit_code == 2
    assert "has no unit" in result.stderr


def test_status_json_has_the_shape_of_extract_json(tmp_path: Path) -> None:
    seed = str(SEEDS / "putin-zelenskyy-moscow.md")
    runner = CliRunner()
    extracted = json.loads(runner.invoke(main, ["extract", seed, "--format", "json"]).stdout)
    status = json.loads(runner.invoke(main, ["status", seed, "--format", "json"]).stdout)
    assert list(status) == list(extracted) == ["as_of", "commitments"]
    assert set(extracted["commitments"][0]) <= set(status["commitments"][0])


# --- 80 columns ---------------------------------------------------------------------------


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("putin-zelenskyy-moscow.md", "meeting-transcript.vtt", "action-items.md"):
        shutil.copy(SEEDS / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COMMITMENTS_DB", str(tmp_path / "c.db"))
    monkeypatch.setenv("COLUMNS", "80")
    return tmp_path


def _fits(text: str, width: int = 80) -> None:
    long = [line for line in text.splitlines() if len(line) > width]
    assert not long, long


def test_every_command_output_fits_80_columns(workdir: Path) -> None:
    runner = CliRunner()
    files = ["putin-zelenskyy-moscow.md", "meeting-transcript.vtt", "action-items.md"]
    outputs = [runner.invoke(main, ["--help"])]
    outputs += [runner.invoke(main, [name, "--help"]) for name in ALL]
    outputs.append(runner.invoke(main, ["extract", *files, "--as-of", "2025-09-11"]))
    outputs.append(runner.invoke(main, ["add", *files]))
    outputs.append(runner.invoke(main, ["status", "--as-of", "2025-09-05"]))
    listed = json.loads(runner.invoke(main, ["status", "--format", "json"]).stdout)
    first = listed["commitments"][0]["id"]
    outputs.append(runner.invoke(main, ["show", first]))
    outputs.append(runner.invoke(main, ["resolve", first, "kept", "--note", "done " * 30]))
    outputs.append(runner.invoke(main, ["show", first]))
    for result in outputs:
        assert result.exit_code == 0, result.output
        _fits(result.stdout)
        _fits(result.stderr)
    export = runner.invoke(main, ["export", "--as-of", "2025-09-05"])
    assert all(len(line.encode()) <= 75 for line in export.stdout.splitlines())


def test_top_level_help_lines_are_whole(workdir: Path) -> None:
    """Issue 13 item 10: `commitments --help` cut every description with "..."."""
    result = CliRunner().invoke(main, ["--help"])
    listed = result.stdout.split("Commands:", 1)[1]
    assert "..." not in listed
    flat = " ".join(listed.split())  # (a line too long for 80 columns wraps; it is never cut)
    for name, (_, line) in main.lazy_commands.items():
        assert f"{name} {line}" in flat


def test_add_closes_with_a_total(workdir: Path) -> None:
    result = CliRunner().invoke(
        main, ["add", "putin-zelenskyy-moscow.md", "./putin-zelenskyy-moscow.md", "missing.md"]
    )
    assert result.exit_code == 1
    total = result.stderr.splitlines()[-1]
    assert total.startswith("Total: 2 documents: ")
    assert "1 already added" in total and "1 failed" in total


def test_a_chat_with_dated_timestamps_is_published_on_its_first_date(workdir: Path) -> None:
    chat = workdir / "chat.txt"
    chat.write_text(
        "[2025-09-03 10:02] Sam: I will push the fix tomorrow.\n"
        "[2025-09-04 09:00] Jo Park: I will review it by Friday.\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["extract", "chat.txt", "--format", "json"])
    assert "no publication date" not in result.stderr
    found = json.loads(result.stdout)["commitments"]
    assert found[0]["issued"] == {"earliest": "2025-09-03", "latest": "2025-09-03"}
