"""`timeline extract` (being written)."""
from __future__ import annotations

import click


@click.command()
def extract() -> None:
    """Not available yet."""
    raise click.UsageError("timeline extract is being written")
