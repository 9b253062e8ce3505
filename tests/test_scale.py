"""The Dask recipe: a partitioned archive extracted on a local cluster, then added to a store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main

distributed = pytest.importorskip("distributed")

SEED = Path(__file__).parent.parent / "seeds" / "putin-zelenskyy-moscow.md"
PARAGRAPHS = [p for p in SEED.read_text("utf-8").split("\n\n") if p.strip() and p[0] != "-"]


def _partition(path: Path, first: int, count: int) -> Path:
    lines = [
        json.dumps({"id": f"a{n}", "published": "2025-09-03",
                    "text": "\n\n".join(PARAGRAPHS[n % len(PARAGRAPHS) :][:3])})
        for n in range(first, first + count)
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_local_cluster_extracts_what_add_would_track(tmp_path: Path) -> None:
    from commitments.scale import extract_archive

    parts = [_partition(tmp_path / f"part-{i}.jsonl", 6 * i, 6) for i in range(3)]
    with (tmp_path / "part-2.jsonl").open("a", encoding="utf-8") as last:
        last.write("not json\n")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                 dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        written = extract_archive(parts, tmp_path / "out")
    assert [Path(p).name for p in written] == ["part-0.jsonl", "part-1.jsonl", "part-2.jsonl"]
    runner = CliRunner()
    ingested = runner.invoke(
        main, ["add", "--extracted", *written, "--db", str(tmp_path / "dask.db")]
    )
    direct = runner.invoke(main, ["add", *map(str, parts), "--db", str(tmp_path / "direct.db")])
    assert ingested.exit_code == direct.exit_code == 1  # the bad line, reported by both
    assert ingested.stderr == direct.stderr
    assert ingested.stdout == direct.stdout
    assert ingested.stdout.count(" found, ") == 18
    reports = [
        runner.invoke(main, ["status", "--format", "json", "--as-of", "2025-09-10", "--db",
                             str(tmp_path / db)]).stdout
        for db in ("dask.db", "direct.db")
    ]
    assert reports[0] == reports[1]
