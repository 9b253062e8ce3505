"""The table of vague time phrases ("soon", "in the coming days"), kept as data."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from commitments.errors import InputError

__all__ = [
    "MAX_PHRASES",
    "MAX_PHRASE_WORDS",
    "MAX_TABLE_BYTES",
    "VagueTable",
    "default_table",
    "load_vague",
]

VagueTable = Mapping[str, tuple[int, int]]
"""A phrase (lower case) → (earliest, latest) offsets in days after the issue date."""

MAX_TABLE_BYTES = 1024 * 1024
"""The most bytes a table file may have (the built-in one has a few KiB)."""
MAX_PHRASE_WORDS = 12
"""The most words a phrase may have: the longest time phrase in use has seven."""
MAX_PHRASES = 10_000
"""The most phrases one table may add."""


def _parse(data: dict[str, object], source: str) -> dict[str, tuple[int, int]]:
    phrases = data.get("phrases", data)
    if not isinstance(phrases, dict):
        raise InputError('expected a [phrases] table of "phrase" = [first, last]', source=source)
    if len(phrases) > MAX_PHRASES:
        raise InputError(
            f"has {len(phrases)} phrases; at most {MAX_PHRASES} are read", source=source
        )
    table: dict[str, tuple[int, int]] = {}
    for phrase, value in phrases.items():
        words = str(phrase).casefold().split()
        if not words:
            raise InputError(
                f"phrase {phrase!r} is empty: it would match everywhere; remove it", source=source
            )
        if len(words) > MAX_PHRASE_WORDS:
            raise InputError(
                f"phrase {str(phrase)[:40]!r}… has {len(words)} words; a phrase may have at most"
                f" {MAX_PHRASE_WORDS}",
                source=source,
            )
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            or not 0 <= value[0] <= value[1]
        ):
            raise InputError(
                f"phrase {phrase!r} needs [first, last] day offsets with 0 <= first <= last,"
                f" got {value!r}",
                source=source,
            )
        table[" ".join(words)] = (value[0], value[1])
    return table


@functools.cache
def default_table() -> VagueTable:
    """The built-in table (``commitments/timex/vague.toml``)."""
    text = resources.files("commitments.timex").joinpath("vague.toml").read_text("utf-8")
    return _parse(tomllib.loads(text), "vague.toml")


def load_vague(path: str | Path, *, base: VagueTable | None = None) -> VagueTable:
    """The default table (or ``base``) updated with the phrases in a TOML file."""
    source = str(path)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_TABLE_BYTES + 1)
    except OSError as exc:
        raise InputError(
            f"cannot read the vague-phrase table: {exc.strerror}", source=source
        ) from exc
    if len(raw) > MAX_TABLE_BYTES:
        raise InputError(
            f"is larger than {MAX_TABLE_BYTES // 1024} KiB: is it a table of vague phrases?",
            source=source,
        )
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not a valid TOML table: {exc}", source=source) from exc
    except RecursionError:
        raise InputError(
            "not a valid vague-phrase table: it nests too deeply (it should be one [phrases]"
            ' table of "phrase" = [first, last])',
            source=source,
        ) from None
    merged = dict(default_table() if base is None else base)
    merged.update(_parse(data, source))
    return merged
