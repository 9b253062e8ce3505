"""Speakers: who said it. Reporting verbs and the attributions they make (the subject before a
verb is read in :mod:`.subjects`)."""

from __future__ import annotations

import functools
import re

import attrs

from commitments.extraction.names import (
    CLASSES,
    NAME_SEQ,
)
from commitments.extraction.parties import is_party
from commitments.extraction.subjects import CORPORATE_COMMA, subject_before
from commitments.fastmatch.locate import Located
from commitments.fastmatch.prefilter import SENTENCES, fold
from commitments.fastmatch.trie import alternation
from commitments.fastmatch.wordstarts import WordStarts

__all__ = ["LOOKBACK", "PARTICIPLE", "VERB", "Attribution", "attributions"]

_VERBS = (
    "said says told tells stated states added adds continued continues wrote writes "
    "posted posts tweeted tweets announced announces declared declares asserted asserts "
    "claimed claims insisted insists noted notes explained explains informed informs conveyed "
    "conveys responded responds replied replies answered answers warned warns promised "
    "promises pledged pledges vowed vows threatened threatens confirmed confirms reported "
    "reports predicted predicts argued argues suggested suggests acknowledged acknowledges "
    "admitted admits indicated indicates revealed reveals disclosed discloses emphasized "
    "emphasised emphasizes emphasises stressed stresses reiterated reiterates assured assures "
    "urged urges ordered orders demanded demands committed commits agreed agrees offered offers "
    "signalled signaled signals hinted hints proposed proposes unveiled unveils estimated "
    "estimates forecast forecasts projected projects guaranteed guarantees swore swears "
    "alleged alleges countered counters cautioned cautions recalled recalls remarked "
    "remarks observed observes concluded concludes conceded concedes predicted mused "
    "instructed instructs directed directs told gave gives given set sets issued issues imposed "
    "imposes"
).split()
_PARTICIPLES = (
    "saying telling adding noting informing alleging warning promising pledging vowing "
    "insisting arguing claiming stating explaining suggesting asserting declaring writing "
    "posting threatening indicating stressing emphasising emphasizing reiterating"
).split()
_DEEDS = frozenset("set sets gave gives given issued issues imposed imposes".split())
"""Report verbs that also say what was done to a thing ("the hearing set for May 3")."""
VERB = alternation(_VERBS)
PARTICIPLE = alternation(_PARTICIPLES)

_AFTER_NAME = re.compile(
    rf"\s*(?:{NAME_SEQ}|(?:the|The)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*|he|she|they|it|we)"
)

_TITLED_NAME = re.compile(rf"\s*(?:[a-z][\w-]*\s+){{0,3}}{NAME_SEQ}")
_MODAL_BEFORE = re.compile(
    r"(?:(?<![\w’'-])(?:will|would|shall|to|must|should|could|may|might)|['’]ll)\s+(?:\w+ly\s+)?$"
)
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$")
_VERB_RE = re.compile(rf"(?<![\w’'-]){VERB}(?![\w’'-])")
_PARTICIPLE_RE = re.compile(rf"(?<![\w’'-]){PARTICIPLE}(?![\w’'-])")
_ACCORDING = re.compile(r"(?<![\w’'-])according\s+to\s+", re.IGNORECASE)
SENTENCES.watch([_VERB_RE, _PARTICIPLE_RE, _ACCORDING])
_REPORTING = frozenset(map(id, (_VERB_RE, _PARTICIPLE_RE, _ACCORDING)))
_ACCORDING_FOUND = Located(_ACCORDING)  # (found from its first word, not tried at every place)
"""The patterns an attribution starts with, as the pre-filter knows them (by ``id()``)."""


# Every match ends at a letter before a character that is not one (the look-ahead).
_VERBS_FOUND = WordStarts(VERB + "(?!%(wordish)s)", CLASSES)
_PARTICIPLES_FOUND = WordStarts(PARTICIPLE + "(?!%(wordish)s)", CLASSES)
_NOT_A_NOUN = re.compile(r"\s*(?:that\b|,|:|[“\"])")

LOOKBACK = 400
"""How far before a reporting verb its subject is looked for, in characters. A subject is a few
words; the bound keeps the work per verb constant, so a long sentence full of verbs stays linear."""


@attrs.frozen
class Attribution:
    """A reporting verb in a sentence and the party it names."""

    start: int
    """Offset of the reporting verb (or "according to")."""
    end: int
    speaker: str | None
    """The raw name, pronoun or organisation phrase; ``None`` for a bare participle."""
    trailing: bool
    """True when the attribution follows what was said ("…, she said", "according to X")."""
    participle: bool = False
    """An -ing form ("noting that …") that shares the sentence's subject."""

    def shifted(self, offset: int) -> Attribution:
        """The same attribution ``offset`` characters further into a text."""
        return Attribution(
            self.start + offset, self.end + offset, self.speaker, self.trailing, self.participle
        )


def attributions(text: str, start: int, end: int) -> list[Attribution]:
    """The reporting verbs in ``text[start:end]`` with the party each names."""
    sentence = text[start:end]
    if SENTENCES.ruled_out(sentence).allowed.isdisjoint(_REPORTING):
        return []  # no reporting verb, participle or "according to" can be found here
    # Only the sentence and the character before it (what a look-behind sees) matter: the
    # answer is kept by them, since sentences repeat across an archive (boilerplate, wire copy).
    found = _attributions_in(text[max(0, start - 1) : start], sentence)
    return [a.shifted(start) for a in found] if start else list(found)


@functools.lru_cache(maxsize=4096)
def _attributions_in(before: str, sentence: str) -> tuple[Attribution, ...]:
    """:func:`attributions` of ``sentence`` after the text ``before`` it, offsets in it."""
    at = len(before)
    return tuple(_find_attributions(before + sentence, at, at + len(sentence), at))


_PASSIVE_WORDS = ("be", "been", "being", "is", "are", "was", "were")


def _find_attributions(text: str, start: int, end: int, origin: int = 0) -> list[Attribution]:
    """The attributions of ``text[start:end]``, their offsets counted from ``origin``."""
    found: list[Attribution] = []
    skip = SENTENCES.ruled_out(text[start:end])  # patterns that cannot match here
    verbs = _VERBS_FOUND.spans(text, start, end) if _VERB_RE not in skip else ()
    for v_start, v_end in verbs:
        low = max(start, v_start - 12)
        if (
            v_start > low
            and text[v_start - 1].isspace()
            and (text[v_start - 2].isspace() or text.endswith(_PASSIVE_WORDS, low, v_start - 1))
            and _PASSIVE.search(text, low, v_start)
        ):  # (the pattern needs a space before the verb, and one of its words before that)
            continue  # "staff would be told": nobody is reporting here
        if (
            v_start > low
            and text[v_start - 1].isspace()
            and _MODAL_BEFORE.search(text, low, v_start)
        ):
            continue  # "ministers will set out …", "plans to announce": a future act, not a report
        if text.endswith((" as ", "\nas "), max(start, v_start - 4), v_start):
            continue  # "as directed", "as announced": how something is done, not a report
        near = max(start, v_start - LOOKBACK)
        subject = subject_before(text, near, v_start)
        if subject is not None and _plural_noun(text, text[v_start:v_end], v_end, subject, end):
            continue  # "the release notes by Monday", "the new orders"
        if subject is not None and text[v_start:v_end] in _DEEDS and not is_party(subject):
            continue  # "the status conference set for May 3": a thing's date, not a report
        if subject is not None:
            trailing = _is_trailing(text, near, v_start)
            found.append(Attribution(v_start - origin, v_end - origin, subject, trailing))
            continue
        after = _after_name(text, v_end, end)
        if after is not None and _is_trailing(text, near, v_start):
            found.append(Attribution(v_start - origin, after[1] - origin, after[0], True))
    if _PARTICIPLE_RE not in skip:
        for p_start, p_end in _PARTICIPLES_FOUND.spans(text, start, end):
            if text.endswith("in ", 0, p_start):
                continue  # "file a response in writing": no report
            found.append(Attribution(p_start - origin, p_end - origin, None, False, True))
    according = (
        () if _ACCORDING in skip else _ACCORDING_FOUND.finditer(text, fold(text), start, end)
    )
    for m in according:
        after = _after_name(text, m.end(), end) or _bare_party(text, m.end(), end)
        if after is not None:
            found.append(
                Attribution(m.start() - origin, after[1] - origin, after[0], trailing=True)
            )
    return sorted(found, key=lambda a: a.start)


_APPOSED_NAME = re.compile(rf",\s*({NAME_SEQ})(?=\s*[,.;]|\s*$)")


_BARE_PARTY = re.compile(
    r"(?:[a-z][\w-]*\s+){0,2}(?:officials|sources|authorities|police|officers"
    r"|investigators|prosecutors|diplomats|analysts|executives|aides|residents|witnesses|media"
    r"|reports|documents|data|figures|estimates)\b"
    r"|an?\s+(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)|official|source|representative"
    r"|aide|statement)(?:\s+(?:for|of|from|at)\s+(?:the\s+)?[\w&-]+(?:\s+(?:of\s+)?[A-Z][\w&-]*){0,4})?"
    r"(?![\w-])"
)


def _bare_party(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """ "according to officials", "according to local media": the plural noun phrase; "according
    to a spokesman for the ministry": the one person, with whom they speak for."""
    m = _BARE_PARTY.match(text, pos, end)
    if m is None:
        return None
    words = m[0].split(maxsplit=3)
    if len(words) == 4 and words[1] == "statement":
        return words[3], m.end()  # "according to a statement from the ministry": the ministry
    return m[0], m.end()


def _after_name(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """The party named after a verb: "said the regional governor, Jorge Salinas" → the name."""
    m = _AFTER_NAME.match(text, pos, end)
    if m is None or (
        m[0].strip()[:1].islower()
        and m[0].strip().split()[0] not in ("he", "she", "they", "it", "we")
    ):
        titled = _TITLED_NAME.match(text, pos, end)  # "said opposition whip Declan Moore"
        if titled is not None:
            return titled[0].strip(), titled.end()
    if m is None:
        return None
    apposed = _APPOSED_NAME.match(text, m.end(), end)
    if apposed is not None and m[0].strip().split()[0].casefold() == "the":
        return apposed.group(1), apposed.end(1)
    return m[0].strip(), m.end()


def _plural_noun(text: str, word: str, word_end: int, subject: str, end: int) -> bool:
    """A present-tense verb in -s after "the …" is more often a plural noun ("the release
    notes"), and always after a preposition ("one of his constitutional claims")."""
    if not word.endswith("s") or word in ("says", "tells", "adds", "writes", "warns", "insists"):
        return False
    if subject.split(maxsplit=1)[0].casefold() not in ("the", "its", "their", "his", "her"):
        return False
    head = text[max(0, word_end - len(word) - len(subject) - 16) : word_end - len(word)].rstrip()
    if head.endswith(subject) and _PREPOSITION_END.search(head, 0, len(head) - len(subject)):
        return True
    return not _NOT_A_NOUN.match(text, word_end, end)


_PREPOSITION_END = re.compile(r"\b(?:of|in|on|for|with|to|from|about|against|under|by)\s+$")


def _is_trailing(text: str, start: int, verb: int) -> bool:
    """A verb after a comma or closing quote ("…,” Trump said") reports what came before it."""
    head = text[start:verb].rstrip()
    if _comma_conjunction(head):  # "…, and Smith said": a new clause, not a trailing report
        return False
    if not _after_comma_or_quote(head):
        return False
    relative = "that" in head or "who" in head or "which" in head  # what the pattern needs
    return not (relative and _RELATIVE_END.search(head))


# Searches for r"(?:,[”\"]?|[”\"])\s*(?:[\w.’'-]+\s*){0,6}$" and
# r",\s*(?:and|but|while|as|or|so)\s+(?:[\w.’'-]+\s*){0,5}$" backtrack through every way of
# cutting the words into pieces. Only the text after the last mark can match them (the words
# hold no marks), and matched word by word from there it is linear: same answers, no blow-up.
_WORDS_TO_END = re.compile(r"\s*(?:[\w.’'-]+(?:\s+|\Z)){0,6}\Z")
_CONJUNCTION_TO_END = re.compile(r"\s*(?:and|but|while|as|or|so)\s+(?:[\w.’'-]+(?:\s+|\Z)){0,5}\Z")
_RELATIVE_END = re.compile(r"\b(?:that|who|which)\s+(?:[\w.’'-]+(?:\s+|\Z)){0,6}\Z")


def _after_comma_or_quote(head: str) -> bool:
    if "," in head[-12:] and CORPORATE_COMMA.search(head, max(0, len(head) - 12)):
        head = head[: head.rfind(",")]  # "Acme Holdings, Inc. announced": the name's comma
    mark = max(head.rfind(","), head.rfind("”"), head.rfind('"'))
    return mark >= 0 and _WORDS_TO_END.match(head, mark + 1) is not None


def _comma_conjunction(head: str) -> bool:
    comma = head.rfind(",")
    return comma >= 0 and _CONJUNCTION_TO_END.match(head, comma + 1) is not None
