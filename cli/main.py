"""The ``commitments`` command: parse options, call the library, render."""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import sys
from typing import Any

import click

from commitments import CommitmentsError


class CommitmentsGroup(click.Group):
    """Turns library errors into ``Error: …`` and exit status 1, in one place.

    Commands are registered lazily (:meth:`lazy`): a command's module, and so the library
    modules it needs (dateparser, icalendar, sqlite3 …), is imported only when that command runs,
    so ``commitments --help`` starts at once.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: dict[str, tuple[str, str]] = {}

    def lazy(self, name: str, target: str, short_help: str) -> None:
        """Register command ``name``: the object ``module:attribute``, listed as ``short_help``."""
        self.lazy_commands[name] = (target, short_help)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module, _, attribute = self.lazy_commands[cmd_name][0].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list, from the registered help lines: no command module is imported."""
        names = self.list_commands(ctx)
        if not names:
            return
        rows = []  # whole lines, wrapped by the formatter if the terminal is narrow: never "..."
        for name in names:
            if name in self.commands:
                command = self.commands[name]
                if command.hidden:
                    continue
                rows.append((name, command.get_short_help_str(1000)))
            else:
                rows.append((name, self.lazy_commands[name][1]))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk shows here, not as a traceback at exit
            return result
        except CommitmentsError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # `commitments … | head` is fine
            sys.stderr.close()
            ctx.exit(0)
        except OSError as exc:
            if not _is_stdout_failure(exc):
                raise
            _drop_stdout()
            click.echo(f"Error: cannot write to standard output: {exc.strerror}", err=True)
            ctx.exit(1)


_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO") if hasattr(errno, name)
)


def _is_stdout_failure(exc: OSError) -> bool:
    """A write to standard output failed: a full disk (``> /dev/full``), a quota, an I/O error."""
    return exc.errno in _OUTPUT_ERRNOS


def _drop_stdout() -> None:
    """Discard what is still buffered for stdout, so that exit does not fail on it again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@click.group(cls=CommitmentsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="commitments", prog_name="commitments")
def main() -> None:
    """Find dated commitments in what people said, track them, publish them as calendars."""


def _register() -> None:
    """One line per command: its name, where it lives, its help line (checked by a test: the
    command's own ``short_help``, short enough for an 80-column terminal)."""
    main.lazy(
        "extract",
        "cli.extract:extract",
        "Print the commitments found in files, folders, URLs or stdin.",
    )
    main.lazy("add", "cli.add:add", "Track the commitments in files, folders or standard input.")
    main.lazy(
        "status", "cli.status:status", "Report what is expired, due soon, pending, kept or broken."
    )
    main.lazy("show", "cli.show:show", "Show one commitment: its window, mentions and history.")
    main.lazy(
        "publish",
        "cli.publish:publish",
        "Put the commitments into a CalDAV calendar (idempotent).",
    )
    main.lazy(
        "resolve", "cli.resolve:resolve", "Record that a commitment was kept, broken or withdrawn."
    )
    main.lazy(
        "record",
        "cli.record:record",
        "Show each speaker's track record: commitments made, kept, broken, lapsed, revised.",
    )
    main.lazy(
        "speakers",
        "cli.speakers:speakers",
        "List speakers with their aliases; merge or split them (reversible, recorded).",
    )
    main.lazy(
        "export",
        "cli.export:export",
        "Write the commitments as an iCalendar file: events or tasks.",
    )
    main.lazy(
        "report",
        "cli.report:report",
        "Write the status page as one HTML file: due soon, lapsed, kept, broken, and timelines.",
    )
    main.lazy(
        "serve", "cli.serve:serve", "Serve the commitments as calendar feeds for apps to subscribe."
    )


_register()
