"""Where ``export --ics`` writes, and how it fails (issue 16, items 19 and 25).

A symlink was replaced by a regular file (its target never updated); as root a device node or a
FIFO was replaced; a killed export left its temporary file; ``--jobs`` had no cap; standard
output on a full disk gave a traceback.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from ical_helpers import seed_store

from cli.main import main
from cli.options import max_jobs
from commitments.errors import OutputError
from commitments.outputs.atomic import write_atomic

BIN = Path(sys.executable).parent


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed_store(tmp_path / "store.db")


def export(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--as-of", "2025-09-03", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


def test_a_symlink_is_written_through_and_stays_a_link(db: Path, tmp_path: Path) -> None:
    real = tmp_path / "public" / "calendar.ics"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    code, said = export(db, "--ics", str(link))
    assert code == 0, said
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in real.parent.iterdir()) == ["calendar.ics"]


def test_a_dangling_symlink_creates_its_target(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.ics"
    link.symlink_to(tmp_path / "new.ics")
    assert export(db, "--ics", str(link))[0] == 0
    assert link.is_symlink() and (tmp_path / "new.ics").read_bytes().startswith(b"BEGIN:")


def test_a_fifo_is_refused_and_left_a_fifo(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    code, said = export(db, "--ics", str(fifo))
    assert code == 1
    assert said.count("\n") == 1 and "a FIFO (named pipe), not a regular file" in said
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_link_to_a_device_is_refused_and_the_device_untouched(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "null.ics"
    link.symlink_to("/dev/null")
    before = os.stat("/dev/null")
    code, said = export(db, "--ics", str(link))
    assert code == 1 and "a character device, not a regular file" in said
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
    assert link.is_symlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a device node")
def test_a_device_node_is_refused_as_root(db: Path, tmp_path: Path) -> None:
    node = tmp_path / "dev.ics"
    os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # /dev/null's numbers
    assert export(db, "--ics", str(node))[0] == 1
    assert stat.S_ISCHR(node.lstat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a folder"):
        write_atomic(tmp_path, b"x")


# -- temporary files -------------------------------------------------------------------------------


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_a_temporary_file_of_a_killed_writer_is_removed_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    stale = tmp_path / f".calendar.ics.{_dead_pid()}.abcd1234.tmp"
    stale.write_bytes(b"half")
    ours = tmp_path / f".calendar.ics.{os.getpid()}.efgh5678.tmp"
    ours.write_bytes(b"in progress")  # a live writer's (here, this process's): kept
    other = tmp_path / ".other.ics.1.x.tmp"
    other.write_bytes(b"not ours")
    write_atomic(target, b"new")
    assert not stale.exists()
    assert ours.exists() and other.exists()
    assert target.read_bytes() == b"new"


def test_sigterm_during_export_removes_the_temporary_file(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    target.write_bytes(b"old")
    slow = tmp_path / "sitecustomize.py"  # make the write block until the signal comes
    slow.write_text(
        "import os, time\n"
        "real = os.fsync\n"
        "def fsync(fd):\n"
        "    open(os.environ['READY'], 'w').close()\n"
        "    time.sleep(30)\n"
        "    real(fd)\n"
        "os.fsync = fsync\n"
    )
    ready = tmp_path / "ready"
    env = dict(os.environ, PYTHONPATH=str(tmp_path), READY=str(ready))
    process = subprocess.Popen(
        [str(BIN / "commitments"), "export", "--db", str(db), "--ics", str(target)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    for _ in range(600):
        if ready.exists() or process.poll() is not None:
            break
        time.sleep(0.05)
    assert ready.exists()
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert b"Traceback" not in stderr
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []



# -- --jobs and standard output -----------------------------------------------------------------


def test_jobs_is_capped_with_a_note(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parent.parent / "seeds" / "putin-zelenskyy-moscow.md"
    wanted = max_jobs() + 1000
    result = CliRunner().invoke(main, ["extract", str(seed), "--jobs", str(wanted),
                                       "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert f"--jobs {wanted} is more than this machine uses; taking {max_jobs()}" in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [["export"], ["status", "--as-of", "2025-09-03"], ["status", "--format", "json"]],
    ids=["export", "status", "status-json"],
)
def test_stdout_on_a_full_disk_is_one_line(db: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run([str(BIN / "commitments"), *args, "--db", str(db)],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == "Error: cannot write to standard output: No space left on device\n"
