"""Golden files: every seed with a ``seeds/NAME.expected.json`` gives exactly that output.

Regenerate after an intended change with ``COMMITMENTS_REGEN=1 make test`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLDEN = sorted(SEEDS.glob("*.expected.json"))


def _source(golden: Path) -> Path:
    stem = golden.name.removesuffix(".expected.json")
    (source,) = [p for p in SEEDS.iterdir() if p.stem == stem and p != golden]
    return source


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.name for g in GOLDEN])
def test_seed_matches_its_golden_file(golden: Path) -> None:
    expected = json.loads(golden.read_text("utf-8"))
    source = _source(golden)
    result = CliRunner().invoke(
        main, ["extract", str(source.relative_to(SEEDS.parent)), "--as-of", expected["as_of"],
               "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    actual = json.loads(result.stdout)
    if os.environ.get("COMMITMENTS_REGEN"):
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert actual == expected


def test_the_seed_article_has_a_golden_file() -> None:
    assert SEEDS / "putin-zelenskyy-moscow.expected.json" in GOLDEN
