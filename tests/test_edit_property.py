"""Property: whatever YAML style the loader accepts and whatever edit runs, the edit is done, the result loads
and every event the edit does not name keeps its exact bytes.

Stores vary in line breaks (LF, CRLF, CR), flow or block lists and mappings, first keys other than `id`,
comments, blank lines, block scalars (|, |+, >-), and quoting; the operations are review accept (with a
lane and a title), reject, merge and split, merging an extraction (`extract --into`: a new event or new
evidence for an existing one) and a CSV import that changes one title.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import curate
from timeline.csvio import export_csv, import_csv
from timeline.schema import Citation, Event, Source
from timeline.curate import editing, reverify
from timeline.store import load_store, read_yaml

SENTENCES = ["Alpha met in 1990.", "Beta met in 1991.", "Gamma met in 1992.", "Delta met in 1993.", "Epsilon met in 1994."]
SOURCE_TEXT = " ".join(SENTENCES) + "\n"
QUOTES = {"plain": "{}", "single": "'{}'", "double": '"{}"'}


@dataclass
class Shape:
    """How one event is written."""

    flow: bool
    first: str
    quote: str
    note: str | None
    comment: bool
    blank: bool
    citations: int
    tags_flow: bool


@dataclass
class Store:
    """A generated store: its text and the exact text of each event."""

    text: str
    events: dict[str, str] = field(default_factory=dict)


def cite(n: int) -> tuple[str, int]:
    return SENTENCES[n], SOURCE_TEXT.index(SENTENCES[n])


def block_event(i: int, shape: Shape, nl: str) -> list[str]:
    quotes = [cite((i + k) % len(SENTENCES)) for k in range(shape.citations)]
    keys: dict[str, list[str]] = {
        "id": [f"id: e{i}"],
        "date": [f"date: '{1990 + i % 5}'"],
        "title": ["title: " + QUOTES[shape.quote].format(f"Event {i}") + ("  # a comment" if shape.comment else "")],
        "tags": ["tags: [a, yes, 1_000]"] if shape.tags_flow else ["tags:", "  - a", "  - 'no'"],
        "citations": ["citations:"] + [x for q, o in quotes for x in (f"  - source: a", f"    quote: '{q}'", f"    offset: {o}")],
    }
    if shape.note == "|+":
        keys["note"] = ["note: |+", "  kept", "", ""]
    elif shape.note:
        keys["note"] = [f"note: {shape.note}", "  line one", "  line two"]
    order = [shape.first] + [k for k in keys if k != shape.first]
    lines = ["    " + line if line else "" for key in order for line in keys[key]]
    lines[0] = "  - " + lines[0][4:]
    return ([""] if shape.blank else []) + (["  # section"] if shape.comment else []) + lines


def flow_event(i: int, shape: Shape) -> str:
    quotes = [cite((i + k) % len(SENTENCES)) for k in range(shape.citations)]
    cits = ", ".join(f"{{source: a, quote: '{q}', offset: {o}}}" for q, o in quotes)
    title = QUOTES[shape.quote].format(f"Event {i}")
    return f"{{id: e{i}, date: '{1990 + i % 5}', title: {title}, note: 0x1F, tags: [yes, 010], citations: [{cits}]}}"


def build(shapes: list[Shape], nl: str, flow_list: bool) -> Store:
    head = ["# a store", "title: T", "lanes:", "  - id: courts", "    label: Courts", "sources:", "  - id: a", "    file: sources/a.txt"]
    store = Store("")
    if flow_list:
        items = [flow_event(i, s) for i, s in enumerate(shapes)]
        body = ["events: ["] + [f"  {item}{',' if k < len(items) - 1 else ''}" + ("  # c" if shapes[k].comment else "") for k, item in enumerate(items)] + ["]"]
        store.events = {f"e{i}": item for i, item in enumerate(items)}
    else:
        body = ["events:"]
        for i, shape in enumerate(shapes):
            if shape.flow:  # a flow mapping as an item of a block list
                body += [f"  - {flow_event(i, shape)}" + ("  # c" if shape.comment else "")]
                store.events[f"e{i}"] = flow_event(i, shape)
                continue
            lines = block_event(i, shape, nl)
            body += lines
            own = [line for line in lines if line and line != "  # section"]
            store.events[f"e{i}"] = nl.join(own).rstrip(nl)
    store.text = nl.join(head + body + ["rejected: []"]) + nl
    return store


shapes = st.builds(
    Shape, flow=st.booleans(), first=st.sampled_from(["id", "title", "tags", "citations", "date"]),
    quote=st.sampled_from(list(QUOTES)), note=st.sampled_from([None, "|", "|+", ">-"]), comment=st.booleans(),
    blank=st.booleans(), citations=st.integers(1, 2), tags_flow=st.booleans())
OPERATIONS = ["accept", "reject", "merge", "split", "into-new", "into-existing", "csv-title"]


def run_operation(op: str, store: Path, target: str, other: str) -> set[str]:
    """Run op; return the ids of the events it names (changes or removes)."""
    source = Source(id="a", file="sources/a.txt")
    if op == "accept":
        curate.accept(store, target, title="Accepted title", lane="courts")
    elif op == "reject":
        curate.reject(store, target)
    elif op == "merge":
        if target == other:
            return set()
        curate.merge_events(store, target, other)
        return {target, other}
    elif op == "split":
        curate.split_event(store, target, [2])
    elif op.startswith("into"):
        n = int(target[1:])
        existing = op == "into-existing"
        quote, offset = cite((n + 3) % len(SENTENCES)) if existing else (SOURCE_TEXT.strip()[-18:], len(SOURCE_TEXT.strip()) - 18)
        candidate = Event(id="new", date="1999", title="New", citations=[Citation(source="a", quote=quote, offset=offset)])
        extraction = type("Extraction", (), {"documents": [source], "events": [candidate]})()
        curate.merge_extraction(store, extraction, same=lambda a, b: existing and a.id == target, progress=False)
    elif op == "csv-title":
        rows = list(csv.reader(io.StringIO(export_csv(load_store(store)[0]))))
        row = next(r for r in rows if r[0] == target)
        row[rows[0].index("title")] = "Edited in a spreadsheet"
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        (store.parent / "e.csv").write_text(out.getvalue(), encoding="utf-8")
        import_csv(store.parent / "e.csv", store)
    return {target}


def test_every_edit_of_every_style_loads_and_leaves_unnamed_events_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also: the data an edit validates, read again only where the text changed (timeline.curate.reverify), is
    exactly what reading the whole written file gives."""
    spliced: list[Any] = []
    validated: list[Any] = []
    real, real_validate = reverify.spliced, editing.revalidate
    monkeypatch.setattr(reverify, "spliced", lambda *args: spliced.append(real(*args)) or spliced[-1])
    monkeypatch.setattr(editing, "revalidate", lambda *args: validated.append(real_validate(*args)) or validated[-1])
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    path = tmp_path / "events.yaml"

    @settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(shapes=st.lists(shapes, min_size=2, max_size=5), nl=st.sampled_from(["\n", "\r\n", "\r"]),
           flow_list=st.booleans(), op=st.sampled_from(OPERATIONS), pick=st.integers(0, 99), pick2=st.integers(0, 99))
    def check(shapes: list[Shape], nl: str, flow_list: bool, op: str, pick: int, pick2: int) -> None:
        store = build(shapes, nl, flow_list)
        path.write_bytes(store.text.encode("utf-8"))
        load_store(path)  # every generated store is valid
        ids = list(store.events)
        target, other = ids[pick % len(ids)], ids[pick2 % len(ids)]
        if op == "split" and shapes[ids.index(target)].citations < 2:
            op = "accept"
        spliced.clear()
        validated.clear()
        named = run_operation(op, path, target, other)  # every generated request is a valid one: no refusal
        after = path.read_bytes().decode("utf-8")
        assert [store for store, _doc in validated] == [load_store(path)[0]] * len(validated), (op, after)
        for data in spliced:
            if data is not None:
                assert reverify.same(data, read_yaml(path).data), (op, after)
                used.append(op)
        for event_id, text in store.events.items():
            if event_id not in named:
                assert text in after, (op, event_id, text, after)

    used: list[str] = []
    check()
    assert len(used) > 100  # most edits were checked by reading only what they changed
