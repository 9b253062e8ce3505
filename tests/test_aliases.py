"""Names: completed from the same document only, or from the user's alias table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main
from commitments import AliasTable, InputError, extract, extract_document, read_path
from commitments.records import Document, Turn

DAY = dt.date(2025, 9, 3)
TABLE = """\
[aliases]
"Donald Trump" = ["Trump", "President Trump", "the US president"]
"Volodymyr Zelensky" = ["Zelenskyy", "Zelensky", "Volodymyr Zelenskyy"]
"""


@pytest.fixture
def table_file(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.toml"
    path.write_text(TABLE, "utf-8")
    return path


@pytest.fixture
def table(table_file: Path) -> AliasTable:
    return AliasTable.load(table_file)


def speakers(text: str, aliases: AliasTable | None = None) -> list[str | None]:
    return [c.speaker for c in extract(text, published=DAY, aliases=aliases)]


# -- no list of famous people ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        (
            "Councillor Harris said she will publish the budget by Friday.",
            {"Councillor Harris", "Harris"},
        ),
        ("Coach Vance said he will name the squad by Friday.", {"Vance"}),
        ("Trump said he would give Putin 10 days to reach a deal.", {"Trump"}),
    ],
    ids=["councillor-harris", "coach-vance", "surname-only"],
)
def test_a_surname_alone_stays_a_surname(text: str, allowed: set[str]) -> None:
    found = speakers(text)
    assert found
    assert set(found) <= allowed


def test_a_surname_is_completed_from_the_same_document() -> None:
    text = (
        "Council leader Tom Harris opened the session. "
        "Later, Harris said he will publish the budget by Friday."
    )
    assert speakers(text) == ["Tom Harris"]


def test_the_seed_article_keeps_donald_trump() -> None:
    """It names "President Donald Trump" once, then "Trump"."""
    path = Path(__file__).resolve().parent.parent / "seeds" / "putin-zelenskyy-moscow.md"
    (document,) = read_path(path)
    found = extract_document(document)
    dated = [c for c in found if c.due is not None]
    assert len(dated) == 3
    assert {c.speaker for c in dated} == {"Donald Trump"}


# -- the alias table -------------------------------------------------------------------------


def test_two_spellings_map_to_one_canonical_name(table: AliasTable) -> None:
    text = (
        "Zelenskyy said he will visit Kharkiv by Friday. "
        "Later, Zelensky said he would sign the decree next week."
    )
    assert speakers(text, table) == ["Volodymyr Zelensky", "Volodymyr Zelensky"]


@pytest.mark.parametrize(
    ("text", "plain", "aliased"),
    [
        ("ZELENSKYY said he will visit Kyiv by Friday.", "ZELENSKYY", "Volodymyr Zelensky"),
        ("President Trump said he will impose tariffs by Friday.", "Trump", "Donald Trump"),
        ("Ivanka Trump said she will launch the fund by Friday.", "Ivanka Trump", "Ivanka Trump"),
    ],
    ids=["any-case", "title-stripped", "whole-name-only"],
)
def test_an_alias_is_a_whole_name_in_any_case(
    table: AliasTable, text: str, plain: str, aliased: str
) -> None:
    assert speakers(text) == [plain]
    assert speakers(text, table) == [aliased]


def test_a_chat_speaker_is_mapped_too(table: AliasTable) -> None:
    text = "I will sign the decree by Friday."
    turn = Turn(start=0, end=len(text), speaker="Zelensky")
    document = Document(text=text, name="chat", published=DAY, turns=(turn,))
    assert [c.speaker for c in extract_document(document, aliases=table)] == ["Volodymyr Zelensky"]


def test_the_table_reads_names_in_any_case_and_spacing() -> None:
    table = AliasTable.from_mapping({"Donald Trump": ["the  US president"]})
    assert table.canonical("The US President") == "Donald Trump"
    assert table.canonical("donald trump") == "Donald Trump"
    assert table.canonical("Melania Trump") == "Melania Trump"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[aliases\n", "not valid TOML"),
        ('"Donald Trump" = ["Trump"]\n', r"no \[aliases\] table"),
        ('[aliases]\n"Donald Trump" = "Trump"\n', "a list of strings"),
        ('[aliases]\n"Donald Trump" = ["Trump", 3]\n', "a list of strings"),
        ('[aliases]\n"Donald Trump" = ["Trump"]\n"Ivanka Trump" = ["trump"]\n', "both"),
        ('[aliases]\n"Donald Trump" = [" "]\n', "empty alias"),
        (b"\xff\xfe[aliases]", "not UTF-8"),
    ],
    ids=["toml", "no-table", "not-a-list", "not-strings", "two-owners", "empty", "binary"],
)
def test_a_bad_table_says_what_is_wrong(tmp_path: Path, content: str | bytes, message: str) -> None:
    path = tmp_path / "aliases.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    with pytest.raises(InputError, match=message) as info:
        AliasTable.load(path)
    assert info.value.source == str(path)


def test_a_missing_table_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the alias table"):
        AliasTable.load(tmp_path / "nothing.toml")


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("Zelenskyy said he will visit Kharkiv by Friday.\n", "utf-8")
    return path


def test_extract_takes_an_alias_table(article: Path, table_file: Path) -> None:
    args = ["extract", str(article), "--published", "2025-09-03", "--format", "jsonl"]
    plain = CliRunner().invoke(main, args)
    aliased = CliRunner().invoke(main, [*args, "--aliases", str(table_file)])
    assert plain.exit_code == 0 and aliased.exit_code == 0, plain.output + aliased.output
    assert '"speaker": "Zelenskyy"' in plain.stdout
    assert '"speaker": "Volodymyr Zelensky"' in aliased.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_add_takes_an_alias_table(
    tmp_path: Path, article: Path, table_file: Path, jobs: str
) -> None:
    db = tmp_path / "store.db"
    added = CliRunner().invoke(
        main,
        ["add", str(article), "--published", "2025-09-03", "--db", str(db), "--aliases",
         str(table_file), "--jobs", jobs],
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    status = CliRunner().invoke(
        main, ["status", "--db", str(db), "--as-of", "2025-09-03", "--format", "json"]
    )
    assert status.exit_code == 0, status.output
    assert "Volodymyr Zelensky" in status.stdout
    assert '"Zelenskyy"' not in status.stdout


@pytest.mark.parametrize("command", ["extract", "add"])
def test_a_bad_table_is_a_one_line_error(tmp_path: Path, article: Path, command: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[aliases\n", "utf-8")
    args = [command, str(article), "--published", "2025-09-03", "--aliases", str(bad)]
    if command == "add":
        args += ["--db", str(tmp_path / "store.db")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {bad}: the alias table is not valid TOML")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_missing_table_is_a_usage_error(tmp_path: Path, article: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(article), "--aliases", str(tmp_path / "nothing.toml")]
    )
    assert result.exit_code == 2
    assert "--aliases" in result.stderr
