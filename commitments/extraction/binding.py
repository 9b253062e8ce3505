"""Which time expression dates what: the day a statement was made, the due date of each cue.

A sentence's time expressions split into issue dates ("said on Friday", "issued last month")
and due dates ("by March 31"); each due date goes to its cue (a cue with dues for two
coordinated actions splits in two) and an issue date next to a deadline noun dates that deadline.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from commitments.extraction.cues import Cue
from commitments.extraction.furniture import furniture
from commitments.extraction.moves import by_date, moved_date
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
    "split_roles",
]


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
        if furniture(text, found):
            continue  # a dateline, a date line or a "Posted:" stamp dates the page, never a due
        if _near(text, found.start, 60, "ecord", "ECORD") and _OF_RECORD.search(
            text, max(0, found.start - 60), found.start
        ):
            continue  # "to shareholders of record on March 1": who is paid, not when
        if _near(text, found.start, 30, "nded", "nding") and _PERIOD_ENDED.search(
            text, max(0, found.start - 30), found.start
        ):
            continue  # "the Form 10-K for the year ending December 31, 2006": which, not when
        if _TOPIC_OF.search(text, max(0, found.start - 40), found.start) and (
            _FOR_OF.match(found.text)
            or _FOR_OF_END.search(text, max(0, found.start - 6), found.start)
        ):
            continue  # "results for the fourth quarter", "guidance for 2006": what, not when
        if found.kind.startswith("skip"):
            if issued_window(found.text, published) is not None:
                issue.append(found)  # "last Friday", "past week": they date statements
            continue
        if found.past or (
            issued_window(found.text, published) is not None and _dates_statement(text, sent, found)
        ):
            issue.append(found)
        elif _DONE_BEFORE.search(text, max(0, found.start - 30), found.start) or (
            _near(text, found.start, 100, "by", "iously", "inally", "merly")
            and _SIGNED_BY.search(text, max(0, found.start - 100), found.start)
        ):
            continue  # "leaders met on Wednesday to discuss …": when something was done
        elif (moved := moved_date(text, sent, found)) is not found:
            if moved is not None:
                due.append(_closing(text, sent, moved))  # "extends the deadline from March 13
                # to March 23": the 23rd
        else:
            due.append(_closing(text, sent, _not_until(text, sent, found)))
    return issue, due


_CLOSES = re.compile(
    r"\b(?:(?:comment|consultation|application|registration|submission|nomination|enrol?ment"
    r"|bidding)\s+(?:period|window)|consultation|applications|nominations|registration"
    r"|submissions)\b[^.;:]{0,100}?\s(?:(?:will|shall|is\s+to)\s+(?:now\s+)?)?(?:close|closes|end|ends|expire"
    r"|expires|runs?\s+(?:until|through|to))\b",
    re.IGNORECASE,
)
"""A period for comments or applications that closes: what it takes is due by its last day."""


_NOT_UNTIL = re.compile(r"\b(?:not|never|n['’]t)\b(?:(?!\b(?:and|but|or|while)\b)[^.;:,]){0,80}$")
"""A negation in the clause before "until" (not one in a clause before it: "has not extended
the period and will accept comments until …")."""
_UNTIL_WORD = re.compile(r"(?:until|till)\s+", re.IGNORECASE)


def _not_until(text: str, sent: Sentence, found: Found) -> Found:
    """ "They will not return until the fall": they return in the fall, not any day before."""
    until = _UNTIL_WORD.match(found.text)
    if until is None or not _NOT_UNTIL.search(text, max(sent.start, found.start - 80), found.start):
        return found
    then = [f for f in find(found.text[until.end() :]) if not f.past]
    return then[0].shifted(found.start + until.end()) if then and then[0].start == 0 else found


def _closing(text: str, sent: Sentence, found: Found) -> Found:
    """ "The comment period will close on April 17": comments are due by the 17th (a window
    from the day it was said), not on it."""
    if found.kind.startswith(("by:", "range")):
        return found
    head = text[sent.start : found.start]
    if not (
        "eriod" in head
        or "indow" in head
        or "onsultation" in head
        or "pplications" in head
        or "ominations" in head
        or "egistration" in head
        or "ubmissions" in head
    ):
        return found  # (a quick test: the words one of which every closing period names)
    return by_date(found) if _CLOSES.search(head) else found


def _near(text: str, end: int, reach: int, *words: str) -> bool:
    """Whether one of ``words`` is in the ``reach`` characters before ``end`` (a quick test
    before a pattern's scan there, which tries every position)."""
    start = max(0, end - reach)
    return any(text.find(word, start, end) != -1 for word in words)


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


_OF_RECORD = re.compile(
    r"\bof\s+record(?:\s+(?:at|as\s+of)\s+the\s+close\s+of\s+business)?(?:\s+(?:on|as\s+of|at))?\s*$"
    r"|\brecord\s+date(?:\s+(?:of|is|will\s+be))?\s*$",
    re.IGNORECASE,
)
_TOPIC_OF = re.compile(
    r"\b(?:results|earnings|guidance|outlook|figures|revenues?|sales|forecasts?|estimates"
    r"|statistics|performance|budget|accounts|financial\s+statements)\s+(?:(?:for|of)\s+)?$",
    re.IGNORECASE,
)
_PERIOD_ENDED = re.compile(
    r"\b(?:year|quarter|period|months?|weeks?)\s+(?:then\s+)?end(?:ed|ing)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
"""A reporting period named by its last day ("the quarter ended June 30, 2006", "the year ending
December 31"): the name of the period a report covers, never a due date."""
_FOR_OF = re.compile(r"(?:for|of)\s", re.IGNORECASE)
_FOR_OF_END = re.compile(r"\b(?:for|of)\s+$")
"""What a period is the topic of ("results for the fourth quarter", "guidance for 2006"): no due
date (the results are released on a day of their own)."""
_DONE_BEFORE = re.compile(
    r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeen\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)"
    r"\b(?:met|held|began|took|gave|went|came|told|spoke|wrote|sent|signed|agreed|voted|decided"
    r"|announced|launched|opened|closed)\s+$"
)
"""A verb in the past right before a time ("met on Wednesday", "voted last week"): the time of
a past act, no due date (not "will be held on …", "is to meet on …")."""
_SIGNED_BY = re.compile(
    r"\b(?:signed|entered|filed)\s+by\s+(?:[^.;:\n]|(?<=\b[A-Z])\.){1,80}?\s+(?:on\s+)?$"
    r"|\b(?:previously|originally|formerly)\s+(?:set|scheduled|slated|noticed)\s+(?:for\s+)?$"
)
"""When an order was signed ("signed by Magistrate Judge Newman on 5/7/15"), or the date it
sets aside ("the hearing previously set for 9/13/19"): no due date."""
_PARTICIPLES = frozenset("made set given issued imposed dated written sent".split())
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her)\s+(?:[a-z][\w-]*\s+){1,2}$")
_FUTURE_BE = re.compile(  # "is expected to be published", "will set out", "plans to release"
    r"(?:\b(?:to|will|would|shall|should|could|may|might|must)|['’]ll)\s+(?:be\s+)?(?:\w+ly\s+)?$"
)


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


_DEADLINE_BEFORE = re.compile(
    r"\b(?:deadline|cut-?off|target\s+date|closing\s+date|due\s+date)\s+(?:of|for|on|is|was)\s+$",
    re.IGNORECASE,
)
_DEADLINE_AFTER = re.compile(r"\s+(?:deadline|cut-?off|target\s+date)\b", re.IGNORECASE)
_ADDRESSEE = re.compile(
    r"\s+to\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w.-]*|reporters|journalists|press|media|lawmakers"
    r"|legislators|parliament|supporters|members|audience|crowd|students|workers|staff|employees"
    r"|investors|analysts|delegates|senators|congress)\b"
)
"""Whom a statement was made to, right after its verb ("speaking to reporters", "told to the
Senate"): no infinitive."""
_IN_A = re.compile(r"\W*(?:[Ii]n|[Uu]nder|[Bb]y|[Tt]hrough)\s+(?:a|an|the|its|his|her|their)\s+")
_DATED_PAPER = re.compile(
    r",?\s+(?:[\w-]+\s+){0,2}?(?:order|letter|statement|memorandum|memo|decision|ruling"
    r"|directive|notice|opinion|announcement|proclamation|release|filing|minute\s+order)\b"
)
"""A paper and its date at the head of a sentence ("In an April 29, 2017 executive order, …"):
the date the sentence's act was made on."""


def _dates_statement(text: str, sent: Sentence, found: Found) -> bool:
    """ "said on Friday", "informed reporters … on Wednesday that", "On Friday, X pledged"."""
    head = text[sent.start : found.start]
    if _DEADLINE_BEFORE.search(head, max(0, len(head) - 40)) or _DEADLINE_AFTER.match(
        text, found.end
    ):
        return False  # "set a deadline of June 30", "set a June 30 deadline": the deadline's day
    verb = None
    for m in ISSUING.finditer(head):
        if m[0] in _PARTICIPLES and _ATTRIBUTIVE.search(head, max(0, m.start() - 40), m.start()):
            continue  # "following a decision made in July": the decision's date
        if not _after_article(head, m.start()) and not _FUTURE_BE.search(head, 0, m.start()):
            verb = m  # (not "the signed contract", "is expected to be published", "will set")
    if verb is not None:
        between = head[verb.end() :]
        if addressee := _ADDRESSEE.match(between):  # ("speaking to reporters on Tuesday")
            between = between[addressee.end() :]
        if len(between.split()) <= 6 and not BLOCKERS.search(between):
            return True
    if not head.strip() or LEAD_IN.fullmatch(head):
        tail = text[found.end : sent.end]
        if tail.lstrip().startswith(",") and ISSUING.search(tail[:80]):
            return True
    after = text[found.end : min(sent.end, found.end + 40)]
    if _DATED_PAPER.match(after) and _IN_A.fullmatch(head):
        return True  # "In a September 10, 2007 order, the court directed …": the order's date
    if ISSUING.match(after.lstrip()) and after[:1].isspace():
        return True  # "Trump on Monday told reporters", "the Commission on Thursday gave"
    return bool(
        verb is not None  # (tested first: the match has no side effect)
        and THAT_OR_SAID.match(after)
    )


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
