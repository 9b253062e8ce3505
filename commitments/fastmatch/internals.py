"""CPython's regular-expression parser (``re._parser``, ``re._constants``), checked on import.

The pre-filter (:mod:`.prefilter`) and the time grammar (:mod:`commitments.timex.grammar`) read
the syntax tree of their patterns. That tree is private to CPython and may change in any release;
if it did, they would quietly filter the wrong patterns or none. So it is checked once, when this
module is imported: the names they use must be there, and a probe pattern that holds every kind
of node they read must parse to the tree they expect. Anything else raises
:class:`RegexInternalsError`, saying what was expected and what was found.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from commitments.errors import CommitmentsError

__all__ = ["CONSTANT_NAMES", "PROBE", "RegexInternalsError", "check", "constants", "load", "parser"]


class RegexInternalsError(CommitmentsError, RuntimeError):
    """CPython's private ``re._parser`` or ``re._constants`` is not what this version of
    commitments reads (a newer Python, or another implementation): upgrade commitments, or use
    a Python it supports."""


CONSTANT_NAMES = (
    "ASSERT ASSERT_NOT AT ATOMIC_GROUP AT_BEGINNING AT_BEGINNING_STRING AT_BOUNDARY AT_END"
    " AT_END_STRING BRANCH CATEGORY CATEGORY_DIGIT CATEGORY_NOT_DIGIT CATEGORY_NOT_SPACE"
    " CATEGORY_NOT_WORD CATEGORY_SPACE CATEGORY_WORD IN LITERAL MAXREPEAT MAX_REPEAT MIN_REPEAT"
    " NEGATE POSSESSIVE_REPEAT RANGE SUBPATTERN"
).split()
"""The names of ``re._constants`` that the readers of the tree use."""

PROBE = r"(a)|[b-c\d][^ab]x{0,1}+y*?z+(?<!\w)(?=\s)(?>w)\b\Z"
"""A pattern with every kind of node the readers of the tree look at."""


def _plain(node: Any) -> Any:
    """A parsed tree as lists and tuples (a ``SubPattern`` is a list of items)."""
    if hasattr(node, "data") and hasattr(node, "getwidth"):
        return [_plain(item) for item in node]
    if isinstance(node, list):
        return [_plain(item) for item in node]
    if isinstance(node, tuple):
        return tuple(_plain(item) for item in node)
    return node


def _expected(c: Any) -> list[Any]:
    """The tree of :data:`PROBE`, as Python 3.11 to 3.13 parse it."""
    word = [(c.IN, [(c.CATEGORY, c.CATEGORY_WORD)])]
    space = [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])]
    second = [
        (c.IN, [(c.RANGE, (98, 99)), (c.CATEGORY, c.CATEGORY_DIGIT)]),
        (c.IN, [(c.NEGATE, None), (c.LITERAL, 97), (c.LITERAL, 98)]),
        (c.POSSESSIVE_REPEAT, (0, 1, [(c.LITERAL, 120)])),
        (c.MIN_REPEAT, (0, c.MAXREPEAT, [(c.LITERAL, 121)])),
        (c.MAX_REPEAT, (1, c.MAXREPEAT, [(c.LITERAL, 122)])),
        (c.ASSERT_NOT, (-1, word)),
        (c.ASSERT, (1, space)),
        (c.ATOMIC_GROUP, [(c.LITERAL, 119)]),
        (c.AT, c.AT_BOUNDARY),
        (c.AT, c.AT_END_STRING),
    ]
    return [(c.BRANCH, (None, [[(c.SUBPATTERN, (1, 0, 0, [(c.LITERAL, 97)]))], second]))]


def check(parser: Any, constants: Any) -> None:
    """Raise :class:`RegexInternalsError` unless ``parser`` and ``constants`` are the
    ``re._parser`` and ``re._constants`` this package reads."""
    missing = [name for name in CONSTANT_NAMES if not hasattr(constants, name)]
    if missing:
        raise RegexInternalsError(
            f"re._constants has no {', '.join(missing)}: the regular-expression pre-filter"
            " cannot read patterns on this Python"
        )
    if not callable(getattr(parser, "parse", None)):
        raise RegexInternalsError(
            "re._parser has no parse(): the regular-expression pre-filter cannot read patterns"
            " on this Python"
        )
    try:
        tree = parser.parse(PROBE, 0)
        found = _plain(tree)
        width = tuple(parser.parse("ab", 0).getwidth())
    except Exception as exc:
        raise RegexInternalsError(
            f"re._parser.parse({PROBE!r}) failed ({type(exc).__name__}: {exc}): the"
            " regular-expression pre-filter cannot read patterns on this Python"
        ) from exc
    expected = _expected(constants)
    if found != expected:
        raise RegexInternalsError(
            f"re._parser.parse({PROBE!r}) gave {found!r}, expected {expected!r}: the"
            " regular-expression pre-filter cannot read patterns on this Python"
        )
    if width != (2, 2):
        raise RegexInternalsError(
            f"re._parser's getwidth() of 'ab' gave {width!r}, expected (2, 2): the"
            " regular-expression pre-filter cannot read patterns on this Python"
        )


def load() -> tuple[ModuleType, ModuleType]:
    """``re._parser`` and ``re._constants``, checked (:func:`check`)."""
    parser = getattr(re, "_parser", None)
    constants = getattr(re, "_constants", None)
    if not isinstance(parser, ModuleType) or not isinstance(constants, ModuleType):
        raise RegexInternalsError(
            "this Python's re module has no _parser or _constants (CPython 3.11 or later has"
            " them): the regular-expression pre-filter cannot read patterns here"
        )
    check(parser, constants)
    return parser, constants


parser, constants = load()
