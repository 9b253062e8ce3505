"""A user's table of aliases: other names for one person or body, mapped to one canonical name.

A TOML file::

    [aliases]
    "Donald Trump" = ["Trump", "President Trump", "the US president"]
    "Volodymyr Zelensky" = ["Zelenskyy", "Zelensky", "Volodymyr Zelenskyy"]

An alias matches a whole name, in any case and spacing ("zelenskyy", "ZELENSKYY"), never a part
of one. Without a table, names are completed only from the same document (a later "Harris" is
the "Tom Harris" named earlier in it).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from commitments.errors import InputError

__all__ = ["AliasTable"]

_SHAPE = 'expected an [aliases] table of "Canonical Name" = ["alias", …]'


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@attrs.frozen(kw_only=True)
class AliasTable:
    """Aliases → canonical names (see :mod:`commitments.extraction.aliases`)."""

    names: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    """An alias or canonical name, casefolded with its spaces collapsed → the canonical name."""

    @classmethod
    def from_mapping(
        cls, aliases: Mapping[str, Iterable[str]], *, source: str = "aliases"
    ) -> AliasTable:
        """A table from canonical names, each with its aliases.

        Raises :class:`~commitments.errors.InputError` when a name is empty or an alias is
        listed under two canonical names.
        """
        names: dict[str, str] = {}
        for canonical, others in aliases.items():
            canonical = " ".join(str(canonical).split())
            if not canonical:
                raise InputError(f"an empty canonical name: {_SHAPE}", source=source)
            for alias in (canonical, *others):
                key = _key(alias)
                if not key:
                    raise InputError(f"{canonical!r} has an empty alias", source=source)
                if names.get(key, canonical) != canonical:
                    raise InputError(
                        f"{alias!r} is an alias of both {names[key]!r} and {canonical!r}:"
                        " list it under one of them",
                        source=source,
                    )
                names[key] = canonical
        return cls(names=names)

    @classmethod
    def load(cls, path: str | Path) -> AliasTable:
        """The table in a TOML file (see the module's documentation for its shape).

        Raises :class:`~commitments.errors.InputError` for a file that cannot be read, is not
        TOML or does not have that shape, with a message that says which.
        """
        source = str(path)
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except OSError as exc:
            raise InputError(
                f"cannot read the alias table: {exc.strerror or exc}", source=source
            ) from exc
        except UnicodeDecodeError as exc:
            raise InputError("the alias table is not UTF-8 text", source=source) from exc
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"the alias table is not valid TOML: {exc}", source=source) from exc
        table = data.get("aliases")
        if not isinstance(table, dict):
            raise InputError(f"no [aliases] table: {_SHAPE}", source=source)
        for canonical, others in table.items():
            if not isinstance(others, list) or not all(isinstance(a, str) for a in others):
                raise InputError(
                    f"{canonical!r} = {others!r}: {_SHAPE} (a list of strings)", source=source
                )
        return cls.from_mapping(table, source=source)

    def get(self, name: str) -> str | None:
        """The canonical name ``name`` is an alias of (or is), else ``None``."""
        return self.names.get(_key(name)) if self.names else None

    def canonical(self, name: str) -> str:
        """The canonical name for ``name``: itself when the table does not list it."""
        return self.get(name) or name
