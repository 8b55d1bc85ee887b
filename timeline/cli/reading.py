"""What `timeline dates` and `timeline extract` share: the --published check and the closing report."""
from __future__ import annotations

import sys

import click

from timeline.errors import Problem
from timeline.terminal import printable


def checked_published(published: str | None, problems: list[Problem]) -> str | None:
    """A valid --published, or None with a problem (the texts' own dates are used instead), shown at once."""
    from timeline.dates import EdtfError, parse

    if published is None:
        return None
    try:
        parse(published)
    except EdtfError as exc:
        problems.append(Problem(f"--published: {exc}; ignored, reference dates are taken from the texts"))
        click.echo(f"error: {printable(problems[-1].message)}", err=True)
        return None
    return published.strip()


def finish(problems: list[Problem], quiet: bool) -> None:
    """Report reading problems on stderr (the --published one was shown already); exit 1 if anything was
    skipped or wrong."""
    errors = [p for p in problems if not p.warning]
    for problem in problems:
        if (problem.warning and quiet) or (problem.file is None and problem.message.startswith("--published")):
            continue
        click.echo(printable(str(problem)), err=True)
    if errors:
        click.echo(f"{len(errors)} problem(s); the rest was processed.", err=True)
        sys.exit(1)
