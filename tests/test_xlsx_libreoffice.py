"""Round trips through a real spreadsheet: LibreOffice Calc, headless, saves what it opened.

export xlsx -> LibreOffice saves it -> import: events.yaml byte-identical. One title changed in a file
LibreOffice then saves as xlsx -> import: only that line changes. A CSV that LibreOffice opened as
Windows-1252 (its default for CSV on many systems) and saved as UTF-8 -> import refused, nothing written.
"""
from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from timeline.spreadsheet import COLUMNS

from test_export_csv import changed, export as export_csv, import_ as import_csv, store  # noqa: F401
from test_export_xlsx import export as export_xlsx, import_ as import_xlsx

pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is part of the test extra")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                "apt-get install libreoffice-calc-nogui (CI installs it)")
TEXT_COLUMNS = "/".join(f"{i}/2" for i in range(1, len(COLUMNS) + 1))  # every column typed as Text
UTF8, CP1252 = 76, 1  # LibreOffice's numbers for the character sets
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1"  # comma, double quote, UTF-8, from line 1


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> str:
    """A LibreOffice user profile of its own, so that a running LibreOffice cannot interfere."""
    return (tmp_path_factory.mktemp("lo-profile")).as_uri()


def calc(profile: str, source: Path, convert_to: str, infilter: str | None = None) -> Path:
    """Open source in LibreOffice Calc and save it again (as convert_to) into a fresh folder."""
    outdir = source.parent / f"lo-{source.suffix[1:]}-{convert_to.split(':')[0]}"
    outdir.mkdir(exist_ok=True)
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += [f"--infilter={infilter}"] if infilter else []
    command += ["--convert-to", convert_to, "--outdir", str(outdir), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    saved = outdir / f"{source.stem}.{convert_to.split(':')[0]}"
    assert saved.exists(), f"LibreOffice wrote nothing for {source}"
    return saved


def csv_filter(charset: int) -> str:
    return f"CSV:44,34,{charset},1,{TEXT_COLUMNS}"


def test_xlsx_saved_by_libreoffice_imports_byte_identical(store, profile):
    before = store.read_bytes()
    saved = calc(profile, export_xlsx(store), "xlsx")
    code, out = import_xlsx(saved, store)
    assert code == 0, out
    assert "0 events changed, 0 added, 0 removed" in out
    assert store.read_bytes() == before


def test_one_title_edited_through_libreoffice_changes_one_line(store, profile):
    before = store.read_text(encoding="utf-8")
    as_csv = calc(profile, export_xlsx(store), CSV_OUT)  # LibreOffice's own CSV of the workbook
    with open(as_csv, encoding="utf-8", newline="") as handle:
        data = list(csv.reader(handle))
    old_title = data[2][COLUMNS.index("title")]
    data[2][COLUMNS.index("title")] = "Edited in Calc: a new title"
    with open(as_csv, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(data)
    saved = calc(profile, as_csv, "xlsx", infilter=csv_filter(UTF8))  # and its workbook of the edited CSV
    code, out = import_xlsx(saved, store)
    assert code == 0, out
    lines = changed(before, store.read_text(encoding="utf-8"))
    assert len(lines) == 2 and old_title in lines[0] and "Edited in Calc: a new title" in lines[1]


def test_csv_saved_by_libreoffice_as_utf8_imports_byte_identical(store, profile):
    before = store.read_bytes()
    saved = calc(profile, export_csv(store), CSV_OUT, infilter=csv_filter(UTF8))
    code, out = import_csv(saved, store)
    assert code == 0, out
    assert store.read_bytes() == before


@pytest.mark.parametrize("bom", [False, True])
def test_csv_opened_as_windows_1252_is_refused(copy_root, profile, bom):
    store_path = copy_root("curate-basic") / "events.yaml"
    text = store_path.read_text(encoding="utf-8").replace("sign the peace accord", "sign the “peace” accord", 1)
    store_path.write_text(text, encoding="utf-8")  # typographic quotes: what a wrong charset damages
    saved = calc(profile, export_csv(store_path, *(["--bom"] if bom else [])), CSV_OUT, infilter=csv_filter(CP1252))
    code, out = import_csv(saved, store_path)
    assert code == 1 and "Traceback" not in out
    assert f"{saved}:{1 if bom else 2}: " in out
    assert "re-open the file as UTF-8" in out
    assert store_path.read_text(encoding="utf-8") == text


TRICKY = {"title": "0012", "summary": "=1+2", "note": "1997-06-27", "tags": "TRUE; 1e5; 27/06/1997"}


def test_values_a_spreadsheet_would_convert_come_back_as_typed(copy_root, profile):
    """Leading zeros, formulas, dates, booleans and numbers typed as text stay text through a LibreOffice save."""
    from timeline.curate import edit_store
    from timeline.spreadsheet import parse_cell

    store_path = copy_root("curate-basic") / "events.yaml"

    def tricky(data, editor):
        for field, text in TRICKY.items():
            editor.set(("events", 1), field, parse_cell(field, text))

    edit_store(store_path, tricky)
    before = store_path.read_bytes()
    saved = calc(profile, export_xlsx(store_path), "xlsx")
    code, out = import_xlsx(saved, store_path)
    assert code == 0, out
    assert store_path.read_bytes() == before
