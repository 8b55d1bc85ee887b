"""`timeline schema`: write the JSON Schema of events.yaml (for editors' completion and validation)."""
from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("-o", "--output", default="events.schema.json", show_default=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the schema; '-' for stdout.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if OUTPUT is not the schema of the current models.")
@click.option("--store", "store_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="List this store's lane and source ids as the only values allowed (completion, misspellings).")
def schema(output: Path, check: bool, store_path: Path | None) -> None:
    """Write the JSON Schema of events.yaml, generated from timeline's models.

    Reference it from the first line of events.yaml so that VS Code (YAML extension) completes keys,
    shows their documentation and flags mistakes while you type:

    \b
      # yaml-language-server: $schema=./events.schema.json

    \b
    Examples:
      timeline schema
      timeline schema --check    # in CI: is the committed schema up to date?
      timeline schema --store events.yaml    # lane: and source: complete to this store's ids
    """
    from timeline.errors import TimelineError
    from timeline.fileio import write_atomic
    from timeline.jsonschema import is_current, schema_text
    from timeline.store import load_store

    store = load_store(store_path)[0] if store_path else None
    if check:
        if not is_current(output, store):
            raise TimelineError.at("is not the schema of the current models; run `timeline schema` and commit it", output)
        click.echo(f"{output}: up to date", err=True)
        return
    if str(output) == "-":
        click.echo(schema_text(store), nl=False)
        return
    write_atomic(output, schema_text(store))
    click.echo(f"wrote {output}", err=True)
