"""``make eval``: the score of every labelled set, a line each.

Sets: ``tests/data/real/dev.jsonl`` and ``tests/data/real/test.jsonl`` (real third-party text,
gold from blind annotators; rules are developed on dev only, test is scored and never debugged),
then the older case sets in ``tests/data/`` (written in the house style and tuned against: training
data) and the shared dev set when it is there. ``--verbose`` lists each miss of the named sets.

    python eval/run.py [--verbose SET ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import Case, Prediction, load_cases, score

from commitments import extract_document, read_text

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "real-dev": ROOT / "tests/data/real/dev.jsonl",
    "real-test": ROOT / "tests/data/real/test.jsonl",
    "real-dev2": ROOT / "tests/data/real/dev2.jsonl",
    "real-test2": ROOT / "tests/data/real/test2.jsonl",
    "real-dev3": ROOT / "tests/data/real/dev3.jsonl",
    "real-test3": ROOT / "tests/data/real/test3.jsonl",
    "real-dev4": ROOT / "tests/data/real/dev4.jsonl",
    "real-test4": ROOT / "tests/data/real/test4.jsonl",
    "real-dev5": ROOT / "tests/data/real/dev5.jsonl",
    "real-test5": ROOT / "tests/data/real/test5.jsonl",
    "real-test6": ROOT / "tests/data/real/test6.jsonl",
    "real-test7": ROOT / "tests/data/real/test7.jsonl",
    "real-dev6": ROOT / "tests/data/real/dev6.jsonl",
    "real-test8": ROOT / "tests/data/real/test8.jsonl",
    "real-test9": ROOT / "tests/data/real/test9.jsonl",
    "real-dev7": ROOT / "tests/data/real/dev7.jsonl",
    "real-test10": ROOT / "tests/data/real/test10.jsonl",
    "real-test11": ROOT / "tests/data/real/test11.jsonl",
    "real-dev8": ROOT / "tests/data/real/dev8.jsonl",
    "real-test12": ROOT / "tests/data/real/test12.jsonl",
    "real-dev9": ROOT / "tests/data/real/dev9.jsonl",
    "real-test13": ROOT / "tests/data/real/test13.jsonl",
    "real-test14": ROOT / "tests/data/real/test14.jsonl",
    "cases-dev": ROOT / "tests/data/cases-dev.jsonl",
    "cases-news-short": ROOT / "tests/data/cases-news-short.jsonl",
    "cases-news-articles": ROOT / "tests/data/cases-news-articles.jsonl",
    "cases-conversations": ROOT / "tests/data/cases-conversations.jsonl",
    "shared-dev": ROOT.parent / "shared/eval/dev.jsonl",
}
NOTES = {
    "real-dev": "real text, rules developed on it",
    "real-test": "real text, held out: scored, never debugged",
    "real-dev2": "real text, second collection: scored once as it came, then developed on",
    "real-test2": "real text, third collection, held out: scored, never debugged",
    "real-dev3": "real text, fourth collection: scored once as it came, then developed on",
    "real-test3": "real text, fifth collection, held out: scored, never debugged",
    "real-dev4": "real text, sixth collection (two thirds): scored once as it came, then developed on",
    "real-test4": "real text, sixth collection (one third), held out: scored, never debugged",
    "real-dev5": "real text, seventh collection (two thirds): scored once as it came, then developed on",
    "real-test5": "real text, seventh collection (one third), held out: scored, never debugged",
    "real-test6": "real text, eighth collection, held out: scored once, at the session's end",
    "real-test7": "real text, ninth collection, held out: scored as it came and at the session's end",
    "real-dev6": "real text, tenth collection (two thirds): scored once as it came, then developed on",
    "real-test8": "real text, tenth collection (one third), held out: scored, never debugged",
    "real-test9": "real text, eleventh collection, held out: scored once, at the session's end",
    "real-dev7": "real text, twelfth collection (two thirds): scored once as it came, then developed on",
    "real-test10": "real text, twelfth collection (one third), held out: scored, never debugged",
    "real-test11": "real text, thirteenth collection, held out: scored once, at the session's end",
    "real-dev8": "real text, fourteenth collection: scored once as it came, then developed on",
    "real-test12": "real text, fifteenth collection, held out: scored once, at the session's end",
    "real-dev9": "real text, sixteenth collection: scored once as it came, then developed on",
    "real-test13": "real text, seventeenth collection, held out: scored once, at the session's end",
    "real-test14": "real text, eighteenth collection, held out: scored once, at the session's end",
}


def predict(case: Case) -> list[Prediction]:
    """What the library extracts from a case, as ``extract --format json`` writes it."""
    published = dt.date.fromisoformat(case["published"][:10])
    as_of = dt.date.fromisoformat(case["as_of"][:10])
    found: list[Prediction] = []
    for document in read_text(case["text"], name=f"{case['id']}.{case['ext']}"):
        found += [c.to_json(as_of) for c in extract_document(document, published=published)]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", nargs="*", default=[], metavar="SET")
    args = parser.parse_args()
    for name, path in SETS.items():
        if not path.exists():
            continue
        cases = load_cases(path)
        tally = score(cases, predict)
        note = NOTES.get(name, "house style, tuned against")
        print(f"{tally.line(name, len(cases))} ({note})")
        if name in args.verbose:
            for miss in tally.misses:
                print("   ", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
