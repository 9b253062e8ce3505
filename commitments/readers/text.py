"""Plain text and Markdown (with optional YAML front matter), chats, and action-item lists.

One reader for the four text formats, since they mix: meeting notes in Markdown carry an
"Action items" list, a chat log carries a ``TODO(ana): …`` line. ``form`` says what the body is:

- ``text`` / ``markdown``: prose; explicit action items become turns, and so do loose ones
  inside an "Action items" section;
- ``chat``: every ``Name: text`` line starts a turn of that speaker; lines without a name
  continue it;
- ``actions``: every line that names an owner and a task is an action item;
- ``None``: decided from the body (chat if :func:`looks_like_chat`, actions if every line is an
  action item, else prose).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from commitments.readers.actions import ActionLine, is_action_heading, match_action_line
from commitments.readers.base import LineIndex
from commitments.readers.chat import looks_like_chat, match_chat_line
from commitments.readers.frontmatter import FrontMatter, split_front_matter
from commitments.records import Document, Turn

__all__ = ["body_form", "read_plain", "scan_turns"]

_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•◦▪‣]|\d{1,3}[.)])[ \t]+\S")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line's start offset and its content without the line break."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        yield pos, raw.rstrip("\r\n")
        pos += len(raw)


_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|\Z)")


def _is_markdown_heading(line: str) -> bool:
    return "#" in line and _HEADING.match(line) is not None


def _all_actions(body: str) -> bool:
    """Every non-blank line (headings aside) is an action item, and there is at least one."""
    found = 0
    for _, line in _lines(body):
        if not line.strip() or _is_markdown_heading(line) or is_action_heading(line):
            continue
        item = match_action_line(line, loose=True)
        if item is None or (
            not item.explicit and _LIST_ITEM.match(line) is None and " to " not in line
        ):
            return False
        found += 1
    return found > 0


_AGENCY_FIELD = re.compile(r"^[ \t]*AGENCY:", re.MULTILINE)
_ACTION_FIELD = re.compile(r"[ \t]*ACTION:")
"""A US Federal Register notice's header fields ("AGENCY: Federal Aviation Administration",
"ACTION: Notice of proposed rulemaking"): the ACTION field names the kind of notice."""


def body_form(body: str) -> str:
    """What a text body is: ``chat``, ``actions`` or ``text``."""
    if looks_like_chat(body):
        return "chat"
    if _all_actions(body):
        return "actions"
    return "text"


def scan_turns(
    body: str,
    *,
    form: str,
    line_of: LineIndex | None = None,
    base: int = 0,
    line: int | None = None,
) -> tuple[Turn, ...]:
    """The turns of ``body`` read as ``form`` (``text``, ``chat`` or ``actions``).

    Once a body has a speaker at all, its turns cover all of its text but the speaker labels and
    item markers: stretches nobody in particular says (a title, a prose summary above the action
    items) are turns with no speaker. A body without speakers has no turns.
    ``line_of`` maps ``base + offset`` to a line of the source file; ``line`` instead gives every
    turn the same line (a JSON Lines record).
    """
    chat = form == "chat"
    everywhere = form == "actions"
    headed = "AGENCY:" in body and _AGENCY_FIELD.search(body) is not None
    turns: list[Turn] = []
    current: Turn | None = None  # the chat or narration turn still growing
    in_section = False

    def where(offset: int) -> int | None:
        if line is not None:
            return line
        return line_of.line(base + offset) if line_of is not None else None

    def close() -> None:
        nonlocal current
        if current is not None and current.end > current.start:
            turns.append(current)
        current = None

    def narrate(start: int, text: str) -> None:
        nonlocal current
        end = start + len(text.rstrip())
        if current is None:
            indent = len(text) - len(text.lstrip())
            current = Turn(speaker=None, start=start + indent, end=end, line=where(start))
        else:  # the turn grows by a line (built directly: attrs.evolve is slow per line)
            current = Turn(
                speaker=current.speaker,
                start=current.start,
                end=end,
                published=current.published,
                line=current.line,
                action=current.action,
                done=current.done,
            )

    for start, text in _lines(body):
        if not text.strip():
            continue
        heading = _is_markdown_heading(text) or (
            is_action_heading(text) and (not chat or match_chat_line(text) is None)
        )
        if heading:
            close()
            in_section = is_action_heading(text)
            narrate(start, text)
            continue
        item: ActionLine | None = match_action_line(text, loose=everywhere or in_section)
        if item is not None and not (item.explicit or everywhere or in_section):
            item = None
        if item is not None and headed and _ACTION_FIELD.match(text):
            item = None  # "ACTION: Final rule." under "AGENCY: …": the notice's kind, no task
        if in_section and item is None and _LIST_ITEM.match(text) is None:
            in_section = False  # a paragraph after the list ends the section
        if item is not None:
            close()
            turns.append(
                Turn(
                    speaker=item.owner,
                    start=start + item.start,
                    end=start + item.end,
                    line=where(start),
                    action=True,
                    done=item.done,
                )
            )
            continue
        said = match_chat_line(text) if chat else None
        if said is not None:
            close()
            current = Turn(
                speaker=said.speaker,
                start=start + said.text_start,
                end=start + len(text.rstrip()),
                published=said.published,
                line=where(start),
            )
        else:
            narrate(start, text)
    close()
    if all(turn.speaker is None for turn in turns):
        return ()
    return tuple(turns)


def read_plain(
    text: str,
    *,
    name: str = "-",
    form: str | None = None,
    front_matter: bool = True,
    line: int | None = None,
) -> Document:
    """A document from text or Markdown, with its front matter, chat turns and action items.

    ``form`` is ``text``, ``markdown``, ``chat``, ``actions``, or ``None`` to decide from the body.
    """
    meta = split_front_matter(text, name) if front_matter else FrontMatter()
    body = text[meta.body_offset :]
    if form in (None, "auto"):
        form = body_form(body)
    elif form == "markdown":
        form = "text"
    turns = scan_turns(
        body,
        form=form,
        line_of=LineIndex(text) if line is None else None,
        base=meta.body_offset,
        line=line,
    )
    return Document(
        text=body,
        name=name,
        # A chat whose timestamps carry dates was published on its first dated line.
        published=meta.published or next((t.published for t in turns if t.published), None),
        title=meta.title,
        url=meta.url,
        tz=meta.tz,
        turns=turns,
        offset=meta.body_offset,
    )
