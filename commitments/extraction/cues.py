"""Commitment cues: the words that make a statement a commitment, and what kind.

A date alone is not a commitment: a sentence needs one of these cues (a future or commissive
verb, a deadline noun, an offer) before its time expressions count as a due date.
"""

from __future__ import annotations

import functools
import re

import attrs

from commitments.extraction.cue_words import (
    BROKEN,
    CALLS,
    CAN_DO,
    CONDITION,
    DATED_ONLY,
    EXPIRED,
    FUTURE_PROGRESSIVE,
    HEDGED,
    INSTRUCTION,
    KEPT,
    LITIGANT_BEFORE,
    MINUTED,
    RULES,
    THREAT_WORDS,
    WARNED_FAILURE,
)
from commitments.extraction.segmentation import Sentence
from commitments.extraction.voice import Voices
from commitments.fastmatch.locate import Located
from commitments.fastmatch.prefilter import SENTENCES, Ruled, fold
from commitments.records import Kind, Status

__all__ = [
    "Cue",
    "condition",
    "cues_in",
    "merged",
    "obliges",
    "performs",
    "refine_kind",
    "stated_status",
]


@attrs.frozen
class Cue:
    """A cue word in a text: where it is and what kind of commitment it makes."""

    start: int
    end: int
    kind: Kind
    noun: bool = False
    """A noun cue ("deadline", "ultimatum") that is itself the commitment."""


SENTENCES.watch(
    [
        *(pattern for pattern, _, _ in RULES),
        *(
            FUTURE_PROGRESSIVE,
            CAN_DO,
            DATED_ONLY,
            CALLS,
            INSTRUCTION,
            MINUTED,
            BROKEN,
            KEPT,
            EXPIRED,
            THREAT_WORDS,
            CONDITION,
        ),
    ]
)


def merged(
    plain: tuple[Cue, ...], dated: tuple[Cue, ...], start: int, *, has_due: bool = False
) -> list[Cue]:
    """The cues of :func:`cues_in` in text offsets (``start`` is the sentence's), in order,
    overlapping ones merged; the dated ones only with ``has_due``."""
    found = [*plain, *dated] if has_due and dated else list(plain)
    if len(found) > 1:
        found.sort(key=_position)
    result: list[Cue] = []
    last_end = -1
    for cue in found:
        if result and cue.start < last_end:
            continue
        last_end = cue.end
        result.append(Cue(cue.start + start, cue.end + start, cue.kind, cue.noun))
    return result


def _position(cue: Cue) -> tuple[int, int]:
    return (cue.start, -cue.end)


@functools.lru_cache(maxsize=4096)
def cues_in(before: str, sentence: str) -> tuple[tuple[Cue, ...], tuple[Cue, ...]]:
    """The cues of ``sentence`` after the text ``before`` it (what a look-behind sees), offsets
    in the sentence: those of every sentence, and those that only commit with a date ("we are
    meeting", "we can send"). Kept by sentence: boilerplate repeats across an archive.
    :func:`merged` puts them in order."""
    text, start, end = before + sentence, len(before), len(before) + len(sentence)
    allowed = SENTENCES.ruled_out(sentence).allowed  # patterns that may match here
    folded = fold(text)  # (rules are found from the words they start with: fastmatch.locate)
    plain: list[Cue] = []
    for key, rule, kind, noun in _KEYED_RULES:
        if key not in allowed:
            continue
        for m in rule.finditer(text, folded, start, end):
            if kind is Kind.PROMISE and m[0] == "Will" and _is_name(text, m):
                continue
            plain.append(Cue(m.start() - start, m.end() - start, kind, noun))
    dated: list[Cue] = []
    if _FUTURE_PROGRESSIVE_ID in allowed:  # (every pattern here is watched)
        for m in _FUTURE_PROGRESSIVE_FOUND.finditer(text, folded, start, end):
            dated.append(Cue(m.start() - start, m.end() - start, Kind.PROMISE))
    if _CAN_DO_ID in allowed:
        for m in _CAN_DO_FOUND.finditer(text, folded, start, end):
            dated.append(Cue(m.start() - start, m.end() - start, Kind.OFFER))
    if _DATED_ONLY_ID in allowed:
        for m in _DATED_ONLY_FOUND.finditer(text, folded, start, end):
            cue = Cue(m.start() - start, m.end() - start, Kind.PROMISE)
            if not _IS_TO.fullmatch(m[0]):
                dated.append(cue)
            elif _PURPOSE.search(text, max(0, m.start() - 80), m.start()):
                continue  # "The objective of the meeting is to provide …": an aim, not a plan
            elif _BODY_IS_TO.fullmatch(text, start, m.start()) and not _NO_PLAN.match(
                text, m.end()
            ):
                plain.append(cue)  # "The Iraqi government is to launch an inquiry": its plan
            else:
                dated.append(cue)
    for key, found in _DEADLINE_CALLS:
        if key in allowed:
            for m in found.finditer(text, folded, start, end):
                dated.append(Cue(m.start() - start, m.end() - start, Kind.DEADLINE))
    minute = MINUTED.match(sentence) if _MINUTED_ID in allowed else None
    if minute is not None:
        dated.append(Cue(minute.end() - 2, minute.end(), Kind.PROMISE))
    return tuple(plain), tuple(dated)


_IS_TO = re.compile(r"(?:is|are)\s+to", re.IGNORECASE)
"""The "is to" of :data:`DATED_ONLY` (not its other cues: "arrives", "attends", "addresses")."""
_PURPOSE = re.compile(
    r"\b(?:aims?|objectives?|purpose|goals?|intention|idea|task|role|job|mission|priority"
    r"|challenge|point|hope|ambition|aspiration|vision|function)"
    r"(?:\s+(?:of|for|behind)\s+[^,.;:!?]{1,60})?\s+$",
    re.IGNORECASE,
)
"""The noun of an aim before "is to": "The objective of the public meeting is to provide …"."""
_BODY_IS_TO = re.compile(
    r"\s*(?:The\s+)?(?:[A-Z][\w'’&.-]*\s+){0,4}(?:[A-Z][\w'’&.-]*|government|company|ministry"
    r"|council|department|agency|commission|committee|board|authority|firm|group|bank|union"
    r"|administration|club|team|army|police)\s+"
)
"""A sentence's subject that names a party, before its "is to" ("The Iraqi government is to
launch an inquiry"): a stated plan with or without a date, as "plans to" is."""
_NO_PLAN = re.compile(r"\s*(?:blame|be|say|come|follow|thank|credit|remain|stay)\b")
"""What "is to" before it plans nothing: "Acme is to blame", "the report is to be published"."""
_KEYED_RULES = tuple((id(pattern), Located(pattern), kind, noun) for pattern, kind, noun in RULES)
_FUTURE_PROGRESSIVE_FOUND, _CAN_DO_FOUND, _DATED_ONLY_FOUND = (
    Located(p) for p in (FUTURE_PROGRESSIVE, CAN_DO, DATED_ONLY)
)
_DEADLINE_CALLS = tuple((id(p), Located(p)) for p in (CALLS, INSTRUCTION))
"""Calls and instructions with a closing date: deadlines."""
_FUTURE_PROGRESSIVE_ID = id(FUTURE_PROGRESSIVE)
_CAN_DO_ID = id(CAN_DO)
_DATED_ONLY_ID = id(DATED_ONLY)
_MINUTED_ID = id(MINUTED)
_NAME_AFTER = re.compile(r"\s+[A-Z]")


def _is_name(text: str, m: re.Match[str]) -> bool:
    """ "Will Smith said": a capitalised Will followed by a capitalised word is a name."""
    return bool(_NAME_AFTER.match(text[m.end() : m.end() + 2]))


def refine_kind(
    kind: Kind, clause: str, *, deadline_expression: bool = False, ruled: Ruled | None = None
) -> Kind:
    """The kind, sharpened by what else the clause says (consequences → threat).

    ``ruled``: the pre-filter's answer for ``clause`` or for a sentence that holds it without
    cutting a token (else it is asked about ``clause``)."""
    if kind is Kind.PROMISE and deadline_expression:
        return Kind.DEADLINE
    if kind in (Kind.PROMISE, Kind.DEMAND):
        if ruled is None:
            ruled = SENTENCES.ruled_out(clause)
        if _THREAT_WORDS_ID in ruled.allowed and THREAT_WORDS.search(clause):
            return Kind.THREAT
    return kind


def condition(clause: str, ruled: Ruled | None = None) -> str | None:
    """A condition attached to the clause ("if the talks fail"), if any (``ruled`` as in
    :func:`refine_kind`)."""
    if ruled is None:
        ruled = SENTENCES.ruled_out(clause)
    m = CONDITION.search(clause) if _CONDITION_ID in ruled.allowed else None
    return " ".join(m[0].split()) if m else None


def stated_status(clause: str, ruled: Ruled | None = None) -> Status | None:
    """A status the text itself states: "had now expired", "kept her promise", "missed the
    deadline" (``ruled`` as in :func:`refine_kind`)."""
    if ruled is None:
        ruled = SENTENCES.ruled_out(clause)  # asked once for the three patterns
    allowed = ruled.allowed
    if _BROKEN_ID in allowed and BROKEN.search(clause):
        return Status.BROKEN
    if _KEPT_ID in allowed and KEPT.search(clause):
        return Status.KEPT
    if _EXPIRED_ID in allowed and EXPIRED.search(clause):
        return Status.EXPIRED
    return None


# Every pattern below is watched by SENTENCES: ``id(p) not in ruled.allowed`` is ``p in ruled``.
_THREAT_WORDS_ID = id(THREAT_WORDS)
_CONDITION_ID = id(CONDITION)
_BROKEN_ID = id(BROKEN)
_KEPT_ID = id(KEPT)
_EXPIRED_ID = id(EXPIRED)


_PERFORMATIVE = re.compile(
    r"(?:am|are|['’]m|['’]re)\s+(?:announcing|publishing|laying|confirming|setting\s+out"
    r"|launching|releasing|tabling|updating|informing|notifying|placing|issuing|unveiling)\b",
    re.IGNORECASE,
)
_FIRST_PERSON_END = re.compile(r"(?<![\w’'-])(?:I|[Ww]e)\s*$")


def performs(text: str, cue: Cue) -> bool:
    """ "Today I am announcing the next steps", "we are publishing the report today": the act
    the text itself performs, done as it is read (with "today"), no commitment."""
    return bool(
        _PERFORMATIVE.match(text, cue.start)
        and _FIRST_PERSON_END.search(text, max(0, cue.start - 12), cue.start)
    )


def hedged(clause: str) -> bool:
    """The narrator speculates ("it remains uncertain whether …"): no commitment."""
    return bool(HEDGED.search(clause))


def obliges(text: str, cue: Cue, *, court: bool = False) -> bool:
    """An obligation laid on someone ("shall file", "must be submitted", "are directed to"); in
    a court's order, also what a party to the case "will" do ("The parties will file a joint
    status report by April 29") and the time it is given ("Plaintiff shall have 12 days to
    file")."""
    word = text[cue.start : cue.end].casefold()
    if cue.kind is Kind.DEMAND or word == "shall" or (court and cue.kind is Kind.DEADLINE):
        return True
    return (
        court
        and word == "will"
        and LITIGANT_BEFORE.search(text, max(0, cue.start - 40), cue.start) is not None
    )


def warns(text: str, sent: Sentence, cue: Cue, voices: Voices) -> bool:
    """In a court's order (its ``voices`` are the Court's), a warning of what failing the order
    brings ("Failure to respond will result in dismissal"): the court's threat."""
    if voices.default != "the Court" or text[cue.start : cue.end].casefold() not in (
        "will",
        "shall",
    ):
        return False
    return WARNED_FAILURE.search(text[sent.start : cue.end]) is not None
