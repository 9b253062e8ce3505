"""The classes of real-text commitments issue 11 names, each as a rule family (examples written
for the issue and for these tests, not taken from any labelled set)."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import extract, extract_document, read_text

D = dt.date(2025, 9, 3)  # a Wednesday

FOUND = [
    (
        "A ruling will be issued next month, a court spokesman said.",
        "a court spokesman",
        "2025-10-01…2025-10-31",
        "promise",
    ),
    (
        "The rule is expected to be published Thursday, a ministry spokeswoman said.",
        "a ministry spokeswoman",
        "2025-09-04",
        "promise",
    ),
    (
        "The new portal should be live shortly, the council said.",
        "the council",
        "2025-09-03…2025-09-06",
        "promise",
    ),
    (
        "The merger is expected to complete in the first half of 2027, the firm said.",
        "the firm",
        "2027-01-01…2027-06-30",
        "promise",
    ),
    (
        "The president is due to visit Paris next month.",
        "the president",
        "2025-10-01…2025-10-31",
        "promise",
    ),
    (
        "The king will address the nation tonight, the palace said.",
        "the palace",
        "2025-09-03",
        "promise",
    ),
    (
        "The county is on track to open the library by October.",
        "the county",
        "2025-09-03…2025-10-31",
        "promise",
    ),
    (
        "The Secretary is to write to the landlord by Friday.",
        "the Secretary",
        "2025-09-03…2025-09-05",
        "promise",
    ),
    ("Officers to report back next month.", "Officers", "2025-10-01…2025-10-31", "promise"),
    (
        "According to officials, the bridge will reopen on Friday.",
        "officials",
        "2025-09-05",
        "promise",
    ),
    (
        "The state gave the county until March 12 to submit a new plan.",
        "the state",
        "2025-09-03…2026-03-12",
        "deadline",
    ),
    (
        "Migrants have seven days to leave the country, the interior ministry said.",
        "the interior ministry",
        "2025-09-03…2025-09-10",
        "deadline",
    ),
    (
        "Canada had 20 days to reach a deal or face tariffs, the president said.",
        "the president",
        "2025-09-03…2025-09-23",
        "deadline",
    ),
    (  # a body named with capitalised adjectives, and a hyphenated duration
        "The South African government has set a six-month deadline for farmers to agree.",
        "the South African government",
        "2025-09-03…2026-03-03",
        "deadline",
    ),
    (
        "The army has given the rebels one week to lay down their arms.",
        "the army",
        "2025-09-03…2025-09-10",
        "deadline",
    ),
    (
        "If the talks fail, the union will strike next week.",
        "the union",
        "2025-09-08…2025-09-14",
        "threat",
    ),
    ("But the mayor will announce the budget on Friday.", "the mayor", "2025-09-05", "promise"),
    (
        "The vote is scheduled for Thursday, the speaker's office said.",
        "the speaker's office",
        "2025-09-04",
        "promise",
    ),
    # organisations named "X of Y" and "X and Y <head>" are one name
    (
        "The Bank of Canada will announce its rate decision on Friday.",
        "the Bank of Canada",
        "2025-09-05",
        "promise",
    ),
    (
        "The Federal Trade and Tariff Commission said it would rule by October 31.",
        "the Federal Trade and Tariff Commission",
        "2025-09-03…2025-10-31",
        "promise",
    ),
    # a plural body reported at the end ("officials said", "police said")
    (
        "Flights are set to resume on Saturday, airport officials said.",
        "airport officials",
        "2025-09-06",
        "promise",
    ),
    # a lead phrase holding a full date, after a dateline, stands before the subject
    (
        "WASHINGTON - On Monday, Sept. 8, 2025, Secretary Dana Reyes will discuss the budget.",
        "Dana Reyes",
        "2025-09-08",
        "promise",
    ),
    (
        "The agency set a briefing. On September 8, 2025, the minister will discuss the budget.",
        "the minister",
        "2025-09-08",
        "promise",
    ),
    # a body "in" a place is the body in that place, not the place
    (
        "Police in Nairobi said they would open an inquiry on Friday.",
        "Police in Nairobi",
        "2025-09-05",
        "promise",
    ),
    (
        "Aviation authorities in Ireland said the ban would be lifted on Friday.",
        "Aviation authorities in Ireland",
        "2025-09-05",
        "promise",
    ),
    (
        "According to officials, the tunnel will reopen on Monday.",
        "officials",
        "2025-09-08",
        "promise",
    ),
    # a passive whose subject starts with an article: the reporter's
    (
        "A verdict will be delivered by the end of the month, the tribunal said.",
        "the tribunal",
        "2025-09-03…2025-09-30",
        "promise",
    ),
    # an issuing verb after a modal is the action, not the statement's date
    (
        "Ministers will set out the new funding rules in November.",
        "Ministers",
        "2025-11-01…2025-11-30",
        "promise",
    ),
    (
        "The regulator said it would publish its findings on Friday.",
        "the regulator",
        "2025-09-05",
        "promise",
    ),
    # "threatening": a verb after "is" or before "to", not the adjective of "life threatening"
    (
        "The union said it is threatening sanctions by Friday.",
        "the union",
        "2025-09-03…2025-09-05",
        "threat",
    ),
    (
        "The union is threatening to strike on Monday.",
        "the union",
        "2025-09-08",
        "threat",
    ),
    # "expects the transaction to close": a party's own deal
    (
        "We will close the plant in March, the company said.",
        "the company",
        "2026-03-01…2026-03-31",
        "promise",
    ),
    (
        "The lender expects the sale of its card unit to close in the fourth quarter.",
        "the lender",
        "2025-10-01…2025-12-31",
        "promise",
    ),
    # a plan in the present tense with its day, as "travels to Paris on Friday"
    ("The minister heads to Paris on Friday.", "the minister", "2025-09-05", "promise"),
    ("The minister leaves for Kyiv on Friday.", "the minister", "2025-09-05", "promise"),
    ("The envoy is expected in Cairo next week.", "the envoy", "2025-09-08…2025-09-14", "promise"),
    # an obligation in the passive, as "is required to": the party bound by it
    (
        "The ministry is obliged to publish the report by Friday.",
        "the ministry",
        "2025-09-03…2025-09-05",
        "demand",
    ),
    (
        "The agency is obligated to respond within 30 days.",
        "the agency",
        "2025-09-03…2025-10-03",
        "demand",
    ),
    (
        "The council was told to submit its plan by Friday.",
        "the council",
        "2025-09-03…2025-09-05",
        "demand",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "due", "kind"), FOUND, ids=[f[0][:40] for f in FOUND])
def test_each_class_is_found(text: str, speaker: str, due: str, kind: str) -> None:
    assert [(c.speaker, str(c.due), c.kind.value) for c in extract(text, published=D)] == [
        (speaker, due, kind)
    ]


NOT_COMMITMENTS = [
    "Heads of state met in Paris on Friday.",
    "The minister heads the committee.",
    "The warning sounded more menacing than before.",
    "The board has often given the contractor the benefit of the doubt.",
    "Do they think we will wait forever?",
    "The council had previously planned to meet on Friday.",
    "The storm is the threat of the season.",
    "The weather service expects the storm will reach the coast tonight.",
    "Shares will begin trading on the exchange on Friday.",
    "To ask the Secretary of State for Transport if he will publish the review by Friday.",
    "Mr. Hale: To ask the Secretary of State for Wales if he will make a statement on the scheme.",
    "§ Ms. RuddockTo ask the Secretary of State when he will publish the review by Friday.",
    "The ministry is considering new rules on drones this week.",
    "B. whereas the strategy remains valid and its targets are expected to be met by 2030;",
    "MR. LANE: That is all I have, and I'll leave it at that for today.",
    "None of the injuries sustained are life threatening, according to officials.",
    "The threatening letter arrived on Monday, police said.",
    "The Lords have agreed to the Finance Bill, without Amendment, on Monday.",
    "The delay is due to the storm on Friday, the airline said.",
    "Terrorism is the gravest threat to global security, the President said on Friday.",
    "Author claims the group planned to attack the subway system.",
    "The objective of the public meeting on March 26 is to provide information, the agency said.",
    "The aim of the talks is to reach a deal by Friday, the minister said.",
    "Acme is to blame for the delay, the regulator said.",
    "The team attends the summit, the ministry said.",  # a timetable verb needs a date
    "The aim is to open the stores.",
    "Mr. Tom Hale: I shall, with your permission, Mr. Speaker, make a statement on the floods.",
    "MR. HALE: I'd also like to give you some details of the Secretary's trip for this week.",
    "Written Answers\nHealth\nClinic Hours\nTo ask the Secretary of State for Health what the "
    "clinic hours are.\nThe hours are set locally.\nTransport\nHarbour Rail Link\nTo ask the "
    "Secretary of State for Transport when he expects to make an announcement about the rail link.",
]


@pytest.mark.parametrize("text", NOT_COMMITMENTS, ids=[t[:40] for t in NOT_COMMITMENTS])
def test_not_commitments(text: str) -> None:
    assert extract(text, published=D) == []


@pytest.mark.parametrize(
    "text",
    [
        "In its advertisement, the startup promised women as one of its perks.",
        "We will do exactly the same thing with the next witness.",
        "I remain convinced that it is only in unity that we will find the strength we need.",
    ],
    ids=["promised-a-thing-past", "do-the-same", "find-the-strength"],
)
def test_vague_or_past_undated_statements_commit_nobody(text: str) -> None:
    assert extract(text, published=D) == []


def test_a_grant_of_days_is_dated_and_leaves_the_action_whole() -> None:
    (found,) = extract("The envoy said the militia have ten days to leave the port.", published=D)
    assert (found.speaker, str(found.due), found.action) == (
        "the envoy",
        "2025-09-03…2025-09-13",
        "leave the port",
    )


@pytest.mark.parametrize(
    ("phrase", "name", "titles"),
    [
        ("Secretary of State Maria Lopez", "Maria Lopez", ["Secretary", "of", "State"]),
        (
            "Chancellor of the Exchequer Tom Hale",
            "Tom Hale",
            ["Chancellor", "of", "the", "Exchequer"],
        ),
        ("the Secretary of State", "Secretary of State", []),
        (
            "Department of Health and Social Services",
            "Department of Health and Social Services",
            [],
        ),
        ("Health Department", "Health Department", []),
        ("Energy Secretary Ana Ruiz", "Ana Ruiz", ["Energy", "Secretary"]),
    ],
)
def test_office_names_and_bodies_keep_their_words(
    phrase: str, name: str, titles: list[str]
) -> None:
    from commitments.extraction.names import clean_name

    assert clean_name(phrase) == (name, titles)


def test_an_honourable_member_is_addressed_not_speaking() -> None:
    # "hon." is an abbreviation: the sentence runs on, and the Member is who is told
    text = "Mr. Lane: I can assure the hon. Member that the guidance will be published next month."
    assert [c.speaker for c in extract(text, published=D)] != ["Member"]


def test_a_glued_hansard_mark_gives_the_member_answering() -> None:
    text = (
        "§ Mr. HardyI have read the committee's report. I am studying its findings and will "
        "respond as soon as possible."
    )
    assert [(c.speaker, c.due) for c in extract(text, published=D)] == [("Hardy", None)]


def test_a_glued_hansard_mark_may_carry_the_members_constituency() -> None:
    text = (
        "§ Mr. SpeakerMr. Alan Hardy, on a point of order.\n\n"
        "§ Mr. Alan Hardy (Leeds, North)I will table the amendment by Friday.\n"
    )
    assert [c.speaker for c in extract(text, published=D)] == ["Alan Hardy"]


@pytest.mark.parametrize(
    "text",
    [
        "The public consultation in October will allow residents to comment on the route.",
        "These new buses will serve the northern suburbs for the next ten years.",
        "The upgrade will cost about £4 million next year.",
    ],
)
def test_what_a_thing_will_do_is_a_description(text: str) -> None:
    assert extract(text, published=D) == []


def test_what_a_document_will_set_out_is_a_description_in_a_release_too() -> None:
    text = (
        "FOR IMMEDIATE RELEASE\nThe Harbour Commission today announced its programme.\n\n"
        "The Work Programme for 2026 will set out the key new initiatives for 2026.\n"
    )
    assert extract(text, published=D) == []


def test_a_name_line_above_a_speech_is_its_speaker_and_a_timetable_in_the_present_counts() -> None:
    text = (
        "Baroness Cole\n\n"
        "My Lords, I should like to say a word about the recess dates for the coming year. "
        "At Christmas, we rise after business on Thursday 18 December and return on Monday "
        "5 January.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("Cole", "2025-12-18"), ("Cole", "2026-01-05")]


def test_a_list_of_members_present_is_not_a_list_of_speakers() -> None:
    text = "Members present:\nMr Alan Reed\nMrs Jane Holt\n\nThe Committee will meet on 4 November."
    assert [c.speaker for c in extract(text, published=D)] == ["the Committee"]


def test_what_they_will_include_is_a_list_not_a_promise() -> None:
    text = "The envoy will visit six capitals next week. They will include Riga and Vilnius."
    assert [c.action for c in extract(text, published=D)] == ["visit six capitals"]


def test_then_goes_on_with_the_days_plan() -> None:
    text = (
        "The mayor will open the new library on Friday, her office said. Then she will visit "
        "the flood defences in Eastbrook."
    )
    found = [(c.speaker, str(c.due), c.action) for c in extract(text, published=D)]
    assert found == [
        ("the mayor", "2025-09-05", "open the new library"),
        ("the mayor", "2025-09-05", "visit the flood defences in Eastbrook"),
    ]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("The governor will sign the budget at 2 p.m., her office said.", "2025-09-03"),
        (
            "The mayor will open the library on Friday, her office said. At 10:30 a.m. she will "
            "tour the flood defences.",
            "2025-09-05",
        ),
        ("The minister will make a statement at noon, the ministry said.", "2025-09-03"),
        ("Starting at 9.00, the minister will make a statement, the ministry said.", "2025-09-03"),
        ("At 15:05 the minister will make a statement, the ministry said.", "2025-09-03"),
    ],
)
def test_a_time_of_day_with_no_day_is_the_plans_day_or_the_day_it_was_said(
    text: str, due: str
) -> None:
    assert str(extract(text, published=D)[-1].due) == due


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "The comment period will close on April 17, 2026, the agency said.",
            "2025-09-03…2026-04-17",
        ),
        (
            "The comment period for the rule is extended and will now end on July 10, 2026, rather "
            "than on April 10, 2026, the agency said.",
            "2025-09-03…2026-07-10",
        ),
        (
            "The application window will close on 5 October, the ministry said.",
            "2025-09-03…2025-10-05",
        ),
    ],
)
def test_a_period_for_comments_that_closes_takes_them_until_its_last_day(
    text: str, due: str
) -> None:
    assert [str(c.due) for c in extract(text, published=D)] == [due]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("The rules will not come into force until 5 June 2026, the ministry said.", "2026-06-05"),
        (
            "The agency has not extended the period and will take comments until 14 January 2026, "
            "the ministry said.",
            "2025-09-03…2026-01-14",  # the "not" is another clause's
        ),
    ],
)
def test_not_until_a_day_is_on_that_day(text: str, due: str) -> None:
    assert [str(c.due) for c in extract(text, published=D)] == [due]


def test_a_period_named_by_its_last_day_is_no_due_date() -> None:
    text = (
        "Acme Corp said it will expand its risk disclosure when it files its Form 10-K for the "
        "year ending December 31, 2025."
    )
    assert [c.due for c in extract(text, published=D)] == [None]  # (undated: the filing's day)


@pytest.mark.parametrize(
    "text",
    [
        "The fund will buy the shares at 9.50, the company said.",
        "The fund will sell the shares at 12.00 per share, the company said.",
    ],
)
def test_a_price_is_no_time_of_day(text: str) -> None:
    assert extract(text, published=D) == []  # (read as a time, it would date the purchase)


def test_following_the_meeting_goes_on_with_the_last_dated_plan() -> None:
    text = (
        "The mayor will open the new library on Friday, her office said. She has invited the "
        "architects to the opening.\n\n"
        "Following the ceremony, she will visit the flood defences. Upon arrival, she will meet "
        "the engineers."
    )
    found = [(str(c.due), c.action) for c in extract(text, published=D) if c.due is not None]
    assert found == [
        ("2025-09-05", "open the new library"),
        ("2025-09-05", "visit the flood defences"),
        ("2025-09-05", "meet the engineers"),
    ]


def test_a_time_of_day_goes_on_with_the_dated_plan_not_an_undated_one_beside_it() -> None:
    text = (
        "Acme will hold its product event on September 9 at its headquarters, the company said "
        "on Tuesday, where it is expected to unveil a new phone.\n\n"
        "The event will begin at 10 a.m. and will be streamed online, Acme said."
    )
    found = [(c.action, str(c.due)) for c in extract(text, published=dt.date(2025, 8, 27))]
    assert found[-1] == ("begin", "2025-09-09")


@pytest.mark.parametrize(
    ("first", "found"),
    [
        ("Mayor Jane Hale will travel to Oslo on Monday.", [("Jane Hale", "2025-09-08")]),
        ("The council will close the pool on Monday.", [("the council", "2025-09-08")]),
    ],
)
def test_a_narrated_pronoun_with_a_date_is_the_person_last_named(
    first: str, found: list[tuple[str, str]]
) -> None:
    text = f"{first} She will sign the treaty on Tuesday."
    made = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    she = [("Jane Hale", "2025-09-09")] if "Hale" in first else []  # (no person: nobody meant)
    assert made == [*found, *she]


TRIP = (
    "The Foreign Secretary will travel to Oslo, Tallinn and Riga from September 15 to 19, the "
    "ministry said.\n\n"
    "This will be her third visit to the region this year.\n\n"
)


@pytest.mark.parametrize(
    "stop",
    [
        "In Oslo, the Foreign Secretary will meet the Norwegian prime minister.",
        "While in Tallinn, the Secretary will open the new embassy.",
        "From Riga, the Foreign Secretary will fly on to Vilnius.",
    ],
)
def test_a_stop_on_a_dated_trip_falls_within_the_trip(stop: str) -> None:
    found = [(c.action, str(c.due)) for c in extract(TRIP + stop, published=D)]
    assert len(found) == 2
    assert found[1][1] == "2025-09-15…2025-09-19"


@pytest.mark.parametrize(
    "other",
    [
        "In Paris, the mayor will open a bridge.",  # a place the trip does not go to
        "In March, she will open the new embassy.",  # a month, not a stop
        "In Oslo, she will sign the treaty on October 2.",  # a day of its own
    ],
)
def test_a_sentence_opening_elsewhere_keeps_its_own_window(other: str) -> None:
    found = [str(c.due) for c in extract(TRIP + other, published=D)]
    assert "2025-09-15…2025-09-19" not in found[1:]


def test_a_stop_long_after_the_trip_is_not_on_it() -> None:
    far = "The ministry also set out its budget for the year. " * 70
    found = [
        c.due for c in extract(TRIP + far + "In Oslo, she will open a consulate.", published=D)
    ]
    assert found[1:] == [] or all(str(d) != "2025-09-15…2025-09-19" for d in found[1:])


def test_then_after_a_month_says_nothing_of_the_day() -> None:
    text = "The council will close the pool in March. Then it will rebuild the changing rooms."
    assert [str(c.due) for c in extract(text, published=D)] == ["2026-03-01…2026-03-31"]


def test_a_courts_recital_of_its_earlier_orders_gives_their_deadlines() -> None:
    text = (
        "ORDER\n"
        "JANE HALE, DISTRICT JUDGE\n"
        "WHEREAS, this case was commenced on December 6, 2024, and Defendants have not been served;\n"
        "WHEREAS, on July 11, 2025, Plaintiff was ordered to show cause by August 10, 2025, why "
        "the action should not be dismissed.\n"
        "WHEREAS, on August 20, 2025, Plaintiff was again ordered to file a proof of service, this "
        "time by August 29, 2025. No proof of service has been filed. It is hereby\n"
        "ORDERED that this action is dismissed.\n"
    )
    (document,) = read_text(text, name="hale-v-acme.md")
    found = [(c.speaker, str(c.due)) for c in extract_document(document, published=D)]
    assert found == [
        ("the Court", "2025-07-11…2025-08-10"),
        ("the Court", "2025-08-20…2025-08-29"),
    ]


def test_in_a_courts_order_what_the_parties_will_do_is_the_courts_deadline() -> None:
    text = (
        "IT IS HEREBY ORDERED that the motion is granted. The parties will file a joint status "
        "report by October 31, 2025."
    )
    found = [(c.speaker, c.kind.value, str(c.due)) for c in extract(text, published=D)]
    assert found == [("the Court", "deadline", "2025-09-03…2025-10-31")]


@pytest.mark.parametrize(
    "warning",
    [
        "Failure to do so will result in the dismissal of this action with prejudice.",
        "Plaintiffs failure to respond to this order will result in dismissal of this case.",
        "Plaintiff is warned that failure to respond will be deemed consent to dismissal.",
    ],
)
def test_a_courts_warning_of_what_failing_its_order_brings_is_its_threat(warning: str) -> None:
    text = (
        "IT IS HEREBY ORDERED that plaintiff shall file a written response by October 31, 2025. "
        f"{warning}"
    )
    found = [(c.speaker, c.kind.value, c.due) for c in extract(text, published=D)]
    assert ("the Court", "threat", None) in found


def test_a_warning_outside_a_courts_order_threatens_nobody() -> None:
    text = "Failure to act will result in higher bills for families, the report found."
    assert [c.kind.value for c in extract(text, published=D)] == []


@pytest.mark.parametrize("subject", ["Their mission", "His visit", "This programme"])
def test_a_possessive_or_demonstrative_subject_names_nobody(subject: str) -> None:
    found = extract(f"{subject} will be over on December 20.", published=D)
    assert [c.speaker for c in found] == []


def test_in_a_transcripts_speech_only_i_and_we_commit_the_speaker() -> None:
    text = (
        "Press Gaggle by Dana Reyes\n\n"
        "MS. REYES: Good morning. We remain confident in the bill. It will pass the Senate. "
        "They will vote for it. We will publish the full text of the bill.\n"
    )
    found = [(c.speaker, c.action) for c in extract(text, published=D)]
    assert found == [("Dana Reyes", "publish the full text of the bill")]


def test_said_colon_ending_a_paragraph_introduces_the_quote_below() -> None:
    text = (
        "Jane Doe, Secretary of State for Transport said:\n\n"
        "“We have made progress today.\n\n"
        "“We will publish the full plan next week.”\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("Jane Doe", "2025-09-08…2025-09-14")]


def test_a_title_with_its_name_is_not_an_office_after_a_name() -> None:
    text = "However, President Ana Ruiz said she would sign the bill by Friday."
    assert [c.speaker for c in extract(text, published=D)] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "IT IS HEREBY ORDERED that the deadline for completing discovery is extended from "
            "October 1, 2025, to October 15, 2025.",
            "2025-09-03…2025-10-15",
        ),
        (
            "IT IS ORDERED.\n\nThe Court shall continue the status conference set for September "
            "20, 2025, to November 3, 2025.",
            "2025-11-03",
        ),
        (
            "The agency said it is moving the compliance date from January 1, 2026 to July 1, 2026.",
            "2025-09-03…2026-07-01",
        ),
        (  # an event put off "until" a day happens then: not due by then
            "The Commission announced today that it is postponing the auction until January 14, "
            "2026.",
            "2026-01-14",
        ),
        ("The council said it would delay the vote until next spring.", "2026-03-01…2026-05-31"),
    ],
)
def test_a_date_moved_to_another_is_due_on_the_new_one(text: str, due: str) -> None:
    assert [str(c.due) for c in extract(text, published=D)] == [due]


def test_an_invitation_with_a_closing_date_is_the_voices_deadline() -> None:
    text = (
        "Press Notice\n\nThe Transport Committee has decided to undertake an inquiry into buses.\n\n"
        "Organisations and individuals are invited to submit evidence no later than Friday 3 "
        "October 2025.\n"
    )
    found = [(c.speaker, c.kind.value, str(c.due)) for c in extract(text, published=D)]
    assert found == [("the Transport Committee", "deadline", "2025-09-03…2025-10-03")]


def test_a_release_speaks_for_its_issuer_and_the_company_is_the_issuer() -> None:
    text = (
        "EXHIBIT 99.1\n"
        "RENO, Nev., Sept. 3, 2025 (GLOBE NEWSWIRE) -- Sierra Gaming & Resort, Inc. (NASDAQ: SGRI) "
        "(“Sierra” or “the Company”) announced today that it has received its permit.\n"
        "The new wing will open to the public on Thursday, September 18, 2025.\n"
        "The Company expects to open the spa later this year.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [
        ("Sierra Gaming & Resort, Inc.", "2025-09-18"),
        ("Sierra Gaming & Resort, Inc.", "2025-09-03…2025-12-31"),
    ]


def test_a_speech_prepared_for_delivery_speaks_for_its_speaker() -> None:
    text = (
        "Department of Defense\n\nSpeech\n\nThe Rebalance\n\n"
        "As Prepared for Delivery by Deputy Secretary of Defense Mara Quist, Washington, D.C., "
        "Wednesday, September 3, 2025\n\nThank you all for coming.\n\n"
        "Later this week, Secretary Lane will be visiting Seoul and Tokyo.\n"
    )
    assert [c.speaker for c in extract(text, published=D)] == ["Mara Quist"]


def test_a_name_with_its_role_in_brackets_is_a_speakers_label() -> None:
    text = (
        "Terrence Hayes (VA Press Secretary):  Good morning. We will hold a celebration this "
        "Thursday.\n\nDenis McDonough (VA Secretary):  We will publish the report on Friday.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("Terrence Hayes", "2025-09-04"), ("Denis McDonough", "2025-09-05")]


def test_a_lords_answer_labelled_by_office_is_the_office_holders() -> None:
    text = (
        "Lord Smith asked Her Majesty's Government:\n"
        "The Lord Chancellor: It is expected that a final report will be produced by the end "
        "of the year.\n"
        "Lord Jones asked Her Majesty's Government:\n"
        "The Parliamentary Secretary, Lord Chancellor's Department (Baroness Scotland of "
        "Asthal): We will reply by the end of the year.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [
        ("the Lord Chancellor", "2025-09-03…2025-12-31"),
        ("Baroness Scotland of Asthal", "2025-09-03…2025-12-31"),
    ]


def test_papers_to_be_placed_in_the_library_are_the_answering_members() -> None:
    text = (
        "Lord Smith asked Her Majesty's Government:\n"
        "Lord Jones of Hale: The review has concluded. Copies of the report will be placed in the "
        "Library of the House. The report will be welcomed.\n"
    )
    assert [(c.speaker, c.due) for c in extract(text, published=D)] == [
        ("Lord Jones of Hale", None)
    ]


def test_a_letter_on_behalf_of_a_body_speaks_for_it() -> None:
    text = (
        "Special inquiry committees\n\nOn behalf of the Liaison Committee, I am writing to invite "
        "proposals. Proposals should be sent to the Clerk no later than 10 October 2025.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("the Liaison Committee", "2025-09-03…2025-10-10")]


def test_a_letter_speaks_for_its_signer() -> None:
    text = (
        "From the President\nSeptember 3, 2025\nTO: All Members\n\n"
        "The dividend will be credited to your account tomorrow, September 4.\n"
        "Our quarterly conference call is scheduled for Friday, September 5.\n\n"
        "Sincerely,\n/s/ Mara Quist\nMara Quist\nPresident and Chief Executive Officer\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("Mara Quist", "2025-09-04"), ("Mara Quist", "2025-09-05")]


def test_a_boards_declaration_after_a_lead_phrase_names_the_issuer() -> None:
    text = (
        "EXHIBIT 99.1\nFOR IMMEDIATE RELEASE:\nAt its meeting held today, the Board of Directors "
        "of Keel Holdings, Inc. declared a cash dividend of $0.32 per share. The dividend is "
        "payable on October 1, 2025 to shareholders of record on September 12, 2025.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("Board of Directors of Keel Holdings, Inc.", "2025-10-01")]


@pytest.mark.parametrize(
    ("line", "what"),
    [
        (
            "The Pretrial Conference is RESET for Thursday, October 16, 2025.",
            "the Pretrial Conference",
        ),
        ("The trial has been scheduled for October 16, 2025.", "the trial"),
    ],
)
def test_a_courts_setting_is_its_promise_named_by_what_is_set(line: str, what: str) -> None:
    text = f"IT IS ORDERED:\n\n{line}\n"
    found = [(c.speaker, str(c.due), c.action) for c in extract(text, published=D)]
    assert found == [("the Court", "2025-10-16", what)]


def test_a_commitment_reported_in_a_speech_is_its_subjects() -> None:
    text = (
        "Mr. Michael Hale: The Secretary of State undertook to publish a White Paper this week. "
        "We will hold him to it by Friday.\n"
    )
    found = [(c.speaker, c.action) for c in extract(text, published=D)]
    assert found == [
        ("the Secretary of State", "publish a White Paper"),
        ("Michael Hale", "hold him to it"),
    ]


@pytest.mark.parametrize(
    ("line", "action", "window"),
    [
        (
            "Plaintiff shall have 12 days from the date of this Order to file an amended "
            "complaint explaining only one of his claims.",
            "file an amended complaint explaining only one of his claims",
            "2025-09-03…2025-09-15",
        ),
        (
            "Defendant shall have 30 days after service of this order to respond.",
            "respond",
            "2025-09-03…2025-10-03",
        ),
    ],
)
def test_time_a_court_grants_from_its_order_is_its_deadline(
    line: str, action: str, window: str
) -> None:
    # "explaining": no report; "his claims": a noun after "of", not a verb
    found = [
        (c.speaker, c.kind.value, c.action, str(c.due))
        for c in extract(f"IT IS ORDERED:\n\n{line}\n", published=D)
    ]
    assert found == [("the Court", "deadline", action, window)]


def test_an_order_that_requires_a_thing_done_by_a_date_is_the_courts_deadline() -> None:
    text = (
        "IT IS ORDERED.\n\nThe scheduling order requires that all discovery be completed by "
        "September 30, 2025.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("the Court", "2025-09-03…2025-09-30")]


def test_a_failure_as_directed_is_the_courts_warning() -> None:
    text = (
        "IT IS ORDERED:\n\nFailure to file the amended complaint as directed will result in "
        "dismissal of the complaint.\n"
    )
    found = [(c.speaker, c.kind.value) for c in extract(text, published=D)]
    assert found == [("the Court", "threat")]


def test_in_writing_reports_nothing() -> None:
    text = (
        "IT IS ORDERED.\n\nPlaintiff shall file a response in writing on or before October 6, 2025."
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("the Court", "2025-09-03…2025-10-06")]


def test_a_release_from_the_office_of_the_spokesman_speaks_for_it() -> None:
    text = (
        "Media Note\nOffice of the Spokesman\nWashington, DC\n\n"
        "Deputy Secretary Lane will travel to Oslo and Helsinki September 8-10."
    )
    assert [c.speaker for c in extract(text, published=D)] == ["Office of the Spokesman"]


@pytest.mark.parametrize("label", ["Volume 458", "Column 12", "Section 3"])
def test_a_reference_label_is_no_speaker(label: str) -> None:
    from commitments.readers.speaker_names import is_speaker_name

    assert not is_speaker_name(label)


def test_a_name_set_off_by_commas_after_a_title_is_the_party() -> None:
    text = "The Transport Secretary, Ana Ruiz, will open the new line in the coming weeks."
    assert [c.speaker for c in extract(text, published=D)] == ["Ana Ruiz"]


def test_a_description_set_off_by_commas_leaves_the_name() -> None:
    text = "Acme Corp., the toolmaker, will open a plant in March."
    assert [c.speaker for c in extract(text, published=D)] == ["Acme Corp"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Iraqi government will launch a formal inquiry into the shooting.",
            "the Iraqi government",
        ),
        ("The commission will refer the merger for a full investigation.", "the commission"),
        ("The FAA will issue flight restrictions for the area.", "the FAA"),  # initials alone
        ("NASA will launch the probe.", "NASA"),
        ("The company plans to open eight stores in Ireland.", "the company"),  # a stated plan
        ("The Department of Energy will open a review of the plant.", "the Department of Energy"),
        (
            "The Scottish government is to launch an inquiry into the fire.",
            "the Scottish government",
        ),
        ("Jane Hale plans to run for governor.", "Jane Hale"),  # a person's plan, in words
        (
            "All proposals will be considered by the Liaison Committee against the criteria.",
            "the Liaison Committee",  # a passive's agent
        ),
    ],
)
def test_a_named_bodys_undated_act_in_a_story_is_its_commitment(text: str, speaker: str) -> None:
    assert [(c.speaker, c.due) for c in extract(text, published=D)] == [(speaker, None)]


def test_the_issuers_own_undated_act_in_its_order_is_its_commitment() -> None:
    text = (
        "IT IS HEREBY ORDERED that the parties file a joint report.\n\n"
        "The Court will provide the parties with the dial-in information.\n"
    )
    found = [(c.speaker, c.action, c.due) for c in extract(text, published=D)]
    assert ("the Court", "provide the parties with the dial-in information", None) in found


def test_the_issuers_short_name_is_the_issuer() -> None:
    text = (
        "FOR IMMEDIATE RELEASE\nNorthfield Dairy Inc. today announced its results.\n\n"
        "Northfield will hold a conference call for investors.\n"
    )
    found = [(c.speaker, c.due) for c in extract(text, published=D)]
    assert found == [("Northfield Dairy Inc.", None)]


def test_a_named_bodys_undated_act_in_a_release_is_its_commitment() -> None:
    text = (
        "Press Release\n\nNorthfield Dairy today announced a new fund for young farmers. "
        "The Harbour Foundation will lead delivery of the fund. The storm will hit the coast.\n"
    )
    found = [(c.speaker, c.due) for c in extract(text, published=D)]
    assert ("the Harbour Foundation", None) in found
    assert all(speaker != "The storm" for speaker, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "The storm will hit the coast.",
        "The Smith family will be delighted.",
        "Prices will rise.",
        "Shares of IBM will rise.",  # initials at the end of a phrase: not the subject
    ],
)
def test_what_a_story_says_will_happen_is_no_ones_commitment(text: str) -> None:
    assert extract(text, published=D) == []


def test_she_will_also_goes_on_with_the_same_days() -> None:
    text = (
        "In Oslo (September 8-9), the Secretary will meet the prime minister. She will also "
        "open the new embassy."
    )
    assert [(c.action, str(c.due)) for c in extract(text, published=D)] == [
        ("meet the prime minister", "2025-09-08…2025-09-09"),
        ("open the new embassy", "2025-09-08…2025-09-09"),
    ]


def test_a_release_calendars_scheduled_for_release_is_its_issuers() -> None:
    text = (
        "FOR IMMEDIATE RELEASE\nAcme Statistics Office (ASO) today announced its upcoming "
        "releases.\n\nHousing Starts: August (Scheduled for release on September 17.)\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert ("Acme Statistics Office", "2025-09-17") in found


def test_a_persons_will_in_a_story_is_not_taken_as_a_pledge_without_a_date() -> None:
    assert extract("John Smith will face trial.", published=D) == []
    assert extract("The study will lead to new treatments.", published=D) == []
    assert extract("Discovery's STS-119 flight will deliver the solar arrays.", published=D) == []


def test_a_persons_will_before_an_act_only_a_party_does_is_their_pledge() -> None:
    text = "Condoleezza Rice, the secretary of state, will address the Security Council."
    assert [(c.speaker, c.due) for c in extract(text, published=D)] == [("Condoleezza Rice", None)]


def test_a_plan_in_the_present_progressive_keeps_its_verb() -> None:
    text = "The minister said she is traveling to Austria on Tuesday."
    assert [(c.action, str(c.due)) for c in extract(text, published=D)] == [
        ("traveling to Austria", "2025-09-09")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "John Howard announced on Tuesday that he will be setting up a taskforce.",
            [("John Howard", None)],
        ),  # "will be" with a verb in -ing is an act to come
        ("John Howard said that he will be disappointed.", []),  # a state
    ],
)
def test_will_be_doing_is_an_act_and_will_be_a_state_is_not(
    text: str, expected: list[tuple[str, None]]
) -> None:
    assert [(c.speaker, c.due) for c in extract(text, published=D)] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "due"),
    [
        (
            "NASA managers have scheduled the launch for September 18.",
            "NASA managers",
            "2025-09-18",
        ),
        (
            "The Senate has scheduled a vote on the bill in October.",
            "the Senate",
            "2025-10-01…2025-10-31",
        ),
        ("And on Saturday the governor attends the harvest fair.", "the governor", "2025-09-06"),
        (
            '"We want to close the deal before the end of the year," Acme said.',
            "Acme",
            "2025-09-03…2025-12-30",
        ),
        # a participle dates its noun ("a decision made in July"), not the statement
        (
            "Following a decision made in July, the council will vote on the new budget this "
            "evening, the mayor said.",
            "the mayor",
            "2025-09-03",
        ),
        # a written answer is the asked department's
        (
            "To ask the Minister of State, Department for Rural Affairs when she expects the new "
            "flood barrier at Eastbrook to be completed. (12345)\n\n"
            "We expect the barrier to be completed by the end of March 2026.",
            "Department for Rural Affairs",
            "2025-09-03…2026-03-31",
        ),
        # an office with words before its title labels the answer
        (
            "The Exchequer Secretary to the Treasury (Mr Tom Hale): The consultation on the draft "
            "clauses will be open for comments until Friday 26 September.",
            "Tom Hale",
            "2025-09-03…2025-09-26",
        ),
        # a dateline before the subject
        (
            "(Springfield, Ill. - September 2, 2025) The county health department is holding "
            "two open sessions September 18 on the new clinic.",
            "the county health department",
            "2025-09-18",
        ),
        # a committee's request with a date is its deadline
        (
            "Mr. Tom Lane: We would be grateful to receive written submissions by Friday 26 "
            "September.",
            "Tom Lane",
            "2025-09-03…2025-09-26",
        ),
        # an impersonal report is transparent: the party is its clause's subject
        (
            "It has also been reported that Ana Ruiz plans to visit the port next month.",
            "Ana Ruiz",
            "2025-10-01…2025-10-31",
        ),
        (
            "Reports say the harbour board will publish the timetable on Friday.",
            "the harbour board",
            "2025-09-05",
        ),
        # a title after a name, without its closing comma
        (
            "Ana Ruiz, US secretary of state will address the Security Council on Friday.",
            "Ana Ruiz",
            "2025-09-05",
        ),
    ],
    ids=lambda v: v[:30] if isinstance(v, str) else None,
)
def test_one_commitment_with_its_party_and_window(text: str, speaker: str, due: str) -> None:
    assert [(c.speaker, str(c.due)) for c in extract(text, published=D)] == [(speaker, due)]


def test_a_past_act_dates_nothing_ahead() -> None:
    text = "After the board met on Monday, the company said it would cut 200 jobs."
    assert [(c.speaker, c.due) for c in extract(text, published=D)] == [("the company", None)]


@pytest.mark.parametrize(
    ("call", "speaker"),
    [
        (
            "The Harbour Committee invites written submissions by Friday 3 October.",
            "the Harbour Committee",
        ),
        ("We invite comments on the draft timetable by Friday 3 October.", "the Harbour Committee"),
        ("Views are sought by Friday 3 October.", "the Harbour Committee"),
    ],
)
def test_a_call_for_submissions_with_a_closing_date_is_the_callers_deadline(
    call: str, speaker: str
) -> None:
    text = (
        "Press Notice\n\nThe Harbour Committee has decided to hold an inquiry into ferries. "
        f"{call}\n"
    )
    found = [(c.speaker, c.kind.value, str(c.due)) for c in extract(text, published=D)]
    assert found == [(speaker, "deadline", "2025-09-03…2025-10-03")]


def test_what_a_call_invites_is_to_be_sent() -> None:
    text = (
        "Press Notice\n\nThe Harbour Committee has decided to hold an inquiry into ferries. "
        "The Harbour Committee invites written submissions by Friday 3 October.\n"
    )
    assert [c.action for c in extract(text, published=D)] == ["send written submissions"]


def test_a_call_for_submissions_without_a_date_sets_nothing() -> None:
    text = (
        "Press Notice\n\nThe Harbour Committee has decided to hold an inquiry. It invites views.\n"
    )
    assert extract(text, published=D) == []


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "The Committee agreed to meet on 14 November and 5 December.",
            ["2025-11-14", "2025-12-05"],
        ),
        (
            "The agency will hold hearings on October 4, October 11 and October 18.",
            ["2025-10-04", "2025-10-11", "2025-10-18"],
        ),
    ],
)
def test_days_listed_for_one_act_are_each_a_commitment(text: str, days: list[str]) -> None:
    found = extract(text, published=D)
    assert [str(c.due) for c in found] == days
    assert all(not c.action.endswith(("and", ",")) for c in found)


def test_a_range_between_two_days_stays_one_window() -> None:
    found = extract("The agency will hold hearings between October 4 and October 18.", published=D)
    assert [str(c.due) for c in found] == ["2025-10-04…2025-10-18"]


def test_a_notices_due_dates_and_instructions_are_the_agencys_deadlines() -> None:
    text = (
        "AGENCY:\n  Federal Communications Commission.\n\nACTION:\n  Proposed rule.\n\n"
        "DATES: Comments are due on or before October 6, 2025, and reply comments are due on or "
        "before October 20, 2025.\n\nSubmit written views on or before November 3, 2025.\n\n"
        "[Federal Register Volume 90, Number 170 (Wednesday, September 3, 2025)]\n"
    )
    found = [(c.speaker, c.kind.value, c.action, str(c.due)) for c in extract(text, published=D)]
    assert found == [
        (
            "Federal Communications Commission",
            "deadline",
            "submit comments",
            "2025-09-03…2025-10-06",
        ),
        (
            "Federal Communications Commission",
            "deadline",
            "submit reply comments",
            "2025-09-03…2025-10-20",
        ),
        (
            "Federal Communications Commission",
            "deadline",
            "submit written views",
            "2025-09-03…2025-11-03",
        ),
    ]


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("Defendants Answer IS DUE November 22, 2025.", "2025-09-03…2025-11-22"),
        ("Opening brief due by October 19, 2025. (Hall, S)", "2025-09-03…2025-10-19"),
        ("Show Cause Response Due Within Fourteen Days.", "2025-09-03…2025-09-17"),
    ],
)
def test_a_dockets_due_date_is_the_courts_deadline(line: str, due: str) -> None:
    text = f"IT IS HEREBY ORDERED that the motion is granted.\n\n{line}\n"
    found = [(c.speaker, c.kind.value, str(c.due)) for c in extract(text, published=D)]
    assert found == [("the Court", "deadline", due)]


def test_an_orders_heading_makes_it_the_courts_and_what_will_be_due_is_submitted() -> None:
    text = (
        "ORDER GRANTING DEFENDANTS' MOTION FOR AN EXTENSION OF TIME\n\n"
        "Plaintiff's response will be due on or before October 17, 2025.\n"
    )
    found = [(c.speaker, c.action, str(c.due)) for c in extract(text, published=D)]
    assert found == [("the Court", "submit plaintiff's response", "2025-09-03…2025-10-17")]


def test_a_dateline_with_a_states_abbreviation_stands_before_the_subject() -> None:
    text = (
        "CAPE CANAVERAL, Fla. -- NASA managers will hold a news conference at 10:30 a.m. EDT on "
        "Friday, September 5, to discuss the launch."
    )
    found = [(c.speaker, c.action, str(c.due)) for c in extract(text, published=D)]
    # (a colon between digits and the dots of "a.m." end no clause)
    assert found == [("NASA managers", "hold a news conference at 10:30 a.m", "2025-09-05")]


def test_a_decision_to_act_by_a_date_is_a_commitment_and_without_one_is_not() -> None:
    dated = "The company has decided to exit the chain by the end of the fourth quarter."
    assert [(c.speaker, str(c.due)) for c in extract(dated, published=D)] == [
        ("the company", "2025-09-03…2025-12-31")
    ]
    assert extract("The council decided to close the library.", published=D) == []


def test_a_passives_agent_is_the_party() -> None:
    text = "The report will be published by the Ministry of Health on Friday."
    assert [(c.speaker, str(c.due)) for c in extract(text, published=D)] == [
        ("the Ministry of Health", "2025-09-05")
    ]
    assert extract("The report will be published by Friday.", published=D) == []


def test_a_period_extended_until_a_day_is_due_then() -> None:
    text = (
        "FEMA announced today that the registration period for fire victims has been extended "
        "until October 9, 2025."
    )
    found = [(c.speaker, c.action, str(c.due)) for c in extract(text, published=D)]
    assert found == [
        ("FEMA", "extend the registration period for fire victims", "2025-09-03…2025-10-09")
    ]


def test_will_before_a_verb_that_starts_like_of_still_commits() -> None:
    # ("the will of the people" is no cue; "will offer" is)
    text = "The ministry said it will offer grants to farmers from October 1."
    assert [(c.speaker, c.action) for c in extract(text, published=D)] == [
        ("the ministry", "offer grants to farmers")
    ]
    assert extract("The ministry said the will of the people is clear.", published=D) == []


def test_happy_to_join_is_no_offer() -> None:
    text = "“I am very happy to join the company on Monday,” said Ron Belville."
    assert extract(text, published=D) == []


def test_you_is_a_pronoun_not_the_place_before_it() -> None:
    text = "Mr. President, in your remarks at the Citadel, you vowed that you would act."
    assert all(c.speaker != "Citadel" for c in extract(text, published=D))


def test_a_sentence_adverb_is_never_a_speaker() -> None:
    text = "Additionally, NOAA will accept comments until September 26."
    assert [c.speaker for c in extract(text, published=D)] == ["NOAA"]


def test_due_to_and_due_process_set_no_deadline() -> None:
    text = "IT IS HEREBY ORDERED that the motion is granted.\n\nDue process was observed.\n"
    assert extract(text, published=D) == []


def test_the_date_an_order_sets_aside_is_no_due_date() -> None:
    text = (
        "IT IS HEREBY ORDERED that the motion is granted.\n\n"
        "Plaintiffs shall file an amended complaint within 21 days. The hearing previously set for "
        "October 1, 2025 shall be vacated.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("the Court", "2025-09-03…2025-09-24")]


def test_a_numeric_date_an_order_was_signed_on_is_no_due_date() -> None:
    text = (
        "IT IS HEREBY ORDERED that the motion is granted.\n\n"
        "In the order signed by Magistrate Judge Ana M. Ruiz on 9/3/2025, plaintiffs shall file an "
        "amended complaint within 21 days.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert found == [("the Court", "2025-09-03…2025-09-24")]


def test_a_hansard_speakers_mark_on_a_new_line_ends_the_question_before_it() -> None:
    text = (
        "§ Jane AustinTo ask the Secretary of State when she will open the fourth round. [66798]\n"
        "§ Mr. HaleWe will publish a brochure shortly, inviting councils to apply by 26 "
        "September.\n"
    )
    found = [(c.speaker, str(c.due)) for c in extract(text, published=D)]
    assert ("Hale", "2025-09-03…2025-09-06") in found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Bureau of Land Management (BLM) announced that it will close the trail on "
            "October 1.",
            "the Bureau of Land Management",
        ),
        (
            "Northfield Holdings, Inc. (“Northfield”) said that it will open the plant on "
            "October 1.",
            "Northfield Holdings Inc",
        ),
        ("Northfield Holdings, Inc. said that it will open the plant on October 1.", None),
        ("The plant will open on October 1, Northfield Holdings, Inc. said.", None),
    ],
    ids=["acronym", "defined-term", "legal-form", "legal-form-trailing"],
)
def test_a_short_name_or_a_legal_form_between_a_body_and_its_verb_keeps_the_body(
    text: str, speaker: str | None
) -> None:
    (found,) = extract(text, published=D)
    assert found.speaker == (speaker or "Northfield Holdings Inc")
    assert str(found.due) == "2025-10-01"


def test_a_page_headed_news_releases_names_no_actor() -> None:
    text = (
        "---\ntitle: News Releases\n---\n\nNews Releases\n\nWASHINGTON, Sept. 2, 2025 – The "
        "Rural Housing Service (RHS) today announced that starting October 1, 2025, lenders "
        "will be able to apply for guarantees.\n"
    )
    (document,) = read_text(text, name="releases.md")
    (found,) = extract_document(document, published=D)
    assert found.speaker == "the Rural Housing Service"


def test_a_department_named_for_its_field_is_a_body_not_an_office_in_a_release() -> None:
    text = (
        "FOR IMMEDIATE RELEASE\n\nWASHINGTON — The Department of Transport today announced new "
        "rules for drones.\n\nThe Department of Energy will host a public meeting on October 14.\n"
    )
    (document,) = read_text(text, name="release.md")
    assert [c.speaker for c in extract_document(document, published=D)] == [
        "the Department of Energy"
    ]


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        ("according to a spokesman for the ministry", "a spokesman for the ministry"),
        ("according to a company spokeswoman", "a company spokeswoman"),
        ("according to a statement from the Port Authority", "the Port Authority"),
        ("according to officials", "officials"),
    ],
)
def test_according_to_one_person_or_a_statement_names_them(tail: str, speaker: str) -> None:
    (found,) = extract(f"The bridge will reopen on Monday, {tail}.", published=D)
    assert (found.speaker, str(found.due)) == (speaker, "2025-09-08")


@pytest.mark.parametrize(
    "text",
    [
        "In a September 1, 2025 order, the court directed the parties in the above-captioned "
        "case to file a joint status report by October 12, 2025.",
        "Under an August 30, 2025 directive, the Governor directed the agency to submit within "
        "60 days a plan for the port.",
    ],
    ids=["order", "directive"],
)
def test_a_paper_dated_at_the_head_of_a_sentence_dates_the_act(text: str) -> None:
    (found,) = extract(text, published=D)
    assert found.due is not None
    assert found.issued is not None and found.issued.latest < D
    assert found.due.earliest == found.issued.latest


def test_ordered_by_a_body_to_be_published_orders_nobody() -> None:
    text = "Ordered by the House of Commons to be published on 3 September 2025."
    assert extract(text, published=D) == []


def test_a_passive_agent_with_a_particle_and_a_long_name_is_the_party() -> None:
    text = (
        "The report will be voted on by the Committee on Environment, Public Health and Food "
        "Safety on 13.10.25."
    )
    (found,) = extract(text, published=D)
    assert (found.speaker, str(found.due)) == (
        "the Committee on Environment, Public Health and Food Safety",
        "2025-10-13",
    )


def test_a_passive_agent_stops_before_the_day() -> None:
    (found,) = extract("The report will be published by the Committee on Friday.", published=D)
    assert (found.speaker, str(found.due)) == ("the Committee", "2025-09-05")


def test_hes_doing_with_a_date_in_a_briefing_is_a_plan() -> None:
    text = (
        "Press Briefing by Dana Perino\n\nMS. PERINO: Good morning. Tuesday through Thursday "
        "he's traveling to Austria.\n"
    )
    (document,) = read_text(text, name="briefing.md")
    found = [(c.speaker, str(c.due)) for c in extract_document(document, published=D)]
    assert found == [("Dana Perino", "2025-09-09…2025-09-11")]


def test_a_possessive_before_a_gerund_is_no_plan() -> None:
    text = "MS. PERINO: Tuesday's meeting ran long, and the company's restructuring went well.\n"
    assert extract(text, published=D) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Gordon Brown will travel to Paris on Friday.", "Gordon Brown"),  # not "own will"
        ("Jane Hill will attend the hearing on Friday.", "Jane Hill"),  # not "ill will"
        ("Kate Blythe will resign on Friday.", "Kate Blythe"),  # not "the will"
        ("Raila Odinga vowed to hold a rally on Friday.", "Raila Odinga"),  # not "a vow"
        ("Jeremy Hale promised to resign by Friday.", "Jeremy Hale"),  # not "my promise"
        ("Chad plans to hold elections by Friday.", "Chad"),  # not "had planned"
        ("President Bill Clinton will travel to Ohio on Friday.", "Bill Clinton"),  # no "Bill" law
        ("Will Smith will travel to Ohio on Friday.", "Will Smith"),  # a name, not a question
    ],
)
def test_a_name_ending_like_a_function_word_does_not_hide_the_cue_after_it(
    text: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(text, published=D)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "The country has the political will to act by Friday.",
        "He said that ill will would not matter by Friday.",
        "It was a vow he made by Friday.",
    ],
)
def test_will_and_vow_as_nouns_still_commit_nobody(text: str) -> None:
    assert all(c.kind.value != "promise" or c.speaker is None for c in extract(text, published=D))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ursula von der Leyen will announce the plan on Friday.", "Ursula von der Leyen"),
        ("Charles de Gaulle said he will announce the plan on Friday.", "Charles de Gaulle"),
        ("The ministry has undertaken to publish the plan on Friday.", "the ministry"),
    ],
)
def test_names_with_particles_and_undertaken(text: str, speaker: str) -> None:
    assert [(c.speaker, str(c.due)) for c in extract(text, published=D)] == [
        (speaker, "2025-09-05")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The plant will close by Friday, a spokesperson for Acme Corp said.", None),
        ("A spokesperson for Acme Corp said the plant would close by Friday.", None),
        ("The plant will close by Friday, a senior official at the ministry said.", "ministry"),
    ],
)
def test_one_person_speaking_for_a_body_is_named_with_it(text: str, speaker: str | None) -> None:
    (found,) = extract(text, published=D)
    assert (speaker or "Acme Corp") in found.speaker
    assert str(found.due) == "2025-09-03…2025-09-05"


def test_speaking_to_reporters_on_a_day_dates_the_statement() -> None:
    text = "Jane Doe, speaking to reporters on Monday, said the plant would close by Friday."
    (found,) = extract(text, published=D)  # published on a Wednesday: the Monday before
    assert (found.speaker, str(found.due)) == ("Jane Doe", "2025-09-01…2025-09-05")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ministry set a deadline of October 30 for applications.", "the ministry"),
        ("The EU has set an October 30 deadline for the talks.", "the EU"),
        ("The minister demanded that the report be published by October 30.", "the minister"),
    ],
)
def test_a_deadline_set_for_a_day_is_due_that_day(text: str, speaker: str) -> None:
    (found,) = extract(text, published=D)
    assert (found.speaker, str(found.due)) == (speaker, "2025-09-03…2025-10-30")


def test_minutes_that_name_their_body_in_the_heading_speak_for_it() -> None:
    text = (
        "Minutes of the meeting of the Parish Council held on 1 September 2025\n\n"
        "1. Apologies were received.\n\n"
        "2. The next meeting will be held on 6 October 2025 at 7.30pm.\n"
    )
    (document,) = read_text(text, name="minutes.md")
    found = [(c.speaker, str(c.due)) for c in extract_document(document, published=D)]
    assert found == [("the Parish Council", "2025-10-06")]


@pytest.mark.parametrize(
    "line",
    [
        "As part of our commitment to those goals, today I am:",
        "The Secretary is better able to answer those questions, if he is prepared to do so.",
    ],
)
def test_a_commitment_to_a_noun_and_prepared_to_do_so_commit_no_speaker(line: str) -> None:
    text = f"Press briefing by Thomas Hale\n\nMR. HALE: Thank you. {line}\n"
    assert extract(text, published=D) == []


@pytest.mark.parametrize(
    "text",
    [
        "The company said it will release preliminary results for the fourth quarter.",
        "Acme said its guidance for 2026 will be published.",
    ],
)
def test_a_period_that_results_are_for_is_no_due_date(text: str) -> None:
    assert all(c.due is None for c in extract(text, published=D))


STATEMENT = (
    "Written statement\n\nMade by: Jane Smith (Secretary of State for Transport)\n\n"
    "Today I am announcing the next steps for the rail strategy. I will place a copy of the "
    "strategy in the Libraries of both Houses.\n"
)


def test_an_announcement_made_today_is_done_and_a_copy_placed_in_the_library_is_promised() -> None:
    (document,) = read_text(STATEMENT, name="statement.md")
    found = [(c.speaker, c.due, c.action) for c in extract_document(document, published=D)]
    assert found == [
        ("Jane Smith", None, "place a copy of the strategy in the Libraries of both Houses")
    ]


def test_an_interviews_answers_are_the_interviewees() -> None:
    text = (
        "---\ntitle: Interview with Mayor Jane Hale\n---\n\n"
        "Q: When will the new bridge open?\n\n"
        "A: We're going to open it in the spring.\n"
    )
    (document,) = read_text(text, name="interview.md")
    found = [(c.speaker, str(c.due)) for c in extract_document(document, published=D)]
    assert found == [("Jane Hale", "2026-03-01…2026-05-31")]


def test_a_body_named_in_capitals_is_named_in_title_case() -> None:
    (found,) = extract("THE COURT WILL HOLD A HEARING ON FRIDAY.", published=D)
    assert found.speaker == "the Court"
