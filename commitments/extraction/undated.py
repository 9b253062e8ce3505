"""Whether an undated cue commits anyone: a commitment with no date is kept only when its party
is plain and it names an act ("the company said it will appeal the ruling"), not a description,
a state, a demand with nothing to track or a voice's words about the talk itself; and, with no
attribution in the sentence, whose it is (:func:`narrated`: the document's voice, or in a story
a named body or a person's stated plan).
"""

from __future__ import annotations

import re

from commitments.extraction.attribution import Attributor, by_agent
from commitments.extraction.binding import Pending
from commitments.extraction.cues import Cue
from commitments.extraction.parties import is_party
from commitments.extraction.patterns import (
    DEPOSITED,
    DISCOURSE,
    GENERIC_ORG,
    NOT_AN_ACTION,
    WE_LEAD,
)
from commitments.extraction.segmentation import Sentence
from commitments.extraction.voice import Voices
from commitments.records import Kind, Turn

__all__ = ["commits_undated", "narrated"]


def commits_undated(
    text: str,
    sent: Sentence,
    body: str,
    pending: Pending,
    speakers: Attributor,
    voices: Voices,
    *,
    attributed: bool,
    turn: Turn | None,
) -> bool:
    """Whether ``pending`` (an undated cue of ``sent``) commits its party; with no party of its
    own and no attribution in the sentence, the party the narration or the voice gives it is
    set on ``pending``."""
    voiced = False
    if pending.speaker is None and not attributed and turn is None:
        pending.speaker, voiced = narrated(speakers, sent, pending.cue, voices)
    if pending.speaker is None or speakers.describes(sent, pending.cue):
        return False
    if not is_party(pending.speaker) or DISCOURSE.match(text, pending.cue.end):
        return False
    if pending.cue.kind is Kind.DEMAND:
        return False  # an undated demand ("urged both sides to return to talks"): nothing to track
    if pending.cue.noun:
        return False  # "a hard deadline" with no date says nothing we can track
    if text.startswith(("planned", "intended"), pending.cue.start):
        return False  # "Al Qaeda planned to gas the subway": a plan of the past, with no date
    if voiced:
        # "We will do exactly the same thing": the voice's, but no act
        return (
            not NOT_AN_ACTION.match(text, pending.cue.end, sent.end)
            or bool(DEPOSITED.match(text, pending.cue.end, sent.end))
            or by_agent(text, pending.cue, sent)  # "… will be considered by the Committee"
        )
    return speakers.commits_speaker(
        pending.cue,
        body,
        sent,
        chat=turn is not None,
        spoken=turn is None and voices.label_at(sent.start) is not None,
    )


def narrated(
    speakers: Attributor, sent: Sentence, cue: Cue, voices: Voices
) -> tuple[str | None, bool]:
    """Who makes an unattributed, undated commitment in a document with its own voice (a
    release, a notice, minutes): the issuer for "We will …", the subject when it is the
    issuer or a generic body ("The company will provide …"); and whether it was the voice.
    Nobody in a document without one (a news story's narrator reports, it does not
    commit)."""
    text = speakers.text
    issuer = voices.default
    if speakers.quote_at(cue.start) is not None:
        return None, False
    word = text[cue.start : cue.end].casefold()
    if word not in ("will", "shall", "'ll", "’ll") and not _INTENDS.fullmatch(word):
        return None, False
    if issuer is None:  # a story: a named body's own act ("The ministry will open an inquiry")
        subject = speakers.unattributed(sent, cue)
        named = subject is not None and _is_body(subject)
        # (a person's "will" in a story is as often what befalls them: "will face trial";
        # an act only a party can do is theirs: "Rice will address the Security Council")
        acts = (
            subject is not None
            and _AGENT_ACT.match(text, cue.end, sent.end) is not None
            and not _THING_MARKS.search(subject)  # ("Discovery's STS-119 flight will deliver")
        )
        plans = _PLANS.fullmatch(word) is not None and subject is not None and is_party(subject)
        if (named or plans or (acts and is_party(subject))) and (
            not NOT_AN_ACTION.match(text, cue.end, sent.end)
            or by_agent(text, cue, sent)  # ("will be considered by the Liaison
        ):  # Committee": its act, though "be" names none)
            return subject, True
        return None, False
    if WE_LEAD.fullmatch(text, sent.start, cue.start) or DEPOSITED.match(
        text, cue.end, sent.end
    ):  # "Copies will be placed in the Library": the answering voice's own undertaking
        return voices.at(sent.start), True
    subject = speakers.unattributed(sent, cue)
    if subject is not None and f"{issuer.casefold()} ".startswith(f"{subject.casefold()} "):
        # "The Court will provide the dial-in information", "Acme will hold a call" (in Acme
        # Widgets Inc.'s release): the issuer's own act, as "We will"
        return issuer, True
    if subject is not None and GENERIC_ORG.fullmatch(subject):
        return subject, False
    if (
        subject is not None
        and _is_body(subject)
        and not NOT_AN_ACTION.match(text, cue.end, sent.end)
    ):  # "The Football Foundation will lead delivery of the fund" in a department's release
        return subject, True
    return None, False


_BODY = re.compile(
    r"\b(?:[Gg]overnment|[Mm]inistry|[Dd]epartment|[Cc]ommission|[Cc]ommittee|[Cc]ouncil|[Cc]ourt"
    r"|[Aa]gency|[Aa]uthority|[Bb]oard|[Pp]arliament|[Ss]enate|[Cc]ongress|[Pp]olice|[Aa]rmy"
    r"|[Cc]ompany|[Cc]orporation|[Bb]ank|[Uu]nion|[Ff]oundation|[Oo]ffice|[Ss]ervice|[Ii]nc|[Cc]orp"
    r"|[Ll]td|[Gg]roup|[Aa]dministration|[Bb]ureau|[Tt]ribunal|[Pp]anel|[Ii]nstitute)\.?"
    r"(?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:,?\s+(?:and\s+)?[A-Z][\w&'’-]*){0,5})?$"
)
"""A body's name or noun: in a story, the subject that undertakes in the narrator's words (its
name may go on: "the Ministry of Health", "the Committee on Foreign Affairs")."""
_AGENT_ACT = re.compile(
    r"\s+(?:(?:also|now|then|soon|personally)\s+)?(?:address|visit|travel|meet|sign|announce"
    r"|launch|introduce|present|unveil|host|attend|lead(?!\s+to\b)|deliver|send|deploy|create|establish"
    r"|appeal|challenge|propose|nominate|appoint|veto|resign|testify|brief|chair|head)\b"
)
"""Acts only a party undertakes: a person's "will" before one of them commits ("Rice will
address the Security Council"), where "will face trial" or "will be jailed" does not."""
_THING_MARKS = re.compile(r"\d|['’]s\b")
"""A subject with a number or a possessive names a thing ("Discovery's STS-119"), not a party."""
_INTENDS = re.compile(r"(?:plans?|intends?|is|are)\s+to\s*")
"""A stated plan ("The company plans to open eight stores", "The Iraqi government is to launch
an inquiry"): its subject's, as "will" is."""
_PLANS = re.compile(r"(?:plans?|intends?)\s+to\s*")
"""A plan stated in so many words: anyone's, a person's too ("he plans to challenge the ruling")."""
_ACRONYM = re.compile(r"(?:[Tt]he\s+)?[A-Z]{2,6}")
"""A body by its initials alone ("the FAA", "NASA"), not a phrase ending in them ("shares of
IBM")."""


def _is_body(subject: str) -> bool:
    return _BODY.search(subject) is not None or _ACRONYM.fullmatch(subject) is not None
