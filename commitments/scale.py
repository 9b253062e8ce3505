"""Scale-out: extraction over a partitioned JSON Lines archive on a Dask cluster.

::

    from distributed import Client, LocalCluster
    from commitments.scale import extract_archive

    with LocalCluster(n_workers=4) as cluster, Client(cluster):
        extract_archive(["archive/part-0.jsonl", "archive/part-1.jsonl"], "extracted/")

    # then, on one machine, into the one SQLite store:
    #   commitments add --extracted extracted/*.jsonl

Each archive file is one partition of a :mod:`dask.bag`, read line by line by one task; each of
its documents becomes one line of ``extracted/part-N.jsonl``: the document and its commitments as
:func:`commitments.readers.extracted.to_record` writes them (a line that could not be read becomes a
``{"failure": …}`` line, which ``add --extracted`` reports). Extraction runs wherever Dask puts
the tasks; only ``add`` touches the store.

Dask is an optional dependency (``pip install 'commitments[scale]'``); this module imports it
only when :func:`extract_archive` runs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["extract_archive"]


def extract_archive(
    archives: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    published: dt.date | None = None,
    undated: dt.date | None = None,
    tz: str | None = None,
    vague: Mapping[str, tuple[int, int]] | None = None,
) -> list[str]:
    """Extract every document of the JSON Lines ``archives`` with Dask; the files written.

    Runs on the current Dask client if there is one (a ``distributed`` cluster), else on Dask's
    default scheduler. ``published``, ``undated``, ``tz`` and ``vague`` mean what they mean for
    :func:`commitments.batch.extract_many`.
    """
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError("the Dask recipe needs Dask: pip install 'commitments[scale]'") from exc
    paths = [os.fspath(path) for path in archives]
    os.makedirs(out_dir, exist_ok=True)
    # one partition per file; Dask has no type hints
    lines = db.read_text(paths, blocksize=None, include_path=True)  # type: ignore[no-untyped-call]
    records = lines.map_partitions(
        _partition_records,
        published=published,
        undated=undated,
        tz=tz,
        vague=dict(vague) if vague is not None else None,
    )
    written: list[str] = records.to_textfiles(
        os.path.join(os.fspath(out_dir), "part-*.jsonl"), encoding="utf-8", last_endline=True
    )
    return written


def _partition_records(
    pairs: Iterable[tuple[str, str]],
    *,
    published: dt.date | None,
    undated: dt.date | None,
    tz: str | None,
    vague: Mapping[str, tuple[int, int]] | None,
) -> list[str]:
    """One archive file's lines (with its path) → one JSON record line per document."""
    from commitments.batch import extract_many
    from commitments.readers.extracted import to_record
    from commitments.readers.jsonl import read_jsonl

    pairs = list(pairs)
    name = _local(pairs[0][1]) if pairs else "-"
    documents = read_jsonl((line for line, _ in pairs), name=name)
    out: list[str] = []
    for result in extract_many(documents, published=published, undated=undated, tz=tz, vague=vague):
        record: dict[str, Any]
        if result.failure is not None:
            failure = result.failure
            record = {
                "failure": {
                    "source": failure.source,
                    "line": failure.line,
                    "message": failure.message,
                }
            }
        else:
            assert result.document is not None
            record = to_record(result.document, result.commitments)
        out.append(json.dumps(record, ensure_ascii=False))
    return out


def _local(path: str) -> str:
    return path.removeprefix("file://")
