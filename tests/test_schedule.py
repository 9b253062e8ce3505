"""Schedules: agenda lines as commitments of their actor or of the document's voice."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import extract
from commitments.extraction.schedule import item_action, items

PUBLISHED = dt.date(2024, 3, 7)  # a Thursday


def _items(text: str) -> list[tuple[str | None, str, str]]:
    return [
        (i.actor, str(i.due.window(PUBLISHED)), item_action(text, i))
        for i in items(text, 0, len(text), PUBLISHED)
    ]


def test_date_led_lines_are_items_on_their_day() -> None:
    text = (
        "The business for next week will be as follows:\n\n"
        "Monday 11 March—Second Reading of the Harbours Bill.\n\n"
        "Tuesday 12 March—Opposition day (2nd allotted day).\n\n"
        "Friday 15 March—The House will not be sitting.\n"
    )
    assert _items(text) == [
        (None, "2024-03-11", "Second Reading of the Harbours Bill"),
        (None, "2024-03-12", "Opposition day"),
    ]


def test_a_days_business_followed_by_more_is_an_item_each() -> None:
    text = (
        "Wednesday 13 March—Second Reading of the Harbours Bill, followed by a general debate "
        "on fishing followed by a motion on the Iran sanctions order. The subjects were chosen.\n"
    )
    assert _items(text) == [
        (None, "2024-03-13", "Second Reading of the Harbours Bill"),
        (None, "2024-03-13", "a general debate on fishing"),
        (None, "2024-03-13", "a motion on the Iran sanctions order"),
    ]


def test_to_be_followed_by_leaves_no_words_of_its_own() -> None:
    text = "MONDAY 11TH MARCH—Remaining stages of the Harbours Bill, to be followed by a debate.\n"
    assert [action for _, _, action in _items(text)] == [
        "Remaining stages of the Harbours Bill",
        "a debate",
    ]


def test_a_line_of_more_business_under_a_day_is_an_item_on_that_day() -> None:
    text = (
        "The business for next week will be as follows:\n\n"
        "MONDAY 11TH MARCH—Second Reading of the Harbours Bill.\n\n"
        "Second Reading of the Ferries Bill [Lords], which is a consolidation measure.\n\n"
        "Motions relating to the Safety of Piers Orders.\n\n"
        "TUESDAY 12TH MARCH—Opposition day (2nd allotted day).\n\n"
        "The House will rise for the Easter recess at the end of business.\n\n"
        "The business for the week after includes the following:\n"
    )
    assert _items(text) == [
        (None, "2024-03-11", "Second Reading of the Harbours Bill"),
        (
            None,
            "2024-03-11",
            "Second Reading of the Ferries Bill [Lords], which is a consolidation measure",
        ),
        (None, "2024-03-11", "Motions relating to the Safety of Piers Orders"),
        (None, "2024-03-12", "Opposition day"),
    ]


def test_time_led_lines_fall_on_the_heading_day_and_name_their_actor() -> None:
    text = (
        "Reporters may cover the summit on Friday, March 8:\n"
        "9:00 a.m. Secretary Moreno hosts a breakfast with regional mayors.\n"
        "2:30 p.m. Secretary Moreno delivers remarks on water security.\n"
        "10:03 A.M. EST\n"
    )
    assert _items(text) == [
        ("Moreno", "2024-03-08", "Secretary Moreno hosts a breakfast with regional mayors"),
        ("Moreno", "2024-03-08", "Secretary Moreno delivers remarks on water security"),
    ]


def test_a_listed_schedule_gives_deadlines() -> None:
    text = (
        "FURTHER ORDERED that the following briefing schedule will now apply:\n"
        "Opening Brief April 5, 2024 Response Brief May 3, 2024\n"
    )
    found = _items(text)
    assert [(due, what) for _, due, what in found] == [
        ("2024-03-07…2024-04-05", "Opening Brief"),
        ("2024-03-07…2024-05-03", "Response Brief"),
    ]


@pytest.mark.parametrize(
    ("line", "due", "what"),
    [
        (
            "1) Sentence will be imposed on April 18, 2024 at 10:00 AM.",
            "2024-04-18",
            "Sentence will be imposed",
        ),
        (
            "(b) The status hearing is set for April 18, 2024.",
            "2024-04-18",
            "The status hearing is set",
        ),
        ("2) Opposition brief due on April 18, 2024.", "2024-04-18", "Opposition brief due"),
        ("c) Reply brief April 18, 2024", "2024-03-07…2024-04-18", "Reply brief"),
    ],
)
def test_a_listed_event_falls_on_its_day_and_a_listed_filing_is_due_by_it(
    line: str, due: str, what: str
) -> None:
    found = _items(f"IT IS ORDERED as follows:\n{line}\n")
    assert [(d, w) for _, d, w in found] == [(due, what)]


def test_past_items_and_timestamps_are_not_commitments() -> None:
    text = "Monday 4 March—Second Reading of the Harbours Bill.\n10:03 A.M. EST\n"
    assert _items(text) == []


def test_the_pipeline_gives_items_to_the_voice_of_the_schedule() -> None:
    text = (
        "Press Statement, Tom Okafor, Department Spokesperson\n\n"
        "Reporters may cover the conference on Friday, March 8:\n"
        "9:00 a.m. Secretary Moreno opens the conference on water security.\n"
    )
    found = extract(text, published=PUBLISHED)
    assert [(c.speaker, str(c.due)) for c in found] == [("Moreno", "2024-03-08")]


def test_an_item_whose_first_words_name_nobody_is_the_voices() -> None:
    text = (
        "The business for next week will be as follows:\n\n"
        "Monday 11 March—Remaining stages of the Harbours Bill.\n\n"
        "Tuesday 12 March—Opposition day (2nd allotted day).\n"
    )
    found = extract(text, published=PUBLISHED)
    assert [(c.speaker, str(c.due)) for c in found] == [
        ("the Leader of the House", "2024-03-11"),
        ("the Leader of the House", "2024-03-12"),
    ]


def test_a_subject_that_sets_a_deadline_owns_it() -> None:
    text = "The regional government has set a six-month deadline for landlords to register."
    found = extract(text, published=PUBLISHED)
    assert [(c.speaker, c.kind.value, str(c.due)) for c in found] == [
        ("the regional government", "deadline", "2024-03-07…2024-09-07")
    ]


def test_an_agenda_under_a_day_heading_in_another_language() -> None:
    text = (
        "Agenda des commissaires\n\n"
        "Lundi 11 mars 2024\n\n"
        "Mr Piet Jansen in Lisbon, Portugal: meets the Minister of Finance.\n\n"
        "Ms Ana Rocha participates in the Ocean Forum.\n\n"
        "The Forum was founded in 2001.\n"
    )
    assert _items(text) == [
        (
            "Piet Jansen",
            "2024-03-11",
            "Mr Piet Jansen in Lisbon, Portugal: meets the Minister of Finance",
        ),
        ("Ana Rocha", "2024-03-11", "Ms Ana Rocha participates in the Ocean Forum"),
    ]


def test_no_agenda_without_a_day_heading() -> None:
    text = "Mr Piet Jansen in Lisbon, Portugal: meets the Minister of Finance.\n"
    assert _items(text) == []


def test_schedule_lines_before_a_dated_sentence_do_not_break_follow_ups() -> None:
    # Skipped schedule lines once left the follow-up pass out of step with the sentences
    # (an IndexError on the last dated sentence of a paragraph after them).
    text = (
        "Public schedule for Monday, March 3, 2025\n\n"
        "9:00 a.m. The Secretary meets the mayor.\n"
        "10:00 a.m. The Secretary visits the school.\n"
        "11:00 a.m. The Secretary tours the port.\n\n"
        "She flies home after that. The Secretary will announce the plan on Friday."
    )
    found = extract(text, published=dt.date(2025, 3, 1))
    assert ("the Secretary", "2025-03-07") in [(c.speaker, str(c.due)) for c in found]


def test_minutes_next_meeting_is_their_bodys_promise() -> None:
    text = (
        "Minutes of the meeting of 2 September 2025\n\n"
        "1. The Board noted the report of the treasurer.\n\n"
        "2. The Board agreed to defer the review of fees.\n\n"
        "3. Date of next meeting\n"
        "Wednesday 15 October 2025\n"
    )
    found = [
        (c.speaker, str(c.due), c.action) for c in extract(text, published=dt.date(2025, 9, 3))
    ]
    assert ("the Board", "2025-10-15", "hold its next meeting") in found


def test_a_range_of_dates_heading_an_agenda_is_no_item() -> None:
    text = "10 September – 7 October 2025\n\nWednesday 10 September: The Board meets the auditors."
    found = [(str(c.due), c.action) for c in extract(text, published=dt.date(2025, 9, 3))]
    assert found == [("2025-09-10", "The Board meets the auditors")]


def test_a_feeds_timestamp_opening_a_line_is_no_schedule_item() -> None:
    text = (
        "PRESS NOTICE\n\nThe Water Committee has decided to hold an inquiry.\n\n"
        "2025-09-03 16:21:00.0 SACRAMENTO, Calif. – The bureau and six districts opened talks.\n"
    )
    assert extract(text, published=dt.date(2025, 9, 3)) == []
