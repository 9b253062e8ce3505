"""WebVTT and SubRip captions, parsed by webvtt-py (imported only when a caption file is read).

The speaker of a cue line is its ``<v Name>`` voice span, or a ``Name:`` prefix (also after a
``-`` or ``>>`` speaker-change marker); a line with neither continues the previous speaker. The
document text is the cue text without tags, names or timings: consecutive lines of one speaker
joined by spaces (a sentence often runs over several cues), a new line for each change of speaker.
Each turn covers one speaker's run of cues; its ``line`` is the first cue text line in the file.
A run whose speaker is unknown is a turn without a speaker (unless nobody is named at all: then the
document has no turns).

A WebVTT header may carry the document's metadata, one ``key: value`` per line after ``WEBVTT``::

    WEBVTT
    Title: Weekly sync
    Published: 2025-09-03
    TZ: Europe/Berlin
"""

from __future__ import annotations

import html
import io
import re

from commitments.errors import FormatError
from commitments.readers.chat import match_chat_line
from commitments.readers.frontmatter import FrontMatter, interpret_fields
from commitments.records import Document, Turn

__all__ = ["read_captions"]

_VTT_TIME = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
_SRT_TIME = r"\d{1,2}:[0-5]\d:[0-5]\d[,.]\d{1,3}"
_VTT_TIMING = re.compile(rf"\s*{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t]+.*)?\Z")
_SRT_TIMING = re.compile(rf"\s*{_SRT_TIME}[ \t]*-->[ \t]*{_SRT_TIME}(?:[ \t]+.*)?\Z")
# <v.loud.fast Name>: the classes as one run (not one group per class, which backtracks through
# every way of cutting ".a.a.a…" into classes), the name up to the next < or > with its blanks
# (trimmed after: blanks before and after a lazy name tried every cut of a run of blanks).
_VOICE = re.compile(r"<v(?:\.[\w.\-]+)?[ \t]([^<>]+)>")
# A tag holds no "<" (in cue text it always opens a tag; a literal one is &lt;): a search stays
# linear on "<v <v <v…" with no ">".
_TAG = re.compile(r"<[^<>]*>|\{\\[^{}]*\}")
_DIALOGUE_DASH = re.compile(r"[-–—][ \t]+")


def _header(lines: list[str], name: str) -> FrontMatter:
    """Metadata from the WebVTT header block (``Published: 2025-09-03`` …)."""
    fields: dict[str, str] = {}
    numbers: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or "-->" in line:
            break
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and re.fullmatch(r"[a-z_][\w\-]*", key) and key not in fields:
            fields[key], numbers[key] = value.strip().strip("\"'"), number
    return interpret_fields(fields, numbers, source=name, where="WebVTT header")


def _timing_lines(lines: list[str], form: str, name: str) -> list[int]:
    """The 1-based numbers of the cue timing lines; a malformed one is a :class:`FormatError`."""
    pattern = _VTT_TIMING if form == "vtt" else _SRT_TIMING
    example = "00:01:02.500 --> 00:01:05.000" if form == "vtt" else "00:01:02,500 --> 00:01:05,000"
    numbers = []
    for number, line in enumerate(lines, start=1):
        if "-->" in line:
            if not pattern.match(line):
                raise FormatError(
                    f"cue timing {line.strip()!r} is not valid {form.upper()}; "
                    f"expected a line like {example}",
                    source=name,
                    line=number,
                )
            numbers.append(number)
    return numbers


def _parse(text: str, form: str, name: str) -> list[list[str]]:
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    try:
        captions = webvtt.from_buffer(io.StringIO(text), format=form)
    except (MalformedFileError, MalformedCaptionError, ValueError) as exc:
        raise FormatError(f"is not a valid {form.upper()} file ({exc})", source=name) from None
    return [list(caption.lines) for caption in captions.captions]


def read_captions(text: str, *, name: str = "-", form: str = "vtt") -> Document:
    """A document from a WebVTT (``form="vtt"``) or SubRip (``form="srt"``) file's text."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    meta = FrontMatter()
    if form == "vtt":
        if not lines or not re.match(r"WEBVTT(?:[ \t]|\Z)", lines[0]):
            raise FormatError(
                "is not a WebVTT file: its first line must be 'WEBVTT'", source=name, line=1
            )
        meta = _header(lines, name)
    timings = _timing_lines(lines, form, name)
    cues = _parse(text, form, name)
    if not cues and timings:
        raise FormatError(f"has cue timings but no {form.upper()} cue could be read", source=name)
    cue_lines: list[int | None] = (
        [n + 1 for n in timings] if len(timings) == len(cues) else [None] * len(cues)
    )

    parts: list[str] = []
    turns: list[Turn] = []
    pos = 0
    speaker: str | None = None
    run: tuple[str | None, int, int | None] | None = None  # speaker, start, line

    def close(end: int) -> None:
        nonlocal run
        if run is not None and end > run[1]:
            turns.append(Turn(speaker=run[0], start=run[1], end=end, line=run[2]))
        run = None

    for raw_lines, first_line in zip(cues, cue_lines, strict=True):
        dashes = sum(1 for raw in raw_lines if _DIALOGUE_DASH.match(_TAG.sub("", raw)))
        for index, raw in enumerate(raw_lines):
            voice = _VOICE.search(raw)
            if voice:
                speaker = " ".join(voice[1].split())
            line = html.unescape(_TAG.sub("", raw)).strip()
            said = match_chat_line(line, captions=True)
            new_voice = False
            if said is not None:
                speaker, line = said.speaker, line[said.text_start :].strip()
            elif dashes >= 2 and _DIALOGUE_DASH.match(line) and not voice:
                # "- Are you coming?" / "- Yes." : two unnamed speakers in one cue
                speaker, line, new_voice = None, _DIALOGUE_DASH.sub("", line, count=1), True
            if not line:
                continue
            line_no = first_line + index if first_line is not None else None
            if run is not None and run[0] == speaker and not new_voice:
                parts.append(" ")
                pos += 1
            else:
                if run is not None:
                    close(pos)
                    parts.append("\n")
                    pos += 1
                run = (speaker, pos, line_no)
            parts.append(line)
            pos += len(line)
    close(pos)
    if all(turn.speaker is None for turn in turns):
        turns = []  # no speakers at all: plain prose
    if parts:
        parts.append("\n")
    return Document(
        text="".join(parts),
        name=name,
        published=meta.published,
        title=meta.title,
        url=meta.url,
        tz=meta.tz,
        turns=tuple(turns),
    )
