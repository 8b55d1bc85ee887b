"""`timeline export FORMAT`: the store in a format other tools read (csv, timelinejs, markdown, ...)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from timeline.cli.completion import complete_format

if TYPE_CHECKING:
    from timeline.schema import Store

EDITING = ("csv", "xlsx")  # formats for editing in a spreadsheet and importing back


@click.command()
@click.argument("fmt", metavar="FORMAT", shell_complete=complete_format)
@click.argument("store", default="events.yaml", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File to write (default: stdout).")
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 byte order mark, so that Excel reads accents right.")
@click.option("--review", is_flag=True, help="Include candidate events (not yet reviewed), marked as such; csv always has every event.")
@click.option("-q", "--quiet", is_flag=True, help="No warnings on stderr.")
def export(fmt: str, store: Path, output: Path | None, bom: bool, review: bool, quiet: bool) -> None:
    """Write STORE (default events.yaml) as FORMAT: csv, xlsx, timelinejs, markdown or any builder's name.

    Publishing formats are refused, writing nothing, when a citation does not verify (as for
    `timeline build`); csv and xlsx, being for editing, are always written.

    \b
    Examples:
      timeline export csv -o events.csv --bom      # edit in a spreadsheet, then: timeline import csv events.csv
      timeline export xlsx -o events.xlsx          # every cell text; then: timeline import xlsx events.xlsx
      timeline export timelinejs -o timeline.json  # TimelineJS 3 JSON
      timeline export markdown -o handout.md       # dated list with citations
    """
    from timeline.builders import BuildContext, UnknownBuilder, builder_names, get_builder
    from timeline.check import check_store
    from timeline.fileio import write_atomic
    from timeline.store import load_store
    from timeline.terminal import printable

    if fmt == "xlsx" and output is None:
        raise click.UsageError("xlsx is a binary file: give -o FILE.xlsx")

    if fmt in EDITING:  # for editing: works on a store whose citations need fixing
        data, _doc = load_store(store)
        text: str | bytes = _editing(fmt, data, store, bom, quiet)
    else:
        try:
            builder = get_builder(fmt)
        except UnknownBuilder:
            known = ", ".join(sorted({*EDITING, *builder_names()}))
            raise click.UsageError(f"unknown format {fmt!r}; choose one of: {known}") from None
        data, texts, warnings = check_store(store)  # for publishing: every citation verified, as for build
        for warning in warnings if not quiet else []:
            click.echo(str(warning), err=True)
        made = builder(BuildContext(data, texts, store, {"review": review}))
        text = made.render()
        if isinstance(text, str) and builder.suffix in (".md", ".txt"):  # read in terminals and editors: no raw controls
            text = printable(text)
        for note in getattr(made, "notes", []) if not quiet else []:  # e.g. ics: events not dated to the day
            click.echo(f"{store}: {note}", err=True)
        omitted = 0 if review else sum(1 for e in data.events if e.status == "candidate")
        if omitted and not quiet:
            click.echo(f"{store}: {omitted} candidate events not yet reviewed are left out; --review includes them", err=True)
    if output is None:
        click.echo(text, nl=False)
        return
    write_atomic(output, text)
    if not quiet:
        click.echo(f"wrote {output} ({len(data.events)} events)", err=True)


def _editing(fmt: str, data: Store, store: Path, bom: bool, quiet: bool) -> str | bytes:
    """The store as a spreadsheet to edit (csv or xlsx), with a warning for cells too long for one."""
    from timeline.spreadsheet import long_cells

    for event_id in long_cells(data) if not quiet else []:
        click.echo(f"{store}: warning: event {event_id!r} has a cell longer than a spreadsheet cell holds (32,767 characters)", err=True)
    if fmt == "xlsx":
        from timeline.xlsxio import export_xlsx

        return export_xlsx(data)
    from timeline.csvio import export_csv

    return export_csv(data, bom=bom)
