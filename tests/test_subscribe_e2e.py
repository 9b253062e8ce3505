"""A real subscriber: vdirsyncer syncs ``commitments serve``'s feed, khal shows it on its dates.

vdirsyncer's ``http`` storage is how it subscribes to a read-only webcal feed: it downloads the
calendar, splits it into items and syncs them into a ``filesystem`` vdir, which khal reads. After
``commitments resolve`` a re-sync must show the change. Everything runs on 127.0.0.1 with its own
config and data folders under tmp_path.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from ical_helpers import seed_store
from serve_helpers import BIN, local_env, serving

from commitments.outputs.entries import summary
from commitments.records import Tracked
from commitments.tracker import Tracker

AS_OF = "2025-09-03"


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return path


class Subscriber:
    """vdirsyncer + khal with their own config, data and status folders."""

    def __init__(self, root: Path, feed: str) -> None:
        self.root = root
        self.vdir = root / "calendars" / "commitments"
        self.vdir.mkdir(parents=True)  # made beforehand, or vdirsyncer asks whether to create it
        config = root / "config"
        (config / "vdirsyncer").mkdir(parents=True)
        (config / "khal").mkdir(parents=True)
        (config / "vdirsyncer" / "config").write_text(
            "[general]\n"
            f'status_path = "{root / "status"}/"\n'
            "\n[pair commitments]\n"
            'a = "feed"\nb = "local"\ncollections = null\nconflict_resolution = "a wins"\n'
            '\n[storage feed]\ntype = "http"\n'
            f'url = "{feed}"\n'
            '\n[storage local]\ntype = "filesystem"\n'
            f'path = "{self.vdir}/"\nfileext = ".ics"\n',
            encoding="utf-8",
        )
        (config / "khal" / "config").write_text(
            "[calendars]\n[[commitments]]\n"
            f"path = {self.vdir}/\nreadonly = True\n"
            f"[sqlite]\npath = {root / 'khal.db'}\n"
            "[locale]\nlocal_timezone = UTC\ndefault_timezone = UTC\n"
            "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
            "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n",
            encoding="utf-8",
        )
        self.env = local_env(
            HOME=str(root),
            XDG_CONFIG_HOME=str(config),
            XDG_DATA_HOME=str(root / "data"),
            LANG="C.UTF-8",
            LC_ALL="C.UTF-8",
        )

    def run(self, *args: str) -> str:
        done = subprocess.run(
            list(args),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, f"{args}: {done.returncode}\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def sync(self) -> None:
        vdirsyncer = _tool("vdirsyncer")
        self.run(vdirsyncer, "discover")
        self.run(vdirsyncer, "sync")

    def agenda(self) -> set[tuple[str, str, str]]:
        """khal's events between July and December 2025: (first day, last day, title)."""
        out = self.run(
            _tool("khal"),
            "list",
            "--once",
            "--format",
            "{start-date}|{end-date}|{title}",
            "--day-format",
            "",
            "2025-07-01",
            "2025-12-31",
        )
        rows = {tuple(line.split("|", 2)) for line in out.splitlines() if line.strip()}
        return rows  # type: ignore[return-value]


def expected(records: list[Tracked]) -> set[tuple[str, str, str]]:
    day = dt.date.fromisoformat(AS_OF)
    return {
        (
            r.commitment.due.earliest.isoformat(),
            r.commitment.due.latest.isoformat(),
            summary(r, day),
        )
        for r in records
        if r.commitment.due is not None
    }


def stored(db: Path) -> list[Tracked]:
    with Tracker(db) as tracker:
        return [entry.tracked for entry in tracker.entries()]


@pytest.mark.slow
def test_vdirsyncer_and_khal_subscribe_and_see_a_resolution(tmp_path: Path) -> None:
    db = seed_store(tmp_path / "store.db")
    with serving(db, "--quiet", "--events", "window") as url:
        subscriber = Subscriber(tmp_path / "client", f"{url}/calendar.ics?as-of={AS_OF}")
        subscriber.sync()
        agenda = subscriber.agenda()
        assert agenda == expected(stored(db))
        # The seed's expired two-week deadline, on its window, as khal shows it.
        deadline = [row for row in agenda if row[:2] == ("2025-08-01", "2025-09-03")]
        assert len(deadline) == 1 and deadline[0][2].startswith("[Expired] Donald Trump: ")
        pending = [row for row in agenda if not row[2].startswith("[")]
        assert pending, agenda

        first, last, title = sorted(pending)[0]
        (record,) = [r for r in stored(db) if summary(r, dt.date(2025, 9, 3)) == title]
        subprocess.run(
            [
                str(BIN / "commitments"),
                "resolve",
                record.id[:8],
                "kept",
                "--on",
                "2025-09-05",
                "--db",
                str(db),
            ],
            check=True,
            capture_output=True,
            env=local_env(),
        )
        subscriber.sync()
        after = subscriber.agenda()
        assert (first, last, f"[Kept] {title}") in after
        assert (first, last, title) not in after
        assert after == expected(stored(db))
