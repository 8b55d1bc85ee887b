"""`timeline dates` (being written)."""
from __future__ import annotations

import click


@click.command()
def dates() -> None:
    """Not available yet."""
    raise click.UsageError("timeline dates is being written")
