"""Format names, file extensions, and telling a format from a file's first bytes."""

from __future__ import annotations

import posixpath
import re

from commitments.errors import InputError

__all__ = ["EXTENSIONS", "FORMATS", "detect_format", "normalize_format", "sniff"]

FORMATS = ("text", "markdown", "chat", "actions", "vtt", "srt", "email", "mbox", "rss", "jsonl")
"""The names ``--input-format`` accepts (and a few aliases: feed, atom, eml, ndjson, webvtt …)."""

_ALIASES = {
    "txt": "text", "plain": "text", "md": "markdown", "transcript": "chat",
    "action-items": "actions",
    "webvtt": "vtt", "subrip": "srt", "eml": "email", "mail": "email", "e-mail": "email",
    "feed": "rss", "atom": "rss", "xml": "rss", "ndjson": "jsonl", "json-lines": "jsonl",
}  # fmt: skip

EXTENSIONS = {
    ".txt": None, ".text": None, ".md": None, ".markdown": None,
    ".vtt": "vtt", ".srt": "srt", ".eml": "email", ".mbox": "mbox",
    ".rss": "rss", ".atom": "rss", ".xml": "rss", ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip
"""The extensions a directory is searched for; ``None``: text, decided from the content."""

AUTO = "auto"
"""Text, Markdown, chat or action items: :func:`~commitments.readers.text.read_plain` decides."""

_SRT = re.compile(rb"\A\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->")
_HEADER = re.compile(rb"([A-Za-z][A-Za-z0-9\-]*):[ \t]")
_MAIL_HEADERS = {b"date", b"subject", b"to", b"message-id", b"received", b"mime-version",
                 b"return-path", b"cc", b"reply-to", b"in-reply-to", b"delivered-to"}  # fmt: skip


def normalize_format(name: str) -> str:
    """The canonical format name (``feed`` → ``rss``); :class:`InputError` if unknown."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in FORMATS:
        raise InputError(
            f"unknown input format {name!r}; use one of: {', '.join(FORMATS)}", source=None
        )
    return key


def _looks_like_mail(head: bytes) -> bool:
    """An RFC 5322 header block: ``Header: value`` lines (and folds) up to a blank line."""
    names: set[bytes] = set()
    for line in head.splitlines()[:60]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            if not names:
                return False
            continue
        match = _HEADER.match(line)
        if match is None:
            return False
        names.add(match[1].lower())
    return b"from" in names and bool(names & _MAIL_HEADERS)


def sniff(head: bytes) -> str:
    """The format that a file's first bytes show; :data:`AUTO` for anything textual."""
    start = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"WEBVTT"):
        return "vtt"
    if _SRT.match(start):
        return "srt"
    if start.startswith(b"From ") and _looks_like_mail(start.split(b"\n", 1)[-1]):
        return "mbox"
    if _looks_like_mail(head.lstrip(b"\xef\xbb\xbf")):
        return "email"
    if re.match(rb"<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]", start):
        return "rss"
    if start.startswith(b"{"):
        return "jsonl"
    return AUTO


def detect_format(name: str, head: bytes) -> str:
    """The format of a file (or URL) called ``name`` whose first bytes are ``head``.

    The extension decides where it is unambiguous (``.vtt``, ``.eml``, ``.jsonl`` …); a ``.txt``
    or ``.md`` file, standard input and unknown extensions are told by their content.
    """
    import urllib.parse

    path = urllib.parse.urlsplit(name).path if "://" in name else name
    ext = posixpath.splitext(path.replace("\\", "/"))[1].lower()
    by_extension = EXTENSIONS.get(ext)
    if by_extension is not None:
        return by_extension
    found = sniff(head)
    if ext in (".md", ".markdown") and found in ("jsonl", "rss"):
        return AUTO  # Markdown that starts with "{" or "<rss" is still Markdown
    return found
