"""iCalendar export: all-day events for the day-precise dates, read back by a real parser (icalendar),
with hostile text that must not add a property or an event, and the count of events left out."""
from __future__ import annotations

import re

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from timeline.builders import get_builder
from timeline.builders.ics import calendar, day_span, escape_text, fold
from timeline.cli import COMMANDS, cli
from timeline.store import load_store

icalendar = pytest.importorskip("icalendar")
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def commands(monkeypatch):
    monkeypatch.setitem(COMMANDS, "export", "timeline.cli.export:export")


def parsed(data: str | bytes):
    cal = icalendar.Calendar.from_ical(data)
    assert not cal.errors
    events = list(cal.walk("VEVENT"))
    assert all(not e.errors for e in events)
    return cal, events


def store_with(roots: Path, **event_fields):
    store = load_store(roots / "export-basic" / "events.yaml")[0]
    event = store.events[0]  # peace-accord, dated 1997-06-27, reviewed
    for name, value in event_fields.items():
        setattr(event, name, value)
    store.events = [event]
    return store


def test_export_writes_one_all_day_event_per_day_precise_event(copy_root):
    root = copy_root("export-basic")
    before = (root / "events.yaml").read_bytes()
    result = CliRunner().invoke(cli, ["export", "ics", str(root / "events.yaml"), "-o", str(root / "events.ics"), "--review"])
    assert result.exit_code == 0, result.output
    assert "7 events are not dated to the day and are left out of the calendar" in result.output
    assert (root / "events.yaml").read_bytes() == before, "an export never touches the store"
    data = (root / "events.ics").read_bytes()
    _, events = parsed(data)
    assert len(events) == 1
    event = events[0]
    assert event.decoded("dtstart") == date(1997, 6, 27) and event.decoded("dtend") == date(1997, 6, 28)
    assert str(event["uid"]) == "peace-accord@annotated-timeline"
    assert str(event["summary"]) == "Peace accord signed"
    text = str(event["description"])
    assert text.startswith("27 June 1997\nThe accord ends the civil war.\nNote: Ask students why it held.")
    assert "\u201cThe peace accord was signed on 27 June 1997.\u201d \u2014 War and return, Example News, February 2019, https://example.org/war-and-return?a=1&b=2" in text
    assert "\n- June 1997: \u201cJune 1997\u201d \u2014 War and return" in text, "a disputed date reads as a date, without doubled quotation marks"
    assert text.endswith("https://example.org/war-and-return?a=1&b=2\n  the month only")
    assert event["categories"].cats == ["Politics"]


def test_reviewed_only_by_default_and_no_note_when_nothing_is_left_out(copy_root):
    root = copy_root("export-basic")
    result = CliRunner().invoke(cli, ["export", "ics", str(root / "events.yaml"), "-o", str(root / "e.ics")])
    assert result.exit_code == 0 and "not dated to the day" not in result.output
    assert len(parsed((root / "e.ics").read_bytes())[1]) == 1


def test_lines_end_in_crlf_and_fit_75_octets(roots):
    store = store_with(roots, title="Ünïcödé " * 30, summary="😀" * 100)
    text, _ = calendar(store, now=NOW)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    _, events = parsed(text)
    assert str(events[0]["summary"]) == store.events[0].title
    assert "😀" * 100 in str(events[0]["description"])


HOSTILE = "a,b;c\\d\r\nEND:VEVENT\r\nBEGIN:VEVENT\nUID:evil\rX\x00\x1b[31m\u2028y\x85z\x0bq\tw"


def test_hostile_text_stays_inside_its_property(roots):
    store = store_with(roots, title=HOSTILE, summary=HOSTILE, note=HOSTILE)
    text, _ = calendar(store, now=NOW)
    _, events = parsed(text)
    assert len(events) == 1 and str(events[0]["uid"]) == "peace-accord@annotated-timeline"
    assert str(events[0]["summary"]) == "a,b;c\\d\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nX[31m\ny\nz\nq\tw"
    assert "\x00" not in text and "\x1b" not in text


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_any_title_round_trips_through_a_real_parser(title):
    store = load_store(Path(__file__).parent / "roots" / "export-basic" / "events.yaml")[0]
    event = store.events[0]
    event.title = title
    store.events = [event]
    text, _ = calendar(store, now=NOW)
    _, events = parsed(text)
    assert len(events) == 1
    expected = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), escape_text(title), flags=re.S)  # RFC 5545 unescaping
    assert str(events[0]["summary"]) == expected


@pytest.mark.parametrize("edtf, span", [
    ("1997-06-27", (date(1997, 6, 27), date(1997, 6, 27))),
    ("~1997-06-27", (date(1997, 6, 27), date(1997, 6, 27))),
    ("2019-01-02/2019-01-05", (date(2019, 1, 2), date(2019, 1, 5))),
    ("2019-01-02/2019-02", None), ("2019-01-02/..", None), ("../2019-01-02", None),
    ("1997-06", None), ("1997", None), ("2018-23", None), ("199X", None), ("XXXX-11-09", None),
])
def test_only_days_make_calendar_events(edtf, span):
    assert day_span(edtf) == span


def test_an_interval_of_days_ends_the_day_after_its_last_day(roots):
    _, events = parsed(calendar(store_with(roots, date="2019-01-02/2019-01-05"), now=NOW)[0])
    assert events[0].decoded("dtstart") == date(2019, 1, 2) and events[0].decoded("dtend") == date(2019, 1, 6)


def test_the_same_store_gives_the_same_file(copy_root, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = copy_root("export-basic")
    runs = [CliRunner().invoke(cli, ["export", "ics", str(root / "events.yaml"), "-q"]).stdout_bytes for _ in range(2)]
    assert runs[0] == runs[1] and b"DTSTAMP:20231114T221320Z\r\n" in runs[0]


@pytest.mark.parametrize("line", ["x" * 200, "é" * 100, "😀" * 40, "a" + "€" * 50])
def test_fold_never_splits_a_character(line):
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_builder_is_registered():
    assert get_builder("ics").suffix == ".ics"
