"""Labelled cases scored the way ``shared/eval/score.py`` scores them, with floors.

``tests/data/cases-*.jsonl`` hold 198 cases written to CONVENTIONS.md: the shared dev set, 90
short news items (one per convention row, negatives, attributions), 60 multi-paragraph news
articles and 30 chats, transcripts, e-mails and minutes. The later sets were written blind, from
the conventions alone, by annotators who did not read the extractor. A floor that is crossed
downwards fails the suite; raise a floor when the rules improve.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from commitments import extract_document, read_text

DATA = Path(__file__).parent / "data"

# file: strict F1 floor (the score when the floor was set, less a small margin)
FLOORS = {
    "cases-dev.jsonl": 1.0,
    "cases-news-short.jsonl": 0.98,
    "cases-news-articles.jsonl": 0.85,
    "cases-conversations.jsonl": 0.92,
}


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def _speaker_ok(gold: dict[str, Any], found: str | None) -> bool:
    if "*" in gold["aliases"]:
        return True
    if not found:
        return False
    name = found.lower()
    return any(a in name for a in gold["aliases"]) or gold["speaker"].lower() in name


def _due_ok(gold: dict[str, Any], found: dict[str, str] | None, published: str) -> bool:
    gd = gold["due"]
    if gd is None or found is None:
        return gd is None and found is None
    ge, gl, pe, pl = (_day(x) for x in (gd["earliest"], gd["latest"], found["earliest"],
                                        found["latest"]))
    tol = max(1, round(0.25 * (gl - _day(published)).days))
    return abs((pl - gl).days) <= tol and abs((pe - ge).days) <= max(
        tol, round(0.25 * (gl - ge).days)
    )


def _predict(case: dict[str, Any]) -> list[dict[str, Any]]:
    published, as_of = _day(case["published"]), _day(case["as_of"])
    found = []
    for document in read_text(case["text"], name=f"{case['id']}.{case['ext']}"):
        found += [c.to_json(as_of) for c in extract_document(document, published=published)]
    return found


def _score(cases: list[dict[str, Any]]) -> tuple[float, list[str]]:
    tp = fp = fn = 0
    misses: list[str] = []
    for case in cases:
        preds = _predict(case)
        used: set[int] = set()
        for gold in sorted(case["gold"], key=lambda g: g["optional"]):
            hit = next(
                (i for i, p in enumerate(preds) if i not in used
                 and _speaker_ok(gold, p["speaker"]) and _due_ok(gold, p["due"], case["published"])),
                None,
            )
            if hit is not None:
                used.add(hit)
                tp += not gold["optional"]
            elif not gold["optional"]:
                fn += 1
                misses.append(f"{case['id']}: missed {gold['speaker']} {gold['due']}")
        for i, p in enumerate(preds):
            if i not in used:
                fp += 1
                misses.append(f"{case['id']}: extra {p['speaker']} {p['due']}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, misses


@pytest.mark.parametrize("name", sorted(FLOORS), ids=sorted(FLOORS))
def test_labelled_cases_reach_their_floor(name: str) -> None:
    cases = [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]
    f1, misses = _score(cases)
    assert f1 >= FLOORS[name], f"strict F1 {f1:.3f} < {FLOORS[name]}:\n" + "\n".join(misses[:40])


def test_every_case_file_has_a_floor() -> None:
    assert sorted(p.name for p in DATA.glob("cases-*.jsonl")) == sorted(FLOORS)
