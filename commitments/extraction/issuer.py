"""The document's issuer: who a document speaks for where no label or sentence names a speaker.

Read from the shape of the document, never from a list of parties:

- a title "… by NAME" ("Press Gaggle by Dana Perino"), "Press Statement, NAME, Spokesperson",
  "News Briefing: NAME", "NAME Announces …" (a title in capitals is read in title case), or a
  title naming a body ("Formal Minutes - Procedure Committee");
- a header field naming the issuer (``AGENCY:``, ``Answered by:``);
- a court's formulas ("IT IS HEREBY ORDERED", "SO ORDERED", "the Court shall") or a case name
  for a title ("Carlson v. Commissioner") → the Court;
- a Westminster business statement → the Leader of the House;
- a release's opening sentence "NAME (…) today announced …" (or, in a press notice, "The … Committee
  has decided …");
- an issuing office on a line of its own ("Office of the Spokesman");
- the body a document introduces with its acronym and names most often; minutes that speak of
  their body in the third person ("The Committee agreed …").
"""

from __future__ import annotations

import re

from commitments.extraction.names import clean_name
from commitments.extraction.parties import is_party

__all__ = ["ISSUER_FIELD", "issuer"]

_CAP = r"[A-Z][\w'’.&-]*"
_NAME_WORD = rf"(?:{_CAP}|of|the|and|for|de|von|van|&)"

_BY_TITLE = re.compile(
    r"\b(?:Gaggle|Briefing|Statement|Remarks|Delivery|Interview|News|Memorandum|Letter|Testimony"
    r"|Speech|Address|Message|Readout|Conference|Evidence|Submission|Op-Ed|Article|Transcript"
    r"|Resolutions?|Decision|Notice|Report|Adopted|Issued|Made)\b"
    r"[^\n]{0,120}?\b(?:by|from|with|(?<=\bStatement[ \t])of|(?<=\bRemarks[ \t])of)[ \t]+"
    rf"(?P<name>(?:the[ \t]+)?{_CAP}(?:[ \t]+{_NAME_WORD}){{0,8}}?)"
    r"(?=[ \t]+(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)[ \t]+\d|[ \t]*[^\w \t]|[ \t]+(?!(?:of|the|and|for|de|von|van)\b)[a-z\d]|[ \t]*$)"
)
"""A title naming who speaks in it: "Press Gaggle by Dana Perino", "Top News from the European
Commission", "Resolutions Adopted by the Board May 24, 2005" (not "… Fishing by Vessels Using
Trawl Gear", where "by" names no speaker)."""
_STATEMENT_TITLE = re.compile(
    r"^(?:[\w.-]+[ \t]+){0,3}?(?:Press[ \t]+Statement|Statement|Remarks|Readout|Briefing|Gaggle"
    r"|Press[ \t]+Conference|Interview)[ \t]*[,:–—-][ \t]*"
    rf"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{1,3}})"
)
_ACTOR_TITLE = re.compile(
    rf"^(?P<name>(?:{_CAP}|\d[\w-]*)(?:[ \t]+{_NAME_WORD}|,?[ \t]+(?:Inc|Corp|Ltd|Co|LLC|plc)\.?)"
    r"{0,6}?)"
    rf"(?:,[ \t]+(?!(?:Inc|Corp|Ltd|Co|LLC|plc)\b){_CAP}(?:[ \t]+{_CAP}){{0,3}}(?=[ \t]+to[ \t]))?"
    r"[ \t]+"
    r"(?P<verb>Announces|Reports|Sets|Names|Launches|Declares|Discloses"
    r"|Unveils|Issues|Releases|Completes|Opens|Approves|Plans|Agrees|Confirms|Holds|Hosts"
    r"|Schedules|Awards|Selects|Extends|Proposes|Adopts|Publishes|Invites|Seeks|Begins|Expands"
    r"|(?<!\bSet[ \t])(?<!\bDue[ \t])(?<!\bExpected[ \t])(?<!\bScheduled[ \t])(?<!\bSlated[ \t])"
    r"(?<!\bPoised[ \t])(?<!\bReady[ \t])(?:(?<=United[ \t])|(?<![a-z]ed[ \t]))to[ \t]+[A-Z]\w+)"
    r"\b(?=[ \t,:]*\w)"
)
"""A title naming its actor: "Northfield Dairy Announces …", "Acme Corp. to Close …", "NASA,
NOAA to Launch …" (the first actor named), "Escalade Declares Quarterly Dividend" (one word
before a verb in the present, with an object after it: not "News Releases"), "1-800 CONTACTS
Announces …" (not "Hotel Construction Set to Begin", where the subject is a thing, nor "Crews
Named to Continue …", where a participle says it is done to them). A title in capitals is read
in title case."""
_BODY_HEADS = (
    r"Committee|Commission|Council|Board|Authority|Agency|Department|Office|Ministry|Court"
    r"|Government|Parliament|Assembly|Reserve|Bank|Corporation|Company|Group|Foundation|Service"
    r"|Administration|Bureau|Task[ \t]+Force|Inc\.?|Ltd|plc|LLC|Center|Centre"
)
_BODY_TITLE = re.compile(
    r"(?:^|[ \t][-–—:][ \t]|,[ \t])"
    rf"(?P<name>(?:{_CAP}[ \t]+(?:(?:of|on|for|and|the)[ \t]+)*){{0,6}}(?:{_BODY_HEADS})\b"
    rf"(?:[ \t]+(?:on|of|for)[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}})?)"
)
ISSUER_FIELD = re.compile(
    r"^[ \t]*(?:AGENCY|Agency|Answered[ \t]+by|Issued[ \t]+by|Made[ \t]+by|Statement[ \t]+by"
    r"|Statement[ \t]+made[ \t]+by)[ \t]*:[ \t]*(?:\n[ \t]*)?"  # (or the value on the next line)
    r"(?P<name>[A-Z][^\n;()]{2,80}?)[ \t]*(?:\([^\n]{0,80}\))?[ \t]*[.;]?[ \t]*$",
    re.MULTILINE,
)
_COURT = re.compile(
    r"\bIT[ \t]+IS[ \t]+(?:HEREBY[ \t]+|FURTHER[ \t]+|SO[ \t]+)?ORDERED\b"
    r"|\b(?:UNITED[ \t]+STATES|U\.S\.)[ \t]+(?:DISTRICT[ \t]+COURT|COURT[ \t]+OF[ \t]+APPEALS"
    r"|BANKRUPTCY[ \t]+COURT)\b"
    r"|\bthe[ \t]+Court[ \t]+(?:shall|will|hereby|ORDERS|GRANTS|DENIES|DIRECTS)\b"
    r"|\bSO[ \t]+ORDERED\b|^[ \t]*ORDERED[ \t,]+that\b"
    # an order's heading: "ORDER GRANTING DEFENDANTS' MOTION …", "ORDER TO SHOW CAUSE"
    r"|^[ \t]*(?:(?:MEMORANDUM|OPINION)[ \t]+(?:AND|&)[ \t]+)?ORDER[ \t]+(?:GRANTING|DENYING|TO"
    r"|SETTING|REQUIRING|DIRECTING|EXTENDING|DISMISSING|ADOPTING|VACATING|CONTINUING|RE:?)\b",
    re.MULTILINE,
)
_COURT_WORDS = ("ORDER", "COURT", "Court")
"""A quick test before the court's formulas (each holds one of these words; ``in`` finds a word
faster than a scan for an alternation)."""
_CASE_TITLE = re.compile(r"\S[ \t]+v\.?[ \t]+\S|^In[ \t]+(?:re|the[ \t]+Matter[ \t]+of)\b")
"""A court case's name: "Carlson v. Commissioner", "In re Smith"."""
_ANNOUNCES = re.compile(
    r"(?:^|\n|[ \t][-–—]+[ \t]|\)[ \t])[ \t]*"
    r"(?:(?:At|On|In)[ \t][^,\n]{3,120},[ \t]+(?:the[ \t]+)?)?"  # "At its meeting held today, …"
    rf"(?P<name>{_CAP}(?:[ \t]+{_NAME_WORD}|,?[ \t]+(?:Inc\.?,?|Corp\.?"
    r"|Ltd\.?|LLC|plc|Co\.?)){0,7}?),?"
    r"(?:[ \t]+\((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|AMEX|OTC)[^()\n]{0,20}\))?"
    r"(?:[ \t]+\((?:the[ \t]+)?[“\"][^()\n]{1,60}\))?"  # (“Monarch” or “the Company”)
    r"(?:,[ \t][^,\n]{3,90},)?[ \t]+(?:today[ \t]+)?(?:announced|announces|said|reported|reports"
    r"|confirmed|confirms|unveiled|unveils|released|releases|declared|declares"
    r"|has[ \t]+(?:decided|agreed|launched"
    r"|announced))\b"
)
_ACRONYM_NAME = re.compile(r"[A-Z]{2,6}")
_RELEASE = re.compile(
    r"NEWS[ \t]+RELEASE|PRESS[ \t]+RELEASE|FOR[ \t]+IMMEDIATE[ \t]+RELEASE|Exhibit[ \t]+99"
    r"|News[ \t]+Release|Press[ \t]+Notice|PRESS[ \t]+NOTICE"
    r"|Press[ \t]+Release|today[ \t]+announced|announced[ \t]+today"
    r"|RELEASE:?[ \t]+(?:No\.[ \t]*)?[A-Z]?\d|Release:?[ \t]+(?:No\.[ \t]*)?[A-Z]?\d"
)
"""A press release says so, or announces "today"."""
_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][A-Za-z]?[A-Z]{1,5})\)")
_NAME_BEFORE = re.compile(r"[\w&'’-]+")
"""A body introduced with its acronym: "the Competition and Markets Authority (CMA)"."""


def _title_case(m: re.Match[str]) -> str:
    word = m[0].casefold()
    return word if word in ("of", "and", "the", "for", "on", "in", "to", "at") else word.title()


def _title_voice(
    title: str, patterns: tuple[re.Pattern[str], ...] = (_STATEMENT_TITLE, _BY_TITLE, _ACTOR_TITLE)
) -> str | None:
    title = " ".join(title.split())
    if title.isupper():  # "ACME CORP. ANNOUNCES …"
        title = re.sub(r"[A-Z][A-Z'’]*", _title_case, title)
    for pattern in patterns:
        if m := pattern.search(title):
            name, titles = clean_name(
                re.split(
                    r"[ \t]+(?:at|on|in|to|for|during|after|aboard|en)[ \t]", m["name"], flags=re.I
                )[0]
            )
            words = name.split()
            if len(words) > 2 and words[-1] == words[-2]:  # "… of Reclamation Reclamation, TCID"
                name = " ".join(words[:-1])  # (a feed's name glued to its item's headline)
            if name and is_party(name) and (" " in name.strip() or _ACRONYM_NAME.fullmatch(name)):
                return name
            if name and titles and is_party(name) and pattern is not _ACTOR_TITLE:
                return name  # "Remarks by President Biden": the surname after a title
            verb = m.groupdict().get("verb") or "to"
            if name and is_party(name) and not verb.startswith("to"):
                return name  # "Escalade Announces Quarterly Dividend": one word before its verb
            if re.fullmatch(rf"the[ \t]+(?:{_BODY_HEADS})", m["name"]):
                return m["name"]  # "Resolutions Adopted by the Board": the body, by its noun
    return None


_FIRST_LINE = re.compile(r"\s*([^\n]{1,300})")
"""A page's first line, which may name its publisher as a title would."""

_BUSINESS_STATEMENT = re.compile(
    r"^[ \t]*The[ \t]+(?:provisional[ \t]+)?business[ \t]+for[ \t]+(?:next[ \t]+week|the[ \t]+week"
    r"[ \t]+commencing[ \t][^\n]{1,40}?)[ \t]+(?:will|is|shall)\b",
    re.MULTILINE,
)
"""The formula of a Westminster business statement ("The business for next week will be as
follows:"), which the Leader of the House makes."""


def issuer(text: str, title: str | None) -> str | None:
    """Who ``text`` (with its ``title``) speaks for, if its shape says."""
    if (any(word in text for word in _COURT_WORDS) and _COURT.search(text)) or (
        title and _CASE_TITLE.search(title)
    ):
        return "the Court"
    if "business for" in text and _BUSINESS_STATEMENT.search(text):
        return "the Leader of the House"
    if title and (name := _title_voice(title)):
        return name
    head = text[:3000]
    first = _FIRST_LINE.match(head)
    line = first[1].strip() if first else ""
    if title and line.endswith(title.strip()):
        line = line[: -len(title.strip())]  # (the page's header glued to the item's headline)
    if line and (name := _title_voice(line, (_BY_TITLE,))):
        return name  # a page headed "News Releases from the Bureau of Reclamation"
    if (
        "elivery" in head
        and (m := _DELIVERED_BY.search(head))
        and (name := _title_voice(m[0], (_BY_TITLE,)))
    ):
        return name  # "As Prepared for Delivery by Deputy Secretary Ashton B. Carter, …"
    if ("by" in head or "AGENCY" in head or "Agency" in head) and (m := ISSUER_FIELD.search(head)):
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
    return (
        _principal_body(text)
        or (_minutes_body(text) if "The " in text or "inutes" in head[:600] else None)
        or _body_line(head)
        or (_signed_by(text) if "ly," in text or "submitted," in text else None)
        or (_on_behalf(head) if "behalf" in head else None)
    )


_ON_BEHALF = re.compile(
    r"\b[Oo]n[ \t]+behalf[ \t]+of[ \t]+"
    rf"(?P<name>(?:the[ \t]+)?{_CAP}(?:[ \t]+{_NAME_WORD}){{0,6}}?),?[ \t]+(?:I|we)\b"
)
"""A letter or statement's own words for whom it speaks: "On behalf of the Liaison Committee, I
am writing to invite members …"."""


def _on_behalf(head: str) -> str | None:
    m = _ON_BEHALF.search(head)
    return m["name"] if m is not None and is_party(m["name"]) else None


_SIGN_OFF = re.compile(
    r"^[ \t]*(?:Yours[ \t]+)?(?:[Ss]incerely|[Rr]espectfully(?:[ \t]+submitted)?|[Ff]aithfully"
    r"|[Tt]ruly|[Cc]ordially)(?:[ \t]+yours)?,[ \t]*\n(?:[ \t]*/s/[^\n]*\n)?[ \t]*"
    rf"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{1,4}})[ \t]*$",
    re.MULTILINE,
)
"""A letter's close and the name under it ("Sincerely,\n/s/ Jeffrey B. Wall\nJeffrey B. Wall")."""


def _signed_by(text: str) -> str | None:
    """The signer of a letter: who it speaks for, when nothing else names its voice."""
    m = _SIGN_OFF.search(text)
    if m is None:
        return None
    name, _ = clean_name(m["name"])
    return name if is_party(name) else None


_DELIVERED_BY = re.compile(
    r"^[ \t]*(?:Remarks[ \t]+)?(?:[Aa]s[ \t]+)?[Pp]repared[ \t]+for[ \t]+[Dd]elivery[ \t]+by[ \t]"
    r"[^\n]+",
    re.MULTILINE,
)
"""A speech's line naming its speaker, wherever it stands in the page's head."""
_PRESS_OFFICE = re.compile(
    r"^[ \t]*(?P<name>Office[ \t]+of[ \t]+the[ \t]+(?:Spokes(?:man|person|woman)"
    r"|Press[ \t]+Secretary|Press[ \t]+Officer?))[ \t]*$",
    re.MULTILINE,
)
"""A release's issuing office on a line of its own ("Office of the Spokesman")."""


_BODY_LINE = re.compile(
    r"^[ \t]*(?:[-•*][ \t]+)?"
    r"(?P<name>(?:[A-Z][\w'’&.-]*[ \t]+(?:(?:of|on|for|and|the)[ \t]+)*){0,6}"
    rf"(?:{_BODY_HEADS})(?:[ \t]+(?:on|of|for)[ \t]+(?:the[ \t]+)?{_CAP}"
    rf"(?:[ \t]+(?:and[ \t]+)?{_CAP}){{0,4}})?)"
    r"(?:,[ \t]+[A-Z][A-Za-z]{0,11}\.?(?:[A-Z]\.)?){0,2}[ \t]*$",  # (", Fla.", ", Houston, TX")
    re.MULTILINE,
)


_LONG_LINE = re.compile(r"^[^\n]{200}", re.MULTILINE)
"""A line of running text (a paragraph), where a page's header ends."""


def _body_line(text: str) -> str | None:
    """A body's name on a line of its own in the page's header, before its first paragraph."""
    first = _LONG_LINE.search(text)
    head = text[: first.start() if first else 1500]
    for m in _BODY_LINE.finditer(head):
        name = m["name"]
        words = name.split()
        if " ".join(words[:2]) in " ".join(words[2:]):
            continue  # "United States Department of Defense United States …": a logo's text
        if _NEWS_DESK.search(name) or _BYLINE_END.search(head, 0, m.start()):
            continue  # "By Jim Garamone\nAmerican Forces Press Service": who wrote it, not for whom
        if is_party(name) and " " in name and not name.startswith(("In ", "The ")):
            return name
    return None


_NEWS_DESK = re.compile(r"\b(?:News|Press|Wire)[ \t]+(?:Service|Agency|Association)$")
"""A news service's name: the writer's employer, not a party to what is reported."""
_BYLINE_END = re.compile(r"^[ \t]*By[ \t]+[A-Z][^\n]{0,60}\n[ \t]*\Z", re.MULTILINE)
"""A byline just before a line: the line is the writer's affiliation."""


_MINUTES_BODY = re.compile(
    r"The[ \t]+(?P<body>Committee|Commission|Board|Council|Panel|Authority|Trustees"
    r"|Sub-[Cc]ommittee)[ \t]+(?:agreed|noted|decided|resolved|considered|approved|discussed"
    r"|received|endorsed|welcomed|requested|asked|took\s+note)\b"
)
"""Minutes speak of their body in the third person: "The Commission agreed …", "The Committee
noted …" (said twice or more, at the start of a line or a sentence, the body is the document's
voice). The pattern starts with a word, which ``re`` finds by a fast scan."""


_MINUTES_HEAD = re.compile(
    r"^[ \t#*]*(?:(?:Draft|Approved|Unconfirmed|Confirmed)[ \t]+)?Minutes[ \t]+of[ \t]+"
    r"(?:the[ \t]+|an?[ \t]+)?"
    r"(?:[A-Z]?[a-z]+[ \t]+){0,2}(?:[Mm]eeting|[Pp]roceedings)[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?P<body>[A-Z][\w'’&-]*(?:[ \t]+(?:of|and|for|on|[A-Z][\w'’&-]*)){0,6}?)"
    r"(?=[ \t]*(?:$|[,(]|[ \t](?:held|on|at|in|dated)\b))",
    re.MULTILINE,
)
"""Minutes that name their body in their heading ("Minutes of the meeting of the Parish Council
held on 6 January 2020"): the body is the document's voice."""


def _minutes_body(text: str) -> str | None:
    if "inutes" in text[:600] and (head := _MINUTES_HEAD.search(text, 0, 600)):
        return f"the {head['body']}"
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
