"""The store's schema: the statements that build each version, and how it is marked as ours.

Version ``n`` of the schema is what ``MIGRATIONS[:n]`` builds; a new version appends a tuple
of statements (never edits an old one). Dates are ISO 8601 text (``2025-09-03``), times are
ISO 8601 UTC (``2025-09-03T12:00:00+00:00``).
"""

from __future__ import annotations

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION"]

APPLICATION_ID = 0x436D6D74
"""``PRAGMA application_id`` of a commitments database ("Cmmt")."""

# One column set for a commitment, shared by the merged record and each mention.
_COMMITMENT_COLUMNS = """
    speaker TEXT,
    action TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    expression TEXT,
    issued_earliest TEXT NOT NULL,
    issued_latest TEXT NOT NULL,
    due_earliest TEXT,
    due_latest TEXT,
    condition TEXT,
    stated TEXT,
    due_at TEXT,
    source_document TEXT NOT NULL,
    source_start INTEGER NOT NULL,
    source_end INTEGER NOT NULL,
    source_url TEXT,
    source_line INTEGER,
    CHECK ((due_earliest IS NULL) = (due_latest IS NULL))
"""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: documents, commitments, their mentions and resolution history.
    (
        """CREATE TABLE documents (
            digest TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            url TEXT,
            title TEXT,
            published TEXT,
            added TEXT NOT NULL
        )""",
        f"""CREATE TABLE commitments (
            id TEXT PRIMARY KEY,
            speaker_key TEXT NOT NULL,
            updated TEXT NOT NULL,
            sequence INTEGER NOT NULL CHECK (sequence >= 0),
            {_COMMITMENT_COLUMNS}
        )""",
        "CREATE INDEX commitments_speaker ON commitments (speaker_key)",
        f"""CREATE TABLE mentions (
            commitment_id TEXT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            document TEXT NOT NULL REFERENCES documents (digest),
            mention_id TEXT NOT NULL,
            speaker_key TEXT NOT NULL,
            published TEXT,
            {_COMMITMENT_COLUMNS},
            PRIMARY KEY (commitment_id, position)
        )""",
        "CREATE INDEX mentions_mention_id ON mentions (mention_id)",
        "CREATE INDEX mentions_speaker_issued ON mentions (speaker_key, issued_latest)",
        """CREATE TABLE resolutions (
            commitment_id TEXT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('kept', 'broken', 'withdrawn', 'open')),
            resolved_on TEXT NOT NULL,
            note TEXT,
            evidence TEXT,
            recorded TEXT NOT NULL,
            PRIMARY KEY (commitment_id, position)
        )""",
    ),
    # 2: follow-ups across documents (claims and their links), and speaker identities.
    (
        """CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('outcome', 'revision')),
            speaker TEXT,
            speaker_key TEXT NOT NULL,
            document TEXT NOT NULL,
            name TEXT NOT NULL,
            url TEXT,
            published TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            status TEXT,
            due_earliest TEXT,
            due_latest TEXT,
            expression TEXT,
            noun TEXT,
            days INTEGER,
            mention TEXT,
            described TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX claims_speaker_published ON claims (speaker_key, published)",
        """CREATE TABLE links (
            claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
            commitment_id TEXT NOT NULL,
            state TEXT NOT NULL
                CHECK (state IN ('applied', 'suggested', 'accepted', 'rejected')),
            recorded TEXT NOT NULL,
            PRIMARY KEY (claim_id, commitment_id)
        )""",
        "CREATE INDEX links_commitment ON links (commitment_id)",
        "CREATE INDEX commitments_speaker_due ON commitments (speaker_key, due_latest)",
        "CREATE INDEX mentions_speaker_due ON mentions (speaker_key, due_latest)",
        """CREATE TABLE speaker_words (
            word TEXT NOT NULL,
            speaker TEXT NOT NULL,
            PRIMARY KEY (word, speaker)
        ) WITHOUT ROWID""",
        """CREATE TABLE speaker_aliases (
            alias_key TEXT PRIMARY KEY,
            alias TEXT NOT NULL,
            canonical TEXT NOT NULL
        )""",
        """CREATE TABLE speaker_changes (
            position INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('merge', 'split', 'table')),
            canonical TEXT NOT NULL,
            aliases TEXT NOT NULL,
            recorded TEXT NOT NULL
        )""",
    ),
)
"""Statements that bring the schema from version ``i`` to ``i + 1``, at index ``i``."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The schema version this version of commitments writes."""
