"""The document's own voice: labels, titles, issuers (examples written for these tests)."""

from __future__ import annotations

import pytest

from commitments.extraction.voice import voices

ISSUERS = [
    (
        "Press Gaggle by Maria Lopez",
        "Aboard the aircraft.\nMS. LOPEZ: Good morning.",
        "Maria Lopez",
    ),
    ("Remarks by Governor Alan Reyes at the Harbour Summit", "Thank you all.", "Alan Reyes"),
    ("Defense News Briefing: Ms. Joan Ferris, Spokesperson", "Q: Hello.", "Joan Ferris"),
    ("Defense News Briefing, October 22, 1996", "Good afternoon.", None),
    (
        "Press Statement, Tom Okafor, Department Spokesperson",
        "The Secretary will travel.",
        "Tom Okafor",
    ),
    ("Northfield Dairy Announces Closure of Plant", "The plant will close.", "Northfield Dairy"),
    (
        "NORTHFIELD DAIRY, INC. ANNOUNCES CLOSURE OF PLANT",
        "The plant will close.",
        "Northfield Dairy, Inc",
    ),
    ("Hotel Construction Set to Begin at Riverside Casino", "Work starts soon.", None),
    ("Crews Named to Fly the Next Two Missions", "The crews will fly in May.", None),
    ("Harbour Agency Holds Briefing Friday on the Port", "Managers will brief.", "Harbour Agency"),
    (
        None,
        "May 19, 1997\n\nJane Hale\nEastbrook Space Center, Houston, TX\n(Phone: 713/483-5111)"
        "\n\nRelease: N97-35\n\nA press conference will be held on May 21.",
        "Eastbrook Space Center",
    ),
    (
        None,
        "Jane Hale\n\nRELEASE: 94-033 May 2, 1994\n\nIn an effort to improve the timeliness of the "
        "news it gives reporters, NASA has announced that the crew will be available.",
        "NASA",
    ),
    (
        None,
        "Harbour News\n\nJane Hale\nEastbrook Space Center, Fla.\n\nFeb. 15, 1996\n\nThe launch is set.",
        "Eastbrook Space Center",
    ),
    (None, "Harbour Report\n\nBy Jane Hale\nPort Authority Media Service\n\nThe port will reopen.", None),
    (None, "Harbour Report\n\nHarbour Wire Service\n\nThe port will reopen on Monday.", None),
    (None, "Harbour Report\n\nPort Authority of Eastbrook\n\nThe port will reopen.", "Port Authority of Eastbrook"),
    ("Contractor Selected to Rebuild Harbour Wall", "Work starts soon.", None),
    ("Riverside United to Open Club Museum", "The museum will open.", "Riverside United"),
    (
        "Press Notice: New Inquiry",
        "Press Notice\n\nThe Transport Committee has decided to undertake an inquiry into buses.",
        "the Transport Committee",
    ),
    ("Press Notice: New Inquiry — Commissioning", "The inquiry opens.", None),
    (
        None,
        "Acme received a Temporary Certificate of Occupancy (TCO) today. The TCO allows the "
        "opening. Under the TCO the hotel opens.",
        None,
    ),
    ("Smith v. Jones", "The motion is denied.", "the Court"),
    (None, "IT IS HEREBY ORDERED that the parties file a report.", "the Court"),
    (None, "The motion is granted.\n\nSO ORDERED.", "the Court"),
    (
        "Formal Minutes - Transport Committee, Tuesday 4 May",
        "Members present: …",
        "Transport Committee",
    ),
    (None, "AGENCY: Bureau of Reclamation.\nACTION: Notice.", "Bureau of Reclamation"),
    (
        None,
        "FOR IMMEDIATE RELEASE\nAcme Widgets Inc. (NYSE: ACW) today announced that it will open a plant.",
        "Acme Widgets Inc.",
    ),
    (
        None,
        "On 2 May the Office of Rail Regulation (ORR) opened a review. The ORR will report. ORR staff",
        "Office of Rail Regulation",
    ),
    (
        None,
        "Written statements\nMade by: Lord Barrow of Hale (Lord in Waiting)\nThe review",
        "Lord Barrow of Hale",
    ),
    ("NASA Sets Launch Date for Next Flight", "The launch is targeted for May 2.", "NASA"),
    (
        "Fishery Reopens for Longline Fishing by Vessels Using Hook Gear in the Bering Sea",
        "Fishing opens on 1 May.",
        None,
    ),
    (
        "Top News from the Harbour Commission 3 May – 9 June",
        "The week ahead.",
        "Harbour Commission",
    ),
    ("Acme Ferries, Harbour Trust to Open New Terminal", "It opens soon.", "Acme Ferries"),
    ("Acme, Inc. to Close Plant", "The plant closes.", "Acme, Inc"),
    ("Northwind Declares Quarterly Dividend", "The dividend is payable.", "Northwind"),
    ("1-800 WIDGETS Announces First Quarter Results", "Sales rose.", "1-800 WIDGETS"),
    ("Columbus Module Ready for Launch", "The module is ready.", None),
    ("The U.S. Defense Rebalance to Asia", "Thank you all.", None),
    ("Statement of Labor Secretary Ana Ruiz on the Vote", "The vote failed.", "Ana Ruiz"),
    ("Remarks by Governor Reyes at the Harbour Summit", "Thank you all.", "Reyes"),
    ("Statement of Policy on Ferries", "Ferries matter.", None),
    (
        "Winter Ferry Timetable Changes",
        "Harbour News Releases News Releases from the Office of Harbour Affairs Winter Ferry "
        "Timetable Changes\nThe ferries will resume service on Monday.",
        "Office of Harbour Affairs",
    ),
    (
        "Talks to Begin",
        "News Releases from the Office of Harbour Affairs Affairs, Unions Begin Talks\nTalks begin.",
        "Office of Harbour Affairs",
    ),
    ("Statement by the Secretary of State on Syria", "The Secretary spoke.", "Secretary of State"),
    ("Resolutions Adopted by the Board June 4, 2011", "The Board resolved.", "the Board"),
    (
        "Call for evidence",
        "12 May 2014\n- Harbour Committee\nThe Harbour Committee would like to receive views on "
        "the ferry timetable. " + "It asks residents, operators and councils to write. " * 4,
        "Harbour Committee",
    ),
    (
        "Written Statements",
        "Ferry Review\nThe review has reported to ministers on the ferry timetable and the fares. "
        + "It will be published. " * 8
        + "\nHarbour Department\n",
        None,
    ),
    (
        None,
        "United States Harbour Department United States Harbour Department\nThe Secretary spoke.",
        None,
    ),
    ("Storm hits coast", "Officials said the storm would weaken. Residents were evacuated.", None),
    (None, "Acme Widgets said on Monday it would open a plant.", None),
]


@pytest.mark.parametrize(
    ("title", "text", "issuer"), ISSUERS, ids=[str(i) for i in range(len(ISSUERS))]
)
def test_the_issuer_is_read_from_the_shape_of_the_document(
    title: str | None, text: str, issuer: str | None
) -> None:
    assert voices(text, title).default == issuer


def test_a_transcript_label_speaks_until_the_next_label() -> None:
    text = (
        "Press gaggle with Maria Lopez.\n"
        "MS. LOPEZ: On Monday the Governor will sign the bill.\n"
        "Q: Will he travel?\n"
        "MS. LOPEZ: He will travel on Friday.\n"
    )
    found = voices(text)
    first, question, second = (text.index(s) for s in ("On Monday", "Will he", "He will"))
    assert found.label_at(first) == "Maria Lopez"
    assert found.label_at(question) is None  # a question's label names nobody
    assert found.label_at(second) == "Maria Lopez"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "The Minister of State, Home Office (Lord Barrow of Hale): The review will report.",
            "Lord Barrow of Hale",
        ),
        (
            "The Parliamentary Under-Secretary of State, Department of Health (Baroness Hale)\n\n"
            "My department has written to every trust. The guidance should be ready shortly.",
            "Baroness Hale",
        ),
        (
            "The Minister of State (Lord Barrow)\nshort line, no answer",
            None,
        ),
        ("Mr. Peter Hollis: We will publish the report next week.", "Peter Hollis"),
        ("DATES: Comments must be received by May 1.", None),
        ("WASHINGTON: The agency will decide.", None),
        (
            "SENIOR STATE DEPARTMENT OFFICIAL TWO: We will go on to Rome.",
            "Senior State Department Official Two",
        ),
    ],
    ids=[
        "hansard-role",
        "hansard-role-on-its-own-line",
        "role-line-without-an-answer",
        "title-case-label",
        "field-not-speaker",
        "dateline-not-speaker",
        "five-word-label",
    ],
)
def test_labels_name_people_not_fields(text: str, label: str | None) -> None:
    assert voices(text).label_at(len(text) - 3) == label


@pytest.mark.parametrize(
    "text", ["The bank ’s (BOE) board will meet.", "Acme 's (AC) board", "’s (AB)"]
)
def test_a_possessive_on_its_own_before_an_acronym_is_no_name(text: str) -> None:
    assert voices(text).default is None
