"""`timeline import csv|xlsx FILE --into STORE`: bring spreadsheet edits back into events.yaml."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


@click.group("import")
def import_() -> None:
    """Bring edits made in other tools back into the store.

    \b
    Examples:
      timeline import csv events.csv --into events.yaml
      timeline import xlsx events.xlsx --into events.yaml
    """


def _options(func: F) -> F:
    """FILE, --into, --delete-missing and --quiet, the same for every spreadsheet format."""
    func = click.option("-q", "--quiet", is_flag=True, help="Print nothing when all is well.")(func)
    func = click.option("--delete-missing", is_flag=True, help="Remove events that have no row in FILE (default: keep them).")(func)
    func = click.option("--into", "store", default="events.yaml", show_default=True,
                        type=click.Path(path_type=Path, dir_okay=False), help="The events file to update.")(func)
    return click.argument("file", type=click.Path(path_type=Path, dir_okay=False))(func)


@import_.command("csv")
@_options
def csv_command(file: Path, store: Path, delete_missing: bool, quiet: bool) -> None:
    """Apply the edits of FILE (as written by `timeline export csv`) to STORE.

    Only the fields that differ are changed, each in place: the rest of STORE stays byte for byte.
    Rows with a new id become new events. Any mistake is reported as FILE:LINE and nothing is written;
    so is text damaged by opening the file in the wrong character set.

    \b
    Example:
      timeline export csv -o events.csv --bom
      (edit events.csv in a spreadsheet, opened as UTF-8; keep the date column formatted as text)
      timeline import csv events.csv --into events.yaml
    """
    from timeline.csvio import import_csv

    _print(import_csv(file, store, delete_missing=delete_missing).lines(store), quiet)


@import_.command("xlsx")
@_options
def xlsx_command(file: Path, store: Path, delete_missing: bool, quiet: bool) -> None:
    """Apply the edits of workbook FILE (as written by `timeline export xlsx`) to STORE.

    Reads the sheet 'events' (else the first). As for csv, only what differs is changed and any
    mistake is reported with its sheet and row, writing nothing. Needs the xlsx extra (openpyxl).

    \b
    Example:
      timeline export xlsx -o events.xlsx
      (edit events.xlsx in LibreOffice Calc or Excel, save as .xlsx)
      timeline import xlsx events.xlsx --into events.yaml
    """
    from timeline.xlsxio import import_xlsx

    _print(import_xlsx(file, store, delete_missing=delete_missing).lines(store), quiet)


def _print(lines: list[str], quiet: bool) -> None:
    from timeline.terminal import printable

    for line in lines if not quiet else []:
        click.echo(printable(line), err=True)
