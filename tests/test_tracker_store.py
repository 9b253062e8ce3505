"""The SQLite store: schema, round trips, refusing files that are not ours."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tracker_helpers import NOW, make, window

from commitments.errors import CorruptStoreError, NewerStoreError, NotFoundError, StoreError
from commitments.records import Commitment, Kind, Resolution, Source, Status, Tracked, Window
from commitments.tracker.records import Entry, Mention
from commitments.tracker.schema import APPLICATION_ID, SCHEMA_VERSION
from commitments.tracker.store import Store


def full(entry: Entry) -> dict[str, object]:
    """Every field, including the ones equality leaves out (ids, quotes, sources)."""
    return attrs.asdict(entry, recurse=True)


def entry_of(*commitments: Commitment, history: tuple[Resolution, ...] = ()) -> Entry:
    mentions = tuple(
        Mention(commitment=c, document="doc-" + c.source.document) for c in commitments
    )
    tracked = Tracked(
        commitment=attrs.evolve(commitments[0], id=commitments[0].id),
        mentions=tuple(m.source for m in mentions),
        resolution=history[-1] if history else None,
        updated=NOW,
        sequence=len(history),
    )
    return Entry(tracked=tracked, mentions=mentions, history=history)


# -- round trips ---------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
texts = st.text(max_size=40)
optional_texts = st.none() | texts
aware = st.datetimes(
    min_value=dt.datetime(1970, 1, 2),  # noqa: DTZ001 - hypothesis bounds are naive
    max_value=dt.datetime(2200, 1, 1),  # noqa: DTZ001
    timezones=st.sampled_from(
        [
            dt.UTC,
            dt.timezone(dt.timedelta(hours=3)),
            dt.timezone(dt.timedelta(hours=-9, minutes=-30)),
        ]
    ),
)


@st.composite
def windows(draw: st.DrawFn) -> Window:
    a, b = draw(dates), draw(dates)
    return Window(min(a, b), max(a, b))


@st.composite
def commitments(draw: st.DrawFn) -> Commitment:
    start = draw(st.integers(0, 10**6))
    return Commitment(
        speaker=draw(optional_texts),
        action=draw(texts),
        kind=draw(st.sampled_from(Kind)),
        text=draw(texts),
        expression=draw(optional_texts),
        issued=draw(windows()),
        due=draw(st.none() | windows()),
        condition=draw(optional_texts),
        stated=draw(st.none() | st.sampled_from(Status)),
        due_at=draw(st.none() | aware),
        source=Source(
            document=draw(texts),
            start=start,
            end=start + draw(st.integers(0, 1000)),
            url=draw(st.none() | st.just("https://example.org/a?b=1")),
            line=draw(st.none() | st.integers(1, 10**5)),
        ),
        id=draw(st.text("0123456789abcdef", min_size=16, max_size=16)),
    )


resolutions = st.builds(
    Resolution,
    status=st.sampled_from([Status.KEPT, Status.BROKEN, Status.WITHDRAWN, Status.OPEN]),
    on=dates,
    note=optional_texts,
    evidence=st.none() | st.just("https://example.org/evidence"),
    recorded=aware,
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    found = draw(st.lists(commitments(), min_size=1, max_size=4))
    history = tuple(draw(st.lists(resolutions, max_size=3)))
    mentions = tuple(
        Mention(
            commitment=c,
            document=draw(st.sampled_from(["d1", "d2"])),
            published=draw(st.none() | dates),
        )
        for c in found
    )
    tracked = Tracked(
        commitment=found[0],
        mentions=tuple(m.source for m in mentions),
        resolution=history[-1] if history else None,
        updated=draw(aware),
        sequence=draw(st.integers(0, 10**6)),
    )
    return Entry(tracked=tracked, mentions=mentions, history=history)


@given(entries())
@settings(max_examples=150, deadline=None)
def test_store_then_load_round_trips(entry: Entry) -> None:
    with Store(":memory:") as store:
        store.save(entry)
        loaded = store.get(entry.id)
    assert loaded == entry
    assert full(loaded) == full(entry)


@given(entries(), st.lists(commitments(), min_size=1, max_size=2), resolutions)
@settings(max_examples=50, deadline=None)
def test_saving_again_appends_mentions_and_history(
    entry: Entry, more: list[Commitment], resolution: Resolution
) -> None:
    added = tuple(Mention(commitment=c, document="d3") for c in more)
    grown = attrs.evolve(
        entry,
        tracked=attrs.evolve(
            entry.tracked,
            resolution=resolution,
            mentions=entry.tracked.mentions + tuple(m.source for m in added),
            sequence=entry.tracked.sequence + 1,
        ),
        mentions=entry.mentions + added,
        history=(*entry.history, resolution),
    )
    with Store(":memory:") as store:
        store.save(entry)
        store.save(grown)
        assert full(store.get(entry.id)) == full(grown)
        assert len(store.entries()) == 1


def test_a_file_store_round_trips_across_connections(tmp_path: Path) -> None:
    entry = entry_of(make(), make("call him", start=50))
    with Store(tmp_path / "c.db") as store:
        store.save(entry)
    with Store(tmp_path / "c.db") as store:
        assert full(store.get(entry.id)) == full(entry)


def test_save_refuses_an_entry_whose_resolution_is_not_its_last_history() -> None:
    entry = entry_of(make())
    resolution = Resolution(status=Status.KEPT, on=dt.date(2025, 9, 5), recorded=NOW)
    bad = attrs.evolve(entry, tracked=attrs.evolve(entry.tracked, resolution=resolution))
    with Store(":memory:") as store, pytest.raises(ValueError, match="last one in its history"):
        store.save(bad)


def test_save_refuses_naive_times() -> None:
    entry = entry_of(make())
    naive_time = dt.datetime(2025, 9, 3)  # noqa: DTZ001 - on purpose
    naive = attrs.evolve(entry, tracked=attrs.evolve(entry.tracked, updated=naive_time))
    with Store(":memory:") as store, pytest.raises(ValueError, match="no time zone"):
        store.save(naive)


def test_only_the_store_imports_sqlite3() -> None:
    import commitments

    library = Path(commitments.__file__).parent
    importers = [
        path.relative_to(library).as_posix()
        for path in library.rglob("*.py")
        if re.search(r"^\s*(import sqlite3|from sqlite3)", path.read_text("utf-8"), re.M)
    ]
    assert importers == ["tracker/store.py"]


# -- the database file ---------------------------------------------------------------------


def test_a_new_store_is_versioned_wal_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store(path).close()
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        db.close()
    assert tables == {
        "documents",
        "commitments",
        "mentions",
        "resolutions",
        "claims",
        "links",
        "speaker_aliases",
        "speaker_changes",
        "speaker_words",
    }
    with Store(path) as store:
        assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_dates_are_stored_as_iso_text(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store(path) as store:
        store.save(entry_of(make(due=window("2025-09-04", "2025-09-10"))))
    db = sqlite3.connect(path)
    try:
        row = db.execute("SELECT due_earliest, due_latest, updated FROM commitments").fetchone()
    finally:
        db.close()
    assert row == ("2025-09-04", "2025-09-10", "2025-09-03T12:00:00+00:00")


def _sqlite_file_of_another_program(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.execute("INSERT INTO notes VALUES ('mine')")
    db.commit()
    db.close()


def _truncated_store(path: Path) -> None:
    with Store(path) as store:
        for n in range(40):
            store.save(entry_of(make(f"promise number {n} " + "x" * 500)))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (
            lambda p: p.write_text("these are my notes, not a database\n" * 20),
            "not a commitments database",
        ),
        (lambda p: p.write_bytes(bytes(range(256)) * 8), "not a commitments database"),
        (
            lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000),
            "not a commitments database",
        ),
        (_sqlite_file_of_another_program, "not a commitments store"),
    ],
    ids=["text", "binary", "bad-sqlite-header", "another-programs-sqlite"],
)
def test_a_file_that_is_not_ours_is_refused_and_left_untouched(
    tmp_path: Path, make_file, message: str
) -> None:
    path = tmp_path / "c.db"
    make_file(path)
    before = path.read_bytes()
    with pytest.raises(CorruptStoreError, match=message) as caught:
        Store(path)
    assert "left untouched" in str(caught.value)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db"]


def test_a_damaged_store_gives_a_clear_error_and_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    _truncated_store(path)
    before = path.read_bytes()
    with pytest.raises(CorruptStoreError, match="damaged"):
        with Store(path) as store:
            store.entries()
            store.save(entry_of(make("another")))
    assert path.read_bytes() == before


def test_a_store_from_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerStoreError, match="newer version of commitments") as caught:
        Store(path)
    assert f"schema {SCHEMA_VERSION + 1}" in str(caught.value)
    assert isinstance(caught.value, RuntimeError)
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    path.touch()
    with Store(path) as store:
        assert store.entries() == []


@pytest.mark.parametrize(
    ("where", "message"),
    [("missing/c.db", "does not exist"), (".", "is a folder")],
    ids=["missing-folder", "folder"],
)
def test_a_path_that_cannot_be_a_store(tmp_path: Path, where: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store(tmp_path / where)


def test_migrating_again_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    entry = entry_of(make())
    with Store(path) as store:
        store.save(entry)
    for _ in range(2):
        with Store(path) as store:
            assert store.ids() == [entry.id]


# -- ids -----------------------------------------------------------------------------------


@pytest.fixture
def three() -> Iterator[Store]:
    store = Store(":memory:")
    for id in ("abcd1111aaaa0000", "abcd2222bbbb0000", "ef001111cccc0000"):
        store.save(entry_of(attrs.evolve(make(), id=id)))
    yield store
    store.close()


@pytest.mark.parametrize(
    ("prefix", "found"),
    [
        ("abcd1", "abcd1111aaaa0000"),
        ("ABCD2", "abcd2222bbbb0000"),
        (" ef00 ", "ef001111cccc0000"),
        ("ef001111cccc0000", "ef001111cccc0000"),
    ],
    ids=["prefix", "upper-case", "spaces", "whole-id"],
)
def test_a_unique_prefix_finds_its_id(three: Store, prefix: str, found: str) -> None:
    assert three.resolve_prefix(prefix) == found


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("abcd", "matches several commitments"),
        ("9999", "no commitment has an id starting with"),
        ("ab", "too short"),
        ("xyz1", "not a commitment id"),
        ("", "not a commitment id"),
    ],
    ids=["ambiguous", "none", "too-short", "not-hex", "empty"],
)
def test_a_prefix_that_does_not_name_one_id(three: Store, prefix: str, message: str) -> None:
    with pytest.raises(NotFoundError, match=message) as caught:
        three.resolve_prefix(prefix)
    assert isinstance(caught.value, LookupError)


def test_get_of_an_unknown_id(three: Store) -> None:
    with pytest.raises(NotFoundError):
        three.get("0000000000000000")


def test_candidates_by_mention_id_or_speaker_on_overlapping_days() -> None:
    a = make("a", speaker="Donald Trump", issued=window("2025-09-01", "2025-09-03"))
    b = make("b", speaker="Vladimir Putin")
    nobody = make("c", speaker=None)
    with Store(":memory:") as store:
        for c in (a, b, nobody):
            store.save(entry_of(c))

        def found(speaker: str, id: str, issued: Window) -> list[str]:
            return [
                e.id for e in store.candidates(speaker_key=speaker, mention_id=id, issued=issued)
            ]

        assert found("donald trump", "-", window("2025-09-03", "2025-09-10")) == [a.id]
        assert found("donald trump", "-", window("2025-08-01", "2025-09-01")) == [a.id]
        assert found("donald trump", "-", window("2025-09-04", "2025-09-10")) == []
        assert found("nobody", b.id, window("2000-01-01")) == [b.id]
        assert found("", "-", window("2025-09-03")) == []
        assert found("nobody", "-", window("2025-09-03")) == []
