"""Text and Markdown readers: front matter, chat lines, action items, and telling them apart."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commitments.errors import FormatError
from commitments.readers.actions import is_action_heading, match_action_line
from commitments.readers.chat import is_speaker_name, looks_like_chat, match_chat_line
from commitments.readers.frontmatter import split_front_matter
from commitments.readers.text import body_form, read_plain
from commitments.records import Document

D06 = (
    "Sam: I'll push the fix tonight.\nAna: Then I'll write the release notes by Monday.\n"
    "Sam: Thanks!\n"
)


def said(document: Document) -> list[tuple[str | None, str, bool]]:
    """Each turn as (speaker, its text, is an action item)."""
    return [(t.speaker, document.text[t.start : t.end], t.action) for t in document.turns]


# -- front matter ---------------------------------------------------------------------------


def test_front_matter_fields_and_body_offset() -> None:
    text = (
        "---\n"
        'title: "Sync: week 37"  \n'
        "published: 2025-09-03\n"
        "tz: Europe/Berlin\n"
        "source: 'https://example.org/minutes'\n"
        "# a comment\n"
        "tags:\n"
        "  - ops\n"
        "---\n"
        "Body starts here.\n"
    )
    meta = split_front_matter(text, "x.md")
    assert meta.title == "Sync: week 37"
    assert meta.published == dt.date(2025, 9, 3)
    assert meta.tz == "Europe/Berlin"
    assert meta.url == "https://example.org/minutes"
    assert text[meta.body_offset :] == "Body starts here.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-03", dt.date(2025, 9, 3)),
        ('"2025-09-03"', dt.date(2025, 9, 3)),
        ("2025-09-03T22:15:00-05:00", dt.date(2025, 9, 3)),
        ("2025-09-03 08:00", dt.date(2025, 9, 3)),
    ],
    ids=["bare", "quoted", "datetime-keeps-local-day", "space-time"],
)
def test_front_matter_dates(value: str, expected: dt.date) -> None:
    assert split_front_matter(f"---\npublished: {value}\n---\nx").published == expected


def test_date_is_an_alias_and_source_that_is_not_a_url_is_not_one() -> None:
    meta = split_front_matter("---\ndate: 2025-01-02\nsource: seed article\n---\n")
    assert meta.published == dt.date(2025, 1, 2)
    assert meta.url is None
    assert meta.source == "seed article"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            "---\ntitle: x\npublished: 2025-09-03\nBody without a closing fence.\n",
            1,
            "never closes",
        ),
        ("---\ntitle: x\njust words\n---\nbody", 3, "not 'key: value'"),
        ("---\npublished: 3 September\n---\nbody", 2, "YYYY-MM-DD"),
        ("---\npublished: 2025-02-30\n---\nbody", 2, "not a real date"),
        ("---\ntz: Mars/Olympus\n---\nbody", 2, "IANA"),
        ('---\ntitle: "open\n---\nbody', 2, "unclosed double quote"),
    ],
    ids=["never-closes", "not-key-value", "bad-date", "impossible-date", "bad-zone", "open-quote"],
)
def test_front_matter_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(FormatError) as caught:
        split_front_matter(text, "notes.md")
    assert caught.value.source == "notes.md"
    assert caught.value.line == line
    assert words in caught.value.message


@pytest.mark.parametrize(
    "text",
    ["No front matter.\n---\nnot: this\n---\n", "---\n\nA horizontal rule, then prose.\n", ""],
    ids=["fence-later", "horizontal-rule", "empty"],
)
def test_text_without_front_matter(text: str) -> None:
    assert split_front_matter(text).body_offset == 0


def test_front_matter_with_crlf_line_ends() -> None:
    text = "---\r\npublished: 2025-09-03\r\n---\r\nBody.\r\n"
    meta = split_front_matter(text)
    assert meta.published == dt.date(2025, 9, 3)
    assert text[meta.body_offset :] == "Body.\r\n"


# -- chat lines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "speaker", "rest"),
    [
        ("Sam: I'll push the fix tonight.", "Sam", "I'll push the fix tonight."),
        ("[10:02] Sam: hi", "Sam", "hi"),
        ("10:02 Jo Park: hi", "Jo Park", "hi"),
        ("10:02 AM - Jo Park: hi", "Jo Park", "hi"),
        ("[2025-09-03 10:02:11] ana: hi", "ana", "hi"),
        ("03/09/2025, 10:02 - Sam Lee: hi", "Sam Lee", "hi"),
        ("Sam [10:02]: hi", "Sam", "hi"),
        ("(10:02) Ana de Souza: hi", "Ana de Souza", "hi"),
        ("@omar: hi", "omar", "hi"),
        ("Speaker 1: hi", "Speaker 1", "hi"),
        ("TRUMP: We will see.", "TRUMP", "We will see."),
    ],
    ids=[
        "plain", "bracket-time", "bare-time", "time-dash", "iso-stamp", "whatsapp", "time-after",
        "paren-time-particle", "handle", "numbered", "caps",
    ],
)  # fmt: skip
def test_chat_lines(line: str, speaker: str, rest: str) -> None:
    found = match_chat_line(line)
    assert found is not None
    assert found.speaker == speaker
    assert line[found.text_start :] == rest


@pytest.mark.parametrize(
    "line",
    [
        "Note: the figures are provisional.",
        "Editor's note: updated at 10:00.",
        "He said: we will see.",
        "See https://example.org for more.",
        "The Prime Minister said: no.",
        "- Sam: a list item",
        "Sam:no space",
        "    Sam: indented",
    ],
    ids=["label", "editors-note", "said", "url", "said-title", "list-item", "no-space", "indented"],
)
def test_not_chat_lines(line: str) -> None:
    assert match_chat_line(line) is None


def test_caption_markers_are_allowed_only_for_captions() -> None:
    assert match_chat_line(">> TRUMP: We will.") is None
    found = match_chat_line(">> TRUMP: We will.", captions=True)
    assert found is not None and found.speaker == "TRUMP"


def test_iso_timestamp_dates_the_line() -> None:
    found = match_chat_line("[2025-09-03 10:02] Sam: I'll do it.")
    assert found is not None and found.published == dt.date(2025, 9, 3)
    assert match_chat_line("[10:02] Sam: I'll do it.").published is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "ok"),
    [("Jo Park", True), ("omar", True), ("Dr. Smith", True), ("Note", False),
     ("the team", False), ("A Very Long Name Indeed", False), ("12", False)],
    ids=["full-name", "handle", "title", "label", "lower-phrase", "five-words", "digits"],
)  # fmt: skip
def test_speaker_names(name: str, ok: bool) -> None:
    assert is_speaker_name(name) is ok


@pytest.mark.parametrize(
    ("text", "chat"),
    [
        (D06, True),
        ("Note: the figures are provisional.\n\nThe minister said the plan would pass.\n", False),
        (
            "WASHINGTON: The president said on Tuesday that talks would resume.\n\n"
            "Officials said a date had not been set.\n\nA spokesman declined to comment.\n",
            False,
        ),
        ("Sam: only one line of chat.\n", False),
        (
            "Sam: I will take this one.\nIt needs a day or two.\nMaybe three.\n\n"
            "Ana: Fine by me.\nI'll review it.\nAnd merge.\n\nSam: Great.\n",
            True,
        ),
        (
            "# Standup\n\nSam: I'll fix it.\nAna: I'll test it.\n\n## Action items\n- @sam fix\n",
            True,
        ),
    ],
    ids=["d06", "note-paragraph", "dateline", "one-line", "long-turns", "with-heading-and-actions"],
)
def test_looks_like_chat(text: str, chat: bool) -> None:
    assert looks_like_chat(text) is chat


def test_chat_turns_exclude_the_names() -> None:
    document = read_plain(D06, name="d06.txt")
    assert said(document) == [
        ("Sam", "I'll push the fix tonight.", False),
        ("Ana", "Then I'll write the release notes by Monday.", False),
        ("Sam", "Thanks!", False),
    ]
    assert [t.line for t in document.turns] == [1, 2, 3]


def test_continuation_lines_belong_to_the_previous_speaker() -> None:
    text = "[10:02] Tom: I can take it,\nbut not before Friday.\n\n[10:03] Ana: Thanks.\n"
    assert said(read_plain(text, form="chat")) == [
        ("Tom", "I can take it,\nbut not before Friday.", False),
        ("Ana", "Thanks.", False),
    ]


def test_text_before_the_first_speaker_is_narration() -> None:
    text = "---\npublished: 2025-09-03\n---\n# Weekly sync\n\nSam: I'll do it.\nAna: Ok.\n"
    document = read_plain(text, name="sync.md")
    assert said(document)[0] == (None, "# Weekly sync", False)
    assert document.turns[1].line == 6  # counted in the file, front matter included
    assert document.offset == text.index("# Weekly")


# -- action items ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "owner", "task"),
    [
        ("Lena to circulate the minutes by Thursday", "Lena", "circulate the minutes by Thursday"),
        ("- [ ] @omar update the risk register before 17 September", "omar",
         "update the risk register before 17 September"),
        ("Action: Bob — send deck — Fri", "Bob", "send deck — Fri"),
        ("TODO(ana): send the invoice by Friday", "ana", "send the invoice by Friday"),
        ("ACTION: Bob to send the deck by Friday", "Bob", "send the deck by Friday"),
        ("Action item: Lena and Tom to book the room", "Lena and Tom", "book the room"),
        ("AI: Priya - draft the plan by Monday", "Priya", "draft the plan by Monday"),
        ("Action (Bob): send the deck", "Bob", "send the deck"),
        ("TODO: @ana fix the build", "ana", "fix the build"),
        ("* send the deck (@bob)", "bob", "send the deck"),
        ("1. @tom — book the room tomorrow", "tom", "book the room tomorrow"),
    ],
    ids=[
        "owner-to", "checkbox-handle", "action-dashes", "todo-owner", "action-to", "two-owners",
        "ai", "action-paren", "todo-handle", "trailing-handle", "numbered-handle",
    ],
)  # fmt: skip
def test_action_items(line: str, owner: str, task: str) -> None:
    item = match_action_line(line)
    assert item is not None
    assert (item.owner, line[item.start : item.end]) == (owner, task)
    assert not item.done


def test_ticked_items_are_done() -> None:
    item = match_action_line("- [x] @omar update the risk register")
    assert item is not None and item.done


@pytest.mark.parametrize(
    ("line", "loose"),
    [("- Lena: circulate the minutes", True), ("- Tom — book the room", True),
     ("- [ ] Lena: circulate the minutes", False)],
    ids=["colon-item", "dash-item", "checkbox-colon"],
)  # fmt: skip
def test_loose_forms(line: str, loose: bool) -> None:
    item = match_action_line(line, loose=True)
    assert item is not None and item.owner in ("Lena", "Tom")
    if loose:
        assert match_action_line(line, loose=False) is None


@pytest.mark.parametrize(
    "line",
    [
        "Action: send the deck",
        "The retailer promised to deliver.",
        "Actions: none",
        "- a list item",
    ],
    ids=["no-owner", "prose", "none", "bullet"],
)
def test_not_action_items(line: str) -> None:
    assert match_action_line(line, loose=True) is None


@pytest.mark.parametrize(
    ("line", "heading"),
    [("## Action items", True), ("Next steps:", True), ("**Action items**", True),
     ("# Follow-ups from the sync", True), ("Actions", False),
     ("We discussed the next steps: none were agreed.", False)],
    ids=["markdown", "colon", "bold", "follow-ups", "bare-word", "sentence"],
)  # fmt: skip
def test_action_headings(line: str, heading: bool) -> None:
    assert is_action_heading(line) is heading


def test_action_section_in_prose_notes() -> None:
    text = (
        "# Notes\n\nThe board said it would decide in October.\n\n"
        "## Action items\n- Lena: circulate the minutes by Thursday\n- [x] @omar done already\n"
        "- Tom — book the room\n\nLena: this line is after the section.\n"
    )
    document = read_plain(text)
    assert said(document) == [
        (None, "# Notes\n\nThe board said it would decide in October.", False),
        (None, "## Action items", False),
        ("Lena", "circulate the minutes by Thursday", True),
        ("omar", "done already", True),  # ticked: a turn marked done (a kept commitment)
        ("Tom", "book the room", True),
        (None, "Lena: this line is after the section.", False),
    ]
    assert [t.done for t in document.turns if t.action] == [False, True, False]


def test_a_list_of_action_items_is_read_as_one() -> None:
    text = (
        "Lena to circulate the minutes by Thursday\n"
        "- [ ] @omar update the risk register before 17 September\n"
        "Action: Bob — send deck — Fri\n"
        "TODO(ana): send the invoice by Friday\n"
    )
    assert body_form(text) == "actions"
    assert [(s, a) for s, _, a in said(read_plain(text))] == [
        ("Lena", True), ("omar", True), ("Bob", True), ("ana", True)
    ]  # fmt: skip


def test_prose_has_no_turns_and_a_headline_infinitive_is_not_an_item() -> None:
    text = "Talks to resume next week, officials said.\n\nThe minister said they would.\n"
    assert body_form(text) == "text"
    assert read_plain(text).turns == ()


def test_forced_forms() -> None:
    assert read_plain(D06, form="text").turns == ()
    assert read_plain("- Lena: circulate the minutes\n", form="actions").turns[0].speaker == "Lena"
    assert (
        read_plain("Sam: one line is a chat if you say so\n", form="chat").turns[0].speaker == "Sam"
    )


# -- properties -----------------------------------------------------------------------------

_LINES = st.sampled_from(
    [
        "Sam: I'll push the fix tonight.", "[10:02] Ana: Sure.", "continued words", "",
        "## Action items", "- Lena: circulate the minutes", "- [ ] @omar update it",
        "Action: Bob — send deck — Fri", "Plain prose sentence.", "# Heading", "   ",
        "TODO(ana): x", "- [x] @tom done",
    ]
)  # fmt: skip


@given(st.lists(_LINES, max_size=12), st.sampled_from([None, "text", "chat", "actions"]))
def test_turns_are_ordered_disjoint_and_trimmed(lines: list[str], form: str | None) -> None:
    text = "\n".join(lines)
    document = read_plain(text, form=form, front_matter=False)
    previous_end = 0
    for turn in document.turns:
        assert previous_end <= turn.start < turn.end <= len(document.text)
        span = document.text[turn.start : turn.end]
        assert span == span.strip()
        previous_end = turn.end


@given(st.text(max_size=300))
def test_any_text_without_front_matter_reads(text: str) -> None:
    document = read_plain(text, front_matter=False)
    assert document.text == text


def test_a_federal_register_action_field_is_no_action_item() -> None:
    header = "AGENCY: Federal Aviation Administration (FAA), DOT.\nACTION: Notice of proposed rulemaking.\n"
    document = read_plain(header + "\nComments must be received by May 9, 2024.\n", name="n.txt")
    assert not any(turn.action for turn in document.turns)
    minutes = read_plain("ACTION: Bob to send the deck by Friday.\n", name="m.txt")
    assert [turn.speaker for turn in minutes.turns if turn.action] == ["Bob"]
