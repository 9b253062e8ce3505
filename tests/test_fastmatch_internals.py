"""CPython's private regular-expression parser: checked on import, a loud error if it changed."""

from __future__ import annotations

import re
import subprocess
import sys
from types import SimpleNamespace
from typing import Any

import pytest

from commitments.errors import CommitmentsError
from commitments.fastmatch import internals, prefilter
from commitments.fastmatch.internals import RegexInternalsError

PARSER: Any = re._parser  # type: ignore[attr-defined]
CONSTANTS: Any = re._constants  # type: ignore[attr-defined]


def test_this_python_passes_the_check() -> None:
    parser, constants = internals.load()
    assert parser is re._parser  # type: ignore[attr-defined]
    assert constants is re._constants  # type: ignore[attr-defined]


def test_the_error_is_ours_and_a_runtime_error() -> None:
    assert issubclass(RegexInternalsError, CommitmentsError)
    assert issubclass(RegexInternalsError, RuntimeError)


def test_a_missing_constant_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(re._constants, "POSSESSIVE_REPEAT")  # type: ignore[attr-defined]
    with pytest.raises(RegexInternalsError, match=r"re\._constants has no POSSESSIVE_REPEAT"):
        internals.load()


def test_a_missing_parser_module_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(re, "_parser")
    with pytest.raises(RegexInternalsError, match=r"no _parser or _constants"):
        internals.load()


# The parser itself is replaced in the modules that read it, not in ``re`` (which compiles
# every new pattern with it, pytest's own included).


def test_a_missing_parse_function_is_named() -> None:
    with pytest.raises(RegexInternalsError, match=r"re\._parser has no parse\(\)"):
        internals.check(SimpleNamespace(), CONSTANTS)


def test_a_changed_tree_says_what_was_expected() -> None:
    def renamed(source: str, flags: int = 0) -> Any:
        tree = PARSER.parse(source, flags)
        tree.data = [("NEW_NODE", av) for _, av in tree.data]  # another kind of node
        return tree

    with pytest.raises(RegexInternalsError, match=r"gave \[\('NEW_NODE'.*expected \[\(BRANCH"):
        internals.check(SimpleNamespace(parse=renamed), CONSTANTS)


def test_a_changed_width_is_reported() -> None:
    class Tree(list[Any]):
        def getwidth(self) -> tuple[int, int]:
            return (0, 0)

    def parse(source: str, flags: int = 0) -> Any:
        return Tree(PARSER.parse(source, flags))

    with pytest.raises(RegexInternalsError, match=r"getwidth\(\) of 'ab' gave \(0, 0\)"):
        internals.check(SimpleNamespace(parse=parse), CONSTANTS)


def broken(source: str, flags: int = 0) -> Any:
    raise TypeError("parse() takes a state now")


def test_a_failing_parser_is_reported() -> None:
    with pytest.raises(RegexInternalsError, match=r"failed \(TypeError: parse\(\) takes a state"):
        internals.check(SimpleNamespace(parse=broken), CONSTANTS)


def test_the_prefilter_does_not_turn_itself_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """It used to answer "needs no word" (filter nothing) when the parser failed."""
    monkeypatch.setattr(prefilter, "sre_parse", SimpleNamespace(parse=broken))
    with pytest.raises(RegexInternalsError, match=r"cannot parse 'never seen before'"):
        prefilter.required(re.compile("never seen before"))  # (not in its cache)


def test_a_changed_parser_stops_the_import() -> None:
    """At import time, not later and not silently: the pre-filter would otherwise filter
    nothing (or the wrong patterns)."""
    code = "import re._constants as c\ndel c.ATOMIC_GROUP\nimport commitments.extraction\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("commitments.fastmatch.internals.RegexInternalsError: ")
    assert "re._constants has no ATOMIC_GROUP" in last
