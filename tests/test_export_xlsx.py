"""xlsx export and import: every cell text, the same row model and checks as CSV, problems by sheet and row."""
from __future__ import annotations

from datetime import datetime

import pytest
from click.testing import CliRunner

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is part of the test extra")

from timeline.cli import cli  # noqa: E402
from timeline.spreadsheet import COLUMNS  # noqa: E402

from test_export_csv import changed, store  # noqa: E402,F401  (store: the fixture, both stores)


def export(store_path, *extra):
    target = store_path.parent / "events.xlsx"
    result = CliRunner().invoke(cli, ["export", "xlsx", str(store_path), "-o", str(target), *extra])
    assert result.exit_code == 0, result.output
    return target


def import_(book, store_path, *extra):
    result = CliRunner().invoke(cli, ["import", "xlsx", str(book), "--into", str(store_path), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_round_trip_without_edits_is_byte_identical(store):
    before = store.read_bytes()
    code, out = import_(export(store), store)
    assert code == 0, out
    assert "0 events changed, 0 added, 0 removed" in out
    assert store.read_bytes() == before


def test_every_cell_is_text_in_a_text_column(store):
    sheet = openpyxl.load_workbook(export(store))["events"]
    assert [c.value for c in sheet[1]] == COLUMNS
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert cells and all(c.data_type == "s" and isinstance(c.value, str) for c in cells)
    assert all(c.number_format == "@" for row in sheet.iter_rows() for c in row)
    assert sheet.column_dimensions["B"].number_format == "@"  # dates typed later stay text too


def test_a_title_that_looks_like_a_formula_stays_text(copy_root):
    store_path = copy_root("curate-basic") / "events.yaml"
    book = export(store_path)
    wb = openpyxl.load_workbook(book)
    sheet = wb["events"]
    sheet.cell(row=2, column=COLUMNS.index("title") + 1).value = "=1+2 is not a sum"
    sheet.cell(row=2, column=COLUMNS.index("title") + 1).data_type = "s"
    wb.save(book)
    before = store_path.read_text(encoding="utf-8")
    code, out = import_(book, store_path)
    assert code == 0, out
    lines = changed(before, store_path.read_text(encoding="utf-8"))
    assert len(lines) == 2 and "=1+2 is not a sum" in lines[1]
    sheet = openpyxl.load_workbook(export(store_path))["events"]
    assert sheet.cell(row=2, column=COLUMNS.index("title") + 1).data_type == "s"


def test_mistakes_name_the_sheet_and_row_and_nothing_is_written(copy_root):
    store_path = copy_root("curate-basic") / "events.yaml"
    before = store_path.read_bytes()
    book = export(store_path)
    wb = openpyxl.load_workbook(book)
    sheet = wb["events"]
    col = {name: i + 1 for i, name in enumerate(COLUMNS)}
    sheet.cell(row=2, column=col["date"]).value = datetime(1997, 6, 27)  # what a double-click on a date cell makes
    sheet.cell(row=3, column=col["importance"]).value = "very"
    sheet.cell(row=3, column=col["summary"]).value = "=A1"  # a formula
    sheet.cell(row=4, column=col["id"]).value = sheet.cell(row=2, column=col["id"]).value
    wb.save(book)
    code, out = import_(book, store_path)
    assert code == 1 and "Traceback" not in out
    assert f"{book}, sheet 'events', row 2: column date: the spreadsheet turned 1997-06-27 00:00:00 into a date" in out
    assert f"{book}, sheet 'events', row 3: column summary: a formula" in out
    assert store_path.read_bytes() == before
    sheet.cell(row=2, column=col["date"]).value = "1997-06-27"
    sheet.cell(row=3, column=col["summary"]).value = "plain"
    wb.save(book)
    code, out = import_(book, store_path)
    assert code == 1
    assert f"{book}, sheet 'events', row 3: event 'amnesty-2015': column importance: 'very' is not a number" in out
    assert f"{book}, sheet 'events', row 4: duplicate id 'peace-accord' (first on row 2)" in out
    assert store_path.read_bytes() == before


def test_damaged_text_is_refused_as_in_csv(copy_root):
    store_path = copy_root("curate-basic") / "events.yaml"
    before = store_path.read_bytes()
    book = export(store_path)
    wb = openpyxl.load_workbook(book)
    wb["events"].cell(row=3, column=COLUMNS.index("summary") + 1).value = "Refugees return to Kurgan-TyubeÂ â€” at last"
    wb.save(book)
    code, out = import_(book, store_path)
    assert code == 1
    assert f"{book}, sheet 'events', row 3: event 'amnesty-2015': column summary: " in out
    assert "re-open the file as UTF-8" in out
    assert store_path.read_bytes() == before


def test_xlsx_needs_an_output_file_and_a_workbook(copy_root):
    store_path = copy_root("curate-basic") / "events.yaml"
    result = CliRunner().invoke(cli, ["export", "xlsx", str(store_path)])
    assert result.exit_code == 2 and "-o" in result.output
    not_a_book = store_path.parent / "events.xlsx"
    not_a_book.write_text("id,date\n", encoding="utf-8")
    code, out = import_(not_a_book, store_path)
    assert code == 1 and f"{not_a_book}: not an xlsx workbook" in out


def test_control_characters_an_xlsx_cannot_hold_are_refused_by_event(copy_root):
    from timeline.schema import Store
    from timeline.store import load_store
    from timeline.xlsxio import XlsxError, export_xlsx

    data, _ = load_store(copy_root("curate-basic") / "events.yaml")
    changed = data.model_dump()
    changed["events"][1]["title"] = "a bell \x07 in the title"
    with pytest.raises(XlsxError, match=r"event 'amnesty-2015': column title: holds 0x0007"):
        export_xlsx(Store.model_validate(changed))


def test_without_openpyxl_a_clear_message(copy_root, monkeypatch):
    import sys

    store_path = copy_root("curate-basic") / "events.yaml"
    book = export(store_path)
    before = store_path.read_bytes()
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl raises ImportError
    for args in (["export", "xlsx", str(store_path), "-o", str(store_path.parent / "new.xlsx")],
                 ["import", "xlsx", str(book), "--into", str(store_path)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1 and "pip install 'annotated-timeline[xlsx]'" in result.output, result.output
    assert store_path.read_bytes() == before and not (store_path.parent / "new.xlsx").exists()
