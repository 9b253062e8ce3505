"""Score extracted commitments against labelled cases, the way ``shared/eval/score.py`` does.

A case is one line of a JSON Lines file: ``id``, ``ext``, ``published``, ``as_of``, ``text`` and
``gold``, a list of ``{"speaker", "aliases", "due", "status", "optional"}`` (the real-text sets add
``kind`` and ``head``, the head verb of the action). A prediction matches a gold commitment when
its speaker holds one of the gold's aliases (or the gold's speaker) and its due window is within
the scorer's tolerance: the deadline within a quarter of the distance from publication (at least a
day), the earliest day within a quarter of the gold window's width. Optional golds absorb a
matching prediction without counting. Beyond the shared scorer this module also reports, for the
matched required golds, how often the status, the kind and the action (the gold's head verb is in
it) agree.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from score_helpers import day, match  # the one matching rule, shared with the tests

Case = dict[str, Any]
Prediction = dict[str, Any]
Predict = Callable[[Case], list[Prediction]]


_WORD = re.compile(r"[a-z]+")


def action_ok(head: str, action: str | None) -> bool:
    """Whether the gold's head verb is in the predicted action (any inflection of it)."""
    if not head or not action:
        return False
    stem = head.lower()
    stem = stem[:-1] if stem.endswith("e") and len(stem) > 3 else stem
    stem = stem[: max(3, len(stem) - 1)] if stem.endswith("y") else stem
    return any(word.startswith(stem) for word in _WORD.findall(action.lower()))


@attrs.define
class Tally:
    """Counts over a set of cases."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    lenient_tp: int = 0
    lenient_fp: int = 0
    lenient_fn: int = 0
    status: int = 0
    kinds: int = 0
    kinds_labelled: int = 0
    actions: int = 0
    actions_labelled: int = 0
    misses: list[str] = attrs.field(factory=list)

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def strict(self) -> tuple[float, float, float]:
        """Precision, recall and F1 with the strict window test."""
        return self._f1(self.tp, self.fp, self.fn)

    @property
    def lenient(self) -> tuple[float, float, float]:
        """The same with only the deadline compared."""
        return self._f1(self.lenient_tp, self.lenient_fp, self.lenient_fn)

    def line(self, name: str, cases: int) -> str:
        """One summary line, as ``make eval`` prints it."""
        p, r, f = self.strict
        ratio = lambda a, b: f"{a / b:.2f}" if b else "-"  # noqa: E731
        return (
            f"{name}: strict P={p:.2f} R={r:.2f} F1={f:.2f} | lenient F1={self.lenient[2]:.2f}"
            f" | status-acc={ratio(self.status, self.lenient_tp)}"
            f" | kind-acc={ratio(self.kinds, self.kinds_labelled)}"
            f" | action-acc={ratio(self.actions, self.actions_labelled)} | cases={cases}"
        )


def score(cases: Iterable[Case], predict: Predict) -> Tally:
    """Run ``predict`` on every case and count matches as the shared scorer does."""
    tally = Tally()
    for case in cases:
        preds = predict(case)
        published = day(case["published"])
        strict = match(case["gold"], preds, published)
        tally.tp += strict.hits
        tally.fn += len(strict.missed)
        tally.fp += len(strict.extra)
        for gold in strict.missed:
            tally.misses.append(f"[{case['id']}] MISSED {gold['speaker']} due={gold['due']}")
        for p in strict.extra:
            text = str(p.get("text", ""))[:90]
            tally.misses.append(
                f"[{case['id']}] EXTRA  {p.get('speaker')} due={p.get('due')} :: {text}"
            )
        lenient = match(case["gold"], preds, published, lenient=True)
        tally.lenient_tp += lenient.hits
        tally.lenient_fn += len(lenient.missed)
        tally.lenient_fp += len(lenient.extra)
        for gold, pred in lenient.pairs:
            tally.status += pred.get("status") == gold["status"]
            if gold.get("kind"):
                tally.kinds_labelled += 1
                tally.kinds += pred.get("kind") == gold["kind"]
            if gold.get("head"):
                tally.actions_labelled += 1
                tally.actions += action_ok(gold["head"], pred.get("action"))
    return tally


def load_cases(path: Path) -> list[Case]:
    """The cases of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
