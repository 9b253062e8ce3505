"""When two mentions are one commitment, and the merged commitment's window."""

from __future__ import annotations

import attrs
import pytest
from tracker_helpers import make, window

from commitments.records import Commitment, Kind, Status
from commitments.tracker.merge import (
    action_similarity,
    alike,
    merged_commitment,
    most_specific,
    restates,
    same_commitment,
)
from commitments.tracker.records import Mention


def mention(c: Commitment, document: str = "doc", published: str | None = None) -> Mention:
    import datetime as dt

    return Mention(
        commitment=c,
        document=document,
        published=dt.date.fromisoformat(published) if published else None,
    )


SHORTLY = make(
    "be communicating with Putin",
    due=window("2025-09-03", "2025-09-06"),
    start=898,
    text="he would be communicating with Putin very shortly",
)
COMING = make(
    "be speaking to him",
    due=window("2025-09-04", "2025-09-10"),
    start=1280,
    text="But I will be speaking to him in the coming days.",
)


@pytest.mark.parametrize(
    ("a", "b", "same_document", "expected"),
    [
        (SHORTLY, COMING, True, True),
        (
            SHORTLY,
            attrs.evolve(COMING, source=attrs.evolve(COMING.source, start=5000)),
            True,
            False,
        ),
        (SHORTLY, attrs.evolve(COMING, speaker="Vladimir Putin"), True, False),
        (SHORTLY, attrs.evolve(COMING, kind=Kind.THREAT), True, False),
        (SHORTLY, attrs.evolve(COMING, due=window("2025-09-08", "2025-09-10")), True, False),
        (SHORTLY, attrs.evolve(COMING, text=SHORTLY.text), True, False),
        (SHORTLY, attrs.evolve(COMING, due=None), True, False),
        (SHORTLY, attrs.evolve(COMING, speaker=None), True, False),
        (attrs.evolve(SHORTLY, speaker=None), attrs.evolve(COMING, speaker=None), True, False),
        (
            attrs.evolve(SHORTLY, stated=Status.EXPIRED),
            attrs.evolve(COMING, stated=Status.KEPT),
            True,
            False,
        ),
        (
            make("visit Kyiv", start=0),
            make("visit Kyiv next", due=window("2025-09-08", "2025-09-20"), start=9000),
            True,
            True,
        ),
        (make("visit Kyiv", due=None), make("visiting Kyiv", start=9000), True, True),
        (SHORTLY, SHORTLY, False, True),
        (SHORTLY, COMING, False, True),
        (make("visit Kyiv"), make("cut taxes"), False, False),
        (
            make("patch it, before anything else", due=window("2025-09-10"), start=9573),
            make("write my part", due=window("2025-09-10", "2025-09-11"), start=9170),
            True,
            False,
        ),
        (
            make("circulate the minutes", due=window("2025-09-10", "2025-09-11"), start=680),
            make("share the mock-ups", due=window("2025-09-11"), start=1076),
            True,
            False,
        ),
        (
            make("send you the traces", due=window("2025-09-10", "2025-09-11"), start=725),
            make("send it to you", due=window("2025-09-11"), start=3252),
            True,
            False,
        ),
        (
            make("send you the traces", due=window("2025-09-10", "2025-09-11"), start=725),
            make("share them with you", due=window("2025-09-11"), start=900),
            True,
            True,
        ),
        (
            make("visit Kyiv"),
            make("visit Kyiv soon", due=window("2025-09-03", "2025-09-17")),
            False,
            True,
        ),
        (
            make("visit Kyiv"),
            make(
                "visit Kyiv soon",
                issued=window("2025-09-20"),
                due=window("2025-09-20", "2025-09-30"),
            ),
            False,
            False,
        ),
        (make("cut taxes", speaker="Donald  TRUMP"), make("cut taxes", start=9000), True, True),
    ],
    ids=[
        "restated-nearby",
        "restated-far-apart",
        "other-speaker",
        "other-kind",
        "windows-apart",
        "same-sentence",
        "one-undated-unlike-actions",
        "one-unnamed",
        "both-unnamed",
        "stated-conflict",
        "alike-actions-far-apart",
        "alike-actions-one-undated",
        "same-id-other-document",
        "restated-other-document",
        "unlike-actions-other-document",
        "nearby-other-verbs",
        "nearby-one-family-other-objects",
        "one-verb-pronoun-far-apart",
        "restated-nearby-pronoun",
        "alike-actions-other-document",
        "said-again-later-other-document",
        "speaker-casefolded",
    ],
)
def test_same_commitment(a: Commitment, b: Commitment, same_document: bool, expected: bool) -> None:
    first = mention(b, "d1")
    second = mention(a, "d1" if same_document else "d2")
    assert same_commitment(second, first) is expected
    assert same_commitment(first, second) is expected


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("be speaking to him", "be speaking to him", 1.0, 1.0),
        ("visit Kyiv", "visiting Kyiv", 1.0, 1.0),
        ("be communicating with Putin", "be speaking to him", 0.0, 0.0),
        ("cut taxes this year", "cut income taxes", 0.5, 0.5),
        ("be", "be", 1.0, 1.0),
        ("be", "do", 0.0, 0.0),
    ],
    ids=["equal", "stemmed", "different", "partial", "stopwords-equal", "stopwords-different"],
)
def test_action_similarity(a: str, b: str, low: float, high: float) -> None:
    assert low <= action_similarity(a, b) <= high


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("visit Kyiv", "visiting Kyiv", True),
        ("cut taxes this year", "cut income taxes", True),
        ("send you the traces", "send it to you", False),
        ("call Putin", "call Putin", True),
        ("call", "call", True),
        ("be", "be", True),
        ("be", "do", False),
        ("make a decision", "schedule the retrospective", False),
    ],
    ids=[
        "stemmed",
        "two-shared",
        "one-shared",
        "equal",
        "one-word",
        "stopwords",
        "other",
        "unlike",
    ],
)
def test_alike(a: str, b: str, expected: bool) -> None:
    assert alike(a, b) is expected
    assert alike(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("be communicating with Putin", "be speaking to him", True),
        ("be communicating with Putin", "be speaking to Xi", False),
        ("call him", "talk to the president", True),
        ("circulate the minutes", "share the minutes", True),
        ("circulate the minutes", "share the mock-ups", False),
        ("have it merged", "merge it", True),
        ("get it fixed", "patch it", True),
        ("fix it", "patch it", True),
        ("rerun it on the new images", "have an answer for you", False),
        ("be", "be", False),
    ],
    ids=[
        "seed",
        "other-person",
        "pronoun-object",
        "family-same-object",
        "family-other-object",
        "auxiliary-skipped",
        "get-is-an-auxiliary",
        "family",
        "other-verbs",
        "no-verb",
    ],
)
def test_restates(a: str, b: str, expected: bool) -> None:
    assert restates(a, b) is expected
    assert restates(b, a) is expected


@pytest.mark.parametrize(
    ("dues", "expected"),
    [
        ([("2025-09-04", "2025-09-10"), ("2025-09-03", "2025-09-06")], 1),
        ([("2025-09-03", "2025-09-06"), ("2025-09-04", "2025-09-10")], 0),
        ([("2025-09-05", "2025-09-08"), ("2025-09-03", "2025-09-06")], 1),
        ([("2025-09-03", "2025-09-06"), ("2025-09-03", "2025-09-06")], 0),
        ([None, ("2025-09-01", "2025-12-31")], 1),
    ],
    ids=[
        "narrower-second",
        "narrower-first",
        "tie-earlier-deadline",
        "tie-first",
        "dated-beats-undated",
    ],
)
def test_most_specific_is_the_narrowest_window(dues: list, expected: int) -> None:
    mentions = [
        mention(make(f"act {i}", due=window(*d) if d else None, start=i))
        if d
        else mention(attrs.evolve(make(f"act {i}", start=i), due=None))
        for i, d in enumerate(dues)
    ]
    assert most_specific(mentions) is mentions[expected]


def test_most_specific_of_nothing() -> None:
    with pytest.raises(ValueError):
        most_specific([])


def test_merged_commitment_keeps_its_id_and_takes_the_narrowest_window() -> None:
    merged = merged_commitment("0123456789abcdef", [mention(COMING), mention(SHORTLY)])
    assert merged.id == "0123456789abcdef"
    assert merged.due == window("2025-09-03", "2025-09-06")
    assert merged.action == SHORTLY.action
    assert merged.source == SHORTLY.source


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ([None, None], None),
        ([None, Status.EXPIRED], Status.EXPIRED),
        ([Status.EXPIRED, Status.KEPT], Status.KEPT),
        ([Status.KEPT, Status.BROKEN], Status.BROKEN),
    ],
    ids=["none", "expired-carries", "kept-beats-expired", "later-document-wins"],
)
def test_merged_commitment_carries_stated_status(stated: list, expected: Status | None) -> None:
    mentions = [
        mention(
            make(
                "visit Kyiv", due=window("2025-09-04", "2025-09-0" + str(5 + i)), stated=s, start=i
            ),
            published=f"2025-09-0{3 + i}",
        )
        for i, s in enumerate(stated)
    ]
    assert merged_commitment("ab" * 8, mentions).stated is expected


def test_merged_commitment_takes_a_condition_from_any_mention() -> None:
    mentions = [mention(COMING), mention(attrs.evolve(SHORTLY, condition="if talks fail"))]
    assert merged_commitment("ab" * 8, mentions).condition == "if talks fail"
    assert merged_commitment("ab" * 8, mentions[:1]).condition is None
