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
- a written question ("To ask the Minister of State, … when …"): the answer below it is the
  asked office's;
- elsewhere, the document's issuer (:mod:`.issuer`).
"""

from __future__ import annotations

import bisect
import re

import attrs

from commitments.extraction.issuer import ISSUER_FIELD
from commitments.extraction.issuer import issuer as read_issuer
from commitments.extraction.names import clean_name
from commitments.extraction.parties import is_party

__all__ = ["Voices", "voices"]

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
_NAME_ROLE_LABEL = re.compile(
    r"^[ \t]*(?P<label>[A-Z][a-z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})[ \t]*"
    r"\([^()\n]{2,60}\)[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
"""``Terrence Hayes (VA Press Secretary): …`` — a name with its role in brackets as a label."""
_OFFICE_LABEL = re.compile(
    r"^[ \t]*(?P<label>The[ \t]+(?:Lord|Minister|Secretary|Parliamentary|Under-?|Chancellor|Prime"
    r"|Deputy|Attorney|Solicitor|Advocate|Leader|Paymaster|Chief|Financial|Economic)\b"
    r"(?:[ \t]+(?:of|for|the|and|to|in|[A-Z][\w'’-]*)){0,8}?)[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
"""``The Lord Chancellor: …`` — an office as a speaker's label (Lords written answers)."""
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
    r"\((?P<name>[A-Z][^()\n]{2,60})\)[ \t]*(?::|\n(?=[ \t]*\n?[ \t]*[A-Z“\"][^\n]{60}))",
    re.MULTILINE,
)
"""``The Minister of State, Home Office (Lord Young of Cookham):`` — the answering member; or the
same on a line of its own above the answer (the Lords' written answers)."""
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

    def recites_order(self, body: str) -> bool:
        """A court's recital of what it ordered before ("WHEREAS, on July 11, 2022, Plaintiff
        was ordered to show cause by August 10, 2022"): its deadline, not a resolution's
        "whereas" (which states a view)."""
        return self.default == "the Court" and "WHEREAS" in body

    def named(self, speaker: str) -> str:
        """The issuer for its defined term ("the Company expects …" in a company's release)."""
        return self.default if self.default and speaker in _DEFINED_ISSUER else speaker

    def label_at(self, offset: int) -> str | None:
        """The speaker whose transcript label is in force at ``offset`` (not the issuer)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.names[i] if i >= 0 else None


_INTERVIEW = re.compile(
    r"\b[Ii]nterview\s+(?:with|of)\s+(?P<the>the\s+)?"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \t]+(?:of|for|the|and|[A-Z][\w'’.-]*)){0,5})"
)


def _interviewee(haystack: str) -> str | None:
    """Who answers an interview's "A:" lines: the person its title or first line names ("An
    Interview with Mayor Jane Hale", "Interview with the Mayor")."""
    m = _INTERVIEW.search(haystack, 0, 400)
    if m is None:
        return None
    name, _ = clean_name(m["name"])
    if m["the"]:
        return f"the {m['name']}"
    return name if name and is_party(name) else None


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
    interviewee = _interviewee(haystack) if colon and "nterview" in haystack[:400] else None
    for m in _LABEL.finditer(text) if colon else ():
        label = m["label"]
        name = interviewee if label in ("A", "ANSWER") else _label_name(label, haystack)
        found.append((m.start(), name))
    for m in _CASE_LABEL.finditer(text) if colon else ():
        name, _ = clean_name(m["label"])
        found.append((m.start(), m["label"].strip() if " of " in m["label"] else name or None))
    for m in _NAME_ROLE_LABEL.finditer(text) if colon and "(" in text else ():
        found.append((m.start(), clean_name(m["label"])[0] or None))
    for m in _OFFICE_LABEL.finditer(text) if colon and "The " in text else ():
        found.append((m.start(), f"the {m['label'][4:].strip()}"))
    for m in _ROLE_LABEL.finditer(text) if colon or "(" in text else ():
        found.append((m.start(), _HONORIFIC_FRONT.sub("", m["name"].strip())))
    for m in _NAME_LINE.finditer(text):
        found.append((m.start(), clean_name(m["label"])[0] or None))
    for m in _GLUED_LABEL.finditer(text) if "§" in text else ():
        found.append((m.start(), (m["inner"] or clean_name(m["label"])[0]).strip()))
    issuer = read_issuer(text, title)
    asked = "To ask" in text and not ("by" in text and ISSUER_FIELD.search(text))
    for m in _ASKED.finditer(text) if asked else ():
        found.append((m.end(), _asked(m)))  # the answer after the question (none named)
    found.sort(key=lambda pair: pair[0])
    # A "Q:" or other label that names nobody ends the previous speaker's turn (None).
    return Voices(tuple(start for start, _ in found), tuple(name for _, name in found), issuer)
