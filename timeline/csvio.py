"""CSV export and import of events, for editing in a spreadsheet (the row model is timeline.spreadsheet).

Export guards cells a spreadsheet would run as formulas; import reads UTF-8 with or without a byte
order mark, any of the separators spreadsheets write, and refuses a file that a spreadsheet opened in
the wrong character set (see timeline.mojibake) with its line numbers.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from timeline.schema import Store
from timeline.spreadsheet import (COLUMNS, ImportReport, Origin, Row, Sheet, SheetError, check_header, guard,
                                  import_rows, long_cells, parse_cell, table, unguard)

__all__ = ["COLUMNS", "CsvError", "ImportReport", "export_csv", "import_csv", "long_cells", "parse_cell", "read_rows"]


class CsvError(SheetError):
    """A CSV file that cannot be imported; every problem names the CSV file and line."""


def export_csv(store: Store, bom: bool = False) -> str:
    """The events as CSV text (a UTF-8 byte order mark first when bom, for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for i, values in enumerate(table(store)):
        writer.writerow(values if i == 0 else [guard(v) for v in values])
    return ("\ufeff" if bom else "") + out.getvalue()


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """The header and rows of a CSV file (UTF-8, with or without a byte order mark)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return _rows(handle, path)
    except FileNotFoundError:
        raise CsvError.at("file not found", path) from None
    except UnicodeDecodeError:
        raise CsvError.at("is not UTF-8; save it as 'CSV UTF-8'", path) from None
    except csv.Error as exc:
        raise CsvError.at(f"not valid CSV: {exc}", path) from None


def _rows(handle: Any, path: Path) -> tuple[list[str], list[Row]]:
    first = handle.readline()
    handle.seek(0)
    reader = csv.reader(handle, delimiter=delimiter(first), strict=True)  # an unterminated quote is an error
    header = next(reader, None) or []
    check_header(header, Origin(path), CsvError)
    rows, line = [], reader.line_num + 1
    for values in reader:
        if len(values) > len(header) and any(v.strip() for v in values[len(header):]):
            raise CsvError.at(f"this row has {len(values)} cells but there are {len(header)} columns; "
                              "remove the extra cells or name their column", path, line)
        if any(v.strip() for v in values):
            cells = [unguard(v) for v in values] + [""] * (len(header) - len(values))
            rows.append(Row(line, dict(zip(header, cells))))
        line = reader.line_num + 1
    return header, rows


def delimiter(header_line: str) -> str:
    """The separator of a CSV file, from its header: ',' or, as spreadsheets set to some locales write, ';' or a tab."""
    names = {sep: [cell.strip().strip('"') for cell in header_line.split(sep)] for sep in (",", ";", "\t")}
    return next((sep for sep, cells in names.items() if _has_id(cells) and len(cells) > 1), ",")


def _has_id(cells: list[str]) -> bool:
    """Is one of the header cells 'id' (also behind a byte order mark read as text, to report that)?"""
    return "id" in cells or bool(cells and cells[0].endswith("id") and not cells[0][:-2].isalnum())


def import_csv(csv_path: Path | str, store_path: Path | str, delete_missing: bool = False) -> ImportReport:
    """Apply the edits of a CSV file to the store; raise CsvError (file:line) without writing on any problem."""
    csv_path = Path(csv_path)
    header, rows = read_rows(csv_path)
    return import_rows(Sheet(Origin(csv_path), header, rows, CsvError), store_path, delete_missing)
