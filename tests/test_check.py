"""Citations are verified against their sources: the exact quote at its offset, in an unchanged file."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.check import check_store
from timeline.errors import StoreError


def messages(store: Path, strict: bool = False) -> list[str]:
    with pytest.raises(StoreError) as info:
        check_store(store, strict=strict)
    return [str(p) for p in info.value.problems]


def test_scenario_passes_with_a_warning_for_the_inferred_date(copy_root) -> None:
    root = copy_root("store-basic")
    store, texts, warnings = check_store(root / "events.yaml")
    assert len(store.events) == 2 and set(texts) == {"article", "other-1", "other-2"}
    assert [w.line for w in warnings] == [16] and "inferred" in str(warnings[0])


def test_an_inferred_date_the_editor_has_reviewed_is_not_warned_about(copy_root) -> None:
    root = copy_root("store-basic")
    store = root / "events.yaml"
    text = store.read_text(encoding="utf-8")
    note = '    published_note: "latest date mentioned in the text"\n'
    store.write_text(text.replace(note, note + "    published_reviewed: true\n", 1), encoding="utf-8")
    assert check_store(store)[2] == []
    assert check_store(store, strict=True)[0].sources[1].published_reviewed


def test_strict_turns_warnings_into_errors(copy_root) -> None:
    root = copy_root("store-basic")
    [message] = messages(root / "events.yaml", strict=True)
    assert "events.yaml:16:" in message and "inferred" in message


def test_wrong_offset_says_where_the_quote_is(copy_root) -> None:
    root = copy_root("store-basic")
    store = root / "events.yaml"
    text = store.read_text(encoding="utf-8")
    good = text.split("offset: ")[1].split("\n")[0]
    store.write_text(text.replace(f"offset: {good}\n", f"offset: {int(good) + 3}\n", 1), encoding="utf-8")
    [message] = messages(store)
    assert f"quote is not at offset {int(good) + 3}" in message and f"it is at offset {good}" in message
    assert "event 'peace-accord'" in message


def test_quote_not_in_source(copy_root) -> None:
    root = copy_root("store-basic")
    store = root / "events.yaml"
    text = store.read_text(encoding="utf-8")
    store.write_text(text.replace("signed in Moscow on June 27", "signed in Minsk on June 27"), encoding="utf-8")
    [message] = messages(store)
    line = text[: text.index("signed in Moscow on June 27")].count("\n") + 1
    assert message.startswith(f"{store}:{line}: ") and "not found in source 'article'" in message


def test_changed_source_is_stale(copy_root) -> None:
    root = copy_root("store-basic")
    source = root / "sources" / "article.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("Officials said", "Officials claimed"), encoding="utf-8")
    found = messages(root / "events.yaml")
    assert any("source 'article'" in m and "changed since it was registered" in m for m in found)
    assert any("not found in source 'article'" in m for m in found)  # the dispute quote no longer matches


def test_quote_outside_its_segment_is_refused(copy_root) -> None:
    root = copy_root("store-basic")
    store = root / "events.yaml"
    text = store.read_text(encoding="utf-8")
    # The 2,000 claim is cited from segment other-2; cite it from other-1 instead (same file, wrong segment).
    store.write_text(text.replace("- source: other-2", "- source: other-1"), encoding="utf-8")
    [message] = messages(store)
    assert "outside source 'other-1'" in message


def test_missing_source_file(copy_root) -> None:
    root = copy_root("store-basic")
    (root / "sources" / "other.txt").unlink()
    found = messages(root / "events.yaml")
    assert sum("file 'sources/other.txt' not found" in m for m in found) == 2


def test_offsets_count_characters_not_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Élan — déjà vu. The accord was signed in 1997.\n", encoding="utf-8")
    quote = "The accord was signed in 1997."
    offset = (tmp_path / "a.txt").read_text(encoding="utf-8").index(quote)
    (tmp_path / "events.yaml").write_text(
        f"sources:\n  - id: a\n    file: a.txt\nevents:\n  - id: accord\n    date: '1997'\n    title: Accord\n"
        f"    citations:\n      - {{source: a, quote: '{quote}', offset: {offset}}}\n",
        encoding="utf-8",
    )
    store, _, warnings = check_store(tmp_path / "events.yaml")
    assert offset == 16 and store.events[0].citations[0].offset == 16
    assert any("no sha256" in str(w) for w in warnings)
