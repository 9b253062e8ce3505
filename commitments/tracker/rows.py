"""Rows to records and back: how a commitment, mention and resolution are laid out in the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from commitments.records import Commitment, Kind, Resolution, Source, Status, Window
from commitments.tracker.records import Mention

__all__ = [
    "commitment_columns",
    "commitment_from_row",
    "iso",
    "mention_from_row",
    "parse_datetime",
    "resolution_from_row",
    "utc",
]


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone: the store keeps aware UTC times")
    return moment.astimezone(dt.UTC)


def parse_datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def parse_window(earliest: str | None, latest: str | None) -> Window | None:
    if earliest is None or latest is None:
        return None
    return Window(dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest))


def commitment_columns(c: Commitment) -> dict[str, Any]:
    return {
        "speaker": c.speaker,
        "action": c.action,
        "kind": c.kind.value,
        "text": c.text,
        "expression": c.expression,
        "issued_earliest": c.issued.earliest.isoformat(),
        "issued_latest": c.issued.latest.isoformat(),
        "due_earliest": c.due.earliest.isoformat() if c.due else None,
        "due_latest": c.due.latest.isoformat() if c.due else None,
        "condition": c.condition,
        "stated": c.stated.value if c.stated else None,
        "due_at": c.due_at.isoformat() if c.due_at else None,
        "source_document": c.source.document,
        "source_start": c.source.start,
        "source_end": c.source.end,
        "source_url": c.source.url,
        "source_line": c.source.line,
    }


def commitment_from_row(row: Mapping[str, Any], *, id: str) -> Commitment:
    issued = parse_window(row["issued_earliest"], row["issued_latest"])
    assert issued is not None  # NOT NULL columns
    return Commitment(
        id=id,
        speaker=row["speaker"],
        action=row["action"],
        kind=Kind(row["kind"]),
        text=row["text"],
        expression=row["expression"],
        issued=issued,
        due=parse_window(row["due_earliest"], row["due_latest"]),
        condition=row["condition"],
        stated=Status(row["stated"]) if row["stated"] else None,
        due_at=parse_datetime(row["due_at"]) if row["due_at"] else None,
        source=Source(
            document=row["source_document"],
            start=row["source_start"],
            end=row["source_end"],
            url=row["source_url"],
            line=row["source_line"],
        ),
    )


def mention_from_row(row: Mapping[str, Any]) -> Mention:
    return Mention(
        commitment=commitment_from_row(row, id=row["mention_id"]),
        document=row["document"],
        published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
    )


def resolution_from_row(row: Mapping[str, Any]) -> Resolution:
    return Resolution(
        status=Status(row["status"]),
        on=dt.date.fromisoformat(row["resolved_on"]),
        note=row["note"],
        evidence=row["evidence"],
        recorded=parse_datetime(row["recorded"]),
    )
