"""The tracker's own records: a mention of a commitment, and a tracked entry with its history."""

from __future__ import annotations

import datetime as dt

import attrs

from commitments.records import Commitment, Resolution, Source, Tracked
from commitments.tracker.followups import Claim

__all__ = ["Entry", "Mention", "Suggestion"]


@attrs.frozen(kw_only=True)
class Mention:
    """One place where a tracked commitment was said, as the extractor found it there."""

    commitment: Commitment
    """The commitment as extracted from this one document: its own id, quote, window and source."""
    document: str
    """The identity of the document it came from (a digest of its name or URL and its text)."""
    published: dt.date | None = None
    """The document's publication date, if it had one."""

    @property
    def source(self) -> Source:
        return self.commitment.source

    def to_json(self) -> dict[str, object]:
        """A mention: its own id, quote, time expression, windows, source and publication date."""
        c = self.commitment
        return {
            "id": c.id,
            "text": c.text,
            "expression": c.expression,
            "issued": c.issued.to_json(),
            "due": c.due.to_json() if c.due else None,
            "published": self.published.isoformat() if self.published else None,
            "source": c.source.to_json(),
        }

    @property
    def quote(self) -> str:
        return self.commitment.text


@attrs.frozen(kw_only=True)
class Entry:
    """A tracked commitment with everything the store keeps about it."""

    tracked: Tracked
    """The merged commitment, its resolution, last change and sequence number."""
    mentions: tuple[Mention, ...] = ()
    """Every mention, in the order they were added; ``tracked.mentions`` lists their sources."""
    history: tuple[Resolution, ...] = ()
    """Every resolution recorded, oldest first; the last one is ``tracked.resolution``."""
    followups: tuple[Claim, ...] = ()
    """Claims of later documents linked to it (applied or accepted): outcomes and revisions,
    in the order they were said (publication date, document, offset)."""

    @property
    def id(self) -> str:
        return self.tracked.id


@attrs.frozen(kw_only=True)
class Suggestion:
    """A link the rules are not sure of: a claim that fits several tracked commitments."""

    claim: Claim
    commitment: str
    """The id of one commitment it may be about."""

    @property
    def id(self) -> str:
        """The suggestion's id: the claim's and the commitment's, joined."""
        return f"{self.claim.id[:8]}{self.commitment[:8]}"
