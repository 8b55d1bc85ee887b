"""The built page driven as a reader would, in Debian's headless Chromium: plot, search, panel, deep links, keys."""
from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import wait_for as _wait

from timeline.builders import BuildContext
from timeline.builders.html import HtmlBuilder
from timeline.check import check_store

pytestmark = pytest.mark.browser
ROOTS = Path(__file__).parent / "roots"
READY = "window.timelinePage && window.timelinePage.ready"


def _build(root: str, outdir: Path, **options: Any) -> Path:
    store, texts, _ = check_store(ROOTS / root / "events.yaml")
    opts = {"plotly": "inline", "review": True, **options}
    return HtmlBuilder(BuildContext(store, texts, ROOTS / root / "events.yaml", opts)).build(outdir)[0]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("site")
    return {"basic": _build("page-basic", base / "basic"), "hostile": _build("page-hostile", base / "hostile"),
            "reviewed": _build("page-basic", base / "reviewed", review=False)}


@pytest.fixture(scope="module")
def server(site: dict[str, Path]) -> Iterator[str]:
    """The basic page and an embedding page served from 127.0.0.1 (for the iframe test)."""
    folder = site["basic"].parent
    (folder / "host.html").write_text('<!DOCTYPE html><title>host</title><link rel="icon" href="data:,"><h1>Host page</h1>'
                                      '<iframe id="frame" src="timeline.html#storm-2019" title="Timeline" width="900" height="700"></iframe>')
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def _open(page: Any, path: Path, fragment: str = "") -> list[str]:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri() + fragment)
    _wait(page, READY)
    return requests


def _plot_points(page: Any) -> int:
    """Marks drawn in the plot's own layer (one per event shown)."""
    return page.locator("#tl__plot .tl-mark").count()


def _visible_items(page: Any) -> int:
    return page.locator(".tl-list > li:not([hidden])").count()


def test_loads_without_errors_or_network(page: Any, site: dict[str, Path]) -> None:
    requests = _open(page, site["basic"])
    page.wait_for_timeout(200)
    assert requests == [site["basic"].as_uri()]
    assert page.console_errors == []
    assert _plot_points(page) == 7 and _visible_items(page) == 7
    assert page.locator("#tl__plot .tl-bar").count() >= 4
    assert page.locator("#tl__controls").is_visible()


def test_search_narrows_plot_and_list(page: Any, site: dict[str, Path]) -> None:
    _open(page, site["basic"])
    page.fill("#tl__q", "flooded")  # summary of one event, quotes of its dispute
    _wait(page, "document.querySelectorAll('#tl__list > li:not([hidden])').length === 1")
    page.wait_for_timeout(50)
    assert _plot_points(page) == 1
    assert page.locator("#tl__status").inner_text() == "1 event matches"
    assert page.evaluate("timelinePage.drawn") == 1
    page.fill("#tl__q", "twelve families")  # only in a quote
    _wait(page, "!document.getElementById('coop-founded').hidden")
    assert _visible_items(page) == 1
    page.fill("#tl__q", "port ALDER")  # places and an actor, any case
    _wait(page, "document.getElementById('tl__status').textContent === '3 events match'")
    assert _plot_points(page) == 3
    page.fill("#tl__q", "zzzz")
    _wait(page, "document.getElementById('tl__status').textContent === 'No event matches'")
    assert _plot_points(page) == 0


def test_filters_by_lane_tag_and_source(page: Any, site: dict[str, Path]) -> None:
    _open(page, site["basic"])
    page.select_option("#tl__lane", label="Community")
    _wait(page, "document.getElementById('tl__status').textContent === '3 events match'")
    assert _visible_items(page) == 3 and _plot_points(page) == 3
    page.select_option("#tl__tag", label="transport")
    _wait(page, "document.getElementById('tl__status').textContent === '2 events match'")
    page.click("#tl__clear")
    page.select_option("#tl__source", label="Harbor Gazette: Council votes to rebuild harbour wall")
    _wait(page, "document.getElementById('tl__status').textContent === '4 events match'")
    assert _plot_points(page) == 4
    page.click("#tl__clear")
    _wait(page, "document.getElementById('tl__status').textContent === '7 events match'")


def test_click_on_plot_and_enter_on_list_open_the_panel(page: Any, site: dict[str, Path]) -> None:
    _open(page, site["basic"])
    point = page.locator("#tl__plot .tl-mark").nth(0)
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#tl__panel:not([hidden])")
    opened = page.locator("#tl__panel-h").inner_text()
    assert opened in {"Original harbour wall built", "Fishing cooperative founded", "Storm damages the harbour wall",
                      "Council votes to rebuild the wall", "New ferry line opens", "Harbour wall rebuilt",
                      "Ferry line possibly first since the war"}
    page.keyboard.press("Escape")
    assert page.locator("#tl__panel").is_hidden()
    page.focus("#storm-2019 a.tl-open")
    page.keyboard.press("Enter")
    page.wait_for_selector("#tl__panel:not([hidden])")
    assert page.locator("#tl__panel-h").inner_text() == "Storm damages the harbour wall"
    assert page.evaluate("location.hash") == "#storm-2019"
    assert page.evaluate("document.activeElement.id") == "tl__panel-h"
    body = page.locator("#tl__panel-body")
    assert body.locator("blockquote").count() == 5  # two citations, three dispute sides
    assert "How many houses were flooded?" in body.inner_text()
    assert body.locator("a.tl-src").first.get_attribute("href") == "https://example.org/gazette/harbour-wall"
    body.locator("button.tl-show").first.click()
    assert body.locator(".tl-source-view mark").inner_text() == "the storm of 14 May 2019"
    page.keyboard.press("Escape")
    assert page.evaluate("location.hash") == ""
    assert page.evaluate("document.activeElement.closest('li').id") == "storm-2019"


def test_deep_link_opens_the_event(page: Any, site: dict[str, Path]) -> None:
    _open(page, site["basic"], "#coop-founded")
    page.wait_for_selector("#tl__panel:not([hidden])")
    assert page.locator("#tl__panel-h").inner_text() == "Fishing cooperative founded"
    assert "Editor’s note" in page.locator("#tl__panel-body").inner_text()


def test_deep_link_inside_an_iframe(page: Any, server: str) -> None:
    page.goto(f"{server}/host.html")
    frame = page.frame_locator("#frame")
    frame.locator("#tl__panel:not([hidden])").wait_for()
    assert frame.locator("#tl__panel-h").inner_text() == "Storm damages the harbour wall"
    frame.locator("#ferry-line a.tl-open").click()
    inner = page.frames[1]
    assert inner.evaluate("location.hash") == "#ferry-line"
    assert page.evaluate("location.hash") == ""  # the host page's address is left alone
    assert page.console_errors == []


def test_tab_reaches_every_control_and_event(page: Any, site: dict[str, Path]) -> None:
    _open(page, site["basic"])
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(
            "(() => { const a = document.activeElement; const s = getComputedStyle(a);"
            " return [a.id || a.getAttribute('data-zoom') || (a.closest('li[id]') || {}).id + ':' + a.className,"
            " s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2]; })()"))
    names = {name for name, _ in reached}
    for control in ["tl__q", "tl__lane", "tl__tag", "tl__source", "tl__clear", "earlier", "zoom_in", "zoom_out", "later", "reset"]:
        assert control in names, control
    for event_id in ["wall-built", "coop-founded", "storm-2019", "council-vote", "wall-works", "ferry-line", "ferry-first"]:
        assert f"{event_id}:tl-open" in names, event_id
    assert all(visible for name, visible in reached if name != "undefined:"), "every focused element shows a focus ring"


def test_zoom_buttons_change_the_range(page: Any, site: dict[str, Path]) -> None:
    _open(page, site["basic"])
    span = "(() => { const r = document.getElementById('tl__plot')._fullLayout.xaxis.range;" \
           " return Date.parse(r[1]) - Date.parse(r[0]); })()"
    full = page.evaluate(span)
    page.click("[data-zoom=zoom_in]")
    _wait(page, f"{span} < {full} * 0.6")
    page.click("[data-zoom=later]")
    page.click("[data-zoom=reset]")
    _wait(page, f"Math.abs({span} - {full}) < 86400000")
    assert page.locator("#tl__status").inner_text().startswith("Showing")


@pytest.mark.parametrize("width", [1280, 375, 320])
def test_layout_at_desktop_and_phone_width(browser: Any, site: dict[str, Path], width: int, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site["basic"].as_uri())
    _wait(page, READY)
    page.screenshot(path=str(tmp_path / f"page-{width}.png"), full_page=True)
    title = page.locator("h1").bounding_box()
    plot = page.locator("#tl__plot .main-svg").first.bounding_box()
    controls = page.locator("#tl__controls").bounding_box()
    first = page.locator("#tl__list > li").first.bounding_box()
    assert title["y"] + title["height"] <= controls["y"] <= plot["y"]
    assert plot["width"] >= width * 0.8 and plot["x"] + plot["width"] <= width
    assert first["y"] >= plot["y"] + plot["height"] and first["height"] > 40
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert (tmp_path / f"page-{width}.png").stat().st_size > 10_000
    context.close()


def test_hostile_content_is_inert(browser: Any, site: dict[str, Path]) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site["hostile"].as_uri() + "#hostile-2")
    _wait(page, READY)
    assert page.evaluate("window.__pwned") is None
    assert '<script>window.__pwned="script"</script>' in page.locator("h1").inner_text()
    shown = page.evaluate("[...document.querySelectorAll('#tl__plot .tl-title, #tl__plot .tl-lane')].map(n => n.textContent)")
    assert any(text.startswith("<script>") for text in shown)  # the plot's titles and lane names: shown as text
    for point in page.locator("#tl__plot .tl-mark").all():
        box = point.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(30)
    for link in page.locator("a.tl-open").all():
        link.click()
        for button in page.locator("#tl__panel-body button.tl-show").all():
            button.click()
        page.locator("#tl__panel-body").hover()
    page.fill("#tl__q", "onmouseover")
    page.wait_for_timeout(300)
    page.select_option("#tl__lane", index=1)
    page.mouse.move(10, 10)
    page.mouse.move(600, 500)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator("img").count() == 0
    assert page.evaluate("[...document.querySelectorAll('a[href]')].every(a => /^(https:|#)/.test(a.getAttribute('href')))")
    context.close()


def test_works_without_javascript(browser: Any, site: dict[str, Path]) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site["reviewed"].as_uri() + "#storm-2019")
    assert page.locator("#tl__list > li").count() == 6
    assert page.locator("#tl__controls").is_hidden()
    assert page.locator(".tl-noscript").is_visible()
    assert "How many houses were flooded?" in page.locator("#storm-2019").inner_text()
    context.close()


def test_print_gives_the_list_alone(page: Any, site: dict[str, Path]) -> None:
    _open(page, site["basic"])
    page.fill("#tl__q", "storm")
    page.wait_for_timeout(300)
    page.emulate_media(media="print")
    assert page.locator(".tl-figure").is_hidden() and page.locator("#tl__controls").is_hidden()
    assert page.locator("#tl__list > li:visible").count() == 7
    assert page.locator("a.tl-src").first.evaluate("a => getComputedStyle(a, '::after').content").startswith('" <https://')


def _long_store(n: int) -> tuple[Any, dict[str, Any]]:
    """n events on 200 distinct days in three lanes, each citing one short source."""
    from datetime import date, timedelta

    from timeline.schema import Store
    from timeline.sources import SourceText

    text = "The long source says many things happened. " * 20
    events = [{"id": f"event-{i}", "date": (date(1990, 1, 1) + timedelta(days=40 * (i % 200))).isoformat(),
               "title": f"Happening number {i}" + (" zebra" if i == n - 3 else ""), "summary": f"Summary {i}.",
               "lane": ["a", "b", "c"][i % 3], "importance": 5 if i % 97 == 0 else 1, "status": "reviewed",
               "citations": [{"source": "long", "quote": "many things happened", "offset": 19}]} for i in range(n)]
    store = Store.model_validate({"title": "Long", "lanes": [{"id": x, "label": x.upper()} for x in "abc"],
                                  "sources": [{"id": "long", "file": "long.txt", "publisher": "P"}], "events": events})
    return store, {"long": SourceText(store.sources[0], Path("long.txt"), text)}


@pytest.fixture(scope="module")
def long_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from timeline.builders.html import render_html

    store, texts = _long_store(1600)
    target = tmp_path_factory.mktemp("long") / "timeline.html"
    target.write_text(render_html(store, texts), encoding="utf-8")
    return target


def test_long_list_without_javascript_is_complete(browser: Any, long_page: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(long_page.as_uri())
    assert page.locator("li.tl-event").count() == 1600
    assert page.locator("#event-1599").is_visible() or page.locator("#event-1599").count() == 1
    context.close()


def test_long_list_arrives_and_plot_draws_the_most_important(page: Any, long_page: Path) -> None:
    _open(page, long_page, "#event-1500")  # in a chunk not yet in the DOM: the deep link brings it
    _wait(page, "!document.getElementById('tl__panel').hidden")
    assert page.locator("#tl__panel-h").inner_text() == "Happening number 1500"
    drawn = page.evaluate("timelinePage.drawn")
    grouped = page.evaluate("timelinePage.layout().placed.groups.reduce((n, g) => n + g.members.length, 0)")
    assert drawn + grouped == 1600 and 0 < drawn < 1600  # every event is a mark or counted in a group
    # the most important (every 97th event, importance 5) are placed first
    important = page.evaluate("(() => { const l = timelinePage.layout();"
                              " const f = JSON.parse(document.getElementById('tl__data').textContent).facets;"
                              " const shown = l.view.order.filter(i => f[i][3] === 5);"
                              " return [shown.length, shown.filter(i => l.placed.row[i] >= 0).length]; })()")
    assert important[0] >= 5 and important[1] == important[0]
    _wait(page, "document.querySelectorAll('.tl-list > li').length === 1600")
    assert page.locator("#tl__events > ol.tl-list").count() == 1 + (1600 - 100) // 250  # each chunk its own list
    assert page.locator("noscript.tl-chunk").count() == 0
    page.keyboard.press("Escape")
    page.fill("#tl__q", "zebra")
    _wait(page, "document.getElementById('tl__status').textContent === '1 event matches'")
    assert _plot_points(page) == 1
    _wait(page, "timelinePage.listSynced")  # the rest of the list follows at idle time
    assert _visible_items(page) == 1
    page.fill("#tl__q", "")
    _wait(page, "document.getElementById('tl__status').textContent === '1,600 events match'")
    for _ in range(3):
        page.click("[data-zoom=zoom_in]")
    _wait(page, f"timelinePage.layout().view.order.length < 1600")
    assert page.evaluate("timelinePage.layout().view.order.length") == page.evaluate(
        "timelinePage.drawn + timelinePage.layout().placed.groups.reduce((n, g) => n + g.members.length, 0)")
    assert page.console_errors == []


@pytest.mark.skipif(not (ROOTS.parents[1] / "events.yaml").exists(), reason="no example events.yaml")
def test_example_page_loads_cleanly(page: Any, tmp_path: Path) -> None:
    store, texts, _ = check_store(ROOTS.parents[1] / "events.yaml")
    target = HtmlBuilder(BuildContext(store, texts, ROOTS.parents[1] / "events.yaml", {})).build(tmp_path)[0]
    requests = _open(page, target)
    assert requests == [target.as_uri()] and page.console_errors == []
    assert _visible_items(page) == sum(1 for e in store.events if e.status == "reviewed")
    assert 0 < _plot_points(page) <= _visible_items(page)
    page.fill("#tl__q", "Supreme Court")
    _wait(page, "/^\\d+ events? match/.test(document.getElementById('tl__status').textContent)")
    assert 0 < _visible_items(page) < 20


def test_shared_plotly_file_mode_loads_under_the_csp(page: Any, tmp_path: Path) -> None:
    target = _build("page-basic", tmp_path / "shared", plotly="file")
    requests = _open(page, target)
    assert requests == [target.as_uri(), (tmp_path / "shared" / "plotly-core.min.js").as_uri()]
    assert page.console_errors == [] and _plot_points(page) == 7


def test_french_page(page: Any, tmp_path: Path) -> None:
    target = _build("page-basic", tmp_path / "fr", locale="fr")
    _open(page, target)
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert "14 mai 2019" in page.locator("#storm-2019").inner_text()
    page.fill("#tl__q", "tempête storm")
    _wait(page, "document.getElementById('tl__status').textContent === 'Aucun événement ne correspond'")
    page.click("[data-zoom=zoom_in]")
    _wait(page, "document.getElementById('tl__status').textContent.startsWith('Affichage de')")
    assert page.console_errors == []


def test_focusing_an_event_in_the_list_shows_it_in_the_plot(page: Any, site: dict[str, Path]) -> None:
    _open(page, site["basic"])
    page.focus("#council-vote a.tl-open")
    _wait(page, "!document.querySelector('#tl__plot .tl-tip').hidden")
    label = page.evaluate("document.querySelector('#tl__plot .tl-tip').textContent")
    assert "Council votes to rebuild the wall" in label and "3 March 2021" in label and "1 source" in label
