"""commitments.outputs.page: the status page's sections, records, filters, links and escaping."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ical_helpers import ADDED, commitment, deadline, resolution, seed_document, tracked
from page_helpers import find, read_page

from commitments.errors import InputError
from commitments.extraction import extract_document
from commitments.outputs.feeds import Feeds
from commitments.outputs.page import (
    Filters,
    Record,
    Section,
    StatusPage,
    render_page,
    section_of,
    status_counts,
    web_url,
)
from commitments.outputs.snapshot import snapshot
from commitments.outputs.timeline import Span, layout
from commitments.records import Kind, Status, Tracked, Window
from commitments.tracker import Tracker

TEMPLATES = Path(__file__).resolve().parent.parent / "commitments" / "outputs" / "templates"
SEP_3 = dt.date(2025, 9, 3)
SEP_12 = dt.date(2025, 9, 12)


@pytest.fixture(scope="module")
def entries() -> Iterator[list[object]]:
    """The seed article as the tracker keeps it (its two coming-days promises merged)."""
    with Tracker(":memory:") as tracker:
        tracker.add(seed_document(), now=ADDED)
        yield list(tracker.entries())


def seed_records() -> list[Tracked]:
    """The seed article's commitments, one record each (as ``report FILE`` reads them)."""
    document = seed_document()
    return snapshot([(document, extract_document(document))])


# -- sections and records ------------------------------------------------------------------


ACTIONS = (
    "Trump: deadline for the Kremlin leader",
    "Trump: be communicating with Putin",
    "Trump: be speaking to him",
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (SEP_3, ["expired", "due-soon", "due-soon"]),
        (dt.date(2025, 9, 7), ["expired", "expired", "due-soon"]),
        (SEP_12, ["expired", "expired", "expired"]),
    ],
    ids=["published", "between", "after"],
)
def test_the_seeds_three_dated_commitments(day: dt.date, expected: list[str]) -> None:
    page = read_page(render_page(seed_records(), as_of=day))
    assert [find(page, action).attrs["data-section"] for action in ACTIONS] == expected
    assert len(page.items) == 7
    order = [section.value for section in Section]
    sections = [item.attrs["data-section"] for item in page.items]
    assert sections == sorted(sections, key=order.index)  # the page's order: due soon first


def test_tracked_entries_show_the_merged_mention_and_its_window(entries: list[object]) -> None:
    """The tracker merges "very shortly" and "in the coming days": one item, the other words and
    window listed with it, and drawn as a revision on the timeline."""
    html = render_page(entries, as_of=SEP_3)  # type: ignore[arg-type]
    page = read_page(html)
    item = find(page, "Trump: be communicating with Putin")
    assert item.attrs["data-section"] == "due-soon"
    assert "be speaking to him (“in the coming days”), due 2025-09-04 to 2025-09-10" in item.words
    assert html.count('class="revised"') == 1 and html.count('class="mark-revision"') == 1
    later = read_page(render_page(entries, as_of=SEP_12))  # type: ignore[arg-type]
    assert find(later, "Trump: be communicating with Putin").attrs["data-status"] == "expired"


@pytest.mark.parametrize(
    ("statuses", "record"),
    [
        ([], Record()),
        ([Status.PENDING, Status.PENDING], Record(made=2, pending=2)),
        (
            [Status.KEPT, Status.BROKEN, Status.EXPIRED, Status.OPEN, Status.WITHDRAWN],
            Record(made=5, kept=1, broken=1, lapsed=1, open=1, withdrawn=1),
        ),
    ],
    ids=["none", "pending", "one-of-each"],
)
def test_status_counts(statuses: list[Status], record: Record) -> None:
    assert status_counts(statuses) == record


def test_the_speakers_record_counts_all_their_commitments(entries: list[object]) -> None:
    deadlines = Filters(kinds=(Kind.DEADLINE,))
    html = render_page(entries, as_of=SEP_3, filters=deadlines)  # type: ignore[arg-type]
    trump = html[html.index('id="speaker-donald-trump"') :]
    counts = dict(re.findall(r"<dt>(\w+)</dt>\s*<dd>(\d+)</dd>", trump[: trump.index("</dl>")]))
    assert counts == {
        "Made": "4",
        "Kept": "0",
        "Broken": "0",
        "Lapsed": "1",
        "Open": "2",
        "Pending": "1",
    }


@pytest.mark.parametrize(
    ("due", "day", "section"),
    [
        (Window.day(dt.date(2025, 9, 10)), SEP_3, Section.DUE_SOON),
        (Window.day(dt.date(2025, 9, 11)), SEP_3, Section.PENDING),
        (Window.day(dt.date(2025, 9, 2)), SEP_3, Section.EXPIRED),
        (None, SEP_3, Section.OPEN),
    ],
    ids=["seven-days", "eight-days", "past", "undated"],
)
def test_section_of(due: Window | None, day: dt.date, section: Section) -> None:
    assert section_of(tracked(commitment(due=due)), day) is section


def test_a_resolution_is_a_follow_up_mark_and_a_section() -> None:
    record = tracked(resolution=resolution(Status.KEPT, note="they spoke"))
    html = render_page([record], as_of=SEP_12)
    (item,) = read_page(html).items
    assert item.attrs["data-section"] == "kept"
    assert "kept on 2025-09-05: they spoke" in item.words
    assert html.count('class="mark-follow-up"') == 1


# -- filters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ({}, Filters()),
        ({"speaker": [""], "kind": [""], "status": [""]}, Filters()),
        ({"speaker": ["donald-trump"]}, Filters(speakers=("donald-trump",))),
        ({"kind": ["promise,Deadline"]}, Filters(kinds=(Kind.PROMISE, Kind.DEADLINE))),
        (
            {"status": ["lapsed", "due-soon"]},
            Filters(sections=(Section.EXPIRED, Section.DUE_SOON)),
        ),
    ],
    ids=["none", "blank", "speaker", "kinds", "aliases"],
)
def test_filters_from_query(query: dict[str, list[str]], filters: Filters) -> None:
    assert Filters.from_query(query) == filters


@pytest.mark.parametrize(
    ("query", "word"),
    [({"kind": ["vow"]}, "vow"), ({"status": ["late"]}, "late")],
    ids=["kind", "status"],
)
def test_unknown_filter_values_say_which(query: dict[str, list[str]], word: str) -> None:
    with pytest.raises(InputError, match=f"'{word}'"):
        Filters.from_query(query)


@pytest.mark.parametrize(
    ("filters", "shown"),
    [
        (Filters(speakers=("Putin",)), 2),
        (Filters(kinds=(Kind.DEADLINE,)), 1),
        (Filters(sections=(Section.PENDING,)), 2),  # pending includes due soon
        (Filters(sections=(Section.DUE_SOON,), speakers=("Putin",)), 0),
    ],
    ids=["speaker", "kind", "pending", "none-left"],
)
def test_filters_choose_the_items(filters: Filters, shown: int) -> None:
    records = {record.id: record for record in seed_records()}
    page = read_page(render_page(records.values(), as_of=SEP_3, filters=filters))
    assert len(page.items) == shown
    assert sum(filters.matches(record, SEP_3) for record in records.values()) == shown
    assert all(filters.matches(records[item.attrs["data-id"]], SEP_3) for item in page.items)


# -- escaping and links --------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script>"


def test_a_speaker_named_script_renders_as_text() -> None:
    record = tracked(
        commitment(
            speaker=HOSTILE,
            action='"><img src=x onerror=alert(2)>',
            text="</blockquote><svg onload=alert(3)>",
            expression="<b>soon</b>",
        )
    )
    html = render_page([record], as_of=SEP_3, base_url="https://example.org/feeds")
    page = read_page(html)
    tags = {tag for tag, _ in page.tags}
    assert "script" not in tags and "img" not in tags
    assert not any(tag == "svg" and "onload" in found for tag, found in page.tags)
    (item,) = page.items
    assert item.words.startswith(f'Due soon promise {HOSTILE}: "><img src=x onerror=alert(2)>')
    assert "</blockquote><svg onload=alert(3)>" in item.words
    assert HOSTILE in "".join(page.text)  # in the record heading, the SVG title and the feeds


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&\"'/=ab ;\u00e9#")), min_size=1, max_size=30))
def test_any_speaker_name_is_text_not_markup(name: str) -> None:
    plain = read_page(render_page([tracked(commitment(speaker="Ana"))], as_of=SEP_3))
    odd = read_page(render_page([tracked(commitment(speaker=name))], as_of=SEP_3))
    assert [tag for tag, _ in odd.tags] == [tag for tag, _ in plain.tags]
    shown = " ".join(name.split()) or "Unknown speaker"
    assert odd.items[0].words.startswith(f"Due soon promise {shown}: be speaking to him")


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a?b=1&c=<2>", True),
        ("http://example.org/", True),
        ("javascript:alert(1)", False),
        ("file:///home/ana/notes.md", False),
        ("/home/ana/notes.md", False),
        (None, False),
    ],
    ids=["https", "http", "javascript", "file", "path", "none"],
)
def test_only_web_addresses_are_linked(url: str | None, linked: bool) -> None:
    assert web_url(url) == (url if linked else None)
    record = tracked(commitment(url=url))
    html = render_page([record], as_of=SEP_3)
    (item,) = read_page(html).items
    sources = [href for kind, href in item.links if kind == "source"]
    assert sources == ([url] if linked else [])
    assert "/home/ana" not in html if not linked else True


def test_the_documents_local_path_is_never_shown() -> None:
    record = tracked(commitment())  # its source document is seeds/putin-zelenskyy-moscow.md
    html = render_page([record], as_of=SEP_3, static=True)
    assert "putin-zelenskyy-moscow.md" not in html
    assert "no web address" in html


def test_feed_links_webcal_https_and_google() -> None:
    record = tracked(commitment(url="https://example.org/news/1"))
    html = render_page([record], as_of=SEP_3, base_url="https://example.org/feeds")
    (item,) = read_page(html).items
    links = dict(item.links)
    assert links["source"] == "https://example.org/news/1"
    assert links["feed-webcal"] == "webcal://example.org/feeds/speakers/donald-trump.ics"
    assert links["feed-https"] == "https://example.org/feeds/speakers/donald-trump.ics"
    assert links["feed-google"] == (
        "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fexample.org%2Ffeeds"
        "%2Fspeakers%2Fdonald-trump.ics"
    )
    assert "dates=20250904%2F20250911" in links["add-google"]  # the end is exclusive


def test_a_static_page_needs_nothing_from_outside() -> None:
    html = render_page(seed_records(), as_of=SEP_3, static=True)
    page = read_page(html)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "form"}
    assert not any("src" in found for _, found in page.tags)
    assert "@import" not in html and "url(" not in html
    hrefs = [found["href"] for tag, found in page.tags if tag == "a"]
    assert all(h.startswith(("#", "https://calendar.google.com/")) for h in hrefs), hrefs
    assert "give <code>--base-url</code>" in html


def test_landmarks_headings_and_svg_names() -> None:
    html = render_page(seed_records(), as_of=SEP_3)
    page = read_page(html)
    tags = [tag for tag, _ in page.tags]
    assert tags.count("h1") == 1
    for landmark in ("header", "nav", "main", "footer"):
        assert tags.count(landmark) == 1, landmark
    assert ("html", {"lang": "en"}) in page.tags
    ids = {found["id"] for _, found in page.tags if "id" in found}
    svgs = [found for tag, found in page.tags if tag == "svg"]
    assert svgs
    for svg in svgs:
        assert svg["role"] == "img"
        assert set(svg["aria-labelledby"].split()) <= ids
    labels = {found["for"] for tag, found in page.tags if tag == "label"}
    controls = {found["id"] for tag, found in page.tags if tag in ("select", "input")}
    assert labels == controls


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_text_colour_meets_aa_contrast_on_white_and_on_the_wash() -> None:
    css = (TEMPLATES / "status.html.j2").read_text("utf-8")
    colours = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6})", css))
    statuses = [section.value for section in Section]
    assert set(statuses) <= set(colours)
    for name in [*statuses, "ink", "muted", "today"]:
        for background in ("paper", "wash"):
            light, dark = _luminance(colours[background]), _luminance(colours[name])
            ratio = (light + 0.05) / (dark + 0.05)
            assert ratio >= 4.5, f"{name} on {background}: {ratio:.2f}"


# -- the timeline --------------------------------------------------------------------------


def _span(key: str, issued: dt.date, due: Window) -> Span:
    return Span(
        key=key,
        issued=issued,
        earliest=due.earliest,
        latest=due.latest,
        section="pending",
        label=key,
        title=key,
    )


def test_the_timeline_places_bars_today_and_ticks_on_one_scale() -> None:
    spans = [
        _span("a", dt.date(2025, 8, 1), Window(dt.date(2025, 8, 1), dt.date(2025, 9, 3))),
        _span("b", SEP_3, Window(dt.date(2025, 9, 4), dt.date(2025, 9, 10))),
    ]
    drawn = layout(spans, as_of=SEP_3)
    a, b = drawn.bars
    assert a.x_issued < b.x_issued <= drawn.today_x <= b.x_start < b.x_end <= drawn.width
    assert a.x_end > drawn.today_x  # the deadline's last day includes the 3rd
    assert b.y > a.y and drawn.axis_y > b.y
    xs = [tick.x for tick in drawn.ticks]
    assert xs == sorted(xs) and 0 <= xs[0] and xs[-1] <= drawn.width
    labels = ["Aug 4", "Aug 11", "Aug 18", "Aug 25", "Sep 1", "Sep 8"]
    assert [tick.label for tick in drawn.ticks] == labels


@pytest.mark.parametrize(
    ("days", "label"),
    [(5, "Sep 3"), (300, "Oct 2025"), (2000, "2026")],
    ids=["days", "months", "years"],
)
def test_the_ticks_fit_the_span(days: int, label: str) -> None:
    end = SEP_3 + dt.timedelta(days=days)
    drawn = layout([_span("a", SEP_3, Window(SEP_3, end))], as_of=SEP_3)
    assert label in [tick.label for tick in drawn.ticks]
    assert len(drawn.ticks) <= 14


def test_a_long_label_is_cut_for_narrow_screens() -> None:
    long = attrs.evolve(_span("a", SEP_3, Window.day(SEP_12)), label="word " * 40)
    (bar,) = layout([long], as_of=SEP_3).bars
    assert len(bar.short_label) <= 46 < len(bar.label) and bar.short_label.endswith("…")


# -- served ---------------------------------------------------------------------------------


def _feeds(page: bool = True) -> Feeds:
    records = [tracked(commitment()), tracked(deadline())]
    return Feeds(
        records=lambda: records,
        clock=lambda: dt.datetime(2025, 9, 3, 12, tzinfo=dt.UTC),
        page=StatusPage(items=lambda: records) if page else None,
    )


def test_the_feed_server_serves_the_page_at_status() -> None:
    feeds = _feeds()
    response = feeds.respond("GET", "/status?as-of=2025-09-12&kind=promise", {})
    assert response.status == 200
    assert response.header("Content-Type") == "text/html; charset=utf-8"
    page = read_page(response.body.decode("utf-8"))
    assert [item.attrs["data-status"] for item in page.items] == ["expired"]
    today = read_page(feeds.respond("GET", "/status", {}).body.decode("utf-8"))
    assert {item.attrs["data-section"] for item in today.items} == {"due-soon", "expired"}
    head = feeds.respond("HEAD", "/status", {})
    assert head.status == 200 and head.body == b""
    assert 'href="/status"' in feeds.respond("GET", "/", {}).body.decode("utf-8")


@pytest.mark.parametrize(
    "target",
    ["/status?kind=vow", "/status?status=late", "/status?as-of=yesterday"],
    ids=["kind", "status", "as-of"],
)
def test_a_bad_query_is_400(target: str) -> None:
    response = _feeds().respond("GET", target, {})
    assert response.status == 400
    assert b"use" in response.body


def test_without_a_page_there_is_no_status_route() -> None:
    feeds = _feeds(page=False)
    assert feeds.respond("GET", "/status", {}).status == 404
    assert "/status" not in feeds.respond("GET", "/", {}).body.decode("utf-8")


def test_the_filters_are_said_in_words_with_the_speakers_name() -> None:
    filters = Filters(speakers=("donald-trump",), kinds=(Kind.DEADLINE,))
    html = render_page(seed_records(), as_of=SEP_3, filters=filters)
    assert "1 of 7 commitments shown (filtered by speaker Donald Trump; kind deadline)." in html
    static = render_page(seed_records(), as_of=SEP_3, filters=filters, static=True)
    assert "<p>Filtered by speaker Donald Trump; kind deadline.</p>" in static


def test_a_query_is_shown_back_as_text() -> None:
    target = "/status?speaker=%3Cscript%3Ealert(1)%3C/script%3E&as-of=2025-09-03"
    response = _feeds().respond("GET", target, {})
    assert response.status == 200
    page = read_page(response.body.decode("utf-8"))
    assert "script" not in {tag for tag, _ in page.tags}
    assert f"0 of 2 commitments shown (filtered by speaker {HOSTILE})." in "".join(page.text)
