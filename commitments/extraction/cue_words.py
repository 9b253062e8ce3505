"""The words that cue a commitment, as patterns: the rules of :mod:`.cues` (which reads them).

Plain data, so that the rules can be read, extended and tested on their own: each rule names a
pattern of language ("will", "is expected to", "payable on", "has scheduled … for") and the kind
of commitment it marks.
"""

from __future__ import annotations

import re

from commitments.readers.actions import NOT_OWNERS
from commitments.records import Kind
from commitments.timex.numbers import NUMBER

__all__ = [
    "BROKEN",
    "CALLS",
    "CAN_DO",
    "CONDITION",
    "DATED_ONLY",
    "EXPIRED",
    "FUTURE_PROGRESSIVE",
    "HEDGED",
    "INSTRUCTION",
    "INSTRUCTIONS",
    "KEPT",
    "LITIGANT_BEFORE",
    "MINUTED",
    "RULES",
    "THREAT_WORDS",
]

_I = re.IGNORECASE
_NOUN_AFTER_TO = (
    r"\s*(?:the|a|an|our|its|their|his|her|this|that|these|those|my|your|global|national|public"
    r"|international|regional|world|human|life|lives|health|peace|security|stability|democracy"
    r"|(?-i:[A-Z])\w*)\b"
)
"""What follows "to" in a noun's complement, not an infinitive ("a threat to global security",
"our commitment to those goals"; not "a threat to walk out", "a pledge to cut taxes")."""
# Every rule below starts at a word or an apostrophe ("'ll", "’re"): the look-ahead
# `(?=[\w'’])` after the look-behind says so, and `re` then rules out most places of a text
# (spaces, punctuation, the middle of a word) with one class test instead of the whole rule.
RULES: tuple[tuple[re.Pattern[str], Kind, bool], ...] = (
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?!(?-i:Will)\s+(?-i:[A-Z][a-z]))"  # ("Will Smith will …")
            r"(?:will|shall)(?![\w’'-])(?!\s+(?:of|power|to\s+\w+\s+(?:power|win)"
            r"|be\s+(?:great|good|nice|fine|perfect|lovely|brilliant|amazing|interesting))\b)"
            r"(?<!\bthe\swill)(?<!\bfree\swill)(?<!\bill\swill)(?<!\bgood\swill)(?<!\bown\swill)"
            r"(?<!\bpolitical\swill)",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (re.compile(r"(?<=\w)['’]ll(?![\w’'-])"), Kind.PROMISE, False),
    (  # a body's next sitting: "[Adjourned till Tuesday 18th October", "next meeting: 4 May"
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:adjourned\s+(?:till|until|to)\b"
            r"|(?<!\bits\s)(?<!\bthe\s)(?<!\btheir\s)(?<!\bour\s)next\s+meeting\b)",
            _I,
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
            r"(?<![\w’'-])(?=[\w'’])(?<!\bhad\s)(?<!\bpreviously\s)(?<!\boriginally\s)(?:plans?|planned|planning|intends?|intended|intending|aims?|aimed"
            r"|aiming|expects?|expecting|wants?(?=\s+to\s+(?:\w+\s+){1,4}(?:by|within|before)\s)"
            r"|expected|targeted|undert(?:ook|akes?|aken)"
            r"|agreed|agrees?|committed|commits?|is\s+set|are\s+set|is\s+due|are\s+due"
            r"|scheduled|slated|poised|determined|resolved|on\s+track|on\s+course)\s+to\s+"
            r"(?!(?:date|the|a|an|this|that|these|those|its|their|his|her|our|my)\b)",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?<!\bthe\s)(?<!\ba\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\bour\s)"
            r"(?<!\btheir\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bmy\s)(?<!\byour\s)"
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
            r"(?<![\w’'-])(?=[\w'’])(?:promise|pledge|vow|commitment|undertaking)s?\s+"
            rf"(?=that\s|to\s(?!{_NOUN_AFTER_TO}))",
            _I,
        ),
        Kind.PROMISE,
        False,
    ),
    (  # "threatened to", "threatens sanctions", "a threat to walk out": not "the threat of
        # climate change", not "life threatening" (an adjective)
        re.compile(
            r"(?<![\w’'-])(?<!\blife\s)(?<!\bLife\s)(?=[\w'’])"
            r"(?:threaten(?!ing\b)\w*|threatening(?=\s+(?:to|that)\b)"
            r"|(?<=is\s|am\s|as\s)threatening|(?<=are\s|was\s)threatening|(?<=were\s|been\s)threatening"
            rf"|threats?(?=\s+(?:that\s|to\s(?!{_NOUN_AFTER_TO}))))",
            _I,
        ),
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
            r"(?!by\s)[\w-]+(?:\s+[\w-]+){0,3}"
            r"(?:\s+(?:in|of|for|at)\s+(?:the\s+|this\s+|that\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+to\s)",
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
    (  # "the scheduling order requires that all discovery be completed by September 30"
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:requir(?:es|ed)|order(?:s|ed)|direct(?:s|ed)|mandat(?:es|ed)"
            r"|demand(?:s|ed))"
            r"\s+that\s+(?=\w)",
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
            r"|slated|set|re-?set|re-?scheduled|due|expected|planned|timetabled|pencilled|penciled)"
            r"\s+(?:in\s+)?(?:for|by)\s+",
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
    (  # "The parties are DIRECTED to respond", "is obliged to file", "was told to": an obligation;
        # "Organisations … are invited to do so no later than Friday": a call with a deadline
        re.compile(
            r"(?<![\w’'-])(?=[\w'’])(?:is|are|was|were|be|been)\s+"
            r"(?:hereby\s+|further\s+|also\s+|again\s+|once\s+again\s+|then\s+)?"
            r"(?:directed|ordered|instructed|required|requested|invited|asked|encouraged|obliged"
            r"|obligated|compelled|told"
            r"|reminded\s+of\s+(?:their|its|his|her)"
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
            r"(?:ready|willing|prepared|happy)\s+to\s+(?=\w)(?!(?:join|be|announce|report|say|see"
            r"|welcome|have|hear|learn|do\s+(?:so|that|it|this))\b)"
            r"|invit(?:es?|ed|ing)\s+(?:\w+\s+){1,3}to)",
            _I,
        ),
        Kind.OFFER,
        False,
    ),
)
FUTURE_PROGRESSIVE = re.compile(
    r"(?:(?<![\w’'-])(?=[\w'’])(?:am|is|are)|['’]m|['’]re|(?<=\b[Hh]e)['’]s|(?<=\b[Ss]he)['’]s)"
    r"\s+(?!going\b)(?!(?:consider|weigh|mull"
    r"|discuss|explor|examin|study|studying|review|contemplat|debat|assess|evaluat|think)ing\b)"
    r"(?:\w+ing)(?![\w’'-])",
    _I,
)  # "we are meeting on Monday"; not deliberation ("Finland is considering …")
DATED_ONLY = re.compile(
    r"(?<![\w’'-])(?=[\w'’])(?:should(?!\s+(?:have|not|never)\b)|(?:is|are)\s+to(?=\s+(?!be\s+"
    r"(?:seen|expected|hoped|noted|found)\b)[a-z]))(?![\w’'-])"
    r"|(?<=[\s,])payable(?=\s+(?:on\s+)?(?:[A-Z]|\d))"  # a dividend "payable on March 15"
    r"|(?<=\bhas\s)(?:scheduled|slated|timetabled)(?=\s)"  # "NASA has scheduled the launch for"
    r"|(?<=\bhave\s)(?:scheduled|slated|timetabled)(?=\s)"
    r"|(?<=\bwould\sbe\s)grateful\s+(?:to\s+receive|for|if)\b"  # "… submissions by 9 May"
    r"|(?<![\w’'-])decided\s+to(?=\s+[a-z])"  # "has decided to exit the chain by the end of …"
    r"|(?<=\bbeen\s)extended(?=\s+(?:until|till|through|to)\s)"  # "… has been extended until …"
    r"|(?<![\w’'-])(?:meets|attends|participates|delivers|hosts|receives|visits|travels|chairs"
    r"|addresses|welcomes|signs|departs|returns|arrives|flies)(?=\s)"  # "on Saturday he attends …"
    r"|(?<![\w’'-])(?:heads|leaves)(?=\s+(?:to|for|back|home)\b)"  # "he heads to Paris on …"
    r"|(?<![\w’'-])(?:is|are)\s+expected(?=\s+in\s+(?-i:[A-Z]))"  # "she is expected in Paris on …"
    r"|(?<![\w’'-])(?:[Ss]cheduled|[Ss]lated|[Pp]lanned|[Dd]ue)\s+for\s+(?:release|publication"
    r"|launch|completion|delivery|opening|signature|adoption)\b"  # "(Scheduled for release on …)"
    r"|(?<![\w’'-])[Ww]e\s+(?=(?:rise|return|sit|meet|resume|adjourn|reconvene|depart|travel|fly"
    r"|vote|launch)\s)",  # a timetable in the present: "we rise on 19 December and return on …"
    _I,
)
"""Cues that commit only with a date: "The portal should be live shortly", "The Secretary is to
write to the landlord by Friday", a dividend "payable on March 15"."""
INSTRUCTIONS = ("Submit", "Send", "Apply", "Respond")
"""Verbs that open an instruction with a closing date ("Submit reply comments on or before …",
"Send it to me by the 24th")."""
_DUE_BY = (
    r"due\s+(?=(?:on\s+or\s+before|no\s+later\s+than|not\s+later\s+than|on|before|by|within)\s"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}/\d{1,2}/\d{2,4})"
)
"""A due date's call: "due" and, after it, the date it is due by (a piece of :data:`CALLS`)."""
INSTRUCTION = re.compile(rf"(?<![^\s:])(?:{'|'.join(INSTRUCTIONS)})(?=\s+\w)")
"""An instruction opening a sentence or a field, with a closing date: "Submit reply comments on
or before …" (case-sensitive: "to submit" inside a sentence is no instruction)."""
CALLS = re.compile(
    # "Comments are due on or before June 27", "reply comments are due no later than …"
    # (a docket's "Opening brief due by 6/19/2015", "Answer IS DUE November 22, 2017")
    rf"(?<![\w’'-])(?=[\w'’]){_DUE_BY}"
    r"|(?<![\w’'-])(?=[\w'’])(?:invites?|inviting|welcomes|seeks|requests)\s+"
    r"(?=(?:written\s+|further\s+|public\s+)?(?:submissions|evidence|comments|responses|views"
    r"|proposals|nominations|applications|feedback)\b)"
    r"|(?<![\w’'-])(?=[\w'’])(?:submissions|evidence|comments|responses|views|proposals"
    r"|nominations|applications)\s+(?:are|is)\s+(?:now\s+)?(?:requested|invited|welcome|sought)\b",
    _I,
)
"""A call with a closing date, the caller's deadline: "The Committee invites written submissions by
9 September", "Views are sought by Friday", "Comments are due on or before June 27" (with no date,
a call sets nothing to track)."""
MINUTED = re.compile(
    rf"^\W*(?:The\s+)?{NOT_OWNERS}"
    r"(?:[A-Z][\w'’-]*\s+){1,3}to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these"
    r"|those|all|each|every|any|some|officials|date)\b)(?=[a-z]+\b)"
)
"""A minute's action: "Officers to report back next month" (dated only); not "According to
officials, …" or a heading ("Response to the consultation")."""
CAN_DO = re.compile(
    r"(?<![\w’'-])(?=[\w'’])(?:I|[Ww]e)\s+can\s+(?!(?:not|never|only|see|tell|hear)\b)(?=[a-z])"
)
THREAT_WORDS = re.compile(
    r"\b(?:consequences|sanctions?|tariffs?|retaliat\w*|punish\w*|strike\s+back|or\s+else"
    r"|penalt(?:y|ies)|fines?|lawsuit|sue|legal\s+action|walk\s+out|strike)\b",
    _I,
)
CONDITION = re.compile(
    r"(?<![\w’'-])(?=[\w'’])(?:only\s+if|if|unless|provided(?:\s+that)?|as\s+long\s+as|on\s+condition\s+that"
    r"|in\s+case|should\s+(?=\w+\s+(?:fail|refuse|not)))\s[^,;.!?”\"]{3,120}",
    _I,
)
EXPIRED = re.compile(
    r"\b(?:(?:had|has|have)\s+(?:now\s+|already\s+|since\s+)?(?:expired|passed|lapsed|elapsed|run\s+out"
    r"|come\s+and\s+gone)|expired|lapsed|ran\s+out|came\s+and\s+went|deadline\s+passed)\b",
    _I,
)
KEPT = re.compile(
    r"\b(?:kept|keeping|fulfill?ed|delivered\s+on|made\s+good\s+on|honou?red|met)\s+"
    r"(?:his|her|their|its|the|that|this)\s+(?:promise|pledge|commitment|vow|deadline)s?\b",
    _I,
)
BROKEN = re.compile(
    r"\b(?:broke|broken|missed|reneged\s+on|backtracked\s+on|went\s+back\s+on|failed\s+to\s+meet"
    r"|blew|blown)\s+(?:his|her|their|its|the|that|this)\s+(?:promise|pledge|commitment|vow"
    r"|deadline)s?\b",
    _I,
)
HEDGED = re.compile(r"\b(?:whether|uncertain|unclear|unlikely|speculat\w+|wonder\w*)\b", _I)
LITIGANT_BEFORE = re.compile(
    r"\b(?:parties|[Pp]laintiffs?|[Dd]efendants?|[Cc]ounsel|[Pp]etitioners?|[Rr]espondents?"
    r"|[Aa]ppellants?|[Aa]ppellees?|[Mm]ovants?)(?:'s?)?(?:\s+[Cc]ounsel)?\s+$"
)
WARNED_FAILURE = re.compile(
    r"(?:^|\bthat[ \t]+|[,;:][ \t]*)(?:(?:[A-Z]\w*|[Tt]he[ \t]+\w+)(?:'s?|’s?)?[ \t]+)?"
    r"(?:[Ff]ailure|[Aa][ \t]+failure)[ \t]+to[ \t][^.;]{0,200}?\b(?:will|shall)$"
)
"""A court's warning of what failing its order brings ("Failure to do so will result in the
action's dismissal", "Plaintiff's failure to respond to this order will constitute …"): the text
before the cue, which ends with the cue's "will" or "shall"."""
