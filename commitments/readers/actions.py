"""Action items: a line that names an owner and a task, such as::

    Lena to circulate the minutes by Thursday
    - [ ] @omar update the risk register before 17 September
    Action: Bob — send deck — Fri
    TODO(ana): send the invoice by Friday

Explicit forms (``Action:``, ``TODO(owner)``, a bullet or checkbox that starts with ``@owner``) are
recognised anywhere. Looser forms (``Owner to task``, ``Owner: task``, ``Owner — task`` as list
items) only inside an "Action items" / "Next steps" / "To do" section, in a document read as
``actions``, or in a document whose every line is an action item. A ticked box (``- [x]``) is done:
its commitment was kept.
"""

from __future__ import annotations

import re

import attrs

from commitments.readers.speaker_names import is_speaker_name

__all__ = ["ActionLine", "is_action_heading", "match_action_line"]

_PREFIX = re.compile(
    r"(?P<indent>[ \t]*)(?:(?P<bullet>[-*+•◦▪‣]|\d{1,3}[.)])[ \t]+)?(?:\[(?P<box>[ xX✓✔])\][ \t]+)?"
)
_HANDLE = r"@[\w.\-]*\w"
# (A name's letters are taken possessively: nothing that may follow one starts with them.)
_PERSON = r"[A-Z][\w'’.\-]*+(?:[ \t]+(?:[A-Z][\w'’.\-]*+|de|van|von|da|del|di|la|le|al|bin)){0,3}"
_ONE = rf"(?:{_HANDLE}|{_PERSON}(?:[ \t]*\({_PERSON}\))?)"  # "Treasurer (George Hall)"
_OWNERS = rf"(?P<owner>{_ONE}(?:[ \t]*(?:,|&|\band\b)[ \t]*{_ONE}){{0,3}})"
_DASH = r"[ \t]+[—–-][ \t]+|[ \t]*[—–][ \t]*"

NOT_OWNERS = (
    r"(?!(?:According|Due|Prior|Pursuant|Subject|Thanks|Owing|Contrary|Next|Close|Up|Similar"
    r"|Compared|Equal|Related|Reply|Response|Welcome|Introduction|Addition|Changes?|Amendments?"
    r"|Letter|Return|Access|Travel|Visit|Trip|Road|Path|Way|Journey)\b)"
)
"""Capitalised words that start a phrase with "to" but never name an owner ("According to
officials, …", "Response to the consultation")."""

# After an explicit "Action:" or "TODO(x):" marker, or in an action section.
_OWNER_TO = re.compile(rf"{NOT_OWNERS}{_OWNERS}[ \t]+to[ \t]+(?=[a-z])")
_OWNER_COLON = re.compile(rf"{_OWNERS}[ \t]*:[ \t]+(?=\S)")
_OWNER_DASH = re.compile(rf"{_OWNERS}(?:{_DASH})(?=\S)")
_OWNER_SPACE = re.compile(rf"{_OWNERS}[ \t]+(?=[a-z])")  # "Action: Bob send the deck"
_AT_OWNER = re.compile(
    rf"(?P<owner>{_HANDLE})(?:[ \t]+to[ \t]+|[ \t]*:[ \t]*|{_DASH}|[ \t]+)(?=\S)"
)
# A match never starts just after a blank (it would start earlier), so a search is linear.
_TRAILING_AT = re.compile(
    rf"(?<![ \t])[ \t]*(?:[—–-][ \t]*)?\(?(?P<owner>{_HANDLE})\)?[ \t]*[.;]?[ \t]*\Z"
)

_ACTION_MARK = re.compile(
    r"(?:actions?(?:[ \t]+(?:items?|points?))?|AI|AP)[ \t]*"
    r"(?:\((?P<who>[^)]{1,40})\))?[ \t]*[:—–][ \t]*",
    re.IGNORECASE,
)
_TODO_MARK = re.compile(
    r"(?:TODO|To-?do)[ \t]*(?:\((?P<who>[^)]{1,40})\)[ \t]*:?|[:—–-])[ \t]*", re.IGNORECASE
)
_HEADING_WORDS = re.compile(
    r"\b(?:action[ \t]+(?:items?|points?)|actions?|next[ \t]+steps|to-?dos?|follow[- ]?ups?|"
    r"tasks|assignments|owners|AIs)\b",
    re.IGNORECASE,
)
_HEADING_MARK = re.compile(r"#{1,6}[ \t]+|\*\*|__")
_EMPHASIS = ("**", "__")


def _heading_title(line: str) -> str | None:
    """The title of a heading-shaped line ("## Action items", "**Next steps:**"): the line
    without its blanks, ``#`` marks, emphasis and colon; ``None`` unless 1–60 characters.

    Cut from both ends rather than matched by a pattern: one pattern with a lazy title and
    optional blanks, emphasis and colon after it tried every way of sharing a run of blanks
    between them (78 s on ``# a`` + 250 spaces + ``b``).
    """
    title = line.lstrip(" \t")
    mark = _HEADING_MARK.match(title)
    if mark:
        title = title[mark.end() :]
    title = title.rstrip(" \t")
    if title.endswith(_EMPHASIS):
        title = title[:-2].rstrip(" \t")
    if title.endswith(":"):
        title = title[:-1].rstrip(" \t")
    if title.endswith(_EMPHASIS):
        title = title[:-2].rstrip(" \t")
    return title if 1 <= len(title) <= 60 and "\n" not in title else None


@attrs.frozen(kw_only=True)
class ActionLine:
    """An action item found in one line: its owner and where its task text lies in the line."""

    owner: str
    """The committed party as written, without ``@`` ("Lena", "omar", "Lena and Tom")."""
    start: int
    """Offset in the line where the task text starts."""
    end: int
    """Offset just past the task text (trailing blanks excluded)."""
    done: bool = False
    """The item is ticked (``- [x]``)."""
    explicit: bool = True
    """Found by an explicit form (``Action:``, ``TODO(x)``, ``@owner``), not a loose one."""


def is_action_heading(line: str) -> bool:
    """Whether ``line`` heads a list of action items ("## Action items", "Next steps:")."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > 8:
        return False
    heading = (
        stripped.startswith("#") or stripped.endswith(":") or stripped.startswith(("**", "__"))
    )
    if not heading:
        return False
    title = _heading_title(line)
    return bool(title and _HEADING_WORDS.search(title) and ":" not in title)


def _owner_ok(owner: str) -> bool:
    owner = re.sub(r"[ \t]*\(([^)]*)\)", r" \1", owner)
    parts = re.split(r"[ \t]*(?:,|&|\band\b)[ \t]*", owner)
    return all(part and is_speaker_name(part) for part in parts)


def _clean(owner: str) -> str:
    return re.sub(r"@(?=[\w.\-])", "", " ".join(owner.split()))


def _after_marker(line: str, pos: int, who: str | None) -> tuple[str, int] | None:
    """Owner and task start after an explicit marker; ``None`` if no owner is named."""
    if who and _owner_ok(who.strip().lstrip("@")):
        return _clean(who.strip()), pos
    for pattern in (_AT_OWNER, _OWNER_TO, _OWNER_DASH, _OWNER_COLON, _OWNER_SPACE):
        match = pattern.match(line, pos)
        if match and _owner_ok(match["owner"]):
            return _clean(match["owner"]), match.end()
    return None


def _end(line: str, start: int) -> int:
    return start + len(line[start:].rstrip())


def match_action_line(line: str, *, loose: bool = False) -> ActionLine | None:
    """The action item in ``line``, or ``None``.

    With ``loose``, also ``Owner to task`` and (as list items) ``Owner: task`` and
    ``Owner — task``; without it, only the explicit forms and a bare ``Owner to task`` line.
    """
    prefix = _PREFIX.match(line)
    assert prefix is not None  # every part is optional
    if prefix["indent"] and not prefix["bullet"]:
        return None
    pos = prefix.end()
    listed = bool(prefix["bullet"] or prefix["box"])
    done = bool(prefix["box"] and prefix["box"] != " ")

    for marker in (_ACTION_MARK, _TODO_MARK):
        mark = marker.match(line, pos)
        if mark:
            found = _after_marker(line, mark.end(), mark["who"])
            if found is not None:
                owner, start = found
                if _end(line, start) > start:
                    return ActionLine(owner=owner, start=start, end=_end(line, start), done=done)
            return None

    if listed:
        at = _AT_OWNER.match(line, pos)
        if at:
            start = at.end()
            return ActionLine(
                owner=_clean(at["owner"]), start=start, end=_end(line, start), done=done
            )
        trailing = _TRAILING_AT.search(line[pos:])  # a slice: the look-behind starts afresh
        if trailing and trailing.start() > 0:
            return ActionLine(
                owner=_clean(trailing["owner"]), start=pos, end=pos + trailing.start(), done=done
            )

    patterns = [_OWNER_TO]
    if loose and (listed or prefix["box"]):
        patterns += [_OWNER_DASH, _OWNER_COLON]
    if prefix["box"]:
        patterns += [_OWNER_DASH, _OWNER_COLON]
    for pattern in patterns:
        match = pattern.match(line, pos)
        if match and _owner_ok(match["owner"]):
            start = match.end()
            if _end(line, start) > start:
                return ActionLine(
                    owner=_clean(match["owner"]),
                    start=start,
                    end=_end(line, start),
                    done=done,
                    explicit=False,
                )
    return None
