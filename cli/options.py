"""Option types shared by the commands."""

from __future__ import annotations

import datetime as dt
import functools
import os
import zoneinfo
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click

from commitments import (
    FORMATS,
    Document,
    InputError,
    ReadFailure,
    normalize_format,
    read_sources,
)


class DateParam(click.ParamType[dt.date]):
    """An ISO 8601 calendar date (YYYY-MM-DD)."""

    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2025-09-03", param, ctx)


class ZoneParam(click.ParamType[str]):
    """An IANA time-zone name (Europe/Berlin, UTC)."""

    name = "TZ"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            zoneinfo.ZoneInfo(str(value))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.fail(
                f"{value!r} is not a time zone: use an IANA name such as Europe/Berlin", param, ctx
            )
        return str(value)


DATE = DateParam()
ZONE = ZoneParam()


def today() -> dt.date:
    """Today's local date: the CLI's default for --as-of (the library never reads the clock)."""
    return dt.datetime.now(dt.UTC).astimezone().date()


F = TypeVar("F", bound=Callable[..., Any])


@attrs.frozen(kw_only=True)
class Inputs:
    """How to read the inputs: the --published, --tz and --input-format options."""

    published: dt.date | None = None
    tz: str | None = None
    input_format: str | None = None

    def documents(self, sources: Sequence[str]) -> Iterator[Document | ReadFailure]:
        """Each source's document (with --published and --tz applied), or the
        :class:`ReadFailure` (an :class:`InputError`) that stopped it being read; a bad source
        never stops the rest."""
        for item in read_sources(sources, input_format=self.input_format):
            if isinstance(item, ReadFailure):
                yield item
                continue
            if self.published is not None:
                item = attrs.evolve(item, published=self.published)
            if self.tz is not None and item.tz is None:
                item = attrs.evolve(item, tz=self.tz)
            yield item


def _input_format(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalize_format(value)
    except InputError as exc:
        raise click.BadParameter(str(exc)) from exc


def input_options(function: F) -> F:
    """--published, --tz and --input-format, gathered into an ``inputs: Inputs`` argument."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        kwargs["inputs"] = Inputs(
            published=kwargs.pop("published"),
            tz=kwargs.pop("tz"),
            input_format=kwargs.pop("input_format"),
        )
        return function(*args, **kwargs)

    for option in (
        click.option(
            "--input-format",
            callback=_input_format,
            help="Read every input as this format instead of telling it from the name"
            " and content: " + ", ".join(FORMATS) + ".",
        ),
        click.option(
            "--tz",
            type=ZONE,
            help="Time zone (IANA name) for times of day, where the input names none.",
        ),
        click.option(
            "--published",
            type=DATE,
            help="Publication date for every input (else each input's own, else today).",
        ),
    ):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def max_jobs() -> int:
    """The most worker processes --jobs starts: four per CPU (more only add memory)."""
    return (os.cpu_count() or 1) * 4


def _capped_jobs(ctx: click.Context, param: click.Parameter, value: int) -> int:
    cap = max_jobs()
    if value > cap:
        click.echo(f"Note: --jobs {value} is more than this machine uses; taking {cap}.", err=True)
        return cap
    return value


def jobs_option(help: str) -> Callable[[F], F]:
    """``-j/--jobs N``: worker processes that extract (1, the default, extracts in-process),
    at most :func:`max_jobs`."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        callback=_capped_jobs,
        help=help + " At most four per CPU.",
    )


def aliases_option(function: F) -> F:
    """``--aliases FILE``: a TOML table of other names for speakers (``aliases: Path | None``)."""
    return click.option(
        "--aliases",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A TOML [aliases] table mapping other names of a speaker to one canonical name"
        ' ("Donald Trump" = ["Trump", "the US president"]).',
    )(function)
