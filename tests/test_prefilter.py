"""The regex pre-filter: it may run a pattern needlessly, but must never skip one that matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commitments.extraction import cue_words, cues, pipeline, speakers  # noqa: F401 (they watch their patterns)
from commitments.fastmatch.prefilter import (
    SENTENCES,
    TIME_EXPRESSIONS,
    Either,
    Prefilter,
    Word,
    fold,
    required,
)
from commitments.fastmatch.vocabulary import Vocabulary, tokens
from commitments.timex import grammar
from commitments.fastmatch.trie import alternation

grammar.find("Warm the default vague table up.")
PATTERNS = [*SENTENCES.watched(), *TIME_EXPRESSIONS.watched()]  # every pattern the pipeline
# filters, rules added later included
PREFILTER = Prefilter(PATTERNS)


def _words(need: frozenset[Word] | Either) -> set[Word]:
    if isinstance(need, Either):
        return {w for option in need.options for group in option for w in group}
    return set(need)


def _fragments() -> list[str]:
    """Every word the patterns need, so random texts hit the edge cases of each."""
    words = {w.text for p in PATTERNS for need in required(p) for w in _words(need)}
    return sorted(words) + [
        " ", "  ", "\n", ",", ".", "-", "’", "'", "“", "”", '"', "a", "the", "in", "by", "on",
        "2025", "15", "3", "Sept.", "Oct.", "Q3", "H1", "Will", "WILL", "İ", "ı", "ſ", "\u212a",
        "é", "x", "s", "ing", "day", "today", "Monday", "two", "weeks", "next",
    ]


TEXT = st.lists(st.sampled_from(_fragments()), max_size=14).map("".join)
CASED = TEXT.flatmap(lambda t: st.sampled_from([t, t.upper(), t.title(), t.capitalize()]))


@settings(max_examples=1500, deadline=None)
@given(CASED)
def test_never_skips_a_pattern_that_matches(text: str) -> None:
    skip = PREFILTER.ruled_out(text)
    for pattern in PATTERNS:
        if pattern.search(text) is not None:
            assert pattern not in skip, (pattern.pattern[:80], text)


@pytest.mark.parametrize(
    ("sentence", "runs", "skipped"),
    [
        ("Talks will resume in two weeks.", [cue_words.RULES[0][0]], [grammar.PAST]),
        ("The market rallied yesterday.", [grammar.PAST], [cue_words.RULES[0][0]]),
        ("Hostilities ended on Monday.", [], [cue_words.RULES[0][0]]),
    ],
    ids=["will-and-duration", "past-only", "no-cue"],
)
def test_runs_only_what_the_words_allow(sentence: str, runs: list[re.Pattern[str]],
                                        skipped: list[re.Pattern[str]]) -> None:
    PREFILTER.forget()
    skip = PREFILTER.ruled_out(sentence)
    assert not any(p in skip for p in runs)
    assert all(p in skip for p in skipped)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bwithin\s+days", {frozenset({Word("within", True, True)}),
                              frozenset({Word("days", True, False)})}),
        (r"(?:foo|bar)baz", {frozenset({Word("foobaz"), Word("barbaz")})}),
        (rf"\b{alternation(['adds', 'added', 'said'])}\b",
         {frozenset({Word("adds", True, True), Word("added", True, True), Word("said", True, True)})}),
        (r"won['’]t\b", {frozenset({Word("won't", False, True), Word("won’t", False, True)})}),
        (r"(?-i:Q)[1-4]", {frozenset({Word(f"q{n}") for n in range(1, 5)})}),
        (r"\d{4}-\d\d", {frozenset({Word("-")})}),
        (r"(?:in\s+)?\bmay\b", {frozenset({Word("may", True, True)})}),
        (r"x?|y", set()),
    ],
    ids=["bounded-words", "branch", "trie", "class-multiplies-run", "range", "punctuation",
         "optional-prefix", "can-be-empty"],
)
def test_required_words(pattern: str, expected: set[frozenset[Word]]) -> None:
    assert set(required(re.compile(pattern, re.IGNORECASE))) == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Will", "will"), ("FRİDAY", "friday"), ("\u212aelvin", "kelvin"), ("Straſse", "strasse")],
    ids=["ascii", "dotted-capital-i", "kelvin-sign", "long-s"],
)
def test_fold_maps_what_ignorecase_matches(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_a_pattern_it_was_not_told_about_always_runs() -> None:
    unknown = re.compile(r"fortnightly\s+zebra")
    assert unknown not in Prefilter([grammar.PAST]).ruled_out("nothing here")


def test_patterns_watched_later_are_read_on_the_next_question() -> None:
    prefilter = Prefilter()
    assert grammar.PAST not in prefilter.ruled_out("nothing here")  # unknown yet: runs
    prefilter.watch([grammar.PAST])
    assert grammar.PAST in prefilter.ruled_out("nothing here either")
    assert grammar.PAST not in prefilter.ruled_out("It happened yesterday.")


def test_a_part_of_the_last_text_gets_its_answer_again() -> None:
    """Whatever may match in a clause may match in its sentence: the answer is reused."""
    prefilter = Prefilter([grammar.PAST, cue_words.RULES[0][0]])
    whole = prefilter.ruled_out("Yesterday he said he will come.")
    part = prefilter.ruled_out("he will come")
    assert part is whole and grammar.PAST not in part
    assert prefilter.ruled_out("e will co") is not whole  # cuts tokens: asked afresh
    prefilter.forget()
    assert grammar.PAST in prefilter.ruled_out("he will come")


def test_branches_keep_every_word_of_each_option() -> None:
    """"in the coming days|shortly": a sentence with "coming" alone cannot match."""
    pattern = re.compile(r"\b(?:in\s+the\s+coming\s+days|shortly)\b", re.IGNORECASE)
    (need,) = required(pattern)
    assert isinstance(need, Either)
    prefilter = Prefilter([pattern])
    assert pattern in prefilter.ruled_out("The coming storm.")
    assert pattern not in prefilter.ruled_out("They will leave in the coming days.")
    assert pattern not in prefilter.ruled_out("Shortly after.")



@settings(max_examples=800, deadline=None)
@given(st.text(max_size=40) | CASED)
def test_tokens_are_the_runs_of_letters_and_of_digits(text: str) -> None:
    """The byte-table tokenizer finds what ``[a-z]+|[0-9]+`` finds in the folded text."""
    found = {t.decode("ascii") for t in tokens(text)}
    assert found == set(re.findall(r"[a-z]+|[0-9]+", fold(text)))


def test_texts_holding_the_same_words_share_one_answer() -> None:
    """The patterns are looked at once per set of words present, not once per text."""
    prefilter = Prefilter([grammar.PAST, cue_words.RULES[0][0]])
    looked: list[int] = []
    may_match = prefilter._may_match

    def counted(present: int) -> frozenset[int]:
        looked.append(present)
        return may_match(present)

    prefilter._may_match = counted  # type: ignore[method-assign]
    first = prefilter.ruled_out("Yesterday it rained.")
    second = prefilter.ruled_out("It rained yesterday and it snowed.")
    assert second is first and len(looked) == 1 and grammar.PAST not in second
    assert prefilter.ruled_out("It rains.") is not first and len(looked) == 2


def test_filters_sharing_a_vocabulary_read_a_text_once() -> None:
    """The time grammar's filter asks about a sentence the speakers' filter read already."""
    words = Vocabulary()
    reads: list[str] = []
    read = words._read

    def counted(text: str) -> int:
        reads.append(text)
        return read(text)

    words._read = counted  # type: ignore[method-assign]
    will = cue_words.RULES[0][0]
    dates = Prefilter([grammar.PAST], vocabulary=words)
    promises = Prefilter([will], vocabulary=words)
    dates.ruled_out("Start.")
    promises.ruled_out("Up.")  # both have read their patterns
    reads.clear()
    sentence = "Yesterday he said he will come."
    assert grammar.PAST not in dates.ruled_out(sentence)
    assert will not in promises.ruled_out(sentence)
    assert reads == [sentence]
    # a filter that adds groups later: the words are read again, the answers stay right
    fortnight = re.compile(r"\bfortnight\b", re.IGNORECASE)
    later = Prefilter([fortnight], vocabulary=words)
    assert fortnight in later.ruled_out(sentence)
    assert fortnight not in later.ruled_out("In a fortnight.")
    assert grammar.PAST in dates.ruled_out("In a fortnight.")
    assert will not in promises.ruled_out("They will come in a fortnight.")
