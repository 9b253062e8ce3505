"""Which time expression dates what: the day a statement was made, the due date of each cue.

A sentence's time expressions split into issue dates ("said on Friday", "issued last month")
and due dates ("by March 31"); each due date goes to its cue (a cue with dues for two
coordinated actions splits in two) and an issue date next to a deadline noun dates that deadline.
"""

from __future__ import annotations

import datetime as dt

import attrs

from commitments.extraction.cues import Cue
from commitments.extraction.patterns import (
    ARTICLE_END,
    BLOCKERS,
    COORDINATED,
    ISSUING,
    LEAD_IN,
    THAT_OR_SAID,
)
from commitments.extraction.segmentation import Sentence
from commitments.extraction.speakers import Attribution
from commitments.records import Window
from commitments.timex.grammar import Found
from commitments.timex.issue import issued_window

__all__ = ["Pending", "bind_due", "bind_issue", "sentence_issue", "specificity", "split_roles"]


@attrs.define
class Pending:
    """A cue on its way to a commitment: its speaker, due expression and issue window."""

    cue: Cue
    speaker: str | None
    due: Found | None = None
    issue: Window | None = None


def split_roles(
    text: str, sent: Sentence, expressions: list[Found], published: dt.date
) -> tuple[list[Found], list[Found]]:
    """The sentence's expressions that date the statement, and those that may be due dates."""
    issue: list[Found] = []
    due: list[Found] = []
    for found in expressions:
        if found.kind.startswith("skip"):
            if issued_window(found.text, published) is not None:
                issue.append(found)  # "last Friday", "past week": they date statements
            continue
        if found.past:
            issue.append(found)
        elif issued_window(found.text, published) is not None and _dates_statement(
            text, sent, found
        ):
            issue.append(found)
        else:
            due.append(found)
    return issue, due


def _after_article(text: str, end: int) -> bool:
    r"""``re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", text[:end])``, without trying
    every position: every match ends the string with its whitespace, so the article ends
    ``text[:end].rstrip()`` (``\s`` and ``str.isspace`` are the same set), which must be
    shorter. (``\b`` looks behind the ``pos`` of a search, into the string.)"""
    head = text[:end]
    stripped = head.rstrip()
    if len(stripped) == len(head):
        return False
    return ARTICLE_END.search(stripped, max(0, len(stripped) - 5)) is not None


def _dates_statement(text: str, sent: Sentence, found: Found) -> bool:
    """ "said on Friday", "informed reporters … on Wednesday that", "On Friday, X pledged"."""
    head = text[sent.start : found.start]
    verb = None
    for m in ISSUING.finditer(head):
        if not _after_article(head, m.start()):
            verb = m  # (not "the signed contract")
    if verb is not None:
        between = head[verb.end() :]
        if len(between.split()) <= 6 and not BLOCKERS.search(between):
            return True
    if not head.strip() or LEAD_IN.fullmatch(head):
        tail = text[found.end : sent.end]
        if tail.lstrip().startswith(",") and ISSUING.search(tail[:80]):
            return True
    after = text[found.end : min(sent.end, found.end + 40)]
    if ISSUING.match(after.lstrip()) and after[:1].isspace():
        return True  # "Trump on Monday told reporters", "the Commission on Thursday gave"
    return bool(
        verb is not None  # (tested first: the match has no side effect)
        and THAT_OR_SAID.match(after)
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
        if target is not None:
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
            if groups and not COORDINATED.search(text[groups[-1][-1].end : found.start]):
                groups[-1].append(found)
            else:
                groups.append([found])
        for group in groups:
            best = (
                group[0] if len(group) == 1 else max(group, key=lambda f: specificity(f, published))
            )
            result.append(Pending(pending.cue, pending.speaker, best, pending.issue))
    return result


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
