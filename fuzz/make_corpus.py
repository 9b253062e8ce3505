"""Write a starting corpus for ``fuzz_pipeline.py``: the seeds, the dev set's texts, a few
hand-made snippets and the hostile shapes of issue 16 (``tests/hostile_inputs.py``: deep MIME and
JSON nesting, lone surrogates, runs of blanks inside headings, headers, voice tags, front matter
and dates, nested blockquotes), each under every format byte that fits it.

    python fuzz/make_corpus.py fuzz/corpus
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests"))

import hostile_inputs as hostile  # noqa: E402
from fuzz_pipeline import FORMATS  # noqa: E402

SNIPPETS = [
    b"Ana: I will send the minutes by Friday.\nBob: ok\n[10:02] Cy: we'll ship in two weeks\n",
    b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Lena>We will publish it next week.\n",
    b"1\n00:00:01,000 --> 00:00:03,000\nTom: I'll call him tomorrow.\n",
    b"From: Hannah <h@x.org>\nDate: Mon, 1 Sep 2025 16:02:00 +0100\n\nWe will decide by 17 "
    b"September.\n\nOn Sun, 31 Aug 2025, Tom <t@x.org> wrote:\n"
    b"> I will send it today.\n",
    b'{"text": "The ministry said it would act within 72 hours.", "published": "2025-09-03"}\n',
    b"## Action items\n- Lena to circulate the minutes by Thursday\n"
    b"- [ ] @omar update the register\n",
    b"---\npublished: 2025-09-03\ntz: Europe/Berlin\n---\nShe said she will resign by Sunday at 6"
    b' p.m. \xe2\x80\x9cWe will be back in the coming days,\xe2\x80\x9d Trump said.\n',
]


def hostile_seeds() -> list[bytes]:
    """Issue 16's hostile inputs, small enough for ``-max_len=4096``."""
    return [
        hostile.deep_multipart(55),
        hostile.deep_rfc822(120),
        hostile.deep_json(2000),
        hostile.lone_surrogates(),
        hostile.heading_shape(250),
        hostile.address_run(3000),
        hostile.voice_spaces(3000),
        hostile.front_matter_spaces(3000),
        hostile.iso_date_spaces(3000),
        hostile.header_line_spaces(3000),
        hostile.original_message_spaces(3000),
        hostile.chat_spaces(3000),
        hostile.html_mail(hostile.nested_blockquotes(100)),
    ]


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    samples = [p.read_bytes() for p in sorted((ROOT / "seeds").iterdir())
               if p.suffix in (".md", ".vtt", ".eml", ".rss", ".txt")]
    dev = ROOT.parent / "shared" / "eval" / "dev.jsonl"
    if dev.exists():
        for line in dev.read_text("utf-8").splitlines()[:60]:
            text = json.loads(line).get("text")
            if isinstance(text, str):
                samples.append(text.encode("utf-8"))
    samples += SNIPPETS + hostile_seeds()
    count = 0
    for sample in samples:
        for index in range(len(FORMATS)):
            data = bytes([index, 0x07, 0xD0]) + sample[:4096]
            name = hashlib.sha1(data).hexdigest()[:16]
            (out / name).write_bytes(data)
            count += 1
    print(f"{count} inputs in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).parent / "corpus")))
