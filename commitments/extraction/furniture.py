"""Page furniture: dates that date a page, never a due date.

Real pages carry date lines ("June 16, 2006"), timestamps ("Tuesday, 3rd Mar 2021 09:40"),
datelines ("Oak Brook, IL, November 18, 2015 - …", "March 3 (AP) -") and stamps ("Posted:
2023-11-02", "Updated on …"). They may date the document; a commitment's due window never
comes from one.
"""

from __future__ import annotations

import re

from commitments.timex.grammar import Found

__all__ = ["furniture", "stamped"]

_DATELINE_AFTER = re.compile(
    r"[ \t]*+\)?[ \t]*+(?:[-–—]{1,2}[ \t]|\((?:AP|Reuters|AFP|UPI|PA|Bloomberg|Xinhua|dpa)\)|\|)"
)
_STAMP_BEFORE = re.compile(
    # (at a line's start, after a bar or a bullet, or after the stamp before it on the line:
    # "Published on: 09/12/2015 Last update: 23/05/2018")
    r"(?:^|[|•]|(?<=\d)(?=[ \t]))[ \t]*(?:Posted|Updated|Published|Last[ \t]+update[sd]?"
    r"|Last[ \t]+modified|Dated?"
    r"|Issued|Released"
    r"|Filed|Decided|Submitted|Received|Adopted|Effective[ \t]+date|Date[ \t]+of[ \t]+issue)\b"
    r"(?:[ \t]+on)?[ \t]*:?[ \t]*(?:[A-Za-z]+,?[ \t]+)?$",
    re.IGNORECASE,
)
TIME_TAIL = re.compile(
    r"[ \t,]*+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?", re.I
)
_TIMESTAMP = re.compile(
    r"[ \t]*+,?[ \t]*+\d{1,2}:\d{2}(?::\d{2})?[ \t]*+(?:[AP]M[ \t]*+)?(?:GMT|UTC|[A-Z]{2,4}T)\b"
)
_SECONDS = re.compile(r":\d{2}(?:\.\d+)?(?![\d:])")
_ZONE = re.compile(r"[ \t]*+(?:GMT|UTC|[A-Z]{2,4}T)\b")
_OPERATOR = re.compile(r"\b(?:by|until|before|on|till|from|to|in)\s+(?=\S)", re.IGNORECASE)
_ONLY_DATE_PUNCT = re.compile(r"[\s,.;:|()\[\]*_/#>-]*")


_NEAR = 80
"""How far from a date its line may start for the date to be furniture (a stamp's label, a
dateline's place); the look is bounded, so long lines cost no more than short ones."""


def _time_end(after: str) -> int:
    m = TIME_TAIL.match(after)
    return m.end() if m else 0


def furniture(text: str, found: Found) -> bool:
    """A date that is page furniture: a line of its own ("June 16, 2006", "Tuesday, 3rd Mar 2021
    09:40"), a dateline ("Oak Brook, IL, November 18, 2015 - …", "March 3 (AP) -", "(4/5/06) EPA
    is …") or a stamp ("Posted: 2023-11-02", "Updated on …"). It may date the document; it is
    never a due date."""
    reach = max(0, found.start - _NEAR)
    line_start = text.rfind("\n", reach, found.start) + 1
    line_end = text.find("\n", found.end, found.end + _NEAR)
    line_end = min(len(text), found.end + _NEAR) if line_end < 0 else line_end
    if line_start == 0 and reach > 0:
        return False  # furniture is a short line, a dateline or a stamp at a line's start
    before, after = text[line_start : found.start], text[found.end : line_end]
    if before.count(" ") > 8 and "|" not in before:
        return False  # (most expressions: well into a line of running text)
    if _ONLY_DATE_PUNCT.fullmatch(before) and (
        _ONLY_DATE_PUNCT.fullmatch(after[_time_end(after) :])
    ):
        return True
    if found.kind == "date" and (_TIMESTAMP.match(after) or (found.time and _ZONE.match(after))):
        return True  # "8 May 2006, 09:25 GMT": a timestamp
    if stamped(text, found):
        return True
    if before.strip() == "(" and after.startswith(")") and found.kind.startswith(("date", "on:")):
        return True  # "(4/5/06) EPA is announcing …": a release's date in brackets, its dateline
    if (
        (found.kind in ("date", "year", "month") or found.kind.startswith("date"))
        and _DATELINE_AFTER.match(after)
        and not _OPERATOR.search(f"{before}{found.text}")
    ):
        return True
    return bool(_STAMP_BEFORE.search(before))


def stamped(text: str, found: Found) -> bool:
    """A date with a time to the second ("2019-09-18 17:09:00.0"): a machine's timestamp."""
    return found.time is not None and _SECONDS.match(text, found.end) is not None
