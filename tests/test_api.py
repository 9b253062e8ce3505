"""The public API: a short, sorted, complete ``__all__``; the library never imports click."""

from __future__ import annotations

import ast
from pathlib import Path

import commitments

LIBRARY = Path(commitments.__file__).parent


def test_all_is_sorted_and_importable() -> None:
    assert commitments.__all__ == sorted(commitments.__all__)
    for name in commitments.__all__:
        assert getattr(commitments, name) is not None


def test_all_names_the_documented_entry_points() -> None:
    for name in ("extract", "parse_due", "Commitment", "Window", "Status", "CommitmentsError"):
        assert name in commitments.__all__


def test_errors_subclass_the_stdlib_error_they_mean() -> None:
    assert issubclass(commitments.InputError, ValueError)
    assert issubclass(commitments.DateError, ValueError)
    assert issubclass(commitments.NotFoundError, LookupError)
    assert issubclass(commitments.StoreError, commitments.CommitmentsError)


def test_library_never_imports_the_cli_or_click() -> None:
    for path in LIBRARY.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in ("click", "cli"), f"{path} imports {name}"


def test_one_module_imports_dateparser() -> None:
    importers = [
        path.relative_to(LIBRARY).as_posix()
        for path in LIBRARY.rglob("*.py")
        if "import dateparser" in path.read_text("utf-8")
        or "from dateparser" in path.read_text("utf-8")
    ]
    assert importers == ["timex/absolute.py"]
