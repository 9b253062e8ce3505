"""Fuzz the readers and the extractor with atheris (libFuzzer for Python).

Each input is bytes: the first byte picks how they are read (one of the formats, or detection),
the next two a publication day, the rest is the file. The file goes through
:func:`commitments.readers.read_sources` (as standard input) and every document through
:func:`commitments.extraction.extract_document`. Our own errors (:class:`CommitmentsError`, read
failures) are answers; anything else that escapes is a finding, and so is a record that breaks
an invariant (a source span outside its document, JSON that does not serialise).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_pipeline.py -runs=100000 -max_len=4096 -timeout=10 fuzz/corpus

With ``COMMITMENTS_FUZZ_FINDINGS=DIR`` a finding does not stop the run: the input and its
traceback are written to DIR (one file per distinct place it failed) and fuzzing goes on, so one
long run counts every input and reports every kind of failure.

``one_input`` is also called by ``tests/test_fuzz_smoke.py`` without atheris.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import sys
import traceback
from pathlib import Path

FORMATS = (
    None, "text", "markdown", "chat", "actions", "vtt", "srt", "email", "mbox", "rss", "jsonl"
)
EPOCH = dt.date(2020, 1, 1)


def _imports() -> None:
    global CommitmentsError, ReadFailure, extract_document, read_sources
    from commitments.errors import CommitmentsError
    from commitments.extraction import extract_document
    from commitments.readers import ReadFailure, read_sources


def one_input(data: bytes) -> int:
    """Read and extract one fuzzed input; raises only on a finding."""
    findings = os.environ.get("COMMITMENTS_FUZZ_FINDINGS")
    if not findings:
        return _one_input(data)
    try:
        return _one_input(data)
    except Exception as exc:  # noqa: BLE001 - every escape is a finding to record
        frames = traceback.extract_tb(exc.__traceback__)
        where = "|".join(f"{f.filename}:{f.lineno}" for f in frames[-3:])
        key = hashlib.sha1(f"{type(exc).__name__}|{where}".encode()).hexdigest()[:12]
        folder = Path(findings)
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / f"{key}.bin").exists():
            (folder / f"{key}.bin").write_bytes(data)
            (folder / f"{key}.txt").write_text("".join(traceback.format_exception(exc)), "utf-8")
        return 0


def _one_input(data: bytes) -> int:
    if "read_sources" not in globals():
        _imports()
    if len(data) < 3:
        return 0
    fmt = FORMATS[data[0] % len(FORMATS)]
    published = EPOCH + dt.timedelta(days=int.from_bytes(data[1:3], "big") % 4000)
    as_of = published + dt.timedelta(days=data[1] % 60)
    payload = data[3:]
    try:
        items = list(read_sources(["-"], input_format=fmt, stdin=io.BytesIO(payload)))
    except CommitmentsError:
        return 0
    for item in items:
        if isinstance(item, ReadFailure):
            assert str(item), "a read failure without a message"
            assert "\n" not in str(item), "a read failure over several lines"
            continue
        item.text.encode("utf-8")  # a lone surrogate would break every output
        (item.name or "").encode("utf-8")
        try:
            found = extract_document(item, published=item.published or published)
        except CommitmentsError:
            continue
        end = item.offset + len(item.text)
        for commitment in found:
            source = commitment.source
            assert item.offset <= source.start <= source.end <= end, (source, end)
            json.dumps(commitment.to_json(as_of), ensure_ascii=False).encode("utf-8")
            commitment.status(as_of)
    return 0


def main() -> None:
    import atheris  # the `fuzz` extra

    with atheris.instrument_imports(include=["commitments"]):
        import importlib
        import pkgutil

        import commitments

        for info in pkgutil.walk_packages(commitments.__path__, "commitments."):
            importlib.import_module(info.name)  # lazily imported readers too
        _imports()
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
