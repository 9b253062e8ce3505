"""The document's own voice: who speaks where no sentence names a speaker.

Official documents speak for their issuer without saying so in every sentence: a court's order
("Defendants shall file … on or before March 11"), an agency's notice ("The comment period will
now remain open until July 7"), a company's release ("Production is expected to cease in the first
quarter"), a spokesperson's briefing ("On Monday the President will give the commencement
address"). The voice is read from the shape of the document, never from a list of parties:

- a transcript label at the start of a paragraph (``MS. PERINO:``, ``SECRETARY KERRY:``,
  ``The Minister of State (Lord Young of Cookham):``) speaks until the next label;
- a title "… by NAME" ("Press Gaggle by Dana Perino", "Statement by the Press Secretary");
- a header field naming the issuer (``AGENCY:``, ``Answered by:``, ``From:``-like lines);
- a court's formula ("IT IS HEREBY ORDERED", "the Court shall", a court's caption) → the Court;
- a release's opening sentence "NAME (…) announced/said today …".
"""

from __future__ import annotations

import bisect
import re

import attrs

__all__ = ["Voices", "voices"]

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|of|the|and|de|von|van|for|&)"
_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?:(?:MR|MS|MRS|DR|SEN|REP|GEN|ADM|AMB|GOV)\.?[ \t]+)?[A-Z][A-Z'’.-]+"
    r"(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
"""``MS. PERINO: …`` — a speaker's label in capitals at the start of a line."""
_ROLE_LABEL = re.compile(
    r"^[ \t]*(?:The[ \t]+)?(?P<role>(?:Prime[ \t]+)?(?:Minister|Secretary|Parliamentary|Leader"
    r"|Chancellor|Solicitor|Attorney|Lord|Baroness|Chief|Under-Secretary|Parliamentary)[^\n:()]{0,80})"
    r"\((?P<name>[^()\n]{3,60})\)[ \t]*:",
    re.MULTILINE,
)
"""``The Minister of State, Home Office (Lord Young of Cookham):`` — Hansard's answering member."""
_CASE_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?:Mr|Ms|Mrs|Dr|Sir|Lord|Baroness|Dame)\.?[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
    r"[ \t]*(?:\([^()\n]{1,60}\))?[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
"""``Mr. Michael Foot: …`` — a speaker's label in title case (Hansard, committee evidence)."""
_NOT_A_SPEAKER = frozenset(
    {
        "Q", "A", "NOTE", "NOTES", "DATES", "DATE", "SUMMARY", "ADDRESSES", "AGENCY", "ACTION",
        "SUBJECT", "RE", "WHEN", "WHERE", "WHAT", "WHO", "TODAY", "TIME", "CONTACT", "FOR",
        "SOURCE", "PRESENT", "UPDATE", "UPDATED", "POSTED", "EDITOR", "EDITORS", "BACKGROUND",
        "FROM", "TO", "CC", "TITLE", "ORDER", "ORDERED", "IT", "NB", "PS", "TEXT", "AUDIO",
        "VIDEO", "PHOTO", "LOCATION", "PLACE", "AGENDA", "MINUTES", "ITEM", "RESULT",
    }
)
_BY_TITLE = re.compile(
    r"\b(?:by|from)[ \t]+(?P<name>(?:the[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+" + _NAME_WORD + r"){0,6})\s*$"
)
_ISSUER_FIELD = re.compile(
    r"^[ \t]*(?:AGENCY|Agency|Answered[ \t]+by|Issued[ \t]+by|Department|Authority)[ \t]*:[ \t]*"
    r"(?P<name>[A-Z][^\n;]{2,80}?)[ \t]*(?:\([A-Z]{2,8}\))?[ \t]*[.;]?[ \t]*$",
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
_CASE_TITLE = re.compile(r"\S[ \t]+v\.?[ \t]+\S|^In[ \t]+re\b")
"""A court case's name: "Carlson v. Commissioner", "In re Smith"."""
_ANNOUNCES = re.compile(
    r"(?:^|\n|--|—|–|\)\s)[ \t]*(?P<name>[A-Z][\w'’&.-]*(?:[ \t,]+(?:" + _NAME_WORD + r"|Inc\.?|Corp\.?"
    r"|Ltd\.?|LLC|plc|Co\.?|N\.A\.))" + r"{0,7}?)[ \t,]*(?:\([^()\n]{1,40}\)[ \t,]*)?"
    r"(?:today[ \t]+)?(?:announced|announces|said|says|reported|reports|confirmed|confirms"
    r"|unveiled|unveils|released|releases|stated)\b"
)


@attrs.frozen
class Voices:
    """Who speaks from each offset of a text, where no sentence names a speaker."""

    starts: tuple[int, ...] = ()
    names: tuple[str, ...] = ()
    default: str | None = None
    """The issuer, for text before the first label (or with none)."""

    def at(self, offset: int) -> str | None:
        """The voice in force at ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return (self.names[i] or None) if i >= 0 else self.default

    def label_at(self, offset: int) -> str | None:
        """The speaker whose transcript label is in force at ``offset`` (not the issuer)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return (self.names[i] or None) if i >= 0 else None


def _label_name(label: str) -> str | None:
    words = label.replace("’", "'").split()
    if words[0].rstrip(".").upper() in ("MR", "MS", "MRS", "DR", "SEN", "REP", "GEN", "ADM", "AMB", "GOV"):
        words = words[1:]
    if not words or any(w.rstrip(".") in _NOT_A_SPEAKER for w in words[:1]):
        return None
    if len(words) == 1 and words[0].rstrip(".") in _NOT_A_SPEAKER:
        return None
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def _issuer(text: str, title: str | None) -> str | None:
    if title and (m := _BY_TITLE.search(title.strip())):
        return m["name"].strip()
    if m := _ISSUER_FIELD.search(text[:3000]):
        return m["name"].strip().rstrip(".")
    if _COURT.search(text) or (title and _CASE_TITLE.search(title)):
        return "the Court"
    if m := _ANNOUNCES.search(text[:1500]):
        name = m["name"].strip(" ,")
        if name.split()[0] not in ("The", "He", "She", "It", "They", "We", "I"):
            return name
    return None


def voices(text: str, title: str | None = None) -> Voices:
    """Read who speaks where in ``text`` (its ``title`` may name the issuer)."""
    found: list[tuple[int, str | None]] = []
    for pattern, group in ((_LABEL, "label"), (_CASE_LABEL, "label"), (_ROLE_LABEL, "name")):
        for m in pattern.finditer(text):
            name = _label_name(m[group]) if group == "label" else m[group].strip()
            found.append((m.start(), name))
    found.sort(key=lambda pair: pair[0])
    # A "Q:" or other non-speaker label ends the previous speaker's turn: keep it as None.
    starts = tuple(start for start, _ in found)
    names = tuple(name or "" for _, name in found)
    return Voices(starts, names, _issuer(text, title))
