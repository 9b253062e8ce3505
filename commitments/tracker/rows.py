"""Rows to records and back: how a commitment, mention and resolution are laid out in the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from commitments.errors import DateError, InputError
from commitments.records import Commitment, Kind, Resolution, Source, Status, Window
from commitments.tracker.records import Mention

__all__ = [
    "check_commitment",
    "check_date",
    "check_moment",
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
    try:
        moment = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{text!r} is not a date and time: {exc}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{text!r} has no time zone")
    return moment


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)  # refuses a datetime ("2025-01-15T10:00:00")
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD): {exc}") from None


def parse_window(earliest: str | None, latest: str | None) -> Window | None:
    if earliest is None or latest is None:
        return None
    return Window(parse_date(earliest), parse_date(latest))


# -- what the store accepts ------------------------------------------------------------------


def check_date(value: object, what: str) -> None:
    """A date that is a date: not a datetime (which would be stored with its time)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise DateError(f"{what} must be a date (datetime.date, not a datetime), got {value!r}")


def check_moment(value: object, what: str) -> None:
    """A datetime with a time zone."""
    if not isinstance(value, dt.datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise DateError(
            f"{what} has no time zone: it must be a time-zone aware datetime, got {value!r}"
        )


def _check_window(window: object, what: str) -> None:
    if not isinstance(window, Window):
        raise DateError(f"{what} must be a Window, got {window!r}")
    check_date(window.earliest, f"{what}.earliest")
    check_date(window.latest, f"{what}.latest")
    if window.latest < window.earliest:
        raise DateError(f"{what} is inverted: {window.latest} is before {window.earliest}")


def check_commitment(c: Commitment) -> None:
    """Refuse a commitment the store could not read back: raises :class:`DateError` for a date
    that is a datetime, a naive time or an inverted window, :class:`InputError` for an unknown
    kind or status."""
    where = f"commitment {c.id!r}"
    if not isinstance(c.kind, Kind):
        raise InputError(f"{where}: kind {c.kind!r} is not one of {', '.join(Kind)}")
    if c.stated is not None and not isinstance(c.stated, Status):
        raise InputError(f"{where}: stated status {c.stated!r} is not one of {', '.join(Status)}")
    _check_window(c.issued, f"{where}: issued")
    if c.due is not None:
        _check_window(c.due, f"{where}: due")
    if c.due_at is not None:
        check_moment(c.due_at, f"{where}: due_at")
    if not isinstance(c.action, str) or not isinstance(c.text, str):
        raise InputError(f"{where}: action and text must be text")


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
        published=parse_date(row["published"]) if row["published"] else None,
    )


def resolution_from_row(row: Mapping[str, Any]) -> Resolution:
    return Resolution(
        status=Status(row["status"]),
        on=parse_date(row["resolved_on"]),
        note=row["note"],
        evidence=row["evidence"],
        recorded=parse_datetime(row["recorded"]),
    )
