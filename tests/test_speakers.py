"""Speaker helpers written for speed do what their plain forms do."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from commitments.extraction import names, subjects

# The filler strip as first written: one pattern for a run of filler phrases up to the end.
PLAIN_FILLER = re.compile(rf"(?:\s+(?:{subjects._FILLER_PHRASES}))*\s*$")
PIECES = [
    "also", "has", "since", "has since", "had", "previously", "told", "reporters", "on",
    "Monday", "morning", "earlier", "later", "this", "that", "in", "week", "Smith", "the",
    "minister", "said", "never", "not", "today", "evening", ",", "Acme", "x",
]  # fmt: skip
TEXT = st.tuples(
    st.lists(st.sampled_from(PIECES), max_size=10),
    st.lists(st.sampled_from([" ", "  ", "\n", "\t "]), min_size=10, max_size=10),
).map(lambda t: "".join(w + s for w, s in zip(t[0], t[1], strict=False)))


@settings(max_examples=3000, deadline=None)
@given(TEXT)
@example("also earlier on also has ")  # "earlier on also" + "has", not "also has"
def test_filler_is_taken_off_as_by_the_plain_pattern(text: str) -> None:
    assert subjects._without_filler(text) == PLAIN_FILLER.sub("", text, count=1)


def test_a_long_run_of_filler_takes_linear_time() -> None:
    """The plain pattern is tried from every word of the run: 20,000 words took minutes."""
    text = "Smith" + " also" * 20_000 + " "
    assert subjects._without_filler(text) == "Smith"


PLAIN_NAME_END = re.compile(rf"(?<![\w’'-])({names.NAME_SEQ})$")
NAME_PIECES = ["Ann", "O'Brien", "St.", "Jean-Claude", "von", "der", "Leyen", "de", "the", "said",
               " ", "  ", "\n", ",", "’s", "'s", "A", "x", "É"]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=12).map("".join))
def test_names_up_to_the_end_are_found_as_by_the_plain_pattern(text: str) -> None:
    found = subjects._NAME_END.search(text)
    plain = PLAIN_NAME_END.search(text)
    assert (found and (found.span(), found[1])) == (plain and (plain.span(), plain[1]))
