"""The status page in a real browser: Debian's Chromium, headless, driven by Playwright.

``commitments serve`` runs on 127.0.0.1 with a store built from the seed article (published
2025-09-03); the test reads the DOM as of that day and as of 2025-09-12, follows the filter form
and links, opens ``report --html``'s file with every network request refused, and saves
screenshots at phone (375 px) and desktop (1280 px) widths into build/screenshots/ (printed).
.ci/run installs the browser (apt-get install chromium); Playwright never downloads one here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from ical_helpers import ADDED, seed_document
from playwright.sync_api import sync_playwright
from serve_helpers import local_env, serving

from cli.main import main
from commitments.tracker import Tracker

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = next(
    (
        path
        for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser")
        if os.access(path, os.X_OK)
    ),
    None,
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SOURCE = "https://example.org/news/putin-zelenskyy-moscow"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium at /usr/bin/chromium: install Debian's (apt-get install chromium;"
        " .ci/run does) to run the browser test",
    ),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article, with a web address so that its items link it."""
    path = tmp_path_factory.mktemp("browser") / "store.db"
    with Tracker(path) as tracker:
        tracker.add(attrs.evolve(seed_document(), url=SOURCE), now=ADDED)
    return path


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    with serving(store, "--quiet") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, env=local_env())
        try:
            yield launched
        finally:
            launched.close()


def items(page: Any) -> list[dict[str, str]]:
    """Each item's section, status, speaker and text, as the browser lays it out."""
    return page.eval_on_selector_all(
        "li.item",
        """els => els.map(e => ({section: e.dataset.section, status: e.dataset.status,
            speaker: e.dataset.speaker, text: e.querySelector('.item-text').innerText}))""",
    )


def section_of(found: list[dict[str, str]], words: str) -> str:
    (item,) = [item for item in found if words in item["text"]]
    return item["section"]


def save(page: Any, name: str, folder: Path) -> list[Path]:
    saved = []
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{name} is {overflow} px wide at {width} px"
        path = folder / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        saved.append(path)
    return saved


@pytest.mark.parametrize(
    ("day", "deadline", "promise", "record"),
    [
        ("2025-09-03", "expired", "due-soon", {"Lapsed": "1", "Pending": "1", "Open": "2"}),
        ("2025-09-12", "expired", "expired", {"Lapsed": "2", "Pending": "0", "Open": "2"}),
    ],
    ids=["published", "nine-days-on"],
)
def test_the_page_in_chromium(
    browser: Any,
    server: str,
    capsys: pytest.CaptureFixture[str],
    day: str,
    deadline: str,
    promise: str,
    record: dict[str, str],
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/status?as-of={day}")
    assert page.title() == f"Commitments: status on {day}"
    found = items(page)
    assert len(found) == 6
    # The seed's three dated commitments: the deadline, "very shortly" and "in the coming days"
    # (the tracker keeps the last two as one commitment, the other window drawn as a revision).
    assert section_of(found, "Trump: deadline for the Kremlin leader") == deadline
    assert section_of(found, "Trump: be communicating with Putin") == promise
    assert "be speaking to him (“in the coming days”), due 2025-09-04 to 2025-09-10" in next(
        item["text"] for item in found if "Trump: be communicating" in item["text"]
    )
    timeline = page.locator("#tl-donald-trump")
    assert timeline.locator("g.bar").count() == 2
    assert timeline.locator("rect.revised").count() == 1
    assert timeline.locator("line.today").count() == 1
    assert day in timeline.locator("desc").text_content()
    labels = timeline.locator("text.label-wide").all_text_contents()
    assert any(label.startswith("Lapsed: deadline") for label in labels)
    trump = page.locator("#speaker-donald-trump dl.record")
    names, values = trump.locator("dt"), trump.locator("dd")
    counts = dict(zip(names.all_text_contents(), values.all_text_contents(), strict=True))
    assert {key: counts[key] for key in record} == record and counts["Made"] == "4"

    # Links: the source (its URL, never the file), the speaker's feed three ways, Google.
    first = page.locator("li.item").first
    assert first.locator("a.source").get_attribute("href") == SOURCE
    host = server.removeprefix("http://")
    webcal = first.locator("a.feed-webcal").get_attribute("href")
    assert webcal == f"webcal://{host}/speakers/donald-trump.ics"
    https = first.locator("a.feed-https").get_attribute("href")
    assert https == f"{server}/speakers/donald-trump.ics"
    google = first.locator("a.feed-google").get_attribute("href") or ""
    assert google.startswith("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F")
    assert first.locator("a.add-google").count() == 1
    assert "putin-zelenskyy-moscow.md" not in page.content()
    feed = page.request.get(https)
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")

    folder = SHOTS
    folder.mkdir(parents=True, exist_ok=True)
    saved = save(page, f"status-{day}", folder)
    with capsys.disabled():
        print(f"\nscreenshots: {', '.join(str(path) for path in saved)}")
    page.close()


def test_filters_work_by_form_and_by_link(browser: Any, server: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{server}/status?as-of=2025-09-03")
    # The form: a plain GET, no script.
    page.select_option("#f-speaker", "putin")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert re.search(r"[?&]speaker=putin(&|$)", page.url) and "as-of=2025-09-03" in page.url
    found = items(page)
    assert {item["speaker"] for item in found} == {"putin"} and len(found) == 2
    assert page.locator("#f-speaker").input_value() == "putin"
    page.click("a.filter-clear")
    page.wait_for_load_state()
    assert len(items(page)) == 6
    # The links: only lapsed, then only one speaker, then the kind through the form.
    page.click("a.filter-status[data-status=expired]")
    page.wait_for_load_state()
    assert {item["section"] for item in items(page)} == {"expired"}
    page.click("a.filter-clear")
    page.wait_for_load_state()
    page.click("#speaker-donald-trump a.filter-speaker")
    page.wait_for_load_state()
    assert {item["speaker"] for item in items(page)} == {"donald-trump"}
    page.select_option("#f-kind", "deadline")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    found = items(page)
    assert [item["section"] for item in found] == ["expired"]
    assert "deadline for the Kremlin leader" in found[0]["text"]
    assert page.evaluate("document.scripts.length") == 0
    save(page, "status-filtered", SHOTS)
    page.close()


def test_the_static_report_opens_offline_and_matches(
    browser: Any, server: str, store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "status.html"
    args = ["report", "--db", str(store), "--as-of", "2025-09-12", "--base-url", server]
    result = CliRunner().invoke(main, [*args, "--html", str(out)])
    assert result.exit_code == 0, result.output
    context = browser.new_context(offline=True)
    requested: list[str] = []

    def refuse(route: Any) -> None:
        requested.append(route.request.url)
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", refuse)
    static = context.new_page()
    static.goto(out.as_uri())
    assert requested == [out.as_uri()]
    offline = items(static)
    assert static.locator("#tl-donald-trump g.bar").count() == 2
    save(static, "report-2025-09-12", SHOTS)
    context.close()
    live = browser.new_page()
    live.goto(f"{server}/status?as-of=2025-09-12")
    assert offline == items(live)
    live.close()
