"""The ``commitments`` command: parse options, call the library, render."""

from __future__ import annotations

import sys
from typing import Any

import click

from commitments.errors import CommitmentsError


class CommitmentsGroup(click.Group):
    """Turns library errors into ``Error: …`` and exit status 1, in one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CommitmentsError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # `commitments … | head` is fine
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=CommitmentsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="commitments", prog_name="commitments")
def main() -> None:
    """Find dated commitments in what people said, track them, publish them as calendars."""


def _register() -> None:
    from cli import add, resolve, serve, show, status
    from cli import export as export_cmd
    from cli import extract as extract_cmd

    main.add_command(extract_cmd.extract)
    main.add_command(add.add)
    main.add_command(status.status)
    main.add_command(show.show)
    main.add_command(resolve.resolve)
    main.add_command(export_cmd.export)
    main.add_command(serve.serve)


_register()
