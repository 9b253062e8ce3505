"""Commitment cues: the words that make a statement a commitment, and what kind.

A date alone is not a commitment: a sentence needs one of these cues (a future or commissive
verb, a deadline noun, an offer) before its time expressions count as a due date.
"""

from __future__ import annotations

import functools
import re

import attrs

from commitments.fastmatch.locate import Located
from commitments.fastmatch.prefilter import SENTENCES, Ruled, fold
from commitments.readers.actions import NOT_OWNERS
from commitments.records import Kind, Status
from commitments.timex.numbers import NUMBER

__all__ = [
    "Cue",
    "condition",
    "cues_in",
    "merged",
    "obliges",
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


_I = re.IGNORECASE
# Every rule below starts at a word or an apostrophe ("'ll", "’re"): the look-ahead
# `(?=[\w'’])` after the look-behind says so, and `re` then rules out most places of a text
# (spaces, punctuation, the middle of a word) with one class test instead of the whole rule.
_RULES: tuple[tuple[re.Pattern[str], Kind, bool], ...] = (
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:will|shall)(?![\w’'-])(?!\s+(?:of|power|to\s+\w+\s+(?:power|win)"
            r"|be\s+(?:great|good|nice|fine|perfect|lovely|brilliant|amazing|interesting)\b))"
            r"(?<!the\swill)(?<!free\swill)(?<!ill\swill)(?<!good\swill)(?<!own\swill)"
            r"(?<!political\swill)",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (re.compile(r"(?<=\w)['’]ll(?![\w’'-])"), Kind.PROMISE, False),
    (  # a body's next sitting: "[Adjourned till Tuesday 18th October", "next meeting: 4 May"
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:adjourned\s+(?:till|until|to)\b|next\s+meeting\b)", _I
        ),
        Kind.PROMISE,
        False,
    ),
    (
        re.compile(
            r"(?<=\w)['’]d\s+(?!(?:been|done|had|gone|seen|already|never|just|better|rather"
            r"|like|love|prefer)\b)(?=[a-z]+\b)(?![a-z]+(?:ed|en)\b)"
        ),
        Kind.PROMISE,
        False,
    ),
    (
        re.compile(r"(?<![\w’'-])(?=[\w'’])(?:won['’]t|shan['’]t)(?![\w’'-])", _I),
        Kind.PROMISE,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])would(?![\w’'-])(?!\s+(?:have|not\s+have|'ve|like|love|prefer|rather"
            r"|mind|be\s+(?:great|good|nice|helpful|fine|perfect|ideal|better|best|awesome"
            r"|lovely|brilliant|amazing|useful|wise|a\s+shame|a\s+pity)))",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:(?:am|is|are|was|were|['’]m|['’]re)\s+)?(?:going\s+to|gonna)\s+(?!be\s+(?:a|an|the)\b)",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?<!had\s)(?<!previously\s)(?<!originally\s)(?:plans?|planned|planning|intends?|intended|intending|aims?|aimed"
            r"|aiming|expects?|expecting|wants?(?=\s+to\s+(?:\w+\s+){1,4}(?:by|within|before)\s)"
            r"|expected|targeted|undert(?:ook|akes?)"
            r"|agreed|agrees?|committed|commits?|is\s+set|are\s+set|is\s+due|are\s+due"
            r"|scheduled|slated|poised|determined|resolved|on\s+track|on\s+course)\s+to\s+(?!date\b)",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?<!the\s)(?<!a\s)(?<!his\s)(?<!her\s)(?<!its\s)(?<!our\s)"
            r"(?<!their\s)(?<!this\s)(?<!that\s)(?<!my\s)(?<!your\s)"
            r"(?:pledg|promis|vow|swor|guarant)\w*(?<!pledges)(?<!promises)(?<!vows)"
            r"(?=\s+(?:to|that|not|never|a|an|the|this|these|its|his|her|their|our|my|more|new"
            r"|full|further|some|no|\$|£|€|\d|[“\"]|him|them|us|me|you|it|(?:[\w,]+\s+){1,4}?(?:to|that)\b)"
            r"|[,.;:]|\s*$)",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:promise|pledge|vow|commitment|undertaking)s?\s+(?=(?:to|that)\s)",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (  # "threatened to", "threatens sanctions", "a threat to walk out": not "the threat of
        # climate change"
        re.compile(r"(?<![\w’'-])(?=[\w'’])(?:threaten\w*|threats?(?=\s+(?:to|that)\s))", _I),
        Kind.THREAT,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:deadlines?|ultimatums?|cut-?off\s+date)(?![\w’'-])", _I
        ),
        Kind.DEADLINE,
        True,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:order(?:s|ed|ing)?|demand(?:s|ed|ing)?|instruct(?:s|ed|ing)?"
            r"|direct(?:s|ed)"
            r"|urg(?:e|es|ed)|call(?:s|ed)?\s+on|told\s+(?:[\w-]+\s+){1,3}to)"
            r"(?=\s+(?:the\s+|a\s+|an\s+|all\s+|every\s+|its\s+|his\s+|her\s+|their\s+)?"
            r"[\w-]+(?:\s+[\w-]+){0,3}\s+to\s)",
            _I,
        ),
        Kind.DEMAND,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:demand(?:s|ed|ing)?|requir(?:es|ed|ing))\s+(?:an?|the)\s+",
            _I,
        ),
        Kind.DEMAND,
        False,
    ),
    (re.compile(r"(?<![\w’'-])(?=[\w'’])must(?![\w’'-])", _I), Kind.DEMAND, False),
    (  # "The company expects the transaction to close in the second quarter": its own act
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:expects?|expected|anticipates?|anticipated|plans?|intends?)"
            r"\s+(?:the|its|their|our|this|that)\s+(?:[\w'’-]+\s+){0,5}?to\s+(?=(?:close|complete"
            r"|be\s+(?:completed|finali[sz]ed|published|issued|ready|operational|launched|in\s+place)"
            r"|begin|start|commence|open|take\s+effect|become\s+effective|launch|conclude"
            r"|finish|resume|restart)\b)",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (  # "The vote is scheduled for Thursday", "a decision is expected by June"
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:is|are|was|were|be|been)\s+(?:now\s+|also\s+)?(?:scheduled"
            r"|slated|set|due|expected|planned|timetabled|pencilled|penciled)\s+(?:in\s+)?(?:for|by)\s+",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (  # "has given the rebels one week to lay down their arms"
        re.compile(
            rf"(?<![\w’'-])(?=[\w'’])(?:give|gives|gave|given|giving|grant(?:s|ed)?)\s+"
            rf"(?:[\w'’-]+\s+){{1,3}}?(?:just\s+|only\s+|another\s+)?(?:{NUMBER}|a|an)\s+(?:more\s+)?"
            r"(?:hours?|days?|weeks?|months?)\b",
            _I,
        ),
        Kind.DEADLINE,
        False,
    ),
    (  # "The parties are DIRECTED to respond", "is hereby ordered to file": an obligation
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:is|are|was|were|be|been)\s+(?:hereby\s+|further\s+|also\s+)?"
            r"(?:directed|ordered|instructed|required|requested|reminded\s+of\s+(?:their|its|his|her)"
            r"\s+obligation)\s+to\s+(?=\w)",
            _I,
        ),
        Kind.DEMAND,
        False,
    ),
    (
        re.compile(r"(?<![\w’'-])(?=[\w'’])told\s+(?:[\w-]+\s+){1,3}?to\s+(?=\w)", _I),
        Kind.DEMAND,
        False,
    ),
    (
        re.compile(
            rf"(?<![\w’'-])(?:have|has|had|get|gets|got)\s+(?:until|till|(?:just\s+|only\s+)?"
            rf"(?:{NUMBER})\s+(?:more\s+)?(?:hours?|days?|weeks?|months?))\b",
            _I,
        ),
        Kind.DEADLINE,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:give|gives|gave|given|giving)\s+(?:[\w'’-]+\s+){1,3}?"
            r"(?=until\b|till\b|by\b)",
            _I,
        ),
        Kind.DEADLINE,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:offer(?:s|ed)?\s+to|let\s+(?:him|her|them)\s+(?!down\b)|"
            r"(?:ready|willing|prepared|happy)\s+to\s+(?=\w)|invit(?:es?|ed|ing)\s+(?:\w+\s+){1,3}to)",
            _I,
        ),
        Kind.OFFER,
        False,
    ),
)
_FUTURE_PROGRESSIVE = re.compile(
    r"(?<![\w’'-])(?=[\w'’])(?:am|is|are|['’]m|['’]re)\s+(?!going\b)(?!(?:consider|weigh|mull"
    r"|discuss|explor|examin|study|studying|review|contemplat|debat|assess|evaluat|think)ing\b)"
    r"(?:\w+ing)(?![\w’'-])",
    _I,
)  # "we are meeting on Monday"; not deliberation ("Finland is considering …")
_DATED_ONLY = re.compile(
    r"(?<![\w’'-])(?=[\w'’])(?:should(?!\s+(?:have|not|never)\b)|(?:is|are)\s+to(?=\s+(?!be\s+"
    r"(?:seen|expected|hoped|noted|found)\b)[a-z]))(?![\w’'-])"
    r"|(?<=[\s,])payable(?=\s+(?:on\s+)?(?:[A-Z]|\d))"  # a dividend "payable on March 15"
    r"|(?<=\bhas\s)(?:scheduled|slated|timetabled)(?=\s)"  # "NASA has scheduled the launch for"
    r"|(?<=\bhave\s)(?:scheduled|slated|timetabled)(?=\s)"
    r"|(?<=\bwould\sbe\s)grateful\s+(?:to\s+receive|for|if)\b"  # "… submissions by 9 May"
    r"|(?<![\w’'-])(?:meets|attends|participates|delivers|hosts|receives|visits|travels|chairs"
    r"|addresses|welcomes|signs|departs|returns|arrives|flies)(?=\s)"  # "on Saturday he attends …"
    r"|(?<![\w’'-])(?:[Ss]cheduled|[Ss]lated|[Pp]lanned|[Dd]ue)\s+for\s+(?:release|publication"
    r"|launch|completion|delivery|opening|signature|adoption)\b"  # "(Scheduled for release on …)"
    r"|(?<![\w’'-])[Ww]e\s+(?=(?:rise|return|sit|meet|resume|adjourn|reconvene|depart|travel|fly"
    r"|vote|launch)\s)",  # a timetable in the present: "we rise on 19 December and return on …"
    _I,
)
"""Cues that commit only with a date: "The portal should be live shortly", "The Secretary is to
write to the landlord by Friday", a dividend "payable on March 15"."""
_MINUTED = re.compile(
    rf"^\W*(?:The\s+)?{NOT_OWNERS}"
    r"(?:[A-Z][\w'’-]*\s+){1,3}to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these"
    r"|those|all|each|every|any|some|officials|date)\b)(?=[a-z]+\b)"
)
"""A minute's action: "Officers to report back next month" (dated only); not "According to
officials, …" or a heading ("Response to the consultation")."""
_CAN_DO = re.compile(
    r"(?<![\w’'-])(?=[\w'’])(?:I|[Ww]e)\s+can\s+(?!(?:not|never|only|see|tell|hear)\b)(?=[a-z])"
)
_THREAT_WORDS = re.compile(
    r"\b(?:consequences|sanctions?|tariffs?|retaliat\w*|punish\w*|strike\s+back|or\s+else"
    r"|penalt(?:y|ies)|fines?|lawsuit|sue|legal\s+action|walk\s+out|strike)\b",
    _I,
)
_CONDITION = re.compile(
    r"(?<![\w’'-])(?=[\w'’])(?:only\s+if|if|unless|provided(?:\s+that)?|as\s+long\s+as|on\s+condition\s+that"
    r"|in\s+case|should\s+(?=\w+\s+(?:fail|refuse|not)))\s[^,;.!?”\"]{3,120}",
    _I,
)
_EXPIRED = re.compile(
    r"\b(?:(?:had|has|have)\s+(?:now\s+|already\s+|since\s+)?(?:expired|passed|lapsed|elapsed|run\s+out"
    r"|come\s+and\s+gone)|expired|lapsed|ran\s+out|came\s+and\s+went|deadline\s+passed)\b",
    _I,
)
_KEPT = re.compile(
    r"\b(?:kept|keeping|fulfill?ed|delivered\s+on|made\s+good\s+on|honou?red|met)\s+"
    r"(?:his|her|their|its|the|that|this)\s+(?:promise|pledge|commitment|vow|deadline)s?\b",
    _I,
)
_BROKEN = re.compile(
    r"\b(?:broke|broken|missed|reneged\s+on|backtracked\s+on|went\s+back\s+on|failed\s+to\s+meet"
    r"|blew|blown)\s+(?:his|her|their|its|the|that|this)\s+(?:promise|pledge|commitment|vow"
    r"|deadline)s?\b",
    _I,
)
_HEDGED = re.compile(r"\b(?:whether|uncertain|unclear|unlikely|speculat\w+|wonder\w*)\b", _I)


SENTENCES.watch(
    [
        *(pattern for pattern, _, _ in _RULES),
        *(
            _FUTURE_PROGRESSIVE,
            _CAN_DO,
            _DATED_ONLY,
            _MINUTED,
            _BROKEN,
            _KEPT,
            _EXPIRED,
            _THREAT_WORDS,
            _CONDITION,
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
            dated.append(Cue(m.start() - start, m.end() - start, Kind.PROMISE))
    minute = _MINUTED.match(sentence) if _MINUTED_ID in allowed else None
    if minute is not None:
        dated.append(Cue(minute.end() - 2, minute.end(), Kind.PROMISE))
    return tuple(plain), tuple(dated)


_KEYED_RULES = tuple((id(pattern), Located(pattern), kind, noun) for pattern, kind, noun in _RULES)
_FUTURE_PROGRESSIVE_FOUND, _CAN_DO_FOUND, _DATED_ONLY_FOUND = (
    Located(p) for p in (_FUTURE_PROGRESSIVE, _CAN_DO, _DATED_ONLY)
)
_FUTURE_PROGRESSIVE_ID = id(_FUTURE_PROGRESSIVE)
_CAN_DO_ID = id(_CAN_DO)
_DATED_ONLY_ID = id(_DATED_ONLY)
_MINUTED_ID = id(_MINUTED)
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
        if _THREAT_WORDS_ID in ruled.allowed and _THREAT_WORDS.search(clause):
            return Kind.THREAT
    return kind


def condition(clause: str, ruled: Ruled | None = None) -> str | None:
    """A condition attached to the clause ("if the talks fail"), if any (``ruled`` as in
    :func:`refine_kind`)."""
    if ruled is None:
        ruled = SENTENCES.ruled_out(clause)
    m = _CONDITION.search(clause) if _CONDITION_ID in ruled.allowed else None
    return " ".join(m[0].split()) if m else None


def stated_status(clause: str, ruled: Ruled | None = None) -> Status | None:
    """A status the text itself states: "had now expired", "kept her promise", "missed the
    deadline" (``ruled`` as in :func:`refine_kind`)."""
    if ruled is None:
        ruled = SENTENCES.ruled_out(clause)  # asked once for the three patterns
    allowed = ruled.allowed
    if _BROKEN_ID in allowed and _BROKEN.search(clause):
        return Status.BROKEN
    if _KEPT_ID in allowed and _KEPT.search(clause):
        return Status.KEPT
    if _EXPIRED_ID in allowed and _EXPIRED.search(clause):
        return Status.EXPIRED
    return None


# Every pattern below is watched by SENTENCES: ``id(p) not in ruled.allowed`` is ``p in ruled``.
_THREAT_WORDS_ID = id(_THREAT_WORDS)
_CONDITION_ID = id(_CONDITION)
_BROKEN_ID = id(_BROKEN)
_KEPT_ID = id(_KEPT)
_EXPIRED_ID = id(_EXPIRED)


def hedged(clause: str) -> bool:
    """The narrator speculates ("it remains uncertain whether …"): no commitment."""
    return bool(_HEDGED.search(clause))


def obliges(text: str, cue: Cue, *, court: bool = False) -> bool:
    """An obligation laid on someone ("shall file", "must be submitted", "are directed to"); in
    a court's order, also what a party to the case "will" do ("The parties will file a joint
    status report by April 29")."""
    word = text[cue.start : cue.end].casefold()
    if cue.kind is Kind.DEMAND or word == "shall":
        return True
    return (
        court
        and word == "will"
        and _LITIGANT_BEFORE.search(text, max(0, cue.start - 40), cue.start) is not None
    )


_LITIGANT_BEFORE = re.compile(
    r"\b(?:parties|[Pp]laintiffs?|[Dd]efendants?|[Cc]ounsel|[Pp]etitioners?|[Rr]espondents?"
    r"|[Aa]ppellants?|[Aa]ppellees?|[Mm]ovants?)(?:'s?)?(?:\s+[Cc]ounsel)?\s+$"
)
