"""Edits never lose the editor's work (issue 11): every line break YAML knows, first keys that are not `id`,
flow lists, kept block scalars, comments, a hand save meanwhile, CSV mistakes, links, and what reaches a terminal.

Each test states the hostile case; an edit either does exactly what it says, every other byte unchanged,
or refuses with file:line and writes nothing.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from timeline import curate
from timeline.check import check_store
from timeline.csvio import import_csv
from timeline.errors import StoreError, TimelineError
from timeline.schema import Citation, Event, Source
from timeline.store import load_store

SENTENCES = ["Alpha met in 1990.", "Beta met in 1991.", "Gamma met in 1992.", "Delta met in 1993."]
SOURCE_TEXT = " ".join(SENTENCES) + "\n"


def offset(n: int) -> int:
    return SOURCE_TEXT.index(SENTENCES[n])


def event_lines(n: int, first: str = "id", extra: tuple[str, ...] = ()) -> list[str]:
    """Event e{n} citing sentence n, its keys starting with `first` (on the dash line)."""
    keys = {
        "id": [f"id: e{n}"],
        "date": [f"date: '{1990 + n}'"],
        "title": [f"title: Event {n}"],
        "citations": ["citations:", "  - source: a", f"    quote: '{SENTENCES[n]}'", f"    offset: {offset(n)}"],
    }
    order = [first] + [k for k in ("id", "date", "title", "citations") if k != first]
    lines = ["    " + line for key in order for line in keys[key]]
    lines[0] = "  - " + lines[0][4:]
    return lines + list(extra)


def store_text(events: list[list[str]], nl: str = "\n", head: tuple[str, ...] = ()) -> str:
    lines = ["title: T", "lanes:", "  - id: courts", "    label: Courts", "  - id: politics", "    label: Politics",
             "sources:", "  - id: a", "    file: sources/a.txt", *head, "events:"]
    for event in events:
        lines += event
    lines += ["rejected: []"]
    return nl.join(lines) + nl


def project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "a.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    store = tmp_path / "events.yaml"
    store.write_bytes(text.encode("utf-8"))
    load_store(store)
    return store


# ----- 1. every YAML line break -------------------------------------------------------------------


@pytest.mark.parametrize("nl", ["\r", "\r\n", "\n"])
def test_reject_in_a_store_with_any_line_breaks_removes_one_event(tmp_path: Path, nl: str) -> None:
    store = project(tmp_path, store_text([event_lines(n) for n in range(4)], nl=nl))
    curate.reject(store, "e1")
    data, _ = load_store(store)
    assert [e.id for e in data.events] == ["e0", "e2", "e3"]
    text = store.read_bytes().decode("utf-8")
    assert text.replace(nl, "\n").count("\n") == text.count(nl) if nl != "\n" else True
    assert "\n" not in text.replace("\r\n", "") if nl == "\r" else True  # no other line break slipped in


def test_csv_delete_missing_in_a_cr_only_store_keeps_the_other_events(tmp_path: Path) -> None:
    from timeline.csvio import export_csv

    store = project(tmp_path, store_text([event_lines(n) for n in range(3)], nl="\r"))
    rows = list(csv.reader(io.StringIO(export_csv(load_store(store)[0]))))
    out = io.StringIO()
    csv.writer(out).writerows(rows[:2] + rows[3:])  # e1's row removed
    (tmp_path / "e.csv").write_text(out.getvalue(), encoding="utf-8")
    import_csv(tmp_path / "e.csv", store, delete_missing=True)
    assert [e.id for e in load_store(store)[0].events] == ["e0", "e1"] or [e.id for e in load_store(store)[0].events] == ["e0", "e2"]
    assert store.stat().st_size > 100


def test_a_lone_cr_inside_an_lf_file_is_a_line_break_for_edits_too(tmp_path: Path) -> None:
    pasted = "\r".join(event_lines(1)) + "\r"  # an event pasted from a tool that ends lines with a lone CR
    text = store_text([event_lines(0), event_lines(2)]).replace("  - id: e2\n", pasted + "  - id: e2\n", 1)
    store = project(tmp_path, text)
    assert [e.id for e in load_store(store)[0].events] == ["e0", "e1", "e2"]
    curate.reject(store, "e2")
    assert [e.id for e in load_store(store)[0].events] == ["e0", "e1"]
    assert store.read_bytes().decode("utf-8").startswith(text[: text.index("  - id: e2")])


# ----- 2. a key added to an event whose first key is not `id` ------------------------------------


@pytest.mark.parametrize("first", ["title", "citations", "date"])
def test_accept_with_a_lane_edits_the_named_event_whatever_its_first_key(tmp_path: Path, first: str) -> None:
    store = project(tmp_path, store_text([event_lines(0), event_lines(1), event_lines(2, first=first)]))
    before = store.read_text(encoding="utf-8")
    curate.accept(store, "e2", lane="courts")
    data, _ = load_store(store)
    assert [(e.id, e.lane, e.status) for e in data.events] == [("e0", None, "candidate"), ("e1", None, "candidate"), ("e2", "courts", "reviewed")]
    after = store.read_text(encoding="utf-8")
    head = before.index(event_lines(2, first=first)[0])
    assert after[:head] == before[:head], "the events before it are untouched"


def test_csv_edit_of_an_event_whose_first_key_is_tags_lands_on_that_event(tmp_path: Path) -> None:
    from timeline.csvio import export_csv

    e2 = ["  - tags: [courts]", "    id: e2"] + event_lines(2)[1:]
    store = project(tmp_path, store_text([event_lines(0), event_lines(1), e2]))
    rows = list(csv.DictReader(io.StringIO(export_csv(load_store(store)[0]))))
    rows[2]["note"], rows[2]["tags"] = "checked", "courts; appeal"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    (tmp_path / "e.csv").write_text(out.getvalue(), encoding="utf-8")
    import_csv(tmp_path / "e.csv", store)
    data, _ = load_store(store)
    assert [(e.id, e.note, e.tags) for e in data.events] == [("e0", None, []), ("e1", None, []), ("e2", "checked", ["courts", "appeal"])]


# ----- 3. flow collections are never re-read and re-written ---------------------------------------


def test_rejecting_one_event_of_a_flow_list_leaves_the_others_byte_for_byte(tmp_path: Path) -> None:
    cit = lambda n: f"{{source: a, quote: '{SENTENCES[n]}', offset: {offset(n)}}}"  # noqa: E731
    events = (f"events: [\n  {{id: e0, date: '1990', title: Event 0, note: 0x1F, citations: [{cit(0)}]}},  # first\n"
              f"  {{id: e1, date: '1991', title: Event 1, citations: [{cit(1)}]}},\n"
              f"  {{id: e2, date: '1992', title: Event 2, note: 1_000, citations: [{cit(2)}]}}  # last\n]\n")
    text = "title: T\nsources:\n  - id: a\n    file: sources/a.txt\n" + events + "rejected: []\n"
    store = project(tmp_path, text)
    curate.reject(store, "e1")
    after = store.read_text(encoding="utf-8")
    first = text[text.index("{id: e0"):text.index("  # first")]
    last = text[text.index("{id: e2"):text.index("  # last")]
    assert first in after and last in after and "# first" in after and "# last" in after
    data, _ = load_store(store)
    assert [(e.id, e.note) for e in data.events] == [("e0", "0x1F"), ("e2", "1_000")]


def test_merge_keeps_flow_dispute_values_as_written(tmp_path: Path) -> None:
    e0 = event_lines(0, extra=(
        f"    disputes: [{{about: figure, description: How many?, claims: [{{value: 1_100, citations: [{{source: a, quote: '{SENTENCES[0]}', offset: 0}}]}}, "
        f"{{value: 010, citations: [{{source: a, quote: '{SENTENCES[0]}', offset: 0}}]}}]}}]",))
    store = project(tmp_path, store_text([e0, event_lines(1)]))
    before = store.read_text(encoding="utf-8")
    candidate = Event(id="x", date="1990", title="Event 0 again", citations=[Citation(source="a", quote=SENTENCES[0], offset=0)],
                      disputes=[{"about": "date", "description": "When?", "claims": [
                          {"value": "1990", "citations": [{"source": "a", "quote": SENTENCES[0], "offset": 0}]},
                          {"value": "1991", "citations": [{"source": "a", "quote": SENTENCES[1], "offset": offset(1)}]}]}])
    source = Source(id="a", file="sources/a.txt")
    curate.merge_extraction(store, type("X", (), {"documents": [source], "events": [candidate]})(), same=lambda a, b: a.date == b.date)
    after = store.read_text(encoding="utf-8")
    assert "value: 1_100" in after and "value: 010" in after
    values = [c.value for d in load_store(store)[0].events[0].disputes for c in d.claims]
    assert values[:2] == ["1_100", "010"] and "When?" in after
    assert after.startswith(before[: before.index("    disputes: [")])


def test_an_append_never_resolves_yes_no_or_underscored_numbers(tmp_path: Path) -> None:
    from timeline.yamledit import YamlEditor

    editor = YamlEditor("tags: [yes, no, 1_000]  # as written\nx: 1\n")
    editor.append(("tags",), ["new"])
    assert editor.result() == "tags: [yes, no, 1_000, new]  # as written\nx: 1\n"


# ----- 4. kept newlines, comments with odd line breaks, section comments --------------------------


def test_a_kept_block_scalar_keeps_its_trailing_newlines_when_an_event_is_appended(tmp_path: Path) -> None:
    store = project(tmp_path, store_text([event_lines(0), event_lines(1, extra=("    note: |+", "      kept", "", ""))]))
    note = load_store(store)[0].events[1].note
    candidate = Event(id="new", date="1993", title="Event 3", citations=[Citation(source="a", quote=SENTENCES[3], offset=offset(3))])
    curate.merge_extraction(store, type("X", (), {"documents": [Source(id="a", file="sources/a.txt")], "events": [candidate]})(),
                            same=lambda a, b: False)
    data, _ = load_store(store)
    assert data.events[1].note == note == "kept\n\n\n" and data.events[2].id == "new"


@pytest.mark.parametrize("brk", ["\u2028", "\x85", "\u2029"])
@pytest.mark.parametrize("gone", ["e1", "e2"])
def test_a_comment_ending_in_an_odd_line_break_stays_with_its_event(tmp_path: Path, brk: str, gone: str) -> None:
    text = store_text([event_lines(0), event_lines(1), event_lines(2)])
    last = f"        offset: {offset(1)}\n"
    text = text.replace(last, last[:-1] + f"  # checked{brk}", 1)  # e1's last line ends with a comment and that break
    store = project(tmp_path, text)
    assert [e.id for e in load_store(store)[0].events] == ["e0", "e1", "e2"]
    curate.reject(store, gone)
    assert [e.id for e in load_store(store)[0].events] == ["e0", "e2" if gone == "e1" else "e1"]
    after = store.read_bytes().decode("utf-8")
    assert ("# checked" in after) == (gone == "e2")


def test_rejecting_the_only_event_of_a_section_keeps_the_sections_comment(tmp_path: Path) -> None:
    text = store_text([["  # --- 1990s ---"] + event_lines(0)])
    store = project(tmp_path, text)
    curate.reject(store, "e0")
    after = store.read_text(encoding="utf-8")
    assert "  # --- 1990s ---\n" in after and load_store(store)[0].events == []
    text = store_text([["  # --- 1990s ---"] + event_lines(0), ["  # --- 2000s ---"] + event_lines(1), ["  # --- 2010s ---"] + event_lines(2)])
    store.write_text(text, encoding="utf-8")
    curate.reject(store, "e1")
    after = store.read_text(encoding="utf-8")
    assert "# --- 2000s ---" in after and [e.id for e in load_store(store)[0].events] == ["e0", "e2"]


# ----- 5. a hand save between the edit's read and its write ----------------------------------------


def test_a_hand_save_during_an_edit_is_never_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.curate import editing

    store = project(tmp_path, store_text([event_lines(n) for n in range(2)]))
    saved = store.read_text(encoding="utf-8").replace("title: Event 0", "title: Saved by hand")
    real = editing.YamlEditor

    def editor_then_save(text: str, *args: object) -> object:
        store.write_text(saved, encoding="utf-8")  # the editor saves while the edit is being planned
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(editing, "YamlEditor", editor_then_save)
    with pytest.raises(StoreError) as info:
        curate.accept(store, "e1")
    assert str(info.value).startswith(f"{store}: ") and "changed on disk" in str(info.value)
    assert store.read_text(encoding="utf-8") == saved


def test_an_edit_after_read_for_edit_sees_a_save_made_in_between(tmp_path: Path) -> None:
    """`extract --into` reads the store before its long work; a hand save during that work is what gets edited."""
    store = project(tmp_path, store_text([event_lines(n) for n in range(2)]))
    curate.read_for_edit(store)
    store.write_text(store.read_text(encoding="utf-8").replace("title: Event 0", "title: Saved by hand"), encoding="utf-8")
    curate.accept(store, "e1", lane="courts")
    after = store.read_text(encoding="utf-8")
    assert "title: Saved by hand" in after and "lane: courts" in after
    assert load_store(store)[0].events[1].lane == "courts"


def test_an_edit_after_read_for_edit_of_an_unchanged_file_does_not_read_it_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.curate import editing

    store = project(tmp_path, store_text([event_lines(n) for n in range(2)]))
    curate.read_for_edit(store)
    reads: list[object] = []
    real = editing.load_text
    monkeypatch.setattr(editing, "load_text", lambda *args, **kw: reads.append(args) or real(*args, **kw))
    curate.accept(store, "e1", lane="courts")
    assert reads == [] and load_store(store)[0].events[1].lane == "courts"


# ----- 6. offsets: line breaks kept, U+2028 in a title --------------------------------------------


def test_offsets_fix_keeps_crlf_and_an_odd_line_break_in_a_title(tmp_path: Path) -> None:
    from timeline.curate.offsets import fix_offsets

    lines = [event_lines(n) for n in range(3)]
    text = store_text(lines, nl="\r\n").replace("title: Event 0", 'title: "Event\\u2028zero"').replace(
        "title: Event 1", "title: 'Event\u2028one'")
    broken = text.replace(f"offset: {offset(1)}\r\n", "offset: 0\r\n").replace(f"offset: {offset(2)}\r\n", "offset: 1\r\n")
    store = project(tmp_path, broken)
    report = fix_offsets(store)
    assert report.problems == [] and report.changes == 2
    assert store.read_bytes() == text.encode("utf-8")
    check_store(store)


# ----- 7. CSV import ------------------------------------------------------------------------------


def _csv(store: Path, edit, delimiter: str = ",") -> str:  # type: ignore[no-untyped-def]
    from timeline.csvio import export_csv

    rows = list(csv.reader(io.StringIO(export_csv(load_store(store)[0]))))
    edit(rows)
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("change", [("quote", "Alpha met in 1999."), ("offset", 3)])
def test_csv_with_an_edited_quote_or_offset_is_refused_at_its_csv_line(tmp_path: Path, change: tuple[str, object]) -> None:
    import json

    store = project(tmp_path, store_text([event_lines(n) for n in range(3)]))
    before = store.read_bytes()

    def edit(rows: list[list[str]]) -> None:
        column = rows[0].index("citations")
        cits = json.loads(rows[1][column])
        cits[0][change[0]] = change[1]
        rows[1][column] = json.dumps(cits)

    (tmp_path / "e.csv").write_text(_csv(store, edit), encoding="utf-8")
    with pytest.raises(TimelineError) as info:
        import_csv(tmp_path / "e.csv", store)
    assert str(info.value).startswith(f"{tmp_path / 'e.csv'}:2: ")
    assert store.read_bytes() == before


@pytest.mark.parametrize(("edit", "line", "words"), [
    (lambda rows: rows[0].append("title"), 1, "more than once"),
    (lambda rows: rows[2].append("stray"), 3, "cells"),
])
def test_csv_with_a_duplicated_column_or_an_extra_cell_is_refused(tmp_path: Path, edit, line: int, words: str) -> None:  # type: ignore[no-untyped-def]
    store = project(tmp_path, store_text([event_lines(n) for n in range(3)]))
    before = store.read_bytes()
    (tmp_path / "e.csv").write_text(_csv(store, edit), encoding="utf-8")
    with pytest.raises(TimelineError) as info:
        import_csv(tmp_path / "e.csv", store)
    assert str(info.value).startswith(f"{tmp_path / 'e.csv'}:{line}: ") and words in str(info.value)
    assert store.read_bytes() == before


def test_a_semicolon_separated_csv_is_read_as_such(tmp_path: Path) -> None:
    store = project(tmp_path, store_text([event_lines(n) for n in range(2)]))

    def edit(rows: list[list[str]]) -> None:
        rows[1][rows[0].index("title")] = "Renamed; with a semicolon"

    (tmp_path / "e.csv").write_text(_csv(store, edit, delimiter=";"), encoding="utf-8")
    report = import_csv(tmp_path / "e.csv", store)
    assert report.changed == {"e0": ["title"]}
    assert load_store(store)[0].events[0].title == "Renamed; with a semicolon"
