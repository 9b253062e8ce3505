"""Speaker names in chats, e-mails and action items: ``Jo Park`` or ``omar``, not ``Note``.

Below both :mod:`.chat` and :mod:`.actions`, which read names with it.
"""

from __future__ import annotations

import re

__all__ = ["is_speaker_name"]

_WORD_CAP = re.compile(r"[A-Z][\w'’.\-]*\Z|[A-Z]\.?\Z")
_CONNECTOR = {"de", "da", "del", "della", "der", "di", "du", "la", "le", "van", "von", "bin", "al",
              "el", "ibn", "dos", "das", "y", "ten", "ter", "zu"}  # fmt: skip
_HANDLE = re.compile(r"@?[a-z][a-z0-9_.\-]{0,30}\Z", re.IGNORECASE)
# Words that label a line rather than name a speaker ("Note: …", "Editor's note: …").
_LABELS = {
    "action", "actions", "address", "agenda", "also", "answer", "attendees", "author",
    "background", "bcc", "breaking", "by", "caution", "cc", "chair", "context", "contact",
    "correction", "cost", "date", "decision", "decisions", "disclaimer", "due", "edit",
    "editing", "editor", "email", "e-mail", "example", "fax", "fixme", "from", "fwd", "goal",
    "goals", "host", "important", "info", "item", "items", "keywords", "link", "location",
    "minutes", "nb", "next", "note", "notes", "objective", "owner", "phone", "photo", "present",
    "price", "ps", "p.s.", "published", "question", "read", "re", "related", "reporting",
    "result", "results", "sent", "source", "sources", "status", "step", "steps", "subject",
    "summary", "tags", "tel", "time", "tip", "title", "to", "todo", "topic", "update",
    "updated", "url", "via", "video", "warning", "watch", "when", "where", "why", "what", "who",
    "how", "http", "https", "mailto", "ftp", "file", "see", "conclusion", "updates",
    "volume", "vol", "column", "page", "section", "part", "chapter", "article", "clause",
    "paragraph", "schedule", "table", "figure", "annex", "appendix", "exhibit", "docket",
    "reference", "ref", "dates", "comments", "deadline", "venue", "agency",
}  # fmt: skip


def is_speaker_name(name: str) -> bool:
    """Whether ``name`` reads as a speaker (``Jo Park``, ``omar``) rather than a label."""
    name = name.strip()
    if not name or len(name) > 40:
        return False
    words = name.split()
    if len(words) > 4:
        return False
    if len(words) > 1 and words[-1].isdigit():  # "Speaker 1"
        words = words[:-1]
    if any(w.strip(".'’").casefold() in _LABELS for w in words):
        return False
    if len(words) == 1:
        word = words[0]
        return (
            bool(_WORD_CAP.match(word.lstrip("@")) or _HANDLE.match(word)) and not word[0].isdigit()
        )
    if not _WORD_CAP.match(words[0]) or not _WORD_CAP.match(words[-1]):
        return False
    return all(_WORD_CAP.match(w) or w.casefold() in _CONNECTOR for w in words[1:-1])
