"""The inputs of issue 16 that broke the readers, generated (small to store, exact to rebuild).

Each function returns the bytes of one file; ``size`` scales it. The tests read them, and
``fuzz/make_corpus.py`` puts small ones in the fuzzing corpus.
"""

from __future__ import annotations

HEADERS = b"From: Ana Lima <ana@example.org>\r\nDate: Mon, 1 Sep 2025 16:02:00 +0100\r\n"


def deep_multipart(depth: int = 1000) -> bytes:
    """An e-mail whose multipart tree is ``depth`` parts deep (RecursionError in the stdlib)."""
    out = [HEADERS]
    for level in range(depth):
        out.append(f'Content-Type: multipart/mixed; boundary="b{level}"\r\n\r\n--b{level}\r\n'.encode())
    out.append(b"Content-Type: text/plain\r\n\r\nWe will send it by Friday.\r\n")
    for level in reversed(range(depth)):
        out.append(f"--b{level}--\r\n".encode())
    return b"".join(out)


def deep_rfc822(depth: int = 2000) -> bytes:
    """An e-mail holding a message/rfc822 part ``depth`` times inside itself."""
    nested = b"Content-Type: message/rfc822\r\n\r\n" * depth
    return HEADERS + nested + b"Content-Type: text/plain\r\n\r\nWe will send it by Friday.\r\n"


def nested_blockquotes(depth: int = 20_000) -> str:
    """HTML whose every one of ``depth`` nested blockquotes holds a line of text."""
    return "<blockquote>We will act.\n" * depth + "</blockquote>" * depth


def html_mail(markup: str) -> bytes:
    return HEADERS + b"Content-Type: text/html; charset=utf-8\r\n\r\n" + markup.encode("utf-8")


def deep_json(depth: int = 100_000) -> bytes:
    """A JSON line of ``depth`` nested arrays (RecursionError in the json module)."""
    return b"[" * depth + b"]" * depth + b"\n"


def long_integer_id(digits: int = 5000) -> bytes:
    """A JSON line whose id is an integer of ``digits`` digits (ValueError in the json module)."""
    return b'{"id": ' + b"7" * digits + b', "text": "We will act by Friday."}\n'


def lone_surrogates() -> bytes:
    """A JSON line whose text and id hold a lone UTF-16 surrogate (no output can encode it)."""
    return (
        b'{"id": "a\\ud800", "published": "2025-09-03",'
        b' "text": "Ana said she will resign by Friday \\udfff."}\n'
    )


def heading_shape(spaces: int = 250) -> bytes:
    """``# a`` + a run of spaces + ``b``: 313 bytes that took 78 s (n^4-like)."""
    return b"# a" + b" " * spaces + b"b\n"


def address_run(size: int = 128 * 1024) -> bytes:
    """An e-mail forwarding a message whose ``From:`` is ``a@a@a@…`` (the address pattern was
    quadratic: 128 KB took 86 s)."""
    forwarded = b"From: " + b"a@" * (size // 2) + b"\r\nSent: Monday\r\n\r\nWe will act.\r\n"
    return HEADERS + b"\r\n-----Original Message-----\r\n" + forwarded


def voice_spaces(spaces: int = 200_000) -> bytes:
    """A WebVTT cue whose voice tag has a long run of spaces and no end."""
    return (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana" + b" " * spaces + b"x\n"
    )


def header_line_spaces(spaces: int = 80_000) -> bytes:
    """A forwarded-header line (``From: a`` + spaces + ``b``) in a message body."""
    return HEADERS + b"\r\nFrom: a" + b" " * spaces + b"b\r\nSent: today\r\n\r\nWe will act.\r\n"


def front_matter_spaces(spaces: int = 80_000) -> bytes:
    """Front matter whose value has a long run of spaces inside."""
    return b"---\ntitle: a" + b" " * spaces + b"b\n---\nWe will act by Friday.\n"


def iso_date_spaces(spaces: int = 80_000) -> bytes:
    """A published date followed by a long run of spaces and a letter."""
    return b"---\npublished: 2025-09-03" + b" " * spaces + b"x\n---\nWe will act.\n"


def original_message_spaces(spaces: int = 80_000) -> bytes:
    """An ``-----Original Message`` line that ends in a long run of blanks and a letter."""
    return HEADERS + b"\r\n-----Original Message" + b" " * spaces + b"b\r\nWe will act.\r\n"


def chat_spaces(spaces: int = 80_000) -> bytes:
    """A chat line whose name is followed by a long run of blanks and no colon after them."""
    return b"Ana: hi\nBo: yes\nAna" + b" " * spaces + b"x: b\n"


def unclosed_tags(size: int = 80_000, unit: str = "<a ") -> bytes:
    """An HTML e-mail of tags that never close (the stdlib parser rescanned from each ``<``:
    80 KB took 56 s)."""
    return html_mail(unit * (size // len(unit)))


def feed_of_comments(size: int = 80_000) -> bytes:
    """A feed entry of ``<!--`` that never close (feedparser's HTML pass was quadratic)."""
    body = "<!--" * (size // 4)
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
        f"<pubDate>Mon, 01 Sep 2025 10:00:00 +0000</pubDate><description><![CDATA[{body}]]>"
        "</description></item></channel></rss>"
    ).encode()
