"""A later document that says a commitment was withdrawn: `status` and `record` agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cli.main import main

SET = """---
published: 2025-08-22
---
President Donald Trump said on Friday that he had given the Kremlin leader a two-week deadline
to meet Zelenskyy.
"""
WITHDRAWN = """---
published: 2025-08-29
---
On Friday President Donald Trump {verb} the two-week deadline for Putin to meet Zelenskyy.
"""


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store.db"
    monkeypatch.setenv("COMMITMENTS_DB", str(path))
    return path


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("verb", ["withdrew", "dropped"])
@pytest.mark.parametrize("as_of", ["2025-08-30", "2025-09-20"], ids=["before due", "after due"])
def test_a_stated_withdrawal_is_the_status(db: Path, tmp_path: Path, verb: str, as_of: str) -> None:
    (tmp_path / "set.md").write_text(SET, encoding="utf-8")
    (tmp_path / "withdrawn.md").write_text(WITHDRAWN.format(verb=verb), encoding="utf-8")
    run("add", str(tmp_path / "set.md"), str(tmp_path / "withdrawn.md"))
    status = json.loads(run("status", "--as-of", as_of, "--format", "json").stdout)
    (item,) = status["commitments"]
    assert (item["stated"], item["status"]) == ("withdrawn", "withdrawn")
    only = json.loads(
        run("status", "--as-of", as_of, "--status", "withdrawn", "--format", "json").stdout
    )
    assert [c["id"] for c in only["commitments"]] == [item["id"]]
    record = json.loads(run("record", "--as-of", as_of, "--format", "json").stdout)
    (trump,) = record["speakers"]
    assert (trump["made"], trump["withdrawn"], trump["pending"], trump["lapsed"]) == (1, 1, 0, 0)
