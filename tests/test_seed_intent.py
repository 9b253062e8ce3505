"""The seeds against ``seeds/intended.json``: what a careful reader finds in each.

Unlike the golden files (exact output), this scores the extraction the way
``shared/eval/score.py`` does: a found commitment matches an intended one when the speaker
matches (an alias is part of the found name) and the due window is close enough. The floors
below are what the extractor reaches today; raise them as it improves, never lower them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from commitments import extract_document, read_path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
INTENDED = json.loads((SEEDS / "intended.json").read_text("utf-8"))
CASES = sorted(name for name in INTENDED if not name.startswith("_"))

# seed: (recall floor over required commitments, precision floor over everything found)
FLOORS = {
    "meeting-transcript.vtt": (0.95, 0.90),
    "reply-thread.eml": (1.0, 1.0),
    "action-items.md": (1.0, 1.0),
    "feed.rss": (1.0, 1.0),
}


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def _speaker_ok(gold: dict[str, Any], found: str | None) -> bool:
    if not found:
        return False
    low = found.casefold()
    return gold["speaker"].casefold() in low or any(a in low for a in gold["aliases"])


def _due_ok(gold: dict[str, Any], found: dict[str, str] | None, issued: dt.date) -> bool:
    if gold["due"] is None or found is None:
        return gold["due"] is None and found is None
    ge, gl = _day(gold["due"]["earliest"]), _day(gold["due"]["latest"])
    fe, fl = _day(found["earliest"]), _day(found["latest"])
    tolerance = max(1, round(0.25 * (gl - issued).days))
    return abs((fl - gl).days) <= tolerance and abs((fe - ge).days) <= max(
        tolerance, round(0.25 * (gl - ge).days)
    )


def _score(seed: str) -> tuple[float, float, list[str]]:
    case = INTENDED[seed]
    as_of = _day(case["as_of"])
    found: list[dict[str, Any]] = []
    for document in read_path(SEEDS / seed):
        found += [
            c.to_json(as_of) | {"_day": c.issued.earliest} for c in extract_document(document)
        ]
    used: set[int] = set()
    hits, misses = 0, []
    golds = sorted(case["commitments"], key=lambda g: g["optional"])
    for gold in golds:
        for i, item in enumerate(found):
            if i not in used and _speaker_ok(gold, item["speaker"]):
                if _due_ok(gold, item["due"], item["_day"]):
                    used.add(i)
                    hits += not gold["optional"]
                    break
        else:
            if not gold["optional"]:
                misses.append(f"missed {gold['speaker']} {gold['due']}: {gold['says']}")
    required = sum(1 for g in golds if not g["optional"])
    extra = [
        f"extra {f['speaker']} {f['due']}: {f['text']}"
        for i, f in enumerate(found)
        if i not in used
    ]
    precision = (len(found) - len(extra)) / len(found) if found else 1.0
    return hits / required, precision, misses + extra


def test_every_seed_with_intentions_has_a_floor() -> None:
    assert set(CASES) == set(FLOORS)
    for seed in CASES:
        assert (SEEDS / seed).is_file(), seed


@pytest.mark.parametrize("seed", CASES, ids=CASES)
def test_seed_extraction_reaches_its_floor(seed: str) -> None:
    recall, precision, problems = _score(seed)
    floor_recall, floor_precision = FLOORS[seed]
    report = f"recall {recall:.2f} precision {precision:.2f}\n" + "\n".join(problems)
    assert recall >= floor_recall, report
    assert precision >= floor_precision, report
