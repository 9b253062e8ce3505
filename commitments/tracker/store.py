"""The commitment store on SQLite: schema, migrations, and reading and writing entries.

This is the only module in commitments that imports :mod:`sqlite3`. The database is versioned
with ``PRAGMA user_version`` and marked as ours with ``PRAGMA application_id``; it runs in WAL
mode with foreign keys on, keeps dates and times as ISO 8601 text, and every statement that takes
a value takes it as a parameter. A file that is not a commitments database is never written to.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from commitments.errors import CorruptStoreError, NewerStoreError, NotFoundError, StoreError
from commitments.records import Resolution, Status, Tracked, Window
from commitments.tracker.followups import Claim
from commitments.tracker.records import Entry, Mention, Suggestion
from commitments.tracker.rows import (
    check_commitment,
    check_date,
    check_moment,
    commitment_columns,
    commitment_from_row,
    iso,
    mention_from_row,
    parse_datetime,
    resolution_from_row,
    utc,
)
from commitments.tracker.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "Store"]

_CORRUPT = {"SQLITE_NOTADB", "SQLITE_CORRUPT", "SQLITE_CORRUPT_VTAB", "SQLITE_CORRUPT_SEQUENCE"}
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY"}
_HEX = frozenset("0123456789abcdef")

TIMEOUT = 30.0
"""Seconds to wait for another process's write to finish before giving up (busy)."""

MIN_PREFIX = 4
"""The fewest characters of an id accepted as a prefix."""


class Store:
    """An open commitments database; use as a context manager or call :meth:`close`.

    ``path`` is a file (created if missing, its folder must exist) or ``":memory:"``.
    ``timeout`` is how long to wait, in seconds, for another process's write to finish
    (default :data:`TIMEOUT`). A store that cannot be written (a read-only file or folder) is
    opened read-only: reading works, and writing raises :class:`StoreError`.
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float | None = None) -> None:
        self.path = os.fspath(path)
        self._depth = 0
        self._checked = False  # PRAGMA quick_check passed: the file may be written
        self.read_only = False
        """The file could only be opened for reading."""
        timeout = TIMEOUT if timeout is None else timeout
        self._timeout = timeout
        if self.path != ":memory:":
            target = Path(self.path)
            if target.is_dir():
                raise StoreError("is a folder, not a database file", source=self.path)
            if not target.parent.is_dir():
                raise StoreError(
                    f"the folder {str(target.parent)!r} does not exist: create it first",
                    source=self.path,
                )
        try:
            self._open(self.path, timeout, uri=False)
        except sqlite3.Error as exc:
            name = getattr(exc, "sqlite_errorname", "")
            if not name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or not os.path.isfile(
                self.path
            ):
                with self._errors():
                    raise
            self._open_read_only(timeout, exc)

    def _open(self, target: str, timeout: float, *, uri: bool) -> None:
        """Connect, check the file is ours, and bring its schema up to date."""
        self._db = sqlite3.connect(target, timeout=timeout, isolation_level=None, uri=uri)
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self._check()
            if self.path != ":memory:" and not self.read_only:
                self._use_wal(timeout)
            if self.path != ":memory:":
                # In WAL mode NORMAL never corrupts; a power cut may lose the last add.
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    def _use_wal(self, timeout: float) -> None:
        """Switch to WAL once (only when it changes: it writes). Changing the journal mode does
        not wait on SQLite's busy handler, so two processes opening a new store at once retry
        here, for up to ``timeout`` seconds, until one of them has switched it."""
        deadline = time.monotonic() + timeout
        while True:
            mode = self._db.execute("PRAGMA journal_mode").fetchone()[0]
            if mode == "wal":
                return
            try:
                self._db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _open_read_only(self, timeout: float, first: sqlite3.Error) -> None:
        """Open a store we may not write: read-only, else (a WAL store in a read-only folder,
        whose shared-memory file cannot be made) as immutable."""
        self.read_only = True
        location = Path(self.path).resolve().as_uri()
        for query in ("?mode=ro", "?immutable=1"):
            try:
                self._open(location + query, timeout, uri=True)
                return
            except sqlite3.Error as exc:
                if not getattr(exc, "sqlite_errorname", "").startswith(
                    ("SQLITE_READONLY", "SQLITE_CANTOPEN")
                ):
                    with self._errors():
                        raise
                first = exc
        with self._errors():
            raise first

    # -- opening ---------------------------------------------------------------------------

    def _check(self) -> None:
        """Refuse a file that is not ours or is newer, before anything is written to it."""
        # One statement, one snapshot: another process may be creating the store right now.
        app_id, version, objects = self._db.execute(
            "SELECT (SELECT application_id FROM pragma_application_id),"
            " (SELECT user_version FROM pragma_user_version),"
            " (SELECT count(*) FROM sqlite_master)"
        ).fetchone()
        if app_id not in (0, APPLICATION_ID) or (objects and app_id != APPLICATION_ID):
            raise CorruptStoreError(
                "is an SQLite database, but not a commitments store; it was left untouched:"
                " pass another --db (or COMMITMENTS_DB)",
                source=self.path,
            )
        if version > SCHEMA_VERSION:
            raise NewerStoreError(
                f"was written by a newer version of commitments (schema {version}; this version"
                f" reads up to {SCHEMA_VERSION}): upgrade commitments to use it",
                source=self.path,
            )

    def _migrate(self) -> None:
        if self._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return  # up to date: no write lock, so a read-only or busy store can still be read
        with self.transaction():
            self._check()  # another process may have migrated while we waited
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION:
                return
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    self._db.execute(statement)
            # PRAGMAs take no parameters; both values are integers from this module.
            self._db.execute(f"PRAGMA application_id = {int(APPLICATION_ID)}")
            self._db.execute(f"PRAGMA user_version = {int(SCHEMA_VERSION)}")

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn sqlite3's errors into ours, with the path and what to do."""
        try:
            yield
        except sqlite3.Error as exc:
            name = getattr(exc, "sqlite_errorname", "")
            if name in _CORRUPT or type(exc) is sqlite3.DatabaseError:
                raise CorruptStoreError(
                    f"is not a commitments database or is damaged ({exc}); it was left untouched:"
                    " move it aside or pass another --db (or COMMITMENTS_DB)",
                    source=self.path,
                ) from exc
            if name in _BUSY:
                raise StoreError(
                    f"is busy: another process has kept it locked for over {self._timeout:g} s;"
                    " nothing was changed: try again when it is done",
                    source=self.path,
                ) from exc
            if name.startswith("SQLITE_READONLY") or (name == "SQLITE_CANTOPEN" and self.read_only):
                raise StoreError(
                    f"cannot be written ({self._why_read_only()}): nothing was changed;"
                    " make it writable, or pass another --db (or COMMITMENTS_DB)",
                    source=self.path,
                ) from exc
            if name.startswith("SQLITE_CANTOPEN"):
                folder = os.path.dirname(os.path.abspath(self.path))
                if not os.path.exists(self.path) and not os.access(folder, os.W_OK):
                    raise StoreError(
                        f"cannot be created: the folder {folder!r} is not writable;"
                        " pass another --db (or COMMITMENTS_DB)",
                        source=self.path,
                    ) from exc
                raise StoreError(f"cannot be opened ({exc})", source=self.path) from exc
            if name == "SQLITE_FULL":
                raise StoreError(
                    "cannot be written: the disk or the database is full; nothing was changed:"
                    " free some space and try again",
                    source=self.path,
                ) from exc
            if name.startswith("SQLITE_IOERR"):
                raise StoreError(
                    f"cannot be written or read ({exc}); nothing was changed: check the disk"
                    " (is it full?) and try again",
                    source=self.path,
                ) from exc
            raise StoreError(f"cannot be used ({exc})", source=self.path) from exc

    def _why_read_only(self) -> str:
        folder = os.path.dirname(os.path.abspath(self.path))
        if os.path.exists(self.path) and not os.access(self.path, os.W_OK):
            return "the file is read-only"
        if not os.access(folder, os.W_OK):
            return f"its folder {folder!r} is read-only, and SQLite writes a journal beside it"
        return "read-only"

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``); nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._check_integrity()
        with self._errors():
            self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise
        self._depth = 0
        with self._errors():
            self._db.execute("COMMIT")

    def _check_integrity(self) -> None:
        """Before the first write: refuse a damaged file (``PRAGMA quick_check``, once per open
        store) rather than write more into it."""
        if self._checked or self.path == ":memory:":
            return
        with self._errors():
            found = [row[0] for row in self._db.execute("PRAGMA quick_check(5)").fetchall()]
        if found != ["ok"]:
            raise CorruptStoreError(
                f"is damaged ({'; '.join(map(str, found))}); it was left untouched: restore a"
                " backup, or move it aside and pass another --db (or COMMITMENTS_DB)",
                source=self.path,
            )
        self._checked = True

    def _query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[Any]:
        with self._errors():
            return self._db.execute(sql, params).fetchall()

    def _run(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> None:
        with self._errors():
            self._db.execute(sql, params)

    # -- documents -------------------------------------------------------------------------

    def has_document(self, digest: str) -> bool:
        """Whether a document with this identity was added before."""
        return bool(self._query("SELECT 1 FROM documents WHERE digest = ?", (digest,)))

    def add_document(
        self,
        *,
        digest: str,
        name: str,
        added: dt.datetime,
        url: str | None = None,
        title: str | None = None,
        published: dt.date | None = None,
    ) -> None:
        """Record that a document was added (nothing happens if it already was)."""
        if published is not None:
            check_date(published, f"the publication date of {name!r}")
        check_moment(added, "added")
        self._run(
            "INSERT OR IGNORE INTO documents (digest, name, url, title, published, added)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (digest, name, url, title, iso(published), utc(added).isoformat()),
        )

    def documents(self) -> list[tuple[str, str | None, str | None, dt.date | None]]:
        """Every document added, oldest first: its name, URL, title and publication date."""
        rows = self._query(
            "SELECT name, url, title, published FROM documents ORDER BY added, rowid"
        )
        return [
            (name, url, title, dt.date.fromisoformat(published) if published else None)
            for name, url, title, published in rows
        ]

    def document_count(self) -> int:
        return int(self._query("SELECT count(*) FROM documents")[0][0])

    # -- entries ---------------------------------------------------------------------------

    def ids(self) -> list[str]:
        """Every commitment id in the store, sorted."""
        return [row[0] for row in self._query("SELECT id FROM commitments ORDER BY id")]

    def resolve_prefix(self, prefix: str) -> str:
        """The one id that starts with ``prefix``; :class:`NotFoundError` for none or several."""
        wanted = prefix.strip().casefold()
        if not wanted or not set(wanted) <= _HEX:
            raise NotFoundError(f"{prefix!r} is not a commitment id (ids are hexadecimal)")
        if len(wanted) < MIN_PREFIX:
            raise NotFoundError(
                f"{prefix!r} is too short: give at least {MIN_PREFIX} characters of the id"
            )
        rows = self._query(
            "SELECT id FROM commitments WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 6",
            (len(wanted), wanted),
        )
        if not rows:
            raise NotFoundError(
                f"no commitment has an id starting with {wanted!r}; `commitments status` lists them"
            )
        if len(rows) > 1:
            shown = ", ".join(row[0] for row in rows[:5]) + (", …" if len(rows) > 5 else "")
            raise NotFoundError(
                f"{wanted!r} matches several commitments ({shown}): give more of the id"
            )
        return str(rows[0][0])

    def get(self, id: str) -> Entry:
        """The entry with exactly this id."""
        entries = self._load("WHERE c.id = ?", (id,))
        if not entries:
            raise NotFoundError(f"no commitment has the id {id!r}")
        return entries[0]

    def entries(self) -> list[Entry]:
        """Every entry in the store."""
        return self._load("", ())

    def candidates(self, *, speaker_key: str, mention_id: str, issued: Window) -> list[Entry]:
        """Entries that a new mention could belong to.

        Those holding a mention with the id ``mention_id``, and those by the speaker (casefolded)
        with a mention issued on a day within ``issued``.
        """
        return self._load(
            "WHERE c.id IN (SELECT commitment_id FROM mentions WHERE mention_id = ?"
            " UNION SELECT commitment_id FROM mentions WHERE speaker_key = ? AND speaker_key != ''"
            " AND issued_latest >= ? AND issued_earliest <= ?)",
            (mention_id, speaker_key, issued.earliest.isoformat(), issued.latest.isoformat()),
        )

    def ids_with_mention(self, mention_id: str) -> set[str]:
        """Ids of the entries holding a mention whose own id is ``mention_id``."""
        rows = self._query(
            "SELECT DISTINCT commitment_id FROM mentions WHERE mention_id = ?", (mention_id,)
        )
        return {row[0] for row in rows}

    def ids_by_speaker(self, speaker_key: str, issued: Window) -> set[str]:
        """Ids of the entries with a mention by ``speaker_key`` issued on a day in ``issued``."""
        rows = self._query(
            "SELECT DISTINCT commitment_id FROM mentions WHERE speaker_key = ?"
            " AND speaker_key != '' AND issued_latest >= ? AND issued_earliest <= ?",
            (speaker_key, issued.earliest.isoformat(), issued.latest.isoformat()),
        )
        return {row[0] for row in rows}

    def entries_with_ids(self, ids: Iterable[str]) -> list[Entry]:
        """The entries with these ids (those that exist), sorted by id."""
        found: list[Entry] = []
        for chunk in _chunks(sorted(set(ids)), 400):
            marks = ", ".join("?" * len(chunk))
            found += self._load(f"WHERE c.id IN ({marks})", chunk)
        return sorted(found, key=lambda entry: entry.id)

    def data_version(self) -> int:
        """A number that changes when another connection commits a change to the store."""
        return int(self._query("PRAGMA data_version")[0][0])

    def absorb(self, survivor: str, other: str) -> None:
        """Merge entry ``other`` into ``survivor``: its mentions and resolutions follow the
        survivor's, and ``other`` is gone. Save the survivor's merged record afterwards."""
        with self.transaction():
            for table in ("mentions", "resolutions"):
                # Table names come from this tuple; values go in as parameters.
                offset = self._query(
                    f"SELECT count(*) FROM {table} WHERE commitment_id = ?", (survivor,)
                )[0][0]
                self._run(
                    f"UPDATE {table} SET commitment_id = ?, position = position + ?"
                    " WHERE commitment_id = ?",
                    (survivor, offset, other),
                )
            self._run(
                "UPDATE OR IGNORE links SET commitment_id = ? WHERE commitment_id = ?",
                (survivor, other),
            )
            self._run("DELETE FROM links WHERE commitment_id = ?", (other,))
            self._run("DELETE FROM commitments WHERE id = ?", (other,))

    def _dicts(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        with self._errors():
            cursor = self._db.execute(sql, params)
            columns = [d[0] for d in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def _load(self, where: str, params: Sequence[Any]) -> list[Entry]:
        # `where` is one of the fixed clauses above; values always go in as parameters.
        records = self._dicts(f"SELECT c.* FROM commitments AS c {where} ORDER BY c.id", params)
        ids = [r["id"] for r in records]
        mentions: dict[str, list[Mention]] = {i: [] for i in ids}
        history: dict[str, list[Resolution]] = {i: [] for i in ids}
        followups: dict[str, list[Claim]] = {i: [] for i in ids}
        bad: list[tuple[str, str]] = []  # (id, what is wrong)
        for chunk in _chunks(ids, 400):
            marks = ", ".join("?" * len(chunk))
            rows = self._dicts(
                f"SELECT * FROM mentions WHERE commitment_id IN ({marks})"
                " ORDER BY commitment_id, position",
                chunk,
            )
            _gather(rows, "commitment_id", mention_from_row, mentions, bad, "mention", "position")
            rows = self._dicts(
                f"SELECT * FROM resolutions WHERE commitment_id IN ({marks})"
                " ORDER BY commitment_id, position",
                chunk,
            )
            _gather(
                rows, "commitment_id", resolution_from_row, history, bad, "resolution", "position"
            )
            rows = self._dicts(
                f"SELECT l.commitment_id AS linked, c.* FROM links AS l JOIN claims AS c"
                f" ON c.id = l.claim_id WHERE l.commitment_id IN ({marks})"
                " AND l.state IN ('applied', 'accepted')",
                chunk,
            )
            _gather(rows, "linked", claim_from_row, followups, bad, "claim", "id")
        entries = []
        damaged: dict[str, str] = dict(bad)
        for record in records:
            if record["id"] in damaged:
                continue
            found = tuple(mentions[record["id"]])
            past = tuple(history[record["id"]])
            try:
                tracked = Tracked(
                    commitment=commitment_from_row(record, id=record["id"]),
                    mentions=tuple(m.source for m in found),
                    resolution=past[-1] if past else None,
                    updated=parse_datetime(record["updated"]),
                    sequence=record["sequence"],
                )
            except _BAD_ROW as exc:
                damaged.setdefault(str(record["id"]), _why(exc))
                continue
            said = tuple(sorted(followups[record["id"]], key=claim_order))
            entries.append(Entry(tracked=tracked, mentions=found, history=past, followups=said))
        if damaged:
            shown = "; ".join(f"{id}: {why}" for id, why in sorted(damaged.items())[:5])
            more = f" (and {len(damaged) - 5} more)" if len(damaged) > 5 else ""
            raise CorruptStoreError(
                f"has {len(damaged)} damaged commitment{'s' if len(damaged) != 1 else ''}"
                f" (edited by hand?): {shown}{more}; nothing was changed: correct or delete"
                " those rows with sqlite3, or restore a backup",
                source=self.path,
            )
        return entries

    def save(self, entry: Entry) -> None:
        """Write an entry: its record, and the mentions and resolutions not yet stored.

        Mentions and history are append-only: the first ``n`` already stored must be the same.
        """
        tracked = entry.tracked
        check_commitment(tracked.commitment)
        for mention in entry.mentions:
            check_commitment(mention.commitment)
            if mention.published is not None:
                check_date(mention.published, "a mention's publication date")
        check_moment(tracked.updated, f"commitment {tracked.id!r}: updated")
        for resolution in entry.history:
            check_date(resolution.on, f"commitment {tracked.id!r}: resolved on")
            check_moment(resolution.recorded, f"commitment {tracked.id!r}: recorded")
        if tracked.resolution != (entry.history[-1] if entry.history else None):
            raise ValueError("the entry's resolution must be the last one in its history")
        if tracked.mentions != tuple(m.source for m in entry.mentions):
            raise ValueError("the entry's mentions must be the sources of its Mention records")
        values = commitment_columns(tracked.commitment)
        values.update(
            id=tracked.id,
            speaker_key=speaker_key(tracked.commitment.speaker),
            updated=utc(tracked.updated).isoformat(),
            sequence=tracked.sequence,
        )
        names = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        updates = ", ".join(f"{name} = excluded.{name}" for name in values if name != "id")
        with self.transaction():
            if values["speaker_key"]:
                self._run(
                    "INSERT OR IGNORE INTO speaker_words (word, speaker) VALUES (?, ?)",
                    (values["speaker_key"].split()[-1], tracked.commitment.speaker),
                )
            self._run(
                f"INSERT INTO commitments ({names}) VALUES ({marks})"
                f" ON CONFLICT (id) DO UPDATE SET {updates}",
                values,
            )
            stored = self._query(
                "SELECT count(*) FROM mentions WHERE commitment_id = ?", (tracked.id,)
            )[0][0]
            for position, mention in enumerate(entry.mentions[stored:], start=stored):
                row = commitment_columns(mention.commitment)
                row.update(
                    commitment_id=tracked.id,
                    position=position,
                    document=mention.document,
                    mention_id=mention.commitment.id,
                    speaker_key=speaker_key(mention.commitment.speaker),
                    published=iso(mention.published),
                )
                # Normally the tracker added the document first; this keeps the key valid.
                self._run(
                    "INSERT OR IGNORE INTO documents (digest, name, added) VALUES (?, ?, ?)",
                    (mention.document, mention.source.document, values["updated"]),
                )
                self._run(
                    f"INSERT INTO mentions ({', '.join(row)})"
                    f" VALUES ({', '.join(f':{name}' for name in row)})",
                    row,
                )
            stored = self._query(
                "SELECT count(*) FROM resolutions WHERE commitment_id = ?", (tracked.id,)
            )[0][0]
            for position, resolution in enumerate(entry.history[stored:], start=stored):
                self._run(
                    "INSERT INTO resolutions (commitment_id, position, status, resolved_on,"
                    " note, evidence, recorded) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        tracked.id,
                        position,
                        resolution.status.value,
                        resolution.on.isoformat(),
                        resolution.note,
                        resolution.evidence,
                        utc(resolution.recorded).isoformat(),
                    ),
                )

    # -- follow-ups -------------------------------------------------------------------------

    def save_claim(self, claim: Claim) -> None:
        """Store a claim (nothing happens if it is stored already)."""
        self._run(
            "INSERT OR IGNORE INTO claims (id, kind, speaker, speaker_key, document, name, url,"
            ' published, start, "end", quote, status, due_earliest, due_latest, expression,'
            " noun, days, mention, described)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                claim.id,
                claim.kind,
                claim.speaker,
                speaker_key(claim.speaker),
                claim.document,
                claim.name,
                claim.url,
                claim.published.isoformat(),
                claim.start,
                claim.end,
                claim.quote,
                claim.status.value if claim.status else None,
                claim.window.earliest.isoformat() if claim.window else None,
                claim.window.latest.isoformat() if claim.window else None,
                claim.expression,
                claim.noun,
                claim.days,
                claim.mention,
                claim.described,
            ),
        )

    def claims_by_speaker(self, key: str, first: dt.date, last: dt.date) -> list[Claim]:
        """Stored claims about ``key``'s commitments (``""``: whose, the claim could not tell),
        made between ``first`` and ``last``."""
        rows = self._dicts(
            "SELECT * FROM claims WHERE speaker_key = ?"
            " AND published BETWEEN ? AND ? ORDER BY published, document, start",
            (key, first.isoformat(), last.isoformat()),
        )
        return [claim_from_row(row) for row in rows]

    def claim(self, prefix: str) -> Claim:
        """The claim whose id starts with ``prefix``."""
        rows = self._dicts(
            "SELECT * FROM claims WHERE substr(id, 1, ?) = ? LIMIT 2",
            (len(prefix), prefix.casefold()),
        )
        if len(rows) != 1:
            raise NotFoundError(f"no single follow-up has an id starting with {prefix!r}")
        return claim_from_row(rows[0])

    def ids_due_between(self, key: str, first: dt.date, last: dt.date) -> set[str]:
        """Ids of ``key``'s dated commitments that have had a deadline in ``first…last``: as
        they stand, in a mention, or in a revision linked to them."""
        span = (key, first.isoformat(), last.isoformat())
        rows = self._query(
            "SELECT id FROM commitments WHERE speaker_key = ? AND speaker_key != ''"
            " AND due_latest BETWEEN ? AND ?"
            " UNION SELECT commitment_id FROM mentions WHERE speaker_key = ?"
            " AND speaker_key != '' AND due_latest BETWEEN ? AND ?"
            " UNION SELECT l.commitment_id FROM links AS l JOIN claims AS c ON c.id = l.claim_id"
            " JOIN commitments AS t ON t.id = l.commitment_id"
            " WHERE l.state IN ('applied', 'accepted') AND c.kind = 'revision'"
            " AND t.speaker_key = ? AND t.speaker_key != '' AND c.due_latest BETWEEN ? AND ?",
            (*span, *span, *span),
        )
        return {row[0] for row in rows}

    def speakers_named(self, words: Iterable[str]) -> list[str]:
        """Speakers whose name ends with one of ``words`` (casefolded): "trump" → "Donald Trump"."""
        wanted = sorted(set(words))
        found: set[str] = set()
        for chunk in _chunks(wanted, 400):
            marks = ", ".join("?" * len(chunk))
            rows = self._query(
                f"SELECT speaker FROM speaker_words WHERE word IN ({marks})", list(chunk)
            )
            found |= {row[0] for row in rows}
        return sorted(found)

    def ids_said_by(self, speakers: Iterable[str]) -> set[str]:
        """Ids of the entries with a mention by one of ``speakers`` (any case and spacing)."""
        keys = sorted({speaker_key(s) for s in speakers} - {""})
        found: set[str] = set()
        for chunk in _chunks(keys, 400):
            marks = ", ".join("?" * len(chunk))
            rows = self._query(
                f"SELECT DISTINCT commitment_id FROM mentions WHERE speaker_key IN ({marks})",
                list(chunk),
            )
            found |= {row[0] for row in rows}
        return found

    def ids_holding(self, mention_ids: Iterable[str]) -> dict[str, str]:
        """For each mention id, the entry that holds it."""
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(mention_ids)), 400):
            marks = ", ".join("?" * len(chunk))
            for mention_id, commitment_id in self._query(
                f"SELECT mention_id, commitment_id FROM mentions WHERE mention_id IN ({marks})",
                chunk,
            ):
                out[mention_id] = commitment_id
        return out

    def links(self, claim_id: str) -> dict[str, str]:
        """The commitments a claim is linked to, with the state of each link."""
        rows = self._query("SELECT commitment_id, state FROM links WHERE claim_id = ?", (claim_id,))
        return {row[0]: row[1] for row in rows}

    def set_links(self, claim_id: str, states: Mapping[str, str], recorded: dt.datetime) -> None:
        """Replace a claim's links by ``states`` (commitment id → state)."""
        with self.transaction():
            self._run("DELETE FROM links WHERE claim_id = ?", (claim_id,))
            for commitment_id, state in sorted(states.items()):
                self._run(
                    "INSERT INTO links (claim_id, commitment_id, state, recorded)"
                    " VALUES (?, ?, ?, ?)",
                    (claim_id, commitment_id, state, utc(recorded).isoformat()),
                )

    def suggestions(self) -> list[Suggestion]:
        """Every link offered and not yet accepted or rejected."""
        rows = self._dicts(
            "SELECT l.commitment_id AS linked, c.* FROM links AS l JOIN claims AS c"
            " ON c.id = l.claim_id WHERE l.state = 'suggested'"
            " ORDER BY c.published, c.document, c.start, l.commitment_id",
            (),
        )
        return [Suggestion(claim=claim_from_row(row), commitment=row["linked"]) for row in rows]

    # -- speakers ---------------------------------------------------------------------------

    def aliases(self) -> dict[str, str]:
        """The store's alias table: a speaker key → the canonical name."""
        return dict(self._query("SELECT alias_key, canonical FROM speaker_aliases"))

    def set_aliases(
        self, canonical: str, aliases: Iterable[str], *, action: str, recorded: dt.datetime
    ) -> None:
        """Map ``aliases`` to ``canonical`` (``split``: remove them) and record the change."""
        given = {speaker_key(a): " ".join(a.split()) for a in aliases if a.strip()}
        names = sorted(given)
        with self.transaction():
            for key in names:
                if action == "split":
                    self._run("DELETE FROM speaker_aliases WHERE alias_key = ?", (key,))
                else:
                    self._run(
                        "INSERT INTO speaker_aliases (alias_key, alias, canonical) VALUES (?, ?, ?)"
                        " ON CONFLICT (alias_key) DO UPDATE SET canonical = excluded.canonical",
                        (key, given[key], canonical),
                    )
            self._run(
                "INSERT INTO speaker_changes (position, action, canonical, aliases, recorded)"
                " VALUES ((SELECT count(*) FROM speaker_changes), ?, ?, ?, ?)",
                (action, canonical, "\x1f".join(names), utc(recorded).isoformat()),
            )

    def alias_names(self) -> dict[str, list[str]]:
        """Each canonical name → the other names merged into it, as they were given."""
        out: dict[str, list[str]] = {}
        for alias, canonical in self._query(
            "SELECT alias, canonical FROM speaker_aliases ORDER BY alias_key"
        ):
            if speaker_key(alias) != speaker_key(canonical):
                out.setdefault(canonical, []).append(alias)
        return out

    def speaker_changes(self) -> list[tuple[str, str, list[str], str]]:
        """Every merge and split, oldest first: (action, canonical, aliases, recorded)."""
        rows = self._query(
            "SELECT action, canonical, aliases, recorded FROM speaker_changes ORDER BY position"
        )
        return [(a, c, [n for n in names.split("\x1f") if n], r) for a, c, names, r in rows]

    def speakers(self) -> list[tuple[str, int]]:
        """Each speaker as the commitments name them, with how many commitments."""
        rows = self._query(
            "SELECT speaker, count(*) FROM commitments WHERE speaker IS NOT NULL"
            " GROUP BY speaker ORDER BY speaker"
        )
        return [(row[0], int(row[1])) for row in rows]


def claim_order(claim: Claim) -> tuple[str, str, int, str]:
    """The order claims were said in: publication date, document, offset (never adding order)."""
    return (claim.published.isoformat(), claim.document, claim.start, claim.id)


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    window = None
    if row["due_earliest"] is not None:
        window = Window(
            dt.date.fromisoformat(row["due_earliest"]), dt.date.fromisoformat(row["due_latest"])
        )
    return Claim(
        id=row["id"],
        kind=row["kind"],
        speaker=row["speaker"],
        document=row["document"],
        name=row["name"],
        url=row["url"],
        published=dt.date.fromisoformat(row["published"]),
        start=row["start"],
        end=row["end"],
        quote=row["quote"],
        status=Status(row["status"]) if row["status"] else None,
        window=window,
        expression=row["expression"],
        noun=row["noun"],
        days=row["days"],
        mention=row["mention"],
        described=row["described"],
    )


_Row = TypeVar("_Row")
_BAD_ROW = (ValueError, TypeError, KeyError, AttributeError, OverflowError)
"""What reading a hand-edited row can raise (a bad kind, date, window or type)."""


def _why(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _gather(
    rows: Iterable[dict[str, Any]],
    key: str,
    read: Callable[[dict[str, Any]], _Row],
    into: dict[str, list[_Row]],
    bad: list[tuple[str, str]],
    what: str,
    which: str,
) -> None:
    """Each row read into the list of its ``key``'s commitment; a row that cannot be read goes
    to ``bad`` as "``what`` ``row[which]``: why" (a hand-edited store loses nothing else)."""
    for row in rows:
        try:
            into[row[key]].append(read(row))
        except _BAD_ROW as exc:
            bad.append((str(row[key]), f"{what} {row[which]}: {_why(exc)}"))


def speaker_key(speaker: str | None) -> str:
    """How speakers are compared: casefolded, spaces collapsed; ``""`` for nobody."""
    return " ".join((speaker or "").casefold().split())


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
