"""A pre-filter for regular expressions: skip the ones whose words a text lacks.

The pipeline runs some fifty case-insensitive patterns over every sentence (cues, the due
grammar). Most sentences hold none of the words a given pattern needs ("fortnight", a month
name, "ultimatum"), and Python's ``re`` cannot skip ahead to a case-insensitive word: it tries
every position. :func:`required` reads a compiled pattern's syntax tree once and returns the
words every match must contain; :class:`Prefilter` finds which of those words a sentence holds
(one pass over its tokens, cached per token: :mod:`.vocabulary`) and so which patterns may match
it.

The filter is exact, not a heuristic: a pattern is skipped only when it cannot match. Nothing
is hand-listed, so it follows the rules as they change; a pattern that needs no word
(``\\d{4}``, an optional prefix) is always run.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple

from commitments.fastmatch.internals import RegexInternalsError
from commitments.fastmatch.internals import constants as sre
from commitments.fastmatch.internals import parser as sre_parse
from commitments.fastmatch.vocabulary import TOKEN as _TOKEN
from commitments.fastmatch.vocabulary import Mask, Vocabulary, Word, fold

__all__ = [
    "SENTENCES",
    "TIME_EXPRESSIONS",
    "Either",
    "Prefilter",
    "Ruled",
    "Word",
    "cuts_no_token",
    "first_strings",
    "fold",
    "required",
]


class Either(NamedTuple):
    """Several sets of groups, from the branches of an alternation ("very soon|shortly"):
    a match holds one word of every group of one of the sets."""

    options: frozenset[frozenset[frozenset[Word]]]


Need = frozenset[Word] | Either
"""A group of words (a match holds one of them) or an :class:`Either`."""
Requirement = tuple[Need, ...]
"""What every match needs: each item of the tuple."""

_SEEN = 4096  # answers kept by text and by the words present
_CLASS_MAX = 4  # a character class of at most this many characters multiplies a run
_RUN_MAX = 32  # … as long as the run stays at most this many strings
_WORDS_MAX = 512  # an alternation of at most this many literal strings is read as a group


class Ruled:
    """The patterns ruled out for a text (``pattern in ruled``), held by identity.

    A compiled pattern's hash reads its whole program (microseconds for a long one), so sets of
    patterns are slow to build and to query; a set of their ``id()`` values is not.
    """

    __slots__ = ("_watched", "allowed")

    def __init__(self, allowed: frozenset[int], watched: frozenset[int]):
        self.allowed = allowed
        """The ``id()`` of each watched pattern that may match (for loops over many patterns,
        all watched: ``id(pattern) not in ruled.allowed``)."""
        self._watched = watched

    def __contains__(self, pattern: object) -> bool:
        found = id(pattern)
        return found in self._watched and found not in self.allowed


class _Alternative(NamedTuple):
    """An :class:`Either` as masks: one option's groups must all be present."""

    quick: Mask
    """The best group of each option: none present, no option is."""
    relevant: Mask
    """Every group of every option."""
    options: tuple[Mask, ...]
    answers: dict[Mask, bool]
    """Whether an option is present, by the relevant groups present (cached)."""

    def allows(self, present: Mask) -> bool:
        if not self.quick & present:
            return False
        key = present & self.relevant
        answer = self.answers.get(key)
        if answer is None:
            if len(self.answers) >= _SEEN:  # bounded: start over
                self.answers.clear()
            answer = self.answers[key] = any(option & key == option for option in self.options)
        return answer


class _Need(NamedTuple):
    pattern: re.Pattern[str]
    key: Mask
    """A group the pattern needs, or the best groups of its first :class:`Either` (one of
    them); 0 when it needs none."""
    plain: Mask
    """The groups it needs."""
    eithers: tuple[_Alternative, ...]


class _Filed(NamedTuple):
    """A :class:`_Need` as :meth:`Prefilter._may_match` reads it."""

    pattern: int
    """The pattern's ``id()``."""
    plain: Mask
    eithers: tuple[_Alternative, ...]


def _bits(mask: Mask) -> Iterable[Mask]:
    """The set bits of ``mask``, each as a mask of its own."""
    while mask:
        bit = mask & -mask
        yield bit
        mask ^= bit


class Prefilter:
    """Which patterns cannot match a text.

    Each group of required words gets a bit (:class:`~.vocabulary.Vocabulary`, which tells the
    bits of the groups a text holds a word of); a pattern may match only when the text's bits
    cover its groups' bits (and one option of each :class:`Either`). Sets of groups are ints,
    so a text's answer costs a few integer operations per token and per pattern.

    Patterns are added with :meth:`watch` and read on first use; a pattern never watched is
    never ruled out. Recent answers are kept by text and by the groups a text holds (two
    sentences with the same words of note share one), and the last one also serves a text inside
    the last one asked about (a clause of that sentence, cut between tokens), since whatever may
    match in such a part may match in the whole.
    """

    def __init__(
        self,
        patterns: Iterable[re.Pattern[str]] = (),
        *,
        cache: int = 1 << 16,
        vocabulary: Vocabulary | None = None,
    ):
        """``cache``: how many tokens a vocabulary of its own keeps; ``vocabulary``: one shared
        with other filters (a text's words are read once for all of them)."""
        self._pending: list[re.Pattern[str]] = list(patterns)
        self._vocabulary = Vocabulary(cache=cache) if vocabulary is None else vocabulary
        self._bits: Mask = 0  # every group the patterns need
        self._needs: dict[re.Pattern[str], _Need] = {}
        # Patterns filed under each bit of their key (a group they need, or any of an
        # alternative's best groups): a text's set bits lead to the only patterns worth a look.
        self._by_bit: dict[Mask, tuple[_Filed, ...]] = {}
        self._key_bits: Mask = 0  # every bit some pattern is filed under
        self._unkeyed: tuple[_Filed, ...] = ()  # patterns that need no word: always looked at
        self._all: frozenset[int] = frozenset()  # the ids of the watched patterns
        self._answers: dict[Mask, Ruled] = {}  # recent answers, by the groups present
        self._last: tuple[str, Ruled] | None = None
        self._seen: dict[str, Ruled] = {}  # recent texts (a document's
        # sentences are asked about twice: once for their speakers, once for the rest)

    def watch(self, patterns: Iterable[re.Pattern[str]]) -> None:
        """Also filter these patterns (read lazily, on the next question)."""
        self._pending.extend(patterns)

    def watched(self) -> list[re.Pattern[str]]:
        """The patterns this filter rules on."""
        return [*self._needs, *self._pending]

    def _read_pending(self) -> None:
        mask = self._vocabulary.mask
        for pattern in self._pending:
            plain: list[frozenset[Word]] = []
            eithers = []
            for need in required(pattern):  # most selective first
                if isinstance(need, Either):
                    options = tuple(mask(option) for option in need.options)
                    # every option holds its most selective group: none present, no option is
                    quick = mask(max(option, key=_selectivity) for option in need.options)
                    relevant = functools.reduce(operator.or_, options, 0)
                    eithers.append(_Alternative(quick, relevant, options, {}))
                else:
                    plain.append(need)
            key = mask(plain[:1]) or (eithers[0].quick if eithers else 0)
            self._needs[pattern] = _Need(pattern, key, mask(plain), tuple(eithers))
        self._pending.clear()
        self._all = frozenset(map(id, self._needs))
        by_bit: dict[Mask, list[_Filed]] = {}
        unkeyed: list[_Filed] = []
        bits = 0
        for needs in self._needs.values():
            bits |= functools.reduce(operator.or_, (e.relevant for e in needs.eithers), needs.plain)
            filed = _Filed(id(needs.pattern), needs.plain, needs.eithers)
            if not needs.key:
                unkeyed.append(filed)
            for bit in _bits(needs.key):
                by_bit.setdefault(bit, []).append(filed)
        self._by_bit = {bit: tuple(filed) for bit, filed in by_bit.items()}
        self._key_bits = functools.reduce(operator.or_, by_bit, 0)
        self._unkeyed = tuple(unkeyed)
        self._bits = bits
        self.forget()

    def ruled_out(self, text: str) -> Ruled:
        """The watched patterns that cannot match ``text`` (skip them); the others may."""
        if self._pending:
            self._read_pending()
        answer = self._seen.get(text)
        if answer is not None:
            self._last = (text, answer)
            return answer
        last = self._last
        if last is not None and _inside(text, last[0]):
            return last[1]
        answer = self._ruling(text)
        if len(self._seen) >= _SEEN:  # bounded: start over
            self._seen.clear()
        self._seen[text] = answer
        self._last = (text, answer)
        return answer

    def _ruling(self, text: str) -> Ruled:
        """The answer for ``text``, from the groups of words it holds (sentences that hold the
        same groups share one)."""
        present = self._vocabulary.present(text) & self._bits
        answer = self._answers.get(present)
        if answer is None:
            if len(self._answers) >= _SEEN:  # bounded: start over
                self._answers.clear()
            answer = self._answers[present] = Ruled(self._may_match(present), self._all)
        return answer

    def _may_match(self, present: Mask) -> frozenset[int]:
        """The ``id()`` of each watched pattern that may match a text holding the groups
        ``present``."""
        found = [
            pattern
            for pattern, plain, eithers in self._unkeyed
            if plain & present == plain and all(either.allows(present) for either in eithers)
        ]
        hits = present & self._key_bits
        by_bit = self._by_bit
        while hits:  # (a pattern filed under several bits may be looked at more than once)
            bit = hits & -hits  # the lowest bit left
            hits ^= bit
            for pattern, plain, eithers in by_bit[bit]:
                if plain & present != plain:
                    continue
                for either in eithers:
                    if not either.allows(present):
                        break
                else:
                    found.append(pattern)
        return frozenset(found)

    def forget(self) -> None:
        """Drop every cached answer (benchmarks start cold with it)."""
        self._vocabulary.forget()
        self._answers.clear()
        self._seen.clear()
        self._last = None


_TOKEN_START = re.compile(r"[a-z0-9]")  # what starts a token, after fold()


def _token_char(char: str) -> bool:
    """Whether ``char`` is part of a token (as :func:`_inside` tells)."""
    if char.isascii():
        return char.isalnum()  # (ASCII letters and digits: folded, [a-z0-9])
    return _TOKEN_START.match(fold(char)) is not None


def cuts_no_token(text: str, a: int, b: int, start: int, end: int) -> bool:
    """``text[a:b]``, inside the sentence ``text[start:end]``, holds no token the sentence lacks:
    whatever may match in it may match in the sentence (the pre-filter's answer holds)."""
    return (a <= start or not _token_char(text[a - 1])) and (b >= end or not _token_char(text[b]))


def _inside(part: str, whole: str) -> bool:
    """``part`` is a stretch of ``whole`` that cuts no token, so it holds no token ``whole``
    lacks (whatever may match in a clause may match in its sentence)."""
    at = whole.find(part)
    if at < 0:
        return False
    end = at + len(part)
    return (at == 0 or not _TOKEN.match(fold(whole[at - 1]))) and (
        end == len(whole) or not _TOKEN.match(fold(whole[end]))
    )


_WORDS = Vocabulary()
"""The groups of both filters below: a sentence's words are read once for the two."""
SENTENCES = Prefilter(vocabulary=_WORDS)
"""The filter the pipeline asks once per sentence: reporting verbs, cue rules, stated statuses."""
TIME_EXPRESSIONS = Prefilter(vocabulary=_WORDS)
"""The filter for the due grammar's rules, asked only about sentences with a cue in them."""


@functools.lru_cache(maxsize=1024)
def required(pattern: re.Pattern[str]) -> Requirement:
    """What every match of ``pattern`` needs: groups of words (one word of each group) and
    :class:`Either` alternatives.

    Words are ASCII or uncased characters in lower case (compare them with :func:`fold`); an
    empty tuple means the pattern needs no particular word.
    """
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception as exc:  # (a compiled pattern parses: only a changed parser fails here)
        raise RegexInternalsError(
            f"re._parser cannot parse {pattern.pattern!r} ({type(exc).__name__}: {exc}), which"
            " re compiled: the regular-expression pre-filter cannot read patterns on this Python"
        ) from exc
    # The edges of the pattern say nothing about the text around a match: not bounded.
    return tuple(sorted(_all_of(list(tree), _UNKNOWN, _UNKNOWN), key=_order))


def _order(need: Need) -> tuple[int, int, int, str]:
    if isinstance(need, Either):
        return 1, len(need.options), 0, repr(sorted(map(sorted, need.options)))
    length, count, words = _selectivity(need)
    return 0, -length, -count, repr(words)


def _shortest(group: frozenset[Word]) -> frozenset[Word]:
    """The group without words that hold another of its words ("sep" covers "september")."""
    return frozenset(w for w in group if not any(v != w and _covers(v, w) for v in group))


def _covers(v: Word, w: Word) -> bool:
    """Wherever ``w`` is, ``v`` is too."""
    if v.starts and v.ends:
        return v == w
    if v.starts:
        return w.starts and w.text.startswith(v.text)
    if v.ends:
        return w.ends and w.text.endswith(v.text)
    return v.text in w.text


def _selectivity(group: AbstractSet[Word]) -> tuple[int, int, list[Word]]:
    return min(len(w.text) for w in group), -len(group), sorted(group)


# -- reading the syntax tree ------------------------------------------------------------------

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _char(code: int) -> str | None:
    """The folded form of a literal character, or ``None`` if case folding makes it ambiguous."""
    ch = chr(code)
    if code < 128:
        return ch.lower()
    return ch if ch.lower() == ch == ch.upper() else None  # uncased: matches only itself


def _chars(op: Any, av: Any) -> list[str] | None:
    """The folded characters one item can match if they are few (``[12]``, ``['’]``, ``(Q)``)."""
    if op is sre.LITERAL:
        char = _char(av)
        return None if char is None else [char]
    if op is sre.SUBPATTERN and len(av[-1]) == 1:
        return _chars(*av[-1][0])
    if op is not sre.IN:
        return None
    codes: list[int] = []
    for o, a in av:
        if o is sre.LITERAL:
            codes.append(a)
        elif o is sre.RANGE and a[1] - a[0] < _CLASS_MAX:
            codes.extend(range(a[0], a[1] + 1))
        else:
            return None
    found = [_char(code) for code in codes]
    if len(found) > _CLASS_MAX or None in found:
        return None
    return [c for c in found if c is not None]


def _strings(op: Any, av: Any) -> list[str] | None:
    """The folded strings one item can match, when it holds only literals and small classes
    and they are few: ``[12]``, ``(?:will|shall)``, a word list written as a trie
    (``add(?:ed|s)``). ``None`` otherwise, or when it can match nothing at all (``(?:s)?``)."""
    found = _item_strings(op, av)
    return None if found is None or "" in found else found


def _item_strings(op: Any, av: Any) -> list[str] | None:
    chars = _chars(op, av)
    if chars is not None:
        return chars
    if op is sre.SUBPATTERN:
        return _sequence_strings(av[-1])
    if op is sre.BRANCH:
        found: list[str] = []
        for branch in av[1]:
            strings = _sequence_strings(branch)
            if strings is None or len(found) + len(strings) > _WORDS_MAX:
                return None
            found.extend(strings)
        return found
    if op in (sre.MAX_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] == 0 and av[1] == 1:
        strings = _sequence_strings(av[2])  # an optional part: it, or nothing
        return None if strings is None else [*strings, ""]
    return None


def _sequence_strings(items: Any) -> list[str] | None:
    found = [""]
    for op, av in items:
        strings = _item_strings(op, av)
        if strings is None or len(found) * len(strings) > _WORDS_MAX:
            return None
        found = [a + b for a in found for b in strings]
    return found


Bound = tuple[bool, bool]
"""What is known of the character next to a position: (not a letter, not a digit), where a
letter or digit is an ASCII one after :func:`fold` (what a token is made of)."""
_NEITHER: Bound = (True, True)
_UNKNOWN: Bound = (False, False)


def _class_bound(op: Any, av: Any) -> Bound:
    """What the one character an item matches cannot be (``\\s``: neither; ``\\d``: no letter)."""
    if op is sre.LITERAL:
        return _char_bound(av)
    if op is not sre.IN:
        return _UNKNOWN
    letter = digit = False  # can it be one?
    for o, a in av:
        if o is sre.LITERAL:
            no_letter, no_digit = _char_bound(a)
            letter, digit = letter or not no_letter, digit or not no_digit
        elif o is sre.RANGE and a[1] < 128:
            for code in range(a[0], a[1] + 1):
                no_letter, no_digit = _char_bound(code)
                letter, digit = letter or not no_letter, digit or not no_digit
        elif o is sre.CATEGORY and a in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
            pass
        elif o is sre.CATEGORY and a is sre.CATEGORY_DIGIT:
            digit = True
        else:  # \w, a negated class, non-ASCII ranges: anything
            return _UNKNOWN
    return not letter, not digit


def _char_bound(code: int) -> Bound:
    folded = fold(chr(code))
    ascii_ = folded.isascii()
    return not ascii_ or not folded.isalpha(), not ascii_ or not folded.isdigit()


def _bounds(op: Any, av: Any, side: int) -> Bound:
    """What the item guarantees about the character next to the position on its ``side``
    (-1: the item comes before the position; 1: after it)."""
    if op is sre.AT:
        before, after = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING), (sre.AT_END, sre.AT_END_STRING)
        edges = before if side < 0 else after
        # \b next to a word character (a run's edge): the other side is no word character
        return _NEITHER if av is sre.AT_BOUNDARY or av in edges else _UNKNOWN
    if op is sre.ASSERT_NOT:  # a look-behind (?<![\w…]) before, a look-ahead (?![\w…]) after
        direction, body = av
        word = (
            direction == side
            and len(body) == 1
            and body[0][0] is sre.IN
            and all(o is not sre.NEGATE for o, _ in body[0][1])
            and any(o is sre.CATEGORY and a is sre.CATEGORY_WORD for o, a in body[0][1])
        )
        return _NEITHER if word else _UNKNOWN
    if op is sre.ASSERT:  # (?<=\s) before, (?=\s) after
        direction, body = av
        return _class_bound(*body[0]) if direction == side and len(body) == 1 else _UNKNOWN
    if op in _REPEATS:
        low, _, body = av
        return _edge_bounds(list(body), side) if low >= 1 else _UNKNOWN
    if op is sre.SUBPATTERN:
        return _edge_bounds(list(av[-1]), side)
    if op is sre.BRANCH:
        found = [_edge_bounds(list(branch), side) for branch in av[1]]
        return all(f[0] for f in found), all(f[1] for f in found)
    return _class_bound(op, av)


def _edge_bounds(items: list[tuple[Any, Any]], side: int) -> Bound:
    """What a sequence's own last (side -1) or first (side 1) items guarantee."""
    return _bounded(items, len(items) - 1 if side < 0 else 0, side, _UNKNOWN)


def _bounded(items: list[tuple[Any, Any]], i: int, side: int, edge: Bound) -> Bound:
    """What the items from ``i`` on (side 1) or up to ``i`` (side -1) guarantee about the
    character next to the position between them and the rest; ``edge`` past the end.

    A zero-width item (a look-ahead) adds what it says to what lies beyond it; an optional one
    (``(?:…\\s+)?``) keeps only what both it and what lies beyond guarantee, since either may
    be next to the position.
    """
    if not 0 <= i < len(items):
        return edge
    op, av = items[i]
    own = _bounds(op, av, side)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        rest = _bounded(items, i + side, side, edge)
        return own[0] or rest[0], own[1] or rest[1]
    if op in _REPEATS and av[0] == 0:
        inner = _edge_bounds(list(av[2]), side)
        rest = _bounded(items, i + side, side, edge)
        return inner[0] and rest[0], inner[1] and rest[1]
    return own


def _word(text: str, before: Bound, after: Bound) -> Word:
    """A run of text, bounded where what is next to it cannot continue its first/last token."""
    first, last = text[0], text[-1]
    starts = before[0] if first.isalpha() else before[1] if first.isdigit() else False
    ends = after[0] if last.isalpha() else after[1] if last.isdigit() else False
    return Word(text, starts, ends)


def _all_of(items: list[tuple[Any, Any]], left: Bound, right: Bound) -> set[Need]:
    """What each item of a sequence needs (a match needs all of them).

    ``left`` and ``right`` are what the sequence's context guarantees next to it. Adjacent
    literals form runs of text; a small class inside a run multiplies it ("won['’]t" needs
    "won't" or "won’t").
    """
    found: set[Need] = set()
    run: list[str] = [""]
    run_before = left
    for i, (op, av) in enumerate([*items, (None, None)]):
        before = _bounded(items, i - 1, -1, left)
        chars = None if op is None else _strings(op, av)
        if chars is not None and len(run) * len(chars) <= _RUN_MAX:
            if not run[0]:
                run_before = before
            run = [text + c for text in run for c in chars]
            continue
        if run[0]:
            after = _bounded(items, i, 1, right)
            found.add(_shortest(frozenset(_word(text, run_before, after) for text in run)))
        run = [""]
        if chars is not None:  # a run too long to multiply: start a new one here
            run, run_before = chars, _UNKNOWN
        elif op is not None:
            found |= _item(op, av, before, _bounded(items, i + 1, 1, right))
    return found


def _item(op: Any, av: Any, left: Bound, right: Bound) -> set[Need]:
    """What one item needs: all of a group's or a repeat's needs, the branches of a branch."""
    if op is sre.SUBPATTERN:
        return _all_of(list(av[-1]), left, right)
    if op is sre.ATOMIC_GROUP:
        return _all_of(list(av), left, right)
    if op in _REPEATS:
        low, _, body = av
        return _all_of(list(body), _UNKNOWN, _UNKNOWN) if low >= 1 else set()
    if op is not sre.BRANCH:
        return set()
    options = []
    for branch in av[1]:
        needs = [
            _weaken(n) if isinstance(n, Either) else n for n in _all_of(list(branch), left, right)
        ]
        groups = frozenset(n for n in needs if n is not None)
        if not groups:
            return set()  # a branch that needs no word: the branch needs none
        options.append(groups)
    if all(len(groups) == 1 for groups in options):  # one group each: their union is one group
        return {_shortest(frozenset(word for (group,) in options for word in group))}
    return {Either(frozenset(options))}


def _weaken(either: Either) -> frozenset[Word] | None:
    """One group that an :class:`Either` implies: the union of each option's best group."""
    words: set[Word] = set()
    for option in either.options:
        words |= max(option, key=_selectivity)
    return _shortest(frozenset(words)) if words else None


def first_strings(op: Any, av: Any) -> list[str] | None:
    """The folded strings one item of a parsed pattern can match, when they are few and none is
    empty (see :func:`_strings`): for :mod:`.locate`, the words a match starts with."""
    return _strings(op, av)
