"""The `timeline` command: a thin layer that turns library errors into messages and exit codes."""
from __future__ import annotations

import contextlib
import errno
import importlib
import io
import os
import sys
from typing import Any

import click

from timeline import __version__
from timeline.errors import TimelineError
from timeline.terminal import printable

# Every command, by name, and where it lives; modules are imported only when used, so --help is instant.
COMMANDS: dict[str, str] = {
    "check": "timeline.cli.check:check",
    "build": "timeline.cli.build:build",
    "dates": "timeline.cli.dates:dates",
    "extract": "timeline.cli.extract:extract",
    "review": "timeline.cli.review:review",
    "schema": "timeline.cli.schema:schema",
    "export": "timeline.cli.export:export",
    "import": "timeline.cli.importcmd:import_",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            report(exc)
            ctx.exit(1)


def report(exc: TimelineError) -> None:
    """Print every problem on stderr, one per line, then a count."""
    for problem in exc.problems:
        click.echo(printable(str(problem)), err=True)
    errors = sum(1 for p in exc.problems if not p.warning)
    if errors > 1:
        click.echo(f"{errors} problems found.", err=True)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="timeline")
def cli() -> None:
    """Turn source texts into a cited, interactive timeline.

    \b
    Examples:
      timeline check events.yaml
      timeline build events.yaml -o output/
      timeline dates sources/ --json
    """


def main() -> None:
    """Console entry point. Ctrl-C is click's: 'Aborted!' and exit 1, never a traceback."""
    if sys.stdout is None:  # started with stdout closed: writing to it fails with a message, as a full disk does
        sys.stdout = _ClosedOutput()
    try:
        try:
            cli.main(prog_name="timeline")
        finally:
            sys.stdout.flush()
    except OSError as exc:
        if exc.errno not in OUTPUT_ERRORS:
            raise
        click.echo(f"timeline: cannot write the output: {exc.strerror or exc}", err=True)
        with contextlib.suppress(OSError, ValueError):  # what is still buffered goes nowhere, quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


OUTPUT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}


class _ClosedOutput(io.TextIOBase):
    """Stands for a closed stdout: every write fails as writing to a closed descriptor does."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")
