"""The pipeline: a document in, its commitments out.

segmentation (sentences, quotes) → speakers (attributions, pronouns, names) → cues → time
expressions (issue and due windows) → :class:`~commitments.records.Commitment` records.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import zoneinfo

import attrs

from commitments import cues as cue_rules
from commitments.cues import Cue
from commitments.errors import DateError
from commitments.followups import follow_up
from commitments.prefilter import fold
from commitments.records import Commitment, Document, Kind, Source, Status, Turn, Window
from commitments.segmentation import Quote, Sentence, paragraphs, quotes, sentences
from commitments.speakers import VERB as REPORTING_VERB
from commitments.speakers import Attribution, Entities, attributions, clean_name
from commitments.timex.grammar import Found, find
from commitments.timex.issue import issued_window
from commitments.timex.vague import VagueTable

__all__ = ["extract", "extract_document", "parse_due"]

_ISSUING = re.compile(
    r"(?<![\w’'-])(?:said|says|told|stated|announced|declared|informed|wrote|posted|tweeted"
    r"|reported|issued|set|imposed|gave|made|delivered|pledged|promised|vowed|threatened"
    r"|warned|asserted|claimed|insisted|confirmed|questioned|asked|added|noted|ordered"
    r"|demanded|urged|agreed|offered|signed|unveiled|responded|replied|explained|speaking"
    r"|talking|writing|posting|testifying|interviewed|released|published|sent|filed|dated"
    r"|broadcast|aired|quoted)(?![\w’'-])",
    re.IGNORECASE,
)
_BLOCKERS = re.compile(r"\b(?:that|to|will|would|can|if|when|and\s+\w+ed)\b|['’](?:ll|d)\b|[“”\"]")
_FIRST_PERSON = re.compile(r"(?<![\w’'-])(?:I|we|We|us|let['’]s|Let['’]s|my|our|Our|My)(?![\w’'-])")
_CLAUSE_END = re.compile(
    r"[;:]|,[”\"’]?\s+(?:and|but|while|noting|adding|saying|though|although|as|according)\b"
    rf"|[.!?]|,[”\"’]?\s+(?:[Tt]he\s+)?(?:[\w.’'-]+\s+){{1,3}}(?:{REPORTING_VERB})\b"
    r"|,[”\"’]?\s+(?:said|says|added|told|wrote|stated)\b"
)
_SUBJECT_START = re.compile(
    r"(?:[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*|(?:The\s+)?(?!The\s)[A-Z][\w’'.&-]*"
    r"(?:\s+[A-Z][\w’'.&-]*){0,4})(?=\s)"
)
_BARE_MODAL = re.compile(
    r"(?:will|shall|would|['’]ll|won['’]t|shan['’]t|(?:(?:am|is|are|was|were|['’]m|['’]re)\s+)?"
    r"(?:going\s+to|gonna)\s*)",
    re.IGNORECASE,
)
_NOT_AN_ACTION = re.compile(
    r"\s*(?:\w+ly\s+)?(?:be|have|need|like|love|want|hope|know|see|think|feel|seem|remain"
    r"|continue|get|prefer|expect)\b",
    re.IGNORECASE,
)
_COORDINATED = re.compile(
    r"\b(?:and|then|with|while|followed\s+by|but|plus)\b\s+(?:\w+\s+){1,}", re.IGNORECASE
)
_GENERIC_ORG = re.compile(
    r"the\s+(?:company|firm|group|bank|airline|carrier|retailer|ministry|government|agency"
    r"|department|council|regulator|union|club|team|manufacturer|maker|lender|insurer|operator)$"
)


def extract(
    text: str,
    *,
    published: dt.date,
    as_of: dt.date | None = None,
    tz: str | None = None,
    name: str = "-",
    vague: VagueTable | None = None,
) -> list[Commitment]:
    """The commitments made in ``text``, a document published on ``published``.

    ``as_of`` is accepted for symmetry with the CLI: statuses are computed by
    :meth:`Commitment.status`, so the records do not depend on it.
    """
    return extract_document(Document(text=text, name=name, published=published, tz=tz), vague=vague)


def extract_document(
    document: Document,
    *,
    published: dt.date | None = None,
    tz: str | None = None,
    vague: VagueTable | None = None,
) -> list[Commitment]:
    """The commitments made in a document read by one of the readers."""
    day = published or document.published
    if day is None:
        raise DateError(
            "the document has no publication date: pass published= (or --published)",
            source=document.name,
        )
    zone = _zone(tz or document.tz)
    extractor = _Extractor(document, day, zone, vague)
    if document.turns:
        for turn in document.turns:
            extractor.region(turn.start, turn.end, turn)
    else:
        extractor.region(0, len(document.text), None)
    return extractor.found


def parse_due(
    expression: str, *, issued: dt.date | Window, vague: VagueTable | None = None
) -> Window | None:
    """The due window of a time expression said on ``issued``; ``None`` if it names no date.

    >>> parse_due("in the coming days", issued=dt.date(2025, 9, 3))
    Window(earliest=datetime.date(2025, 9, 4), latest=datetime.date(2025, 9, 10))
    """
    found = [f for f in find(expression, vague=vague) if not f.past]
    if not found:
        return None
    best = max(found, key=lambda f: f.end - f.start)
    return best.window(issued)


def _zone(name: str | None) -> dt.tzinfo:
    if not name:
        return dt.UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise DateError(
            f"unknown time zone {name!r}: use an IANA name such as Europe/Berlin"
        ) from exc


@attrs.define
class _Pending:
    cue: Cue
    speaker: str | None
    due: Found | None = None
    issue: Window | None = None


class _Extractor:
    """Walks one document's sentences, keeping who spoke last across them."""

    def __init__(
        self, document: Document, published: dt.date, zone: dt.tzinfo, vague: VagueTable | None
    ):
        self.document = document
        self.text = document.text
        self.published = published
        self.zone = zone
        self.vague = vague
        self.entities = Entities()
        self.entities.learn(self.text)
        self.found: list[Commitment] = []
        self.quote_speakers: dict[Quote, str | None] = {}
        self.quote_starts: list[int] | None = None
        self._spans: dict[int, tuple[tuple[int, int], ...]] = {}
        self._quotes: list[Quote] = []

    # -- regions and sentences --------------------------------------------------------------

    def region(self, start: int, end: int, turn: Turn | None) -> None:
        day = (turn.published if turn and turn.published else None) or self.published
        turn_speaker = turn.speaker if turn else None
        if turn is not None and turn.action:
            self._action_item(start, end, turn, day)
            return
        region_quotes = quotes(self.text, start, end)
        disjoint = all(a.end <= b.start for a, b in itertools.pairwise(region_quotes))
        self.quote_starts = [q.start for q in region_quotes] if disjoint else None
        self._quotes = region_quotes
        resolved: list[tuple[Sentence, list[Attribution], list[str | None]]] = []
        headings = _headings(self.text, start, end) if turn is None else set()
        for sent in sentences(self.text, start, end):
            if sent.paragraph in headings:
                continue
            atts = attributions(self.text, sent.start, sent.end)
            names = self._resolve_attributions(sent, atts)
            resolved.append((sent, atts, names))
        self._assign_quotes(region_quotes, resolved)
        made: list[list[int]] = []
        for sent, atts, names in resolved:
            before = len(self.found)
            self._sentence(sent, atts, names, region_quotes, turn_speaker, day, turn)
            made.append(list(range(before, len(self.found))))
        self._follow_ups([s for s, _, _ in resolved], made)

    def _follow_ups(self, sents: list[Sentence], made: list[list[int]]) -> None:
        """Kept or broken, as the next sentences of the paragraph tell."""
        for i, indices in enumerate(made):
            dated = [
                k for k in indices if self.found[k].due is not None and not self.found[k].stated
            ]
            if len(dated) != 1:
                continue
            (k,) = dated
            for j in range(i + 1, min(i + 3, len(sents))):
                if sents[j].paragraph != sents[i].paragraph or made[j]:
                    break
                status = follow_up(self.found[k].action, self.text[sents[j].start : sents[j].end])
                if status is not None:
                    self.found[k] = attrs.evolve(self.found[k], stated=status)
                    break

    def _resolve_attributions(self, sent: Sentence, atts: list[Attribution]) -> list[str | None]:
        names: list[str | None] = []
        subject = _SUBJECT_START.match(self.text, sent.start, sent.end)
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

    def _assign_quotes(
        self,
        region_quotes: list[Quote],
        resolved: list[tuple[Sentence, list[Attribution], list[str | None]]],
    ) -> None:
        by_paragraph: dict[int, list[tuple[Attribution, str | None]]] = {}
        for sent, atts, names in resolved:
            by_paragraph.setdefault(sent.paragraph, []).extend(zip(atts, names, strict=True))
        previous: Quote | None = None
        for quote in region_quotes:
            speaker = None
            flat = by_paragraph.get(quote.paragraph, [])
            after = [
                (att, name)
                for att, name in flat
                if quote.end <= att.start <= quote.end + 400
                and att.trailing
                and name
                and re.fullmatch(
                    r"[”\"’,.!?\s]*(?:[^“”\"]{0,80})", self.text[quote.end : att.start]
                )
                and self._same_sentence_gap(quote.end, att.start)
            ]
            before = [
                (att, name)
                for att, name in flat
                if quote.start - 61 <= att.end <= quote.start
                and name
                and re.fullmatch(r"[^“”\".!?]{0,60}", self.text[att.end : quote.start - 1])
            ]
            if after:
                speaker = after[0][1]
            elif before:
                speaker = before[-1][1]
            elif previous is not None and (
                previous.paragraph == quote.paragraph
                or not previous.closed
                or self._paragraph_starts_with(quote)
            ):
                speaker = self.quote_speakers.get(previous)
            self.quote_speakers[quote] = speaker
            if speaker:
                self.entities.mention(speaker)
            previous = quote

    def _quote_at(self, region_quotes: list[Quote], position: int) -> Quote | None:
        """The first quote that holds ``position`` (a binary search over the region's quotes)."""
        if self.quote_starts is None:  # not sorted and disjoint: look at every one
            return next((q for q in region_quotes if position in q), None)
        i = bisect.bisect_right(self.quote_starts, position) - 1
        return region_quotes[i] if i >= 0 and position in region_quotes[i] else None

    def _same_sentence_gap(self, start: int, end: int) -> bool:
        gap = self.text[start:end]
        return not re.search(r"[.!?]\s+[“\"A-Z]", gap.lstrip('”"’.!?,'))

    def _paragraph_starts_with(self, quote: Quote) -> bool:
        line_start = self.text.rfind("\n", 0, quote.start) + 1
        return self.text[line_start : quote.start - 1].strip() == ""

    # -- one sentence ---------------------------------------------------------------------------

    def _sentence(
        self,
        sent: Sentence,
        atts: list[Attribution],
        names: list[str | None],
        region_quotes: list[Quote],
        turn_speaker: str | None,
        day: dt.date,
        turn: Turn | None,
    ) -> None:
        text = self.text
        body = text[sent.start : sent.end]
        if turn is not None and body.rstrip().endswith("?"):
            return  # a question asks; it does not commit
        if not (turn is not None and turn.action) and not cue_rules.may_commit(
            text, sent.start, sent.end
        ):
            return  # no cue at all: skip the time grammar (most sentences of an article)
        expressions = [f.shifted(sent.start) for f in find(body, vague=self.vague)]
        issue_exprs, due_exprs = self._split_roles(sent, expressions, atts)
        self._spans[sent.start] = tuple((f.start, f.end) for f in expressions)
        sentence_issue = self._sentence_issue(issue_exprs, day)
        said_on = sentence_issue.latest if sentence_issue else day
        due_exprs = [f for f in due_exprs if _names_a_due_date(f, said_on)]
        found_cues = cue_rules.cues(text, sent.start, sent.end, has_due=bool(due_exprs))
        if not found_cues:
            return
        pendings: list[_Pending] = []
        for cue in found_cues:
            speaker = self._speaker_for(cue, atts, names, region_quotes, turn_speaker, sent)
            pendings.append(_Pending(cue, speaker))
        pendings = self._bind_due(pendings, due_exprs, atts)
        self._bind_issue(pendings, issue_exprs, day)
        self._emit(sent, pendings, sentence_issue, day, turn)

    def _split_roles(
        self, sent: Sentence, expressions: list[Found], atts: list[Attribution]
    ) -> tuple[list[Found], list[Found]]:
        issue: list[Found] = []
        due: list[Found] = []
        for found in expressions:
            if found.kind.startswith("skip"):
                if issued_window(found.text, self.published) is not None:
                    issue.append(found)  # "last Friday", "past week": they date statements
                continue
            if found.past:
                issue.append(found)
            elif issued_window(found.text, self.published) is not None and self._dates_statement(
                sent, found
            ):
                issue.append(found)
            else:
                due.append(found)
        return issue, due

    def _dates_statement(self, sent: Sentence, found: Found) -> bool:
        """ "said on Friday", "informed reporters … on Wednesday that", "On Friday, X pledged"."""
        text = self.text
        head = text[sent.start : found.start]
        verb = None
        for m in _ISSUING.finditer(head):
            if not re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", head[: m.start()]):
                verb = m  # (not "the signed contract")
        if verb is not None:
            between = head[verb.end() :]
            if len(between.split()) <= 6 and not _BLOCKERS.search(between):
                return True
        if not head.strip() or re.fullmatch(r"\s*(?:[A-Z]\w*\s*,\s*)?", head):
            tail = text[found.end : sent.end]
            if tail.lstrip().startswith(",") and _ISSUING.search(tail[:80]):
                return True
        after = text[found.end : min(sent.end, found.end + 40)]
        if _ISSUING.match(after.lstrip()) and after[:1].isspace():
            return True  # "Trump on Monday told reporters", "the Commission on Thursday gave"
        return bool(
            re.match(r"\s*(?:,\s*)?(?:that\b|,?\s*(?:he|she|they|it)\s+(?:said|told|added))", after)
            and verb is not None
        )

    def _sentence_issue(self, issue_exprs: list[Found], day: dt.date) -> Window | None:
        for found in issue_exprs:
            window = issued_window(found.text, day)
            if window is not None:
                return window
        return None

    def _speaker_for(
        self,
        cue: Cue,
        atts: list[Attribution],
        names: list[str | None],
        region_quotes: list[Quote],
        turn_speaker: str | None,
        sent: Sentence,
    ) -> str | None:
        inside = self._quote_at(region_quotes, cue.start)
        if inside is not None:
            speaker = self.quote_speakers.get(inside)
            if speaker:
                return speaker
            if turn_speaker:
                return turn_speaker
        if cue.noun:  # "the 60-day deadline that Minister Paulo Santos issued last month"
            for att, name in zip(atts, names, strict=True):
                gap = self.text[cue.end : att.start]
                if (
                    name
                    and att.start > cue.end
                    and re.fullmatch(r"\s+(?:that|which)\s+[^,;.!?“”\"]{1,60}", gap)
                ):
                    return name
        governing = [
            name
            for att, name in zip(atts, names, strict=True)
            if name and not att.trailing and att.start <= cue.start
        ]
        if governing:
            if turn_speaker and _FIRST_PERSON.search(self.text[sent.start : cue.end]):
                return turn_speaker
            return governing[-1]
        trailing = [
            name
            for att, name in zip(atts, names, strict=True)
            if name and att.start >= cue.end and att.trailing
        ]
        if trailing:
            if _GENERIC_ORG.fullmatch(trailing[0]):
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
        m = _SUBJECT_START.match(head)
        if m is None or not m[0][:1].isupper() or m[0].split()[0] == "The" and m[0][4:5].islower():
            return None
        if len(head[m.end() :].split()) > 2:
            return None
        name, _ = clean_name(m[0])
        return self.entities.canonical(name) if name else None

    def _bind_due(
        self, pendings: list[_Pending], due_exprs: list[Found], atts: list[Attribution]
    ) -> list[_Pending]:
        """Give each due expression to its cue; a cue with dues for two coordinated actions
        ("raise prices in the coming weeks and launch a tier in the coming months") splits."""
        bound: dict[int, list[Found]] = {}
        for found in due_exprs:
            inside = [p for p in pendings if p.cue.start < found.end and p.cue.end > found.start]
            before = [
                p
                for p in pendings
                if p.cue.end <= found.start
                and not any(p.cue.end <= a.start < found.start for a in atts)
            ]
            after = [p for p in pendings if p.cue.start >= found.end]
            target = inside[0] if inside else before[-1] if before else after[0] if after else None
            if target is not None:
                bound.setdefault(id(target), []).append(found)
        result: list[_Pending] = []
        for pending in pendings:
            dues = sorted(bound.get(id(pending), []), key=lambda f: f.start)
            groups: list[list[Found]] = []
            for found in dues:
                if groups and not _COORDINATED.search(self.text[groups[-1][-1].end : found.start]):
                    groups[-1].append(found)
                else:
                    groups.append([found])
            if not groups:
                result.append(pending)
            for group in groups:
                best = max(group, key=lambda f: _specificity(f, self.published))
                result.append(_Pending(pending.cue, pending.speaker, best, pending.issue))
        return result

    def _bind_issue(self, pendings: list[_Pending], issue_exprs: list[Found], day: dt.date) -> None:
        for found in issue_exprs:
            nouns = [
                p
                for p in pendings
                if p.cue.noun and p.cue.end <= found.start and found.start - p.cue.end < 60
            ]
            if nouns:
                nouns[-1].issue = issued_window(found.text, day)

    def _emit(
        self,
        sent: Sentence,
        pendings: list[_Pending],
        sentence_issue: Window | None,
        day: dt.date,
        turn: Turn | None,
    ) -> None:
        text = self.text
        body = text[sent.start : sent.end]
        emitted_speakers: set[str | None] = set()
        undated: dict[str, _Pending] = {}
        seen_due: set[tuple[str | None, int]] = set()
        dated = [p for p in pendings if p.due is not None]
        for pending in dated:
            assert pending.due is not None
            speaker = pending.speaker or self._unattributed(sent, pending)
            if speaker is None:
                continue
            key = (speaker, pending.due.start)
            if key in seen_due:
                continue
            seen_due.add(key)
            emitted_speakers.add(speaker)
            limit = min(
                (p.cue.start for p in dated if p.cue.start > pending.cue.start), default=sent.end
            )
            self._commit(sent, pending, speaker, pending.issue or sentence_issue, day, turn, limit)
        for pending in pendings:
            if pending.due is not None or pending.speaker is None:
                continue
            if pending.cue.kind is Kind.DEMAND:
                continue  # an undated demand ("urged both sides to return to talks") has no date
                # to track
            if pending.cue.noun:
                continue  # "a hard deadline" with no date says nothing we can track
            if not self._undated_commits(pending, body, sent, chat=turn is not None):
                continue
            if pending.speaker in undated:
                continue
            if pending.speaker in emitted_speakers and any(
                p.speaker == pending.speaker and self._same_clause(p.cue, pending.cue)
                for p in dated
            ):
                continue
            if cue_rules.hedged(body[: pending.cue.start - sent.start]):
                continue
            undated[pending.speaker] = pending
        for speaker, pending in undated.items():
            self._commit(sent, pending, speaker, pending.issue or sentence_issue, day, turn)

    def _same_clause(self, a: Cue, b: Cue) -> bool:
        """No ", and …", "; " or ", but …" between two cues."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        return not re.search(
            r"[;]|,\s+(?:and|but|while)\b|\band\s+(?:that|would|will|gave|said)\b",
            self.text[first.end : second.start],
        )

    def _undated_commits(
        self, pending: _Pending, body: str, sent: Sentence, *, chat: bool = False
    ) -> bool:
        """Whether an undated cue in prose commits anyone.

        Commissive verbs (promised, vowed, offered, threatened…) and threats do. A bare modal
        ("will", "would") does only with the speaker as its subject ("we will contact every
        owner", "it would provide $500 million"), followed by an action: not a prediction about
        something else ("the measure would hit families"), a state ("we would need more time")
        or a passive ("nobody will be left guessing").
        """
        cue_text = self.text[pending.cue.start : pending.cue.end]
        if cue_text[:2] in ("'d", "’d"):
            return False  # "that's what I'd do": hypothetical unless a date says otherwise
        if not _BARE_MODAL.fullmatch(cue_text):
            return True
        if chat:  # the line's speaker said it: any action they will take
            return not _NOT_AN_ACTION.match(self.text[pending.cue.end : sent.end])
        if cue_rules.refine_kind(pending.cue.kind, body) is Kind.THREAT:
            return True
        before = self.text[sent.start : pending.cue.start]
        after = self.text[pending.cue.end : sent.end]
        quoted = self._quote_at(self._quotes, pending.cue.start) is not None
        subjects = (
            r"I|[Ww]e"
            if quoted
            else (
                r"I|[Ww]e|[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Tt]he\s+(?:company|firm|group|government|ministry"
                r"|council|agency|bank|airline|union|club|party|department|administration|board)"
            )
        )
        space = "" if cue_text[:1] in "'’" else r"\s+"
        subject_ok = bool(re.search(rf"(?<![\w’'])(?:{subjects}){space}$", before))
        return subject_ok and not _NOT_AN_ACTION.match(after)

    def _unattributed(self, sent: Sentence, pending: _Pending) -> str | None:
        """A narrator's future statement about a named party: that party, if the clause dates it."""
        head = self.text[sent.start : pending.cue.start]
        if cue_rules.hedged(head) or pending.cue.kind is Kind.OFFER:
            return None
        if self.text[pending.cue.start : pending.cue.end].casefold() in ("would",):
            return None
        m = _SUBJECT_START.match(head)
        if m is None or len(head[m.end() :].split()) > 2:
            return None
        phrase = m[0]
        if phrase.split()[0].casefold() == "the":
            return self.entities.resolve(phrase)
        name, _ = clean_name(phrase)
        if not name or name.casefold() in ("i", "we", "you", "he", "she", "they", "it"):
            return None
        return self.entities.canonical(name)

    def _commit(
        self,
        sent: Sentence,
        pending: _Pending,
        speaker: str,
        issue: Window | None,
        day: dt.date,
        turn: Turn | None,
        limit: int | None = None,
    ) -> None:
        text = self.text
        clause_end = _clause_end(text, pending.cue, sent)
        clause = text[pending.cue.start : clause_end]
        issued = issue or Window.day(day)
        due_window: Window | None = None
        expression = None
        due_at = None
        kind = pending.cue.kind
        if pending.due is not None:
            expression = pending.due.text
            due_window = pending.due.window(issued)
            if pending.due.kind in ("deadline-noun", "deadline-of", "give"):
                kind = Kind.DEADLINE if kind is not Kind.DEMAND else kind
            if pending.due.time is not None and due_window is not None:
                due_at = dt.datetime.combine(due_window.latest, pending.due.time, tzinfo=self.zone)
        after_cue = text[pending.cue.start : limit or sent.end]
        stated = cue_rules.stated_status(after_cue)
        if stated is None:
            stated = cue_rules.stated_status(text[sent.start : sent.end])
            stated = stated if stated in (Status.KEPT, Status.BROKEN) else None
        if stated is Status.EXPIRED:
            about_deadline = pending.cue.noun or re.search(r"\b(?:deadline|ultimatum)", after_cue)
            if due_window is None or not about_deadline:
                stated = None
            else:  # "had now expired": the deadline is no later than the publication day
                latest = min(due_window.latest, day)
                due_window = Window(min(due_window.earliest, latest), latest)
        kind = cue_rules.refine_kind(kind, clause)
        condition = cue_rules.condition(text[sent.start : sent.end])
        action = _action(text, pending, clause_end, self._spans.get(sent.start, ()))
        offset = self.document.offset
        source = Source(
            document=self.document.name,
            start=offset + sent.start,
            end=offset + sent.end,
            url=self.document.url,
            line=turn.line if turn else None,
        )
        self.found.append(
            Commitment(
                speaker=speaker,
                action=action,
                kind=kind,
                text=" ".join(text[sent.start : sent.end].split()),
                expression=expression,
                issued=issued,
                due=due_window,
                condition=condition,
                stated=stated,
                due_at=due_at,
                source=source,
            )
        )

    def _action_item(self, start: int, end: int, turn: Turn, day: dt.date) -> None:
        body = self.text[start:end]
        expressions = [f for f in find(body, vague=self.vague) if not f.past]
        due = max(expressions, key=lambda f: _specificity(f, day)) if expressions else None
        cue = Cue(start, start, Kind.PROMISE)
        pending = _Pending(cue, turn.speaker)
        if due is not None:
            pending.due = due.shifted(start)
        sent = Sentence(start, end, 0)
        owner = turn.speaker or ""
        inner = re.fullmatch(r"[^()]*\(([^()]+)\)\s*", owner)  # "Treasurer (George Hall)"
        self._commit(sent, pending, inner.group(1).strip() if inner else owner, None, day, turn)
        if turn.done:
            self.found[-1] = attrs.evolve(self.found[-1], stated=Status.KEPT)


def _names_a_due_date(found: Found, said_on: dt.date) -> bool:
    """A due date can only be on or after the day it was said ("bought in 2022" is not one)."""
    window = found.resolve(said_on)
    return window is not None and window.latest >= said_on


def _headings(text: str, start: int, end: int) -> set[int]:
    """Paragraphs that are headlines or headings: a restatement, written without a speaker.

    A Markdown heading (``# …``), or a first line with no closing punctuation above more text.
    """
    spans = list(paragraphs(text[start:end]))
    found = {i for i, (a, b) in enumerate(spans) if text[start + a : start + b].startswith("#")}
    if len(spans) > 1:
        a, b = spans[0]
        first = text[start + a : start + b]
        if (
            "\n" not in first
            and len(first) < 200
            and not first.rstrip().endswith(tuple('.!?”"’:;'))
        ):
            found.add(0)
    return found


def _specificity(found: Found, day: dt.date) -> tuple[int, int, int]:
    """Which of two expressions bound to one cue to keep: explicit dates and durations over vague
    phrases, then the narrower window ("next Tuesday" over "the summer"), then the longer text."""
    window = found.resolve(day)
    days = window.days if window is not None else 10**6
    return (0 if found.kind == "vague" else 1, -days, found.end - found.start)


def _clause_end(text: str, cue: Cue, sent: Sentence) -> int:
    m = _CLAUSE_END.search(text, cue.end, sent.end)
    return m.start() if m else sent.end


_CUE_WORDS = re.compile(
    r"^(?:will|shall|would|['’]ll|won['’]t|(?:am|is|are|was|were|['’]m|['’]re)?\s*going\s+to|gonna"
    r"|must)\s+",
    re.IGNORECASE,
)


_ASIDES = re.compile(
    r"(?:,|(?<!\s))\s*(?:issued|set|given|imposed|announced|made)\s+"
    r"(?:last\s+\w+|earlier\s+this\s+\w+"
    r"|this\s+past\s+\w+|on\s+\w+|yesterday|\w+\s+(?:days|weeks|months)\s+ago)"
    r"|(?:,|(?<!\s))\s*(?:had|has|have)\s+(?:now\s+|already\s+)?"
    r"(?:expired|passed|lapsed|run\s+out)\b.*$",
    re.IGNORECASE,
)


_ASIDE_WORDS = ("issued", "set", "given", "imposed", "announced", "made", "had", "has", "have")
"""One of these is in every match of :data:`_ASIDES` and :data:`_BARE_PARTICIPLE`."""
_BARE_PARTICIPLE = re.compile(
    r",\s*(?:issued|set|given|imposed|announced|made)(?=\s+(?:for|to|by|on|in)\b|\s*,|\s*$)",
    re.IGNORECASE,
)


_TO_THAT = re.compile(r"^(?:to|that)\s+")
_SPACE_BEFORE_MARK = re.compile(r"(?<!\s)\s+([,.;:])")  # from a run's start: linear


def _action(
    text: str, pending: _Pending, clause_end: int, spans: tuple[tuple[int, int], ...] = ()
) -> str:
    """What was committed to: the clause after the cue, without its time expressions."""
    start = pending.cue.start if pending.cue.noun else pending.cue.end
    if pending.cue.start == pending.cue.end:  # action items: the whole item
        start = pending.cue.start
    cuts = sorted(
        (max(a, start), min(b, clause_end))
        for a, b in {*spans, *([(pending.due.start, pending.due.end)] if pending.due else [])}
        if a < clause_end
        and b > start
        and not (pending.cue.noun and a <= pending.cue.start < b)  # keep "deadline" itself
    )
    pieces, at = [], start
    for a, b in cuts:
        if a >= at and a < clause_end:
            pieces.append(text[at:a])
            at = max(at, b)
    pieces.append(text[at:clause_end] if at < clause_end else "")
    piece = _CUE_WORDS.sub("", " ".join(" ".join(pieces).split()))
    folded = fold(piece)  # lower case as a case-insensitive pattern sees it
    if any(word in folded for word in _ASIDE_WORDS):  # what every aside holds
        piece = _ASIDES.sub("", piece)
        if "," in piece:
            piece = _BARE_PARTICIPLE.sub("", piece)
    piece = _TO_THAT.sub("", piece.strip(" ,;:—–-“”\"'’"))
    piece = _SPACE_BEFORE_MARK.sub(r"\1", piece).strip(" ,;:—–-“”\"'’")
    if len(piece) > 120:
        piece = piece[:117].rsplit(" ", 1)[0] + "…"
    return piece or text[pending.cue.start : pending.cue.end]
