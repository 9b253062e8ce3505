"""The document's own voice: who speaks where no sentence names a speaker.

Official documents speak for their issuer without saying so in every sentence: a court's order
("Defendants shall file … on or before March 11"), an agency's notice ("The comment period will
now remain open until July 7"), a company's release ("Production is expected to cease in the first
quarter"), a spokesperson's briefing ("On Monday the President will give the commencement
address"). The voice is read from the shape of the document, never from a list of parties:

- a transcript label at the start of a line (``MS. PERINO:``, ``SECRETARY KERRY:``,
  ``The Minister of State (Lord Young of Cookham):``, ``Mr. Michael Foot:``) speaks until the
  next label; a label of one capitalised word counts only where the document names that person
  in full (the label ``PERINO:`` beside "Dana Perino"), and then speaks with the full name;
- a title "… by NAME" ("Press Gaggle by Dana Perino"), "Press Statement, NAME, Spokesperson",
  "NAME Announces …", or a title naming a body ("Formal Minutes - Procedure Committee");
- a header field naming the issuer (``AGENCY:``, ``Answered by:``);
- a court's formulas ("IT IS HEREBY ORDERED", "SO ORDERED", "the Court shall") or a case name
  for a title ("Carlson v. Commissioner") → the Court;
- a release's opening sentence "NAME (…) today announced …".
"""

from __future__ import annotations

import bisect
import re

import attrs

from commitments.extraction.names import clean_name
from commitments.extraction.parties import is_party

__all__ = ["Voices", "voices"]

_CAP = r"[A-Z][\w'’.&-]*"
_NAME_WORD = rf"(?:{_CAP}|of|the|and|for|de|von|van|&)"
_HONORIFIC = (
    r"(?:MR|MS|MRS|DR|SEN|SENATOR|REP|GEN|GENERAL|ADM|ADMIRAL|AMB|AMBASSADOR|GOV|SECRETARY"
    r"|PRESIDENT|MINISTER|CHAIRMAN|CHAIR|JUDGE|THE\s+PRESIDENT)"
)
_LABEL = re.compile(
    rf"^[ \t]*(?P<label>Q|A|(?:{_HONORIFIC}\.?[ \t]+)?[A-Z][A-Z'’.-]+"
    r"(?:[ \t]+[A-Z][A-Z'’.-]+){0,4})"
    r"[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
"""``MS. PERINO: …`` — a speaker's label in capitals at the start of a line."""
_CASE_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?:Mr|Ms|Mrs|Dr|Sir|Lord|Baroness|Dame)\.?[ \t]+[A-Z][\w'’-]+"
    r"(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]+){0,3})[ \t]*(?:\([^()\n]{1,60}\))?[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
"""``Mr. Michael Foot: …`` — a speaker's label in title case (Hansard, committee evidence)."""
_GLUED_LABEL = re.compile(
    r"^§[ \t]*(?:The[ \t][^\n()]{0,100}\((?P<inner>[A-Z][^()\n]{2,60})\)"
    r"|(?P<label>(?:Mr|Mrs|Ms|Dr|Sir|Lord|Baroness|Lady|Dame)\.?"
    r"(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]*){1,4})(?:[ \t]*\([^()\n]{1,60}\))?)"
    r"(?=[A-Z][a-z]{0,8}\b|I\b)",
    re.MULTILINE,
)
"""``§ Mr. ChopeI am grateful …`` — a speaker's mark in the older Hansard, glued to the speech."""
_NAME_LINE = re.compile(
    r"^[ \t]*(?P<label>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Baroness|Lady|Dame|Viscount|Earl)\.?"
    r"(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]*){1,4})[ \t]*(?:\([^()\n]{1,60}\)[ \t]*){0,2}\n"
    r"(?=[ \t]*\n?[ \t]*[A-Z“\"][^\n]{60})",
    re.MULTILINE,
)
"""A name on a line of its own above a speech (``Lord Grocott`` in today's Hansard), not a
list of names (members present)."""
_HONORIFIC_FRONT = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?=[A-Z])")
_ROLE_LABEL = re.compile(
    r"^[ \t]*(?:The[ \t]+)?(?:[A-Z][\w-]*[ \t]+){0,3}?"
    r"(?:Minister|Secretary|Parliamentary|Leader|Chancellor"
    r"|Solicitor|Attorney|Chief|Under-Secretary|Deputy|Lord[ \t]+Privy|Advocate)[^\n:()]{0,80}"
    r"\((?P<name>[A-Z][^()\n]{2,60})\)[ \t]*:",
    re.MULTILINE,
)
"""``The Minister of State, Home Office (Lord Young of Cookham):`` — the answering member."""
_BY_TITLE = re.compile(
    rf"\b(?:by|from|with)[ \t]+(?P<name>(?:the[ \t]+)?{_CAP}(?:[ \t]+{_NAME_WORD}){{0,8}})"
)
_STATEMENT_TITLE = re.compile(
    r"^(?:[\w.-]+[ \t]+){0,3}?(?:Press[ \t]+Statement|Statement|Remarks|Readout|Briefing|Gaggle"
    r"|Press[ \t]+Conference|Interview)[ \t]*[,:–—-][ \t]*"
    rf"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{1,3}})"
)
_ACTOR_TITLE = re.compile(
    rf"^(?P<name>{_CAP}(?:[ \t]+{_NAME_WORD}|,?[ \t]+(?:Inc|Corp|Ltd|Co|LLC|plc)\.?){{0,6}}?)[ \t]+"
    r"(?:Announces|Reports|Sets|Names|Launches"
    r"|Unveils|Issues|Releases|Completes|Opens|Approves|Plans|Agrees|Confirms"
    r"|(?<!Set[ \t])(?<!Due[ \t])(?<!Expected[ \t])(?<!Scheduled[ \t])(?<!Slated[ \t])"
    r"(?<!Poised[ \t])(?<!Ready[ \t])to[ \t]+[A-Z]\w+)\b"
)
"""A title naming its actor: "Northfield Dairy Announces …", "Acme Corp. to Close …" (not "Hotel
Construction Set to Begin", where the subject is a thing). A title in capitals is read in title
case."""
_BODY_HEADS = (
    r"Committee|Commission|Council|Board|Authority|Agency|Department|Office|Ministry|Court"
    r"|Government|Parliament|Assembly|Reserve|Bank|Corporation|Company|Group|Foundation|Service"
    r"|Administration|Bureau|Task[ \t]+Force|Inc\.?|Ltd|plc|LLC"
)
_BODY_TITLE = re.compile(
    r"(?:^|[ \t][-–—:][ \t]|,[ \t])"
    rf"(?P<name>(?:{_CAP}[ \t]+(?:(?:of|on|for|and|the)[ \t]+)*){{0,6}}(?:{_BODY_HEADS})\b"
    rf"(?:[ \t]+(?:on|of|for)[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}})?)"
)
_ISSUER_FIELD = re.compile(
    r"^[ \t]*(?:AGENCY|Agency|Answered[ \t]+by|Issued[ \t]+by|Made[ \t]+by|Statement[ \t]+by"
    r"|Statement[ \t]+made[ \t]+by)[ \t]*:[ \t]*"
    r"(?P<name>[A-Z][^\n;()]{2,80}?)[ \t]*(?:\([^\n]{0,80}\))?[ \t]*[.;]?[ \t]*$",
    re.MULTILINE,
)
_COURT = re.compile(
    r"\bIT[ \t]+IS[ \t]+(?:HEREBY[ \t]+|FURTHER[ \t]+|SO[ \t]+)?ORDERED\b"
    r"|\b(?:UNITED[ \t]+STATES|U\.S\.)[ \t]+(?:DISTRICT[ \t]+COURT|COURT[ \t]+OF[ \t]+APPEALS"
    r"|BANKRUPTCY[ \t]+COURT)\b"
    r"|\bthe[ \t]+Court[ \t]+(?:shall|will|hereby|ORDERS|GRANTS|DENIES|DIRECTS)\b"
    r"|\bSO[ \t]+ORDERED\b|^[ \t]*ORDERED[ \t,]+that\b",
    re.MULTILINE,
)
_COURT_WORDS = ("ORDERED", "COURT", "Court")
"""A quick test before the court's formulas (each holds one of these words; ``in`` finds a word
faster than a scan for an alternation)."""
_CASE_TITLE = re.compile(r"\S[ \t]+v\.?[ \t]+\S|^In[ \t]+(?:re|the[ \t]+Matter[ \t]+of)\b")
"""A court case's name: "Carlson v. Commissioner", "In re Smith"."""
_ANNOUNCES = re.compile(
    r"(?:^|\n|[ \t][-–—]+[ \t]|\)[ \t])[ \t]*"
    rf"(?P<name>{_CAP}(?:[ \t]+{_NAME_WORD}|,?[ \t]+(?:Inc\.?,?|Corp\.?"
    r"|Ltd\.?|LLC|plc|Co\.?)){0,7}?),?"
    r"(?:[ \t]+\((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|AMEX|OTC)[^()\n]{0,20}\))?"
    r"(?:[ \t]+\((?:the[ \t]+)?[“\"][^()\n]{1,60}\))?"  # (“Monarch” or “the Company”)
    r"(?:,[ \t][^,\n]{3,90},)?[ \t]+(?:today[ \t]+)?(?:announced|announces|said|reported|reports"
    r"|confirmed|confirms|unveiled|unveils|released|releases|has[ \t]+(?:decided|agreed|launched"
    r"|announced))\b"
)
_ACRONYM_NAME = re.compile(r"[A-Z]{2,6}")
_RELEASE = re.compile(
    r"NEWS[ \t]+RELEASE|PRESS[ \t]+RELEASE|FOR[ \t]+IMMEDIATE[ \t]+RELEASE|Exhibit[ \t]+99"
    r"|News[ \t]+Release|Press[ \t]+Notice|PRESS[ \t]+NOTICE"
    r"|Press[ \t]+Release|today[ \t]+announced|announced[ \t]+today"
)
"""A press release says so, or announces "today"."""
_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][A-Za-z]?[A-Z]{1,5})\)")
_NAME_BEFORE = re.compile(r"[\w&'’-]+")
"""A body introduced with its acronym: "the Competition and Markets Authority (CMA)"."""
_PERSON_LABEL_WORDS = frozenset(
    {
        "Q",
        "A",
        "NOTE",
        "NOTES",
        "DATES",
        "DATE",
        "SUMMARY",
        "ADDRESSES",
        "AGENCY",
        "ACTION",
        "SUBJECT",
        "RE",
        "WHEN",
        "WHERE",
        "WHAT",
        "WHO",
        "TODAY",
        "TIME",
        "CONTACT",
        "FOR",
        "SOURCE",
        "PRESENT",
        "UPDATE",
        "UPDATED",
        "POSTED",
        "EDITOR",
        "BACKGROUND",
        "FROM",
        "TO",
        "CC",
        "TITLE",
        "ORDER",
        "ORDERED",
        "QUESTION",
        "ANSWER",
        "BEFORE",
        "PRN",
        "NASDAQ",
        "NYSE",
        "LOCATION",
        "AGENDA",
        "MINUTES",
        "ITEM",
        "RESULT",
        "MEDIA",
        "PRESS",
        "PHONE",
        "EMAIL",
        "TEL",
        "FAX",
        "WEB",
        "URL",
        "RELEASE",
        "EMBARGO",
        "EMBARGOED",
        "TOPIC",
    }
)


_DEFINED_ISSUER = frozenset({"the Company", "The Company", "the Corporation", "The Corporation"})
"""A release's or filing's defined term for its issuer, capitalised."""


@attrs.frozen
class Voices:
    """Who speaks from each offset of a text, where no sentence names a speaker."""

    starts: tuple[int, ...] = ()
    names: tuple[str | None, ...] = ()
    default: str | None = None
    """The issuer, for text before the first label (or with none)."""

    def at(self, offset: int) -> str | None:
        """The voice in force at ``offset``: a label's speaker, else the issuer."""
        return self.label_at(offset) or self.default

    def named(self, speaker: str) -> str:
        """The issuer for its defined term ("the Company expects …" in a company's release)."""
        return self.default if self.default and speaker in _DEFINED_ISSUER else speaker

    def label_at(self, offset: int) -> str | None:
        """The speaker whose transcript label is in force at ``offset`` (not the issuer)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.names[i] if i >= 0 else None


def _full_name(word: str, haystack: str) -> str | None:
    """The name the document gives in full for a one-word label (``PERINO`` → Dana Perino)."""
    surname = word.capitalize()
    m = re.search(rf"\b((?:[A-Z][\w'’.-]+[ \t]+){{1,2}}){re.escape(surname)}\b", haystack)
    if m is None:
        return None
    name, _ = clean_name(m[0])
    return name if " " in name else None


def _label_name(label: str, haystack: str) -> str | None:
    words = label.replace("’", "'").split()
    honorific = re.fullmatch(_HONORIFIC + r"\.?", words[0], re.IGNORECASE) is not None
    rest = words[1:] if honorific else words
    if not rest or rest[0].rstrip(".").upper() in _PERSON_LABEL_WORDS:
        return None
    if len(rest) == 1:
        return _full_name(rest[0].rstrip("."), haystack)
    name = " ".join(w.capitalize() if w.isupper() else w for w in rest)
    return name if is_party(name) else None


def _title_case(m: re.Match[str]) -> str:
    word = m[0].casefold()
    return word if word in ("of", "and", "the", "for", "on", "in", "to", "at") else word.title()


def _title_voice(title: str) -> str | None:
    title = " ".join(title.split())
    if title.isupper():  # "ACME CORP. ANNOUNCES …"
        title = re.sub(r"[A-Z][A-Z'’]*", _title_case, title)
    for pattern in (_STATEMENT_TITLE, _BY_TITLE, _ACTOR_TITLE):
        if m := pattern.search(title):
            name, _ = clean_name(
                re.split(
                    r"[ \t]+(?:at|on|in|to|for|during|after|aboard|en)[ \t]", m["name"], flags=re.I
                )[0]
            )
            if name and is_party(name) and (" " in name.strip() or _ACRONYM_NAME.fullmatch(name)):
                return name
    return None


_BUSINESS_STATEMENT = re.compile(
    r"^[ \t]*The[ \t]+(?:provisional[ \t]+)?business[ \t]+for[ \t]+(?:next[ \t]+week|the[ \t]+week"
    r"[ \t]+commencing[ \t][^\n]{1,40}?)[ \t]+(?:will|is|shall)\b",
    re.MULTILINE,
)
"""The formula of a Westminster business statement ("The business for next week will be as
follows:"), which the Leader of the House makes."""


def _issuer(text: str, title: str | None) -> str | None:
    if (any(word in text for word in _COURT_WORDS) and _COURT.search(text)) or (
        title and _CASE_TITLE.search(title)
    ):
        return "the Court"
    if "business for" in text and _BUSINESS_STATEMENT.search(text):
        return "the Leader of the House"
    if title and (name := _title_voice(title)):
        return name
    head = text[:3000]
    if ("by" in head or "AGENCY" in head or "Agency" in head) and (m := _ISSUER_FIELD.search(head)):
        return m["name"].strip().rstrip(".")
    if _RELEASE.search(text[:3000]) and (m := _ANNOUNCES.search(text[:3000])):
        name = m["name"].strip(" ,")
        name = f"the {name[4:]}" if name.startswith("The ") else name
        if is_party(name) and name.split()[0] not in ("He", "She", "It", "They", "We", "I", "As"):
            return name
    if title and (m := _BODY_TITLE.search(" ".join(title.split()))):
        name = m["name"].strip()
        if is_party(name):
            return name
    if "Office of the" in head and (m := _PRESS_OFFICE.search(head)):
        return m["name"]
    return _principal_body(text) or (_minutes_body(text) if "The " in text else None)


_PRESS_OFFICE = re.compile(
    r"^[ \t]*(?P<name>Office[ \t]+of[ \t]+the[ \t]+(?:Spokes(?:man|person|woman)"
    r"|Press[ \t]+Secretary|Press[ \t]+Officer?))[ \t]*$",
    re.MULTILINE,
)
"""A release's issuing office on a line of its own ("Office of the Spokesman")."""


_MINUTES_BODY = re.compile(
    r"The[ \t]+(?P<body>Committee|Commission|Board|Council|Panel|Authority|Trustees"
    r"|Sub-[Cc]ommittee)[ \t]+(?:agreed|noted|decided|resolved|considered|approved|discussed"
    r"|received|endorsed|welcomed|requested|asked|took\s+note)\b"
)
"""Minutes speak of their body in the third person: "The Commission agreed …", "The Committee
noted …" (said twice or more, at the start of a line or a sentence, the body is the document's
voice). The pattern starts with a word, which ``re`` finds by a fast scan."""


def _minutes_body(text: str) -> str | None:
    counts: dict[str, int] = {}
    for m in _MINUTES_BODY.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()]
        if m.start() == 0 or before[-1:] == "\n" or before in (". ", ": "):
            counts[m["body"]] = counts.get(m["body"], 0) + 1
    body = max(counts, key=lambda b: counts[b], default=None)
    return f"the {body}" if body is not None and counts[body] >= 2 else None


_BODY_WORD = re.compile(
    rf"\b(?:{_BODY_HEADS}|Services|Institute|Organi[sz]ation|Association|Union|Fund|Centre"
    r"|Center|Laboratory|Survey|Forces|Command|Corps|Parliament|Network|Trust|Partnership"
    r"|Executive|Inspectorate|Regulator|Tribunal|Commissioner|Registry|Exchange)\b"
)
"""The head of a body's name ("… Markets Authority", "Department of Homeland Security")."""


def _principal_body(text: str) -> str | None:
    """The body a document introduces with its acronym and names most often after that."""
    best, most = None, 1
    head = text[:20000]
    seen: set[str] = set()
    for m in _ACRONYM.finditer(text[:4000]):
        if m["acronym"] in seen:
            continue
        seen.add(m["acronym"])
        acronym = m["acronym"].upper()
        words = _NAME_BEFORE.findall(text[max(0, m.start() - 120) : m.start()])[-12:]
        if words and words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
            if not words[-1]:  # ("the bank ’s (BoE)": a possessive on its own)
                words.pop()
        while words and sum(w[0].isupper() for w in words) > len(acronym):
            words.pop(0)  # "On 21 February the Competition and Markets Authority (CMA)"
        while words and not words[0][0].isupper():
            words.pop(0)
        name = " ".join(words)
        if "".join(w[0] for w in words if w[0].isupper()) != acronym or not is_party(name):
            continue  # the acronym is the name's initials, or it is no introduction
        if not _BODY_WORD.search(name):
            continue  # "a Temporary Certificate of Occupancy (TCO)": a thing's initials
        count = head.count(m["acronym"]) + head.count(name)
        if count > most:
            best, most = f"the {name}" if name.split()[0].islower() else name, count
    return best


_ASKED = re.compile(
    r"To[ \t]+ask[ \t]+(?:the[ \t]+|Mr[ \t]+|Mrs[ \t]+|Ms[ \t]+)?"
    r"(?:hon\.[ \t]+Member[ \t]+for[^,\n]{2,80},"
    r"[ \t]*representing[ \t]+(?:the[ \t]+)?(?P<body>[A-Z][^,\n]{2,80}?)"
    r"|(?P<office>[A-Z][^,\n]{2,80}?)"
    r"(?:,[ \t]*(?P<dept>(?:Department|Ministry|Office)\b[^,\n]{0,60}?))?)"
    r"(?=,|[ \t]+(?:what|when|whether|if|how|why|which|on|pursuant|further|to)\b)[^\n]*",
)
"""A written question ("To ask the Minister of State, Department for Constitutional Affairs when
…"): the answer below it is the asked department's (or office's, or the represented body's)."""


def _asked(m: re.Match[str]) -> str:
    return (m["body"] or m["dept"] or m["office"]).strip()


def voices(text: str, title: str | None = None) -> Voices:
    """Read who speaks where in ``text`` (its ``title`` may name the issuer)."""
    haystack = f"{title or ''}\n{text}"
    found: list[tuple[int, str | None]] = []
    # Every label ends with a colon: a text without one has none (and is not scanned for them).
    colon = ":" in text
    for m in _LABEL.finditer(text) if colon else ():
        found.append((m.start(), _label_name(m["label"], haystack)))
    for m in _CASE_LABEL.finditer(text) if colon else ():
        name, _ = clean_name(m["label"])
        found.append((m.start(), m["label"].strip() if " of " in m["label"] else name or None))
    for m in _ROLE_LABEL.finditer(text) if colon else ():
        found.append((m.start(), _HONORIFIC_FRONT.sub("", m["name"].strip())))
    for m in _NAME_LINE.finditer(text):
        found.append((m.start(), clean_name(m["label"])[0] or None))
    for m in _GLUED_LABEL.finditer(text) if "§" in text else ():
        found.append((m.start(), (m["inner"] or clean_name(m["label"])[0]).strip()))
    issuer = _issuer(text, title)
    asked = "To ask" in text and not ("by" in text and _ISSUER_FIELD.search(text))
    for m in _ASKED.finditer(text) if asked else ():
        found.append((m.end(), _asked(m)))  # the answer after the question (none named)
    found.sort(key=lambda pair: pair[0])
    # A "Q:" or other label that names nobody ends the previous speaker's turn (None).
    return Voices(tuple(start for start, _ in found), tuple(name for _, name in found), issuer)
