"""A spreadsheet that opened a UTF-8 file in a single-byte character set damages the text it saves again:
import refuses it with file:line and 're-open the file as UTF-8', writing nothing."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.mojibake import mojibake, repaired
from timeline.spreadsheet import COLUMNS

from test_export_csv import export, import_, rows, write_rows

# Invented texts in the scripts a timeline of Central Asia meets: typographic quotes and dashes, French,
# Czech/Turkish letters, Cyrillic (Tajik), an emoji.
TEXTS = ["The council’s “final” word — at last", "Réfugiés rentrés à Kurgan-Tyube", "Dušanbe, Çankaya, Łódź",
         "Ҷумҳурии Тоҷикистон", "Марказ ва вилоятҳо", "a flag 🇹🇯 raised"]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("charset", ["cp1252", "latin-1"])
def test_utf8_read_as_a_single_byte_charset_is_recognised(text, charset):
    damaged = text.encode("utf-8").decode(charset, errors="replace")
    stretch = mojibake(damaged)
    assert stretch is not None and repaired(stretch) in text


@pytest.mark.parametrize("text", TEXTS + ["«LIBERTÉ»", "ÉTÉ» fin", "Ça va", "naïve café", "Øresund, Åland, Ærø",
                                          "Ð is eth", "50 °C ± 2", "© 2015 — ½ price", "Müller – Straße"])
def test_correct_text_is_not_taken_for_damage(text):
    assert mojibake(text) is None


def test_a_csv_with_damaged_text_is_refused_at_its_line(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    before = store.read_bytes()
    csv_file = export(store)
    data = rows(csv_file)
    title = COLUMNS.index("title")
    data[1][title] = "The council’s word".encode("utf-8").decode("cp1252")
    write_rows(csv_file, data)
    code, out = import_(csv_file, store)
    assert code == 1 and "Traceback" not in out
    assert f"{csv_file}:2: event {data[1][0]!r}: column title: 'â€™' is '’'" in out
    assert "re-open the file as UTF-8" in out
    assert store.read_bytes() == before


def test_a_byte_order_mark_read_as_text_is_refused(copy_root):
    store = copy_root("curate-basic") / "events.yaml"
    before = store.read_bytes()
    csv_file = export(store, "--bom")
    damaged = csv_file.read_bytes().decode("utf-8").encode("utf-8").decode("cp1252")  # what the spreadsheet showed
    csv_file.write_bytes(damaged.encode("utf-8"))  # and saved again as UTF-8
    code, out = import_(csv_file, store)
    assert code == 1
    assert f"{csv_file}:1: " in out and "byte order mark" in out and "re-open the file as UTF-8" in out
    assert store.read_bytes() == before


def test_damage_already_in_the_store_is_not_the_spreadsheets(copy_root):
    """An unchanged cell is the store's own text: `timeline check` is the place for it, not import."""
    store = copy_root("curate-basic") / "events.yaml"
    text = store.read_text(encoding="utf-8").replace("  title: Government and opposition sign the peace accord",
                                                     "  title: Government and oppositionâ€™s accord", 1)
    store.write_text(text, encoding="utf-8")
    csv_file = export(store)
    result = CliRunner().invoke(cli, ["import", "csv", str(csv_file), "--into", str(store)])
    assert result.exit_code == 0, result.output
    assert store.read_text(encoding="utf-8") == text
