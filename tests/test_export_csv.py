"""CSV export and import: export, import unchanged -> byte-identical store; one edit -> one changed line."""
from __future__ import annotations

import csv
import difflib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.check import check_store
from timeline.cli import COMMANDS, cli
from timeline.csvio import COLUMNS, CsvError, export_csv, import_csv, parse_cell
from timeline.store import load_store

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def commands(monkeypatch):
    """Until the lead registers them in COMMANDS."""
    monkeypatch.setitem(COMMANDS, "export", "timeline.cli.export:export")
    monkeypatch.setitem(COMMANDS, "import", "timeline.cli.importcmd:import_")


@pytest.fixture(params=["curate-basic", "shipped"])
def store(request, copy_root, tmp_path) -> Path:
    """The hand-formatted fixture, and a copy of the shipped events.yaml with its sources."""
    if request.param == "curate-basic":
        return copy_root("curate-basic") / "events.yaml"
    if not (REPO / "events.yaml").exists():
        pytest.skip("no events.yaml at the repository root")
    shutil.copy(REPO / "events.yaml", tmp_path / "events.yaml")
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    return tmp_path / "events.yaml"


def export(store: Path, *extra: str) -> Path:
    target = store.parent / "events.csv"
    result = CliRunner().invoke(cli, ["export", "csv", str(store), "-o", str(target), *extra])
    assert result.exit_code == 0, result.output
    return target


def import_(csv_file: Path, store: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["import", "csv", str(csv_file), "--into", str(store), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def rows(csv_file: Path) -> list[list[str]]:
    with open(csv_file, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(csv_file: Path, data: list[list[str]]) -> None:
    with open(csv_file, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(data)


def changed(before: str, after: str) -> list[str]:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), n=0)
    return [line.rstrip("\n") for line in lines if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_round_trip_without_edits_is_byte_identical(store):
    before = store.read_bytes()
    csv_file = export(store)
    code, out = import_(csv_file, store)
    assert code == 0, out
    assert "0 events changed, 0 added, 0 removed" in out
    assert store.read_bytes() == before


def test_round_trip_through_excel_bom(store):
    before = store.read_bytes()
    csv_file = export(store, "--bom")
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbfid,date,title")
    assert import_(csv_file, store)[0] == 0
    assert store.read_bytes() == before


def test_one_title_edit_changes_one_line(store):
    before = store.read_text(encoding="utf-8")
    csv_file = export(store)
    data = rows(csv_file)
    old_title = data[2][COLUMNS.index("title")]
    data[2][COLUMNS.index("title")] = "A new title: edited in a spreadsheet"
    write_rows(csv_file, data)
    code, out = import_(csv_file, store)
    assert code == 0, out
    lines = changed(before, store.read_text(encoding="utf-8"))
    assert len(lines) == 2 and lines[0].startswith("-") and old_title in lines[0]
    assert lines[1].startswith("+") and "title: " in lines[1] and "A new title: edited in a spreadsheet" in lines[1]
    check_store(store)


def test_every_field_can_be_edited(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    csv_file = export(store)
    data = rows(csv_file)
    row = data[2]  # amnesty-2015
    edits = {"date": "2015-05-09", "summary": "Ministry offers amnesty", "note": "Discuss: is amnesty wise?", "lane": "politics",
             "tags": "amnesty; returnees", "actors": "[\"Interior Ministry; police\"]", "places": "Dushanbe", "importance": "4.5",
             "status": "reviewed"}
    for column, value in edits.items():
        row[COLUMNS.index(column)] = value
    write_rows(csv_file, data)
    assert import_(csv_file, store)[0] == 0
    event = check_store(store)[0].event("amnesty-2015")
    assert (event.date, event.summary, event.note, event.lane, event.tags, event.actors, event.places, event.importance, event.status) == (
        "2015-05-09", "Ministry offers amnesty", "Discuss: is amnesty wise?", "politics", ["amnesty", "returnees"],
        ["Interior Ministry; police"], ["Dushanbe"], 4.5, "reviewed")
    # the edited store exports and imports back to itself
    edited = store.read_bytes()
    assert import_(export(store), store)[0] == 0 and store.read_bytes() == edited


def test_clearing_a_note_removes_the_key(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    before = store.read_text(encoding="utf-8")
    csv_file = export(store)
    data = rows(csv_file)
    data[1][COLUMNS.index("note")] = ""
    write_rows(csv_file, data)
    assert import_(csv_file, store)[0] == 0
    assert changed(before, store.read_text(encoding="utf-8")) == ["-    note: |", "-      Ask students: why Moscow?", "-      Compare with 1994."]


def test_new_row_becomes_a_candidate_and_missing_rows_are_kept_unless_asked(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    csv_file = export(store)
    data = rows(csv_file)
    citation = '[{"source": "accord", "quote": "ending five years of civil war", "offset": 142}]'
    data = [data[0], data[2], ["war-ends", "1997", "The civil war ends", "", "", "", "", "", "", "", "", citation, ""]]
    write_rows(csv_file, data)
    code, out = import_(csv_file, store)
    assert code == 0, out
    assert "1 event(s) not in the file were kept" in out
    result = check_store(store)[0]
    assert [e.id for e in result.events] == ["peace-accord", "amnesty-2015", "war-ends"]
    assert result.event("war-ends").status == "candidate"
    assert import_(csv_file, store, "--delete-missing")[0] == 0
    assert [e.id for e in check_store(store)[0].events] == ["amnesty-2015", "war-ends"]


def test_a_subset_of_columns_edits_only_those(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    before = store.read_text(encoding="utf-8")
    csv_file = store.parent / "titles.csv"
    write_rows(csv_file, [["id", "title"], ["peace-accord", "Peace accord signed in Moscow"]])
    assert import_(csv_file, store)[0] == 0
    assert changed(before, store.read_text(encoding="utf-8")) == [
        "-    title: Government and opposition sign the peace accord",
        "+    title: Peace accord signed in Moscow"]


def test_mistakes_are_reported_as_csv_file_and_line_and_nothing_is_written(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    before = store.read_bytes()
    csv_file = export(store)
    data = rows(csv_file)
    data[1][COLUMNS.index("date")] = "27/06/1997"
    data[2][COLUMNS.index("citations")] = "[{bad json"
    data[2][COLUMNS.index("importance")] = "very"
    data.append(list(data[1]))
    write_rows(csv_file, data)
    code, out = import_(csv_file, store)
    assert code == 1
    name = str(csv_file)
    assert f"{name}:2: event 'peace-accord': column date: '27/06/1997' is not EDTF" in out
    assert "format the date column as text" in out
    assert f"{name}:5: event 'amnesty-2015': column importance: 'very' is not a number" in out
    assert f"{name}:5: event 'amnesty-2015': column citations: not valid JSON" in out
    assert f"{name}:6: duplicate id 'peace-accord' (first on line 2)" in out
    assert store.read_bytes() == before


def test_store_level_mistakes_point_at_the_csv_row(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    before = store.read_bytes()
    csv_file = store.parent / "lanes.csv"
    write_rows(csv_file, [["id", "lane"], ["peace-accord", "sports"]])
    with pytest.raises(CsvError) as info:
        import_csv(csv_file, store)
    assert str(info.value).startswith(f"{csv_file}:2: event 'peace-accord': after the edit: unknown lane 'sports'")
    assert store.read_bytes() == before


def test_multiline_cells_keep_their_line_numbers(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    csv_file = store.parent / "multi.csv"
    write_rows(csv_file, [["id", "summary", "importance"], ["peace-accord", "two\nlines", "1"], ["amnesty-2015", "", "x"]])
    with pytest.raises(CsvError, match=r"multi.csv:4: event 'amnesty-2015': column importance"):
        import_csv(csv_file, store)


def test_unknown_column_is_refused(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    csv_file = store.parent / "x.csv"
    write_rows(csv_file, [["id", "titel"], ["peace-accord", "x"]])
    with pytest.raises(CsvError, match=r"x.csv:1: unknown column\(s\) 'titel'"):
        import_csv(csv_file, store)


@pytest.mark.parametrize("column, text, value", [
    ("tags", "a; b", ["a", "b"]), ("tags", '["a; b", "c"]', ["a; b", "c"]), ("tags", "", []),
    ("importance", "", 1.0), ("note", " ", None), ("status", "", "candidate"),
])
def test_cells_parse(column, text, value):
    assert parse_cell(column, text) == value


def test_unterminated_quote_is_refused_not_imported(store):
    text = export_csv(load_store(store)[0])
    first = text.splitlines()[1]
    broken = text.replace(first, first.replace(",", ',"unterminated', 1) , 1)
    csv_path = store.parent / "events.csv"
    csv_path.write_text(broken, encoding="utf-8")
    before = store.read_bytes()
    with pytest.raises(CsvError, match="not valid CSV"):
        import_csv(csv_path, store)
    assert store.read_bytes() == before


@pytest.mark.parametrize(("written", "value"), [("May 2015", "2015-05"), ("9 May 2015", "2015-05-09"), ("9 juin 2015", "2015-06-09")])
def test_a_date_written_in_words_is_read_at_its_precision(store, written, value):
    csv_file = export(store)
    data = rows(csv_file)
    data[2][COLUMNS.index("date")] = written
    write_rows(csv_file, data)
    code, out = import_(csv_file, store)
    assert code == 0, out
    assert [e.date for e in load_store(store)[0].events][1] == value


def test_a_numeric_date_a_spreadsheet_made_is_still_refused():
    assert parse_cell("date", "05/09/2015") == "05/09/2015", "left for validation to refuse with its hint"
