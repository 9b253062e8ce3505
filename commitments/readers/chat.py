"""Chats and transcripts: ``Name: text`` lines, with or without timestamps.

Recognised line shapes (the timestamp is optional and may carry a date)::

    Sam: I'll push the fix tonight.
    [10:02] Sam: …          [2025-09-03 10:02:11] Sam: …      (10:02) Sam: …
    10:02 Sam: …            10:02 AM - Sam: …                  03/09/2025, 10:02 - Sam: …
    Sam [10:02]: …          Sam (10:02 AM): …                  >> SAM: …

A speaker name is one to four words, each capitalised (``Jo Park``, ``Ana de Souza``, ``TRUMP``)
or a single lower-case handle (``omar``, ``@omar``, ``j.doe``); labels such as ``Note``,
``Update`` or ``Subject`` are not speakers. Lines without a name continue the previous speaker.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from commitments.readers.actions import match_action_line
from commitments.readers.speaker_names import is_speaker_name

__all__ = ["ChatLine", "is_speaker_name", "looks_like_chat", "match_chat_line"]

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:\s?[AaPp]\.?[Mm]\.?)?"
_DAY = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4})"
_STAMP = rf"(?:{_DAY}(?:,?\s+|T))?{_TIME}|{_DAY}"
_LINE = re.compile(
    rf"""
    (?P<indent>[ \t]*+)                   # possessive: nothing after it starts with a blank
    (?P<marker>>>\s*|[-–—]\s+)?                                   # ">> NAME:", "- NAME:" (captions)
    (?:
        \[(?P<stamp1>{_STAMP})\]\s*(?:[-–—]\s*)?                     # [10:02] / [2025-09-03 10:02]
      | \((?P<stamp2>{_STAMP})\)\s*(?:[-–—]\s*)?                     # (10:02)
      | (?P<stamp3>{_STAMP})\s*(?:[-–—]\s*|\s)                       # 10:02 / 03/09/2025, 10:02 -
    )?
    (?P<name>@?[^\s:\[\]()<>"“”][^:\[\]()<>"“”\n]{{0,60}}?)
    (?:\s*+(?:\[(?P<stamp4>{_STAMP})\]|\((?P<stamp5>{_STAMP})\)))?   # Sam [10:02]:
    [ \t]*+:(?:[ \t]+|$)          # possessive blanks: a run of them is not shared (quadratic)
    """,
    re.VERBOSE,
)


@attrs.frozen(kw_only=True)
class ChatLine:
    """One ``Name: text`` line, its parts as offsets into the line."""

    speaker: str
    """The name as written, without ``@``."""
    text_start: int
    """Offset in the line where the said text starts (after ``Name:`` and spaces)."""
    published: dt.date | None = None
    """The date of an ISO timestamp (``[2025-09-03 10:02]``), else ``None``."""


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def match_chat_line(line: str, *, captions: bool = False) -> ChatLine | None:
    """The speaker and text of a ``Name: text`` line, or ``None`` if it is not one.

    With ``captions``, a ``- Name:`` or ``>> Name:`` speaker-change marker may come first (as in
    subtitle cues); elsewhere a ``- Name: …`` line is a list item, not a chat line.
    """
    if ":" not in line:
        return None  # (the pattern needs the colon after the name: a cheap test first)
    match = _LINE.match(line)
    if match is None or match["indent"] or (match["marker"] and not captions):
        return None
    name = match["name"].strip()
    if not is_speaker_name(name):
        return None
    published = None
    stamp = next(
        (s for s in match.group("stamp1", "stamp2", "stamp3", "stamp4", "stamp5") if s), None
    )
    if stamp:
        day = _ISO_DAY.match(stamp)
        if day:
            try:
                published = dt.date(int(day[1]), int(day[2]), int(day[3]))
            except ValueError:
                published = None
    return ChatLine(speaker=name.lstrip("@"), text_start=match.end(), published=published)


def _is_heading(line: str) -> bool:
    return line.lstrip().startswith("#")


def looks_like_chat(text: str) -> bool:
    """Whether ``text`` is a chat or transcript rather than prose.

    At least two ``Name: text`` lines, and they make up at least half of the other non-blank lines
    or start at least four in five of the paragraphs (headings and action items left out of both
    counts). A news story with one ``WASHINGTON:`` dateline or a ``Note:`` paragraph stays prose.
    """

    def neutral(line: str) -> bool:
        return not line.strip() or _is_heading(line) or match_action_line(line) is not None

    lines = [ln for ln in text.splitlines() if not neutral(ln)]
    chat = [ln for ln in lines if match_chat_line(ln) is not None]
    if len(chat) < 2:
        return False
    if len(chat) * 2 >= len(lines):
        return True
    paragraphs = [
        [ln for ln in p.splitlines() if not neutral(ln)] for p in re.split(r"\n[ \t]*\n", text)
    ]
    paragraphs = [p for p in paragraphs if p]
    starting = sum(1 for p in paragraphs if match_chat_line(p[0]) is not None)
    return len(paragraphs) >= 2 and starting * 5 >= len(paragraphs) * 4
