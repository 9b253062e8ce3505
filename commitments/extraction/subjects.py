"""The subject of a reporting verb: the noun phrase that ends just before it.

"Smith also told reporters on Monday" → "Smith" (filler phrases are dropped from the end); "its
director, Olga Petrenko, said" → the apposed name; "Dan Hoffman, a former CIA officer, said" →
the name before the description; "Jane Doe, Secretary of State for Transport said" → the name
before the office; else the pronoun, the possessive ("his office"), the name, the organisation's
possessive, the "the …" phrase or the plural body ("senior U.S. officials") that ends the text.
"""

from __future__ import annotations

import re

from commitments.extraction.names import (
    LEADING,
    NAME_SEQ,
    ORG_AND,
    PARTICLES,
    TITLES,
    UPPER,
    clean_name,
)
from commitments.fastmatch.trie import alternation

__all__ = ["CORPORATE_COMMA", "subject_before"]
_FILLER_PHRASES = (
    r"also|further|later|then|again|previously|earlier|repeatedly|once|publicly|privately"
    r"|separately|reportedly|quickly|immediately|himself|herself|themselves|itself|has|have|had"
    r"|had\s+previously|has\s+since|would|will|could|subsequently|simply|only|just|recently"
    r"|swiftly|firmly|bluntly|flatly|openly|explicitly|formally|officially|first|never|not"
    r"|has\s+repeatedly|told\s+reporters|also\s+has|yesterday|today|tonight"
    r"|(?:on|late|early|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|week|month|night|morning|evening|afternoon)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:earlier|later)\s+(?:this|that|on|in)\s+\w+"
)
"""The words that may stand between a subject and its verb ("Smith also told reporters on
Monday said"): :func:`_without_filler` takes any run of them off the end of a text."""


# A filler phrase with the spaces before it, tested between two given places (`fullmatch`).
_FILLER_SEGMENT = re.compile(rf"\s++(?:{_FILLER_PHRASES})")
_RUN_STARTS = re.compile(r"(?<!\s)\s")
_FILLER_REACH = 80
"""The longest filler phrase with the spaces before it, in characters, give or take."""
_FILLER_WORDS = frozenset(re.findall(r"[A-Za-z]+", _FILLER_PHRASES))
"""Every word of the filler phrases: a phrase ends in one of them (or "earlier this X")."""
_NAME_SEQ_RE = re.compile(NAME_SEQ)
_NAME_BEFORE_OFFICE = re.compile(rf"(?:^|(?<=\s))({NAME_SEQ}),\s*$")
_PRONOUN_END = re.compile(r"(?<![\w’'])(he|she|they|it|we|i|I|you|He|She|They|It|We|You)$")
_POSSESSIVE_END = re.compile(
    rf"(?<![\w’'-])({NAME_SEQ})['’]s?\s+(?:office|spokesman|spokeswoman|spokesperson"
    r"|spokespeople|team|campaign|press\s+secretary|lawyers?|attorneys?|aides?|representatives?"
    r"|camp)$"
)


# Up to the end, a name's letters and the spaces between its words are taken possessively
# (what follows them is a space, a name's first letter or the end, never more of the same):
# the same matches, with far less backtracking on hostile text.
_PARTICLE = alternation(PARTICLES)
# ("von der Leyen": a particle before a capital or before another particle)
_TOKEN_TO_END = (
    rf"(?:[{UPPER}][\w'’.&-]*+|{_PARTICLE}(?=\s+(?:[{UPPER}]|{_PARTICLE}\s+[{UPPER}]))"
    rf"|{ORG_AND})"
)
_NAME_END = re.compile(rf"(?<![\w’'-])((?:{_TOKEN_TO_END}\s++){{0,6}}{_TOKEN_TO_END})$")
_POSSESSIVE_ORG_END = re.compile(
    rf"(?<![\w’'-])((?:[Tt]he\s+)?{NAME_SEQ}['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)$"
)
_AUX = (
    r"(?!(?:would|will|could|should|may|might|must|be|been|being|is|are|was|were|has|have|had)\b)"
)
_THE_END = re.compile(
    rf"(?<![\w’'])((?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:{_AUX}[A-Za-z][\w-]*\s+){{0,2}}"
    rf"(?:[\w-]+['’]s\s+)?(?:{_AUX}[a-z][\w-]*\s+){{0,2}}{_AUX}[a-z][\w-]*"
    rf"|[Aa]n?\s+(?:[A-Za-z][\w-]*\s+){{0,2}}(?:spokes(?:man|woman|person)|officials?|sources?|aides?"
    rf"|representatives?|executives?|lawyers?|advis[eo]rs?|insiders?|diplomats?|analysts?))$"
)
_SPEAKING_FOR_END = re.compile(
    r"(?<![\w’'])([Aa]n?\s+(?:[a-z][\w-]*\s+){0,2}(?:spokes(?:man|woman|person)|official"
    r"|representative|source|lawyer|attorney)\s+(?:for|at|from|of|with)\s+(?:the\s+)?"
    rf"(?:(?:[{UPPER}][\w&.'’-]*|of|and|for)\s+){{0,5}}[{UPPER}a-z][\w&.'’-]*)$"
)
"""One person speaking for a body: "a spokesperson for Acme Corp said", "a senior official at
the ministry said" (the whole phrase: whom they speak for is in it)."""
_SPEAKING_WORDS = re.compile(r"spokes|official|representative|source|lawyer|attorney")
_PLURAL_NOUNS = tuple(
    "officials sources authorities police officers prosecutors diplomats aides spokespeople"
    " ministers lawmakers legislators negotiators organisers organizers investigators regulators"
    " executives".split()
)
"""The bodies of people that report as one ("officials said"): every :data:`_PLURAL_END` ends
with one."""
_PLURAL_END = re.compile(  # "officials said", "senior U.S. officials said", "Israeli police said"
    r"(?<![\w’'.-])((?:(?!(?:which|that|who|whom|and|or|but|as|when|while|where|if|the|a|an|to"
    r"|of|in|on|at|by|for|with|from|said|told|say|says)\s)[a-z][\w-]*\s+"
    r"|[A-Z][a-z]+(?:an|ese|i|ish|ch)\s+|(?:U\.S\.|US|UK|EU|UN|NATO)\s+|^[A-Z][a-z]+\s+){0,2}"
    rf"(?:{'|'.join(_PLURAL_NOUNS)}))$"
)
_APPOSITIVE = re.compile(r",\s*([^,“”\"]{2,80}),$")
CORPORATE_COMMA = re.compile(
    r",\s*(?:Inc|Corp|Ltd|LLC|L\.P|plc|Co|N\.A|S\.A|AG|SE|NV|N\.V)\b\.?\s*$"
)
"""The comma of a company's legal form at the end of a text ("Acme Holdings, Inc."): part of
the name, not a clause's end."""
_SHORT_NAME_END = re.compile(r"\((?:the\s+)?(?:[A-Z][\w.&-]{1,11}|[“\"][^”\"()]{1,40}[”\"])\)\s*$")
"""The short name a body is introduced with, between it and its verb: "The Department of
Agriculture (USDA) announced", "Acme Holdings, Inc. (“the Company”) said"."""


def _ends_with(text: str, endings: tuple[str, ...]) -> bool:
    """Whether a pattern ending in ``$`` and in one of ``endings`` can match ``text``: a cheap
    test that spares the scan of every position (``$`` also matches before a last newline)."""
    return text.endswith(endings) or (text.endswith("\n") and text[:-1].endswith(endings))


# What each pattern's match ends with (they end in `$`): a text that ends otherwise is skipped.
_PRONOUN_ENDINGS = (
    "he", "she", "they", "it", "we", "i", "I", "you", "He", "She", "They", "It", "We", "You"
)  # fmt: skip
_POSSESSIVE_ENDINGS = tuple(
    "office spokesman spokeswoman spokesperson spokespeople team campaign secretary lawyer"
    " lawyers attorney attorneys aide aides representative representatives camp".split()
)


def _without_filler(before: str) -> str:
    """``before`` without the filler phrases at its end, and the space around them ("Smith also
    told reporters on Monday" → "Smith").

    Which phrases make up the run is worked out from the end: every place where a phrase ends
    that can be reached from the end is a place where another phrase may end. The leftmost place
    reached is where the run starts. (A pattern for "a run of phrases up to the end" would be
    tried from every word of a long run: quadratic.) The last words are tested first, as most
    texts end with none.
    """
    end = len(before.rstrip())
    words = before.rsplit(None, 3)
    if not (
        (words and words[-1] in _FILLER_WORDS)
        or (len(words) >= 3 and words[-3] in ("earlier", "later"))
    ):
        return before[:end]
    start = end
    reached, todo = {end}, [end]
    while todo:
        stop = todo.pop()
        lo = max(0, stop - _FILLER_REACH)
        while lo and before[lo - 1].isspace():  # the whole run of spaces before a phrase
            lo -= 1
        for run in _RUN_STARTS.finditer(before, lo, stop):
            at = run.start()
            if at not in reached and _FILLER_SEGMENT.fullmatch(before, at, stop):
                reached.add(at)
                todo.append(at)
                start = min(start, at)
    return before[:start]


def _last_words(text: str, count: int) -> int:
    """A position before the last ``count`` words of ``text`` (words split by white space), 0
    when it has no more than that: where to start searching for a match that ends at the end
    (`$`) and spans at most ``count`` such words. A search from there finds the same match as
    one from 0 (look-behinds still see the text before it) without trying every position."""
    parts = text.rsplit(None, count)
    return len(parts[0]) if len(parts) > count else 0


# The patterns a subject ends with, in the order tried, each with the endings its match must
# have (or None) and the most white-space-separated words its match can span: its tokens hold
# no white space and sit between `\s+` (a name: at most 7 tokens; "his office": a name, 's and
# two words; "the …": at most 7 words; "X's y z w": an article, a name, two words and a noun).
# Only their first token can start inside a word. (A tuple, not a dict keyed by the patterns:
# a compiled pattern's hash reads its whole program.)
_ENDING_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...] | None, int], ...] = (
    (_PRONOUN_END, _PRONOUN_ENDINGS, 1),
    (_POSSESSIVE_END, _POSSESSIVE_ENDINGS, 9),
    (_SPEAKING_FOR_END, None, 11),
    (_NAME_END, None, 7),
    (_POSSESSIVE_ORG_END, None, 11),
    (_THE_END, None, 7),
    (_PLURAL_END, _PLURAL_NOUNS, 3),
)


def subject_before(text: str, start: int, end: int) -> str | None:
    """The noun phrase that ends just before ``end`` (a verb) within ``text[start:end]``."""
    before = _without_filler(text[start:end])
    if before.endswith(")") and (short := _SHORT_NAME_END.search(before, max(0, len(before) - 60))):
        before = before[: short.start()].rstrip()  # "The Department of Agriculture (USDA) …"
    if "," in before[-12:] and (legal := CORPORATE_COMMA.search(before, max(0, len(before) - 12))):
        before = f"{before[: legal.start()]} {before[legal.start() + 1 :].strip()}"  # "Acme, Inc."
    m = None
    if _ends_with(before, (",",)):
        # The match's inner part holds no comma: it starts at the comma before the last one.
        opening = before.rfind(",", 0, before.rfind(","))
        m = _APPOSITIVE.search(before, opening) if opening >= 0 else None
    if m is not None:
        inner = m.group(1).strip()
        if _NAME_SEQ_RE.fullmatch(inner) and not clean_name(inner)[1] and inner[:4] != "The ":
            return inner  # "its director, Olga Petrenko, said"
        head = before[: m.start()]
        at = _last_words(head, 7)
        if _NAME_END.search(head, at) or _THE_END.search(head, at):
            before = head  # "Dan Hoffman, a former CIA officer, said"
    for pattern, endings, words in _ENDING_PATTERNS:
        if endings is not None and not _ends_with(before, endings):
            continue
        if pattern is _POSSESSIVE_ORG_END and "'s" not in before and "’s" not in before:
            continue  # its match holds a possessive
        if pattern is _SPEAKING_FOR_END and not _SPEAKING_WORDS.search(
            before, max(0, len(before) - 90)
        ):
            continue  # its match holds "spokesman", "official", …
        found = pattern.search(before, _last_words(before, words))
        if found is not None:
            phrase = found.group(1)
            if pattern is _NAME_END and (
                phrase.split()[-1].casefold() in LEADING or phrase.endswith(("’s", "'s"))
            ):
                continue
            if (
                pattern is _NAME_END
                and phrase.split()[0].casefold() in TITLES
                and not clean_name(phrase)[1]  # an office ("Secretary of State for …"), no name
            ):
                # "Jane Doe, Secretary of State for Transport said": the name before the office
                named = _NAME_BEFORE_OFFICE.search(before, 0, found.start(1))
                if named is not None and " " in named[1] and not clean_name(named[1])[1]:
                    return named[1]
            if pattern is _NAME_END and before.endswith(" in ", 0, found.start(1)):
                return _placed(before[: found.start(1) - 4], phrase)
            return phrase
    return None


def _placed(head: str, place: str) -> str:
    """ "Police in Nairobi said", "Health authorities in France said": the body with its place,
    not the place alone (a name after "in" is where the subject is, not who it is)."""
    for pattern, endings, words in _ENDING_PATTERNS[2:]:
        if endings is not None and not _ends_with(head, endings):
            continue
        found = pattern.search(head, _last_words(head, words))
        if found is not None:
            return f"{found.group(1)} in {place}"
    return place
