"""Follow-ups: a later sentence that says what became of a commitment.

"Mayor Rui Carvalho promised to reopen the library by Friday. It reopened on Thursday." → kept.
"Quillon promised the system by March 31. On Tuesday it admitted it had missed the deadline." →
broken. Only the next two sentences of the same paragraph are read, and only for a dated
commitment that the text has not already resolved.
"""

from __future__ import annotations

import re

from commitments.cues import stated_status
from commitments.records import Status

__all__ = ["follow_up", "past_forms"]

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


def past_forms(verb: str) -> tuple[str, ...]:
    """The past tense and participle of an English verb ("reopen" → "reopened")."""
    verb = verb.casefold()
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return (verb + "d",)
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return (verb[:-1] + "ied",)
    if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnprt]", verb) and len(verb) <= 4:
        return (verb + verb[-1] + "ed", verb + "ed")
    return (verb + "ed",)


def follow_up(action: str, later: str) -> Status | None:
    """KEPT or BROKEN if ``later`` (a following sentence) says so of ``action``, else ``None``."""
    stated = stated_status(later)
    if stated in (Status.KEPT, Status.BROKEN):
        return stated
    words = re.findall(r"[a-z]+", action.casefold())
    if not words:
        return None
    head = words[1] if words[0] == "be" and len(words) > 1 else words[0]
    m = _BROKEN_LATER.search(later)
    if m is not None and m["verb"].casefold() in (head, *past_forms(head)):
        return Status.BROKEN
    pattern = r"\b(?:" + "|".join(map(re.escape, past_forms(head))) + r")\b"
    found = re.search(pattern, later, re.IGNORECASE)
    if found is not None and not _NEGATED.search(later[: found.start()]):
        return Status.KEPT
    return None
