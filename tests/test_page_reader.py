"""The page tried as a reader would, in Chromium: titles on the plot, dense periods, story navigation, phone.

Uses the example events.yaml (73 events, 57 of them in 2014-2019: the dense case) and the small page-basic root,
at 1280 px, 700 px (the column of a course page), 375 px with touch, and 320 px.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import wait_for as _wait

from timeline.builders import BuildContext
from timeline.builders.html import HtmlBuilder
from timeline.check import check_store

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[1]
ROOTS = Path(__file__).parent / "roots"
READY = "window.timelinePage && window.timelinePage.ready"
WIDTHS = [1280, 700, 375, 320]

# Every mark, title and group badge drawn in the plot, with the event it belongs to (groups: -1 - k).
GEOMETRY = """(() => {
  const kinds = {'tl-bar': 'periods', 'tl-arrow': 'open-ends', 'tl-mark': 'events', 'tl-group': 'groups', 'tl-title': 'titles'};
  return [...document.querySelectorAll('#tl__plot .tl-over :is(.tl-bar, .tl-arrow, .tl-mark, .tl-group, .tl-title)')].map(n => {
    const b = n.getBoundingClientRect(), kind = kinds[n.getAttribute('class').split(' ')[0]];
    return {kind, i: kind === 'groups' ? -1 - +n.getAttribute('data-k') : +n.getAttribute('data-i'), box: [b.left, b.top, b.right, b.bottom]};
  }).filter(x => x.box[2] > x.box[0]);
})()"""


def _build(events: Path, outdir: Path) -> Path:
    store, texts, _ = check_store(events)
    return HtmlBuilder(BuildContext(store, texts, events, {"plotly": "inline"})).build(outdir)[0]


def build_pages(base: Path) -> dict[str, Path]:
    """The basic test page and, when the repository has it, the example's, built under `base`."""
    built = {"basic": _build(ROOTS / "page-basic" / "events.yaml", base / "basic")}
    if (REPO / "events.yaml").exists():
        built["example"] = _build(REPO / "events.yaml", base / "example")
    return built


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_pages(tmp_path_factory.mktemp("reader"))


@pytest.fixture
def at_width(browser: Any) -> Iterator[Any]:
    contexts = []

    def _open(width: int, path: Path, fragment: str = "", height: int = 900, ready: bool = True) -> Any:
        touch = width <= 420
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
        page.goto(path.as_uri() + fragment)
        if ready:
            _wait(page, READY)
        return page

    yield _open
    for context in contexts:
        context.close()


def _example(pages: dict[str, Path]) -> Path:
    if "example" not in pages:
        pytest.skip("no example events.yaml")
    return pages["example"]


def _overlaps(a: list[float], b: list[float], slack: float = 0.5) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def _collisions(items: list[dict[str, Any]]) -> list[tuple[str, int, str, int]]:
    """Pairs of things drawn over each other, except an event's own bar, mark, arrow and title."""
    found = []
    for n, a in enumerate(items):
        for b in items[n + 1:]:
            if a["i"] == b["i"] and a["kind"] != "groups":
                continue
            if _overlaps(a["box"], b["box"]):
                found.append((a["kind"], a["i"], b["kind"], b["i"]))
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_titles_and_marks_never_overlap(at_width: Any, pages: dict[str, Path], width: int) -> None:
    page = at_width(width, _example(pages))
    items = page.evaluate(GEOMETRY)
    titles = [x for x in items if x["kind"] == "titles"]
    assert len(titles) >= (8 if width >= 1280 else 3 if width >= 375 else 2), len(titles)
    assert _collisions(items) == []
    plot = page.locator("#tl__plot").bounding_box()
    assert all(plot["x"] - 1 <= t["box"][0] and t["box"][2] <= plot["x"] + plot["width"] + 1 for t in titles)
    dense = "(i => { const f = JSON.parse(document.getElementById('tl__data').textContent).facets[i];" \
            " return f[4] >= 15706 && f[5] < 18262; })"  # 2013-2019, days since 1970
    before = len([t for t in titles if page.evaluate(f"{dense}({t['i']})")])
    page.evaluate("timelinePage.zoomTo([Date.UTC(2013, 0, 1), Date.UTC(2020, 0, 1)])")
    _wait(page, "timelinePage.zoomMs > 0")
    page.wait_for_timeout(100)
    zoomed = page.evaluate(GEOMETRY)
    assert _collisions(zoomed) == []
    after = [x for x in zoomed if x["kind"] == "titles" and page.evaluate(f"{dense}({x['i']})")]
    assert len(after) > before  # more titles as the reader zooms in
    assert page.errors == []


def test_most_important_events_are_placed_and_titled_first(at_width: Any, pages: dict[str, Path]) -> None:
    """Four events on the same day in one lane with room for two marks and one title: the most important win."""
    page = at_width(1280, pages["basic"])
    placed = page.evaluate("""(() => {
      const p = TimelineLayout.place({order: [2, 0, 3, 1], lane: [0, 0, 0, 0], left: [100, 100, 100, 100],
                                      right: [112, 112, 112, 112], title: [80, 80, 80, 80], lanes: 1, rows: 2,
                                      width: 200, reserved: []});
      return {row: [...p.row], side: [...p.side], groups: p.groups.map(g => g.members.sort())};
    })()""")
    assert placed["row"][2] >= 0 and placed["row"][0] >= 0 and placed["row"][1] == placed["row"][3] == -1
    assert placed["side"][2] != 0 and placed["groups"] == [[1, 3]]
    alone = page.evaluate("""(() => {
      const p = TimelineLayout.place({order: [0, 1], lane: [0, 0], left: [100, 100], right: [112, 112], title: [0, 0],
                                      lanes: 1, rows: 1, width: 200, reserved: []});
      return [[...p.row], p.groups.length];
    })()""")
    assert alone == [[0, 1], 0]  # a group of one is drawn as its mark, in the group row


@pytest.mark.parametrize("width", [1280, 375])
def test_clicking_each_mark_opens_its_event(at_width: Any, pages: dict[str, Path], width: int) -> None:
    page = at_width(width, _example(pages))
    page.evaluate("document.getElementById('tl__plot').scrollIntoView()")
    marks = [x for x in page.evaluate(GEOMETRY) if x["kind"] == "events"]
    assert len(marks) >= (40 if width >= 1280 else 25)
    titles = page.evaluate("[...document.querySelectorAll('#tl__list > li h3')].map(h => h.textContent)")
    wrong = []
    for mark in marks:
        x0, y0, x1, y1 = mark["box"]
        page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2)
        page.wait_for_selector("#tl__panel:not([hidden])")
        if page.locator("#tl__panel-h").inner_text() != titles[mark["i"]]:
            wrong.append(titles[mark["i"]])
        page.keyboard.press("Escape")
        page.evaluate("timelinePage.zoom('reset')")
        page.wait_for_timeout(30)
    assert wrong == []
    assert page.errors == []


@pytest.mark.parametrize("width", [1280, 375])
def test_a_group_opens_on_click(at_width: Any, pages: dict[str, Path], width: int) -> None:
    page = at_width(width, _example(pages))
    page.evaluate("document.getElementById('tl__plot').scrollIntoView()")
    groups = [x for x in page.evaluate(GEOMETRY) if x["kind"] == "groups"]
    assert groups, "the dense years gather in groups at the first view"
    before = page.evaluate("timelinePage.drawn")
    biggest = max(groups, key=lambda g: page.evaluate(f"timelinePage.layout().placed.groups[{-1 - g['i']}].members.length"))
    x0, y0, x1, y1 = biggest["box"]
    page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2)
    _wait(page, "timelinePage.zoomMs > 0")
    page.wait_for_timeout(100)
    assert page.evaluate("timelinePage.drawn") > 0
    assert page.evaluate("timelinePage.layout().view.order.length") < 73  # zoomed in on the group's years
    assert _collisions(page.evaluate(GEOMETRY)) == []
    assert page.evaluate("timelinePage.drawn") != before or page.locator("#tl__panel").is_visible()


def test_first_view_shows_where_the_events_are(at_width: Any, pages: dict[str, Path]) -> None:
    """Every plotted event is a mark or counted in a badge at the first view; none is silently left out."""
    for width in (1280, 375):
        page = at_width(width, _example(pages))
        counted = page.evaluate("timelinePage.drawn + timelinePage.layout().placed.groups"
                                ".reduce((n, g) => n + g.members.length, 0)")
        plotted = page.evaluate("JSON.parse(document.getElementById('tl__data').textContent)"
                                ".facets.filter(f => f[4] !== null).length")
        assert counted == plotted


def _step_setup(page: Any) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('#tl__list > li')].map(li => li.id)")


@pytest.mark.parametrize("width", [1280, 375])
def test_previous_next_and_arrow_keys_step_through_the_events_shown(at_width: Any, pages: dict[str, Path], width: int) -> None:
    page = at_width(width, pages["basic"])
    ids = _step_setup(page)
    page.locator(f"#{ids[1]} a.tl-open").click()
    page.wait_for_selector("#tl__panel:not([hidden])")
    page.keyboard.press("ArrowRight")
    _wait(page, f"location.hash === '#{ids[2]}'")
    page.click("#tl__next")
    _wait(page, f"location.hash === '#{ids[3]}'")
    page.click("#tl__prev")
    _wait(page, f"location.hash === '#{ids[2]}'")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    _wait(page, f"location.hash === '#{ids[0]}'")
    assert page.locator("#tl__prev").is_disabled()
    page.go_back()
    _wait(page, f"location.hash === '#{ids[1]}' && document.getElementById('tl__panel-h').textContent"
                f" === document.querySelector('#{ids[1]} h3').textContent")
    page.go_forward()
    _wait(page, f"location.hash === '#{ids[0]}'")
    page.keyboard.press("Escape")
    # after a search, the steps go through the matching events only, in date order
    page.fill("#tl__q", "wall")
    _wait(page, "document.getElementById('tl__status').textContent.endsWith('match')")
    shown = page.evaluate("[...document.querySelectorAll('#tl__list > li:not([hidden])')].map(li => li.id)")
    assert 1 < len(shown) < len(ids)
    page.locator(f"#{shown[0]} a.tl-open").click()
    for expected in shown[1:]:
        page.keyboard.press("ArrowRight")
        _wait(page, f"location.hash === '#{expected}'")
    assert page.locator("#tl__next").is_disabled()
    assert page.locator(".tl-count").inner_text() == f"({len(shown)} of {len(ids)})"
    assert page.errors == []


def test_panel_never_hides_the_event_it_shows(at_width: Any, pages: dict[str, Path]) -> None:
    page = at_width(1280, _example(pages))
    ids = _step_setup(page)
    for event_id in (ids[-1], ids[-5], ids[40]):
        page.evaluate(f"timelinePage.open({ids.index(event_id)}, true, true)")
        _wait(page, "timelinePage.layout().placed !== null")
        page.wait_for_timeout(150)
        marks = [x for x in page.evaluate(GEOMETRY) if x["i"] == ids.index(event_id) and x["kind"] == "events"]
        panel = page.locator("#tl__panel").bounding_box()
        if marks:
            assert marks[0]["box"][2] <= panel["x"], event_id
        else:  # the event sits in a group: the group is in view, left of the panel
            assert page.evaluate(f"timelinePage.layout().view.order.includes({ids.index(event_id)})")


@pytest.mark.parametrize("width", [1280, 375])
def test_closing_returns_focus_without_a_scroll_jump(at_width: Any, pages: dict[str, Path], width: int) -> None:
    page = at_width(width, _example(pages))
    ids = _step_setup(page)
    link = page.locator(f"#{ids[30]} a.tl-open")
    link.scroll_into_view_if_needed()
    link.focus()
    y = link.bounding_box()["y"]  # where the reader sees the entry
    page.keyboard.press("Enter")
    page.wait_for_selector("#tl__panel:not([hidden])")
    # focus stays in the panel: twenty Tabs never leave it
    for _ in range(20):
        page.keyboard.press("Tab")
        assert page.evaluate("document.getElementById('tl__panel').contains(document.activeElement)")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.getElementById('tl__panel').contains(document.activeElement)")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.closest('li') && document.activeElement.closest('li').id") == ids[30]
    assert abs(link.bounding_box()["y"] - y) < 2  # no jump: the entry is where it was on screen
    # opened from the plot: closing leaves the reader at the plot
    page.evaluate("scrollTo(0, 0)")
    mark = [x for x in page.evaluate(GEOMETRY) if x["kind"] == "events"][0]
    page.mouse.click((mark["box"][0] + mark["box"][2]) / 2, (mark["box"][1] + mark["box"][3]) / 2)
    page.wait_for_selector("#tl__panel:not([hidden])")
    page.keyboard.press("Escape")
    assert page.evaluate("scrollY") < 2
    assert page.evaluate("document.activeElement.classList.contains('tl-explore')")


@pytest.mark.parametrize("width", [1280, 375])
def test_deep_link_focuses_the_panel_and_keeps_the_page_at_the_top(at_width: Any, pages: dict[str, Path], width: int) -> None:
    path = _example(pages)
    page = at_width(width, path)
    last = _step_setup(page)[-3]
    page = at_width(width, path, f"#{last}")
    page.wait_for_selector("#tl__panel:not([hidden])")
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('tl__panel').contains(document.activeElement)")
    assert page.evaluate("scrollY") < 2


def test_malformed_escape_in_the_address_is_harmless(at_width: Any, pages: dict[str, Path]) -> None:
    page = at_width(1280, pages["basic"], "#%zz")
    page.wait_for_timeout(200)
    assert page.errors == [] and page.locator("#tl__panel").is_hidden()


@pytest.mark.parametrize("width", [375, 320])
def test_phone_swipe_on_the_plot_scrolls_the_page(at_width: Any, pages: dict[str, Path], width: int) -> None:
    page = at_width(width, _example(pages), height=700)
    page.evaluate("document.getElementById('tl__plot').scrollIntoView()")
    box = page.locator("#tl__plot").bounding_box()
    y0 = page.evaluate("scrollY")
    session = page.context.new_cdp_session(page)
    x, y = box["x"] + box["width"] / 2, box["y"] + 320
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for k in range(1, 11):  # a finger moving 300 px up over the plot
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 30 * k}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(300)
    assert page.evaluate("scrollY") - y0 > 150
    assert page.evaluate("document.getElementById('tl__plot')._fullLayout.dragmode") is False
    span = "(() => { const r = timelinePage.layout().view; return r.toMs(r.width) - r.toMs(0); })()"
    full = page.evaluate(span)
    page.click("[data-zoom=zoom_in]")
    _wait(page, f"{span} < {full} * 0.6")


def test_embed_view_fits_a_700_by_600_frame(at_width: Any, pages: dict[str, Path]) -> None:
    """?embed=1 in a course page's iframe: plot, search and panel without an inner scroll; the list behind a button."""
    page_file = _example(pages)
    host = page_file.parent / "course.html"
    host.write_text('<!DOCTYPE html><title>Course</title><link rel="icon" href="data:,"><h1>Week 3</h1>'
                    '<p style="height:900px">Reading.</p><iframe id="frame" src="timeline.html?embed=1" title="Timeline" '
                    'width="700" height="600" style="border:0"></iframe><p style="height:1500px">More reading.</p>')
    page = at_width(1280, host, ready=False)
    frame = page.frame_locator("#frame")
    frame.locator("#tl__plot .tl-mark").first.wait_for()
    inner = page.frames[1]
    _wait(inner, READY)
    size = inner.evaluate("[document.documentElement.scrollHeight, innerHeight, innerWidth,"
                          " document.getElementById('tl__plot').getBoundingClientRect().bottom]")
    assert size[0] <= size[1] == 600 and size[2] == 700 and size[3] <= 600
    assert frame.locator("#tl__q").is_visible() and frame.locator("#tl__events").is_hidden()
    assert inner.evaluate(GEOMETRY) and _collisions(inner.evaluate(GEOMETRY)) == []
    # the wheel over the frame moves the course page on at once
    page.evaluate("document.getElementById('frame').scrollIntoView()")
    y = page.evaluate("scrollY")
    box = page.locator("#frame").bounding_box()
    page.mouse.move(box["x"] + 350, box["y"] + 300)
    for _ in range(3):
        page.mouse.wheel(0, 200)
    page.wait_for_timeout(300)
    assert page.evaluate("scrollY") > y + 300
    # a mark opens its event in the panel; the list opens behind its button
    mark = [x for x in inner.evaluate(GEOMETRY) if x["kind"] == "events"][0]
    inner.evaluate(f"timelinePage.open({mark['i']}, true, true)")
    assert frame.locator("#tl__panel").is_visible()
    inner.evaluate("document.getElementById('tl__close').click()")
    frame.locator("#tl__list-toggle").click()
    assert frame.locator("#tl__events").is_visible()
    assert frame.locator("#tl__list-toggle").get_attribute("aria-expanded") == "true"
    assert page.errors == []


def test_drag_zoom_updates_the_status_line(at_width: Any, pages: dict[str, Path]) -> None:
    page = at_width(1280, pages["basic"])
    box = page.locator("#tl__plot .nsewdrag").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + 60, steps=8)
    page.mouse.up()
    _wait(page, "document.getElementById('tl__status').textContent.startsWith('Showing')")


def test_double_click_shows_all_and_opens_nothing(at_width: Any, pages: dict[str, Path]) -> None:
    page = at_width(1280, pages["basic"])
    page.evaluate("timelinePage.zoom('zoom_in')")
    mark = [x for x in page.evaluate(GEOMETRY) if x["kind"] == "events"][0]
    page.mouse.dblclick((mark["box"][0] + mark["box"][2]) / 2, (mark["box"][1] + mark["box"][3]) / 2)
    page.wait_for_timeout(600)
    assert page.locator("#tl__panel").is_hidden()
    _wait(page, "document.getElementById('tl__status').textContent.startsWith('Showing')")


def test_search_while_zoomed_away_gives_a_hint(at_width: Any, pages: dict[str, Path]) -> None:
    page = at_width(1280, pages["basic"])
    page.evaluate("timelinePage.zoomTo([Date.UTC(1890, 0, 1), Date.UTC(1900, 0, 1)])")
    page.fill("#tl__q", "ferry")
    _wait(page, "document.getElementById('tl__status').textContent.includes('Show all')")
    assert page.locator("#tl__status").inner_text().startswith("1 event matches — ")


def test_open_ended_period_ends_in_an_arrow(at_width: Any, tmp_path: Path) -> None:
    text = (ROOTS / "page-basic" / "events.yaml").read_text(encoding="utf-8").replace("date: 2021-21/~2023", "date: 2021-21/..")
    root = tmp_path / "open"
    import shutil
    shutil.copytree(ROOTS / "page-basic", root)
    (root / "events.yaml").write_text(text, encoding="utf-8")
    page = at_width(1280, _build(root / "events.yaml", root / "out"))
    arrows = page.evaluate("[...document.querySelectorAll('#tl__plot .tl-arrow')].map(a => a.dataset.end)")
    assert arrows == ["1"]  # at the open end only, pointing right
    assert "since" in page.locator("#tl__list").inner_text()


@pytest.mark.parametrize("width", [1280, 700, 375])
def test_era_titles_never_overlap(at_width: Any, pages: dict[str, Path], width: int) -> None:
    page = at_width(width, _example(pages))
    boxes = page.evaluate("""[...document.querySelectorAll('#tl__plot .annotation')].map(a => { const b = a.getBoundingClientRect();
        return [b.left, b.top, b.right, b.bottom]; })""")
    assert boxes or width < 400
    assert not [(a, b) for n, a in enumerate(boxes) for b in boxes[n + 1:] if _overlaps(a, b)]
    plot = page.locator("#tl__plot").bounding_box()
    assert all(plot["x"] <= b[0] and b[2] <= plot["x"] + plot["width"] for b in boxes)
