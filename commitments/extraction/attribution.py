"""Who said it: the speaker of each quote and of each cue.

An :class:`Attributor` follows one document: the attributions of a sentence resolved to names
(pronouns, titles, surnames), each quote given its speaker (:mod:`.quoting`), and each cue given
to the quote it is in, the attribution governing it, or the narrator's named subject.
"""

from __future__ import annotations

import re

from commitments.extraction import cues as cue_rules
from commitments.extraction.cues import Cue
from commitments.extraction.entities import Entities
from commitments.extraction.names import ORG_HEADS, TITLES, clean_name
from commitments.extraction.parties import is_party
from commitments.extraction.patterns import (
    BARE_MODAL,
    DEPOSITED,
    DUE,
    FIRST_PERSON,
    GENERIC_ORG,
    LEAD_CLAUSE,
    NOT_AN_ACTION,
    OTHER_CLAUSE,
    RELATIVE_GAP,
    SETS_DEADLINE,
    SUBJECT_BEFORE,
    SUBJECT_START,
)
from commitments.extraction.quoting import QuoteSpeakers
from commitments.extraction.scratch import Scratch
from commitments.extraction.segmentation import Sentence
from commitments.extraction.speakers import Attribution
from commitments.records import Kind

__all__ = ["Attributor", "by_agent"]


class Attributor:
    """The speakers of one document's quotes and cues, keeping who spoke last across them."""

    def __init__(self, text: str, entities: Entities, scratch: Scratch):
        self.text = text
        self.entities = entities
        self.scratch = scratch
        self.quotes = QuoteSpeakers(text, entities, scratch)
        """Who said each quote (:mod:`.quoting`)."""
        self.quote_at = self.quotes.quote_at

    def names(self, sent: Sentence, atts: list[Attribution]) -> list[str | None]:
        """The name each attribution of ``sent`` means (a participle one: the last finite one's)."""
        names: list[str | None] = []
        if atts and not any(att.participle for att in atts):
            subject = None  # (asked for only with no attribution or a participle one)
        else:
            subject = SUBJECT_START.match(self.text, sent.start, sent.end)
        if subject is not None and not atts:
            name, titles = clean_name(subject[0])
            if name and name[0].isupper() and (" " in name or titles):
                self.entities.mention(self.entities.canonical(name))
        last_finite: str | None = None
        for att in atts:
            if att.participle:
                if last_finite is None and subject is not None:
                    last_finite = self.entities.resolve(subject[0])
                names.append(last_finite)
                continue
            speaker = self.entities.resolve(att.speaker, att.start) if att.speaker else None
            names.append(speaker)
            if speaker is not None:
                last_finite = speaker
        return names

    def speaker_for(
        self,
        cue: Cue,
        atts: list[Attribution],
        names: list[str | None],
        turn_speaker: str | None,
        sent: Sentence,
    ) -> str | None:
        """Who made the commitment ``cue`` marks: the quote's speaker, the governing
        attribution, a trailing one, or the turn's speaker."""
        inside = self.quote_at(cue.start)
        if inside is not None:
            speaker = self.scratch.quote_speakers.get(inside)
            if speaker:
                return speaker
            if turn_speaker:
                return turn_speaker
        if not atts:  # (what the lines below give with no attribution)
            if turn_speaker and inside is None and _REPORTED.match(self.text, cue.start):
                # "The Secretary of State undertook to publish …" in a speech: the subject's
                label = _LABEL_START.match(self.text, sent.start, cue.start)
                after = Sentence(label.end(), sent.end, sent.paragraph) if label else sent
                reported = self.unattributed(after, cue)
                if reported is not None and reported != turn_speaker:
                    return reported
            return turn_speaker if turn_speaker else None
        if cue.noun:  # "the 60-day deadline that Minister Paulo Santos issued last month"
            for att, name in zip(atts, names, strict=True):
                gap = self.text[cue.end : att.start]
                if name and att.start > cue.end and RELATIVE_GAP.fullmatch(gap):
                    return name
        governing = [
            name
            for att, name in zip(atts, names, strict=True)
            if name and not att.trailing and att.start <= cue.start
        ]
        if governing:
            if turn_speaker and FIRST_PERSON.search(self.text[sent.start : cue.end]):
                return turn_speaker
            return governing[-1]
        trailing = [
            name
            for att, name in zip(atts, names, strict=True)
            if name and att.start >= cue.end and att.trailing
        ]
        if trailing:
            if GENERIC_ORG.fullmatch(trailing[0]):
                named = self._named_subject(sent, cue)
                if named:
                    return named
            return trailing[0]
        earlier_trailing = [
            name for att, name in zip(atts, names, strict=True) if name and att.trailing
        ]
        if turn_speaker:
            return turn_speaker
        if earlier_trailing and inside is None:
            return earlier_trailing[-1]
        return None

    def _named_subject(self, sent: Sentence, cue: Cue) -> str | None:
        """ "Acme Corp. will cut jobs, the company said": the named subject, not "the company"."""
        head = self.text[sent.start : cue.start]
        m = SUBJECT_START.match(head)
        if m is None or not m[0][:1].isupper():
            return None
        if m[0].split()[0] in ("A", "An") or (m[0].split()[0] == "The" and m[0][4:5].islower()):
            return None  # "A decision will be made …, the company said": the company's
        if m[0].split()[0].casefold() in _NO_NAME:
            return None  # "We will close the plant, the company said": the company's "we"
        if len(head[m.end() :].split()) > 2:
            return None
        name, _ = clean_name(m[0])
        return self.entities.canonical(name) if name else None

    def unattributed(self, sent: Sentence, cue: Cue, *, voiced: bool = False) -> str | None:
        """A narrator's future statement about a named party: that party, if the clause dates it.

        ``voiced``: the document speaks for an issuer, whose announcement a titled subject's plan
        is ("Secretary Kerry will travel to Hanoi on Friday" in the department's statement):
        nobody here then, and the caller gives it to the voice."""
        head = self.text[sent.start : cue.start]
        if cue_rules.hedged(head) or cue.kind is Kind.OFFER:
            return None
        if DUE.match(self.text, cue.start):
            return None  # "Defendants Answer IS DUE November 22": what is due, not who set it
        lead = LEAD_CLAUSE.match(head)  # "If the talks fail, the union will strike"
        if lead is not None:
            head = head[lead.end() :]
        if self.text[cue.start : cue.end].casefold() in ("would",):
            return None
        if (agent := _PASSIVE_AGENT.match(self.text, cue.end, sent.end)) is not None:
            name = agent["agent"].strip().rstrip(".")  # (not the sentence's full stop)
            if is_party(name):  # "The report will be published by the ministry on Friday"
                return self.entities.resolve(name) if name[:4] in ("the ", "The ") else name
        m = SUBJECT_START.match(head)
        if m is None:
            return None
        gap = head[m.end() :]
        subject = m[0]
        words = gap.split()
        if (
            words
            and words[0][:1].islower()
            and (
                len(words) == 1
                or (len(words) == 2 and words[1] in _AUXILIARIES)
                or (cue.noun and SETS_DEADLINE.fullmatch(gap.lstrip()[len(words[0]) :]))
            )
            and is_party(f"{subject} {words[0]}")
        ):  # "The Iraqi government will …", "NASA managers have scheduled …", "The South
            # African government has set a six-month deadline"
            subject, gap = f"{subject} {words[0]}", " ".join(words[1:])
        if gap[:1] == ",":
            if named := _APPOSED.fullmatch(gap):
                name, _ = clean_name(named["name"])  # "The Foreign Secretary, Boris Johnson, will"
                return self.entities.canonical(name) if name and not voiced else None
            if _DESCRIBED.fullmatch(gap) or _TITLE_AFTER.fullmatch(gap):
                gap = ""  # "Acme Corp., the toolmaker, will …", "Rice, US secretary of state will"
        # "The government has set a six-month deadline": the subject sets the noun's deadline
        if len(gap.split()) > 2 and not (cue.noun and SETS_DEADLINE.fullmatch(gap)):
            return None
        if _BELIEF_GAP.match(gap) or _BELIEF_GAP.match(f"{subject} ", subject.rfind(" ")):
            return None  # "The bureau expects Glenda will cross …": not its act
        phrase = _without_auxiliaries(subject)  # "The county is on track to …"
        if phrase.split()[0].casefold() == "the":
            if (
                voiced
                and phrase.split()[-1].casefold() in TITLES
                and not any(word in ORG_HEADS for word in phrase.split())
            ):  # "the President will …" in his secretary's briefing: the voice's (not "The
                return None  # Department of Energy will …": a body of its own)
            return self.entities.resolve(phrase)
        if phrase in ("He", "She", "he", "she") and not voiced:
            return self.entities.resolve(phrase, sent.start)  # the person last named
        name, titles = clean_name(phrase)
        if not name or name.split()[0].casefold() in _NO_NAME:
            return None  # ("Their mission will be over on December 20th": whose, it does not say)
        if voiced and titles:
            return None
        return self.entities.canonical(name)

    def describes(self, sent: Sentence, cue: Cue) -> bool:
        """Whether the cue only says what a thing will do or be ("The public hearing will allow
        residents to comment", "These satellites will serve as the backbone", "The report will set
        out the options"): a description, nobody's commitment."""
        if not _DESCRIBING.match(self.text, cue.end, sent.end):
            return False
        head = self.text[sent.start : cue.start]
        lead = LEAD_CLAUSE.match(head)
        if lead is not None:
            head = head[lead.end() :]
        words = head[-240:].split()[-9:]  # the subject: the last words before the cue
        if not words:
            return False
        phrase = " ".join(words)
        if phrase.split()[-1].casefold() in ("i", "we", "you", "he", "she", "they", "it"):
            return _ONLY_THINGS.match(self.text, cue.end, sent.end) is not None
            # ("it will allow …" may be the company's own act; "they will include …" is not)
        return not is_party(phrase)

    def commits_speaker(
        self, cue: Cue, body: str, sent: Sentence, *, chat: bool = False, spoken: bool = False
    ) -> bool:
        """Whether an undated cue in prose commits anyone.

        Commissive verbs (promised, vowed, offered, threatened…) and threats do. A bare modal
        ("will", "would") does only with the speaker as its subject ("we will contact every
        owner", "it would provide $500 million"), followed by an action: not a prediction about
        something else ("the measure would hit families"), a state ("we would need more time")
        or a passive ("nobody will be left guessing"). ``spoken``: a transcript's speech, where as
        in a quote only "I" and "we" are the speaker ("it will pass the Senate" is a forecast).
        """
        cue_text = self.text[cue.start : cue.end]
        if cue_text[:2] in ("'d", "’d"):
            return False  # "that's what I'd do": hypothetical unless a date says otherwise
        if not BARE_MODAL.fullmatch(cue_text):
            return True
        if chat:  # the line's speaker said it: any action they will take
            return not NOT_AN_ACTION.match(self.text[cue.end : sent.end])
        if cue_rules.refine_kind(cue.kind, body) is Kind.THREAT:
            return True
        if spoken and DEPOSITED.match(self.text, cue.end, sent.end):
            return True  # "Copies will be placed in the Library": the answering member's act
        before = self.text[sent.start : cue.start]
        after = self.text[cue.end : sent.end]
        quoted = spoken or self.quote_at(cue.start) is not None  # (in a speech, as in a quote)
        apostrophe = cue_text[:1] in "'’"
        subject_ok = bool(SUBJECT_BEFORE[quoted, apostrophe].search(before))
        return subject_ok and not NOT_AN_ACTION.match(after)

    def same_clause(self, a: Cue, b: Cue) -> bool:
        """No ", and …", "; " or ", but …" between two cues."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        return not OTHER_CLAUSE.search(self.text[first.end : second.start])


_DESCRIBING = re.compile(
    r"\s+(?:(?:also|only|still|now|then)\s+)?(?:allow|enable|permit|let|serve|include|feature|mean"
    r"|cost|amount|total|affect|cover|represent|mark|involve|require|give\s+(?:residents|people|the\s+public"
    r"|users|customers|members)|help|set\s+out|outline|highlight|describe|contain|explain"
    r"|detail)\b"
)
"""Verbs that describe what a thing will do, not an act anyone undertakes ("The Work Programme
for 2014 will set out the key new initiatives")."""
_ONLY_THINGS = re.compile(
    r"\s+(?:(?:also|only|still|now|then)\s+)?(?:serve|include|feature|mean|cost|amount|total"
    r"|represent|involve)\b"
)
_PASSIVE_AGENT = re.compile(
    r"\s+(?:also\s+)?be\s+[a-z]+(?:ed|en|nt|wn)(?:\s+(?:on|upon|up|out|over))?\s+by\s+"
    r"(?P<agent>(?:the\s+)?[A-Z][\w&'’.-]*"
    r"(?:,?\s+(?:(?:of|for|and|on(?!\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))\s+"
    r"(?:the\s+)?)?[A-Z][\w&'’.-]*){0,8})"
)
"""A passive's agent ("will be sent by CDC", "will be published by the Ministry of Health", "will
be voted on by the Committee on Environment, Public Health and Food Safety"): who acts, where the
subject is only the thing acted on."""


def by_agent(text: str, cue: Cue, sent: Sentence) -> bool:
    """Whether the cue opens a passive with its agent ("will be considered by the Liaison
    Committee"): an act of the agent's, though its verb is "be"."""
    return _PASSIVE_AGENT.match(text, cue.end, sent.end) is not None


_APPOSED = re.compile(
    r",\s+(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin)){1,4}),\s+(?:also\s+)?"
)
"""A name set off by commas after its title ("The Foreign Secretary, Boris Johnson, will …")."""
_DESCRIBED = re.compile(r",\s+(?:a|an|the|its)\s+[^,;:“”\"]{1,60},\s+(?:also\s+)?")
_TITLE_AFTER = re.compile(
    r",\s+(?:(?:the|US|U\.S\.|UK|EU|[A-Z][a-z]+)\s+)?(?:[a-z][\w-]*\s+){0,4}?"
    r"(?:secretary|minister|president|chairman|chairwoman|chair|spokesman|spokeswoman|leader"
    r"|director|governor|commissioner|ambassador|envoy|chief|head|mayor)(?:\s+of\s+[\w\s]{1,30}?)?\s+"
)
"""A title after a name, without the closing comma ("Condoleezza Rice, US secretary of state
will …")."""
_BELIEF_GAP = re.compile(
    r"\s*(?:also\s+)?(?:expects?|expected|believes?|believed|predicts?|predicted|thinks?|thought"
    r"|fears?|feared|hopes?|hoped|says?|said|forecasts?)\s"
)
_AUXILIARIES = frozenset("is are was were has have had will would now also".split())


_REPORTED = re.compile(
    r"(?:undertook|promised|pledged|vowed|agreed|committed|swore|guaranteed|assured)\b", re.I
)
"""A commitment reported in the past tense: its subject made it, not whoever reports it."""
_LABEL_START = re.compile(r"[^:\n]{1,60}:[ \t]+")
_NO_NAME = frozenset(
    "i we you he she they it my our your his her its their this that these those there none"
    " nobody nothing neither".split()
)
"""Words that start a subject but name no party: pronouns, possessives, demonstratives."""


def _without_auxiliaries(phrase: str) -> str:
    """A subject without the auxiliaries a greedy match took after it ("The county is")."""
    words = phrase.split()
    while len(words) > 1 and words[-1] in _AUXILIARIES:
        words.pop()
    return " ".join(words)
