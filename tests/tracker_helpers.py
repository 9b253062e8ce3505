"""Hand-made commitments and documents for the tracker's tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from commitments import Tracker
from commitments.records import Commitment, Document, Kind, Source, Status, Window

NOW = dt.datetime(2025, 9, 3, 12, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2025, 9, 5, 8, 30, tzinfo=dt.UTC)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def window(earliest: str, latest: str | None = None) -> Window:
    return Window(day(earliest), day(latest or earliest))


def make(
    action: str = "be speaking to him",
    *,
    speaker: str | None = "Donald Trump",
    kind: Kind = Kind.PROMISE,
    due: Window | str | None = "default",
    issued: Window | None = None,
    expression: str | None = None,
    text: str | None = None,
    document: str = "a.md",
    start: int = 0,
    stated: Status | None = None,
    condition: str | None = None,
) -> Commitment:
    """A commitment as an extractor would give it (due defaults to 2025-09-04…2025-09-10)."""
    return Commitment(
        speaker=speaker,
        action=action,
        kind=kind,
        text=text if text is not None else f"{speaker} said they would {action}.",
        expression=expression,
        issued=issued or window("2025-09-03"),
        due=window("2025-09-04", "2025-09-10") if isinstance(due, str) else due,
        stated=stated,
        condition=condition,
        source=Source(document=document, start=start, end=start + 40),
    )


def document(
    name: str = "a.md", text: str | None = None, published: str = "2025-09-03"
) -> Document:
    return Document(text=text or f"The text of {name}.", name=name, published=day(published))


def extractor(
    found: Mapping[str, Sequence[Commitment]],
) -> Callable[[Document], Sequence[Commitment]]:
    """An extractor that returns, for each document name, the commitments given for it."""

    def extract(doc: Document) -> Sequence[Commitment]:
        return list(found.get(doc.name, ()))

    return extract


def seed_like(name: str = "seed.md") -> list[Commitment]:
    """The seed's three dated commitments, as the extractor reports them."""
    sentence = (
        "However, President Donald Trump informed reporters that he would be communicating"
        " with Putin “very shortly,” noting that his two-week deadline had now expired."
    )
    return [
        make(
            "be communicating with Putin",
            due=window("2025-09-03", "2025-09-06"),
            expression="very shortly",
            text=sentence,
            document=name,
            start=898,
        ),
        make(
            "deadline for the Kremlin leader to meet Zelenskyy had now expired",
            kind=Kind.DEADLINE,
            due=window("2025-08-01", "2025-09-03"),
            issued=window("2025-08-01", "2025-08-31"),
            expression="two-week deadline",
            stated=Status.EXPIRED,
            text=sentence,
            document=name,
            start=898,
        ),
        make(
            "be speaking to him",
            due=window("2025-09-04", "2025-09-10"),
            expression="in the coming days",
            text="But I will be speaking to him in the coming days.",
            document=name,
            start=1280,
        ),
    ]


def end_state(tracker: Tracker) -> set[tuple[object, ...]]:
    """What a store holds in the end, in a form two stores can be compared by (the order the
    documents were added in must not matter)."""
    return {
        (
            e.tracked.commitment.speaker,
            e.tracked.commitment.action,
            e.tracked.commitment.due,
            e.tracked.commitment.stated,
            len(e.mentions),
            tuple((c.kind, c.name, c.start) for c in e.followups),
        )
        for e in tracker.entries()
    }
