"""The words of a commitment's action: the clause after its cue, without its time expressions.

"Trump said he will impose sanctions within two weeks, issued last month" → "impose sanctions".
"""

from __future__ import annotations

import re

from commitments.extraction.binding import Pending
from commitments.extraction.cue_words import FUTURE_PROGRESSIVE, INSTRUCTIONS
from commitments.extraction.cues import Cue
from commitments.extraction.patterns import (
    ASIDES,
    BARE_PARTICIPLE,
    CLAUSE_END,
    CUE_WORDS,
    DUE,
    SPACE_BEFORE_MARK,
    TO_THAT,
)
from commitments.extraction.segmentation import Sentence
from commitments.fastmatch.prefilter import fold

__all__ = ["action", "clause_end"]

_ASIDE_WORDS = ("issued", "set", "given", "imposed", "announced", "made", "had", "has", "have")
"""One of these is in every match of :data:`~.patterns.ASIDES` and
:data:`~.patterns.BARE_PARTICIPLE`."""


def clause_end(text: str, cue: Cue, sent: Sentence) -> int:
    """Where the clause of ``cue`` ends: a semicolon, a conjunction, an attribution, the end."""
    m = CLAUSE_END.search(text, cue.end, sent.end)
    return m.start() if m else sent.end


def action(
    text: str, pending: Pending, clause_end: int, spans: tuple[tuple[int, int], ...] = ()
) -> str:
    """What was committed to: the clause after the cue, without its time expressions."""
    cue, due = pending.cue, pending.due
    if text.startswith("payable", cue.start) and (
        m := _PAID.search(text, max(0, cue.start - 200), cue.start)
    ):
        return f"pay {' '.join(m['what'].split())}"  # "a cash dividend of $0.25 per share, payable"
    start = cue.start if cue.noun else cue.end
    if text.endswith("ing", cue.start, cue.end) and FUTURE_PROGRESSIVE.fullmatch(
        text, cue.start, cue.end
    ):  # "we are meeting the unions on Monday": the verb is in the cue
        start = cue.start + len(text[cue.start : cue.end].rsplit(None, 1)[0]) + 1
    instruction = text[cue.start : cue.end] in INSTRUCTIONS
    if cue.start == cue.end or instruction:
        start = cue.start  # action items, instructions ("Send it to me …"): the whole item
    if due is not None:
        spans = (*spans, (due.start, due.end))
    cuts = sorted(
        (max(a, start), min(b, clause_end))
        for a, b in (set(spans) if len(spans) > 1 else spans)  # (distinct spans, as before)
        if a < clause_end
        and b > start
        and not (cue.noun and a <= cue.start < b)  # keep "deadline" itself
    )
    if cuts:
        pieces, at = [], start
        for a, b in cuts:
            if a >= at and a < clause_end:
                pieces.append(text[at:a])
                at = max(at, b)
        pieces.append(text[at:clause_end] if at < clause_end else "")
        piece = " ".join(" ".join(pieces).split())
    else:  # (one piece: the clause)
        piece = " ".join(text[start:clause_end].split())
    m = CUE_WORDS.match(piece)  # (anchored at the start: ``sub`` replaces this match only)
    if m is not None:
        piece = piece[m.end() :]
    folded = fold(piece)  # lower case as a case-insensitive pattern sees it
    if (  # what every aside holds (one of _ASIDE_WORDS, tested in line)
        "set" in folded
        or "had" in folded
        or "has" in folded
        or "have" in folded
        or "made" in folded
        or "given" in folded
        or "issued" in folded
        or "imposed" in folded
        or "announced" in folded
    ):
        piece = ASIDES.sub("", piece)
        if "," in piece:
            piece = BARE_PARTICIPLE.sub("", piece)
    piece = piece.strip(" ,;:—–-“”\"'’")
    m = TO_THAT.match(piece)  # (anchored, as above)
    if m is not None:
        piece = piece[m.end() :]
    if SPACE_BEFORE_MARK.search(piece):  # (a template ``sub`` costs a Python call: only then)
        piece = SPACE_BEFORE_MARK.sub(r"\1", piece)
    piece = piece.strip(" ,;:—–-“”\"'’")
    while piece.endswith((" and", " or", " &")):  # "meet on 14 November and 5 December": "meet"
        piece = piece[: piece.rfind(" ")].rstrip(" ,")
    if _INVITES.fullmatch(text, cue.start, cue.end) and piece:
        piece = f"send {piece}"  # "The Committee invites written submissions by …": to be sent
    if instruction and piece.startswith(INSTRUCTIONS):
        piece = piece[0].lower() + piece[1:]  # "Send it to me by the 24th": "send it to me"
    piece = _verb_phrase(piece, text, cue, clause_end)
    if len(piece) > 120:
        piece = piece[:117].rsplit(" ", 1)[0] + "…"
    return piece or _scheduled_thing(text, cue) or text[cue.start : cue.end]


_LAST_AND = re.compile(r",\s+and\s+(?=\S)(?!.*,\s+and\s)")
"""The last ", and" of a sentence: the clause the thing set starts after."""
_INVITES = re.compile(r"(?:invites?|inviting|welcomes|seeks|requests)\s+", re.IGNORECASE)
_SCHEDULED = re.compile(r"(?:is|are|was|were|be|been)\s", re.IGNORECASE)
_AUXILIARY_END = re.compile(
    r"(?<!\s)\s++(?:has|have|had|will|would|shall|should|may|might|must)(?:\s+be(?:en)?)?$"
)


def _scheduled_thing(text: str, cue: Cue) -> str:
    """ "The Pretrial Conference is RESET for February 16": the thing set, for the action; what
    is due is to be submitted ("Comments are due on or before June 27": submit comments)."""
    due = DUE.match(text, cue.start) is not None
    extended = text.startswith("extended", cue.start)  # "… has been extended until January 9"
    if not due and not extended and not _SCHEDULED.match(text, cue.start):
        return ""
    before = text[max(0, cue.start - 120) : cue.start]
    cut = max(before.rfind(mark) for mark in ".;:!?\n")  # the sentence or line it starts
    if extended:
        cut = max(cut, before.rfind(" that ") + 5)  # ("announced that the period has been …")
    clause = _LAST_AND.search(before[cut + 1 :])
    if clause is not None:  # "Comments are due …, and reply comments are due …": the second's
        cut += 1 + clause.end() - 1
    thing = " ".join(before[cut + 1 :].split())
    if not 3 <= len(thing) <= 80:
        return ""
    thing = _AUXILIARY_END.sub("", thing)  # ("The trial has been scheduled for …", "the
    # period has been extended until …")
    if due:
        return _to_submit(thing)
    if extended:
        return f"extend {thing[0].lower()}{thing[1:]}" if thing else ""
    return f"the {thing[4:]}" if thing.startswith("The ") else thing


def _to_submit(thing: str) -> str:
    """What is due, to be submitted: "Comments are" → "submit comments", "The report is now" →
    "submit the report", "Opening brief" (opening a sentence) → "submit opening brief"."""
    words = thing.split()
    while words and words[-1].casefold() in ("is", "are", "now"):
        words.pop()
    if not words:
        return ""
    if words[0] == "The" or (words[0][:1].isupper() and all(w.islower() for w in words[1:])):
        words[0] = words[0][0].lower() + words[0][1:]
    return f"submit {' '.join(words)}"


_PAID = re.compile(
    r"(?P<what>\b(?:a|an|the|its|their)\s+(?:(?!(?:a|an|the|its|their)\s)[\w$%-]+\s+){0,4}?"
    r"(?:dividends?|distributions?|interest|payments?)\b(?:\s+of\s+(?:[^.;:]|\.(?=\d)){1,50}?)?)"
    r"\s*,?\s*$",
    re.IGNORECASE,
)
_PROGRESSIVE = re.compile(r"be\s+(?=[a-z]+ing\b)")
_DEADLINE_FOR = re.compile(
    r"(?:[\w-]+\s+)?(?:deadline|ultimatum)s?\s+(?:for\s+)?(?P<who>[^,;]{1,60}?)\s+to\s+(?P<what>\w.*)",
    re.IGNORECASE,
)
_ONLY_NOUN = re.compile(
    r"(?:(?:a|the|hard|firm|new|final|strict)\s+)*(?:deadline|ultimatum)s?", re.I
)
_THERE = re.compile(r"\b[Tt]here\s+$")
_QUOTED_WORD = re.compile(r"[‘'“\"](?P<word>[a-z][\w -]{2,30})[’'”\"]")


def _verb_phrase(piece: str, text: str, cue: Cue, clause_end: int) -> str:
    """The action as a verb phrase: "be speaking to him" → "speaking to him"; a deadline's
    "deadline for the Kremlin leader to meet Zelenskyy" → "the Kremlin leader to meet
    Zelenskyy", a bare "hard deadline" → "meet the deadline"; an elliptical "there will be"
    → what the sentence quotes ("there will be consequences")."""
    if m := _PROGRESSIVE.match(piece):
        return piece[m.end() :]
    if cue.noun:
        if m := _DEADLINE_FOR.match(piece):
            return f"{m['who']} to {m['what']}"
        if _ONLY_NOUN.fullmatch(piece):
            return "meet the deadline"
    if piece == "be" and _THERE.search(text, max(0, cue.start - 12), cue.start):
        sentence = text[max(0, cue.start - 300) : clause_end]
        if m := _QUOTED_WORD.search(sentence):
            return f"there will be {m['word']}"
    return piece
