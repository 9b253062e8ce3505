"""Which time expressions of a sentence date the statement and which may be due dates: "said on
Friday", "issued last month" and past dates date it; page furniture, "shareholders of record on
March 1", "results for the fourth quarter", "the year ending December 31", "met on Wednesday"
and a date moved away from date nothing; the rest may be due ("by March 31"), read as what they
say of the act: a closing period's last day is due by it, "not … until June 5" happens then.
"""

from __future__ import annotations

import datetime as dt
import re

from commitments.extraction.furniture import furniture
from commitments.extraction.moves import by_date, moved_date, until_day
from commitments.extraction.patterns import ARTICLE_END, BLOCKERS, ISSUING, LEAD_IN, THAT_OR_SAID
from commitments.extraction.segmentation import Sentence
from commitments.fastmatch.prefilter import SENTENCES
from commitments.timex.grammar import Found
from commitments.timex.issue import issued_window

__all__ = ["split_roles"]


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
SENTENCES.watch([_CLOSES])


_NOT_UNTIL = re.compile(r"\b(?:not|never|n['’]t)\b(?:(?!\b(?:and|but|or|while)\b)[^.;:,]){0,80}$")
"""A negation in the clause before "until" (not one in a clause before it: "has not extended
the period and will accept comments until …")."""


def _not_until(text: str, sent: Sentence, found: Found) -> Found:
    """ "They will not return until the fall": they return in the fall, not any day before."""
    day = until_day(found)
    if day is None or not _NOT_UNTIL.search(text, max(sent.start, found.start - 80), found.start):
        return found
    return day


def _closing(text: str, sent: Sentence, found: Found) -> Found:
    """ "The comment period will close on April 17": comments are due by the 17th (a window
    from the day it was said), not on it."""
    if found.kind.startswith(("by:", "range")):
        return found
    if _CLOSES in SENTENCES.ruled_out(text[sent.start : sent.end]):
        return found  # (the sentence lacks the words every closing period names)
    return by_date(found) if _CLOSES.search(text, sent.start, found.start) else found


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
