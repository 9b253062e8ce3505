"""The pipeline: a document in, its commitments out.

segmentation (sentences, quotes) → speakers (attributions, pronouns, names) → cues → time
expressions (issue and due windows) → :class:`~commitments.records.Commitment` records. Who said
what is :mod:`.attribution`'s job, which date goes with which cue :mod:`.binding`'s, the action's
words :mod:`.phrasing`'s; this module walks the document and makes the records.
"""

from __future__ import annotations

import datetime as dt

import attrs

from commitments.errors import DateError
from commitments.extraction import binding, stated
from commitments.extraction import cues as cue_rules
from commitments.extraction.aliases import AliasTable
from commitments.extraction.attribution import Attributor
from commitments.extraction.binding import Pending
from commitments.extraction.entities import Entities
from commitments.extraction.events import counted_back, event_days, in_place
from commitments.extraction.followups import follow_ups
from commitments.extraction.itinerary import stop, trip
from commitments.extraction.parties import is_party
from commitments.extraction.patterns import (
    DISCOURSE,
    WRITTEN_QUESTION,
)
from commitments.extraction.phrasing import action, clause_end
from commitments.extraction.quoting import Resolved
from commitments.extraction.roles import split_roles
from commitments.extraction.schedule import action_item, scheduled
from commitments.extraction.scratch import Scratch
from commitments.extraction.segmentation import Sentence, headings, quotes, sentences
from commitments.extraction.speakers import Attribution, attributions
from commitments.extraction.undated import commits_undated
from commitments.extraction.voice import voices
from commitments.records import Commitment, Document, Kind, Source, Status, Turn, Window
from commitments.timex.calendar import time_zone
from commitments.timex.grammar import Found, find
from commitments.timex.vague import VagueTable

__all__ = ["extract", "extract_document"]


def extract(
    text: str,
    *,
    published: dt.date,
    tz: str | None = None,
    name: str = "-",
    vague: VagueTable | None = None,
    aliases: AliasTable | None = None,
) -> list[Commitment]:
    """The commitments made in ``text``, a document published on ``published``.

    The records do not depend on the day they are read: a status is
    ``Commitment.status(as_of)``. ``aliases`` maps other names of a speaker to one canonical name
    (:class:`~commitments.extraction.aliases.AliasTable`).
    """
    document = Document(text=text, name=name, published=published, tz=tz)
    return extract_document(document, vague=vague, aliases=aliases)


def extract_document(
    document: Document,
    *,
    published: dt.date | None = None,
    tz: str | None = None,
    vague: VagueTable | None = None,
    aliases: AliasTable | None = None,
) -> list[Commitment]:
    """The commitments made in a document read by one of the readers (``aliases``: as for
    :func:`extract`)."""
    day = published or document.published
    if day is None:
        raise DateError(
            "the document has no publication date: pass published= (or --published)",
            source=document.name,
        )
    zone = time_zone(tz or document.tz)
    extractor = _Extractor(document, day, zone, vague, aliases)
    if document.turns:
        for turn in document.turns:
            extractor.region(turn.start, turn.end, turn)
    else:
        extractor.region(0, len(document.text), None)
    return extractor.found


class _Extractor:
    """Walks one document's sentences, keeping who spoke last across them."""

    def __init__(
        self,
        document: Document,
        published: dt.date,
        zone: dt.tzinfo,
        vague: VagueTable | None,
        aliases: AliasTable | None = None,
    ):
        self.document = document
        self.text = document.text
        self.published = published
        self.zone = zone
        self.vague = vague
        self.aliases = aliases
        entities = Entities(aliases=aliases)
        entities.learn(self.text)
        self.scratch = Scratch()
        self.speakers = Attributor(self.text, entities, self.scratch)
        self.voices = voices(self.text, document.title)
        self.found: list[Commitment] = []
        self._events: dict[str, dt.date] | None = None
        """The day of each event the document sets (:mod:`.events`), read when first needed."""

    # -- regions and sentences --------------------------------------------------------------

    def region(self, start: int, end: int, turn: Turn | None) -> None:
        day = (turn.published if turn and turn.published else None) or self.published
        turn_speaker = turn.speaker if turn else None
        if turn is not None and turn.action:
            self._action_item(start, end, turn, day)
            return
        scheduled = self._schedule(start, end, day) if turn is None else ()
        region_quotes = quotes(self.text, start, end)
        self.speakers.quotes.start_region(region_quotes)
        resolved: list[Resolved] = []
        heads = headings(self.text, start, end) if turn is None else set()
        for sent in sentences(self.text, start, end):
            if sent.paragraph in heads:
                continue
            atts = attributions(self.text, sent.start, sent.end)
            resolved.append((sent, atts, self.speakers.names(sent, atts)))
        self.speakers.quotes.assign_quotes(region_quotes, resolved)
        made: list[range] = []
        found = self.found
        label_at = self.voices.label_at
        for sent, atts, names in resolved:
            if scheduled and any(a <= sent.start < b for a, b in scheduled):
                made.append(range(0))  # (kept in step with ``resolved`` for follow_ups)
                continue  # a schedule's line: made into an item already
            before = len(found)
            # (a label may start a line inside the sentence: "… asked Her Majesty's
            # Government:\nThe Lord Chancellor: We will …": the one in force at its end)
            speaker = turn_speaker if turn is not None else label_at(sent.end - 1)
            self._sentence(sent, atts, names, speaker, day, turn)
            made.append(range(before, len(found)))
            dated = [c for c in found[before:] if c.due is not None]
            if dated:
                self.scratch.last_dated = dated[-1]
                self.scratch.trip = trip(self.text, dated, self.document.offset, self.scratch.trip)
        follow_ups(found, self.text, [s for s, _, _ in resolved], made)

    # -- one sentence ---------------------------------------------------------------------------

    def _sentence(
        self,
        sent: Sentence,
        atts: list[Attribution],
        names: list[str | None],
        turn_speaker: str | None,
        day: dt.date,
        turn: Turn | None,
    ) -> None:
        text = self.text
        start = sent.start
        body = text[start : sent.end]
        if (turn is not None or turn_speaker) and body.rstrip().endswith("?"):
            return  # a question asks; it does not commit
        asks = "To ask" in body or "hereas" in body or "aving regard" in body
        if asks and WRITTEN_QUESTION.match(body) and not self.voices.recites_order(body):
            return  # "To ask the Secretary of State if he will …" asks; it does not commit
        plain, dated = cue_rules.cues_in(text[max(0, start - 1) : start], body)
        if not (plain or dated) and not (turn is not None and turn.action):
            return  # no cue at all: skip the time grammar (most sentences of an article)
        expressions = [f.shifted(start) for f in find(body, vague=self.vague)]
        expressions = self._counted_back(body, start, expressions)
        last, offset = self.scratch.last_dated, self.document.offset
        if not expressions and (
            then := binding.sequel(text, sent, last, offset)
            or (plain and stop(text, sent, self.scratch.trip))
            or (plain and binding.clock(text, sent, last, offset))
        ):
            expressions = [then]  # "Then he will travel to La Crosse": the plan's day goes on
        if expressions:
            issue_exprs, due_exprs = split_roles(text, sent, expressions, self.published)
            self.scratch.spans[start] = tuple((f.start, f.end) for f in expressions)
            sentence_issue = binding.sentence_issue(issue_exprs, day) if issue_exprs else None
            said_on = sentence_issue.latest if sentence_issue else day
            # a due date is on or after the day it was said ("bought in 2022" is not one); each
            # window is kept for _commit, which would resolve it again
            kept: list[Found] = []
            resolved = self.scratch.resolved = {}
            for found in due_exprs:
                window = found.resolve(said_on)
                if window is not None and window.latest >= said_on:
                    kept.append(found)
                    resolved[id(found)] = (found, said_on, window)
            due_exprs = kept
        else:  # (what the lines above give for no expression)
            issue_exprs, due_exprs = [], []
            self.scratch.spans[start] = ()
            sentence_issue = None
        found_cues = cue_rules.merged(plain, dated, start, has_due=bool(due_exprs))
        if not found_cues:
            return
        speaker_for = self.speakers.speaker_for
        pendings = [
            Pending(cue, speaker_for(cue, atts, names, turn_speaker, sent)) for cue in found_cues
        ]
        if due_exprs:
            pendings = binding.bind_due(text, pendings, due_exprs, atts, self.published)
        if issue_exprs:
            binding.bind_issue(pendings, issue_exprs, day)
        self._emit(
            sent,
            body,
            pendings,
            sentence_issue,
            day,
            turn,
            attributed=any(a.speaker is not None or not a.participle for a in atts),
        )

    def _emit(
        self,
        sent: Sentence,
        body: str,
        pendings: list[Pending],
        sentence_issue: Window | None,
        day: dt.date,
        turn: Turn | None,
        *,
        attributed: bool = False,
    ) -> None:
        speakers = self.speakers
        text = self.text
        emitted_speakers: set[str | None] = set()
        undated: dict[str, Pending] = {}
        seen_due: set[tuple[str | None, int]] = set()
        dated = [p for p in pendings if p.due is not None]
        for pending in dated:
            assert pending.due is not None
            if speakers.describes(sent, pending.cue):
                continue  # "The hearing in January will allow residents to comment"
            if pending.due.kind == "today" and cue_rules.performs(text, pending.cue):
                continue  # "Today I am announcing the next steps": done as it is said
            issuer = self.voices.default
            speaker = pending.speaker or speakers.unattributed(
                sent, pending.cue, voiced=issuer is not None
            )
            if (
                issuer
                and not attributed
                and speaker != issuer
                and cue_rules.obliges(text, pending.cue, court=issuer == "the Court")
            ):
                # "Defendants shall file … on or before March 11": the court's deadline
                speaker = issuer
                pending.cue = attrs.evolve(pending.cue, kind=Kind.DEADLINE)
            elif speaker is None or not is_party(speaker):
                speaker = self.voices.at(sent.start)
                if speaker is None and pending.due.kind == "sequel" and self.found:
                    speaker = self.found[-1].speaker  # "Then she will visit …": the same party
            if speaker is None or DISCOURSE.match(text, pending.cue.end):
                continue
            key = (speaker, pending.due.start)
            if key in seen_due:
                continue
            seen_due.add(key)
            emitted_speakers.add(speaker)
            limit = min(
                (p.cue.start for p in dated if p.cue.start > pending.cue.start), default=sent.end
            )
            self._commit(
                sent, pending, speaker, pending.issue or sentence_issue, day, turn, limit, body
            )
        for pending in pendings if len(dated) < len(pendings) else ():  # (only undated ones)
            if pending.due is not None:
                continue
            if pending.speaker is None and cue_rules.warns(text, sent, pending.cue, self.voices):
                pending.speaker = "the Court"  # "Failure to respond will result in dismissal"
                pending.cue = attrs.evolve(pending.cue, kind=Kind.THREAT)
                undated.setdefault(pending.speaker, pending)
                continue
            if not commits_undated(
                text, sent, body, pending, speakers, self.voices, attributed=attributed, turn=turn
            ):
                continue
            if pending.speaker is None or pending.speaker in undated:
                continue  # (commits_undated has given it a party)
            if pending.speaker in emitted_speakers and any(
                p.speaker == pending.speaker and speakers.same_clause(p.cue, pending.cue)
                for p in dated
            ):
                continue
            if cue_rules.hedged(body[: pending.cue.start - sent.start]):
                continue
            undated[pending.speaker] = pending
        for speaker, pending in undated.items():
            self._commit(
                sent, pending, speaker, pending.issue or sentence_issue, day, turn, None, body
            )

    def _commit(
        self,
        sent: Sentence,
        pending: Pending,
        speaker: str,
        issue: Window | None,
        day: dt.date,
        turn: Turn | None,
        limit: int | None = None,
        body: str | None = None,
        what: str | None = None,
    ) -> None:
        text = self.text
        cue = pending.cue
        start, end = sent.start, sent.end
        if body is None:
            body = text[start:end]
        end_of_clause = clause_end(text, cue, sent)
        issued = self.scratch.issued_on(day) if issue is None else issue
        due_window: Window | None = None
        expression = None
        due_at = None
        kind = cue.kind
        due = pending.due
        if due is not None:
            expression = due.text
            due_window = self.scratch.due_window(due, issued)  # (known from _sentence)
            due_window = binding.sharpen(text, cue, due, due_window, issued)
            if due.kind in ("deadline-noun", "deadline-of", "give"):
                kind = Kind.DEADLINE if kind is not Kind.DEMAND else kind
            if due.time is not None and due_window is not None:
                due_at = dt.datetime.combine(due_window.latest, due.time, tzinfo=self.zone)
        reading = stated.read(
            text, sent, cue, kind, due_window, day, limit=limit or end, clause_end=end_of_clause
        )
        if what is None:
            what = action(text, pending, end_of_clause, self.scratch.spans.get(start, ()))
        offset = self.document.offset
        source = Source(
            document=self.document.name,
            start=offset + start,
            end=offset + end,
            url=self.document.url,
            line=turn.line if turn else None,
        )
        speaker = self.voices.named(speaker)  # a filing's "the Company": its issuer
        if self.aliases is not None:  # (a turn's or an action item's speaker too)
            speaker = self.aliases.canonical(speaker)
        self.found.append(
            Commitment(
                speaker=speaker,
                action=what,
                kind=reading.kind,
                text=" ".join(body.split()),
                expression=expression,
                issued=issued,
                due=reading.due,
                condition=reading.condition,
                stated=reading.stated,
                due_at=due_at,
                source=source,
            )
        )

    def _counted_back(self, body: str, start: int, expressions: list[Found]) -> list[Found]:
        """``expressions`` with the times counted back from an event ("fourteen days before the
        status conference") in place of what they overlap."""
        return in_place(
            expressions, [f.shifted(start) for f in counted_back(body, self._event_days)]
        )

    def _event_days(self) -> dict[str, dt.date]:
        if self._events is None:
            self._events = event_days(self.text, self.published)
        return self._events

    def _schedule(self, start: int, end: int, day: dt.date) -> list[tuple[int, int]]:
        """Make the schedule items of a region; their spans, for the sentences to skip."""
        spans = []
        canonical = self.speakers.entities.canonical
        for item, pending, what in scheduled(self.text, start, end, day, self.vague, self.voices):
            speaker = canonical(pending.speaker or "")
            sent = Sentence(item.start, item.end, 0)
            self._commit(sent, pending, speaker, None, day, None, what=what)
            spans.append((item.start, item.end))
        return spans

    def _action_item(self, start: int, end: int, turn: Turn, day: dt.date) -> None:
        pending, owner = action_item(self.text, start, end, turn.speaker, day, self.vague)
        self._commit(Sentence(start, end, 0), pending, owner, None, day, turn)
        if turn.done:
            self.found[-1] = attrs.evolve(self.found[-1], stated=Status.KEPT)
