"""The people and organisations of one document: full names, genders, who spoke last.

A surname alone is completed from the same document only ("Harris" → the "Tom Harris" named in
it), or from the user's :class:`~commitments.extraction.aliases.AliasTable`; never from a list
of famous people, which turned "Councillor Harris said" into Kamala Harris.
"""

from __future__ import annotations

import re

import attrs

from commitments.extraction.aliases import AliasTable
from commitments.extraction.names import (
    CLASSES,
    LEADING,
    TOKEN_TEMPLATE,
    clean_name,
    gender_of,
    is_name,
)
from commitments.fastmatch.wordstarts import WordStarts

__all__ = ["Entities"]

# Names as a scan for `NAME_SEQ` after a non-word character finds them. A name is its tokens,
# one after another: "(?:T\s+){0,6}T" is "T(?:\s+T){0,6}", the same chain of up to 7 whole
# tokens, each up to the space after it or, last, as long as it goes; written so, a place where
# no token starts fails at once (no repeat is set up first). The character before a name is not
# the last of the name before it: a name ends with a particle before a space, or with a token
# that ends before a character not in `[\w'’.&-]`; neither can start a name.
_NAMES_FOUND = WordStarts(f"{TOKEN_TEMPLATE}(?:%(space)s+{TOKEN_TEMPLATE}){{0,6}}", CLASSES)
_SMALL = frozenset("the a an of for and in on at to its their his her".split())
_POSSESSIVE_ORG = re.compile(r"['’]s\s+[a-z]")
_ENTOURAGE = re.compile(
    r"\b(?:office|spokesman|spokeswoman|spokesperson|aides?|campaign|team|press\s+secretary"
    r"|lawyers?|attorneys?|camp|staff)$"
)


@attrs.define
class Entities:
    """The people and organisations of one document: full names, genders, who spoke last."""

    full: dict[str, str] = attrs.field(factory=dict)
    """A surname (casefolded) → the full name first seen with it."""
    genders: dict[str, str] = attrs.field(factory=dict)
    recent: list[str] = attrs.field(factory=list)
    """Named people in the order they last spoke or were the subject, most recent last."""
    organisations: list[str] = attrs.field(factory=list)
    mentions: list[tuple[int, str]] = attrs.field(factory=list)
    """(offset, full name) of every person named in the text, in order."""
    aliases: AliasTable | None = None
    """The user's aliases: a name listed in it means its canonical name."""

    def learn(self, text: str) -> None:
        """Register every titled or multi-word name in ``text``."""
        for at, end in _NAMES_FOUND.spans(text, 0, len(text)):
            found = text[at:end]
            if len(found.split(maxsplit=1)) < 2:
                continue  # one word ("The", "Smith"): no title before it, not a full name
            name, titles = clean_name(found)
            tokens = name.split()
            if not tokens or any(not t[0].isupper() and len(tokens) == 1 for t in tokens):
                continue
            if len(tokens) >= 2 and all(
                t[0].isupper() or t in ("de", "van", "von") for t in tokens
            ):
                if tokens[0].casefold() in LEADING or len(tokens) > 4:
                    continue
                known = self.aliases.canonical(name) if self.aliases is not None else name
                self.full.setdefault(tokens[-1].casefold(), known)
                self.mentions.append((at, self.full[tokens[-1].casefold()]))
                gender = gender_of(name, titles)
                if gender:
                    self.genders.setdefault(name, gender)
            elif len(tokens) == 1 and titles:
                gender = gender_of(name, titles)
                if gender:
                    self.genders.setdefault(self.canonical(name), gender)

    def canonical(self, name: str) -> str:
        """The full name for a surname seen with one in the document ("Trump" → "Donald
        Trump"), or the canonical name of an alias."""
        if self.aliases is None:
            return self._completed(name)
        return self.aliases.get(name) or self.aliases.canonical(self._completed(name))

    def _completed(self, name: str) -> str:
        key = name.casefold()
        if " " not in name:
            return self.full.get(key, name)
        last = name.rsplit(maxsplit=1)[-1].casefold()
        if self.full.get(last, name).casefold().endswith(key):
            return self.full.get(last, name)
        return name

    def resolve(self, phrase: str, position: int | None = None) -> str | None:
        """A speaker for a raw phrase: a pronoun resolved, a title stripped, a name completed.

        A pronoun means the last speaker it fits; failing that, the last person named before
        ``position`` whose gender fits.
        """
        word = phrase.casefold()
        if word in ("he", "she"):
            want = "m" if word == "he" else "f"
            for name in reversed(self.recent):
                if self.genders.setdefault(name, want) == want:
                    return name
            named = [n for at, n in self.mentions if position is None or at < position]
            for name in reversed(named):
                if self.genders.get(name) == want:
                    return name
            for name in reversed(named):
                if self.genders.setdefault(name, want) == want:
                    return name
            return None
        if word in ("it", "they"):
            return self.organisations[-1] if self.organisations else None
        if word in ("i", "we"):
            return None
        aliased = self.aliases.get(phrase) if self.aliases is not None else None
        if aliased is not None:  # "the US president" in the user's table
            self.mention(aliased)
            return aliased
        if _POSSESSIVE_ORG.search(phrase) and phrase.rsplit(maxsplit=1)[-1].islower():
            org = phrase if not phrase.startswith("The ") else "the " + phrase[4:]
            self.organisations.append(org)  # "South Korea's trade ministry"
            return org
        if phrase.isupper() and word.split()[0] in ("the", "a", "an", "its", "their", "his", "her"):
            # "THE COURT" in a heading's capitals: "the Court" (not "FEMA")
            phrase = " ".join(
                w.lower() if w.lower() in _SMALL else w.title() for w in phrase.split()
            )
        if word.split()[0] in ("a", "an"):
            return phrase[0].lower() + phrase[1:]  # "a company spokesman"
        if word.split()[0] in ("the", "its", "their", "his", "her"):
            org = phrase[0].lower() + phrase[1:]
            if word.split()[0] in ("his", "her") and _ENTOURAGE.search(word):
                return self.resolve("he" if word.startswith("his") else "she", position)
            if word.split()[0] != "the":
                return self.organisations[-1] if self.organisations else None
            self.organisations.append(org)
            return org
        name, titles = clean_name(phrase)
        if not name or not is_name(name):
            return None
        canonical = self.canonical(name)
        gender = gender_of(canonical, titles)
        if gender:
            self.genders.setdefault(canonical, gender)
        self.mention(canonical)
        return canonical

    def mention(self, name: str) -> None:
        """Note that ``name`` spoke or acted: the most recent person a pronoun can mean."""
        if not is_name(name):
            return
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)
