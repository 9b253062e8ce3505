"""Build the scorer's case files for the real-text corpus from its documents and gold labels.

    python eval/build_real.py

``tests/data/real/{dev,test}/*.md`` are the documents (front matter: source URL, retrieval date,
licence, publication date); ``tests/data/real/gold.jsonl`` holds the settled labels, one line per
document (the format of ``ANNOTATION.md``). This writes ``tests/data/real/dev.jsonl`` and
``test.jsonl`` in the format of ``shared/eval/dev.jsonl``: the document as it is (front matter
included, read as Markdown), published and scored as of its publication date.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

REAL = Path(__file__).resolve().parent.parent / "tests/data/real"
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


def build() -> dict[str, int]:
    """Write the case files; returns the number of cases in each."""
    gold = {}
    for line in (REAL / "gold.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold[row["doc"]] = row
    counts = {}
    for split in ("dev", "test"):
        lines = []
        for path in sorted((REAL / split).glob("*.md")):
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
