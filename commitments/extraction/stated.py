"""What a sentence says about its commitment beyond who and when.

The status it states ("has already paid", "had now expired"), the kind its words refine (a threat
worded as a promise), and the condition it sets ("if the talks fail"). The pipeline asks once per
commitment, with the stretch after the cue the sentence gives it.
"""

from __future__ import annotations

import datetime as dt

import attrs

from commitments.extraction import cues as cue_rules
from commitments.extraction.cues import Cue
from commitments.extraction.patterns import DEADLINE_WORD
from commitments.extraction.segmentation import Sentence
from commitments.fastmatch.prefilter import SENTENCES, cuts_no_token
from commitments.records import Kind, Status, Window

__all__ = ["Reading", "read"]


@attrs.frozen
class Reading:
    """A commitment's kind, stated status, due window (narrowed by "had expired") and
    condition, as its sentence words them."""

    kind: Kind
    stated: Status | None
    due: Window | None
    condition: str | None


def read(
    text: str,
    sent: Sentence,
    cue: Cue,
    kind: Kind,
    due: Window | None,
    day: dt.date,
    *,
    limit: int,
    clause_end: int,
) -> Reading:
    """How the sentence ``sent`` of ``text`` words the commitment its ``cue`` makes: ``limit``
    ends the stretch that speaks of this commitment (the next dated cue, or the sentence's end),
    ``clause_end`` the cue's clause; ``day`` is the publication day, which an expired deadline
    cannot be later than."""
    start, end = sent.start, sent.end
    body = text[start:end]
    # The pre-filter's answer for the sentence holds for a stretch of it that cuts no token.
    ruled = SENTENCES.ruled_out(body)
    after_cue = text[cue.start : limit]
    stated = cue_rules.stated_status(
        after_cue, ruled if cuts_no_token(text, cue.start, limit, start, end) else None
    )
    if stated is None:
        stated = cue_rules.stated_status(body, ruled)
        stated = stated if stated in (Status.KEPT, Status.BROKEN) else None
    if stated is Status.EXPIRED:
        about_deadline = cue.noun or DEADLINE_WORD.search(after_cue)
        if due is None or not about_deadline:
            stated = None
        else:  # "had now expired": the deadline is no later than the publication day
            latest = min(due.latest, day)
            due = Window(min(due.earliest, latest), latest)
    kind = cue_rules.refine_kind(
        kind,
        text[cue.start : clause_end],
        ruled=ruled if cuts_no_token(text, cue.start, clause_end, start, end) else None,
    )
    return Reading(kind, stated, due, cue_rules.condition(body, ruled))
