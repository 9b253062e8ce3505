"""WebVTT and SubRip captions: voices, ``Name:`` prefixes, header metadata, malformed files."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from commitments.errors import FormatError
from commitments.readers.vtt import read_captions
from commitments.records import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

D12 = (
    "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v Jo Park>I'll send the slides tomorrow.\n\n"
    "00:00:03.500 --> 00:00:07.000\n<v Ravi Menon>I'll have the numbers ready by next Friday.\n"
)


def said(document: Document) -> list[tuple[str | None, str]]:
    return [(t.speaker, document.text[t.start : t.end]) for t in document.turns]


def test_voices_become_turns_without_their_tags() -> None:
    document = read_captions(D12, name="d12.vtt")
    assert said(document) == [
        ("Jo Park", "I'll send the slides tomorrow."),
        ("Ravi Menon", "I'll have the numbers ready by next Friday."),
    ]
    assert "<v" not in document.text
    assert [t.line for t in document.turns] == [4, 7]
    assert document.published is None


def test_one_speakers_cues_join_into_one_turn_and_tags_and_entities_go() -> None:
    text = (
        "WEBVTT\n\n1\n00:00.000 --> 00:02.000\n<v.loud Jo Park>I'll send the</v>\n\n"
        "2\n00:02.000 --> 00:04.000 align:start\n"
        "<v Jo Park><i>slides</i> tomorrow &amp; the notes.\n\n"
        "NOTE a comment --- not a cue\n\n"
        "3\n00:04.000 --> 00:06.000\n<v Ravi>Fine.\n"
    )
    assert said(read_captions(text)) == [
        ("Jo Park", "I'll send the slides tomorrow & the notes."),
        ("Ravi", "Fine."),
    ]


def test_name_prefixes_inside_cues() -> None:
    text = (
        "WEBVTT\n\n00:00.000 --> 00:03.000\nJo Park: I'll send the slides\ntomorrow.\n\n"
        "00:03.000 --> 00:05.000\n- Ravi: Thanks.\n- Jo Park: And I'll book the room.\n\n"
        "00:05.000 --> 00:07.000\n>> ANA: We will see.\n"
    )
    document = read_captions(text)
    assert said(document) == [
        ("Jo Park", "I'll send the slides tomorrow."),
        ("Ravi", "Thanks."),
        ("Jo Park", "And I'll book the room."),
        ("ANA", "We will see."),
    ]
    assert "Jo Park:" not in document.text


def test_unnamed_dialogue_dashes_are_separate_unknown_speakers() -> None:
    text = (
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Jo>Right.\n\n"
        "00:02.000 --> 00:04.000\n- Are you coming?\n- Yes, I'll be there.\n"
    )
    assert said(read_captions(text)) == [
        ("Jo", "Right."),
        (None, "Are you coming?"),
        (None, "Yes, I'll be there."),
    ]


def test_captions_without_any_speaker_are_plain_prose() -> None:
    text = (
        "WEBVTT\n\n00:00.000 --> 00:02.000\nWe will open the ward\n\n"
        "00:02.000 --> 00:03.000\nby May.\n"
    )
    document = read_captions(text)
    assert document.turns == ()
    assert document.text == "We will open the ward by May.\n"


def test_header_metadata() -> None:
    text = (
        "WEBVTT - sync\nTitle: Weekly sync\nPublished: 2025-09-03\nTZ: Europe/Berlin\n\n" + D12[8:]
    )
    document = read_captions(text, name="sync.vtt")
    assert (document.title, document.published, document.tz) == (
        "Weekly sync",
        dt.date(2025, 9, 3),
        "Europe/Berlin",
    )


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Hello\n\n00:00.000 --> 00:01.000\nhi\n", 1, "first line must be 'WEBVTT'"),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n\n00:01,000 --> 00:02,000\nyo\n", 6, "cue timing"),
        ("WEBVTT\n\nxx --> 00:03.000\nbad\n", 3, "expected a line like 00:01:02.500"),
        ("WEBVTT\nPublished: yesterday\n\n00:00.000 --> 00:01.000\nhi\n", 2, "YYYY-MM-DD"),
    ],
    ids=["no-header", "srt-timing-in-vtt", "garbled-timing", "bad-published"],
)
def test_malformed_vtt_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(FormatError) as caught:
        read_captions(text, name="bad.vtt")
    assert (caught.value.source, caught.value.line) == ("bad.vtt", line)
    assert words in caught.value.message


def test_srt_with_name_prefixes() -> None:
    text = (
        "1\n00:00:00,000 --> 00:00:02,500\nJo Park: I'll send the slides\n<i>tomorrow.</i>\n\n"
        "2\n00:00:03,000 --> 00:00:05,000\nRavi Menon: Fine.\n"
    )
    document = read_captions(text, name="call.srt", form="srt")
    assert said(document) == [
        ("Jo Park", "I'll send the slides tomorrow."),
        ("Ravi Menon", "Fine."),
    ]
    assert [t.line for t in document.turns] == [3, 8]


def test_malformed_srt() -> None:
    with pytest.raises(FormatError) as caught:
        read_captions("1\n00:00:00 --> 00:00:02\nhi\n", name="x.srt", form="srt")
    assert caught.value.line == 2


def test_the_meeting_transcript_seed() -> None:
    raw = (SEEDS / "meeting-transcript.vtt").read_text("utf-8")
    document = read_captions(raw, name="meeting-transcript.vtt")
    assert document.published == dt.date(2025, 9, 10)
    speakers = {t.speaker for t in document.turns}
    assert speakers == {"Priya Shah", "Tom Becker", "Lena Okafor", "Omar Haddad", "Ana Costa"}
    ends = re.findall(r"--> (\d\d):(\d\d):(\d\d)", raw)
    hours, minutes, _ = map(int, ends[-1])
    assert hours * 60 + minutes >= 30, "at least 30 minutes of talk"
    cues = sum(
        len(re.findall(r"\b(?:I'll|I will|we will|we'll|I'm going to)\b", text, re.IGNORECASE))
        for text in (document.text[t.start : t.end] for t in document.turns)
    )
    assert cues >= 40
    turn_of = {document.text[t.start : t.end]: t.speaker for t in document.turns}
    # "Tom, can you look at …?" / "Yes, I'll look at it tomorrow morning." → Tom's own turn
    assert turn_of["Yes, I'll look at it tomorrow morning."] == "Tom Becker"
    # an interruption ends one turn and starts another
    assert turn_of["Can I jump in on payments? The error screen copy —"] == "Lena Okafor"
    assert turn_of["Go on."] == "Tom Becker"
    # a sentence split over two cues is one sentence in the text
    assert "the plan is still to ship on Tuesday the 23rd." in document.text
