"""Whether an undated cue commits anyone: a commitment with no date is kept only when its party
is plain and it names an act ("the company said it will appeal the ruling"), not a description,
a state, a demand with nothing to track or a voice's words about the talk itself.
"""

from __future__ import annotations

from commitments.extraction.attribution import Attributor, by_agent
from commitments.extraction.binding import Pending
from commitments.extraction.parties import is_party
from commitments.extraction.patterns import DEPOSITED, DISCOURSE, NOT_AN_ACTION
from commitments.extraction.segmentation import Sentence
from commitments.extraction.voice import Voices
from commitments.records import Kind, Turn

__all__ = ["commits_undated"]


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
        pending.speaker, voiced = speakers.narrated(sent, pending.cue, voices)
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
