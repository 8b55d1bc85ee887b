"""An edit re-reads only the stretches it changed (timeline.yamledit.regions, timeline.curate.reverify), and the
whole file whenever a stretch might not read on its own: what it validates is always what the file says."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from timeline import curate
from timeline.curate import editing, reverify
from timeline.errors import StoreError
from timeline.store import load_store, read_yaml
from timeline.yamledit import YamlEditor

SOURCE = "Alpha met in 1990. Beta met in 1991. Gamma met in 1992.\n"


def event(n: int) -> str:
    quote = SOURCE.split(". ")[n].rstrip(".\n") + "."
    return (f"  - id: e{n}\n    date: '{1990 + n}'\n    title: Event {n}\n    citations:\n      - source: a\n"
            f"        quote: '{quote}'\n        offset: {SOURCE.index(quote)}\n")


def store(tmp_path: Path, head: str = "", events: int = 3, tail: str = "rejected: []\n") -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "a.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "events.yaml"
    path.write_text(head + "title: T\nsources:\n  - id: a\n    file: sources/a.txt\nevents:\n"
                    + "".join(event(n) for n in range(events)) + tail, encoding="utf-8")
    load_store(path)
    return path


@pytest.fixture
def spliced(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What each edit's spliced reading gave (None: the whole text was read again)."""
    found: list[Any] = []
    real = reverify.spliced
    monkeypatch.setattr(reverify, "spliced", lambda *args: found.append(real(*args)) or found[-1])
    return found


def test_accept_rereads_the_event_and_its_two_neighbours_only(tmp_path: Path) -> None:
    path = store(tmp_path)
    text = path.read_text(encoding="utf-8")
    editor = YamlEditor(text, str(path))
    editor.set(("events", 1), "status", "reviewed")
    [region] = editor.regions() or []
    assert (region.key, region.start, region.stop, region.first, region.last) == ("events", 0, 3, True, True)
    assert region.text.startswith("events:\n  - id: e0") and "e2" in region.text and "sources:" not in region.text


def test_every_command_takes_the_short_way_and_reads_what_the_file_says(tmp_path: Path, spliced: list[Any]) -> None:
    path = store(tmp_path)
    curate.accept(path, "e1", lane=None, title="Accepted")
    curate.reject(path, "e2")
    assert len(spliced) == 2 and all(data is not None for data in spliced)
    assert reverify.same(spliced[-1], read_yaml(path).data)


@pytest.mark.parametrize("head", ["%YAML 1.1\n---\n", "%TAG !e! tag:yaml.org,2002:\n---\n"])
def test_a_directive_makes_the_edit_read_the_whole_text(tmp_path: Path, spliced: list[Any], head: str) -> None:
    path = store(tmp_path, head=head)
    curate.accept(path, "e1")
    assert spliced == [None] and load_store(path)[0].events[1].status == "reviewed"


def test_a_flow_mapping_at_the_top_is_read_whole(tmp_path: Path, spliced: list[Any]) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "events.yaml"
    path.write_text("{title: T, sources: [{id: a, file: sources/a.txt}], events: [{id: e0, date: '1990', title: E, "
                    "citations: [{source: a, quote: 'Alpha met in 1990.', offset: 0}]}]}\n", encoding="utf-8")
    curate.accept(path, "e0")
    assert spliced == [None] and load_store(path)[0].events[0].status == "reviewed"


def test_a_result_the_regions_do_not_account_for_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Text changed outside the edits (here by a broken editor): the whole text is read, and its problem
    reported with its line."""
    path = store(tmp_path)
    real = YamlEditor.result
    monkeypatch.setattr(YamlEditor, "result", lambda self: real(self).replace("  - id: e2\n", "    id2: e2\n", 1))
    with pytest.raises(StoreError) as info:
        curate.accept(path, "e1")
    assert "nothing was written" in str(info.value) and f"{path}:" in str(info.value)
    assert "status: reviewed" not in path.read_text(encoding="utf-8")


def test_a_neighbour_that_reads_differently_sends_the_edit_to_a_whole_reading(tmp_path: Path) -> None:
    path = store(tmp_path)
    text = path.read_text(encoding="utf-8")
    editor = YamlEditor(text, str(path))
    editor.set(("events", 1), "title", "New")
    [region] = editor.regions() or []
    old = read_yaml(path).data
    assert reverify.spliced(path, old, [region]) is not None
    changed = region.text.replace("    title: Event 0\n", "    title: Event 0\n    note: absorbed\n")
    assert reverify.spliced(path, old, [replace(region, text=changed)]) is None
    changed = region.text.replace("    title: Event 2\n", "    title: Event 2\n    note: absorbed\n")
    assert reverify.spliced(path, old, [replace(region, text=changed)]) is None


def test_same_tells_true_from_one_and_keys_from_their_order() -> None:
    assert reverify.same({"a": [1, "x"], "b": None}, {"b": None, "a": [1, "x"]})
    assert not reverify.same({"a": True}, {"a": 1}) and not reverify.same([1.0], [1])


def test_rebuilt_compares_the_text_outside_the_regions(tmp_path: Path) -> None:
    path = store(tmp_path)
    text = path.read_text(encoding="utf-8")
    editor = YamlEditor(text, str(path))
    editor.set(("events", 1), "title", "New")
    regions = editor.regions() or []
    new = editor.result()
    assert reverify.rebuilt(text, regions, new)
    assert not reverify.rebuilt(text, regions, new.replace("title: T", "title: U"))
    assert not reverify.rebuilt(text, regions, new + "x")
    assert editing.NEW_STORE.startswith("# yaml-language-server: $schema=")
