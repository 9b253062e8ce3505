"""The feed server's index links each speaker's track record on the status page (issue 12)."""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse

import pytest
from ical_helpers import commitment, tracked
from page_helpers import read_page

from commitments.outputs.feeds import Feeds
from commitments.outputs.page import Record, StatusPage
from commitments.records import Tracked

SPEAKERS = ["Donald Trump", "Vladimir Putin", "Ana <b>Silva</b>"]


def said_by(speaker: str) -> Tracked:
    return tracked(commitment(speaker=speaker, text=f"{speaker} will be speaking to him."))


def feeds(*, page: bool, base_url: str | None = None) -> Feeds:
    records = [said_by(name) for name in SPEAKERS]
    status = StatusPage(
        items=lambda: records,
        records=lambda day: [Record(speaker=name, made=7, revisions=3) for name in SPEAKERS],
    )
    return Feeds(
        records=lambda: records,
        clock=lambda: dt.datetime(2025, 9, 3, 12, tzinfo=dt.UTC),
        page=status if page else None,
        base_url=base_url,
    )


def record_links(index: str) -> list[str]:
    return [
        urllib.parse.unquote(href.replace("&amp;", "&"))
        for href in re.findall(r'<a class="record" href="([^"]*)"', index)
    ]


@pytest.mark.parametrize("base_url", [None, "https://example.org/feeds"], ids=["relative", "base"])
def test_the_index_links_each_speakers_record(base_url: str | None) -> None:
    served = feeds(page=True, base_url=base_url)
    index = served.respond("GET", "/", {}).body.decode("utf-8")
    links = record_links(index)
    prefix = base_url or ""
    assert links == [
        f"{prefix}/status?speaker=ana-b-silva-b#speaker-ana-b-silva-b",
        f"{prefix}/status?speaker=donald-trump#speaker-donald-trump",
        f"{prefix}/status?speaker=vladimir-putin#speaker-vladimir-putin",
    ]
    assert "<b>" not in index  # names are escaped
    for link in links:  # each leads to a page with that speaker's record, at the anchor
        target, anchor = link.removeprefix(prefix).split("#")
        page = served.respond("GET", target, {}).body.decode("utf-8")
        slug = anchor.removeprefix("speaker-")
        assert f'id="{anchor}"' in page
        assert f'id="record-{slug}"' in page
        assert {item.attrs["data-speaker"] for item in read_page(page).items} == {slug}


def test_no_record_links_without_a_status_page() -> None:
    index = feeds(page=False).respond("GET", "/", {}).body.decode("utf-8")
    assert record_links(index) == []
    assert "/speakers/donald-trump.ics" in index
