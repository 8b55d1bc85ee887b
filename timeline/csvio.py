"""CSV export and import of events, for editing in a spreadsheet.

One row per event. Scalar fields are plain cells; tags, actors and places are `a; b; c` (a JSON array
when an item itself holds a ';'); citations and disputes are JSON arrays, so nothing is lost.

Import applies only what differs from the store, field by field, through the same text-splicing
editor as `timeline review`: export, then import without edits, leaves events.yaml byte-identical;
changing one title in the spreadsheet changes one line of events.yaml. Columns missing from the CSV
are left alone; rows for ids not in the store become new events; events without a row are kept
unless delete_missing is set.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from timeline.curate.editing import dump_model, edit_store
from timeline.errors import Problem, StoreError, TimelineError
from timeline.schema import Event, Store
from timeline.yamledit import YamlEditor

COLUMNS = ["id", "date", "title", "summary", "note", "lane", "tags", "actors", "places", "importance", "status",
           "citations", "disputes"]
LISTS = ("tags", "actors", "places")
JSON_COLUMNS = ("citations", "disputes")
EXCEL_CELL_LIMIT = 32767


class CsvError(TimelineError):
    """A CSV file that cannot be imported; every problem names the CSV file and line."""


# ----- export ---------------------------------------------------------------------------------------


def export_csv(store: Store, bom: bool = False) -> str:
    """The events as CSV text (a UTF-8 byte order mark first when bom, for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in store.events:
        writer.writerow([guard(cell(event, column)) for column in COLUMNS])
    return ("\ufeff" if bom else "") + out.getvalue()


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
    """One field of an event as CSV cell text."""
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


def long_cells(store: Store) -> list[str]:
    """Events with a cell longer than a spreadsheet cell can hold (Excel: 32,767 characters)."""
    return [e.id for e in store.events if any(len(cell(e, c)) > EXCEL_CELL_LIMIT for c in COLUMNS)]


# ----- import ---------------------------------------------------------------------------------------


@dataclass
class Row:
    """One CSV row: the line it starts on and its cells by column."""

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
            out.append(f"  {len(self.kept)} event(s) not in the CSV were kept (use --delete-missing to remove them)")
        return out


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
    header = next(reader, None)
    if not header or "id" not in header:
        raise CsvError.at("the first row must be the column names, including id", path, 1)
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise CsvError.at(f"unknown column(s) {', '.join(map(repr, unknown))}; columns are: {', '.join(COLUMNS)}", path, 1)
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        raise CsvError.at(f"column(s) {', '.join(map(repr, twice))} appear more than once; keep one of each", path, 1)
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
    return next((sep for sep, cells in names.items() if "id" in cells and len(cells) > 1), ",")


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


def import_csv(csv_path: Path | str, store_path: Path | str, delete_missing: bool = False) -> ImportReport:
    """Apply the edits of a CSV file to the store; raise CsvError (file:line) without writing on any problem."""
    csv_path, store_path = Path(csv_path), Path(store_path)
    header, rows = read_rows(csv_path)
    report = ImportReport()

    def plan(store: Store, editor: YamlEditor) -> ImportReport:
        events = _parsed(rows, header, store, csv_path)
        index = {e.id: i for i, e in enumerate(store.events)}
        new: list[Event] = []
        for event, _row in events:
            if event.id in index:
                _apply(editor, index[event.id], store.events[index[event.id]], event, header, report)
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
        return edit_store(store_path, plan)
    except StoreError as exc:
        lines = {r.cells.get("id", ""): r.line for r in rows}
        raise CsvError([_relocated(p, csv_path, lines) for p in exc.problems]) from None


def _relocated(problem: Problem, csv_path: Path, lines: dict[str, int]) -> Problem:
    """A problem found in the edited store, pointed at the CSV row it came from when there is one."""
    if problem.event_id in lines:
        return Problem(problem.message.replace(" (nothing was written)", "") + " (nothing was written)",
                       str(csv_path), lines[problem.event_id], problem.event_id)
    return problem


def _parsed(rows: list[Row], header: list[str], store: Store, csv_path: Path) -> list[tuple[Event, Row]]:
    problems: list[Problem] = []
    out: list[tuple[Event, Row]] = []
    seen: dict[str, int] = {}
    existing = {e.id: e for e in store.events}
    for row in rows:
        event_id = row.cells["id"].strip()
        if event_id in seen:
            problems.append(Problem(f"duplicate id {event_id!r} (first on line {seen[event_id]})", str(csv_path), row.line))
            continue
        seen[event_id] = row.line
        event = _row_event(row, header, existing, csv_path, problems)
        if event is not None:
            out.append((event, row))
    if problems:
        raise CsvError(problems)
    return out


def _row_event(row: Row, header: list[str], events: dict[str, Event], csv_path: Path, problems: list[Problem]) -> Event | None:
    event_id = row.cells["id"].strip()
    existing = events.get(event_id)
    data: dict[str, Any] = existing.model_dump(mode="json") if existing else {}
    data["id"] = event_id
    bad = False
    for column in header:
        try:
            data[column] = parse_cell(column, row.cells[column]) if column != "id" else event_id
        except ValueError as exc:
            problems.append(Problem(f"column {column}: {exc}", str(csv_path), row.line, event_id or None))
            bad = True
    if bad:
        return None
    try:
        return Event.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"])
            message = err["msg"].removeprefix("Value error, ")
            if where == "date" and re.match(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$", row.cells.get("date", "").strip()):
                message = f"{row.cells['date'].strip()!r} is not EDTF; write 2015-05-09 (a spreadsheet may have converted the date: format the date column as text)"
            if err["type"] == "missing":
                message = f"missing (the CSV has no {err['loc'][0]!r} column and {event_id!r} is a new event)"
            problems.append(Problem(f"column {where}: {message}", str(csv_path), row.line, event_id or None))
        return None


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
