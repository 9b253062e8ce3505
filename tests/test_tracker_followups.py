"""Follow-ups across documents: outcomes and revisions said in a later document (issue 12)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from tracker_helpers import end_state

from commitments import Tracker, read_path
from commitments.records import Document, Status, Window
from commitments.tracker.followups import find_claims, reference_days
from commitments.tracker.timeline import revisions

SEED = Path(__file__).parent.parent / "seeds" / "putin-zelenskyy-moscow.md"
NOW = dt.datetime(2025, 9, 10, 12, 0, tzinfo=dt.UTC)


def doc(name: str, published: str, text: str) -> Document:
    return Document(text=text, name=name, published=dt.date.fromisoformat(published))


AUGUST = doc(
    "august.md",
    "2025-08-22",
    "President Donald Trump said on Friday that he had given the Kremlin leader a two-week"
    " deadline to meet Zelenskyy.\n",
)
AUGUST_TWO = doc(
    "august-two.md",
    "2025-08-22",
    "President Donald Trump said on Friday that he would decide in two weeks whether to impose"
    " sanctions on Russia.\n\nTrump set a two-week deadline for the Kremlin leader to meet"
    " Zelenskyy.\n",
)
EXTENDED = doc(
    "extended.md",
    "2025-09-08",
    "On Monday President Donald Trump extended the two-week deadline for Putin to meet"
    " Zelenskyy to September 30.\n",
)
TWO_WEEKS_PASSED = doc(
    "two-weeks-passed.md",
    "2025-09-06",
    "Donald Trump's two-week deadline passed on Friday.\n",
)
PASSED = doc(
    "passed.md",
    "2025-10-01",
    "Donald Trump's deadline for Putin to meet Zelenskyy passed on Tuesday without a meeting.\n",
)


def seed() -> Document:
    (document,) = read_path(SEED)
    assert isinstance(document, Document)
    return document


def deadlines(tracker: Tracker) -> list:
    return [
        e
        for e in tracker.entries()
        if e.tracked.commitment.kind.value == "deadline"
        and e.tracked.commitment.speaker == "Donald Trump"
    ]


@pytest.mark.parametrize("order", ["article first", "seed first"])
def test_the_seed_after_the_article_that_set_the_deadline_is_one_expired_commitment(
    order: str,
) -> None:
    documents = [AUGUST, seed()] if order == "article first" else [seed(), AUGUST]
    with Tracker(":memory:") as tracker:
        for document in documents:
            tracker.add(document, now=NOW)
        (entry,) = deadlines(tracker)
        assert len(entry.mentions) == 2
        assert {m.published for m in entry.mentions} == {
            dt.date(2025, 8, 22),
            dt.date(2025, 9, 3),
        }
        assert entry.tracked.status(dt.date(2025, 9, 3)) is Status.EXPIRED
        (evidence,) = entry.followups
        assert evidence.kind == "outcome" and evidence.status is Status.EXPIRED
        assert evidence.name.endswith("putin-zelenskyy-moscow.md")
        text = seed().text
        quote = text[evidence.start - seed().offset : evidence.end - seed().offset]
        assert "had now expired" in quote and "two-week deadline" in evidence.quote
        assert tracker.suggestions() == []


def test_a_revision_moves_the_window_and_keeps_every_window_with_its_source() -> None:
    with Tracker(":memory:") as tracker:
        tracker.add(AUGUST, now=NOW)
        (before,) = deadlines(tracker)
        result = tracker.add(EXTENDED, now=NOW + dt.timedelta(hours=1))
        (after,) = deadlines(tracker)
        assert after.id == before.id  # the same commitment: the calendar's UID stays
        assert after.tracked.commitment.due == Window.day(dt.date(2025, 9, 30))
        assert after.tracked.sequence > before.tracked.sequence
        assert after.tracked.updated > before.tracked.updated
        assert before.id in result.followed or before.id in result.updated
        timeline = revisions(after)
        assert [r.made for r in timeline] == [True, False]
        assert timeline[0].window == Window(dt.date(2025, 8, 22), dt.date(2025, 9, 5))
        assert timeline[1].document == "extended.md"
        assert "extended the two-week deadline" in timeline[1].quote
        assert after.tracked.status(dt.date(2025, 9, 10)) is Status.PENDING


def test_an_outcome_after_a_revision_is_about_the_new_window() -> None:
    with Tracker(":memory:") as tracker:
        for document in (AUGUST, seed(), EXTENDED):
            tracker.add(document, now=NOW)
        (entry,) = deadlines(tracker)
        # "had now expired" (3 Sept) was said of the old window: the revised one is pending.
        assert entry.tracked.status(dt.date(2025, 9, 10)) is Status.PENDING
        assert entry.tracked.status(dt.date(2025, 10, 1)) is Status.EXPIRED


def test_any_order_of_adding_gives_the_same_end_state() -> None:
    documents = [AUGUST, seed(), EXTENDED, PASSED]
    states = []
    for order in itertools.permutations(documents):
        with Tracker(":memory:") as tracker:
            for document in order:
                tracker.add(document, now=NOW)
            states.append((end_state(tracker), {s.id for s in tracker.suggestions()}))
    assert all(state == states[0] for state in states[1:])
    ends = states[0][0]
    (deadline,) = [state for state in ends if "meet Zelenskyy" in str(state[1])]
    assert deadline[2] == Window.day(dt.date(2025, 9, 30))
    assert deadline[3] is Status.EXPIRED  # said on 1 October, after the revision
    assert [kind for kind, _, _ in deadline[5]] == ["outcome", "revision", "outcome"]


def test_a_link_the_rules_are_not_sure_of_is_offered_and_can_be_accepted() -> None:
    with Tracker(":memory:") as tracker:
        tracker.add(AUGUST_TWO, now=NOW)
        result = tracker.add(TWO_WEEKS_PASSED, now=NOW)
        assert result.suggested == 1
        offered = tracker.suggestions()
        # The sanctions decision and the meeting deadline both fit, and the sentence repeats
        # the words of neither.
        assert len(offered) == 2
        assert {s.claim.id for s in offered} == {offered[0].claim.id}
        target = next(
            s for s in offered if "meet" in tracker.get(s.commitment).tracked.commitment.action
        )
        entry = tracker.accept(target.id, now=NOW)
        assert tracker.suggestions() == []
        assert entry.tracked.commitment.stated is Status.EXPIRED
        assert [c.kind for c in entry.followups] == ["outcome"]
        others = [e for e in tracker.entries() if e.id != entry.id]
        assert all(not e.followups for e in others)


def test_the_sentence_repeating_one_commitments_words_picks_it() -> None:
    with Tracker(":memory:") as tracker:
        tracker.add(AUGUST_TWO, now=NOW)
        tracker.add(seed(), now=NOW)  # "… deadline, issued last month for the Kremlin leader
        assert tracker.suggestions() == []  # to meet Zelenskyy, had now expired"
        (linked,) = [e for e in deadlines(tracker) if e.followups]
        assert "meet Zelenskyy" in linked.tracked.commitment.action


def test_rejecting_one_of_two_suggestions_applies_the_other() -> None:
    with Tracker(":memory:") as tracker:
        tracker.add(AUGUST_TWO, now=NOW)
        tracker.add(TWO_WEEKS_PASSED, now=NOW)
        first, second = tracker.suggestions()
        tracker.accept(first.id, now=NOW, reject=True)
        assert tracker.suggestions() == []  # one commitment left that fits: it is applied
        assert [c.id for c in tracker.get(second.commitment).followups] == [second.claim.id]
        assert tracker.get(first.commitment).followups == ()
        # and the rejection stays when a later document makes the rules look again
        tracker.add(EXTENDED, now=NOW)
        assert tracker.get(first.commitment).followups == ()


def test_an_unknown_suggestion_id_is_an_input_error() -> None:
    from commitments.errors import InputError

    with Tracker(":memory:") as tracker, pytest.raises(InputError, match="status --suggested"):
        tracker.accept("ffff", now=NOW)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("his two-week deadline, issued last month", 14),
        ("shortened the 50-day deadline to 10 or 12 days", 50),
        ("a 10 day ultimatum", 10),
        ("the deadline passed", None),
    ],
    ids=["two-week", "50-day", "10 day", "none"],
)
def test_the_length_a_claim_names(text: str, days: int | None) -> None:
    assert reference_days(text) == days


@pytest.mark.parametrize(
    ("sentence", "kind", "status", "latest"),
    [
        ("Trump extended the deadline to March 1.", "revision", None, "2026-03-01"),
        ("Trump pushed back the deadline until December 19.", "revision", None, "2025-12-19"),
        ("Trump brought forward the deadline to 20 September.", "revision", None, "2025-09-20"),
        ("The deadline passed on Friday without a deal.", "outcome", Status.EXPIRED, None),
        ("Trump missed his deadline.", "outcome", Status.BROKEN, None),
        ("Trump kept his promise.", "outcome", Status.KEPT, None),
        ("Trump withdrew the ultimatum.", "outcome", Status.WITHDRAWN, None),
    ],
    ids=["extended", "pushed back", "brought forward", "passed", "missed", "kept", "withdrew"],
)
def test_claims_in_a_sentence(
    sentence: str, kind: str, status: Status | None, latest: str | None
) -> None:
    from commitments.extraction import parse_due

    document = doc("d.md", "2025-09-08", sentence)
    (claim,) = find_claims(
        document,
        digest="d",
        found=[],
        parse=lambda text, day: parse_due(text, issued=day),
    )
    assert claim.kind == kind
    assert claim.status is status
    if latest is not None:
        assert claim.window is not None and claim.window.latest.isoformat() == latest
    assert claim.speaker is None  # no commitment found in it: the tracker finds whose


def test_a_sentence_without_a_revision_or_an_outcome_is_no_claim() -> None:
    document = doc("d.md", "2025-09-08", "Trump moved to Florida. The deadline is Friday.")
    assert find_claims(document, digest="d", found=[], parse=None) == []


def test_a_revision_moves_the_calendar_event_under_the_same_uid() -> None:
    import icalendar

    from commitments import to_ical

    def event(tracker: Tracker) -> icalendar.Event:
        (entry,) = deadlines(tracker)
        calendar = icalendar.Calendar.from_ical(
            to_ical([entry.tracked], as_of=dt.date(2025, 9, 10))
        )
        (found,) = calendar.walk("VEVENT")
        return found

    with Tracker(":memory:") as tracker:
        tracker.add(AUGUST, now=NOW)
        before = event(tracker)
        tracker.add(EXTENDED, now=NOW + dt.timedelta(hours=1))
        after = event(tracker)
    assert str(after["uid"]) == str(before["uid"])
    assert int(after["sequence"]) > int(before["sequence"])
    assert after["last-modified"].dt > before["last-modified"].dt
    assert before.decoded("dtend") == dt.date(2025, 9, 6)  # all day, through 5 September
    assert after.decoded("dtend") == dt.date(2025, 10, 1)  # through 30 September
