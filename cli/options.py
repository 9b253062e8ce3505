"""Option types shared by the commands."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import click


class DateParam(click.ParamType):
    """An ISO 8601 calendar date (YYYY-MM-DD)."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2025-09-03", param, ctx)


class ZoneParam(click.ParamType):
    """An IANA time-zone name (Europe/Berlin, UTC)."""

    name = "TZ"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            zoneinfo.ZoneInfo(str(value))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.fail(f"{value!r} is not a time zone: use an IANA name such as Europe/Berlin", param, ctx)
        return str(value)


DATE = DateParam()
ZONE = ZoneParam()


def today() -> dt.date:
    """Today's local date: the CLI's default for --as-of (the library never reads the clock)."""
    return dt.datetime.now(dt.UTC).astimezone().date()
