"""The hover label and two-finger zoom on the plot, in Chromium: the label never hides a group badge or the mark it
names, and stays on screen; on a phone a pinch zooms while one finger still scrolls the page."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import wait_for as _wait
from test_page_reader import GEOMETRY, _example, _overlaps, build_pages

pytestmark = pytest.mark.browser
READY = "window.timelinePage && window.timelinePage.ready"
TIP = """(() => { const t = document.querySelector('#tl__plot .tl-tip');
  if (!t || t.hidden) return null; const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })()"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_pages(tmp_path_factory.mktemp("hover"))


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    contexts = []

    def _open(width: int, path: Path, touch: bool) -> Any:
        context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=touch, is_mobile=touch)
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


@pytest.mark.parametrize("width", [1280, 375])
def test_hover_label_never_hides_a_group_badge(phone: Any, pages: dict[str, Path], width: int) -> None:
    page = phone(width, _example(pages), touch=False)
    drawn = page.evaluate(GEOMETRY)
    badges = [x["box"] for x in drawn if x["kind"] == "groups"]
    assert badges, "the example's dense years gather in groups"
    hovered = 0
    for item in drawn:
        if item["kind"] not in ("events", "groups"):
            continue
        x0, y0, x1, y1 = item["box"]
        page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2)
        page.wait_for_timeout(60)
        tip = page.evaluate(TIP)
        if tip is None:
            continue
        hovered += 1
        assert not any(_overlaps(tip, b) for b in badges), (item, tip)
        if page.evaluate("document.querySelector('#tl__plot .tl-tip').dataset.for") == str(item["i"]):
            assert not _overlaps(tip, item["box"]), (item, tip)  # nor the mark it names
        assert 0 <= tip[0] and tip[2] <= width, tip  # on screen, however long the title
    assert hovered >= len(badges)
    page.mouse.move(2, 2)
    _wait(page, f"{TIP} === null")


def _pinch(session: Any, x: float, y: float, start: float, end: float, steps: int = 8) -> None:
    """Two fingers on either side of (x, y), spreading from start to end pixels apart."""
    def points(gap: float) -> list[dict[str, float]]:
        return [{"x": x - gap / 2, "y": y, "id": 0}, {"x": x + gap / 2, "y": y, "id": 1}]
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": points(start)})
    for k in range(1, steps + 1):
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": points(start + (end - start) * k / steps)})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


SPAN = "(() => { const v = timelinePage.layout().view; return v.toMs(v.width) - v.toMs(0); })()"


def test_two_finger_pinch_zooms_the_plot_on_a_phone(phone: Any, pages: dict[str, Path]) -> None:
    page = phone(375, _example(pages), touch=True)
    box = page.locator("#tl__plot").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + 140
    full, y0 = page.evaluate(SPAN), page.evaluate("scrollY")
    session = page.context.new_cdp_session(page)
    _pinch(session, x, y, 60, 240)  # fingers spread: zoom in about where they are
    _wait(page, f"{SPAN} < {full} * 0.6")
    assert abs(page.evaluate("scrollY") - y0) < 40  # the pinch zoomed the plot, not the page
    _wait(page, "document.getElementById('tl__status').textContent.startsWith('Showing')")
    zoomed = page.evaluate(SPAN)
    _pinch(session, x, y, 240, 80)  # fingers close: zoom out
    _wait(page, f"{SPAN} > {zoomed} * 1.5")
    page.wait_for_timeout(200)
    assert page.locator("#tl__panel").is_hidden()  # a pinch opens no event
    assert page.errors == []


def test_one_finger_still_scrolls_and_zooms_nothing(phone: Any, pages: dict[str, Path]) -> None:
    page = phone(375, _example(pages), touch=True)
    box = page.locator("#tl__plot").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + 200
    full, y0 = page.evaluate(SPAN), page.evaluate("scrollY")
    session = page.context.new_cdp_session(page)
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for k in range(1, 11):  # one finger moving up and sideways over the plot
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x - 8 * k, "y": y - 25 * k}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(300)
    assert page.evaluate("scrollY") - y0 > 120
    assert page.evaluate(SPAN) == pytest.approx(full)
