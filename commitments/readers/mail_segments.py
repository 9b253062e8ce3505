"""An e-mail body split into what each party wrote, for :mod:`commitments.readers.mail`: the
sender's own text, ``>`` quotes after an attribution line ("On …, Hannah Cole <…> wrote:"),
Outlook-style and forwarded header blocks, with signatures and sign-offs left out.

Also the reading of the names and loose dates those lines carry (a display name or address, a
date never guessed at in d/m order).
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from commitments.readers.chat import is_speaker_name
from commitments.timex.calendar import MONTHS

__all__: list[str] = []

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_FORMS = [
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"),
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})"),
]
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
# Matched against a line with its whitespace collapsed (one space at most between words), so one
# optional space stands for a run: on a run of spaces `\s*` would be tried from every place.
_WROTE = re.compile(r"(?:On\s(?P<on>.+?)|(?P<who>[^\n]{1,120}?))\s?wrote\s?:\s?\Z", re.DOTALL)
# Matched on the stripped line: blanks before and after the closing dashes shared every run.
_ORIGINAL = re.compile(
    r"(?:-{2,}\s*(?:Original Message|Forwarded message)\s*-*|Begin forwarded message:)\Z",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(
    r"\s*\*?(?P<key>From|Sent|Date|To|Cc|Subject|Reply-To)\*?\s*:\s*\*?\s*(?P<value>.*)\Z",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"(?:many\s+|thanks\s+again|thank\s+you(?:\s+(?:all|so\s+much))?|thanks(?:\s+(?:all|a\s+lot|so\s+much|everyone))?|"
    r"thx|ta|cheers|best(?:\s+wishes|\s+regards)?|kind\s+regards|warm(?:est)?\s+regards|regards|"
    r"all\s+the\s+best|sincerely|yours(?:\s+(?:sincerely|truly))?|talk\s+soon|speak\s+soon|br|kr|"
    r"rgds|take\s+care|love)[,.!]*",
    re.IGNORECASE,
)
_DEVICE = re.compile(r"\s*(?:Sent from my |Get Outlook for |Sent from Mail for )", re.IGNORECASE)


@attrs.define
class _Segment:
    speaker: str | None
    published: dt.date | None
    lines: list[tuple[int | None, str]] = attrs.field(factory=list)


def _parse_loose_date(text: str) -> dt.date | None:
    """A date from an attribution or ``Sent:`` line, or ``None`` (never a guess at d/m order)."""
    import email.utils

    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):  # "Sent: … 99999999999999999999"
        pass
    for form in _DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mon"]) if parts.get("mon") else MONTHS.get(parts["month"].lower())
        if month is None:
            continue
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            continue
    return None


_NOT_IN = {">": re.compile(r"[\s<>]"), ")": re.compile(r"[\s()]")}


def _trailing_address(text: str) -> tuple[int, str] | None:
    """The address that ends ``text`` (``<h@x>``, ``(h@x)`` or a bare ``h@x``) and where the
    blanks before it start; ``None`` if ``text`` does not end with one.

    Found from the end, not by a search for an end-anchored pattern: that tries every place in
    the text, and each try may run to the end (quadratic on "a@a@a@…").
    """
    body = text.rstrip()
    close = body[-1:]
    if close in _NOT_IN:
        start = body.rfind("<" if close == ">" else "(")
        inner = body[start + 1 : -1]
        if start < 0 or _NOT_IN[close].search(inner):
            return None
    else:  # the last run of characters that are neither blanks nor brackets
        start = len(body)
        while start > 0 and not (body[start - 1].isspace() or body[start - 1] in "<>()"):
            start -= 1
        inner = body[start:]
    if "@" not in inner[1:-1]:
        return None
    return len(body[:start].rstrip()), inner


def _name_and_address(value: str) -> str | None:
    """The display name of ``Hannah Cole <h@x>``, else its address; ``None`` if empty."""
    value = value.strip()
    address = _trailing_address(value)
    name = value[: address[0]] if address else value
    name = name.strip().strip("\"'").strip()
    if name:
        return " ".join(name.split())
    if address:
        return address[1]
    return None


def _attribution(text: str) -> tuple[str | None, dt.date | None] | None:
    """Who wrote a quote and when, from an "On … wrote:" line; ``None`` if it is not one."""
    match = _WROTE.match(" ".join(text.split()))
    if match is None:
        return None
    if match["who"] is not None:
        who = _name_and_address(match["who"])
        if who and ("@" in who or is_speaker_name(who) or who.count(",") == 1):
            return who, None
        return None
    body = match["on"]
    address = _trailing_address(body)
    who_address = None
    if address:
        who_address = address[1]
        body = body[: address[0]].rstrip()
    quoted = re.search(r',?\s*"(?P<name>[^"]{1,80})"\Z', body)
    if quoted:  # On 2025-09-01 16:02, "Reed, Tom" <tom@example.org> wrote:
        return quoted["name"].strip(), _parse_loose_date(body[: quoted.start()])
    name = None
    head, sep, tail = body.rpartition(",")
    candidate = tail.strip().strip("\"'")
    if sep and candidate and not re.search(r"\d", candidate) and is_speaker_name(candidate):
        name, date_part = candidate, head
    else:
        times = list(_TIME.finditer(body))
        if times:
            candidate = body[times[-1].end() :].strip().strip(",\"'").strip()
            if candidate and is_speaker_name(candidate):
                name, date_part = candidate, body[: times[-1].end()]
            else:
                date_part = body
        else:
            date_part = body
    return (name or who_address, _parse_loose_date(date_part))


def _unquote(text: str) -> str:
    return re.sub(r"\A>[ ]?", "", text)


def _header_block(
    lines: list[tuple[int | None, str]], i: int
) -> tuple[str | None, dt.date | None, int] | None:
    """An Outlook-style or forwarded header block at line ``i``: (from, date, lines used)."""
    j = i
    if _ORIGINAL.match(lines[i][1].strip()):
        j += 1
        while j < len(lines) and not lines[j][1].strip():
            j += 1
    headers: dict[str, str] = {}
    k = j
    while k < len(lines):
        match = _HEADER_LINE.match(lines[k][1])
        if match is None:
            break
        headers.setdefault(match["key"].lower(), match["value"].rstrip())
        k += 1
    if "from" not in headers or not ({"sent", "date", "subject"} & headers.keys()):
        if j > i:  # a separator line alone: the rest is someone else's, we do not know whose
            return None, None, j - i
        return None
    when = headers.get("sent") or headers.get("date")
    return _name_and_address(headers["from"]), _parse_loose_date(when) if when else None, k - i


def _signature_like(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 6 and not re.search(r"[.?!]\Z", text)) or "@" in text


def _name_tokens(speaker: str | None) -> set[str]:
    if not speaker:
        return set()
    local = speaker.split("@")[0]
    return {w.casefold() for w in re.split(r"[\s.,_\-]+", local) if w}


def _is_own_name(text: str, speaker: str | None) -> bool:
    """``Hannah``, ``Hannah Cole``, ``– H.``: the sender signing off."""
    words = [w.strip(".,") for w in re.sub(r"\A[-–—~]+\s*", "", text).split()]
    tokens = _name_tokens(speaker)
    if not words or len(words) > 4 or not tokens:
        return False
    initials = {t[0] for t in tokens}
    return all(w.casefold() in tokens or (len(w) == 1 and w.casefold() in initials) for w in words)


def _trim_sign_off(seg: _Segment) -> None:
    lines = seg.lines
    while lines and not lines[-1][1].strip():
        lines.pop()
    # "Thanks,\nHannah Cole\nHead of Audit": a closing line within the last few lines
    k = len(lines)
    while k > 0 and len(lines) - k < 6 and lines[k - 1][1].strip():
        k -= 1
        text = lines[k][1].strip()
        closing = _CLOSING.match(text)
        if closing and (
            closing.end() == len(text)
            or _is_own_name(text[closing.end() :].strip(" ,-–—"), seg.speaker)
        ):
            del lines[k:]
            break
        if not (_signature_like(text) or _is_own_name(text, seg.speaker)):
            break
    while lines and not lines[-1][1].strip():
        lines.pop()
    # a last paragraph that is only the sender's name
    last = len(lines)
    while last > 0 and lines[last - 1][1].strip():
        last -= 1
    tail = [t for _, t in lines[last:]]
    if last > 0 and 0 < len(tail) <= 2 and _is_own_name(tail[0].strip(), seg.speaker):
        del lines[last:]
        while lines and not lines[-1][1].strip():
            lines.pop()


_MAX_DEPTH = 30
"""Quotes nested deeper than this are read as text of the deepest segment (no runaway recursion)."""


def _segments(
    lines: list[tuple[int | None, str]],
    speaker: str | None,
    published: dt.date | None,
    depth: int = 0,
) -> list[_Segment]:
    """The body split into what the sender wrote and what each quoted party wrote."""
    if depth >= _MAX_DEPTH:
        lines = [(number, re.sub(r"\A[> ]*", "", text)) for number, text in lines]
    out = [_Segment(speaker, published)]
    pending: tuple[str | None, dt.date | None] | None = None
    in_signature = False
    i = 0
    while i < len(lines):
        number, text = lines[i]
        if text.startswith(">"):
            j = i
            block = []
            while j < len(lines) and lines[j][1].startswith(">"):
                block.append((lines[j][0], _unquote(lines[j][1])))
                j += 1
            who, when = pending or (None, None)
            out.extend(_segments(block, who, when, depth + 1))
            out.append(_Segment(speaker, published))
            pending, in_signature, i = None, False, j
            continue
        if text.lstrip().startswith("On ") or text.rstrip().endswith("wrote:"):
            for span in (1, 2, 3):
                joined = " ".join(t for _, t in lines[i : i + span])
                found = _attribution(joined) if joined.rstrip().endswith(":") else None
                if found is not None:
                    break
            if found is not None:
                after = i + span
                while after < len(lines) and not lines[after][1].strip():
                    after += 1
                if after < len(lines) and lines[after][1].startswith(">"):
                    pending, i = found, after
                    continue
        header = _header_block(lines, i)
        if header is not None:  # everything below is the quoted sender's
            speaker, published, used = header
            out.append(_Segment(speaker, published))
            pending, in_signature, i = None, False, i + used
            continue
        if text in ("-- ", "--") or _DEVICE.match(text):
            in_signature = True
        elif not in_signature:
            out[-1].lines.append((number, text))
        i += 1
    for seg in out:
        _trim_sign_off(seg)
        while seg.lines and not seg.lines[0][1].strip():
            seg.lines.pop(0)
    return [seg for seg in out if seg.lines]
