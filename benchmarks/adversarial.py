"""Adversarial inputs for every regular expression, and for the whole pipeline.

Collects every compiled pattern in the ``commitments`` package (module attributes, and patterns
inside their tuples, lists and dicts), then times each against inputs built to make a
backtracking regex engine go quadratic or worse: a long run of one character, spaces, words of
the pattern itself repeated (near-matches), capitalised words, digits, quotes that never close.
Each pattern is run with ``finditer`` over the whole input, the most any caller asks of it.
End to end, :func:`commitments.extract` and :func:`commitments.readers.read_text` (every format)
get the same inputs, and the CLI a document over its size limit.

    python benchmarks/adversarial.py [--size 1000000] [--limit 1.0] [--growth 8]
                                     [--only patterns|pipeline|cli]

Prints the slowest runs and exits 1 when a pattern run took longer than ``--limit`` seconds (or
grew faster than linearly, with ``--growth``), or the CLI took more than ten times the limit to
refuse the huge file. ``tests/test_adversarial.py`` runs the pattern checks at a smaller size,
in a subprocess with a timeout (a pattern that backtracks exponentially cannot be interrupted).
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

import attrs

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
    ("dotted", lambda n: "<v" + _fill(".a", n - 2)),
    ("word-then-mark", lambda n: ", and " + _fill("a", n - 7) + "!"),
    ("words-then-mark", lambda n: ", " + _fill("Aa ", n - 3) + "!"),
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


def _collect(
    value: object, where: str, depth: int, out: dict[int, tuple[str, re.Pattern[str]]]
) -> None:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            out.setdefault(id(value), (where, value))
        return
    if depth <= 0:
        return
    if attrs.has(type(value)):  # a record of patterns: named by its fields
        for field in attrs.fields(type(value)):
            _collect(getattr(value, field.name), f"{where}.{field.name}", depth - 1, out)
    elif isinstance(value, dict):
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


_ASSIGN = re.compile(r"^\s*(\w+)\s*(?::[^=\n]+)?=\s*([^=\n][^\n]*)$", re.MULTILINE)


def _calls(source: str, name: str) -> set[str]:
    """The methods called on ``name`` in ``source``: directly, on a variable assigned from it
    (``pattern = _VTT if vtt else _SRT``) or on a loop variable over it."""
    names = {name}
    source = re.sub(r"\bid\([^()]*\)", "0", source)  # id(pattern) uses no method of it
    while True:
        before = len(names)
        # the pattern itself, not a call on it: `pattern.match(…)` gives a match, not a pattern
        mention = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(names)))})\b(?!\s*[.(\[])")
        for variables, iterable in _LOOP.findall(source):
            if mention.search(iterable):
                names.update(v.strip() for v in variables.split(","))
        for variable, value in _ASSIGN.findall(source):
            if variable != name and mention.search(value) and "re.compile" not in value:
                names.add(variable)
        if len(names) == before:
            break
    return {method for target, method in _CALL.findall(source) if target in names}


def usage(where: str) -> str:
    """``"scan"`` when the code searches text with the pattern (``search``, ``finditer``, ``sub``
    …) or its use cannot be told; ``"anchored"`` when it only ever calls ``match``/``fullmatch``
    (one start position per call, so a scan of every position is not what it meets)."""
    parts = where.split(".")
    module_name = next(  # the longest prefix that is a module: the rest is in it
        ".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1) if ".".join(parts[:i]) in sys.modules
    )
    rest = where[len(module_name) + 1 :]
    name = re.match(r"\w+", rest)[0]  # type: ignore[index]
    field = re.search(r"\.(\w+)$", rest)  # a record's field: the code calls `….field.match(`
    module = importlib.import_module(module_name)
    if name.startswith("_"):
        sources = [Path(module.__file__).read_text("utf-8")]  # type: ignore[arg-type]
    else:
        import commitments

        package = Path(commitments.__file__).parent
        sources = [path.read_text("utf-8") for path in sorted(package.rglob("*.py"))]
    called = field[1] if field else name
    methods = set().union(*(_calls(source, called) for source in sources))
    return "anchored" if methods and not methods & _SCANS else "scan"


def time_pattern(pattern: re.Pattern[str], text: str, mode: str = "scan") -> float:
    """CPU seconds to run ``pattern`` over ``text`` as the code does: ``finditer`` over all of it
    for a scanning pattern, ``match`` and ``fullmatch`` at the start for an anchored one. CPU
    time, not wall time: other processes on a busy machine do not count against the pattern."""
    start = time.process_time()
    if mode == "scan":
        for _ in pattern.finditer(text):
            pass
    else:
        pattern.match(text)
        pattern.fullmatch(text)
    return time.process_time() - start


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


def check_patterns(size: int, limit: float, growth: float, out: Callable[[str], None]) -> int:
    """Time every pattern on every input; count the runs over ``limit`` seconds, and with
    ``growth``, the runs that take over ``growth`` times longer on four times the input (a
    linear pattern takes about four times longer). A small run first catches a pattern that
    blows up exponentially before the full size can hang."""
    failures = 0
    rows: list[tuple[float, str, str]] = []
    for where, pattern in patterns():
        mode = usage(where)
        for name, make in pattern_inputs(pattern):
            what = f"{where} ({mode}) on {name}"
            small = time_pattern(pattern, make(256), mode)
            if small > limit:
                out(f"FAIL {small:.3f} s on 256 characters: {what}")
                failures += 1
                continue
            seconds = time_pattern(pattern, make(size), mode)
            rows.append((seconds, where, name))
            if seconds > limit:
                out(f"FAIL {seconds:.3f} s on {size:,} characters: {what}")
                failures += 1
            elif growth and seconds > 0.002:
                bigger = time_pattern(pattern, make(4 * size), mode)
                if bigger > growth * seconds + 0.02:  # measure again: the machine may be busy
                    seconds = min(seconds, time_pattern(pattern, make(size), mode))
                    bigger = min(bigger, time_pattern(pattern, make(4 * size), mode))
                if bigger > growth * seconds + 0.02:
                    out(f"FAIL {seconds:.4f} s → {bigger:.4f} s on 4× the input: {what}")
                    failures += 1
    out(f"{len(rows)} pattern runs of {size:,} characters; slowest:")
    for seconds, where, name in sorted(rows, reverse=True)[:15]:
        out(f"  {seconds:8.4f}  {where}  {name}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per input")
    parser.add_argument("--limit", type=float, default=1.0, help="seconds allowed for each run")
    parser.add_argument("--growth", type=float, default=0.0,
                        help="also fail a pattern run that grows more than this many times on 4×"
                        " the input (0: do not check)")
    parser.add_argument("--only", choices=["patterns", "pipeline", "cli"], action="append",
                        help="run only these parts (default: all)")
    parser.add_argument("--huge", type=int, default=100 * 1024 * 1024,
                        help="bytes of the one-line file given to the CLI")
    args = parser.parse_args(argv)
    parts = set(args.only or ["patterns", "pipeline", "cli"])
    failures = 0

    def out(line: str) -> None:
        print(line, flush=True)

    if "patterns" in parts:
        started = time.perf_counter()
        failures += check_patterns(args.size, args.limit, args.growth, out)
        out(f"patterns: {time.perf_counter() - started:.1f} s\n")
    if "pipeline" in parts:
        rows: list[tuple[float, str, str]] = []
        for name, make in END_TO_END:
            text = make(args.size)
            rows.append((time_extract(text), "extract", name))
            for input_format in FORMATS:
                rows.append((time_read(text, input_format), f"read_text({input_format})", name))
            out(f"  {name}: extract {rows[-len(FORMATS) - 1][0]:.3f} s, slowest reader"
                f" {max(r[0] for r in rows[-len(FORMATS):]):.3f} s")
        out(f"End to end on {args.size:,} characters, slowest first:")
        for seconds, where, name in sorted(rows, reverse=True)[:15]:
            out(f"  {seconds:8.3f}  {where}  {name}")
        out("")
    if "cli" in parts:
        took, outcome = time_cli_oversized(args.huge)
        out(f"CLI on a one-line file of {args.huge:,} bytes: {took:.2f} s, {outcome}")
        if took > 10 * args.limit:
            failures += 1
    if failures:
        print(f"{failures} runs over the limits", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
