"""Where outputs go and what reaches a terminal (issue 11): links, devices, owners, escape sequences,
full or closed stdout, large stores, and refusals that name file and line."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from test_edit_safety import event_lines, project, store_text
from timeline import curate
from timeline.errors import StoreError, WriteError
from timeline.fileio import write_atomic
from timeline.store import load_store

TIMELINE = [sys.executable, "-m", "timeline"]


def run(args: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*TIMELINE, *args], cwd=cwd, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


# ----- 9. links, devices, FIFOs, owners -----------------------------------------------------------


def test_an_output_written_through_a_symlink_goes_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    write_atomic(link, "new\n")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new\n"


def test_a_fifo_or_a_device_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteError) as info:
        write_atomic(fifo, "x")
    assert str(info.value).startswith(f"{fifo}: ") and stat.S_ISFIFO(os.stat(fifo).st_mode)
    store = project(tmp_path, store_text([event_lines(0)]))
    result = run(["export", "csv", str(store), "-o", "/dev/full"], tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "/dev/full" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_an_edit_of_a_symlinked_store_edits_its_target(tmp_path: Path) -> None:
    real = project(tmp_path, store_text([event_lines(0), event_lines(1)]))
    link = tmp_path / "linked.yaml"
    link.symlink_to(real.name)
    curate.accept(link, "e1")
    assert link.is_symlink() and load_store(real)[0].events[1].status == "reviewed"


def test_an_edit_of_a_hard_linked_store_is_seen_through_every_link(tmp_path: Path) -> None:
    real = project(tmp_path, store_text([event_lines(0), event_lines(1)]))
    other = tmp_path / "other.yaml"
    os.link(real, other)
    curate.reject(other, "e0")
    assert os.stat(real).st_ino == os.stat(other).st_ino and os.stat(real).st_nlink == 2
    assert [e.id for e in load_store(real)[0].events] == ["e1"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_an_edit_keeps_the_stores_owner(tmp_path: Path) -> None:
    store = project(tmp_path, store_text([event_lines(0), event_lines(1)]))
    os.chown(store, 4321, 4321)
    curate.accept(store, "e1")
    assert (os.stat(store).st_uid, os.stat(store).st_gid) == (4321, 4321)


# ----- 10. escape sequences from titles -----------------------------------------------------------

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m"


def test_review_output_shows_escape_sequences_instead_of_obeying_them(tmp_path: Path) -> None:
    store = project(tmp_path, store_text([event_lines(0), event_lines(1)]).replace("title: Event 1", f'title: "Event 1 \\e]0;owned\\a\\e[2J\\x9b31m"'))
    for args in (["review", "accept", "e1", "-s", str(store)], ["review", "list", str(store), "--all"]):
        result = run(args, tmp_path)
        assert result.returncode == 0, result.stderr
        assert not any(c in result.stdout + result.stderr for c in "\x1b\x07\x9b"), args
        assert "\\x1b" in result.stdout


def test_export_markdown_writes_no_raw_escape_bytes(tmp_path: Path) -> None:
    store = project(tmp_path, store_text([event_lines(0)]).replace("title: Event 0", 'title: "Event 0 \\e[2J\\x9b"'))
    result = run(["export", "markdown", str(store), "--review", "-o", str(tmp_path / "out.md")], tmp_path)
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "out.md").read_bytes()
    assert b"\x1b" not in data and "\x9b".encode() not in data and b"Event 0" in data


# ----- 12. a full or closed standard output -------------------------------------------------------

COMMANDS = [["check", "{store}"], ["review", "list", "{store}"], ["export", "csv", "{store}"], ["export", "markdown", "{store}", "--review"],
            ["export", "timelinejs", "{store}", "--review"], ["schema"], ["dates", "sources"], ["extract", "sources", "--json"],
            ["--help"], ["--version"], ["review", "offsets", "find", "sources/a.txt", "Beta"], ["review", "offsets", "hash", "sources/a.txt"]]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
@pytest.mark.parametrize("how", ["/dev/full", "closed"])
def test_a_full_or_closed_stdout_gives_one_message_and_exit_1(tmp_path: Path, args: list[str], how: str) -> None:
    store = project(tmp_path, store_text([event_lines(0), event_lines(1)]))
    args = [a.format(store=store) for a in args]
    if how == "closed":
        result = subprocess.run([*TIMELINE, *args], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: os.close(1))
    else:
        with open("/dev/full", "w") as full:
            result = subprocess.run([*TIMELINE, *args], cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True)
    wrote_to_stdout = args[0] not in ("schema",) and not (args[0] == "check")
    if wrote_to_stdout:
        assert result.returncode == 1, result.stderr
        assert result.stderr.count("cannot write the output") == 1, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


# ----- 14. an edit of a large store composes only what it touches ---------------------------------


def test_an_edit_composes_only_the_events_it_touches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.yamledit import outline

    store = project(tmp_path, store_text([event_lines(n % 4) for n in range(1)] + [
        [line.replace("id: e0", f"id: x{n}") for line in event_lines(0)] for n in range(300)]))
    composed: list[int] = []
    real = outline.compose_span
    monkeypatch.setattr(outline, "compose_span", lambda text, s, e: composed.append(s) or real(text, s, e))
    curate.accept(store, "x150", lane="courts")
    assert load_store(store)[0].event("x150").lane == "courts"
    assert len(composed) <= 2 * outline.SAMPLE + 10, len(composed)


# ----- 15. every refusal names file and line ------------------------------------------------------


def test_refusals_of_the_editor_name_file_and_line(tmp_path: Path) -> None:
    from timeline.yamledit import YamlEditor

    flow = "title: T\nsources:\n  - id: a\n    file: sources/a.txt\nevents: [{id: e0, date: '1990', title: E, citations: [{source: a, quote: 'Alpha met in 1990.', offset: 0}, {source: a, quote: 'Beta met in 1991.', offset: 19}]}]\n"
    store = project(tmp_path, flow)
    curate.split_event(store, "e0", [2])  # a split inside a flow list is spliced (it was refused without a line)
    assert [len(e.citations) for e in load_store(store)[0].events] == [1, 1]
    with pytest.raises(StoreError) as info:
        YamlEditor(flow, str(store)).delete_key(("events", 0), "date")
    assert str(info.value).startswith(f"{store}:5: ") and "<unicode string>" not in str(info.value)
    editor = YamlEditor("a: 1\nb: [x]\n", "f.yaml")
    editor.set((), "a", 2)
    editor.set((), "a", 3)
    with pytest.raises(StoreError) as info:
        editor.result()
    assert str(info.value).startswith("f.yaml:1: ") and "internal error" not in str(info.value)
    with pytest.raises(StoreError) as info:
        YamlEditor("a: [1\nb: 2\n", "g.yaml")
    assert str(info.value).startswith("g.yaml:") and "<unicode string>" not in str(info.value)
