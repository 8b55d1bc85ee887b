"""xlsx export and import of events (openpyxl, the `xlsx` extra): the CSV row model in a workbook.

Every cell is a text cell in a column formatted as text ('@'), so a spreadsheet never turns a date,
an id or a formula-looking title into a number, a date or a formula, also in cells typed later.
Import reads the sheet 'events' (else the first), refuses formulas and cells a spreadsheet converted
to dates, and then does what CSV import does; problems name the file, the sheet and the row.
"""
from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from timeline.errors import Problem, TimelineError
from timeline.schema import Store
from timeline.spreadsheet import COLUMNS, ImportReport, Origin, Row, Sheet, SheetError, check_header, import_rows, table

SHEET = "events"
TEXT = "@"
WIDTHS = {"id": 28, "date": 14, "title": 50, "summary": 60, "note": 30, "citations": 60, "disputes": 30}


class XlsxError(SheetError):
    """A workbook that cannot be imported; every problem names the file, the sheet and the row."""


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise TimelineError("xlsx needs openpyxl: pip install 'annotated-timeline[xlsx]'") from None
    return openpyxl


def export_xlsx(store: Store) -> bytes:
    """The events as an xlsx workbook: one sheet 'events', a header row, every cell text."""
    openpyxl = _openpyxl()
    from openpyxl.utils import get_column_letter

    rows = table(store)
    _refuse_illegal(rows)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    for r, values in enumerate(rows, 1):
        for c, text in enumerate(values, 1):
            _text_cell(sheet.cell(row=r, column=c), text)
    for c, name in enumerate(COLUMNS, 1):
        column = sheet.column_dimensions[get_column_letter(c)]
        column.number_format, column.width = TEXT, WIDTHS.get(name, 16)
    sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _refuse_illegal(rows: list[list[str]]) -> None:
    """Refuse control characters, which the XML of a workbook cannot hold (CSV can)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    problems = [Problem(f"column {COLUMNS[c]}: holds {ord(m.group(0)):#06x}, a control character an xlsx cell cannot "
                        "hold; remove it, or export csv", event_id=row[0])
                for row in rows[1:] for c, text in enumerate(row) if (m := ILLEGAL_CHARACTERS_RE.search(text))]
    if problems:
        raise XlsxError(problems)


def _text_cell(target: Any, text: str) -> None:
    """Store text as a string cell: never a formula, even when it starts with '='."""
    if text:
        target.value = text
        target.data_type = "s"
    target.number_format = TEXT


def read_sheet(path: Path) -> tuple[list[str], list[Row], Origin]:
    """The header and rows of the events sheet of a workbook, with where they come from."""
    book = _load(path)
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    origin = Origin(path, sheet.title)
    grid = list(sheet.iter_rows())
    header = [_header_text(c.value) for c in (grid[0] if grid else [])]
    while header and not header[-1]:
        header.pop()
    check_header(header, origin, XlsxError)
    problems: list[Problem] = []
    rows: list[Row] = []
    for r, cells in enumerate(grid[1:], 2):
        texts = [_cell_text(cells[i] if i < len(cells) else None, name, origin, r, problems) for i, name in enumerate(header)]
        if any(t.strip() for t in texts):
            rows.append(Row(r, dict(zip(header, texts))))
    if problems:
        raise XlsxError(problems)
    return header, rows, origin


def _load(path: Path) -> Any:
    openpyxl = _openpyxl()
    try:
        return openpyxl.load_workbook(path, read_only=False, data_only=False)
    except FileNotFoundError:
        raise XlsxError.at("file not found", path) from None
    except Exception as exc:  # openpyxl raises zipfile, KeyError and XML errors for a file that is not xlsx
        raise XlsxError.at(f"not an xlsx workbook ({type(exc).__name__}); save it as 'Excel 2007-365 (.xlsx)'", path) from None


def _header_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _cell_text(target: Any, column: str, origin: Origin, row: int, problems: list[Problem]) -> str:
    """A cell as the text CSV would hold: numbers without a spurious '.0'; formulas and dates refused."""
    value = None if target is None else target.value
    if value is None:
        return ""
    if getattr(target, "data_type", "s") == "f":
        problems.append(origin.problem(f"column {column}: a formula ({str(value)[:40]!r}); type the text itself", row))
        return ""
    if isinstance(value, (datetime, date, time)):
        problems.append(origin.problem(f"column {column}: the spreadsheet turned {value!s} into a date; format the "
                                       "column as text and type the date as 2015-05-09, 2015-05 or 2015", row))
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def import_xlsx(xlsx_path: Path | str, store_path: Path | str, delete_missing: bool = False) -> ImportReport:
    """Apply the edits of a workbook to the store; raise XlsxError (file, sheet, row) without writing on any problem."""
    header, rows, origin = read_sheet(Path(xlsx_path))
    return import_rows(Sheet(origin, header, rows, XlsxError), store_path, delete_missing)
