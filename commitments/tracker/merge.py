"""When two mentions are one commitment, and what the merged commitment says.

Two mentions are the same commitment when

1. they have the same commitment id (same speaker, action and dates: two articles reporting the
   same statement), in any documents; or
2. they are in one document, by the same speaker (casefolded), of the same kind, with no
   conflicting stated status and compatible due windows (overlapping, or one undated), and either
   their actions are alike, or they restate one another close by: both dated, in different
   sentences, starting at most :data:`NEAR` characters apart, with the same verb or verbs of one
   family ("communicate" / "speak", "send" / "share") and compatible objects (the same word, or a
   pronoun: "with Putin" / "to him"); or
3. they are in different documents, by the same speaker, of the same kind, issued on overlapping
   days, with compatible due windows, and either alike actions or, both dated, a restatement.

Actions are *alike* when at least half their content words are shared, and at least two of them
(or all, when there is one). Two commitments in one sentence stay two, and so do two nearby
commitments with different verbs ("I'll patch it today … I'll write my part by Thursday").

The merged commitment keeps the id it was first tracked under and takes the most specific window
of its mentions: the narrowest (fewest days); a tie goes to the earlier deadline, then to the
earlier mention by publication date, document and offset (never by the order documents were
added). A dated mention is always more specific than an undated one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from commitments.records import Commitment, Status, Window
from commitments.tracker.records import Mention

__all__ = [
    "NEAR",
    "action_similarity",
    "alike",
    "canonical",
    "content_words",
    "index_keys",
    "merged_commitment",
    "most_specific",
    "restates",
    "same_commitment",
]

NEAR = 600
"""How many characters apart two restatements of one commitment may start in one document."""

ALIKE = 0.5
"""The action similarity (0–1) from which two actions can be taken to be the same."""

_STOPWORDS = frozenset(
    """a an the to of for with at by on in into from and or but be been being will would shall
    should can could may might must is are was were am do does did have has had he she it they we
    i you him her them us me his hers its their our your my this that these those there then
    than so as up out about over again also just very really""".split()
)
_AUXILIARIES = _STOPWORDS | frozenset(
    """get gets got getting go goes going gonna try trying definitely certainly personally
    probably still now soon all both not never""".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

# Verbs that say the same thing when one commitment is restated; compared by their roots.
_FAMILIES = (
    "speak spoke spoken talk communicate call phone ring chat discuss contact confer consult",
    "send sent share circulate forward email e-mail mail distribute deliver submit",
    "fix patch repair resolve solve correct",
    "finish complete finalise finalize conclude",
    "review check examine inspect assess evaluate",
    "write draft compose",
    "meet visit see saw seen",
    "publish announce release unveil",
    "pay repay transfer",
    "reply respond answer",
    "ship deploy launch",
    "decide choose",
)


def _root(word: str) -> str:
    """A crude stem: "communicating", "communicates", "communicate" → "communicat"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


_FAMILY_OF = {
    _root(verb): index for index, family in enumerate(_FAMILIES) for verb in family.split()
}


def _tokens(action: str) -> list[str]:
    return _WORD.findall(action.casefold())


def _words(action: str) -> frozenset[str]:
    return frozenset(_root(w) for w in _tokens(action) if w not in _STOPWORDS)


def content_words(text: str) -> frozenset[str]:
    """The content words of a text, stemmed as actions are compared ("extended" → "extend")."""
    return _words(text)


def action_similarity(a: str, b: str) -> float:
    """How alike two actions are: shared content words over all content words (0 to 1)."""
    left, right = _words(a), _words(b)
    if not left or not right:
        return 1.0 if " ".join(a.casefold().split()) == " ".join(b.casefold().split()) else 0.0
    return len(left & right) / len(left | right)


def alike(a: str, b: str) -> bool:
    """Whether two actions say the same: half their content words shared, and two (or all)."""
    left, right = _words(a), _words(b)
    if not left or not right:
        return action_similarity(a, b) == 1.0
    shared = len(left & right)
    return shared / len(left | right) >= ALIKE and (shared >= 2 or left == right)


def _verb_and_objects(action: str) -> tuple[str | None, frozenset[str]]:
    words = _tokens(action)
    for index, word in enumerate(words):
        if word not in _AUXILIARIES:
            rest = frozenset(_root(w) for w in words[index + 1 :] if w not in _STOPWORDS)
            return _root(word), rest
    return None, frozenset()


def restates(a: str, b: str) -> bool:
    """Whether action ``b`` can restate ``a``: one verb family, and compatible objects."""
    verb_a, objects_a = _verb_and_objects(a)
    verb_b, objects_b = _verb_and_objects(b)
    if verb_a is None or verb_b is None:
        return False
    if verb_a != verb_b and (_FAMILY_OF.get(verb_a, -1) != _FAMILY_OF.get(verb_b, -2)):
        return False
    return not objects_a or not objects_b or bool(objects_a & objects_b)


def _speaker(c: Commitment) -> str:
    return " ".join((c.speaker or "").casefold().split())


def _overlap(a: Window, b: Window) -> bool:
    return a.earliest <= b.latest and b.earliest <= a.latest


def _windows_compatible(a: Window | None, b: Window | None) -> bool:
    return a is None or b is None or _overlap(a, b)


def _stated_compatible(a: Status | None, b: Status | None) -> bool:
    return a is None or b is None or a is b


def _same_sentence(a: Mention, b: Mention) -> bool:
    sa, sb = a.source, b.source
    return a.quote == b.quote or (sa.start < sb.end and sb.start < sa.end)


def same_commitment(new: Mention, old: Mention) -> bool:
    """Whether two mentions are of one commitment (see the module's rules)."""
    a, b = new.commitment, old.commitment
    if a.id == b.id:
        return True
    if not _speaker(a) or _speaker(a) != _speaker(b) or a.kind is not b.kind:
        return False
    if not _windows_compatible(a.due, b.due):
        return False
    dated = a.due is not None and b.due is not None
    if new.document == old.document:
        if not _stated_compatible(a.stated, b.stated):
            return False
        if alike(a.action, b.action):
            return True
        return (
            dated
            and not _same_sentence(new, old)
            and abs(new.source.start - old.source.start) <= NEAR
            and restates(a.action, b.action)
        )
    return _overlap(a.issued, b.issued) and (
        alike(a.action, b.action) or (dated and restates(a.action, b.action))
    )


def canonical(mention: Mention) -> tuple[str, str, int, str]:
    """A mention's place in an order that does not depend on the order documents were added:
    by publication date, then document, then offset in it."""
    published = mention.published.isoformat() if mention.published is not None else ""
    return (published, mention.document, mention.source.start, mention.commitment.id)


# -- an index for the rules --------------------------------------------------------------------

_WEEKS = 8
"""A due window spanning more weeks than this is indexed as long (it may overlap anything)."""
_PAIRS = 12
"""Past this many prefix words, an action is indexed by single words, not pairs."""

Key = tuple[object, ...]


def _action_keys(action: str) -> tuple[set[Key], set[Key]]:
    """Keys under which an action is stored, and those it is looked up by: two actions that are
    :func:`alike`, or of which one :func:`restates` the other, share a key.

    Alike: equal word sets, or at least two shared words and half the union. By the prefix
    principle of set-similarity joins (words in one global order: sorted), two such sets share
    their two smallest common words within each set's first ``len - overlap + 2`` words, so the
    pairs of those prefixes are keys. Restates: the verb's family, with each object word (or, for
    an action without objects, the family alone, which every action of the family is stored under).
    """
    stored: set[Key] = set()
    wanted: set[Key] = set()
    words = sorted(_words(action))
    if not words:
        key: Key = ("text", " ".join(action.casefold().split()))
        stored.add(key)
        wanted.add(key)
    elif len(words) == 1:
        stored.add(("set", words[0]))
        wanted.add(("set", words[0]))
    else:
        overlap = max(2, -(-len(words) // 2))  # at least two, and half (rounded up)
        prefix = words[: len(words) - overlap + 2]
        if len(prefix) <= _PAIRS:
            keys: set[Key] = {("pair", a, b) for i, a in enumerate(prefix) for b in prefix[i + 1 :]}
        else:
            keys = {("word", w) for w in words[: len(words) - overlap + 1]}
        stored |= keys
        wanted |= keys
    verb, objects = _verb_and_objects(action)
    if verb is not None:
        family: Key = ("family", _FAMILY_OF[verb]) if verb in _FAMILY_OF else ("verb", verb)
        stored.add(("any object", *family))
        stored |= {("object", *family, o) for o in objects}
        if objects:
            wanted |= {("object", *family, o) for o in objects}
        else:
            stored.add(("no object", *family))
            wanted.add(("any object", *family))
        wanted.add(("no object", *family))
    return stored, wanted


def _window_keys(due: Window | None) -> tuple[set[Key], set[Key]]:
    """Keys for compatible windows (one undated, or overlapping: sharing a day, so a week)."""
    if due is None:
        return {("undated",), ("any",)}, {("any",)}
    first, last = due.earliest.toordinal() // 7, due.latest.toordinal() // 7
    if last - first >= _WEEKS:
        return {("long",), ("any",)}, {("any",)}
    weeks: set[Key] = {("week", week) for week in range(first, last + 1)}
    return weeks | {("any",)}, weeks | {("long",), ("undated",)}


def index_keys(commitment: Commitment) -> tuple[set[Key], set[Key]]:
    """Keys to store a mention's commitment under, and keys to look it up by, such that two
    commitments :func:`same_commitment` can take as one (besides by id) share a key: same
    speaker and kind, compatible windows, alike or restating actions. Empty for no speaker."""
    speaker = _speaker(commitment)
    if not speaker:
        return set(), set()
    actions_stored, actions_wanted = _action_keys(commitment.action)
    windows_stored, windows_wanted = _window_keys(commitment.due)
    head = (speaker, commitment.kind.value)
    stored: set[Key] = {(*head, a, w) for a in actions_stored for w in windows_stored}
    wanted: set[Key] = {(*head, a, w) for a in actions_wanted for w in windows_wanted}
    return stored, wanted


def _specificity(mention: Mention) -> tuple[int, int, str, tuple[str, str, int, str]]:
    due = mention.commitment.due
    if due is None:
        return (1, 0, "", canonical(mention))
    return (0, due.days, due.latest.isoformat(), canonical(mention))


def most_specific(mentions: Sequence[Mention]) -> Mention:
    """The mention with the most specific window (narrowest; then earliest deadline; then the
    first in :func:`canonical` order, so the result never depends on the order of adding)."""
    if not mentions:
        raise ValueError("a tracked commitment has at least one mention")
    return min(mentions, key=_specificity)


def merged_commitment(id: str, mentions: Sequence[Mention]) -> Commitment:
    """The commitment its mentions make together, under the id it was first tracked as.

    Fields come from the most specific mention; a status a mention states carries over (a later
    document's "kept" or "broken" beats an earlier one's, both beat "expired"); so does the first
    condition any mention names.
    """
    best = most_specific(mentions).commitment
    stated = best.stated
    final = [m for m in mentions if m.commitment.stated in (Status.KEPT, Status.BROKEN)]
    if final:
        latest = max(final, key=canonical)
        stated = latest.commitment.stated
    elif stated is None and any(m.commitment.stated is Status.EXPIRED for m in mentions):
        stated = Status.EXPIRED
    condition = best.condition or next(
        (m.commitment.condition for m in sorted(mentions, key=canonical) if m.commitment.condition),
        None,
    )
    return attrs.evolve(best, id=id, stated=stated, condition=condition)
