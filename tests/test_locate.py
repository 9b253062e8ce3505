"""Rules found from the words they start with: the same matches as a plain scan, in order."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commitments.extraction import cue_words, followups
from commitments.fastmatch.locate import Located, starting_words
from commitments.fastmatch.prefilter import fold

RULES = [
    *(pattern for pattern, _, _ in cue_words.RULES),
    cue_words.FUTURE_PROGRESSIVE,
    cue_words.CAN_DO,
    cue_words.DATED_ONLY,
    followups._BROKEN_LATER,
    followups._past_pattern(followups.past_forms("meet")).pattern,
]
LOCATED = [Located(pattern) for pattern in RULES]


def _fragments() -> list[str]:
    """The words the rules start with, and what sits around them, so texts hit the edges."""
    words = {w for pattern in RULES for w in starting_words(pattern) or ()}
    return [
        *sorted(words),
        *(w.upper() for w in sorted(words)),
        *(w.capitalize() for w in sorted(words)),
        " ", "  ", "\n", ",", ".", "-", "’", "'", "“", '"', "to", "the", "be", "not", "have",
        "meet", "next", "week", "Friday", "going", "able", "2", "İ", "ı", "ſ", "\u212a", "é",
        "s", "ing", "ed", "x",
    ]  # fmt: skip


TEXT = st.lists(st.sampled_from(_fragments()), max_size=16).map("".join)


@settings(max_examples=1500, deadline=None)
@given(TEXT, st.integers(0, 3))
def test_same_matches_as_a_plain_scan(text: str, start: int) -> None:
    start = min(start, len(text))
    folded = fold(text)
    for rule in LOCATED:
        plain = [m.span() for m in rule.pattern.finditer(text, start, len(text))]
        found = [m.span() for m in rule.finditer(text, folded, start, len(text))]
        assert found == plain, (rule.pattern.pattern[:80], text)


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"(?<![\w’'-])(?=[\w'’])(?:will|shall)(?![\w’'-])", ("shall", "will")),
        (r"(?<=\w)['’]ll\b", ("'ll", "’ll")),
        (r"\b(?:plans?|planned|aims?)\s+to", ("aim", "plan")),
        (r"(?:deadlines?|cut-?off\s+date)", ("cut", "deadline")),
        (r"\bwould(?!\s+have)", ("would",)),
        (r"(?:is\s+)?going\s+to", None),
        (r"\d+\s+days", None),
        (r"(?:a|)b", None),
    ],
    ids=["branch", "after-look-behind", "trie-prefix", "branch-prefixes", "literal-run",
         "optional-start", "class-start", "empty-branch"],
)  # fmt: skip
def test_starting_words(pattern: str, words: tuple[str, ...] | None) -> None:
    assert starting_words(re.compile(pattern, re.IGNORECASE)) == words


def test_a_rule_without_starting_words_is_scanned_plainly() -> None:
    rule = Located(re.compile(r"\d+\s+days"))
    text = "in 3 days or 14 days"
    assert [m[0] for m in rule.finditer(text, fold(text), 0, len(text))] == ["3 days", "14 days"]


def test_a_place_where_no_word_starts_is_not_tried() -> None:
    """The rule is matched only where one of its words starts (counted, not timed)."""
    tried: list[int] = []
    pattern = re.compile(r"(?<![\w’'-])(?:will|shall)\b", re.IGNORECASE)
    rule = Located(pattern)
    text = "They said it is clear that we will go, and she shall stay; willpower."

    class Counting:
        def match(self, text: str, pos: int, end: int) -> re.Match[str] | None:
            tried.append(pos)
            return pattern.match(text, pos, end)

    rule.pattern = Counting()  # type: ignore[assignment]
    found = [m[0] for m in rule.finditer(text, fold(text), 0, len(text))]
    assert found == ["will", "shall"]
    assert tried == [text.index("will"), text.index("shall"), text.index("willpower")]
