"""Benchmark the built page against TimelineJS 3 on the same synthetic events, in headless Chromium.

For 100, 1,000 and 10,000 events: medians over N loads of navigation start -> plotly_afterplot and idle,
the time of a search and of a zoom, JS heap, DOM nodes and bytes; TimelineJS 3 (self-hosted from
node_modules) load and next-slide on the same events. Writes a Markdown table to bench/results/page.md.

    python bench/bench_page.py                 # 5 loads each (TimelineJS at 10,000: 2 loads, it takes ~20 s each)
    python bench/bench_page.py --runs 1 --sizes 100 1000
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TLJS = REPO / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
CHROMIUM = "/usr/bin/chromium"
AIMS = {100: 0.5, 1000: 0.7, 10000: 1.2}  # issue 14: plot drawn and idle within this many seconds
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"]
LANES = ["politics", "security", "religion", "economy", "society", "diplomacy"]
WORDS = ("amnesty court ban party militants return government border repatriation ministry accord peace "
         "election protest reform security fighters families women children camp village mosque law").split()


def synthetic_store(n: int, seed: int = 7) -> tuple[Any, dict[str, Any]]:
    """A valid store of n events over 1900-2025 at mixed precisions, citing 20 synthetic sources."""
    from timeline.schema import Store
    from timeline.sources import SourceText

    rng = random.Random(seed)
    texts, sources = {}, []
    for s in range(20):
        body = " ".join(rng.choice(WORDS) for _ in range(4000))
        sid = f"source-{s}"
        texts[sid] = body
        sources.append({"id": sid, "file": f"{sid}.txt", "title": f"Article {s}", "publisher": f"Publisher {s % 5}",
                        "published": "2020-05", "published_basis": "stated",
                        **({"url": f"https://example.org/{sid}"} if s % 2 else {})})
    events = [_event(i, rng, texts) for i in range(n)]
    store = Store.model_validate({"title": f"{n} synthetic events", "sources": sources,
                                  "lanes": [{"id": lane, "label": lane.title()} for lane in LANES],
                                  "eras": [{"id": "war", "title": "A war", "date": "1939/1945"}], "events": events})
    loaded = {sid: SourceText(store.source(sid), Path(f"{sid}.txt"), text) for sid, text in texts.items()}
    return store, loaded


def _date(rng: random.Random) -> str:
    # 1,200 distinct days: timeline.dates.parse costs 5-20 ms per distinct date (python-edtf), cached for 4,096.
    day = date(1900, 1, 1) + timedelta(days=37 * rng.randrange(1200))
    kind = rng.random()
    if kind < 0.6:
        return day.isoformat()
    if kind < 0.8:
        return day.isoformat()[:7]
    if kind < 0.9:
        return f"~{day.year}" if rng.random() < 0.5 else str(day.year)
    return f"{day.year}/{day.year + rng.randrange(1, 6)}"


def _event(i: int, rng: random.Random, texts: dict[str, str]) -> dict[str, Any]:
    cites = []
    for _ in range(rng.choice([1, 1, 2])):
        sid = f"source-{rng.randrange(20)}"
        at = rng.randrange(len(texts[sid]) - 200)
        at = texts[sid].index(" ", at) + 1
        quote = texts[sid][at:at + 90].rsplit(" ", 1)[0]
        cites.append({"source": sid, "quote": quote, "offset": at})
    words = [rng.choice(WORDS) for _ in range(6)]
    return {"id": f"event-{i}", "date": _date(rng), "title": f"{' '.join(words[:4]).capitalize()} {i}",
            "summary": " ".join(rng.choice(WORDS) for _ in range(22)).capitalize() + ".",
            "lane": rng.choice(LANES), "tags": [words[4]], "actors": [f"Actor {rng.randrange(50)}"],
            "places": [f"Place {rng.randrange(30)}"], "status": "reviewed", "importance": rng.randrange(1, 6),
            "citations": cites}


def timelinejs_page(store: Any, folder: Path) -> Path:
    """TimelineJS 3 on the same events, self-hosted (dist copied beside the page)."""
    shutil.copytree(TLJS, folder / "tljs", dirs_exist_ok=True)
    from timeline import dates

    events = []
    for e in store.events:
        value = dates.parse(e.date)
        start = {"year": value.lower.year}
        if value.precision in ("day", "month"):
            start["month"] = value.lower.month
        if value.precision == "day":
            start["day"] = value.lower.day
        item = {"start_date": start, "text": {"headline": e.title, "text": e.summary}, "group": e.lane,
                "unique_id": e.id}
        if value.precision == "interval":
            item["end_date"] = {"year": value.upper.year}
        events.append(item)
    (folder / "events.json").write_text(json.dumps({"title": {"text": {"headline": store.title}}, "events": events}))
    page = folder / "tljs.html"
    page.write_text("""<!DOCTYPE html><html><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="tljs/css/timeline.css"></head>
<body style="margin:0"><div id="tl" style="width:100%;height:650px"></div>
<script src="tljs/js/timeline.js"></script>
<script>
window.tlReady = false;
fetch("events.json").then(r => r.json()).then(d => {
  window.tl = new TL.Timeline("tl", d, {script_path: new URL("tljs/js/", location.href).href, hash_bookmark: false});
  window.tl.on("loaded", () => requestAnimationFrame(() => setTimeout(() => { window.tlLoadMs = performance.now(); window.tlReady = true; }, 0)));
});
</script></body></html>""")
    return page


def _wait(page: Any, condition: str, timeout: float = 120.0) -> None:
    """Wait inside the page (a 10 ms timer there) until the JS condition holds: one call, where polling from here
    (page.evaluate every 10 ms) put a round trip through the driver on the main thread being measured."""
    page.evaluate("() => new Promise((done, fail) => { const end = performance.now() + %d; (function check() {"
                  " if (%s) done(); else if (performance.now() > end) fail(new Error('timeout')); else setTimeout(check, 10);"
                  " })(); })" % (timeout * 1000, condition))


BLANK = "blank.html"  # an empty page beside each measured one, same site


def _tab(browser: Any, url: str) -> Any:
    """A tab already showing an empty page of the page's own site. A fresh tab (about:blank) navigated to another
    site swaps renderer processes, and the process left behind used 90-220 ms of CPU during the measured load
    (bench/results/page.md); a reader's tab that opens the page has no such neighbour."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url.rsplit("/", 1)[0] + "/" + BLANK)
    time.sleep(0.3)
    return page


def _heap_mb(page: Any) -> float:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["JSHeapUsedSize"] / 1e6


SEARCH_JS = """(async () => { const q = document.getElementById('tl__q'); q.value = %s;
  const t = performance.now(); await timelinePage.filter();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))); return performance.now() - t; })()"""
ZOOM_JS = """(async () => { const t = performance.now(); await timelinePage.zoom('zoom_in');
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))); return performance.now() - t; })()"""


def measure_ours(browser: Any, url: str) -> dict[str, float]:
    """One load of our page: afterplot+idle, search, zoom, heap, DOM nodes."""
    page = _tab(browser, url)
    page.goto(url, wait_until="commit")
    _wait(page, "window.timelinePage && window.timelinePage.idleMs > 0")
    result = {"load": page.evaluate("timelinePage.idleMs") / 1000, "afterplot": page.evaluate("timelinePage.afterplotMs") / 1000,
              "drawn": page.evaluate("timelinePage.drawn"), "groups": page.evaluate("timelinePage.groups")}
    _wait(page, "timelinePage.listCompleteMs !== undefined")  # long lists: the rest arrives after the plot
    result["list"] = max(page.evaluate("timelinePage.listCompleteMs") / 1000, result["load"])
    result["heap"] = _heap_mb(page)
    result["nodes"] = page.evaluate("document.getElementsByTagName('*').length")
    result["search"] = page.evaluate(SEARCH_JS % json.dumps("court ban"))
    page.evaluate(SEARCH_JS % json.dumps(""))
    result["zoom"] = page.evaluate(ZOOM_JS)
    page.close()
    return result


TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"]
TRACED = 5  # traced loads a size, for where the time goes
LIFECYCLE = {"UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize"}  # style, layout, paint (not nested in each other)


def breakdown(browser: Any, url: str) -> dict[str, float]:
    """One traced load: the renderer main thread's CPU time (ms) from navigation to the plot drawn, by what it did.

    plotly: evaluating plotly.js (parse, compile, top-level run); page: the page script, Plotly.newPlot and the marks
    layer included; render: style, layout and paint outside the scripts; other: HTML parse and decode, navigation."""
    page = _tab(browser, url)
    browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
    page.goto(url, wait_until="commit")
    _wait(page, "window.timelinePage && window.timelinePage.idleMs > 0")
    events = json.loads(browser.stop_tracing())["traceEvents"]
    page.close()
    scripts = sorted((e for e in events if e.get("name") == "EvaluateScript" and e.get("ph") == "X"
                      and e["args"].get("data", {}).get("url") == url), key=lambda e: e["ts"])
    main = (scripts[0]["pid"], scripts[0]["tid"])  # the page's renderer thread; plotly.js is its first script
    end = min(e["ts"] for e in events if e.get("name") == "tl-plotted")
    mine = [e for e in events if (e["pid"], e["tid"]) == main and e.get("ph") == "X" and e["ts"] <= end]
    scripts = [e for e in scripts if e["ts"] <= end]
    cpu = {"plotly": scripts[0].get("tdur", 0) / 1000, "page": sum(e.get("tdur", 0) for e in scripts[1:]) / 1000}
    outside = [e for e in mine if e["name"] in LIFECYCLE and not any(s["ts"] <= e["ts"] <= s["ts"] + s["dur"] for s in scripts)]
    cpu["render"] = sum(e.get("tdur", 0) for e in outside) / 1000
    total = sum(e.get("tdur", 0) for e in mine if e["name"] == "RunTask") / 1000
    cpu["other"] = total - cpu["plotly"] - cpu["page"] - cpu["render"]
    cpu["total"] = total
    return cpu


def measure_tljs(browser: Any, url: str) -> dict[str, float]:
    """One load of TimelineJS: 'loaded' event + a frame, then next slide."""
    page = _tab(browser, url)
    page.goto(url, wait_until="commit")
    _wait(page, "window.tlReady === true", timeout=300)
    result = {"load": page.evaluate("tlLoadMs") / 1000, "heap": _heap_mb(page),
              "nodes": page.evaluate("document.getElementsByTagName('*').length")}
    result["next"] = page.evaluate("""(async () => { const t = performance.now(); tl.goToNext();
        await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))); return performance.now() - t; })()""")
    page.close()
    return result


def _median(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def run(sizes: list[int], runs: int, tljs_big_runs: int, out: Path) -> str:
    from playwright.sync_api import sync_playwright

    from timeline.builders.html import render_html

    lines: list[str] = []
    cpu: list[tuple[int, list[dict[str, float]]]] = []
    start_load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    work = Path(tempfile.mkdtemp(prefix="bench-page-"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for k, n in enumerate(sizes):
            store, texts = synthetic_store(n)
            folder = work / str(n)
            folder.mkdir()
            (folder / BLANK).write_text("<!DOCTYPE html><title>blank</title>")
            t0 = time.perf_counter()
            html = render_html(store, texts)
            build_s = time.perf_counter() - t0
            (folder / "timeline.html").write_text(html, encoding="utf-8")
            url, tl_url = (folder / "timeline.html").as_uri(), _served(folder, timelinejs_page(store, folder))
            if k == 0:  # a warm-up load of each, not counted: the browser's first loads pay for its own start
                measure_ours(browser, url)
                measure_tljs(browser, tl_url)
            ours = [measure_ours(browser, url) for _ in range(runs)]
            cpu.append((n, [breakdown(browser, url) for _ in range(TRACED)]))
            tl_runs = runs if n < 10_000 else min(runs, tljs_big_runs)
            theirs = [measure_tljs(browser, tl_url) for _ in range(tl_runs)] if tl_runs else []
            tl_bytes = sum(p.stat().st_size for p in [folder / "events.json", folder / "tljs.html",
                                                      folder / "tljs/js/timeline.js", folder / "tljs/css/timeline.css"])
            lines.append(_row(n, ours, theirs, len(html.encode()), tl_bytes, build_s, runs, tl_runs))
            print(lines[-1], file=sys.stderr)
        example = _example_row(browser, work, runs)
        browser.close()
    shutil.rmtree(work, ignore_errors=True)
    return _table(lines, runs, start_load) + example + _cpu_table(cpu)


def _example_row(browser: Any, work: Path, runs: int) -> str:
    """The example page (events.yaml at the repository root), when present."""
    store_path = REPO / "events.yaml"
    if not store_path.exists():
        return ""
    from timeline.builders.html import render_html
    from timeline.check import check_store

    store, texts, _ = check_store(store_path)
    page = work / "example.html"
    (work / BLANK).write_text("<!DOCTYPE html><title>blank</title>")
    page.write_text(render_html(store, texts), encoding="utf-8")
    rows = [measure_ours(browser, page.as_uri()) for _ in range(runs)]
    return (f"\nThe example page (`events.yaml`, {len(store.events)} events): afterplot {_median(rows, 'afterplot'):.2f} s, "
            f"afterplot + idle {_median(rows, 'load'):.2f} s, search {_median(rows, 'search'):.0f} ms, "
            f"zoom {_median(rows, 'zoom'):.0f} ms, {_median(rows, 'drawn'):.0f} marks + {_median(rows, 'groups'):.0f} group badges "
            f"at the first view, {page.stat().st_size:,} bytes, {_median(rows, 'nodes'):,.0f} DOM nodes.\n")


_SERVERS: dict[Path, str] = {}


def _served(folder: Path, page: Path) -> str:
    """TimelineJS fetches its JSON, which file:// forbids: serve the folder on 127.0.0.1."""
    import functools
    import http.server
    import threading

    if folder not in _SERVERS:
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        _SERVERS[folder] = f"http://127.0.0.1:{httpd.server_address[1]}"
    return f"{_SERVERS[folder]}/{page.name}"


def _row(n: int, ours: list[dict[str, float]], theirs: list[dict[str, float]], size: int, tl_size: int,
         build_s: float, runs: int, tl_runs: int) -> str:
    tl = (f"{_median(theirs, 'load'):.2f} s / {_median(theirs, 'next'):.0f} ms | {_median(theirs, 'heap'):.0f} MB | "
          f"{_median(theirs, 'nodes'):,.0f} | {tl_size / 1e6:.2f} MB ({tl_runs})") if theirs else "not run | | |"
    tl = tl.replace(" | ", f", all {n:,} drawn | ", 1)
    aim = AIMS.get(n)
    within = f"{sum(r['load'] < aim for r in ours)} of {len(ours)} < {aim} s" if aim else ""
    return (f"| {n:,} | {_median(ours, 'afterplot'):.2f} s | {_median(ours, 'load'):.2f} s | {within} | {_median(ours, 'list'):.2f} s | "
            f"{_median(ours, 'search'):.0f} ms | "
            f"{_median(ours, 'zoom'):.0f} ms | {_median(ours, 'drawn'):,.0f} + {_median(ours, 'groups'):,.0f} | "
            f"{_median(ours, 'heap'):.0f} MB | {_median(ours, 'nodes'):,.0f} | "
            f"{size / 1e6:.2f} MB | {build_s:.2f} s | {tl} |")


def _table(lines: list[str], runs: int, start_load: str) -> str:
    head = ("| events | ours: afterplot | ours: afterplot + idle | loads within the aim | ours: whole list in DOM | search | zoom "
            "| drawn at once: marks + group badges | JS heap | DOM nodes "
            "| page bytes | build | TimelineJS 3 load / next slide | TJS heap | TJS DOM nodes | TJS bytes (loads) |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"# Page benchmark\n\nMedians of {runs} loads in headless Chromium (`{CHROMIUM}`), 1280x900, file:// for our page, "
            "127.0.0.1 http for TimelineJS (it fetches its JSON). Times from navigation start. Each load in a new tab "
            "already on an empty page of the same site, the harness waiting inside the page; one uncounted load of each "
            "page before the first size. 'Loads within the aim': of these loads, how many were drawn and idle within "
            "issue 14's aim (0.5 / 0.7 / 1.2 s). Our page is one "
            "self-contained file (plotly.js core bundle inline, tools/build-plotly.js): plotly draws the axes, eras and the drag zoom; the marks, "
            "periods, titles and group badges are the page's own SVG layer. Search ('court ban', then the plot redrawn; a list of up to 400 "
            "entries follows at once, a longer one a slice at a time while the page is idle) and "
            "zoom (one 'Zoom in' press) are timed from the call to the next frame, after the whole list is in the DOM; "
            "heap and DOM nodes with the whole list in. Above 100 events the list beyond the first 100 arrives from <noscript> "
            "chunks after the plot ('whole list in DOM'). TimelineJS: 'loaded' event plus a frame; next slide = goToNext() to "
            "the next frame. 'Drawn at once': marks with their own place on the plot at the first view (1280 px), at most "
            "360 a view, the most important first; every other event in view is counted in a numbered group badge "
            "(clicking it zooms in). TimelineJS draws a marker for every event ('all n drawn'). "
            "Produced by `python bench/bench_page.py`.\n\n"
            f"Machine load average (1, 5, 15 min, 2 cores shared with other jobs) at the start of the run: {start_load}; at the "
            f"end: {load}. Both pages ran in the same run, so compare them with each other rather than with a run on a "
            "quieter machine.\n\n"
            f"{head}\n" + "\n".join(lines) + "\n")


def _cpu_table(rows: list[tuple[int, list[dict[str, float]]]]) -> str:
    head = ("\nWhere the time goes: CPU time of the page's renderer main thread from navigation to the plot drawn, "
            f"median of {TRACED} traced loads (tracing adds a little; CPU time depends less on the other jobs than the "
            "times above). plotly.js: evaluating its inline script (parse, compile, top-level run); page script: ours, "
            "with Plotly.newPlot and the marks layer; style, layout, paint: outside the scripts; other: navigation, "
            "HTML decode and parse.\n\n| events | plotly.js | page script | style, layout, paint | other | total |\n"
            "|---|---|---|---|---|---|\n")
    keys = ("plotly", "page", "render", "other", "total")
    return head + "".join(f"| {n:,} | " + " | ".join(f"{_median(r, k):.0f} ms" for k in keys) + " |\n" for n, r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tljs-big-runs", type=int, default=2, help="loads of TimelineJS at 10,000 events (slow)")
    parser.add_argument("-o", "--output", type=Path, default=REPO / "bench" / "results" / "page.md")
    args = parser.parse_args()
    table = run(args.sizes, args.runs, args.tljs_big_runs, args.output)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(table)
    print(table)


if __name__ == "__main__":
    main()
