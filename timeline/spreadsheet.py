"""The row model shared by the CSV and xlsx formats: one row per event, the cells, and the import.

Scalar fields are plain cells; tags, actors and places are `a; b; c` (a JSON array when an item itself
holds a ';'); citations and disputes are JSON arrays, so nothing is lost.

Import applies only what differs from the store, field by field, through the same text-splicing
editor as `timeline review`: export, then import without edits, leaves events.yaml byte-identical;
changing one title in the spreadsheet changes one line of events.yaml. Columns missing from the file
are left alone; rows for ids not in the store become new events; events without a row are kept
unless delete_missing is set. The edited store is verified (citations included) before anything is
written, and text damaged by a wrong character set is refused.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from timeline.curate.editing import dump_model, edit_store
from timeline.errors import Problem, StoreError, TimelineError
from timeline.mojibake import BOM_AS_TEXT, mojibake, repaired
from timeline.schema import Event, Store
from timeline.yamledit import YamlEditor

COLUMNS = ["id", "date", "title", "summary", "note", "lane", "tags", "actors", "places", "importance", "status",
           "citations", "disputes"]
LISTS = ("tags", "actors", "places")
JSON_COLUMNS = ("citations", "disputes")
EXCEL_CELL_LIMIT = 32767
REOPEN = "re-open the file as UTF-8 (LibreOffice: Character set 'Unicode (UTF-8)' in the import dialog) and save it again"


class SheetError(TimelineError):
    """A spreadsheet (CSV or xlsx) that cannot be imported; every problem names the file and line or row."""


@dataclass(frozen=True)
class Origin:
    """Where rows come from, for messages: a CSV file (lines) or one sheet of a workbook (rows)."""

    path: Path
    sheet: str | None = None

    def problem(self, message: str, line: int | None, event_id: str | None = None) -> Problem:
        """A problem at one line of a CSV file, or one row of a sheet."""
        if self.sheet is None:
            return Problem(message, str(self.path), line, event_id)
        return Problem(message, f"{self.path}, sheet {self.sheet!r}" + (f", row {line}" if line else ""), None, event_id)

    @property
    def unit(self) -> str:
        """What a row's number counts: 'line' in a CSV file, 'row' in a sheet."""
        return "line" if self.sheet is None else "row"


# ----- cells ----------------------------------------------------------------------------------------


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _formula(text: str) -> bool:
    """Would a spreadsheet run this cell as a formula (also once a leading ' guard is removed)?"""
    return text.startswith(FORMULA_START) or (text.startswith("'") and _formula(text[1:]))


def guard(text: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with ' (CSV injection); unguard() undoes it exactly."""
    return "'" + text if _formula(text) else text


def unguard(text: str) -> str:
    """The editor's text of a cell written by guard()."""
    return text[1:] if text.startswith("'") and _formula(text[1:]) else text


def cell(event: Event, column: str) -> str:
    """One field of an event as cell text."""
    value = getattr(event, column)
    if column in LISTS:
        return _list_cell(value)
    if column in JSON_COLUMNS:
        data = [dump_model(v) if column == "disputes" else v.model_dump(mode="json") for v in value]
        return json.dumps(data, ensure_ascii=False) if data else ""
    if column == "importance":
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return "" if value is None else str(value)


def _list_cell(items: list[str]) -> str:
    if all(item and ";" not in item and item == item.strip() and not item.startswith("[") for item in items):
        return "; ".join(items)
    return json.dumps(items, ensure_ascii=False)


def table(store: Store) -> list[list[str]]:
    """The header and one row of cell texts per event."""
    return [list(COLUMNS)] + [[cell(event, column) for column in COLUMNS] for event in store.events]


def long_cells(store: Store) -> list[str]:
    """Events with a cell longer than a spreadsheet cell can hold (Excel: 32,767 characters)."""
    return [e.id for e in store.events if any(len(cell(e, c)) > EXCEL_CELL_LIMIT for c in COLUMNS)]


def parse_cell(column: str, text: str) -> Any:
    """A cell's value as the store holds it; raises ValueError with a hint."""
    if column in LISTS:
        if text.strip().startswith("["):
            return _json(text, list)
        return [part.strip() for part in text.split(";") if part.strip()]
    if column in JSON_COLUMNS:
        return _json(text, list) if text.strip() else []
    if column == "importance":
        try:
            return float(text) if text.strip() else 1.0
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
    if column == "status":
        return text.strip() or "candidate"
    if column in ("note", "lane"):
        return text if text.strip() else None
    if column == "date":
        return _written_date(text)
    return text


def _written_date(text: str) -> str:
    """A date cell: EDTF as it is; a date written in words ('May 2015', '9 juin 2015') read at its precision.
    Numbers alone ('05/09/2015') are left for validation to refuse: day or month first cannot be known."""
    from timeline.dates import is_valid
    from timeline.extract.timex.typed import read_date

    if is_valid(text.strip()) or not re.search(r"[^\W\d_]", text):
        return text
    return read_date(text) or text


def _json(text: str, kind: type) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(value, kind):
        raise ValueError(f"must be a JSON {kind.__name__}")
    return value


# ----- header ---------------------------------------------------------------------------------------


def check_header(header: list[str], origin: Origin, error: type[SheetError] = SheetError) -> None:
    """Refuse a header row without id, with unknown or repeated columns, or damaged by a wrong character set."""
    if header and header[0].startswith(BOM_AS_TEXT):
        raise error(origin.problem(f"the first column is named {header[0]!r}: a byte order mark was read as text, "
                                   f"so the file was opened in the wrong character set; {REOPEN}", 1))
    if not header or "id" not in header:
        raise error(origin.problem("the first row must be the column names, including id", 1))
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise error(origin.problem(f"unknown column(s) {', '.join(map(repr, unknown))}; columns are: {', '.join(COLUMNS)}", 1))
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        raise error(origin.problem(f"column(s) {', '.join(map(repr, twice))} appear more than once; keep one of each", 1))


# ----- import ---------------------------------------------------------------------------------------


@dataclass
class Row:
    """One spreadsheet row: the line (CSV) or row number (sheet) it starts on, and its cells by column."""

    line: int
    cells: dict[str, str]


@dataclass
class ImportReport:
    """What an import changed."""

    changed: dict[str, list[str]] = field(default_factory=dict)  # event id -> fields changed
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # events with no row, left in the store

    def lines(self, store: Path) -> list[str]:
        """The report for a terminal."""
        out = [f"{store}: {len(self.changed)} events changed, {len(self.added)} added, {len(self.removed)} removed"]
        out += [f"  ~ {i}: {', '.join(fields)}" for i, fields in self.changed.items()]
        out += [f"  + {i}" for i in self.added]
        out += [f"  - {i}" for i in self.removed]
        if self.kept:
            out.append(f"  {len(self.kept)} event(s) not in the file were kept (use --delete-missing to remove them)")
        return out


@dataclass
class Sheet:
    """Rows read from a CSV file or a sheet, ready to import."""

    origin: Origin
    header: list[str]
    rows: list[Row]
    error: type[SheetError] = SheetError


def import_rows(sheet: Sheet, store_path: Path | str, delete_missing: bool = False) -> ImportReport:
    """Apply the rows to the store; raise sheet.error (file:line or sheet and row) without writing on any problem."""
    report = ImportReport()

    def plan(store: Store, editor: YamlEditor) -> ImportReport:
        events = _parsed(sheet, store)
        index = {e.id: i for i, e in enumerate(store.events)}
        new: list[Event] = []
        for event, _row in events:
            if event.id in index:
                _apply(editor, index[event.id], store.events[index[event.id]], event, sheet.header, report)
            else:
                new.append(event)
        if new:
            editor.append(("events",), [dump_model(e, keep=("status",)) for e in new])
            report.added += [e.id for e in new]
        seen = {e.id for e, _ in events}
        missing = [i for i, e in enumerate(store.events) if e.id not in seen]
        if delete_missing and missing:
            editor.remove(("events",), missing)
        (report.removed if delete_missing else report.kept).extend(store.events[i].id for i in missing)
        return report

    try:
        return edit_store(Path(store_path), plan)
    except StoreError as exc:
        lines = {r.cells.get("id", ""): r.line for r in sheet.rows}
        raise sheet.error([_relocated(p, sheet.origin, lines) for p in exc.problems]) from None


def _relocated(problem: Problem, origin: Origin, lines: dict[str, int]) -> Problem:
    """A problem found in the edited store, pointed at the row it came from when there is one."""
    if problem.event_id in lines:
        message = problem.message.replace(" (nothing was written)", "") + " (nothing was written)"
        return origin.problem(message, lines[problem.event_id], problem.event_id)
    return problem


def _parsed(sheet: Sheet, store: Store) -> list[tuple[Event, Row]]:
    problems: list[Problem] = []
    out: list[tuple[Event, Row]] = []
    seen: dict[str, int] = {}
    existing = {e.id: e for e in store.events}
    for row in sheet.rows:
        event_id = row.cells["id"].strip()
        if event_id in seen:
            problems.append(sheet.origin.problem(f"duplicate id {event_id!r} (first on {sheet.origin.unit} "
                                                 f"{seen[event_id]})", row.line))
            continue
        seen[event_id] = row.line
        damaged = _damaged(sheet, row, existing.get(event_id))
        problems += damaged
        event = None if damaged else _row_event(sheet, row, existing, problems)
        if event is not None:
            out.append((event, row))
    if problems:
        raise sheet.error(problems)
    return out


def _damaged(sheet: Sheet, row: Row, existing: Event | None) -> list[Problem]:
    """Cells whose new text holds UTF-8 read in a single-byte character set ('â€™' for '’')."""
    problems = []
    for column in sheet.header:
        text = row.cells[column]
        stretch = mojibake(text)
        if stretch is None or (existing is not None and column != "id" and cell(existing, column) == text):
            continue  # text already in the store is the store's own business (`timeline check`)
        problems.append(sheet.origin.problem(
            f"column {column}: {stretch!r} is {repaired(stretch)!r} read in the wrong character set; {REOPEN} "
            "(nothing was written)", row.line, row.cells["id"].strip() or None))
    return problems


def _row_event(sheet: Sheet, row: Row, events: dict[str, Event], problems: list[Problem]) -> Event | None:
    event_id = row.cells["id"].strip()
    existing = events.get(event_id)
    data: dict[str, Any] = existing.model_dump(mode="json") if existing else {}
    data["id"] = event_id
    bad = False
    for column in sheet.header:
        try:
            data[column] = parse_cell(column, row.cells[column]) if column != "id" else event_id
        except ValueError as exc:
            problems.append(sheet.origin.problem(f"column {column}: {exc}", row.line, event_id or None))
            bad = True
    if bad:
        return None
    try:
        return Event.model_validate(data)
    except ValidationError as exc:
        problems += [sheet.origin.problem(f"column {_message(err, row, event_id)}", row.line, event_id or None)
                     for err in exc.errors()]
        return None


def _message(err: Any, row: Row, event_id: str) -> str:
    """A validation error of a row's event, with a hint for the mistakes spreadsheets make."""
    where = ".".join(str(p) for p in err["loc"])
    message = err["msg"].removeprefix("Value error, ")
    written = row.cells.get("date", "").strip()
    if where == "date" and re.match(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$", written):
        message = (f"{written!r} is not EDTF; write 2015-05-09 (a spreadsheet may have converted the date: "
                   "format the date column as text)")
    if err["type"] == "missing":
        message = f"missing (the file has no {err['loc'][0]!r} column and {event_id!r} is a new event)"
    return f"{where}: {message}"


def _apply(editor: YamlEditor, i: int, old: Event, new: Event, header: list[str], report: ImportReport) -> None:
    """Edit only the fields of event i whose value differs."""
    fields = [c for c in COLUMNS if c in header and c != "id"]
    order = list(Event.model_fields)
    for name in fields:
        before, after = getattr(old, name), getattr(new, name)
        if _same(before, after):
            continue
        report.changed.setdefault(old.id, []).append(name)
        if after is None:
            editor.delete_key(("events", i), name)
            continue
        value = after if not isinstance(after, list) or name in LISTS else [_data(v) for v in after]
        follows = tuple(order[order.index(name) + 1:])
        editor.set(("events", i), name, value, before=follows)


def _data(model: Any) -> dict[str, Any]:
    data = dump_model(model)
    return data if "quote" not in data else {"source": model.source, "quote": model.quote, "offset": model.offset}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return [getattr(x, "model_dump", lambda: x)() for x in a] == [getattr(x, "model_dump", lambda: x)() for x in b]
    return bool(a == b) or (not a and not b and a is not b and {a, b} <= {None, ""})
