"""Compare two annotators' labels for the real-text corpus and list where they disagree.

    python eval/agreement.py A.jsonl B.jsonl [--out DISAGREEMENTS.jsonl]

Each file holds one JSON object per document: ``{"doc", "published", "commitments": [...]}`` in
the format of ``tests/data/real/ANNOTATION.md``. Two labels agree when each names the other's
party (an alias of one is in the other's speaker) and their windows pass the scorer's test both
ways. Prints the agreement (F1 of B against A on required labels, Cohen-free: pairwise) and writes
one line per document where the required labels differ, for a third annotator to settle.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from score_helpers import day, due_ok, speaker_ok

Label = dict[str, Any]


def _as_gold(label: Label) -> Label:
    aliases = [a.lower() for a in label.get("aliases") or []]
    return {
        **label,
        "aliases": aliases,
        "speaker": label.get("speaker") or "",
        "optional": bool(label.get("optional")),
    }


def same(a: Label, b: Label, published: str) -> bool:
    """Whether two labels name one commitment."""
    ga, gb = _as_gold(a), _as_gold(b)
    return (
        (speaker_ok(ga, gb["speaker"]) or speaker_ok(gb, ga["speaker"]))
        and due_ok(ga, gb.get("due"), day(published))
        and due_ok(gb, ga.get("due"), day(published))
    )


def pair(
    first: list[Label], second: list[Label], published: str
) -> tuple[list[tuple[Label, Label]], list[Label], list[Label]]:
    """Greedy one-to-one pairing of two annotators' labels for one document."""
    used: set[int] = set()
    pairs: list[tuple[Label, Label]] = []
    alone: list[Label] = []
    for a in first:
        hit = next(
            (i for i, b in enumerate(second) if i not in used and same(a, b, published)), None
        )
        if hit is None:
            alone.append(a)
        else:
            used.add(hit)
            pairs.append((a, second[hit]))
    return pairs, alone, [b for i, b in enumerate(second) if i not in used]


def load(path: Path) -> dict[str, dict[str, Any]]:
    """Documents by id."""
    out = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["doc"]] = row
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    first, second = load(args.first), load(args.second)
    agree = only_first = only_second = 0
    rows = []
    for doc in sorted(set(first) & set(second)):
        published = first[doc]["published"]
        a = [x for x in first[doc]["commitments"] if not x.get("optional")]
        b = [x for x in second[doc]["commitments"] if not x.get("optional")]
        pairs, alone_a, alone_b = pair(a, b, published)
        agree += len(pairs)
        only_first += len(alone_a)
        only_second += len(alone_b)
        if alone_a or alone_b:
            rows.append(
                {
                    "doc": doc,
                    "published": published,
                    "agreed": len(pairs),
                    "only_first": alone_a,
                    "only_second": alone_b,
                }
            )
    total = 2 * agree + only_first + only_second
    f1 = 2 * agree / total if total else 1.0
    print(
        f"documents {len(set(first) & set(second))}, labels agreed {agree}, "
        f"only first {only_first}, only second {only_second}, agreement F1 {f1:.2f}, "
        f"documents to settle {len(rows)}"
    )
    missing = sorted(set(first) ^ set(second))
    if missing:
        print("labelled by one annotator only:", ", ".join(missing))
    if args.out:
        args.out.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
