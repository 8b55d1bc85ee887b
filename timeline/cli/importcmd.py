"""`timeline import csv FILE --into STORE`: bring spreadsheet edits back into events.yaml."""
from __future__ import annotations

from pathlib import Path

import click


@click.group("import")
def import_() -> None:
    """Bring edits made in other tools back into the store.

    \b
    Example:
      timeline import csv events.csv --into events.yaml
    """


@import_.command("csv")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--into", "store", default="events.yaml", show_default=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The events file to update.")
@click.option("--delete-missing", is_flag=True, help="Remove events that have no row in FILE (default: keep them).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when all is well.")
def csv_command(file: Path, store: Path, delete_missing: bool, quiet: bool) -> None:
    """Apply the edits of FILE (as written by `timeline export csv`) to STORE.

    Only the fields that differ are changed, each in place: the rest of STORE stays byte for byte.
    Rows with a new id become new events. Any mistake is reported as FILE:LINE and nothing is written.

    \b
    Example:
      timeline export csv -o events.csv --bom
      (edit events.csv in a spreadsheet; keep the date column formatted as text)
      timeline import csv events.csv --into events.yaml
    """
    from timeline.csvio import import_csv
    from timeline.terminal import printable

    report = import_csv(file, store, delete_missing=delete_missing)
    if not quiet:
        for line in report.lines(store):
            click.echo(printable(line), err=True)
