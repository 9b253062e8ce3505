"""The fuzz harness (fuzz/fuzz_pipeline.py) without atheris: its findings stay fixed, and a few
hundred random and mutated inputs go through it cleanly. The long run is not part of the suite:
``python fuzz/fuzz_pipeline.py -runs=100000 …`` (see the harness)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from script_helpers import load

ROOT = Path(__file__).resolve().parent.parent
FINDINGS = sorted((Path(__file__).parent / "data" / "fuzz").glob("*.bin"))


harness = load(ROOT / "fuzz" / "fuzz_pipeline.py", "fuzz_pipeline")


@pytest.fixture(autouse=True)
def _findings_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COMMITMENTS_FUZZ_FINDINGS", raising=False)


@pytest.mark.parametrize("path", FINDINGS, ids=[p.stem for p in FINDINGS])
def test_past_findings_stay_fixed(path: Path) -> None:
    harness.one_input(path.read_bytes())


def _seeds() -> list[bytes]:
    samples = [p.read_bytes() for p in sorted((ROOT / "seeds").iterdir())
               if p.suffix in (".md", ".vtt", ".eml", ".rss")]
    return samples + [s for s in getattr(harness, "SNIPPETS", [])]


def _mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        what = rng.randrange(5)
        at = rng.randrange(len(out) + 1)
        if what == 0 and out:
            del out[at : at + rng.randint(1, 64)]
        elif what == 1:
            out[at:at] = rng.randbytes(rng.randint(1, 16))
        elif what == 2 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif what == 3 and out:
            start = rng.randrange(len(out))
            out[at:at] = out[start : start + rng.randint(1, 200)]
        else:
            out[at:at] = rng.choice([b"\n", b"\r\n", b"\x00", b"\xff", b"<v ", b"-->", b'"',
                                     b"\xe2\x80\x9c", b"From ", b"Date: ", b"{", b"}", b">"])
    return bytes(out)


def test_a_few_hundred_inputs_go_through_cleanly() -> None:
    rng = random.Random(20250903)
    seeds = _seeds()
    count = 0
    for i in range(300):
        head = bytes([i % len(harness.FORMATS), rng.randrange(256), rng.randrange(256)])
        if i % 3 == 0:
            body = rng.randbytes(rng.randint(0, 400))
        else:
            body = _mutate(rng, rng.choice(seeds)[:3000])
        harness.one_input(head + body)
        count += 1
    assert count == 300


def test_the_hostile_seeds_of_issue_16_go_through_every_format() -> None:
    """The shapes ``fuzz/make_corpus.py`` adds to the corpus: deep nesting, surrogates, runs of
    blanks; each is read as every format (a one-line failure is an answer)."""
    corpus = load(ROOT / "fuzz" / "make_corpus.py", "make_corpus")
    seeds = corpus.hostile_seeds()
    assert len(seeds) >= 12 and all(len(seed) <= 4096 for seed in seeds)
    for seed in seeds:
        for index in range(len(harness.FORMATS)):
            harness.one_input(bytes([index, 0x07, 0xD0]) + seed)
