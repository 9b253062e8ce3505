"""Follow-ups: a later sentence that says what became of a commitment.

"Mayor Rui Carvalho promised to reopen the library by Friday. It reopened on Thursday." → kept.
"Quillon promised the system by March 31. On Tuesday it admitted it had missed the deadline." →
broken. Only the next two sentences of the same paragraph are read, and only for a dated
commitment that the text has not already resolved.
"""

from __future__ import annotations

import functools
import re

import attrs

from commitments.extraction.cues import stated_status
from commitments.extraction.segmentation import Sentence
from commitments.fastmatch.locate import Located
from commitments.fastmatch.prefilter import fold
from commitments.records import Commitment, Status

__all__ = ["follow_up", "follow_ups", "past_forms"]

_IRREGULAR = {
    "be": ("was", "were", "been"), "begin": ("began", "begun"), "bring": ("brought",),
    "build": ("built",), "buy": ("bought",), "come": ("came",), "cut": ("cut",),
    "do": ("did", "done"),
    "find": ("found",), "give": ("gave", "given"), "go": ("went", "gone"), "hold": ("held",),
    "keep": ("kept",), "lay": ("laid",), "lead": ("led",), "leave": ("left",), "make": ("made",),
    "meet": ("met",), "pay": ("paid",), "put": ("put",), "run": ("ran",), "sell": ("sold",),
    "send": ("sent",), "set": ("set",), "speak": ("spoke", "spoken"), "take": ("took", "taken"),
    "win": ("won",), "write": ("wrote", "written"), "rise": ("rose", "risen"), "shut": ("shut",),
    "spend": ("spent",), "tell": ("told",), "withdraw": ("withdrew", "withdrawn"),
}  # fmt: skip
_NEGATED = re.compile(r"\b(?:not|never|n['’]t|no\s+longer|failed\s+to|yet\s+to)\b", re.IGNORECASE)
_BROKEN_LATER = re.compile(
    r"\b(?:failed\s+to|did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|never)\s+"
    r"(?:yet\s+)?(?P<verb>\w+)",
    re.IGNORECASE,
)


_SHORT_VOWEL = re.compile(r"[a-z]*[^aeiou][aeiou][bdgmnprt]")  # (fullmatch only)


def past_forms(verb: str) -> tuple[str, ...]:
    """The past tense and participle of an English verb ("reopen" → "reopened")."""
    verb = verb.casefold()
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return (verb + "d",)
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return (verb[:-1] + "ied",)
    if len(verb) <= 4 and _SHORT_VOWEL.fullmatch(verb):
        return (verb + verb[-1] + "ed", verb + "ed")
    return (verb + "ed",)


def follow_up(action: str, later: str) -> Status | None:
    """KEPT or BROKEN if ``later`` (a following sentence) says so of ``action``, else ``None``."""
    stated = stated_status(later)
    if stated in (Status.KEPT, Status.BROKEN):
        return stated
    words = _WORD.finditer(action.casefold())  # (only the first two words are read)
    first = next(words, None)
    if first is None:
        return None
    head = first[0]
    if head == "be":
        second = next(words, None)
        if second is not None:
            head = second[0]
    forms = past_forms(head)
    # (both searched from the words their matches start with: fastmatch.locate)
    folded, end = fold(later), len(later)
    m = next(_BROKEN_LATER_FOUND.finditer(later, folded, 0, end), None)
    if m is not None and m["verb"].casefold() in (head, *forms):
        return Status.BROKEN
    found = next(_past_pattern(forms).finditer(later, folded, 0, end), None)
    if found is not None and not _NEGATED.search(later[: found.start()]):
        return Status.KEPT
    return None


_WORD = re.compile(r"[a-z]+")


_BROKEN_LATER_FOUND = Located(_BROKEN_LATER)


@functools.lru_cache(maxsize=1024)
def _past_pattern(forms: tuple[str, ...]) -> Located:
    """The past forms of a verb as a word, in any case (compiled once for each verb)."""
    return Located(re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE))


def follow_ups(
    found: list[Commitment], text: str, sents: list[Sentence], made: list[range]
) -> None:
    """Mark commitments of ``found`` kept or broken, as the next sentences of the paragraph tell.

    ``made[i]`` holds the indices in ``found`` of the commitments made in ``sents[i]``.
    """
    for i, indices in enumerate(made):
        if not indices:
            continue
        dated = [k for k in indices if found[k].due is not None and not found[k].stated]
        if len(dated) != 1:
            continue
        (k,) = dated
        for j in range(i + 1, min(i + 3, len(sents))):
            if sents[j].paragraph != sents[i].paragraph or made[j]:
                break
            status = follow_up(found[k].action, text[sents[j].start : sents[j].end])
            if status is not None:
                found[k] = attrs.evolve(found[k], stated=status)
                break
