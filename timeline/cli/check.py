"""`timeline check`: validate events.yaml and verify every citation against its source."""
from __future__ import annotations

from pathlib import Path

import click

from timeline.check import check_store


@click.command()
@click.argument("store", default="events.yaml", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--strict", is_flag=True, help="Treat warnings (inferred publication dates, missing hashes) as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when all is well.")
def check(store: Path, strict: bool, quiet: bool) -> None:
    """Validate STORE (default events.yaml) and verify every citation's quote at its offset.

    Prints every problem as file:line: message and exits 1 if there are any.

    \b
    Example:
      timeline check events.yaml --strict
    """
    result, _texts, warnings = check_store(store, strict=strict)
    for warning in warnings:
        click.echo(str(warning), err=True)
    if not quiet:
        citations = sum(len(e.citations) for e in result.events)
        click.echo(f"{store}: ok: {len(result.events)} events, {citations} citations, {len(result.sources)} sources", err=True)
