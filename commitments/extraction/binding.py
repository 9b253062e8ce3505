"""Which time expression dates what: the day a statement was made, the due date of each cue.

A sentence's time expressions split into issue dates ("said on Friday", "issued last month")
and due dates ("by March 31") in :mod:`.roles`; here each due date goes to its cue (a cue with
dues for two coordinated actions splits in two), an issue date next to a deadline noun dates
that deadline, and a plan's day goes on to the sentences after it ("Then he will …").
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from commitments.extraction.cues import Cue
from commitments.extraction.patterns import (
    COORDINATED,
)
from commitments.extraction.segmentation import Sentence
from commitments.extraction.speakers import Attribution
from commitments.records import Commitment, Window
from commitments.timex.grammar import Found, find
from commitments.timex.issue import issued_window
from commitments.timex.vague import VagueTable

__all__ = [
    "Pending",
    "bind_due",
    "bind_issue",
    "clock",
    "parse_due",
    "sentence_issue",
    "sequel",
    "sharpen",
    "specificity",
]


@attrs.define
class Pending:
    """A cue on its way to a commitment: its speaker, due expression and issue window."""

    cue: Cue
    speaker: str | None
    due: Found | None = None
    issue: Window | None = None


def _aside(text: str, found: Found, cue: Cue) -> bool:
    """The expression sits in a parenthesis the cue is outside of, one that tells of something
    else that happened ("(he also traveled to Sunnylands in June)"); a parenthesis that only
    sharpens the date ("(and in any event no later than July 29)") is no aside."""
    if found.start < cue.start:
        opened = text.rfind("(", max(0, found.start - 200), found.start)
        closed = text.find(")", found.end, cue.start)
        if opened < 0 or closed < 0 or ")" in text[opened : found.start]:
            return False
    else:
        opened = text.rfind("(", cue.end, found.start)
        if opened < 0 or ")" in text[opened : found.start]:
            return False
        closed = text.find(")", found.end, found.end + 200)
        closed = found.end if closed < 0 else closed
    return bool(_PAST_VERB.search(text, opened, closed))


_PAST_VERB = re.compile(r"\b(?:[a-z]{3,}ed|was|were|had|did|said|went|met|made|took|told|began)\b")


_SEQUEL = re.compile(
    r"[^\w\n]{0,3}(?:[Aa]nd\s+)?(?:[Tt]hen|[Aa]fter\s+that|[Aa]fterwards?|[Ff]rom\s+there"
    r"|[Ff]ollowing\s+(?:the|that|this|his|her)\s+\w+|[Uu]pon\s+arrival|[Oo]n\s+arrival"
    r"|(?:[Ll]ater\s+)?(?:[Tt]hat|[Tt]he\s+same)\s+(?:day|morning|afternoon|evening|night))\b,?"
    r"|[^\w\n]{0,3}(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e)\s+will\s+(?P<also>also)\b"
)
_SEQUEL_REACH = 600
"""How far (in characters) a "Then …" sentence looks back for the dated plan it continues."""


def sequel(text: str, sent: Sentence, last: Commitment | None, offset: int) -> Found | None:
    """ "The President will speak in Dubuque today. Then he will travel to La Crosse." ("She
    will also …"): a
    sentence that goes on with a day's plan (the ``last`` dated commitment; ``offset``: where
    ``text`` starts in its source) shares its day (only a day's: "then" after "in March" says
    no more than "after")."""
    due = _plan_day(sent, last, offset, days=1)
    if due is None:
        return None
    m = _SEQUEL.match(text, sent.start, sent.end)
    if m is None:
        return None
    start, end = m.span("also") if m["also"] else m.span()  # ("She will also …": the "also")
    return Found(
        start=start, end=end, text=text[start:end], resolve=lambda _day: due, kind="sequel"
    )


def _plan_day(sent: Sentence, last: Commitment | None, offset: int, *, days: int) -> Window | None:
    """The due window of the plan just before ``sent`` (the ``last`` commitment, whose sentence
    ends at its source's end less ``offset``, within reach) if it spans no more than ``days``."""
    if last is None or last.due is None or (last.due.latest - last.due.earliest).days > days:
        return None
    last_end = last.source.end - offset
    return last.due if last_end <= sent.start <= last_end + _SEQUEL_REACH else None


_CLOCK = re.compile(
    r"\b(?:[Aa]t|[Bb]y|[Ff]rom|[Uu]ntil)[ \t]+(?:(?:about[ \t]+|around[ \t]+)?\d{1,2}(?:[:.]\d{2})?"
    r"[ \t]*(?:[ap]\.[ \t]?m\.|[AP]\.[ \t]?M\.|[ap]m\b|[AP]M\b)"
    r"|(?<=[AaBb][ty][ \t])(?:noon|midday)\b"  # ("at noon", "by midday")
    r"|(?<=[Aa]t[ \t])(?:[01]?\d|2[0-3])(?::[0-5]\d|\.(?:00|15|30|45))(?!\d|[.,:]\d|%)"  # "at 9.00"
    r"(?![ \t]*(?:per|a[ \t]+share|percent|euros?|dollars?|pounds?|[mb]illion)\b))"
)
"""A time of day with no day named ("At 11:30 a.m., he will make a statement", "Starting at
9.00, the President will deliver …": a 24-hour clock, not a price or a rate)."""


def clock(text: str, sent: Sentence, last: Commitment | None, offset: int) -> Found | None:
    """A plan set for a time of day with no day named: the day of the plan just before it (as
    :func:`sequel`), else the day it was said ("At 11:30 a.m. he will make a statement on Iraq",
    in the morning's briefing)."""
    m = _CLOCK.search(text, sent.start, sent.end)
    if m is None:
        return None
    due = _plan_day(sent, last, offset, days=0)
    start, end = m.span()
    return Found(
        start=start,
        end=end,
        text=text[start:end],
        resolve=(lambda _day: due) if due is not None else Window.day,
        kind="clock",
    )


def sentence_issue(issue_exprs: list[Found], day: dt.date) -> Window | None:
    """The day (or days) the sentence's statement was made, from its first issue expression."""
    for found in issue_exprs:
        window = issued_window(found.text, day)
        if window is not None:
            return window
    return None


def _start_of(found: Found) -> int:
    return found.start


def specificity(found: Found, day: dt.date) -> tuple[int, int, int]:
    """Which of two expressions bound to one cue to keep: explicit dates and durations over vague
    phrases, then the narrower window ("next Tuesday" over "the summer"), then the longer text."""
    window = found.resolve(day)
    days = window.days if window is not None else 10**6
    return (0 if found.kind == "vague" else 1, -days, found.end - found.start)


def bind_due(
    text: str,
    pendings: list[Pending],
    due_exprs: list[Found],
    atts: list[Attribution],
    published: dt.date,
) -> list[Pending]:
    """Give each due expression to its cue; a cue with dues for two coordinated actions
    ("raise prices in the coming weeks and launch a tier in the coming months") splits."""
    bound: dict[int, list[Found]] = {}
    for found in due_exprs:
        inside = [p for p in pendings if p.cue.start < found.end and p.cue.end > found.start]
        before = [
            p
            for p in pendings
            if p.cue.end <= found.start
            and not any(p.cue.end <= a.start < found.start for a in atts)
        ]
        after = [p for p in pendings if p.cue.start >= found.end]
        target = inside[0] if inside else before[-1] if before else after[0] if after else None
        if target is None or _aside(text, found, target.cue):
            continue  # "(he also traveled to Sunnylands in June)": an aside's date is its own
        bound.setdefault(id(target), []).append(found)
    result: list[Pending] = []
    for pending in pendings:
        dues = bound.get(id(pending))
        if dues is None:
            result.append(pending)
            continue
        if len(dues) == 1:  # (one group of one: its best is itself)
            result.append(Pending(pending.cue, pending.speaker, dues[0], pending.issue))
            continue
        dues.sort(key=_start_of)
        groups: list[list[Found]] = []
        for found in dues:
            gap = text[groups[-1][-1].end : found.start] if groups else ""
            if (
                groups
                and not COORDINATED.search(gap)
                and not _listed_days(groups[-1][-1], found, gap, published)
            ):
                groups[-1].append(found)
            else:
                groups.append([found])
        for group in groups:
            best = (
                group[0] if len(group) == 1 else max(group, key=lambda f: specificity(f, published))
            )
            result.append(Pending(pending.cue, pending.speaker, best, pending.issue))
    return result


_DAYS_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:on\s+)?")  # (fullmatch only)


def _listed_days(first: Found, second: Found, gap: str, published: dt.date) -> bool:
    """Two days listed for one act ("meet on 14 November and 5 December", "hearings on May 4,
    May 11 and May 18"): each a day of its own."""
    if first.kind != "date" or second.kind != "date" or not _DAYS_GAP.fullmatch(gap):
        return False
    a, b = first.resolve(published), second.resolve(published)
    return a is not None and b is not None and a.days == 1 and b.days == 1 and a != b


def bind_issue(pendings: list[Pending], issue_exprs: list[Found], day: dt.date) -> None:
    """Date a deadline noun by the issue expression just after it ("issued last month")."""
    for found in issue_exprs:
        nouns = [
            p
            for p in pendings
            if p.cue.noun and p.cue.end <= found.start and found.start - p.cue.end < 60
        ]
        if nouns:
            nouns[-1].issue = issued_window(found.text, day)


_SITTING = re.compile(r"adjourned|next\s+meeting", re.IGNORECASE)


def sharpen(
    text: str, cue: Cue, due: Found, window: Window | None, issued: Window
) -> Window | None:
    """A cue's window as its words mean it: a deadline that "is" a date runs from the day it was
    set ("The deadline for the final report is 20 August"); a body's next sitting is that day
    ("Adjourned till Tuesday 18th October")."""
    if window is None:
        return None
    if cue.noun and due.kind == "date":
        window = Window(min(issued.earliest, window.latest), window.latest)
    if _SITTING.match(text, cue.start, cue.end):
        window = Window.day(window.latest)
    return window


def parse_due(
    expression: str, *, issued: dt.date | Window, vague: VagueTable | None = None
) -> Window | None:
    """The due window of a time expression said on ``issued``; ``None`` if it names no date.

    >>> parse_due("in the coming days", issued=dt.date(2025, 9, 3))
    Window(earliest=datetime.date(2025, 9, 4), latest=datetime.date(2025, 9, 10))
    """
    found = [f for f in find(expression, vague=vague) if not f.past]
    if not found:
        return None
    best = max(found, key=lambda f: f.end - f.start)
    return best.window(issued)
