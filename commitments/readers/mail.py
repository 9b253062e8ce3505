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

How a body is split into those segments is :mod:`commitments.readers.mail_segments`; this
module parses the message and builds the document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from commitments.errors import CommitmentsError, FormatError
from commitments.readers.base import MAX_DOCUMENT, ReadFailure, too_big
from commitments.readers.mail_segments import _name_and_address, _segments
from commitments.records import Document, Turn

__all__ = ["read_email", "read_mbox"]

MAX_HEADERS = 64 * 1024
"""The most bytes of headers a message may have (real ones have a few KiB): the standard library's
header parser slows down more than linearly on one huge header."""


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
