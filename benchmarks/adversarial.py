"""Adversarial inputs for every regular expression, and for the whole pipeline.

Collects every compiled pattern in the ``commitments`` package (module attributes, and patterns
inside their tuples, lists and dicts), then times each against inputs built to make a
backtracking regex engine go quadratic or worse: a long run of one character, spaces, words of
the pattern itself repeated (near-matches), capitalised words, digits, quotes that never close.
Each pattern is run with ``finditer`` over the whole input, the most any caller asks of it.
End to end, :func:`commitments.extract` and :func:`commitments.readers.read_text` (every format)
get the same inputs, and the CLI a document over its size limit.

    python benchmarks/adversarial.py [--size 1000000] [--slowest 25] [--limit 1.0]

Prints the time of each (pattern × input), slowest first, and exits 1 when any took longer
than ``--limit`` seconds. ``tests/test_adversarial.py`` runs the same checks at a smaller size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import pkgutil
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

Input = tuple[str, Callable[[int], str]]


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters."""
    if not unit:
        return ""
    return (unit * (size // len(unit) + 1))[:size]


GENERIC: list[Input] = [
    ("spaces", lambda n: _fill(" ", n)),
    ("one-word", lambda n: _fill("a", n)),
    ("capitals", lambda n: _fill("A", n)),
    ("names", lambda n: _fill("John Smith ", n)),
    ("cap-words", lambda n: _fill("Aa ", n)),
    ("digits", lambda n: _fill("1", n)),
    ("numbers", lambda n: _fill("12 ", n)),
    ("hyphens", lambda n: _fill("a-", n)),
    ("dots", lambda n: _fill("a. ", n)),
    ("punctuation", lambda n: _fill(".,;:!?", n)),
    ("newlines", lambda n: _fill("a\n", n)),
    ("blank-lines", lambda n: _fill(" \n \t\n", n)),
    ("straight-quote", lambda n: '"' + _fill("he said ", n - 1)),
    ("curly-quote", lambda n: "“" + _fill("we will ", n - 1)),
    ("quotes", lambda n: _fill('"a ', n)),
    ("apostrophes", lambda n: _fill("'s ", n)),
    ("angles", lambda n: _fill("<v ", n)),
    ("colons", lambda n: _fill("A: ", n)),
    ("arrows", lambda n: _fill("00:00:00.000 --> ", n)),
    ("list-items", lambda n: _fill("- [ ] ", n)),
    ("near-time", lambda n: _fill("by the end of the ", n)),
    ("near-duration", lambda n: _fill("within two or three ", n)),
    ("near-period", lambda n: _fill("in the next few coming ", n)),
    ("near-attribution", lambda n: _fill("President Donald Trump, the ", n)),
    ("near-cue", lambda n: _fill("told him and them to ", n)),
    ("near-date", lambda n: _fill("17 September, ", n)),
    ("near-email", lambda n: _fill("On Mon, 1 Sep 2025 Tom wrote ", n)),
    ("near-header", lambda n: _fill("From: a@b ", n)),
]
"""Inputs for every pattern: name, and a function of the size in characters."""


def _words(pattern: re.Pattern[str]) -> list[str]:
    """The literal words in a pattern's source, in order: the makings of a near-match."""
    return re.findall(r"[A-Za-z]{2,}", re.sub(r"\\[A-Za-z]", " ", pattern.pattern))


def pattern_inputs(pattern: re.Pattern[str]) -> Iterator[Input]:
    """The generic inputs, plus near-matches made of the pattern's own words."""
    yield from GENERIC
    words = _words(pattern)
    if words:
        spaced = " ".join(words) + " "
        yield ("own-words", lambda n: _fill(spaced, n))
        joined = "".join(w.capitalize() for w in words)
        yield ("own-words-joined", lambda n: _fill(joined, n))
        yield ("own-first-word", lambda n: _fill(words[0] + " ", n))


def _collect(value: object, where: str, depth: int, out: dict[int, tuple[str, re.Pattern[str]]]) -> None:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            out.setdefault(id(value), (where, value))
        return
    if depth <= 0:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _collect(item, f"{where}[{key!r}]", depth - 1, out)
    elif isinstance(value, (list, tuple, frozenset, set)):
        for index, item in enumerate(value):
            _collect(item, f"{where}[{index}]", depth - 1, out)


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern the ``commitments`` package keeps in its modules."""
    import commitments

    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for info in pkgutil.walk_packages(commitments.__path__, "commitments."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if not name.startswith("__"):
                _collect(value, f"{info.name}.{name}", 3, found)
    return sorted(found.values(), key=lambda item: item[0])


_SCANS = {"search", "finditer", "findall", "sub", "subn", "split"}
_CALL = re.compile(r"\b(\w+)\.(match|fullmatch|search|finditer|findall|sub|subn|split)\(")
_LOOP = re.compile(r"^\s*for\s+([\w, ]+?)\s+in\s+([^\n]+?):\s*$", re.MULTILINE)


def _calls(source: str, name: str) -> set[str]:
    """The methods called on ``name`` in ``source``, directly or on a loop variable over it."""
    names = {name}
    for variables, iterable in _LOOP.findall(source):
        if re.search(rf"\b{re.escape(name)}\b", iterable):
            names.update(v.strip() for v in variables.split(","))
    return {method for target, method in _CALL.findall(source) if target in names}


def usage(where: str) -> str:
    """``"scan"`` when the code searches text with the pattern (``search``, ``finditer``, ``sub``
    …) or its use cannot be told; ``"anchored"`` when it only ever calls ``match``/``fullmatch``
    (one start position per call, so a scan of every position is not what it meets)."""
    module_name, _, rest = where.rpartition(".")
    name = re.match(r"\w+", rest)[0]  # type: ignore[index]
    module = importlib.import_module(module_name)
    if name.startswith("_"):
        sources = [Path(module.__file__).read_text("utf-8")]  # type: ignore[arg-type]
    else:
        import commitments

        package = Path(commitments.__file__).parent
        sources = [path.read_text("utf-8") for path in sorted(package.rglob("*.py"))]
    methods = set().union(*(_calls(source, name) for source in sources))
    return "anchored" if methods and not methods & _SCANS else "scan"


def time_pattern(pattern: re.Pattern[str], text: str, mode: str = "scan") -> float:
    """Seconds to run ``pattern`` over ``text`` as the code does: ``finditer`` over all of it
    for a scanning pattern, ``match`` and ``fullmatch`` at the start for an anchored one."""
    start = time.perf_counter()
    if mode == "scan":
        for _ in pattern.finditer(text):
            pass
    else:
        pattern.match(text)
        pattern.fullmatch(text)
    return time.perf_counter() - start


END_TO_END: list[Input] = [
    (name, make)
    for name, make in GENERIC
    if name
    in (
        "spaces", "one-word", "capitals", "names", "cap-words", "dots", "newlines", "blank-lines",
        "straight-quote", "curly-quote", "quotes", "colons", "arrows", "list-items", "near-time",
        "near-duration", "near-period", "near-attribution", "near-cue", "near-date",
        "near-email", "near-header",
    )
] + [
    ("sentences", lambda n: _fill("The minister said she will resign by Friday. ", n)),
    ("no-stop", lambda n: _fill("the minister said she will resign by Friday and ", n)),
    ("chat", lambda n: _fill("Ana: I will send it by Friday\n", n)),
    ("quoted-cues", lambda n: _fill("“We will act within two weeks,” Trump said. ", n)),
]
"""Inputs for the pipeline: the generic ones that look like text, and some real-looking ones."""

FORMATS = ("text", "chat", "actions", "vtt", "srt", "email", "mbox", "rss", "jsonl")


def time_extract(text: str) -> float:
    from commitments import extract

    start = time.perf_counter()
    extract(text, published=dt.date(2025, 9, 3))
    return time.perf_counter() - start


def time_read(text: str, input_format: str) -> float:
    """Seconds to read ``text`` in a format (read errors are answers too)."""
    from commitments.errors import CommitmentsError
    from commitments.readers import read_text

    start = time.perf_counter()
    try:
        for _ in read_text(text, name="adversarial", input_format=input_format):
            pass
    except CommitmentsError:
        pass
    return time.perf_counter() - start


def time_cli_oversized(size: int) -> tuple[float, str]:
    """Seconds for ``commitments extract`` to answer a one-line file of ``size`` bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "huge.txt"
        with path.open("wb") as out:
            chunk = b"the minister said she will resign by Friday and " * 20_000
            left = size
            while left > 0:
                out.write(chunk[:left])
                left -= len(chunk)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", "from cli.main import main; main()", "extract", str(path),
             "--published", "2025-09-03", "--as-of", "2025-09-03"],
            capture_output=True, text=True, check=False,
        )
        took = time.perf_counter() - start
    return took, f"exit {done.returncode}: {done.stderr.strip()[:160]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per input")
    parser.add_argument("--slowest", type=int, default=25, help="how many timings to print")
    parser.add_argument("--limit", type=float, default=1.0, help="seconds allowed for each")
    parser.add_argument("--huge", type=int, default=100 * 1024 * 1024,
                        help="bytes of the one-line file given to the CLI (0 to skip)")
    args = parser.parse_args(argv)

    rows: list[tuple[float, str, str]] = []
    collected = patterns()
    started = time.perf_counter()
    for where, pattern in collected:
        mode = usage(where)
        for name, make in pattern_inputs(pattern):
            rows.append((time_pattern(pattern, make(args.size), mode), f"{where} ({mode})", name))
    pattern_seconds = time.perf_counter() - started
    print(f"{len(collected)} patterns, {len(rows)} runs of {args.size:,} characters"
          f" in {pattern_seconds:.1f} s")

    end_to_end: list[tuple[float, str, str]] = []
    for name, make in END_TO_END:
        text = make(args.size)
        end_to_end.append((time_extract(text), "extract", name))
        for input_format in FORMATS:
            end_to_end.append((time_read(text, input_format), f"read_text({input_format})", name))

    print(f"\nSlowest {args.slowest} pattern runs (seconds, pattern, input):")
    for seconds, where, name in sorted(rows, reverse=True)[: args.slowest]:
        print(f"  {seconds:8.4f}  {where}  {name}")
    print(f"\nEnd to end on {args.size:,} characters (seconds, what, input), slowest first:")
    for seconds, where, name in sorted(end_to_end, reverse=True)[: args.slowest]:
        print(f"  {seconds:8.4f}  {where}  {name}")
    worst_pattern = max(rows)[0] if rows else 0.0
    worst_e2e = max(end_to_end)[0] if end_to_end else 0.0
    print(f"\nworst pattern run {worst_pattern:.4f} s; worst end-to-end run {worst_e2e:.4f} s")

    over = [row for row in rows if row[0] > args.limit]
    if args.huge:
        took, outcome = time_cli_oversized(args.huge)
        print(f"\nCLI on a one-line file of {args.huge:,} bytes: {took:.2f} s, {outcome}")
        if took > 10 * args.limit:
            over.append((took, "cli", "huge"))
    if over:
        print(f"\n{len(over)} runs over {args.limit} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
