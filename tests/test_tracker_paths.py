"""Where the store lives when nobody says."""

from __future__ import annotations

from pathlib import Path

import pytest

from commitments.tracker import default_db_path


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"HOME": "/home/u"}, "linux", "/home/u/.local/share/commitments/commitments.db"),
        (
            {"HOME": "/home/u", "XDG_DATA_HOME": "/data"},
            "linux",
            "/data/commitments/commitments.db",
        ),
        (
            {"HOME": "/home/u", "XDG_DATA_HOME": "relative/data"},
            "linux",
            "/home/u/.local/share/commitments/commitments.db",
        ),
        (
            {"HOME": "/Users/u"},
            "darwin",
            "/Users/u/Library/Application Support/commitments/commitments.db",
        ),
        (
            {"HOME": "/h", "LOCALAPPDATA": "/appdata"},
            "win32",
            "/appdata/commitments/commitments.db",
        ),
        ({"HOME": "/h", "COMMITMENTS_DB": "/x/my.db"}, "linux", "/x/my.db"),
        (
            {"HOME": "/h", "COMMITMENTS_DB": ""},
            "linux",
            "/h/.local/share/commitments/commitments.db",
        ),
    ],
    ids=["linux", "xdg", "xdg-relative-ignored", "macos", "windows", "env", "env-empty"],
)
def test_default_db_path(environ: dict[str, str], platform: str, expected: str) -> None:
    assert default_db_path(environ, platform=platform) == Path(expected)


def test_commitments_db_expands_the_home_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/someone")
    assert default_db_path({"COMMITMENTS_DB": "~/c.db"}) == Path("/home/someone/c.db")
