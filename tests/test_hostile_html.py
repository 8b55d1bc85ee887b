"""A corpus of XSS payloads in every field of events.yaml, built with `timeline build` and driven in
headless Chromium: no script runs, no dialog opens, nothing is requested, and every payload is shown
as text. The page's Content-Security-Policy forbids loading anything but its own inline scripts.

The corpus is tests/roots/hostile-xss (regenerate with `python tests/roots/hostile-xss/make.py`).
"""
from __future__ import annotations

import html
import importlib.util
import re
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from conftest import wait_for
from click.testing import CliRunner

from timeline.cli import cli

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent / "roots" / "hostile-xss"
READY = "window.timelinePage && window.timelinePage.ready"
_spec = importlib.util.spec_from_file_location("hostile_xss_make", ROOT / "make.py")
assert _spec and _spec.loader
MAKE = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(MAKE)
PAYLOADS: list[str] = MAKE.PAYLOADS
URLS: list[str] = MAKE.URLS


def test_corpus_is_current() -> None:
    events, text = MAKE.build()
    assert (ROOT / "events.yaml").read_text(encoding="utf-8") == events, "run python tests/roots/hostile-xss/make.py"
    assert (ROOT / "sources" / "payloads.txt").read_text(encoding="utf-8") == text


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("xss") / "output"
    result = CliRunner().invoke(cli, ["build", str(ROOT / "events.yaml"), "-o", str(outdir)], prog_name="timeline")
    assert result.exit_code == 0, result.output
    return outdir / "timeline.html"


def test_page_has_a_restrictive_csp(built: Path) -> None:
    page = built.read_text(encoding="utf-8")
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert len(metas) == 1, "one CSP meta tag"
    policy = {d.split()[0]: d.split()[1:] for d in html.unescape(metas[0]).split(";") if d.strip()}
    assert policy["default-src"] == ["'none'"]
    assert all(s.startswith("'sha256-") or s == "'self'" for s in policy["script-src"]), policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy.get("base-uri") == ["'none'"] and policy.get("form-action") == ["'none'"]
    assert set(policy.get("img-src", ["'none'"])) <= {"data:", "'none'"}
    assert "connect-src" not in policy and "frame-src" not in policy, "connections and frames fall back to 'none'"
    head = page[: page.index("</head>")]
    assert head.index("Content-Security-Policy") < head.index("<title>"), "the CSP comes before any user text"


def test_no_payload_reaches_the_html_unescaped(built: Path) -> None:
    page = built.read_text(encoding="utf-8")
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in page, f"raw payload in the page: {payload!r}"
    scripts = re.findall(r"<script\b", page)
    assert len(scripts) == 4, "the data block, the JSON-LD, plotly.js and the page script, nothing else"
    assert re.findall(r"</script\s*>", page, re.I).__len__() == 4


def _visible(text: str) -> str:
    """Text as compared: whitespace (including U+2028/2029) collapsed."""
    text = text.replace("\u2028", " ").replace("\u2029", " ")
    return " ".join(text.split())


def test_payloads_are_inert_in_chromium(browser: Any, built: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("popup", lambda p: dialogs.append(f"popup {p.url}"))
    started = time.monotonic()
    page.goto(built.as_uri())
    _wait(page, READY)

    # list items use content-visibility:auto, so off-screen ones have no innerText: compare their text nodes
    body = _visible(page.evaluate("document.getElementById('tl__list').textContent"))
    for payload in PAYLOADS:
        assert _visible(payload) in body, f"payload not in the list as text: {payload!r}"
    assert _visible(PAYLOADS[0]) in _visible(page.inner_text("h1"))
    assert page.title().startswith("XSS corpus <script>")

    for point in page.locator("#tl__plot .tl-mark").all()[:80]:
        point.hover(force=True)
    _interact_with_every_event(page)
    for probe in ("<script>", "onerror", "javascript:", "\u2028", "%{customdata}", "'", '"'):
        page.fill("#tl__q", probe)
        page.wait_for_timeout(150)
    page.fill("#tl__q", "")
    lanes = page.locator("#tl__lane option").count()
    for index in range(lanes):
        page.select_option("#tl__lane", index=index)
    for event_id in ("xss-0", "xss-9", "xss-27", "xss-39"):
        page.goto(built.as_uri() + "#" + event_id)
        page.wait_for_timeout(100)
    for _ in range(25):
        page.keyboard.press("Tab")

    assert page.evaluate("typeof window.__pwned") == "undefined", page.evaluate("window.__pwned")
    assert dialogs == []
    page_url = built.as_uri()
    outside = [u for u in requests if not (u.split("#")[0] == page_url or u.startswith("data:"))]
    assert outside == [], outside
    assert errors == [], errors[:5]
    assert _dom_is_clean(page)
    context.close()
    assert time.monotonic() - started < 120


def _interact_with_every_event(page: Any) -> None:
    """Open every event's panel, and every source view in it (the quotes shown inside the page)."""
    links = page.locator("#tl__list a.tl-open")
    assert links.count() == len(PAYLOADS)
    for i in range(links.count()):
        links.nth(i).click()
        shown = _visible(page.inner_text("#tl__panel"))
        assert _visible(PAYLOADS[i]) in shown, f"payload {i} not shown as text in its panel"
        buttons = page.locator("#tl__panel-body button.tl-show")
        for j in range(buttons.count()):
            buttons.nth(j).click()
        page.locator("#tl__panel-body").hover()
        page.keyboard.press("Escape")
    shows = page.locator("#tl__list button.tl-show")
    for j in range(min(shows.count(), 40)):
        shows.nth(j).click(force=True)


def _dom_is_clean(page: Any) -> bool:
    """No event-handler attribute, no active element the page does not make itself, safe link targets."""
    found = page.evaluate("""() => {
      const bad = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) bad.push(el.tagName + ' ' + a.name);
          if (/^(href|xlink:href|src|srcdoc|action|formaction|data|poster|background)$/i.test(a.name) && /^\\s*(javascript|vbscript|data:text)/i.test(a.value)) bad.push(el.tagName + ' ' + a.name + '=' + a.value);
        }
      }
      for (const sel of ['iframe', 'object', 'embed', 'base', 'img', 'link[rel=stylesheet]', 'meta[http-equiv=refresh]', 'input[autofocus]', 'details[ontoggle]', 'math', 'svg']) {
        const extra = [...document.querySelectorAll(sel)].filter(e => !e.closest('#tl__plot') && e.id !== 'js-plotly-tester');
        if (extra.length) bad.push(sel + ' x' + extra.length + ': ' + extra[0].outerHTML.slice(0, 120));
      }
      const forms = [...document.querySelectorAll('form')].filter(f => f.id !== 'tl__controls');
      if (forms.length) bad.push('form x' + forms.length);
      const scripts = document.querySelectorAll('script').length;  // data, JSON-LD, plotly.js, page script
      if (scripts !== 4) bad.push('scripts ' + scripts);
      for (const a of document.querySelectorAll('a[href]')) {
        const h = a.getAttribute('href');
        if (!/^(https?:\\/\\/|#)/i.test(h)) bad.push('href ' + h);
      }
      return bad;
    }""")
    assert found == [], found
    return True


def test_source_urls_are_links_only_when_http(browser: Any, built: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(built.as_uri())
    _wait(page, READY)
    hrefs = page.evaluate("[...document.querySelectorAll('#tl__events a[href^=http], #tl__events a[href^=HTTP]')].map(a => a.getAttribute('href'))")
    assert hrefs and set(hrefs) <= set(URLS), set(hrefs) - set(URLS)
    rels = page.evaluate("[...document.querySelectorAll('a[href^=http]')].map(a => a.rel)")
    assert all("noopener" in r or "noreferrer" in r for r in rels), rels
    context.close()


def test_unicode_tricks_survive_as_text(browser: Any, built: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(built.as_uri())
    _wait(page, READY)
    text = page.evaluate("document.getElementById('tl__list').textContent")
    for char in ("\u202e", "\u200b", "\u02b2"):
        assert char in text, unicodedata.name(char)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    context.close()


def _wait(page: Any, expression: str, timeout: float = 20.0) -> None:
    wait_for(page, expression, timeout)


EXTREME_DATES = [("0999", "1e300"), ("XXXX-12-25", "0"), ("1XXX", "1"), ("2015-24", "1"), ("2015-05-09%", "2"), ("199X", "3"),
                 ("2015-05-09/2015-05-09", "1"), ("2015/..", "1"), ("../1990", "1")]


def test_extreme_but_valid_values_draw_without_errors(browser: Any, tmp_path: Path) -> None:
    base = Path(__file__).parent / "roots" / "hostile-yaml"
    text = (base / "events.yaml").read_text(encoding="utf-8")
    event = text[text.index("  - id: amnesty"):]
    for i, (date, importance) in enumerate(EXTREME_DATES):
        text += (event.replace("id: amnesty", f"id: extreme-{i}").replace('date: "2015-05"', f'date: "{date}"')
                 .replace("status: reviewed", f"status: reviewed\n    importance: {importance}"))
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "wire.txt").write_bytes((base / "sources" / "wire.txt").read_bytes())
    (tmp_path / "events.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "events.yaml"), "-o", str(tmp_path / "out")], prog_name="timeline")
    assert result.exit_code == 0, result.output
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tmp_path / "out" / "timeline.html").as_uri() + "#extreme-0")
    _wait(page, READY)
    assert page.locator("#tl__list > li").count() == len(EXTREME_DATES) + 1
    for i in range(len(EXTREME_DATES)):
        page.goto((tmp_path / "out" / "timeline.html").as_uri() + f"#extreme-{i}")
        page.wait_for_timeout(50)
    for button in page.locator("[data-zoom]").all():
        if button.is_visible():
            button.click()
    assert errors == [], errors[:3]
    context.close()


def test_payloads_extracted_from_an_article_stay_inert(browser: Any, tmp_path: Path) -> None:
    """The whole pipeline on a hostile article: extract --into, check, build --review, open in Chromium."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = ["DUSHANBE, June 5, 2015"]
    lines += [f"On May {i % 28 + 1}, 2015 the ministry said {p} about the amnesty." for i, p in enumerate(PAYLOADS)]
    (folder / "article.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store, outdir = tmp_path / "events.yaml", tmp_path / "out"
    for args in (["extract", "-q", str(folder), "--into", str(store)], ["check", str(store)], ["build", str(store), "--review", "-o", str(outdir)]):
        result = CliRunner().invoke(cli, args, prog_name="timeline")
        assert result.exit_code == 0, (args[0], result.output[-1000:])
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((outdir / "timeline.html").as_uri())
    _wait(page, READY)
    links = page.locator("#tl__list a.tl-open")
    assert links.count() >= 30
    for i in range(links.count()):
        links.nth(i).click()
        for button in page.locator("#tl__panel-body button.tl-show").all():
            button.click()
        page.keyboard.press("Escape")
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == [] and errors == []
    assert [u for u in requests if not (u.startswith("file:") or u.startswith("data:"))] == []
    assert _dom_is_clean(page)
    context.close()
