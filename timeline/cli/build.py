"""`timeline build` (being written)."""
from __future__ import annotations

import click


@click.command()
def build() -> None:
    """Not available yet."""
    raise click.UsageError("timeline build is being written")
