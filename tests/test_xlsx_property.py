"""Property: whatever text an xlsx cell can hold (formula-like, numeric, date-like, spaced, multi-line, any
script) comes back from export xlsx -> import exactly: the store is byte-identical, and a new title lands as typed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is part of the test extra")

from timeline.curate import edit_store  # noqa: E402
from timeline.mojibake import mojibake  # noqa: E402
from timeline.spreadsheet import COLUMNS  # noqa: E402
from timeline.store import load_store  # noqa: E402
from timeline.xlsxio import export_xlsx, import_xlsx  # noqa: E402

ROOT = Path(__file__).parent / "roots" / "curate-basic"
# What an xlsx cell holds: XML characters (no C0 controls but tab and line feed; no CR, which XML normalises).
CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r",
                                  min_codepoint=0x09).filter(lambda c: c in "\t\n" or ord(c) >= 0x20), min_size=1, max_size=40)
TRICKY = st.sampled_from(["=1+2", "+33 1 23", "-5", "@SUM(A1)", "'quoted", "0012", "1997", "1997-06-27", "27/06/1997",
                          "TRUE", "1e5", "  spaced  ", "two\nlines", "IRPT’s “final” — Душанбе", "1,5", "#REF!"])


def title_of(store: Path, index: int) -> str:
    return load_store(store)[0].events[index].title


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(TRICKY, CELL_TEXT.filter(lambda t: t.strip())))
def test_any_title_survives_the_workbook(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("prop")
    shutil.copytree(ROOT, folder, dirs_exist_ok=True)
    store = folder / "events.yaml"

    def retitle(data, editor):
        editor.set(("events", 1), "title", text)

    edit_store(store, retitle)  # the store holds the text first, written as timeline writes it
    before = store.read_bytes()
    book = folder / "e.xlsx"
    book.write_bytes(export_xlsx(load_store(store)[0]))
    import_xlsx(book, store)
    assert store.read_bytes() == before

    assume(mojibake(text) is None)  # a new text that looks like charset damage is refused, by design
    wb = openpyxl.load_workbook(book)
    wb["events"].cell(row=2, column=COLUMNS.index("title") + 1).value = text
    wb["events"].cell(row=2, column=COLUMNS.index("title") + 1).data_type = "s"
    wb.save(book)
    import_xlsx(book, store)
    assert title_of(store, 0) == text and title_of(store, 1) == text
