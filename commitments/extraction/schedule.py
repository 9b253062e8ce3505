"""Schedules: the lines of an agenda, a week's business or a day's public schedule.

An agenda states its commitments without a verb of the future: "Monday 6 March—Committee of the
whole House …", "8:00 a.m. Secretary Blinken hosts a virtual ministerial meeting …". Such a line
is an item of the schedule when

- it starts with a date and a dash or colon, then says what happens ("Tuesday 7 March—…"); or
- it starts with a time of day and a capitalised phrase, under a line that is only a date (a
  heading) or, with no heading, on the day the schedule was published.

An item's party is the actor it starts with ("Secretary Blinken hosts …"), else the document's own
voice (:mod:`.voice`); a date that is already past when the schedule is published is no item.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs

from commitments.extraction.binding import Pending, specificity
from commitments.extraction.cues import Cue
from commitments.extraction.furniture import stamped
from commitments.extraction.moves import by_date
from commitments.extraction.names import clean_name
from commitments.extraction.parties import is_party
from commitments.extraction.patterns import OWNER_IN_BRACKETS
from commitments.extraction.voice import Voices
from commitments.records import Kind, Window
from commitments.timex.absolute import parse_heading
from commitments.timex.grammar import Found, find
from commitments.timex.vague import VagueTable

__all__ = ["Item", "action_item", "item_action", "items", "scheduled"]

_LINE = re.compile(r"[^\n]+")
_MAY_BE_SCHEDULE = re.compile(
    r"\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)[a-z]*\b|today|tomorrow|tonight|this\s|next\s|the\s+week|\[?adjourned",
    re.IGNORECASE,
)
"""How a schedule's line starts: a date, a day, a time (a cheap test before the time grammar)."""
_LONGEST = 1500
"""The longest line read as a schedule's line (a listed schedule may run to a paragraph)."""
_LEAD = re.compile(r"[ \t>*•·§-]*")
_AFTER_DATE = re.compile(r"[ \t]*+(?:,[ \t]*+\d{4})?[ \t]*+[—–:]++[ \t]*+|[ \t]++-{1,2}[ \t]++")
_TIME = re.compile(
    r"(?:\d{1,2}(?:[:.]\d{2})?[ \t]*[ap]\.?[ \t]?m\.?|\d{1,2}[:.]\d{2}(?![\d,]))"
    r"(?:[ \t]+[A-Z]{2,4}\b)?"
    r"[ \t]*[-–—:]?[ \t]+(?=[A-Z(])",
    re.IGNORECASE,
)
_ONLY = re.compile(r"[\s,.;:()*_|-]*")
_ACTOR = re.compile(
    r"(?P<actor>(?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w.'’-]*)[ \t]+"
    r"(?P<verb>[a-z]+(?:s|es))\b"
)
_WHAT = re.compile(r"[a-z]{3,}")
_NEGATED = re.compile(r"\b(?:not|no[ \t]+[a-z]+|cancel(?:l?ed)?|postponed)\b", re.IGNORECASE)
_INTRODUCES = re.compile(r"[ \t]*:[ \t]*")
_LISTS_DATES = re.compile(
    r"\b(?:schedule|timetable|deadlines|dates|as[ \t]+follows)\b[^\n]{0,60}:[ \t]*$", re.IGNORECASE
)
"""A line that introduces a list of dated items ("the following briefing schedule will now
apply:")."""
_NOT_A_VERB = frozenset({"is", "has", "was", "as", "its", "this", "his", "hers", "yes", "less"})


@attrs.frozen
class Item:
    """One item of a schedule: where its text is, when it is due and whose it is."""

    start: int
    end: int
    due: Found
    actor: str | None
    """The party the item names first ("Secretary Blinken hosts …"), if any."""
    due_by: bool = False
    """The item is due by its date (a listed filing), not on it (an event)."""
    action: str | None = None
    """What the item says, where its line does not ("Next meeting: 11 December")."""


def _ends(line: str, vague: VagueTable | None) -> tuple[Found | None, Found | None]:
    """The time expressions that start first and end last in a line."""
    found = [f for f in find(line, vague=vague) if not f.past]
    if not found:
        return None, None
    return min(found, key=lambda f: (f.start, -f.end)), max(found, key=lambda f: (f.end, f.start))


def _listed(body: str, at: int, published: dt.date, vague: VagueTable | None) -> Iterator[Item]:
    """Each date of a listed line, with the words before it, is an item."""
    previous = 0
    for found in find(body, vague=vague):
        if found.past or found.kind != "date":
            continue
        window = found.resolve(published)
        item = body[previous : found.start]
        if window is not None and window.latest >= published and _WHAT.search(item):
            if _ON_THE_DAY.search(f"{item}{found.text.split()[0]} "):  # "… imposed on March 17"
                yield Item(at + previous, at + found.end, found.shifted(at), None)
            else:
                by = by_date(found.shifted(at))
                yield Item(at + previous, at + found.end, by, None, due_by=True)
        previous = found.end


_ON_THE_DAY = re.compile(
    r"\bon[ \t]+(?:the[ \t]+)?$|\b(?:held|heard|set)[ \t]+(?:for[ \t]+)?$", re.IGNORECASE
)
"""A listed date said to be the day of an event ("… will be imposed on", "… hearing set for"),
not a date to file by ("… must be filed on or before", "Reply Brief")."""


def _day(day: dt.date, text: str, start: int, end: int) -> Found:
    window = Window.day(day)
    return Found(start=start, end=end, text=text, resolve=lambda _d: window, kind="schedule")


_HEADING_LONGEST = 40
_AGENDA_VERBS = frozenset(
    """meets participates attends delivers hosts receives visits travels chairs opens addresses
    holds speaks welcomes launches signs presents leads joins gives""".split()
)
"""What an agenda says its people do on the day."""
_AGENDA = re.compile(
    r"(?:(?:President|Vice-President|Commissioner|High\s+Representative|Secretary|Minister|Mr|Ms"
    r"|Mrs|Dr)\.?\s+)?(?P<actor>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:\s+(?:in|at|on)\s+[^:\n]{2,60}:)?\s+(?P<verb>[a-z]+s)\s+[^\n]{3,}"
)
"""An agenda's line under a day heading: "Mr Andrus Ansip in Tallinn, Estonia: meets …"."""


def _agenda_actor(line: str) -> str | None:
    m = _AGENDA.fullmatch(line.strip())
    if m is None or m["verb"] not in _AGENDA_VERBS:
        return None
    name, _ = clean_name(m["actor"])
    return name if name and " " in name else None


def _says_what(item: str) -> bool:
    """An item says what happens: three words or more, in running text, not cancelled, not
    only the end of a range of dates ("10 November – 7 December 2012")."""
    if len(item.split()) < 3 or not _WHAT.search(item) or _NEGATED.search(item):
        return False
    return not (
        item[:1].isdigit()
        and any(f.start == 0 and f.end >= len(item.rstrip(" .")) for f in find(item))
    )


def _actor(item: str) -> str | None:
    m = _ACTOR.match(item)
    if m is None or m["verb"] in _NOT_A_VERB:
        return None
    name, _ = clean_name(m["actor"])
    return name or None


def items(
    text: str, start: int, end: int, published: dt.date, vague: VagueTable | None = None
) -> Iterator[Item]:
    """The schedule items of ``text[start:end]``, dated on or after ``published``."""
    heading: dt.date | None = None
    listing = next_meeting = False
    day_item: Item | None = None  # the last day's item, whose business may go on below it
    for line in _LINE.finditer(text, start, end):
        lead = _LEAD.match(line[0])
        at = line.start() + (lead.end() if lead else 0)
        body = text[at : line.end()]
        if len(body) < 4 or len(body) > _LONGEST:
            listing = False
            day_item = None
            continue  # an item is a line, not a page of running text
        if day_item is not None and (more := _more_business(body, day_item, at, line.end())):
            yield more  # "MONDAY 25TH OCTOBER—Second Reading of …" then "Motions relating to …"
            continue
        day_item = None
        if "eeting" in body and (nm := _NEXT_MEETING.match(body)):
            next_meeting = nm.end() == len(body)  # the date is on the next line
            if not next_meeting and (meeting := _meeting(body, nm.end(), at, published, vague)):
                yield meeting
            continue
        if next_meeting:
            next_meeting = False
            if meeting := _meeting(body, 0, at, published, vague):
                yield meeting
                continue
        foreign = parse_heading(body) if len(body) <= _HEADING_LONGEST else None
        if foreign is not None:  # "Lundi 25 février 2019": a day heading in another language
            heading = foreign
            continue
        if heading is not None and heading >= published and (actor := _agenda_actor(body)):
            yield Item(at, line.end(), _day(heading, "", at, at), actor)
            continue
        if not (listing or _MAY_BE_SCHEDULE.match(body) or body.rstrip().endswith(":")):
            continue  # (most lines of running text: no time grammar for them)
        found, last = _ends(body, vague)
        if listing and found is not None and found.start > 0:
            listing = False  # "Appellant's Brief October 7, 2016 … Reply Brief November 22, 2016"
            yield from _listed(body, at, published, vague)
            continue
        listing = bool(_LISTS_DATES.search(body))
        if listing:
            continue
        if last is not None and found is not None and _INTRODUCES.fullmatch(body[last.end :]):
            window = last.resolve(published)  # "… the Conference on Wednesday, February 2:"
            heading = window.earliest if window and window.earliest == window.latest else None
            continue
        if found is not None and found.start == 0:
            window = found.resolve(published)
            if window is None or stamped(body, found):
                continue  # ("2014-08-29 16:21:00.0 SACRAMENTO, Calif. –": a feed's timestamp)
            rest = body[found.end :]
            if _ONLY.fullmatch(rest):  # a heading: the items below it fall on its day
                heading = window.earliest if window.earliest == window.latest else None
                continue
            sep = _AFTER_DATE.match(rest)
            item = rest[sep.end() :] if sep is not None else ""
            if window.latest >= published and _says_what(item):
                for day_item in _followed(text, at, line.end(), found.shifted(at), _actor(item)):
                    yield day_item
            continue
        time = _TIME.match(body)
        if time is not None:
            day = heading or published
            item = body[time.end() :]
            if day >= published and _says_what(item):
                due = _day(day, body[: time.end()].strip(), at, at + time.end())
                yield Item(at, line.end(), due, _actor(item))


_FOLLOWED_BY = re.compile(r"(?:\bto[ \t]+be[ \t]+)?\bfollowed[ \t]+by[ \t]+")  # (comma: stripped)


def _followed(text: str, start: int, end: int, due: Found, actor: str | None) -> Iterator[Item]:
    """A day's business of several items ("Thursday 1 February—General debate on miners,
    followed by debate on a motion on Iran"): an item each, on the same day."""
    whole = Item(start, end, due, actor)
    if "followed" not in text[due.end : end]:
        yield whole
        return
    pieces = [p.strip(" ,.;") for p in _FOLLOWED_BY.split(item_action(text, whole))]
    if len(pieces) == 1:
        yield whole
        return
    for piece in pieces:
        if piece:
            yield Item(start, end, due, actor, action=piece)


_CLAUSE = re.compile(
    r"\b(?:will|shall|would|should|must|may|can|is|are|was|were|has|have|had|I|we|you)\b"
    r"|[:?]\s*$"
)
"""A sentence of running text, or a line that introduces more, not a further item of business."""


def _more_business(body: str, day_item: Item, start: int, end: int) -> Item | None:
    """A line under a day's item that names more business for the day, as the day's line
    names it: no date of its own and no clause ("Motions relating to Safety of Sports Grounds
    Orders.", under "MONDAY 25TH OCTOBER—Second Reading of …")."""
    main = body.split(", which", 1)[0]  # ("… Bill [Lords], which is a consolidation measure.")
    if not _says_what(body) or _CLAUSE.search(main) or not body[:1].isupper() or find(body):
        return None
    action = _ITEM_NOISE.sub("", body)
    return attrs.evolve(day_item, start=start, end=end, action=" ".join(action.split()))


_NEXT_MEETING = re.compile(
    r"(?:\d{1,2}[.)][ \t]*)?(?:(?:date|day)[ \t]+(?:and[ \t]+time[ \t]+)?of[ \t]+)?(?:the[ \t]+)?"
    r"next[ \t]+meeting\b[ \t:.—–-]*",
    re.IGNORECASE,
)
"""Minutes' "Next meeting" field (or heading), with its date after it or on the next line."""


def _meeting(
    body: str, pos: int, at: int, published: dt.date, vague: VagueTable | None
) -> Item | None:
    """The body's next meeting, if ``body[pos:]`` starts with its (future) date."""
    rest = body[pos:]
    found = next((f for f in find(rest, vague=vague) if not f.past), None)
    if found is None or found.start > 3:
        return None
    window = found.resolve(published)
    if window is None or window.latest < published:
        return None
    return Item(at, at + len(body), found.shifted(at + pos), None, action="hold its next meeting")


_SENTENCE_END = re.compile(r"(?<=[a-z)])[.;](?:\s|$)")
_ITEM_NOISE = re.compile(
    r"^[\s,;:—–-]*(?:\(?(?:\d{1,2}|[a-z])[.)][ \t]+)?|\([^()]*\)|[\s,;:.—–-]+$"
)


def item_action(text: str, item: Item) -> str:
    """What an item says will happen: its words besides the date, to the end of its first
    sentence ("Committee of the whole House and remaining stages of the … Bill")."""
    if item.action is not None:
        return item.action
    if item.due.start > item.start:  # a listed item: its words come before the date
        words = text[item.start : item.due.start]
    else:
        words = text[item.due.end : item.end]
    end = _SENTENCE_END.search(words)
    words = words[: end.start()] if end else words
    return " ".join(_ITEM_NOISE.sub("", words).split()) or " ".join(words.split())


def scheduled(
    text: str, start: int, end: int, published: dt.date, vague: VagueTable | None, voices: Voices
) -> Iterator[tuple[Item, Pending, str]]:
    """Each item of the region with its cue, due date and party (its actor, else the
    document's voice; an item whose party names nobody is left out), and its action."""
    for item in items(text, start, end, published, vague):
        speaker = item.actor if item.actor and is_party(item.actor) else None
        speaker = speaker or voices.at(item.start)  # ("Remaining stages …": no actor, the voice's)
        if speaker is None or not is_party(speaker):
            continue
        kind = Kind.DEADLINE if item.due_by else Kind.PROMISE
        pending = Pending(Cue(item.due.end, item.due.end, kind), speaker)
        pending.due = item.due
        yield item, pending, item_action(text, item)


def action_item(
    text: str, start: int, end: int, owner: str | None, day: dt.date, vague: VagueTable | None
) -> tuple[Pending, str]:
    """An action item's cue and due date (the most specific of its time expressions), and its
    owner ("Treasurer (George Hall)" is George Hall)."""
    expressions = [f for f in find(text[start:end], vague=vague) if not f.past]
    pending = Pending(Cue(start, start, Kind.PROMISE), owner)
    if expressions:
        pending.due = max(expressions, key=lambda f: specificity(f, day)).shifted(start)
    inner = OWNER_IN_BRACKETS.fullmatch(owner or "")
    return pending, inner.group(1).strip() if inner else owner or ""
