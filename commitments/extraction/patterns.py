"""The regular expressions the extraction steps share, compiled once.

(``re.X(string, …)`` looks its pattern up in ``re``'s cache at every call.) Each names a pattern
of language; the steps that use them are :mod:`.attribution` (who said it), :mod:`.binding`
(which time expression dates what) and :mod:`.phrasing` (the words of the action).
"""

from __future__ import annotations

import re

from commitments.extraction.names import ORG_AND
from commitments.extraction.speakers import VERB as REPORTING_VERB
from commitments.fastmatch.trie import alternation

__all__ = [
    "ARTICLE_END",
    "ASIDES",
    "BARE_MODAL",
    "BARE_PARTICIPLE",
    "BLOCKERS",
    "CLAUSE_END",
    "COORDINATED",
    "CUE_WORDS",
    "DEADLINE_WORD",
    "DUE",
    "FIRST_PERSON",
    "GAP_AFTER_QUOTE",
    "GAP_BEFORE_QUOTE",
    "GENERIC_ORG",
    "ISSUING",
    "LEAD_IN",
    "NOT_AN_ACTION",
    "OTHER_CLAUSE",
    "OWNER_IN_BRACKETS",
    "RELATIVE_GAP",
    "SENTENCE_BREAK",
    "SPACE_BEFORE_MARK",
    "SUBJECT_BEFORE",
    "SUBJECT_START",
    "THAT_OR_SAID",
    "TO_THAT",
    "WRITTEN_QUESTION",
]

# -- who said it ------------------------------------------------------------------------------

FIRST_PERSON = re.compile(r"(?<![\w’'-])(?:I|we|We|us|let['’]s|Let['’]s|my|our|Our|My)(?![\w’'-])")
_NAME_PARTICLE = "(?:de|da|van|von|der|den|al|bin|la|le|du|del|di|dos|ter)"
"""The small words inside a name ("Ursula von der Leyen", "Charles de Gaulle")."""
SUBJECT_START = re.compile(  # "The county", "Acme Corp.", "The Bank of England", "Food and Drug …"
    r"(?:[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*|(?:[Tt]he\s+)?(?![Tt]he\s)[A-Z][\w’'.&-]*"
    rf"(?:\s+(?:(?:of|for)\s+(?:the\s+)?|{ORG_AND}\s+|(?:{_NAME_PARTICLE}\s+){{1,2}})?[A-Z][\w’'.&-]*)"
    r"{0,4})(?=[\s,])"
)
BARE_MODAL = re.compile(
    r"(?:will|shall|would|['’]ll|won['’]t|shan['’]t|(?:(?:am|is|are|was|were|['’]m|['’]re)\s+)?"
    r"(?:going\s+to|gonna)\s*)",
    re.IGNORECASE,
)
NOT_AN_ACTION = re.compile(  # (what follows the spaces starts with a letter: `*+` is exact)
    r"\s*+(?:(?:\w+ly|thereby|therefore|thus|then|also|now|still)\s+){0,2}"
    r"(?:be(?![ \t]+[a-z]+ing\b)|have|need|like|love|want|hope|know|see|think|feel|seem|remain"
    r"|continue|get|prefer|expect|find|try|work|stay|look|do\s+(?:exactly\s+)?(?:the\s+same"
    r"|(?:our|my|their|its)\s+best|what|everything|all|whatever))\b",
    re.IGNORECASE,
)
DEPOSITED = re.compile(
    r"\s+(?:be\s+(?:placed|deposited|laid|made\s+available)|(?:also\s+)?(?:place|deposit|lay)"
    r"\s+(?:a\s+copy|copies)\b[^.;\n]{0,80}?)\s+in\s+the\s+(?:Library|Libraries|Vote\s+Office"
    r"|Printed\s+Paper\s+Office)\b"
)
"""Parliament's formula for papers a minister undertakes to deposit ("Copies of the report will
be placed in the Library of the House", "I will place a copy in the Library"): the voice's act,
though a passive."""
WE_LEAD = re.compile(r"\s*(?:[A-Z][a-z]+,\s+)?(?:we|We)\s+(?:\w+ly\s+)?")  # (fullmatch only)
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d"
LEAD_CLAUSE = re.compile(  # what may stand before a sentence's subject ("On May 4, 2008, ")
    r"\s*(?:(?:If|When|Once|Unless|Until|After|Before|As\s+soon\s+as|Should|In|On|At|During"
    r"|From|Later|Earlier|Next|Over|By|Following|While|Whilst|Starting|Beginning)\b"
    rf"(?:[^,;]|,[ \t]*(?=\d{{4}}\b|{_MONTH_DAY})){{1,120}},\s*"  # (a date's own commas)
    r"|[A-Z][a-z]+ly,\s+"  # "Additionally, NOAA will …", "Finally, …"
    r"|(?:But|And|So|Yet|However|Meanwhile|Also|Now|Separately|Instead|Then|Afterwards?"
    r"|After\s+that|From\s+there|(?:Later\s+)?(?:[Tt]hat|[Tt]he\s+same)\s+(?:day|morning"
    r"|afternoon|evening|night)|(?:[Oo]n\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\b,?\s+"
    r"|\([^()\n]{1,80}\)\s+"  # a dateline: "(Chicago, Ill. - June 13, 2007) The EPA …"
    # a dateline: "WASHINGTON - ", "CAPE CANAVERAL, Fla. -- ", "WASHINGTON, D.C. – "
    r"|[A-Z]{2,}(?:[ \t,]+(?:[A-Z]{2,}\.?|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)){0,3}"
    r"[ \t]+[-–—]{1,2}[ \t]+"
    # an impersonal report: "It has also been reported that Kerry plans to …"
    r"|(?:It|it)\s+(?:has|had|is|was)\s+(?:also\s+|now\s+|widely\s+)?(?:been\s+)?(?:reported"
    r"|understood|announced|confirmed|learned|learnt)\s+(?:today\s+)?that\s+"
    r"|(?:Reports|Sources)\s+(?:say|said|suggest|suggested|indicate|indicated)\s+(?:that\s+)?)+"
)
SETS_DEADLINE = re.compile(  # (fullmatch only) what stands between a subject and its deadline noun
    r"\s*(?:(?:has|have|had|also|now|on\s+\w+day)\s+)*(?:set|sets|issued|issues|gave|given|gives"
    r"|imposed|imposes|announced|announces|extended|extends|agreed|agrees)\s+(?:[\w-]+\s+){0,5}"
)
WRITTEN_QUESTION = re.compile(  # (after a label or heading lines, if any); a resolution's recital
    r"(?:[^\n:]{0,60}:\s+|§[^\n:]{0,60}?|(?:[A-Z][^\n.!?:]{0,60}\n){1,4})?To\s+ask\s|(?:[A-Z]{1,2}\.\s+|\d{1,3}\.\s+)?(?:[Ww]hereas|[Hh]aving\s+regard\s+to)\b"
)
DISCOURSE = re.compile(  # what a speaker "will" do within the talk itself: not a commitment
    r"\s*+(?:(?:just|now|then|also|briefly|quickly|happily|gladly)\s+)*(?:say|tell\s+you|answer\s+(?:your\s+|any\s+|a\s+few\s+|some\s+)?questions"
    r"|take\s+(?:your\s+|a\s+few\s+|some\s+|any\s+|more\s+|a\s+couple\s+of\s+)?questions"
    r"|get\s+(?:right\s+)?(?:to|into|started|going|you\s+out)|start\s+(?:off\s+)?(?:with|by)"
    r"|begin\s+(?:with|by)|turn\s+(?:it\s+)?(?:over|to)|go\s+(?:ahead|to\s+your)|leave\s+it"
    r"|stop\s+(?:there|here)|refer\s+you|repeat|read\s+(?:out|you)|try\s+to\s+(?:answer|get\s+you)"
    r"|make\s+(?:a\s+few|two|three|one|some|a\s+couple)|open\s+(?:it\s+)?up|yield"
    r"|(?:be|include)\s+(?:as\s+follows|the\s+following)(?=\s*:)|be(?=\s*:)"  # a list follows
    r"|(?:keep|leave)\s+it\s+(?:at\s+that|there|short|brief)"
    r"|,\s*with\s+(?:your\s+)?(?:permission|leave)"  # "I shall, with your permission, …"
    r"|like\s+to\s+(?:give\s+you|tell\s+you|update\s+you|brief\s+you|read|start|begin|welcome"
    r"|thank|introduce|mention|note|point\s+out|announce))\b",  # "I'd also like to give you …"
    re.IGNORECASE,
)
DUE = re.compile(r"(?:(?:is|are)\s+(?:now\s+)?)?due\b(?!\s+to\s+(?!be\b)[a-z])", re.IGNORECASE)
"""A due date's cue ("Comments are due …", "Answer IS DUE …"): what is due is no party, and it is
to be submitted (not "The president is due to visit Paris": a party's plan, as "set to")."""
GENERIC_ORG = re.compile(
    r"the\s+(?:company|firm|group|bank|airline|carrier|retailer|ministry|government|agency"
    r"|department|council|regulator|union|club|team|manufacturer|maker|lender|insurer|operator)$"
)
GAP_AFTER_QUOTE = re.compile(r"[”\"’,.!?\s]*(?:[^“”\"]{0,80})")  # (fullmatch only)
GAP_BEFORE_QUOTE = re.compile(r"[^“”\".!?]{0,60}")  # (fullmatch only)
SENTENCE_BREAK = re.compile(r"[.!?]\s+[“\"A-Z]")
RELATIVE_GAP = re.compile(r"\s+(?:that|which)\s+[^,;.!?“”\"]{1,60}")  # (fullmatch only)
OTHER_CLAUSE = re.compile(r"[;]|,\s+(?:and|but|while)\b|\band\s+(?:that|would|will|gave|said)\b")
_SUBJECTS_QUOTED = r"I|[Ww]e"
_AND_THEN = r"(?:am|are|is|have|has)\s+[a-z][^,.;:!?“”\"]{0,60}\s+and\s+"
_SUBJECTS = (
    r"I|[Ww]e|[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Tt]he\s+(?:company|firm|group|government|ministry"
    r"|council|agency|bank|airline|union|club|party|department|administration|board)"
)
SUBJECT_BEFORE = {  # by (quoted, the cue starts with an apostrophe)
    (quoted, apostrophe): re.compile(
        r"(?<![\w’'])(?:"
        + (_SUBJECTS_QUOTED if quoted else _SUBJECTS)
        + (r")$" if apostrophe else rf")\s+(?:{_AND_THEN})?$")
    )  # "we will …", "I am considering the recommendations and will respond …"
    for quoted in (False, True)
    for apostrophe in (False, True)
}
OWNER_IN_BRACKETS = re.compile(r"[^()]*\(([^()]+)\)\s*")  # (fullmatch only)

# -- when it was said and when it is due ------------------------------------------------------

_ISSUING_WORDS = (
    "said says told stated announced declared informed wrote posted tweeted reported issued set"
    " imposed gave made delivered pledged promised vowed threatened warned asserted claimed"
    " insisted confirmed questioned asked added noted ordered demanded urged agreed offered"
    " signed unveiled responded replied explained speaking talking writing posting testifying"
    " interviewed released published sent filed dated broadcast aired quoted"
).split()
ISSUING = re.compile(  # the words as a trie (trie.py), tried only where a word starts
    rf"(?<![\w’'-])(?=\w){alternation(_ISSUING_WORDS)}(?![\w’'-])", re.IGNORECASE
)
BLOCKERS = re.compile(r"\b(?:that|to|will|would|can|if|when|and\s+\w+ed)\b|['’](?:ll|d)\b|[“”\"]")
COORDINATED = re.compile(
    r"\b(?:and|then|with|while|followed\s+by|but|plus)\b\s+(?:\w+\s+){1,}", re.IGNORECASE
)
LEAD_IN = re.compile(r"\s*(?:[A-Z]\w*\s*,\s*)?")  # (fullmatch only)
# (possessive runs: a match, if any, has them take every space they can, since what follows
# each starts with a comma or a letter; linear on a run of spaces)
THAT_OR_SAID = re.compile(
    r"\s*+(?:,\s*+)?(?:that\b|,?\s*+(?:he|she|they|it)\s++(?:said|told|added))"
)
ARTICLE_END = re.compile(r"\b(?:the|a|an|its|their|his|her)\Z")
DEADLINE_WORD = re.compile(r"\b(?:deadline|ultimatum)")

# -- the words of the action ------------------------------------------------------------------

CLAUSE_END = re.compile(
    r";|:(?!\d)|,[”\"’]?\s+(?:and|but|while|noting|adding|saying|though|although|as|according)\b"
    rf"|[.!?](?!\w)|,[”\"’]?\s+(?:[Tt]he\s+)?(?:[\w.’'-]+\s+){{1,3}}(?:{REPORTING_VERB})\b"
    r"|,[”\"’]?\s+(?:said|says|added|told|wrote|stated)\b"
)
CUE_WORDS = re.compile(
    r"^(?:will|shall|would|['’]ll|won['’]t|(?:am|is|are|was|were|['’]m|['’]re)?\s*going\s+to|gonna"
    r"|must)\s+",
    re.IGNORECASE,
)
ASIDES = re.compile(
    r"(?:,|(?<!\s))\s*(?:issued|set|given|imposed|announced|made)\s+"
    r"(?:last\s+\w+|earlier\s+this\s+\w+"
    r"|this\s+past\s+\w+|on\s+\w+|yesterday|\w+\s+(?:days|weeks|months)\s+ago)"
    r"|(?:,|(?<!\s))\s*(?:had|has|have)\s+(?:now\s+|already\s+)?"
    r"(?:expired|passed|lapsed|run\s+out)\b.*$",
    re.IGNORECASE,
)
BARE_PARTICIPLE = re.compile(
    r",\s*(?:issued|set|given|imposed|announced|made)(?=\s+(?:for|to|by|on|in)\b|\s*,|\s*$)",
    re.IGNORECASE,
)
TO_THAT = re.compile(r"^(?:to|that)\s+")
SPACE_BEFORE_MARK = re.compile(r"(?<!\s)\s+([,.;:])")  # from a run's start: linear
