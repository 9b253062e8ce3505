"""Two processes adding to one store at once lose nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from commitments.tracker import Store

WORKER = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from commitments.records import Commitment, Document, Kind, Source, Window
    from commitments.tracker import Tracker

    db, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])

    def extract(doc):
        day = doc.published
        return [
            Commitment(
                speaker=f"{doc.name} speaker {n}",
                action=f"{doc.name} action {n}",
                kind=Kind.PROMISE,
                text=doc.text,
                expression=None,
                issued=Window(day, day),
                due=Window(day, day + dt.timedelta(days=n)),
                source=Source(document=doc.name, start=n, end=n + 1),
            )
            for n in range(3)
        ]

    while not go.exists():  # start together
        time.sleep(0.005)
    now = dt.datetime(2025, 9, 3, tzinfo=dt.UTC)
    for i in range(count):
        with Tracker(db, extractor=extract) as tracker:  # a new connection each time
            doc = Document(text=f"{name} {i}", name=f"{name}-{i}.md",
                           published=dt.date(2025, 9, 3))
            result = tracker.add(doc, now=now)
            assert len(result.created) == 3, result
    """
)


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"  # created by the workers themselves, at the same moment
    go = tmp_path / "go"
    count = 25
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db), name, str(count), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    time.sleep(0.5)  # let both import and wait
    go.touch()
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
    with Store(db) as store:
        entries = store.entries()
        assert store.document_count() == 2 * count
    assert len(entries) == 2 * count * 3
    names = {m.source.document for e in entries for m in e.mentions}
    assert names == {f"{side}-{i}.md" for side in ("left", "right") for i in range(count)}
