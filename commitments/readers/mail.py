"""E-mail (one ``.eml`` message, or an mbox archive) with the standard library's ``email``.

The ``From`` display name (else the address) is the speaker of the message's own text, the
``Date`` header its publication date (``sent_at`` keeps the full time). Quoted replies are told
apart and attributed to whoever wrote them:

- ``>`` blocks, after an attribution line ("On Mon, 1 Sep 2025 at 16:02, Hannah Cole <…> wrote:")
  become a turn of Hannah Cole, published on that date; without an attribution line, a turn with
  no speaker. Nested quotes nest. Text after a quote (an inline answer) is the sender's again.
- An Outlook-style header block ("-----Original Message-----", or ``From:`` followed by ``Sent:``
  or ``Date:``) and a forwarded message: everything below belongs to its ``From``.

Signatures are left out of the text: from a ``-- `` line, "Sent from my …", and a trailing
sign-off ("Thanks,\\nHannah", or a last paragraph that is just the sender's name). The text is
the segments joined by blank lines, ``>`` markers removed; every segment is one turn.
A message must have ``From`` and ``Date`` headers (RFC 5322 requires both); without them it is
a :class:`~commitments.errors.FormatError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import attrs

from commitments.errors import CommitmentsError, FormatError
from commitments.readers.base import MAX_DOCUMENT, ReadFailure, too_big
from commitments.readers.chat import is_speaker_name
from commitments.records import Document, Turn
from commitments.timex.calendar import MONTHS

__all__ = ["read_email", "read_mbox"]

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
MAX_HEADERS = 64 * 1024
"""The most bytes of headers a message may have (real ones have a few KiB): the standard library's
header parser slows down more than linearly on one huge header."""
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


def _body_text(message: object, name: str) -> tuple[str, bool]:
    """The message's readable body and whether it maps line for line onto the file."""
    from email.message import EmailMessage

    from commitments.readers.htmltext import html_to_text

    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "", False
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or lying charset
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return "", False
    if len(content) > MAX_DOCUMENT:
        raise FormatError(too_big(MAX_DOCUMENT, "message body"), source=name)
    if part.get_content_subtype() == "html":
        return html_to_text(content, source=name), False
    plain = not message.is_multipart() and part.get(
        "Content-Transfer-Encoding", "7bit"
    ).lower() in ("7bit", "8bit", "binary")
    return content, plain


_T = TypeVar("_T")


def _parsed(call: Callable[[], _T], what: str, name: str, line: int) -> _T:
    """``call()``, which runs the standard library's e-mail parser on untrusted bytes: any error
    it raises (it raises AttributeError on some malformed address groups, IndexError, …) means
    the message is malformed, and says so."""
    try:
        return call()
    except CommitmentsError:
        raise
    except RecursionError:
        raise FormatError(
            f"has a {what} that nests too deeply to be read", source=name, line=line
        ) from None
    except Exception as exc:  # noqa: BLE001 - see the docstring
        raise FormatError(
            f"has a malformed {what} ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})",
            source=name,
            line=line,
        ) from None


def read_email(data: bytes, *, name: str = "-", first_line: int = 1) -> Document:
    """A document from one e-mail message (RFC 5322 bytes)."""
    from email import policy
    from email.parser import BytesParser

    blank = re.search(rb"\r?\n\r?\n", data[: MAX_HEADERS + 4])
    if (blank.start() if blank else len(data)) > MAX_HEADERS:
        raise FormatError(
            f"has more than {MAX_HEADERS // 1024} KiB of headers (no blank line ends them):"
            " is it an e-mail message?",
            source=name,
            line=first_line,
        )
    message = _parsed(
        lambda: BytesParser(policy=policy.default).parsebytes(data),
        "MIME structure",
        name,
        first_line,
    )
    if not message.keys():
        raise FormatError(
            "is not an e-mail message: it has no headers", source=name, line=first_line
        )
    sender_header = _parsed(lambda: message["From"], "From header", name, first_line)
    date_header = _parsed(lambda: message["Date"], "Date header", name, first_line)
    sender = _name_and_address(str(sender_header)) if sender_header else None
    if sender is None:
        raise FormatError(
            "has no From header: cannot tell who wrote it; add 'From: Name <address>'",
            source=name,
            line=None if first_line == 1 else first_line,
        )
    if date_header is None:
        raise FormatError(
            "has no Date header: cannot tell when it was sent; add e.g. "
            "'Date: Mon, 1 Sep 2025 16:02:00 +0100' to its headers",
            source=name,
            line=None if first_line == 1 else first_line,
        )
    sent_at = getattr(date_header, "datetime", None)
    if not isinstance(sent_at, dt.datetime):
        raise FormatError(
            f"Date header {str(date_header)!r} is not an RFC 5322 date "
            "(like 'Mon, 1 Sep 2025 16:02:00 +0100')",
            source=name,
            line=first_line,
        )
    if sent_at.tzinfo is None:  # "-0000": the zone is unknown; read the time as UTC
        sent_at = sent_at.replace(tzinfo=dt.UTC)

    body, mapped = _parsed(lambda: _body_text(message, name), "body", name, first_line)
    header_end = re.search(rb"\r?\n\r?\n", data)
    body_line = first_line + data.count(b"\n", 0, header_end.end()) if header_end else None
    numbered = [
        (body_line + i if mapped and body_line is not None else None, line.rstrip("\r"))
        for i, line in enumerate(body.split("\n"))
    ]
    parts: list[str] = []
    turns: list[Turn] = []
    pos = 0
    for seg in _segments(numbered, sender, None):
        text = "\n".join(t.rstrip() for _, t in seg.lines)
        if parts:
            parts.append("\n\n")
            pos += 2
        turns.append(
            Turn(
                speaker=seg.speaker,
                start=pos,
                end=pos + len(text),
                published=seg.published,
                line=seg.lines[0][0],
            )
        )
        parts.append(text)
        pos += len(text)
    subject = _parsed(lambda: message.get("Subject"), "Subject header", name, first_line)
    return Document(
        text="".join(parts) + ("\n" if parts else ""),
        name=name,
        published=sent_at.date(),
        title=str(subject) if subject else None,
        turns=tuple(turns),
        sent_at=sent_at,
    )


def read_mbox(lines: Iterable[bytes], *, name: str = "-") -> Iterator[Document | ReadFailure]:
    """Each message of an mbox archive, one at a time; a bad message is a :class:`ReadFailure`."""
    buffer: list[bytes] = []
    size = 0  # bytes in the buffer; past MAX_DOCUMENT the rest of the message is not kept
    start: int | None = None
    count = 0
    previous_blank = True

    def emit() -> Iterator[Document | ReadFailure]:
        if size > MAX_DOCUMENT:
            message = f"message {count} {too_big(MAX_DOCUMENT, 'message')}"
            yield ReadFailure(source=name, line=start, message=message)
            return
        try:
            yield read_email(b"".join(buffer), name=f"{name}#{count}", first_line=start or 1)
        except Exception as exc:  # noqa: BLE001 - one bad message must not stop the archive
            failure = ReadFailure.from_error(exc, source=name, line=start)
            yield ReadFailure(
                source=name,
                line=failure.line or start,
                message=f"message {count} {failure.message}",
                error=failure.error,
            )

    for number, raw in enumerate(lines, start=1):
        if raw.startswith(b"From ") and previous_blank:
            if start is not None:
                yield from emit()
            buffer, size, start, count = [], 0, number + 1, count + 1
        elif start is None:
            if raw.strip():
                raise FormatError(
                    "is not an mbox archive: its first line must start with 'From '",
                    source=name,
                    line=number,
                )
        else:
            size += len(raw)
            if size <= MAX_DOCUMENT:
                buffer.append(raw[1:] if re.match(rb">+From ", raw) else raw)
        previous_blank = not raw.strip()
    if start is not None:
        yield from emit()
