"""Where the store lives when nobody says: the user's data folder."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["default_db_path"]

FILENAME = "commitments.db"


def default_db_path(environ: Mapping[str, str], *, platform: str = sys.platform) -> Path:
    """The store: ``$COMMITMENTS_DB``, else ``commitments/commitments.db`` in the data folder.

    The data folder is ``$XDG_DATA_HOME`` (default ``~/.local/share``) on Linux and other Unix
    systems, ``~/Library/Application Support`` on macOS and ``%LOCALAPPDATA%`` on Windows.
    ``environ`` is passed in (``os.environ`` from the CLI) so that nothing here reads the machine.
    """
    if environ.get("COMMITMENTS_DB"):
        return Path(environ["COMMITMENTS_DB"]).expanduser()
    home = Path(environ["HOME"]) if environ.get("HOME") else Path.home()
    if platform == "win32":
        base = Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = environ.get("XDG_DATA_HOME", "")
        # The XDG spec says a relative path is invalid and must be ignored.
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / "commitments" / FILENAME
