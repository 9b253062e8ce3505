"""Properties over arbitrary text, bytes and documents: extraction raises nothing but our own
errors, windows are never inverted, the same input gives the same ids, and segmentation and
line reading keep their bounds."""

from __future__ import annotations

import datetime as dt
import io

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from commitments import CommitmentsError, extract
from commitments.extraction import extract_document
from commitments.readers import FORMATS, ReadFailure, read_sources
from commitments.readers.base import capped_lines
from commitments.records import Commitment, Document, Turn
from commitments.extraction.segmentation import MAX_PARAGRAPH, MAX_SENTENCE, paragraphs, quotes, sentences

WORDS = [
    "will", "would", "pledged", "promised", "threatened", "must", "deadline", "said", "told",
    "reporters", "according to", "he", "she", "they", "we", "I", "the ministry", "Trump",
    "President Donald Trump", "Ana Ruiz", "Putin's office", "by", "Friday", "within", "two weeks",
    "in 3 months", "next year", "last month", "yesterday", "tomorrow", "Christmas", "Q4", "H2",
    "by the end of the year", "on 17 September", "31 December 9999", "1 January 0001", "in 9999",
    "99999", "at 6 p.m.", "had now expired", "kept her promise", "if the talks fail", "“", "”",
    '"', "'", ",", ".", "!", "?", ";", ":", "—", "(", ")", "\n", "\n\n", "- [ ]", "Action:",
    "@omar", "TODO(ana):", "Ann:", "[10:02]", "> ", "On Mon, 1 Sep 2025 Tom wrote:", "\t", " ",
    "\u2028", "\x0b", "\x00", "\ufeff", "é", "Zürich", "سوف", "将", "🙂",
]
text_of_words = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=400), text_of_words)
days = st.one_of(
    st.dates(),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 31), dt.date(9999, 12, 25)]),
)
SETTINGS = settings(max_examples=250, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def check(found: list[Commitment], document_end: int, offset: int = 0) -> None:
    for c in found:
        assert c.issued.earliest <= c.issued.latest
        assert c.due is None or c.due.earliest <= c.due.latest
        assert offset <= c.source.start <= c.source.end <= offset + document_end
        assert c.to_json(dt.date(2025, 9, 3))


@SETTINGS
@given(text=any_text, published=days)
def test_extraction_raises_only_our_errors_and_is_deterministic(
    text: str, published: dt.date
) -> None:
    try:
        first = extract(text, published=published)
    except CommitmentsError:
        return
    check(first, len(text))
    again = extract(text, published=published)
    assert [c.id for c in again] == [c.id for c in first]
    assert [c.to_json(published) for c in again] == [c.to_json(published) for c in first]


@SETTINGS
@given(data=st.one_of(st.binary(max_size=600), text_of_words.map(str.encode)),
       input_format=st.sampled_from([None, *FORMATS]), published=days)
def test_any_bytes_in_any_format_are_read_or_refused(
    data: bytes, input_format: str | None, published: dt.date
) -> None:
    for item in read_sources(["-"], input_format=input_format, stdin=io.BytesIO(data)):
        if isinstance(item, ReadFailure):
            assert str(item) and "\n" not in item.message
            continue
        try:
            found = extract_document(item, published=item.published or published)
        except CommitmentsError:
            continue
        check(found, len(item.text), item.offset)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(any_text)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    turns = []
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        if end > start:
            turns.append(Turn(
                speaker=draw(st.one_of(st.none(), st.sampled_from(["Ann", "Bo Lind", "", "I"]))),
                start=start, end=end, action=draw(st.booleans()),
                published=draw(st.one_of(st.none(), days)),
            ))
    return Document(text=text, name="doc", published=draw(days), turns=tuple(turns),
                    tz=draw(st.sampled_from([None, "Europe/Berlin", "Pacific/Kiritimati"])))


@SETTINGS
@given(document=documents())
def test_any_document_with_turns_is_extracted(document: Document) -> None:
    try:
        found = extract_document(document)
    except CommitmentsError:
        return
    check(found, len(document.text))


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab .!?“”\"\n\t")), max_size=3_000))
def test_sentences_and_quotes_stay_in_bounds(text: str) -> None:
    spans = list(sentences(text))
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.end - s.start <= MAX_SENTENCE
        assert text[s.start : s.end].strip()
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    for a, b in paragraphs(text):
        assert b - a <= MAX_PARAGRAPH
    for q in quotes(text):
        assert 0 <= q.start <= q.end <= len(text)


def test_a_long_run_without_a_sentence_end_is_cut_at_spaces() -> None:
    text = "we will go " * 1_000  # 11,000 characters, no full stop
    spans = list(sentences(text))
    assert len(spans) > 1
    assert all(s.end - s.start <= MAX_SENTENCE for s in spans)
    assert all(text[s.end] == " " and text[s.start - 1 : s.start] in ("", " ") for s in spans[:-1])
    assert " ".join(text[s.start : s.end] for s in spans) == text.strip()


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")), max_size=8),
       limit=st.integers(1, 30))
def test_capped_lines_keep_short_lines_and_cut_long_ones(lines: list[bytes], limit: int) -> None:
    assume(lines)
    data = b"\n".join(lines) + b"\n"
    read = list(capped_lines(io.BytesIO(data), limit))
    assert len(read) == len(lines)
    for got, line in zip(read, lines, strict=True):
        if len(line) + 1 <= limit:
            assert got == line + b"\n"
        else:
            assert len(got) == limit + 1 and (line + b"\n").startswith(got)
