"""Batch extraction: ordered, streaming, the same for any number of worker processes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commitments import batch
from commitments.batch import Extracted, extract_many
from commitments.readers.extracted import from_record, read_records, to_record
from commitments.errors import FormatError
from commitments.extraction import extract_document
from commitments.readers import ReadFailure, read_sources
from commitments.records import Document, Kind, Source, Status, Window

SEED = Path(__file__).parent.parent / "seeds" / "putin-zelenskyy-moscow.md"
PARAGRAPHS = [p for p in SEED.read_text("utf-8").split("\n\n") if p.strip() and p[0] != "-"]
DAY = dt.date(2025, 9, 3)


def _archive(path: Path, count: int, *, bad_line: int | None = None) -> Path:
    """``count`` articles cut from the seed, one a line, dated over a week."""
    lines = []
    for number in range(count):
        record = {
            "id": f"a{number}",
            "published": (DAY + dt.timedelta(days=number % 7)).isoformat(),
            "text": "\n\n".join(PARAGRAPHS[number % len(PARAGRAPHS) :][:4]),
        }
        if number % 5 == 4:
            del record["published"]  # undated: takes `undated`
        lines.append(json.dumps(record))
    if bad_line is not None:
        lines.insert(bad_line - 1, "{not json")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _summary(results: list[Extracted]) -> list[tuple[str | None, list[str], str | None]]:
    return [
        (
            r.document.name if r.document else None,
            [json.dumps(c.to_json(DAY), sort_keys=True) for c in r.commitments],
            str(r.failure) if r.failure else None,
        )
        for r in results
    ]


def test_workers_give_the_same_output_in_input_order(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 3)  # many chunks, several in flight
    archive = _archive(tmp_path / "archive.jsonl", 40, bad_line=7)
    one = list(extract_many(read_sources([str(archive)]), undated=DAY))
    two = list(extract_many(read_sources([str(archive)]), jobs=2, undated=DAY))
    assert _summary(one) == _summary(two)
    assert [r.document.name for r in one if r.document][:3] == ["a0", "a1", "a2"]
    assert one[6].failure is not None and one[6].failure.line == 7  # in its place
    assert sum(len(r.commitments) for r in one) > 40


def test_each_result_is_what_extract_document_gives(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "archive.jsonl", 6)
    for result in extract_many(read_sources([str(archive)]), undated=DAY):
        assert result.document is not None and result.failure is None
        day = result.document.published or DAY
        assert list(result.commitments) == extract_document(result.document, published=day)


def test_published_overrides_and_undated_fills_in() -> None:
    dated = Document(text="The minister said the bridge will reopen tomorrow.", name="d",
                     published=dt.date(2025, 1, 1))
    undated = Document(text="The minister said the bridge will reopen tomorrow.", name="u")
    found = list(extract_many([dated, undated], undated=DAY))
    assert [r.commitments[0].due for r in found] == [
        Window.day(dt.date(2025, 1, 2)), Window.day(DAY + dt.timedelta(days=1))
    ]
    forced = list(extract_many([dated], published=DAY))
    assert forced[0].commitments[0].due == Window.day(DAY + dt.timedelta(days=1))


def test_an_undated_document_without_a_default_fails_alone() -> None:
    undated = Document(text="The bridge will reopen tomorrow, the minister said.", name="u")
    failure = ReadFailure(source="x.jsonl", line=3, message="is not valid JSON")
    results = list(extract_many([failure, undated, undated]))
    assert results[0].failure is failure and results[0].document is None
    assert results[1].failure is not None and "publication date" in results[1].failure.message
    assert results[1].document is undated


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(extract_many([], jobs=0))


def test_input_is_read_lazily() -> None:
    """Only a few chunks are read ahead: an endless input still gives its first results."""

    def endless() -> object:
        number = 0
        while True:
            number += 1
            yield Document(text="He will call her tomorrow, Smith said.", name=str(number),
                           published=DAY)

    first = next(extract_many(endless()))  # type: ignore[arg-type]
    assert first.document is not None and first.document.name == "1"


# -- records ----------------------------------------------------------------------------------


def test_records_round_trip_a_real_extraction() -> None:
    document = Document(text=SEED.read_text("utf-8"), name="seed.md", published=DAY,
                        url="https://example.org/a", title="Talks", tz="Europe/Kyiv")
    found = extract_document(document)
    again, commitments = from_record(json.loads(json.dumps(to_record(document, found))))
    assert again == document
    assert commitments == found
    assert [c.id for c in commitments] == [c.id for c in found]
    assert [c.source for c in commitments] == [c.source for c in found]


@settings(max_examples=50, deadline=None)
@given(
    stated=st.sampled_from([None, *Status]),
    kind=st.sampled_from(list(Kind)),
    due=st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1))),
    at=st.one_of(st.none(), st.times()),
    text=st.text(max_size=40),
)
def test_records_keep_every_field(stated: Status | None, kind: Kind, due: dt.date | None,
                                  at: dt.time | None, text: str) -> None:
    from commitments.records import Commitment

    window = Window.day(due) if due else None
    due_at = dt.datetime.combine(due, at, tzinfo=dt.UTC) if due and at else None
    c = Commitment(speaker=text or None, action="act " + text, kind=kind, text=text,
                   expression=text or None, issued=Window.day(DAY), due=window, stated=stated,
                   due_at=due_at, condition=text or None,
                   source=Source(document="d", start=0, end=3, url=None, line=4))
    document = Document(text=text, name="d")
    _, (back,) = from_record(json.loads(json.dumps(to_record(document, [c]))))
    assert (back, back.text, back.source, back.id, back.due_at) == (c, c.text, c.source, c.id,
                                                                     c.due_at)


@pytest.mark.parametrize(
    "record",
    [{}, {"document": {"name": "x"}, "commitments": []}, {"document": [], "commitments": []},
     {"document": {"name": "x", "text": "t"}, "commitments": [{"id": "1"}]}],
    ids=["empty", "no-text", "document-not-object", "commitment-incomplete"],
)
def test_a_bad_record_is_a_format_error_that_names_its_line(record: object) -> None:
    with pytest.raises(FormatError, match=r"^out\.jsonl:4: is not a record"):
        from_record(record, source="out.jsonl", line=4)


def test_read_records_streams_and_reports_bad_lines(tmp_path: Path) -> None:
    document = Document(text="He will call tomorrow, Smith said.", name="a", published=DAY)
    good = json.dumps(to_record(document, extract_document(document)))
    failed = json.dumps({"failure": {"source": "in.jsonl", "line": 9, "message": "is not JSON"}})
    path = tmp_path / "out.jsonl"
    path.write_text("\n".join([good, "", "[1, 2", '{"x": 1}', failed, good]) + "\n", "utf-8")
    items = list(read_records([str(path), str(tmp_path / "missing.jsonl")]))
    assert [type(i).__name__ for i in items] == [
        "tuple", "ReadFailure", "ReadFailure", "ReadFailure", "tuple", "ReadFailure"
    ]
    assert (items[1].line, items[2].line) == (3, 4)  # type: ignore[union-attr]
    assert str(items[3]) == "in.jsonl:9: is not JSON"
    assert "cannot read" in str(items[5])
