"""The public API: a sorted ``__all__`` that is exactly what the package exposes, the only part
of the library the CLI uses; the library never imports click."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import pytest

import commitments

LIBRARY = Path(commitments.__file__).parent
CLI = LIBRARY.parent / "cli"


def test_all_is_sorted_and_importable() -> None:
    assert commitments.__all__ == sorted(commitments.__all__)
    for name in commitments.__all__:
        assert getattr(commitments, name) is not None


def test_all_is_exactly_what_the_package_exposes() -> None:
    """Every public name of the package's namespace (once each export is loaded) is in
    ``__all__``, and nothing else is: no helper, no stray import. The package's own submodules
    (set as attributes when imported) don't count."""
    for name in commitments.__all__:
        getattr(commitments, name)
    exposed = {
        name
        for name, value in vars(commitments).items()
        if not name.startswith("_")
        and not (isinstance(value, types.ModuleType) and value.__name__.startswith("commitments."))
    }
    assert exposed == set(commitments.__all__)
    assert set(dir(commitments)) >= set(commitments.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        commitments.nothing_here  # noqa: B018


def test_each_export_is_defined_in_the_library() -> None:
    for name in commitments.__all__:
        value = getattr(commitments, name)
        module = getattr(value, "__module__", None)
        if module is not None and not isinstance(value, (str, tuple)):
            assert module.split(".")[0] == "commitments", name


def _cli_imports() -> list[tuple[str, int, str, list[str]]]:
    """(file, line, module, names) for every import of the library in cli/."""
    found = []
    for path in sorted(CLI.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "commitments":
                        found.append((path.name, node.lineno, alias.name, []))
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.split(".")[0] == "commitments":
                    names = [alias.name for alias in node.names]
                    found.append((path.name, node.lineno, node.module, names))
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "commitments"
            ):
                found.append((path.name, node.lineno, "commitments", [node.attr]))
    return found


def test_the_cli_uses_only_the_public_api() -> None:
    """The CLI imports names from ``commitments`` that ``__all__`` lists, and no module path
    below it (``commitments.tracker.report``) and no private name."""
    imports = _cli_imports()
    assert imports, "the walk found no import of the library in cli/"
    public = set(commitments.__all__)
    for path, line, module, names in imports:
        where = f"cli/{path}:{line}"
        assert module == "commitments", f"{where} imports {module}: use the public API"
        for name in names:
            assert not name.startswith("_"), f"{where} imports a private name {name}"
            assert name in public, f"{where} imports {name}, which __all__ does not list"


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
