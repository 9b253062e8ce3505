"""Build the scorer's case files for the real-text corpus from its documents and gold labels.

    python eval/build_real.py

``tests/data/real/{dev,test,dev2,…,dev5,test5}/*.md`` are the documents (front matter: source URL, retrieval date,
licence, publication date). ``tests/data/real/annotations/`` holds the labels of the two blind
annotators of every document (``first.jsonl``, ``second.jsonl``) and a third annotator's settled
labels where those two disagreed on a required label (``settled.jsonl``, with ``settled-notes.md``).
The gold of a document is the settled labels if there are any, else the first annotator's labels
(which the second's required labels matched one to one) plus any optional label only the second
gave. It is written to ``tests/data/real/gold.jsonl``. This writes ``tests/data/real/dev.jsonl`` and
``test.jsonl`` in the format of ``shared/eval/dev.jsonl``: the document as it is (front matter
included, read as Markdown), published and scored as of its publication date.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from agreement import load, same

REAL = Path(__file__).resolve().parent.parent / "tests/data/real"
SPLITS = ("dev", "test", "dev2", "test2", "dev3", "test3", "dev4", "test4", "dev5", "test5", "test6", "test7", "dev6", "test8", "test9", "dev7", "test10", "test11", "dev8", "test12", "dev9", "test13", "test14")
"""``dev``/``test``: the first 160 documents, split once before any rule work; ``dev2``: a second
collection (66 documents), scored once as it came (its first run) and developed on after that;
``test2``: a third, held out like ``test``; ``dev3``: a fourth (66), scored as it came, then
developed on; ``test3``: a fifth (53), held out; ``dev4``/``test4``: a sixth (72), split two
thirds/one third by a hash of the document's name before anything was scored, ``dev4`` scored once
as it came and developed on after that, ``test4`` held out; ``dev5``/``test5``: a seventh (72),
split the same way; ``test6``: an eighth (60), all held out, labelled while the session's rules
were written and scored once at its end; ``test7``: a ninth (57), the same, in the session after; ``dev6``/``test8``: a tenth (58), split
like the sixth; ``test9``: an eleventh (60), held out whole and scored once, at session 6's end;
``dev7``/``test10``: a twelfth (60), split like the sixth (39/21); ``test11``: a thirteenth (55),
held out whole and scored once, at session 7's end; ``dev8``: a fourteenth (60), scored once as
it came, then developed on; ``test12``: a fifteenth (60), held out whole and scored once, at
session 8's end; ``dev9``: a sixteenth (60), scored once as it came, then developed on;
``test13``: a seventeenth (60), held out whole and scored once, at session 9's end; ``test14``:
an eighteenth (59), labelled at session 9's end and scored once, held out whole."""
_PUBLISHED = re.compile(r"^published:\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)


def _gold(label: dict[str, Any]) -> dict[str, Any]:
    speaker = label.get("speaker") or ""
    aliases = sorted({a.lower() for a in label.get("aliases") or [] if a.strip()})
    return {
        "speaker": speaker,
        "aliases": aliases or [speaker.lower()],
        "due": label.get("due"),
        "status": label.get("status") or ("open" if label.get("due") is None else "pending"),
        "optional": bool(label.get("optional")),
        "kind": label.get("kind"),
        "head": label.get("head"),
        "action": label.get("action"),
    }


def settle() -> dict[str, dict[str, Any]]:
    """The gold labels of every document, from the annotators' files."""
    notes = REAL / "annotations"
    first, second = load(notes / "first.jsonl"), load(notes / "second.jsonl")
    settled = load(notes / "settled.jsonl")
    gold = {}
    for doc, row in sorted(first.items()):
        if doc in settled:
            gold[doc] = settled[doc]
            continue
        labels = list(row["commitments"])
        published = row["published"]
        for label in second[doc]["commitments"]:
            if label.get("optional") and not any(same(label, mine, published) for mine in labels):
                labels.append(label)
        gold[doc] = {"doc": doc, "published": published, "commitments": labels}
    (REAL / "gold.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold.values()), "utf-8"
    )
    return gold


def build() -> dict[str, int]:
    """Write the gold and the case files; returns the number of cases in each."""
    gold = settle()
    counts = {}
    for split in SPLITS:
        lines = []
        folder = REAL / split
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            text = path.read_text("utf-8")
            match = _PUBLISHED.search(text)
            if match is None or path.stem not in gold:
                raise SystemExit(f"{path}: no published date or no gold labels")
            case = {
                "id": path.stem,
                "published": match[1],
                "as_of": match[1],
                "ext": "md",
                "text": text,
                "gold": [_gold(label) for label in gold[path.stem]["commitments"]],
            }
            lines.append(json.dumps(case, ensure_ascii=False))
        (REAL / f"{split}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        counts[split] = len(lines)
    return counts


if __name__ == "__main__":
    print(build())
