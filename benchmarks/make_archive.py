"""Write a JSON Lines archive of articles cut from the bench corpus, for the batch measurements.

    python benchmarks/make_archive.py /tmp/archive.jsonl --megabytes 200

Each line is {"id", "published", "text"}: a few paragraphs of the corpus, dated one of thirty
days, cycling through the corpus until the archive is as big as asked. Small numbers are drawn
afresh for every article ("within 30 days" becomes "within 17 days"), so that the sentences do
not simply repeat and caches do not flatter the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "news-200k.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--megabytes", type=float, default=200.0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--paragraphs", type=int, default=6, help="paragraphs per article")
    args = parser.parse_args(argv)
    paragraphs = [p for p in args.corpus.read_text("utf-8").split("\n\n") if p.strip()]
    target = int(args.megabytes * 1024 * 1024)
    draw = random.Random(20250903)
    small_number = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
    written = 0
    number = 0
    start = dt.date(2025, 9, 1)
    with args.output.open("w", encoding="utf-8") as out:
        while written < target:
            first = (number * args.paragraphs) % len(paragraphs)
            body = "\n\n".join(paragraphs[first : first + args.paragraphs])
            body = small_number.sub(lambda m: str(draw.randint(1, 28)), body)
            record = {
                "id": f"article-{number}",
                "published": (start + dt.timedelta(days=number % 30)).isoformat(),
                "text": body,
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            number += 1
    print(f"{args.output}: {number} articles, {written / 1024 / 1024:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
