"""Titles never carry markup: Markdown emphasis, code, links, headings and table bars are read as text."""
from __future__ import annotations

from pathlib import Path

from timeline.extract.events import extract
from timeline.extract.titles import make_title


def test_markdown_emphasis_links_and_headings_leave_no_marks_in_titles() -> None:
    assert make_title("The **council** approved the _new_ bridge, said [the mayor](https://example.org).", []) == "The council approved the new bridge"
    assert make_title("## Council *approves* the `bridge` budget", []) == "Council approves the bridge budget"
    assert make_title("The snake_case name and 2*3*4 stay as written", []) == "The snake_case name and 2*3*4 stay as written"


def test_a_markdown_table_row_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\n| Date | What happened |\n|---|---|\n| 3 May 2019 | The city council **approved** the new river bridge |\n", encoding="utf-8")
    (event,) = extract([path]).events
    assert event.date == "2019-05-03"
    assert not any(mark in event.title for mark in "|*#") and "council approved the new river bridge" in event.title
