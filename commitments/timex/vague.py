"""The table of vague time phrases ("soon", "in the coming days"), kept as data."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from commitments.errors import InputError

__all__ = ["VagueTable", "default_table", "load_vague"]

VagueTable = Mapping[str, tuple[int, int]]
"""A phrase (lower case) → (earliest, latest) offsets in days after the issue date."""


def _parse(data: dict[str, object], source: str) -> dict[str, tuple[int, int]]:
    phrases = data.get("phrases", data)
    if not isinstance(phrases, dict):
        raise InputError('expected a [phrases] table of "phrase" = [first, last]', source=source)
    table: dict[str, tuple[int, int]] = {}
    for phrase, value in phrases.items():
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
        table[" ".join(str(phrase).casefold().split())] = (value[0], value[1])
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
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise InputError(
            f"cannot read the vague-phrase table: {exc.strerror}", source=source
        ) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not a valid TOML table: {exc}", source=source) from exc
    merged = dict(default_table() if base is None else base)
    merged.update(_parse(data, source))
    return merged
