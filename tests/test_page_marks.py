"""The plot's own mark layer, in Chromium: the marks drawn are the events shown (at the first view, after a zoom
and after a search), no two overlap, and the point at each mark's or badge's centre finds that mark or badge, for
the hover label and for a click. Uses the example events.yaml (the dense case) and the small page-basic root."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import wait_for as _wait
from test_page_reader import GEOMETRY, _example, _overlaps, build_pages

pytestmark = pytest.mark.browser
READY = "window.timelinePage && window.timelinePage.ready"

# What the layer should show: events placed with a row, events counted in badges, the events in view and kept
# by the search, and the plot area's box on screen.
EXPECTED = """(() => {
  const T = TimelineApp, l = timelinePage.layout(), v = l.view, p = l.placed;
  const plot = document.getElementById('tl__plot'), s = plot._fullLayout._size, b = plot.getBoundingClientRect();
  const f = T.data.facets, range = T.currentRange();
  const inView = f.map((x, i) => i).filter(i => f[i][4] !== null && T.ev.hi[i] >= range[0] && T.ev.lo[i] <= range[1]
                                              && (!T.mask || T.mask[i]));
  return {placed: v.order.filter(i => p.row[i] >= 0).sort((a, c) => a - c), inView: inView.sort((a, c) => a - c),
          grouped: p.groups.flatMap(g => g.members), area: [b.left + s.l, b.top + s.t, b.left + s.l + s.w, b.top + s.t + s.h]};
})()"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_pages(tmp_path_factory.mktemp("marks"))


@pytest.fixture
def at_width(browser: Any) -> Any:
    contexts = []

    def _open(width: int, path: Path) -> Any:
        touch = width <= 420
        context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=touch, is_mobile=touch)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.goto(path.as_uri())
        _wait(page, READY)
        page.evaluate("document.getElementById('tl__plot').scrollIntoView()")
        return page

    yield _open
    for context in contexts:
        context.close()


SEARCHED = """(() => { const status = document.getElementById('tl__status').textContent;
  return /^\\d+ events? match/.test(status) && parseInt(status, 10) < TimelineApp.data.facets.length; })()"""


def _check_layer(page: Any) -> list[dict[str, Any]]:
    """The marks drawn are exactly the events placed; with the badges' members they are every event shown in view;
    each mark lies in the plot area (or its period's bar does); no two marks overlap."""
    drawn = page.evaluate(GEOMETRY)
    expected = page.evaluate(EXPECTED)
    marks = [x for x in drawn if x["kind"] == "events"]
    assert sorted(m["i"] for m in marks) == expected["placed"]
    assert sorted(expected["placed"] + expected["grouped"]) == expected["inView"]
    x0, y0, x1, y1 = expected["area"]
    bars = {x["i"]: x["box"] for x in drawn if x["kind"] == "periods"}
    for m in marks:  # in the plot area, or a period whose middle is outside the view and whose bar reaches it
        cx, cy = (m["box"][0] + m["box"][2]) / 2, (m["box"][1] + m["box"][3]) / 2
        bar = bars.get(m["i"], [cx, cy, cx, cy])
        assert y0 <= cy <= y1 and (x0 - 1 <= cx <= x1 + 1 or (bar[0] <= x1 + 1 and bar[2] >= x0 - 1)), m
    assert [(a["i"], b["i"]) for n, a in enumerate(marks) for b in marks[n + 1:] if _overlaps(a["box"], b["box"])] == []
    return drawn


def _hits(page: Any, drawn: list[dict[str, Any]]) -> list[tuple[str, int, Any]]:
    """Marks and badges whose centre does not find them."""
    wrong = []
    for item in drawn:
        if item["kind"] not in ("events", "groups"):
            continue
        x = (item["box"][0] + item["box"][2]) / 2
        y = (item["box"][1] + item["box"][3]) / 2
        found = page.evaluate(f"TimelineApp.markAt({x}, {y})")
        got = None if found is None else (-1 - found["i"] if found["group"] else found["i"])
        if got != item["i"]:
            wrong.append((item["kind"], item["i"], got))
    return wrong


@pytest.mark.parametrize("width", [1280, 375, 320])
def test_marks_are_the_events_shown_after_zoom_and_search(at_width: Any, pages: dict[str, Path], width: int) -> None:
    page = at_width(width, _example(pages))
    first = _check_layer(page)
    assert len([x for x in first if x["kind"] == "events"]) == page.evaluate("timelinePage.drawn") > 0
    page.evaluate("timelinePage.zoomTo([Date.UTC(2014, 0, 1), Date.UTC(2017, 0, 1)])")
    _wait(page, "timelinePage.zoomMs > 0")
    _check_layer(page)
    page.evaluate("timelinePage.filter()")  # nothing typed yet: the same marks
    page.fill("#tl__q", "amnesty")
    _wait(page, SEARCHED)  # not the status the empty filter left ('73 events match'): the search's own
    searched = _check_layer(page)
    assert 0 < len([x for x in searched if x["kind"] == "events"]) < len([x for x in first if x["kind"] == "events"])
    assert page.errors == []


@pytest.mark.parametrize("width", [1280, 375, 320])
def test_each_mark_and_badge_is_found_at_its_centre(at_width: Any, pages: dict[str, Path], width: int) -> None:
    page = at_width(width, _example(pages))
    drawn = page.evaluate(GEOMETRY)
    assert [x for x in drawn if x["kind"] == "groups"], "the dense years gather in badges at the first view"
    assert _hits(page, drawn) == []
    page.evaluate("timelinePage.zoom('zoom_in')")
    _wait(page, "timelinePage.zoomMs > 0")
    assert _hits(page, page.evaluate(GEOMETRY)) == []
    assert page.evaluate("TimelineApp.markAt(0, 0)") is None  # outside the plot: nothing


def test_hover_label_names_the_mark_under_the_pointer(at_width: Any, pages: dict[str, Path]) -> None:
    page = at_width(1280, pages["basic"])
    marks = [x for x in page.evaluate(GEOMETRY) if x["kind"] == "events"]
    titles = page.evaluate("[...document.querySelectorAll('#tl__list > li h3')].map(h => h.textContent)")
    for mark in marks:
        page.mouse.move((mark["box"][0] + mark["box"][2]) / 2, (mark["box"][1] + mark["box"][3]) / 2)
        _wait(page, f"document.querySelector('#tl__plot .tl-tip').dataset.for === '{mark['i']}'")
        tip = page.evaluate("document.querySelector('#tl__plot .tl-tip')")
        assert tip is not None
        assert page.locator("#tl__plot .tl-tip b").inner_text() == titles[mark["i"]]
        assert page.evaluate("document.getElementById('tl__plot').classList.contains('tl-on-mark')")  # pointer cursor
    page.mouse.move(2, 2)
    _wait(page, "document.querySelector('#tl__plot .tl-tip').hidden")


BUSY_MOUSEUP = "window.addEventListener('mouseup', () => { const t = performance.now(); while (performance.now() - t < 120) {} })"


@pytest.mark.parametrize("width", [1280, 375])
def test_a_click_opens_its_event_when_the_browsers_own_click_comes_late(at_width: Any, pages: dict[str, Path],
                                                                           width: int) -> None:
    """One press gives plotly's click and then the browser's; on a busy machine the second comes 100 ms or more
    later (here: a mouseup listener holds the thread 120 ms) and must not count as a double-click's second click."""
    page = at_width(width, pages["basic"])
    page.evaluate(BUSY_MOUSEUP)
    titles = page.evaluate("[...document.querySelectorAll('#tl__list > li h3')].map(h => h.textContent)")
    mark = [x for x in page.evaluate(GEOMETRY) if x["kind"] == "events"][0]
    page.mouse.click((mark["box"][0] + mark["box"][2]) / 2, (mark["box"][1] + mark["box"][3]) / 2)
    page.wait_for_selector("#tl__panel:not([hidden])", timeout=5000)
    assert page.locator("#tl__panel-h").inner_text() == titles[mark["i"]]


def test_a_double_click_on_a_busy_page_still_opens_nothing(at_width: Any, pages: dict[str, Path]) -> None:
    page = at_width(1280, pages["basic"])
    page.evaluate(BUSY_MOUSEUP.replace("120", "40"))
    page.evaluate("timelinePage.zoom('zoom_in')")
    mark = [x for x in page.evaluate(GEOMETRY) if x["kind"] == "events"][0]
    page.mouse.dblclick((mark["box"][0] + mark["box"][2]) / 2, (mark["box"][1] + mark["box"][3]) / 2)
    page.wait_for_timeout(600)
    assert page.locator("#tl__panel").is_hidden()
