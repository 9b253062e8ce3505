"""Write a file so that a reader never sees half of it.

The new bytes go to a temporary file beside the target (``.NAME.PID.XXXX.tmp``), which is then
renamed over it. A symbolic link is written through: the file it points to is replaced and the
link stays a link. Anything but a regular file (a device, a FIFO, a socket, a folder) is refused
and left as it is. A temporary file is removed when the write fails or is interrupted; one left
by a process that was killed outright (SIGKILL, a power cut) is removed by the next write.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from commitments.errors import OutputError

__all__ = ["write_atomic"]

_KINDS = {
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process (EPERM): alive
        return True
    return True


def _sweep(folder: Path, name: str) -> None:
    """Remove temporary files of ``name`` left by processes that no longer run."""
    prefix = f".{name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            pid = entry.name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it.

    A subscriber (or a web server) reading ``path`` sees the old file or the new one, never a
    mix. The new file keeps the old one's permissions, else gets the usual ones (0666 less umask).
    A symbolic link is followed (its target is replaced); a path that is not a regular file
    (a device, a FIFO, a folder) raises :class:`OutputError` and is left untouched.
    """
    shown = Path(path)
    target = Path(os.path.realpath(shown))  # write through a symbolic link, keep the link
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {shown}: folder {folder} does not exist; create it first")
    try:
        status = target.stat()
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror}") from exc
    else:
        if not stat.S_ISREG(status.st_mode):
            kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
            via = f" (through the link to {target})" if target != shown.absolute() else ""
            raise OutputError(
                f"cannot write {shown}{via}: it is {kind}, not a regular file; it was left"
                " as it is: give a file path (or - for standard output)"
            )
        mode = stat.S_IMODE(status.st_mode)
    _sweep(folder, target.name)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
        )
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror}") from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"cannot write {shown}: {exc.strerror}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
