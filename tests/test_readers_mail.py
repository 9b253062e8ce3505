"""E-mail and mbox: the sender speaks, quoted replies belong to whoever is quoted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commitments.errors import FormatError
from commitments.readers.base import ReadFailure
from commitments.readers.mail import read_email, read_mbox
from commitments.records import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

HEADERS = (
    "From: Hannah Cole <hannah@example.org>\nTo: team@example.org\n"
    "Date: Mon, 1 Sep 2025 16:02:00 +0100\nSubject: Audit\n"
)
DATE = "Date: Mon, 1 Sep 2025 16:02:00 +0100\n"
FROM = "From: Hannah Cole <hannah@example.org>\n"
D13 = HEADERS + "\nAll,\n\nI will circulate the audit findings within a week.\n\nHannah\n"


def said(document: Document) -> list[tuple[str | None, str, dt.date | None]]:
    return [(t.speaker, document.text[t.start : t.end], t.published) for t in document.turns]


def mail(body: str, headers: str = HEADERS) -> Document:
    return read_email((headers + "\n" + body).encode("utf-8"), name="m.eml")


def test_sender_date_subject_and_sign_off() -> None:
    document = read_email(D13.encode(), name="d13.eml")
    assert document.published == dt.date(2025, 9, 1)
    assert document.sent_at == dt.datetime(
        2025, 9, 1, 16, 2, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert document.title == "Audit"
    assert said(document) == [
        ("Hannah Cole", "All,\n\nI will circulate the audit findings within a week.", None)
    ]
    assert document.turns[0].line == 6
    assert "Hannah\n" not in document.text


def test_date_keeps_the_senders_own_day() -> None:
    headers = HEADERS.replace("Mon, 1 Sep 2025 16:02:00 +0100", "Mon, 1 Sep 2025 23:30:00 -0500")
    assert mail("Hi.\n", headers).published == dt.date(2025, 9, 1)


def test_address_without_a_display_name_is_the_speaker() -> None:
    headers = HEADERS.replace("Hannah Cole <hannah@example.org>", "hannah@example.org")
    assert mail("I will do it.\n", headers).turns[0].speaker == "hannah@example.org"


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("I'll send it on Friday.\n\nThanks,\nHannah\n", "I'll send it on Friday."),
        ("I'll send it on Friday.\nBest regards,\nHannah Cole\nHead of Audit\n+44 20 0000\n",
         "I'll send it on Friday."),
        ("I'll send it on Friday.\n\n-- \nHannah Cole | Audit\nhannah@example.org\n",
         "I'll send it on Friday."),
        ("I'll send it on Friday.\n\nSent from my phone\n", "I'll send it on Friday."),
        ("I'll send it on Friday.\n\nCheers, Hannah\n", "I'll send it on Friday."),
        ("Thanks, I'll send it on Friday.\n", "Thanks, I'll send it on Friday."),
        ("I'll send it on Friday.\n\nLet me know\n", "I'll send it on Friday.\n\nLet me know"),
    ],
    ids=["thanks-name", "regards-block", "dash-dash-space", "device", "closing-with-name",
         "thanks-in-a-sentence", "short-last-line-kept"],
)  # fmt: skip
def test_signatures_are_left_out(body: str, kept: str) -> None:
    document = mail(body)
    assert said(document) == [("Hannah Cole", kept, None)]


def test_quoted_reply_belongs_to_the_quoted_sender() -> None:
    body = (
        "Sure, I'll book the room for Thursday.\n\n"
        "On Mon, 1 Sep 2025 at 09:12, Tom Reed <tom@example.org> wrote:\n"
        "> Can you book the room? I will bring the projector tomorrow.\n"
        ">\n> Tom\n"
    )
    document = mail(body)
    assert said(document) == [
        ("Hannah Cole", "Sure, I'll book the room for Thursday.", None),
        (
            "Tom Reed",
            "Can you book the room? I will bring the projector tomorrow.",
            dt.date(2025, 9, 1),
        ),
    ]
    assert ">" not in document.text and "wrote:" not in document.text


@pytest.mark.parametrize(
    ("attribution", "who", "day"),
    [
        ("On Mon, Sep 1, 2025 at 4:02 PM Tom Reed <tom@x.org> wrote:", "Tom Reed", (2025, 9, 1)),
        ("On Mon, Sep 1, 2025 at 4:02 PM Tom Reed <tom@x.org>\nwrote:", "Tom Reed", (2025, 9, 1)),
        ("On 1 Sep 2025, at 16:02, Tom Reed <tom@example.org> wrote:", "Tom Reed", (2025, 9, 1)),
        ("On 01/09/2025 16:02, Tom Reed wrote:", "Tom Reed", None),
        ("On 2025-09-01 16:02, \"Reed, Tom\" <tom@example.org> wrote:", "Reed, Tom", (2025, 9, 1)),
        ("Tom Reed <tom@example.org> wrote:", "Tom Reed", None),
        ("On Monday, September 1, 2025 4:02 PM, Tom Reed wrote:", "Tom Reed", (2025, 9, 1)),
    ],
    ids=["gmail", "gmail-wrapped", "apple", "thunderbird-ambiguous-day", "quoted-last-first",
         "no-on", "outlook-web"],
)  # fmt: skip
def test_attribution_lines(attribution: str, who: str, day: tuple[int, int, int] | None) -> None:
    document = mail(f"Fine.\n\n{attribution}\n> I will bring the projector.\n")
    quoted = document.turns[1]
    assert quoted.speaker == who
    assert quoted.published == (dt.date(*day) if day else None)


def test_nested_quotes_and_inline_answers() -> None:
    body = (
        "On Tue, 2 Sep 2025 at 10:00, Tom Reed <tom@example.org> wrote:\n"
        "> I'll bring the projector.\n"
        ">\n"
        "> On Mon, 1 Sep 2025 at 09:00, Ravi Menon <ravi@example.org> wrote:\n"
        ">> I will book the room by Friday.\n"
        "\n"
        "Thanks both, I'll send the agenda tomorrow.\n"
        "\n"
        "> An unattributed quote.\n"
    )
    assert said(mail(body)) == [
        ("Tom Reed", "I'll bring the projector.", dt.date(2025, 9, 2)),
        ("Ravi Menon", "I will book the room by Friday.", dt.date(2025, 9, 1)),
        ("Hannah Cole", "Thanks both, I'll send the agenda tomorrow.", None),
        (None, "An unattributed quote.", None),
    ]


def test_outlook_original_message_block() -> None:
    body = (
        "I'll send the figures by Monday.\n\n"
        "-----Original Message-----\n"
        "From: Reed, Tom <tom@example.org>\n"
        "Sent: Friday, August 29, 2025 5:10 PM\n"
        "To: Hannah Cole <hannah@example.org>\n"
        "Subject: Figures\n\n"
        "Can you send the figures? I will review them on Tuesday.\n"
    )
    assert said(mail(body)) == [
        ("Hannah Cole", "I'll send the figures by Monday.", None),
        (
            "Reed, Tom",
            "Can you send the figures? I will review them on Tuesday.",
            dt.date(2025, 8, 29),
        ),
    ]


def test_html_only_mail_with_a_gmail_quote() -> None:
    html = (
        '<div dir="ltr">Sure, I\'ll do it by <b>Friday</b>.</div><br>'
        '<div class="gmail_quote"><div class="gmail_attr">On Mon, Sep 1, 2025 at 4:02 PM '
        "Tom Reed &lt;tom@example.org&gt; wrote:<br></div>"
        "<blockquote><div>Can you send the report? I will review it on Monday.</div>"
        "</blockquote></div>"
    )
    headers = HEADERS + "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n"
    document = mail(html, headers)
    assert said(document) == [
        ("Hannah Cole", "Sure, I'll do it by Friday.", None),
        ("Tom Reed", "Can you send the report? I will review it on Monday.", dt.date(2025, 9, 1)),
    ]
    assert document.turns[0].line is None  # an HTML body does not map onto file lines


def test_quoted_printable_latin1_body() -> None:
    headers = HEADERS + (
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: quoted-printable\n"
    )
    document = read_email(
        (headers + "\nJos=E9 will send the r=E9sum=E9 tomorrow.\n").encode("ascii")
    )
    assert document.text == "José will send the résumé tomorrow.\n"


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (HEADERS.replace(DATE, "") + "\nHi.\n", "no Date header"),
        (HEADERS.replace(DATE, "Date: last Monday\n") + "\nHi.\n", "not an RFC 5322 date"),
        (HEADERS.replace(FROM, "") + "\nHi.\n", "no From header"),
        ("\nJust a body.\n", "no headers"),
    ],
    ids=["no-date", "bad-date", "no-from", "no-headers"],
)  # fmt: skip
def test_bad_messages(raw: str, words: str) -> None:
    with pytest.raises(FormatError) as caught:
        read_email(raw.encode(), name="bad.eml")
    assert caught.value.source == "bad.eml"
    assert words in caught.value.message


def test_mbox_streams_messages_and_reports_a_bad_one() -> None:
    good = D13
    bad = HEADERS.replace("Date: Mon, 1 Sep 2025 16:02:00 +0100\n", "") + "\nNo date here.\n"
    archive = (
        f"From hannah@example.org Mon Sep  1 16:02:00 2025\n{good}\n"
        f"From hannah@example.org Mon Sep  1 17:00:00 2025\n{bad}\n"
        "From tom@example.org Tue Sep  2 09:00:00 2025\n"
        + HEADERS.replace("Hannah Cole <hannah@example.org>", "Tom Reed <tom@example.org>")
        + "\n>From the start, I will keep notes.\n"
    )
    items = list(read_mbox(archive.encode().splitlines(keepends=True), name="box.mbox"))
    assert [type(i).__name__ for i in items] == ["Document", "ReadFailure", "Document"]
    first, failure, third = items
    assert isinstance(first, Document) and first.name == "box.mbox#1"
    assert first.turns[0].line == 7
    assert isinstance(failure, ReadFailure)
    assert (failure.source, failure.line) == ("box.mbox", 14)
    assert "message 2 has no Date header" in failure.message
    assert isinstance(third, Document) and third.text == "From the start, I will keep notes.\n"


def test_mbox_must_start_with_a_from_line() -> None:
    with pytest.raises(FormatError):
        list(read_mbox([b"Subject: hi\n"], name="x.mbox"))


def test_the_reply_thread_seed() -> None:
    document = read_email((SEEDS / "reply-thread.eml").read_bytes(), name="reply-thread.eml")
    assert document.published == dt.date(2025, 9, 10)
    assert [(t.speaker, t.published) for t in document.turns] == [
        ("Omar Haddad", None),
        ("Ana Costa", dt.date(2025, 9, 9)),
        ("Marta Silva", dt.date(2025, 9, 8)),
    ]
    assert "+351" not in document.text  # the signature
    assert "Kind regards" not in document.text and "Clinic manager" not in document.text
    marta = document.turns[2]
    assert document.text[marta.start : marta.end].endswith("agreement by Friday.")


def test_deep_quotes_and_long_forward_chains_do_not_recurse_without_end() -> None:
    deep = "\n".join(">" * n + " I will go." for n in range(1, 2000))
    assert len(mail(deep).turns) <= 31
    chain = "\n".join(
        ["-----Original Message-----", "From: B <b@x.org>", "Sent: Monday", "", "hi"] * 1500
    )
    assert len(mail(chain).turns) == 1500


_BODY_LINES = st.sampled_from(
    [
        "I'll send it on Friday.", "", ">", "> I will review it.", ">> Fine.", "-- ", "Thanks,",
        "Hannah", "On Mon, 1 Sep 2025 at 09:12, Tom Reed <tom@example.org> wrote:",
        "-----Original Message-----", "From: Tom Reed <tom@example.org>", "Sent: Monday",
        "Subject: x", "Sent from my phone", "Tom Reed <tom@example.org> wrote:", "  indented",
    ]
)  # fmt: skip


@given(st.lists(_BODY_LINES, max_size=25))
def test_any_body_reads_into_disjoint_trimmed_turns(lines: list[str]) -> None:
    document = mail("\n".join(lines) + "\n")
    end = 0
    for turn in document.turns:
        assert end <= turn.start < turn.end <= len(document.text)
        span = document.text[turn.start : turn.end]
        assert span == span.strip("\n") and not span.startswith(">")
        end = turn.end
