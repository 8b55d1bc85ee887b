"""`timeline build --fragment`: the page as one element to paste into a CMS or LMS page that forbids iframes.

Pasted into a host page with its own stylesheet (in headless Chromium), the plot draws, an event opens,
the host's own elements keep every computed style they had, and hostile strings stay inert.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import wait_for
from timeline.builders.html_fragment import scope_css
from timeline.cli import cli

ROOTS = Path(__file__).parent / "roots"
READY = "window.timelinePage && window.timelinePage.ready"
HOST_CSS = """
body { font: 15px/1.7 Georgia, serif; color: rgb(40, 30, 20); background: rgb(250, 245, 235); margin: 12px; }
h1, h2, h3 { font-family: Georgia, serif; color: rgb(120, 20, 20); margin: 9px 0; }
a { color: rgb(200, 0, 90); text-decoration: underline dotted; }
p, li { margin: 5px 0; } ul { padding-left: 30px; list-style: square; }
input, select, button { font-size: 19px; border: 3px solid rgb(0, 128, 0); padding: 4px; background: rgb(255, 255, 200); }
mark { background: rgb(0, 200, 255); } footer, header { border-top: 4px double rgb(0, 0, 0); }
*, *::before { box-sizing: content-box; } [hidden] { outline: 1px solid red; }
"""
HOST_MARKUP = """<header id="host-header"><h1 id="host-h1">Course: modern Central Asia</h1></header>
<p id="host-p">Read the timeline below, then answer <a id="host-a" href="#q">the questions</a>. <mark id="host-mark">Due Friday</mark></p>
<ul id="host-ul"><li id="host-li">Week 3</li></ul><form><input id="host-input" value="answer"><select id="host-select">
<option>A</option></select><button id="host-button" type="button">Send</button></form><h2 id="host-h2">Timeline</h2>"""
HOST_AFTER = '<footer id="host-footer"><p id="host-p2">Questions? <a id="host-a2" href="#mail">Write to us</a></p></footer>'
PROPS = ["color", "background-color", "font-family", "font-size", "line-height", "margin-top", "margin-bottom", "padding-left",
         "border-top-width", "border-top-style", "box-sizing", "text-decoration-line", "list-style-type", "outline-style",
         "display", "width", "max-width"]


def fragment(root: str, outdir: Path) -> Path:
    target = outdir / "part.html"
    result = CliRunner().invoke(cli, ["build", str(ROOTS / root / "events.yaml"), "--fragment", "--review", "-q",
                                      "-o", str(target)], prog_name="timeline")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("part.html") and target.exists()
    return target


def host(folder: Path, body: str) -> Path:
    page = folder / "host.html"
    page.write_text(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">'
                    f"<style>{HOST_CSS}</style></head><body>{HOST_MARKUP}{body}{HOST_AFTER}</body></html>", encoding="utf-8")
    return page


def host_styles(page: Any) -> dict[str, dict[str, str]]:
    return page.evaluate("""(props) => Object.fromEntries([...document.querySelectorAll('[id^="host-"]')].map(el => {
        const style = getComputedStyle(el);
        return [el.id, Object.fromEntries(props.map(p => [p, style.getPropertyValue(p)]))];
    }))""", PROPS)


class _Top(HTMLParser):
    """The top-level elements of a fragment."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "area", "base", "col", "embed", "param", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.top, self.tags = 0, [], set()

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.add(tag)
        if self.depth == 0:
            self.top.append(tag)
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1


def test_fragment_is_one_element_without_document_tags(tmp_path):
    text = fragment("page-basic", tmp_path).read_text(encoding="utf-8")
    parser = _Top()
    parser.feed(text)
    assert parser.top == ["div"] and parser.depth == 0
    assert not parser.tags & {"html", "head", "body", "main", "title"}
    assert text.startswith('<div class="tl-fragment" lang="en">')
    assert "<script src=" not in text, "self-contained: plotly.js inline"


def test_every_style_rule_is_scoped_to_the_fragment(tmp_path):
    text = fragment("page-basic", tmp_path).read_text(encoding="utf-8")
    css = re.search(r"<style>(.*?)</style>", text, re.S).group(1)
    selectors = re.findall(r"(?:^|[}\n])\s*([^{}@]+)\{", css)
    assert selectors
    for group in selectors:
        for selector in group.split(","):
            assert ".tl-fragment" in selector, selector


@pytest.mark.parametrize(("css", "scoped"), [
    (":root{--a:1}", ".x{--a:1}"),
    ("body{margin:0}", ".x{margin:0}"),
    ("a,b>i{c:d}", ".x a,.x b>i{c:d}"),
    (".tl-embed body{p:0}", ".tl-embed .x{p:0}"),
    ("@media (max-width:600px){body{p:0}.y{q:1}}", "@media (max-width:600px){.x{p:0}.x .y{q:1}}"),
    (".f:not(.a,.b){c:d}", ".x .f:not(.a,.b){c:d}"),
])
def test_scope_css(css, scoped):
    assert scope_css(css, ".x") == scoped


@pytest.mark.browser
def test_pasted_into_a_host_page_it_works_and_leaves_the_host_alone(page, tmp_path):
    part = fragment("page-basic", tmp_path).read_text(encoding="utf-8")
    page.goto(host(tmp_path, "").as_uri())
    before = host_styles(page)
    page.goto(host(tmp_path, part).as_uri())
    wait_for(page, READY)
    assert page.console_errors == []
    assert host_styles(page) == before
    assert page.locator("#tl__plot .tl-mark").count() == 7
    point = page.locator("#tl__plot .tl-mark").nth(0)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#tl__panel:not([hidden])")
    page.keyboard.press("Escape")
    assert page.locator("#tl__panel").is_hidden()
    page.focus("#storm-2019 a.tl-open")
    page.keyboard.press("Enter")
    page.wait_for_selector("#tl__panel:not([hidden])")
    assert page.locator("#tl__panel-h").inner_text() == "Storm damages the harbour wall"
    assert host_styles(page) == before


@pytest.mark.browser
def test_hostile_strings_stay_inert_in_the_fragment(browser, tmp_path):
    part = fragment("page-hostile", tmp_path).read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(host(tmp_path, part).as_uri())
    wait_for(page, READY)
    for link in page.locator("a.tl-open").all():
        link.click()
    for point in page.locator("#tl__plot .tl-mark").all():
        box = point.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert page.locator(".tl-fragment img").count() == 0
    assert "window.__pwned" in page.locator(".tl-fragment h1").inner_text()
    context.close()


@pytest.mark.parametrize("args", [["--fragment", "--format", "png"], ["--fragment", "--embed"], ["--format", "svg", "--embed"]])
def test_formats_that_do_not_go_together_are_usage_errors(tmp_path, args):
    result = CliRunner().invoke(cli, ["build", str(ROOTS / "page-basic" / "events.yaml"), "-o", str(tmp_path / "x"), *args])
    assert result.exit_code == 2 and not (tmp_path / "x").exists()


def test_without_a_file_name_the_fragment_goes_into_the_folder(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(ROOTS / "page-basic" / "events.yaml"), "--fragment", "-q", "--review",
                                      "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "timeline-fragment.html").read_text(encoding="utf-8").startswith('<div class="tl-fragment"')
