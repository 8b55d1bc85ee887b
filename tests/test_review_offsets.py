"""`timeline review offsets`: find quotes in sources, and fix every citation's offset through the editor."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from timeline.check import check_store
from timeline.curate.offsets import find_all, fix_offsets
from timeline.read.safe import read_source_file

REPO = Path(__file__).resolve().parents[1]
STORE = REPO / "events.yaml"
ARCHIVE = "sources/isis-tag-archive.txt"


def _fixed(store: Path) -> tuple[int, list[str]]:
    report = fix_offsets(store)
    return report.changes, [str(p) for p in report.problems]


def test_offsets_finds_quotes_typed_with_plain_punctuation() -> None:
    text = read_source_file(REPO / ARCHIVE)
    [(offset, exact)] = find_all(text, "This year marks the twentieth anniversary of the signing of Tajikistan's peace accords in 1997.")
    assert text[offset:offset + len(exact)] == exact and "\u2019" in exact
    assert find_all(text, "not in the archive at all") == []


def test_offsets_fix_restores_wrong_offsets(tmp_path: Path) -> None:
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    original = STORE.read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^(\s+offset: )\d+$", r"\g<1>0", original, count=40)
    (tmp_path / "events.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(Exception):
        check_store(tmp_path / "events.yaml")
    changes, problems = _fixed(tmp_path / "events.yaml")
    assert problems == [] and changes > 0
    check_store(tmp_path / "events.yaml")
    assert (tmp_path / "events.yaml").read_text(encoding="utf-8") == original


def test_offsets_fix_repairs_typography_on_one_line_and_refuses_multiline(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("Intro.\nThe party’s ban\u00a0came in 2015.\n", encoding="utf-8")
    store = tmp_path / "events.yaml"
    store.write_text(
        "sources:\n  - id: a\n    file: sources/a.txt\n"
        "events:\n"
        "  - id: one\n    date: \"2015\"\n    title: Ban\n    citations:\n"
        "      - source: a\n        quote: 'The party''s ban came in 2015.'\n        offset: 0\n"
        "  - id: two\n    date: \"2015\"\n    title: Ban again\n    citations:\n"
        "      - source: a\n        quote: >-\n          The party's ban\n          came in 2015.\n        offset: 0\n",
        encoding="utf-8",
    )
    changes, problems = _fixed(store)
    assert changes == 3 and len(problems) == 1 and "one line" in problems[0]
    text = store.read_text(encoding="utf-8")
    assert "quote: \"The party’s ban\\u00a0came in 2015.\"" in text and "offset: 7" in text
    assert "          The party's ban\n" in text  # the folded quote is left for the editor


def test_offsets_commands_check_then_fix_through_the_cli(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("Intro. The ban came in 2015.\n", encoding="utf-8")
    store = tmp_path / "events.yaml"
    text = ("sources:\r\n  - id: a\r\n    file: sources/a.txt\r\nevents:\r\n  - id: one\r\n    date: \"2015\"\r\n    title: Ban\r\n"
            "    citations:\r\n      - source: a\r\n        quote: The ban came in 2015.\r\n        offset: 0\r\n")
    store.write_bytes(text.encode("utf-8"))
    timeline = [sys.executable, "-m", "timeline", "review", "offsets"]
    checked = subprocess.run([*timeline, "check", "-s", str(store)], capture_output=True, text=True)
    assert checked.returncode == 1 and "1 value(s) would change" in checked.stderr and store.read_bytes() == text.encode("utf-8")
    fixed = subprocess.run([*timeline, "fix", "-s", str(store)], capture_output=True, text=True)
    assert fixed.returncode == 0 and store.read_bytes() == text.replace("offset: 0", "offset: 7").encode("utf-8")
    found = subprocess.run([*timeline, "find", str(tmp_path / "sources" / "a.txt"), "ban came"], capture_output=True, text=True)
    assert found.returncode == 0 and found.stdout == "11\tban came\n"
