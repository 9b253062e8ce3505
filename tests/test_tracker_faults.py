"""The store under faults: read-only, locked, damaged, full, and killed in the middle of `add`.

Each fault gives one clear line and exit status 1, never a traceback, and leaves the store as it
was (or, for a kill, as it was after the last whole document).

Permissions: the suite may run as root (CI does), to whom no file is read-only. There the
commands run in a subprocess whose capability to override file permissions was dropped first.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from tracker_helpers import NOW, document, extractor, make

from cli.main import main
from commitments.errors import StoreError
from commitments.extraction import extract_document
from commitments.readers import read_path
from commitments.tracker import Tracker
from commitments.tracker import store as store_module
from commitments.tracker.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLE = SEEDS / "putin-zelenskyy-moscow.md"
OTHER = SEEDS / "action-items.md"
CLI = [sys.executable, "-c", "import sys; from cli.main import main; sys.exit(main())"]

_PR_CAPBSET_DROP = 24
_DAC_CAPS = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _drop_permission_override() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _DAC_CAPS:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _can_drop() -> bool:
    done = subprocess.run(["true"], preexec_fn=_drop_permission_override, check=False)
    return done.returncode == 0


def cli(*args: str, preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a subprocess, as a user to whom file permissions apply."""
    if preexec is None and os.geteuid() == 0:
        if not sys.platform.startswith("linux") or not _can_drop():
            pytest.skip("running as root without a way to drop CAP_DAC_OVERRIDE")
        preexec = _drop_permission_override
    return subprocess.run([*CLI, *args], capture_output=True, text=True, preexec_fn=preexec,
                          timeout=120, check=False, cwd=ROOT)


def one_error(done: subprocess.CompletedProcess[str] | object, fragment: str) -> None:
    stderr = getattr(done, "stderr", "")
    assert getattr(done, "returncode", getattr(done, "exit_code", None)) == 1, stderr
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, stderr
    assert fragment in errors[0], errors[0]


def add_seed(db: Path, *files: Path) -> None:
    result = CliRunner().invoke(main, ["add", *map(str, files or (ARTICLE,)), "--db", str(db)])
    assert result.exit_code == 0, result.output


def counts(db: Path) -> tuple[int, int, int]:
    with contextlib.closing(sqlite3.connect(db)) as con:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "commitments", "mentions")
        )


def healthy(db: Path) -> None:
    with contextlib.closing(sqlite3.connect(db)) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.fixture
def store_in(tmp_path: Path) -> Iterator[Path]:
    """A folder with a store holding the seed article; permissions restored afterwards."""
    folder = tmp_path / "shared"
    folder.mkdir()
    add_seed(folder / "store.db")
    yield folder / "store.db"
    os.chmod(folder, 0o755)
    for path in folder.iterdir():
        os.chmod(path, 0o644)


# -- read-only -----------------------------------------------------------------------------------


def test_a_read_only_store_can_be_read_but_not_written(store_in: Path) -> None:
    before = store_in.read_bytes()
    os.chmod(store_in, 0o444)
    listed = cli("status", "--db", str(store_in), "--as-of", "2025-09-03")
    assert listed.returncode == 0, listed.stderr
    assert "Donald Trump" in listed.stdout
    added = cli("add", str(OTHER), "--db", str(store_in))
    one_error(added, "store.db: cannot be written (the file is read-only): nothing was changed")
    assert store_in.read_bytes() == before


def test_a_store_in_a_read_only_folder_can_be_read_but_not_written(store_in: Path) -> None:
    for leftover in store_in.parent.glob("store.db-*"):  # a clean close leaves no WAL files
        leftover.unlink()
    os.chmod(store_in, 0o444)
    os.chmod(store_in.parent, 0o555)
    listed = cli("status", "--db", str(store_in), "--as-of", "2025-09-03")
    assert listed.returncode == 0, listed.stderr
    assert "Donald Trump" in listed.stdout
    os.chmod(store_in, 0o644)  # the file may be written, its folder not
    added = cli("add", str(OTHER), "--db", str(store_in))
    one_error(added, "cannot be written (its folder")
    new = cli("add", str(OTHER), "--db", str(store_in.parent / "new.db"))
    one_error(new, "new.db: cannot be created: the folder")


# -- locked ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def write_lock(db: Path) -> Iterator[sqlite3.Connection]:
    """Another process's write transaction, held until the block ends."""
    con = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE commitments SET sequence = sequence")
    try:
        yield con
    finally:
        con.execute("ROLLBACK")
        con.close()


def test_a_locked_store_is_waited_for_then_refused(
    store_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "TIMEOUT", 0.3)
    before = counts(store_in)
    with write_lock(store_in):
        # SQLite answers "busy" only once its timeout (TIMEOUT) has run out: the message says so.
        added = CliRunner().invoke(main, ["add", str(OTHER), "--db", str(store_in)])
        listed = CliRunner().invoke(main, ["status", "--db", str(store_in), "--as-of",
                                           "2025-09-03"])
    one_error(added, "store.db: is busy: another process has kept it locked for over 0.3 s;"
                     " nothing was changed")
    assert listed.exit_code == 0 and "Donald Trump" in listed.stdout  # readers are not blocked
    assert counts(store_in) == before


def test_a_lock_released_in_time_is_waited_for(
    store_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "TIMEOUT", 20.0)
    locked, released = threading.Event(), threading.Event()

    def hold() -> None:
        with write_lock(store_in):
            locked.set()
            time.sleep(0.5)
            released.set()

    holder = threading.Thread(target=hold)
    holder.start()
    locked.wait()
    added = CliRunner().invoke(main, ["add", str(OTHER), "--db", str(store_in)])
    assert released.is_set()  # the add ended after the lock was let go: it waited for it
    holder.join()
    assert added.exit_code == 0, added.output
    assert "action-items.md" in added.stdout


# -- damaged ---------------------------------------------------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(40_000))


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 123])


def _torn_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for at in range(page, len(data), page):  # every page but the first: headers, cells, all
        data[at : at + 64] = random.Random(at).randbytes(64)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_random_bytes, _truncated, _torn_page],
                         ids=["random bytes", "truncated", "torn pages"])
def test_a_damaged_store_is_refused_and_left_as_it_is(
    store_in: Path, damage: Callable[[Path], None]
) -> None:
    with contextlib.closing(sqlite3.connect(store_in)) as con:  # fold the WAL in first
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(store_in)
    before = store_in.read_bytes()
    for args in (["status", "--as-of", "2025-09-03"], ["add", str(OTHER)], ["export"]):
        result = CliRunner().invoke(main, [*args, "--db", str(store_in)])
        one_error(result, "is not a commitments database or is damaged")
    assert store_in.read_bytes() == before


# -- full ------------------------------------------------------------------------------------------


def test_a_full_store_keeps_nothing_of_the_document_it_could_not_finish(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    found = {"big.md": [make(f"action number {i} " + "x" * 300, speaker=f"Person {i}",
                             document="big.md", start=i * 50) for i in range(60)]}
    with Tracker(Store(db), extractor=extractor(found)) as tracker:
        tracker.add(document("small.md"), now=NOW)
        pages = tracker.store._db.execute("PRAGMA page_count").fetchone()[0]
        tracker.store._db.execute(f"PRAGMA max_page_count = {pages + 3}")  # room for little
        with pytest.raises(StoreError, match="the disk or the database is full; nothing was"):
            tracker.add(document("big.md"), now=NOW)
    healthy(db)
    assert counts(db)[0] == 1  # only small.md: big.md left no document, commitment or mention
    with Tracker(db, extractor=extractor(found)) as tracker:
        assert tracker.add(document("big.md"), now=NOW).created  # room again: it goes in whole


def _file_limit(size: int) -> Callable[[], None]:
    """A preexec function: no file can grow past ``size`` bytes, as on a full disk."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def _big_article(folder: Path) -> Path:
    big = folder / "big.md"
    big.write_text("---\npublished: 2025-09-03\n---\n" + "\n\n".join(
        f"Minister Ana Ruiz{i} said she will resign by Friday and cut tax {i} within two weeks."
        for i in range(120)))
    return big


def test_a_full_disk_fails_add_cleanly(store_in: Path, tmp_path: Path) -> None:
    big = _big_article(tmp_path)
    before = counts(store_in)
    added = cli("add", str(big), "--db", str(store_in), preexec=_file_limit(60_000))
    one_error(added, "store.db: cannot be written or read (disk I/O error); nothing was changed")
    healthy(store_in)
    assert counts(store_in) == before


def test_a_full_disk_leaves_the_old_calendar_file(store_in: Path, tmp_path: Path) -> None:
    add_seed(store_in, _big_article(tmp_path))  # a calendar of some 70 KB
    ics = tmp_path / "out" / "feed.ics"
    ics.parent.mkdir()
    ics.write_bytes(b"the old calendar")
    exported = cli("export", "--db", str(store_in), "--ics", str(ics), "--as-of", "2025-09-03",
                   preexec=_file_limit(50_000))  # the store is read; the calendar cannot fit
    one_error(exported, "cannot write")
    assert ics.read_bytes() == b"the old calendar"
    assert [p.name for p in ics.parent.iterdir()] == ["feed.ics"]  # no temporary left


# -- killed ----------------------------------------------------------------------------------------


def _documents(db: Path) -> list[tuple[str, str]]:
    try:
        with contextlib.closing(sqlite3.connect(db, timeout=5)) as con:
            return con.execute("SELECT digest, name FROM documents").fetchall()
    except sqlite3.Error:  # not made yet
        return []


@pytest.mark.slow
def test_killing_add_midway_leaves_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    total = 150
    for i in range(total):
        (folder / f"d{i:03}.md").write_text(
            f"---\npublished: 2025-09-03\n---\nMinister Ana Ruiz{i} said she will resign by"
            f" Friday. The council said it will vote on item {i} next week, and the mayor"
            f" Bo Lind{i} pledged to reply within {i % 9 + 2} days.\n"
        )
    db = tmp_path / "store.db"
    process = subprocess.Popen([*CLI, "add", str(folder), "--db", str(db)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_documents(db)) < 5 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    present = _documents(db)
    assert 5 <= len(present) < total, "the kill came too late to test anything"

    healthy(db)
    with contextlib.closing(sqlite3.connect(db)) as con:
        for digest, name in present:
            stored = sorted(con.execute(
                "SELECT mention_id, source_start FROM mentions WHERE document = ?", (digest,)
            ).fetchall())
            [doc] = read_path(name)
            expected = sorted({(c.id, c.source.start) for c in extract_document(doc)})
            assert stored == expected, name

    again = CliRunner().invoke(main, ["add", str(folder), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert len(_documents(db)) == total
    assert again.stdout.count("already added, nothing changed") == len(present)
    healthy(db)


def test_a_failure_inside_add_rolls_the_document_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "store.db"
    found = {"a.md": [make("one", start=0), make("two", speaker="Ann Lee", start=60),
                      make("three", speaker="Bo Lind", start=120)]}
    saved = 0
    original = Store.save

    def save_then_fail(self: Store, entry: object) -> None:
        nonlocal saved
        if saved == 2:
            raise KeyboardInterrupt  # as if interrupted after two of three commitments
        saved += 1
        original(self, entry)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "save", save_then_fail)
    with Tracker(db, extractor=extractor(found)) as tracker, pytest.raises(KeyboardInterrupt):
        tracker.add(document("a.md"), now=NOW)
    monkeypatch.undo()
    healthy(db)
    assert counts(db) == (0, 0, 0)
    with Tracker(db, extractor=extractor(found)) as tracker:
        assert len(tracker.add(document("a.md"), now=NOW).created) == 3
