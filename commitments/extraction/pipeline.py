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

from commitments.extraction import cues as cue_rules
from commitments.extraction.cues import Cue
from commitments.errors import DateError
from commitments.extraction.followups import follow_up
from commitments.fastmatch.prefilter import SENTENCES, fold
from commitments.records import Commitment, Document, Kind, Source, Status, Turn, Window
from commitments.extraction.segmentation import Quote, Sentence, paragraphs, quotes, sentences
from commitments.extraction.speakers import VERB as REPORTING_VERB
from commitments.extraction.speakers import Attribution, Entities, attributions, clean_name
from commitments.timex.grammar import Found, find
from commitments.timex.issue import issued_window
from commitments.timex.vague import VagueTable
from commitments.fastmatch.trie import alternation

__all__ = ["extract", "extract_document", "parse_due"]

_ISSUING_WORDS = (
    "said says told stated announced declared informed wrote posted tweeted reported issued set"
    " imposed gave made delivered pledged promised vowed threatened warned asserted claimed"
    " insisted confirmed questioned asked added noted ordered demanded urged agreed offered"
    " signed unveiled responded replied explained speaking talking writing posting testifying"
    " interviewed released published sent filed dated broadcast aired quoted"
).split()
_ISSUING = re.compile(  # the words as a trie (trie.py), tried only where a word starts
    rf"(?<![\w’'-])(?=\w){alternation(_ISSUING_WORDS)}(?![\w’'-])", re.IGNORECASE
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
_NOT_AN_ACTION = re.compile(  # (what follows the spaces starts with a letter: `*+` is exact)
    r"\s*+(?:\w+ly\s+)?(?:be|have|need|like|love|want|hope|know|see|think|feel|seem|remain"
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
# Patterns of the per-sentence and per-commitment steps, compiled once (``re.X(string, …)`` looks
# its pattern up in re's cache at every call).
_GAP_AFTER_QUOTE = re.compile(r"[”\"’,.!?\s]*(?:[^“”\"]{0,80})")  # (fullmatch only)
_GAP_BEFORE_QUOTE = re.compile(r"[^“”\".!?]{0,60}")  # (fullmatch only)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[“\"A-Z]")
_LEAD_IN = re.compile(r"\s*(?:[A-Z]\w*\s*,\s*)?")  # (fullmatch only)
# (possessive runs: a match, if any, has them take every space they can, since what follows
# each starts with a comma or a letter; linear on a run of spaces)
_THAT_OR_SAID = re.compile(
    r"\s*+(?:,\s*+)?(?:that\b|,?\s*+(?:he|she|they|it)\s++(?:said|told|added))"
)
_RELATIVE_GAP = re.compile(r"\s+(?:that|which)\s+[^,;.!?“”\"]{1,60}")  # (fullmatch only)
_ARTICLE_END = re.compile(r"\b(?:the|a|an|its|their|his|her)\Z")
_DEADLINE_WORD = re.compile(r"\b(?:deadline|ultimatum)")
_OTHER_CLAUSE = re.compile(r"[;]|,\s+(?:and|but|while)\b|\band\s+(?:that|would|will|gave|said)\b")
_SUBJECTS_QUOTED = r"I|[Ww]e"
_SUBJECTS = (
    r"I|[Ww]e|[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Tt]he\s+(?:company|firm|group|government|ministry"
    r"|council|agency|bank|airline|union|club|party|department|administration|board)"
)
_SUBJECT_BEFORE = {  # by (quoted, the cue starts with an apostrophe)
    (quoted, apostrophe): re.compile(
        r"(?<![\w’'])(?:"
        + (_SUBJECTS_QUOTED if quoted else _SUBJECTS)
        + (r")$" if apostrophe else r")\s+$")
    )
    for quoted in (False, True)
    for apostrophe in (False, True)
}
_OWNER_IN_BRACKETS = re.compile(r"[^()]*\(([^()]+)\)\s*")  # (fullmatch only)


def _after_article(text: str, end: int) -> bool:
    r"""``re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", text[:end])``, without trying
    every position: every match ends the string with its whitespace, so the article ends
    ``text[:end].rstrip()`` (``\s`` and ``str.isspace`` are the same set), which must be
    shorter. (``\b`` looks behind the ``pos`` of a search, into the string.)"""
    head = text[:end]
    stripped = head.rstrip()
    if len(stripped) == len(head):
        return False
    return _ARTICLE_END.search(stripped, max(0, len(stripped) - 5)) is not None


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
        self._day_windows: dict[dt.date, Window] = {}
        self._resolved: dict[int, tuple[Found, dt.date, Window]] = {}
        """The due windows of the current sentence's due expressions (by ``id()``), for the
        day they were said on."""

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
        made: list[range] = []
        found = self.found
        for sent, atts, names in resolved:
            before = len(found)
            self._sentence(sent, atts, names, region_quotes, turn_speaker, day, turn)
            made.append(range(before, len(found)))
        self._follow_ups([s for s, _, _ in resolved], made)

    def _follow_ups(self, sents: list[Sentence], made: list[range]) -> None:
        """Kept or broken, as the next sentences of the paragraph tell."""
        for i, indices in enumerate(made):
            if not indices:
                continue
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
        if atts and not any(att.participle for att in atts):
            subject = None  # (asked for only with no attribution or a participle one)
        else:
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
            # the first attribution after the quote, else the last before it (the tests are pure)
            after = next(
                (
                    name
                    for att, name in flat
                    if quote.end <= att.start <= quote.end + 400
                    and att.trailing
                    and name
                    and _GAP_AFTER_QUOTE.fullmatch(self.text, quote.end, att.start)
                    and self._same_sentence_gap(quote.end, att.start)
                ),
                None,
            )
            before = (
                next(
                    (
                        name
                        for att, name in reversed(flat)
                        if quote.start - 61 <= att.end <= quote.start
                        and name
                        and _GAP_BEFORE_QUOTE.fullmatch(self.text[att.end : quote.start - 1])
                    ),
                    None,
                )
                if after is None
                else None
            )
            if after is not None:
                speaker = after
            elif before is not None:
                speaker = before
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
        return not _SENTENCE_BREAK.search(gap.lstrip('”"’.!?,'))

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
        start = sent.start
        body = text[start : sent.end]
        if turn is not None and body.rstrip().endswith("?"):
            return  # a question asks; it does not commit
        plain, dated = cue_rules.cues_in(text[max(0, start - 1) : start], body)
        if not (plain or dated) and not (turn is not None and turn.action):
            return  # no cue at all: skip the time grammar (most sentences of an article)
        expressions = [f.shifted(start) for f in find(body, vague=self.vague)]
        if expressions:
            issue_exprs, due_exprs = self._split_roles(sent, expressions, atts)
            self._spans[start] = tuple((f.start, f.end) for f in expressions)
            sentence_issue = self._sentence_issue(issue_exprs, day) if issue_exprs else None
            said_on = sentence_issue.latest if sentence_issue else day
            # a due date is on or after the day it was said ("bought in 2022" is not one); each
            # window is kept for _commit, which would resolve it again
            kept: list[Found] = []
            resolved = self._resolved = {}
            for found in due_exprs:
                window = found.resolve(said_on)
                if window is not None and window.latest >= said_on:
                    kept.append(found)
                    resolved[id(found)] = (found, said_on, window)
            due_exprs = kept
        else:  # (what the lines above give for no expression)
            issue_exprs, due_exprs = [], []
            self._spans[start] = ()
            sentence_issue = None
        found_cues = cue_rules.merged(plain, dated, start, has_due=bool(due_exprs))
        if not found_cues:
            return
        pendings = [
            _Pending(cue, self._speaker_for(cue, atts, names, region_quotes, turn_speaker, sent))
            for cue in found_cues
        ]
        if due_exprs:
            pendings = self._bind_due(pendings, due_exprs, atts)
        if issue_exprs:
            self._bind_issue(pendings, issue_exprs, day)
        self._emit(sent, body, pendings, sentence_issue, day, turn)

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
            if not _after_article(head, m.start()):
                verb = m  # (not "the signed contract")
        if verb is not None:
            between = head[verb.end() :]
            if len(between.split()) <= 6 and not _BLOCKERS.search(between):
                return True
        if not head.strip() or _LEAD_IN.fullmatch(head):
            tail = text[found.end : sent.end]
            if tail.lstrip().startswith(",") and _ISSUING.search(tail[:80]):
                return True
        after = text[found.end : min(sent.end, found.end + 40)]
        if _ISSUING.match(after.lstrip()) and after[:1].isspace():
            return True  # "Trump on Monday told reporters", "the Commission on Thursday gave"
        return bool(
            verb is not None  # (tested first: the match has no side effect)
            and _THAT_OR_SAID.match(after)
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
        if not atts:  # (what the lines below give with no attribution)
            return turn_speaker if turn_speaker else None
        if cue.noun:  # "the 60-day deadline that Minister Paulo Santos issued last month"
            for att, name in zip(atts, names, strict=True):
                gap = self.text[cue.end : att.start]
                if name and att.start > cue.end and _RELATIVE_GAP.fullmatch(gap):
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
            dues = bound.get(id(pending))
            if dues is None:
                result.append(pending)
                continue
            if len(dues) == 1:  # (one group of one: its best is itself)
                result.append(_Pending(pending.cue, pending.speaker, dues[0], pending.issue))
                continue
            dues.sort(key=_start_of)
            groups: list[list[Found]] = []
            for found in dues:
                if groups and not _COORDINATED.search(self.text[groups[-1][-1].end : found.start]):
                    groups[-1].append(found)
                else:
                    groups.append([found])
            for group in groups:
                best = (
                    group[0]
                    if len(group) == 1
                    else max(group, key=lambda f: _specificity(f, self.published))
                )
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
        body: str,
        pendings: list[_Pending],
        sentence_issue: Window | None,
        day: dt.date,
        turn: Turn | None,
    ) -> None:
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
            self._commit(
                sent, pending, speaker, pending.issue or sentence_issue, day, turn, limit, body
            )
        for pending in pendings if len(dated) < len(pendings) else ():  # (only undated ones)
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
            self._commit(
                sent, pending, speaker, pending.issue or sentence_issue, day, turn, None, body
            )

    def _same_clause(self, a: Cue, b: Cue) -> bool:
        """No ", and …", "; " or ", but …" between two cues."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        return not _OTHER_CLAUSE.search(self.text[first.end : second.start])

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
        apostrophe = cue_text[:1] in "'’"
        subject_ok = bool(_SUBJECT_BEFORE[quoted, apostrophe].search(before))
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
        body: str | None = None,
    ) -> None:
        text = self.text
        cue = pending.cue
        start, end = sent.start, sent.end
        if body is None:
            body = text[start:end]
        clause_end = _clause_end(text, cue, sent)
        if issue is None:
            issued = self._day_windows.get(day)
            if issued is None:
                issued = self._day_windows[day] = Window.day(day)
        else:
            issued = issue
        due_window: Window | None = None
        expression = None
        due_at = None
        kind = cue.kind
        due = pending.due
        if due is not None:
            expression = due.text
            known = self._resolved.get(id(due))
            if (  # Found.window for a one-day window: resolve(that day), known from _sentence
                known is not None
                and known[0] is due
                and issued.earliest == known[1]
                and issued.latest == known[1]
            ):
                due_window = known[2]
            else:
                due_window = due.window(issued)
            if due.kind in ("deadline-noun", "deadline-of", "give"):
                kind = Kind.DEADLINE if kind is not Kind.DEMAND else kind
            if due.time is not None and due_window is not None:
                due_at = dt.datetime.combine(due_window.latest, due.time, tzinfo=self.zone)
        # The pre-filter's answer for the sentence holds for a stretch of it that cuts no token.
        ruled = SENTENCES.ruled_out(body)
        after_end = limit or end
        after_cue = text[cue.start : after_end]
        stated = cue_rules.stated_status(
            after_cue, ruled if _cuts_no_token(text, cue.start, after_end, start, end) else None
        )
        if stated is None:
            stated = cue_rules.stated_status(body, ruled)
            stated = stated if stated in (Status.KEPT, Status.BROKEN) else None
        if stated is Status.EXPIRED:
            about_deadline = cue.noun or _DEADLINE_WORD.search(after_cue)
            if due_window is None or not about_deadline:
                stated = None
            else:  # "had now expired": the deadline is no later than the publication day
                latest = min(due_window.latest, day)
                due_window = Window(min(due_window.earliest, latest), latest)
        kind = cue_rules.refine_kind(
            kind,
            text[cue.start : clause_end],
            ruled=ruled if _cuts_no_token(text, cue.start, clause_end, start, end) else None,
        )
        condition = cue_rules.condition(body, ruled)
        action = _action(text, pending, clause_end, self._spans.get(start, ()))
        offset = self.document.offset
        source = Source(
            document=self.document.name,
            start=offset + start,
            end=offset + end,
            url=self.document.url,
            line=turn.line if turn else None,
        )
        self.found.append(
            Commitment(
                speaker=speaker,
                action=action,
                kind=kind,
                text=" ".join(body.split()),
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
        inner = _OWNER_IN_BRACKETS.fullmatch(owner)  # "Treasurer (George Hall)"
        self._commit(sent, pending, inner.group(1).strip() if inner else owner, None, day, turn)
        if turn.done:
            self.found[-1] = attrs.evolve(self.found[-1], stated=Status.KEPT)


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


def _start_of(found: Found) -> int:
    return found.start


def _specificity(found: Found, day: dt.date) -> tuple[int, int, int]:
    """Which of two expressions bound to one cue to keep: explicit dates and durations over vague
    phrases, then the narrower window ("next Tuesday" over "the summer"), then the longer text."""
    window = found.resolve(day)
    days = window.days if window is not None else 10**6
    return (0 if found.kind == "vague" else 1, -days, found.end - found.start)


_TOKEN_START = re.compile(r"[a-z0-9]")  # what starts a token of the pre-filter, after fold()


def _token_char(char: str) -> bool:
    """Whether ``char`` is part of a pre-filter token (as ``prefilter._inside`` tells)."""
    if char.isascii():
        return char.isalnum()  # (ASCII letters and digits: folded, [a-z0-9])
    return _TOKEN_START.match(fold(char)) is not None


def _cuts_no_token(text: str, a: int, b: int, start: int, end: int) -> bool:
    """``text[a:b]``, inside the sentence ``text[start:end]``, holds no token the sentence lacks:
    whatever may match in it may match in the sentence (the pre-filter's answer holds)."""
    return (a <= start or not _token_char(text[a - 1])) and (b >= end or not _token_char(text[b]))


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
    cue, due = pending.cue, pending.due
    start = cue.start if cue.noun else cue.end
    if cue.start == cue.end:  # action items: the whole item
        start = cue.start
    if due is not None:
        spans = (*spans, (due.start, due.end))
    cuts = sorted(
        (max(a, start), min(b, clause_end))
        for a, b in (set(spans) if len(spans) > 1 else spans)  # (distinct spans, as before)
        if a < clause_end
        and b > start
        and not (cue.noun and a <= cue.start < b)  # keep "deadline" itself
    )
    if cuts:
        pieces, at = [], start
        for a, b in cuts:
            if a >= at and a < clause_end:
                pieces.append(text[at:a])
                at = max(at, b)
        pieces.append(text[at:clause_end] if at < clause_end else "")
        piece = " ".join(" ".join(pieces).split())
    else:  # (one piece: the clause)
        piece = " ".join(text[start:clause_end].split())
    m = _CUE_WORDS.match(piece)  # (anchored at the start: ``sub`` replaces this match only)
    if m is not None:
        piece = piece[m.end() :]
    folded = fold(piece)  # lower case as a case-insensitive pattern sees it
    if (  # what every aside holds (one of _ASIDE_WORDS, tested in line)
        "set" in folded
        or "had" in folded
        or "has" in folded
        or "have" in folded
        or "made" in folded
        or "given" in folded
        or "issued" in folded
        or "imposed" in folded
        or "announced" in folded
    ):
        piece = _ASIDES.sub("", piece)
        if "," in piece:
            piece = _BARE_PARTICIPLE.sub("", piece)
    piece = piece.strip(" ,;:—–-“”\"'’")
    m = _TO_THAT.match(piece)  # (anchored, as above)
    if m is not None:
        piece = piece[m.end() :]
    if _SPACE_BEFORE_MARK.search(piece):  # (a template ``sub`` costs a Python call: only then)
        piece = _SPACE_BEFORE_MARK.sub(r"\1", piece)
    piece = piece.strip(" ,;:—–-“”\"'’")
    if len(piece) > 120:
        piece = piece[:117].rsplit(" ", 1)[0] + "…"
    return piece or text[cue.start : cue.end]
