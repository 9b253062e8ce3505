"""The import graph of the library: no circles (function-level imports included), no layer
that imports one above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "commitments"

# Lower layers first: a module may import its own layer and those below it, never one above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("commitments", "commitments.errors", "commitments.records", "commitments.fastmatch"),
    ("commitments.readers", "commitments.timex", "commitments.outputs"),
    ("commitments.extraction",),
    ("commitments.tracker", "commitments.batch", "commitments.scale"),
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _type_checking(test: ast.expr) -> bool:
    return ast.unparse(test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING", "_typing.TYPE_CHECKING")


def imports_of(name: str, source: str, modules: set[str]) -> set[str]:
    """The modules of ``modules`` that module ``name`` imports anywhere (in functions too; not
    under ``if TYPE_CHECKING:``, which never runs). ``from a.b import c`` means ``a.b.c`` when
    that is a module, else ``a.b``; relative imports are resolved."""
    is_package = name in modules and MODULES.get(name, Path()).name == "__init__.py"
    package = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parent = package[: len(package) - (child.level - 1)]
                    base = ".".join([*parent, *([base] if base else [])])
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    found.add(full if full in modules else base)
            visit(child)

    visit(ast.parse(source))
    return {m for m in found if m in modules and m != name}


def _graph() -> dict[str, set[str]]:
    names = set(MODULES)
    return {
        name: imports_of(name, path.read_text("utf-8"), names) for name, path in MODULES.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle through each strongly connected group of more than one module (or a module
    that imports itself), as a list of names from a module back to it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return groups


def _layer(name: str) -> int:
    best = (-1, 0)  # (length of the longest matching prefix, layer)
    for rank, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best[0]:
                best = (len(prefix), rank)
    return best[1]


def test_the_graph_is_read() -> None:
    graph = _graph()
    assert "commitments.extraction.pipeline" in graph["commitments.extraction"]
    assert "commitments.extraction" in graph["commitments.tracker.tracker"]  # in a function
    assert "commitments.records" not in graph["commitments"]  # under TYPE_CHECKING only


def test_the_library_has_no_import_circle() -> None:
    assert cycles(_graph()) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"a"}}, [["a"]]),
    ],
    ids=["line", "pair", "triangle", "self"],
)
def test_a_circle_is_found(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(graph) == expected


def test_a_function_level_import_counts() -> None:
    source = "def f():\n    from commitments.b import x\n"
    assert imports_of("commitments.a", source, {"commitments.a", "commitments.b"}) == {
        "commitments.b"
    }


def test_no_layer_imports_one_above_it() -> None:
    upward = [
        f"{name} ({_layer(name)}) imports {other} ({_layer(other)})"
        for name, imported in sorted(_graph().items())
        for other in sorted(imported)
        if _layer(other) > _layer(name)
    ]
    assert upward == []
