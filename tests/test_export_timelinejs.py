"""TimelineJS 3 export: dates at their precision, escaped text, and a real load in TimelineJS (headless Chromium)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.builders import get_builder
from timeline.cli import COMMANDS, cli
from timeline.store import load_store

REPO = Path(__file__).resolve().parents[1]
DIST = REPO / "node_modules" / "@knight-lab" / "timelinejs" / "dist"


@pytest.fixture(autouse=True)
def commands(monkeypatch):
    monkeypatch.setitem(COMMANDS, "export", "timeline.cli.export:export")


def exported(root: Path) -> dict:
    target = root / "timeline.json"
    result = CliRunner().invoke(cli, ["export", "timelinejs", str(root / "events.yaml"), "-o", str(target), "--review"])
    assert result.exit_code == 0, result.output
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("edtf, start, end", [
    ("1997-06-27", {"year": 1997, "month": 6, "day": 27}, None),
    ("2015-05", {"year": 2015, "month": 5}, None),
    ("2015", {"year": 2015}, None),
    ("~2015", {"year": 2015}, None),
    ("2018-23", {"year": 2018, "month": 9}, {"year": 2018, "month": 11, "day": 30}),
    ("2018-24", {"year": 2018, "month": 12}, {"year": 2019, "month": 2, "day": 28}),
    ("2020-24", {"year": 2020, "month": 12}, {"year": 2021, "month": 2, "day": 28}),
    ("199X", {"year": 1990}, {"year": 1999, "month": 12, "day": 31}),
    ("1992/1997", {"year": 1992}, {"year": 1997, "month": 12, "day": 31}),
    ("1992/1997-06", {"year": 1992}, {"year": 1997, "month": 6, "day": 30}),
    ("2000-01/2000-02", {"year": 2000, "month": 1}, {"year": 2000, "month": 2, "day": 29}),
    ("1992/199X", {"year": 1992}, {"year": 1999, "month": 12, "day": 31}),
    ("1992-03/1997-06-27", {"year": 1992, "month": 3}, {"year": 1997, "month": 6, "day": 27}),
    ("2019-01/..", {"year": 2019, "month": 1}, None),
    ("../2019", {"year": 2019}, None),
])
def test_date_parts_start_at_the_precision_and_end_on_the_last_day(edtf, start, end):
    from timeline.builders.timelinejs import date_parts

    assert date_parts(edtf) == (start, end)


def test_unplaceable_dates_are_left_out(copy_root):
    data = exported(copy_root("export-basic"))
    ids = [e["unique_id"] for e in data["events"]]
    assert "unknown-year" not in ids and len(ids) == 7


def test_slides_carry_display_date_group_and_escaped_text(copy_root):
    data = exported(copy_root("export-basic"))
    slides = {e["unique_id"]: e for e in data["events"]}
    assert slides["amnesty"]["display_date"] == "May 2015"
    assert slides["returns-slow"]["display_date"] == "autumn 2018"
    assert slides["departures"]["display_date"] == "c. 2015"
    assert slides["amnesty"]["group"] == "Politics" and slides["returns-slow"]["group"] == "People &amp; places"
    assert "group" not in slides["repatriation"]
    hostile = slides["hostile"]
    assert hostile["text"]["headline"] == "&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt; &amp; &quot;title&quot; <small>(candidate)</small>"
    assert slides["peace-accord"]["text"]["headline"] == "Peace accord signed"
    assert "<script" not in hostile["text"]["text"] and "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile["text"]["text"]
    accord = slides["peace-accord"]["text"]["text"]
    assert accord.startswith("<p>The accord ends the civil war.</p><p class=\"tl-note\"><em>Note:</em> Ask students why it held.</p>")
    assert '<a href="https://example.org/war-and-return?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">War and return</a>' in accord
    assert "Example News, February 2019" in accord
    assert data["eras"] == [{"start_date": {"year": 1992}, "end_date": {"year": 1997, "month": 12, "day": 31},
                             "text": {"headline": "Civil war", "text": ""}}]
    assert data["title"]["text"]["headline"] == "War and return &lt;em&gt;test&lt;/em&gt;"


def test_disputes_show_readable_dates_with_their_quotes(copy_root):
    slides = {e["unique_id"]: e for e in exported(copy_root("export-basic"))["events"]}
    accord = slides["peace-accord"]["text"]["text"]
    source = '<a href="https://example.org/war-and-return?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">War and return</a>'
    assert "<p><strong>Disputed:</strong> When was the accord signed?</p>" in accord
    assert f"<li><strong>27 June 1997</strong>: \u201cThe peace accord was signed on 27 June 1997.\u201d \u2014 {source}" in accord
    assert f"<li><strong>June 1997</strong>: \u201cJune 1997\u201d \u2014 {source}, Example News, February 2019<br><em>the month only</em></li>" in accord
    assert "1997-06" not in accord and "\u201c&quot;" not in accord, "no raw EDTF, no doubled quotation marks"
    departures = slides["departures"]["text"]["text"]
    assert "<li><strong>1,100</strong>: \u201cSome say 1,100 people left\u201d" in departures


def test_without_review_only_reviewed_events_are_exported(roots):
    from timeline.builders.timelinejs import timelinejs_data

    store = load_store(roots / "export-basic" / "events.yaml")[0]
    assert [e["unique_id"] for e in timelinejs_data(store)["events"]] == ["peace-accord"]


def test_builder_is_registered():
    assert get_builder("timelinejs").suffix == ".json"


def _page_html(data: dict) -> str:
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{DIST.as_uri()}/css/timeline.css">
<script src="{DIST.as_uri()}/js/timeline.js"></script></head>
<body><div id="tl" style="width:1100px;height:700px"></div>
<script>
window.tlLoaded = false;
window.timeline = new TL.Timeline("tl", {payload}, {{hash_bookmark: false, font: null}});
window.timeline.on("loaded", function () {{ window.tlLoaded = true; }});
</script></body></html>"""


def _load(page, root: Path, data: dict) -> None:
    if not (DIST / "js" / "timeline.js").exists():
        pytest.skip("TimelineJS is not installed: run npm ci")
    html_file = root / "tl.html"
    html_file.write_text(_page_html(data), encoding="utf-8")
    page.goto(html_file.as_uri())
    page.wait_for_function("window.tlLoaded === true", timeout=20000)


@pytest.mark.browser
def test_timelinejs_loads_the_export(page, copy_root):
    root = copy_root("export-basic")
    data = exported(root)
    _load(page, root, data)
    assert page.evaluate("window.timeline.config.events.length") == len(data["events"]) == 7
    assert page.evaluate("document.querySelectorAll('.tl-timemarker').length") == 7
    page.evaluate("window.timeline.goToId('amnesty')")
    page.wait_for_timeout(1200)
    current = page.locator(".tl-slide").filter(has_text="Amnesty offered").first
    assert current.locator(".tl-headline-date").inner_text().strip() == "May 2015"
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator(".tl-slide").filter(has_text='<img src=x onerror="window.pwned=1"> & "title"').count() == 1
    assert "People & places" in page.locator(".tl-timegroup-message").all_inner_texts()
    band_end = page.evaluate("(() => { const d = window.timeline.config.eras[0].end_date.data.date_obj;"
                             " return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()")
    assert band_end == [1997, 12, 31], "the 1992/1997 band ends on the last day of 1997, after the June 1997 accord"
    accord_after_band = page.evaluate("(() => { const c = window.timeline.config;"
                                      " return c.event_dict['peace-accord'].start_date.isBefore(c.eras[0].end_date); })()")
    assert accord_after_band is True
    assert page.console_errors == []


@pytest.mark.browser
def test_timelinejs_loads_the_shipped_timeline(page, tmp_path):
    if not (REPO / "events.yaml").exists():
        pytest.skip("no events.yaml at the repository root")
    from timeline.builders.timelinejs import timelinejs_data

    data = timelinejs_data(load_store(REPO / "events.yaml")[0])
    _load(page, tmp_path, data)
    assert page.evaluate("window.timeline.config.events.length") == len(data["events"]) > 50
    assert page.console_errors == []
