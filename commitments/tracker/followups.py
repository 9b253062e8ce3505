"""Follow-ups across documents: a later document that says what became of a tracked commitment.

A *claim* is one sentence of a document that reports on a commitment made before:

- an **outcome** ("his two-week deadline had now expired", "the deadline passed without a deal",
  "kept his promise", "missed the deadline", "withdrew the ultimatum"): a status, with the
  sentence as evidence;
- a **revision** ("extended the deadline to March 1", "shortened the 50-day deadline to 10 or 12
  days", "pushed back the deadline until June 19"): a new due window that replaces the old one.

A claim is *linked* to the tracked commitments that fit it (:func:`fits`): by the same speaker,
dated, made in an earlier document, of a kind the claim's noun names ("deadline" → a deadline,
threat or demand; "promise" → a promise), due near the claim's date (an outcome) or not long
lapsed (a revision), and, when the claim names a length ("his two-week deadline", "the 50-day
deadline"), as long as that. One fitting commitment: the link is applied. Several: it is offered
(a suggestion) for the user to accept. None: the claim waits in the store for a commitment that
fits, so adding documents in any order links the same claims.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence

import attrs

from commitments.extraction.segmentation import sentences
from commitments.records import Commitment, Document, Kind, Status, Window
from commitments.timex.numbers import NUMBER, to_number

__all__ = [
    "Claim",
    "ClaimKind",
    "Parse",
    "anchor",
    "claim_id",
    "find_claims",
    "fits",
    "names_in",
    "reference_days",
    "speaker_in",
]

Parse = Callable[[str, dt.date], "Window | None"]
"""Parses a time expression said on a day into a due window (the extractor's ``parse_due``)."""

ClaimKind = str
"""``"outcome"`` or ``"revision"``."""

OUTCOME_BEFORE = dt.timedelta(days=60)
"""An outcome reported this long after a deadline can still be about it."""
OUTCOME_AFTER = dt.timedelta(days=7)
"""… and one reported this long before the deadline (kept early, withdrawn)."""
REVISION_LAPSED = dt.timedelta(days=14)
"""A revision can renew a deadline that lapsed at most this long before."""

_NOUNS = (
    r"deadline|ultimatum|promise|pledge|commitment|vow|delay|timeline|timetable|target|cut-?off"
    r"|period|extension"
)
_DEADLINE_NOUNS = frozenset(
    {"deadline", "ultimatum", "delay", "timeline", "timetable", "target", "cutoff"}
)
_DEADLINE_KINDS = frozenset({Kind.DEADLINE, Kind.THREAT, Kind.DEMAND})

_LENGTH = rf"(?P<count>{NUMBER})[- ](?P<unit>day|week|month)s?"  # "two-week", "50-day"
_NOUN = re.compile(
    rf"\b(?:(?:{_LENGTH})[- ])?(?P<noun>{_NOUNS})s?\b",
    re.IGNORECASE,
)
_REVISION = re.compile(
    r"\b(?P<verb>extend(?:s|ed|ing)?|extension|mov(?:e|es|ed|ing)|push(?:es|ed|ing)?\s+back"
    r"|(?:bring|brings|brought|bringing)\s+forward|shorten(?:s|ed|ing)?|reduc(?:e|es|ed|ing)"
    r"|cut(?:s|ting)?|postpon(?:e|es|ed|ing)|delay(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
# A revision asked for, or one that depends on a condition, has not happened (yet).
_NOT_YET = re.compile(
    r"\b(?:if|unless|subject\s+to|whether|seek|seeks|seeking|sought|request|requests|requested"
    r"|requesting|ask|asks|asked|asking|apply|applies|applied|applying|propose|proposes"
    r"|proposed|proposing|want|wants|wanted|urge|urges|urged|would|could|should|might|must)\b",
    re.IGNORECASE,
)
_TARGET = re.compile(r"\b(?:to|until|till|through)\s+", re.IGNORECASE)
_EXPRESSION = re.compile(r"(?:[^.;:!?,()]|,(?=\s*\d{4}\b)){2,60}")
_PASSED_WITHOUT = re.compile(
    r"\b(?:deadline|ultimatum)s?\b[^.;!?]{0,100}\b(?:passed|came\s+and\s+went|lapsed|expired)"
    r"\b",
    re.IGNORECASE,
)
_WITHDREW = re.compile(
    r"\b(?:withdrew|withdrawn|withdraws|dropped|abandoned|rescinded|scrapped|called\s+off)\b"
    r"[^.;!?]{0,40}\b(?:" + _NOUNS + r")s?\b",
    re.IGNORECASE,
)
_KEPT = re.compile(
    r"\b(?:kept|fulfill?ed|delivered\s+on|made\s+good\s+on|honou?red|met)\s+"
    r"(?:his|her|their|its|the|that|this)\s+(?:[\w-]+\s+)?(?:" + _NOUNS + r")s?\b",
    re.IGNORECASE,
)
_BROKEN = re.compile(
    r"\b(?:broke|broken|missed|reneged\s+on|failed\s+to\s+meet|went\s+back\s+on)\s+"
    r"(?:his|her|their|its|the|that|this)\s+(?:[\w-]+\s+)?(?:" + _NOUNS + r")s?\b",
    re.IGNORECASE,
)
_UNITS = {"day": 1, "week": 7, "month": 30}


def reference_days(text: str) -> int | None:
    """The length a claim names for the commitment ("his two-week deadline" → 14)."""
    for match in _NOUN.finditer(text):
        if match["count"] is None:
            continue
        count = _number(match["count"])
        if count is not None:
            return count * _UNITS[match["unit"].casefold()]
    return None


def _number(text: str) -> int | None:
    value = to_number(text)
    return int(value) if value == int(value) and value > 0 else None


def _noun(text: str) -> str | None:
    match = _NOUN.search(text)
    if match is None:
        return None
    return match["noun"].casefold().replace("-", "")


def claim_id(document: str, start: int, kind: str) -> str:
    """A claim's identity: its document, its offset and its kind."""
    key = f"{document}\x1f{start}\x1f{kind}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@attrs.frozen(kw_only=True)
class Claim:
    """One sentence of a later document reporting on an earlier commitment."""

    id: str
    """Its identity (:func:`claim_id`)."""
    kind: ClaimKind
    """``"outcome"`` (sets a status) or ``"revision"`` (sets a new window)."""
    speaker: str | None
    """Whose commitment it reports on, as the document names them."""
    document: str
    """The digest of the document it is in."""
    name: str
    """The document's name (its file or URL)."""
    url: str | None = None
    published: dt.date
    """The document's publication date: the day the claim was made."""
    start: int
    """Offset of the sentence in the document text."""
    end: int
    quote: str
    """The sentence, as evidence."""
    status: Status | None = None
    """The outcome: expired, kept, broken or withdrawn (``None`` for a revision)."""
    window: Window | None = None
    """The new window of a revision (``None`` for an outcome)."""
    expression: str | None = None
    """The time expression a revision's window comes from."""
    noun: str | None = None
    """What the sentence calls the commitment: deadline, promise, ultimatum …"""
    days: int | None = None
    """The length it names ("two-week deadline" → 14)."""
    mention: str | None = None
    """The id of the commitment the extractor found in the same sentence, if any."""
    described: str = ""
    """What the sentence says the commitment was ("to meet Zelenskyy" in "the deadline to meet
    Zelenskyy passed"): the words after what it calls it, up to its verb (a revision: between
    the verb and the new date)."""

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker,
            "document": self.name,
            "published": self.published.isoformat(),
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }
        if self.url:
            out["url"] = self.url
        if self.status is not None:
            out["status"] = self.status.value
        if self.window is not None:
            out["window"] = self.window.to_json()
            out["expression"] = self.expression
        return out


def _outcome(sentence: str) -> Status | None:
    if _BROKEN.search(sentence):
        return Status.BROKEN
    if _KEPT.search(sentence):
        return Status.KEPT
    if _WITHDREW.search(sentence):
        return Status.WITHDRAWN
    if _PASSED_WITHOUT.search(sentence):
        return Status.EXPIRED
    return None


def anchor(quote: str) -> int:
    """Where in a claim's sentence its verb is ("extended", "kept", "passed"): its subject is
    named before it."""
    found = [
        m.start()
        for pattern in (_REVISION, _BROKEN, _KEPT, _WITHDRAWN_VERB, _PASSED_VERB)
        for m in [pattern.search(quote)]
        if m is not None
    ]
    return min(found) if found else len(quote)


_WITHDRAWN_VERB = re.compile(r"\b(?:withdrew|withdrawn|withdraws|rescinded|called\s+off)\b", re.I)
_PASSED_VERB = re.compile(r"\b(?:passed|came\s+and\s+went|lapsed|expired)\b", re.I)


def speaker_in(sentence: str, known: Iterable[str]) -> str | None:
    """The speaker a claim's sentence is about, among ``known`` names: the one named last
    before its verb (by the last word of the name), else the one named after it, if only one."""
    verb = anchor(sentence)
    lowered = sentence.casefold()
    before: list[tuple[int, str]] = []
    after: set[str] = set()
    for name in known:
        words = name.casefold().split()
        if not words:
            continue
        for match in re.finditer(rf"\b{re.escape(words[-1])}\b", lowered):
            if match.start() < verb:
                before.append((match.start(), name))
            else:
                after.add(name)
    owners = [
        (at, name) for at, name in before if lowered.startswith(("'s", "’s"), _end(lowered, at))
    ]
    if owners:  # "Trump's deadline for Putin": the deadline is Trump's
        return max(owners)[1]
    if before:
        return max(before)[1]
    return after.pop() if len(after) == 1 else None


def _end(text: str, at: int) -> int:
    match = re.compile(r"[^\W_]+").match(text, at)
    return match.end() if match else at


_NAME = re.compile(r"\b[A-Z][\w’'-]+")


def names_in(quote: str) -> list[str]:
    """Capitalised words in a claim's sentence: the speakers it may name."""
    words = (re.sub(r"['’]s$", "", m.group(0)).casefold() for m in _NAME.finditer(quote))
    return sorted(set(words))


def _revision(
    sentence: str, published: dt.date, parse: Parse | None
) -> tuple[Window, str, str] | None:
    """A revision's new window, its expression, and what it calls the commitment: the last
    "to …"/"until …" after a verb of revising ("extended", "an extension") that parses as a
    date, in a sentence that names a deadline (or says "extension"), with no request or
    condition before the verb ("seeking an extension", "if …, would be extended")."""
    if parse is None:
        return None
    for verb in _REVISION.finditer(sentence):
        if _NOT_YET.search(sentence, 0, verb.start()):
            return None
        named = verb["verb"].casefold() == "extension" or _NOUN.search(sentence) is not None
        if not named:
            continue
        for target in reversed(list(_TARGET.finditer(sentence, verb.end()))):
            found = _EXPRESSION.match(sentence, target.end())
            if found is None:
                continue
            expression = found.group(0).strip()
            window = parse(expression, published)
            if window is not None:
                expression = _shortest(expression, window, published, parse)
                return window, expression, sentence[verb.end() : target.start()]
    return None


def _described(sentence: str) -> str:
    """The words between what an outcome's sentence calls the commitment and its verb."""
    noun = _NOUN.search(sentence)
    if noun is None:
        return ""
    verb = anchor(sentence)
    return " ".join(sentence[noun.end() : verb].split()) if verb > noun.end() else ""


def _turn_speaker(document: Document, start: int) -> str | None:
    """Who says the sentence at ``start``, in a transcript or chat: a claim its speaker makes
    in their own words ("I refer to the decision which extends …") is about their own."""
    for turn in document.turns:
        if turn.start <= start + document.offset < turn.end and turn.speaker:
            return turn.speaker
    return None


def _shortest(expression: str, window: Window, published: dt.date, parse: Parse) -> str:
    """The fewest words of ``expression`` that still give ``window`` ("31 January 2020", not
    "31 January 2020 the period under Article 50")."""
    words = expression.split()
    if len(words) <= 4:
        return expression  # short enough to show as it is
    for size in range(1, len(words)):
        if len(words) - size > 8:
            continue  # (a long tail: try only the last few cuts)
        shorter = " ".join(words[:size]).rstrip(",")
        if parse(shorter, published) == window:
            year = words[size] if re.fullmatch(r"\d{4}", words[size]) else ""
            return (
                f"{shorter}, {year}"
                if year and words[size - 1].endswith(",")
                else (f"{shorter} {year}".strip())
            )
    return expression


def _own_mention(here: Sequence[Commitment], noun: str | None) -> str | None:
    """The commitment the sentence's claim is itself a mention of: one with a stated status
    first, then one of the kind the claim's noun names."""
    if not here:
        return None

    def rank(c: Commitment) -> tuple[bool, bool, int]:
        kind_fits = c.kind in _DEADLINE_KINDS if noun in _DEADLINE_NOUNS else True
        return (c.stated is None, not kind_fits, c.source.start)

    return min(here, key=rank).id


def find_claims(
    document: Document,
    *,
    digest: str,
    found: Sequence[Commitment],
    parse: Parse | None = None,
) -> list[Claim]:
    """The claims in a document (its ``published`` set), with their speakers.

    ``found`` are the commitments the extractor found in it. A claim's speaker is that of the
    commitment found in its sentence, else the one of the document's speakers the sentence is
    about (:func:`speaker_in`); else it is left open (``None``), and the tracker finds it among
    the speakers it holds when it links the claim (so the order of adding does not matter).
    """
    published = document.published
    if published is None:
        raise ValueError("a document needs its publication date to find claims in it")
    text = document.text
    names = sorted({c.speaker for c in found if c.speaker})
    claims: list[Claim] = []
    for span in sentences(text):
        sentence = text[span.start : span.end]
        if not sentence.strip() or _NOUN.search(sentence) is None:
            continue
        start = span.start + (len(sentence) - len(sentence.lstrip()))
        end = span.end - (len(sentence) - len(sentence.rstrip()))
        offset = document.offset
        here = [c for c in found if start + offset <= c.source.start < end + offset]
        speaker = next((c.speaker for c in here if c.speaker), None)
        speaker = speaker or speaker_in(sentence, names) or _turn_speaker(document, start)
        mention = _own_mention(here, _noun(sentence))
        said = functools.partial(  # what every claim of this sentence shares
            Claim,
            speaker=speaker,
            document=digest,
            name=document.name,
            url=document.url,
            published=published,
            start=start + offset,
            end=end + offset,
            quote=" ".join(sentence.split()),
            mention=mention,
        )
        revision = _revision(sentence, published, parse)
        if revision is not None:
            window, expression, middle = revision
            claims.append(
                said(
                    id=claim_id(digest, start + offset, "revision"),
                    kind="revision",
                    window=window,
                    expression=expression,
                    noun=_noun(middle) or _noun(sentence),
                    days=reference_days(middle),
                )
            )
            continue
        status = _outcome(sentence)
        if status is None:
            stated = [c for c in here if c.stated is not None]
            status = stated[0].stated if stated else None
        if status is None:
            continue
        claims.append(
            said(
                id=claim_id(digest, start + offset, "outcome"),
                kind="outcome",
                status=status,
                noun=_noun(sentence),
                days=reference_days(sentence),
                described=_described(sentence),
            )
        )
    return claims


def fits(
    claim: Claim,
    commitment: Commitment,
    *,
    windows: Sequence[Window],
    first_said: dt.date,
    own: bool,
) -> bool:
    """Whether a claim can be about a tracked commitment (see the module's rules).

    ``windows`` are every window the commitment has had; ``first_said`` is the publication date
    of its earliest mention; ``own`` says it is the claim's own sentence's commitment alone.
    """
    due = commitment.due
    if own or due is None or first_said > claim.published:
        return False
    if claim.noun in _DEADLINE_NOUNS and commitment.kind not in _DEADLINE_KINDS:
        return False
    if claim.noun in ("promise", "pledge", "vow") and commitment.kind is not Kind.PROMISE:
        return False
    if claim.days is not None:
        start = commitment.issued.earliest
        tolerance = max(1, claim.days // 10)
        if all(abs((w.latest - start).days - claim.days) > tolerance for w in windows):
            return False
    if claim.kind == "revision":
        return due.latest >= claim.published - REVISION_LAPSED and claim.window != due
    return claim.published - OUTCOME_BEFORE <= due.latest <= claim.published + OUTCOME_AFTER
