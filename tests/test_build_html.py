"""The HTML builder without a browser: pure rendering, golden page, escaping, CLI options and exit codes.

Regenerate the golden page after an intended change with:
    TIMELINE_REGEN_GOLDEN=1 pytest tests/test_build_html.py -k golden

The golden holds the markup only: the inlined page script and stylesheet (and so the CSP hashes) are replaced
by placeholders, so a front-end change does not rewrite it; the assets are tested on their own below.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline import dates
from timeline.builders import BuildContext, get_builder
from timeline.builders.html import PAGE_SCRIPTS, HtmlBuilder, asset, compact, json_script, page_script, render_html
from timeline.builders.html_figure import LANE_COLOURS, short_title
from timeline.check import check_store
from timeline.cli import cli
from timeline.schema import Store

REPO = Path(__file__).resolve().parents[1]

GOLDEN = Path(__file__).parent / "golden" / "page.html"


def _load(root: Path):
    store, texts, _warnings = check_store(root / "events.yaml")
    return store, texts


@pytest.fixture
def basic(roots: Path):
    return _load(roots / "page-basic")


def _data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="tl__data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def _markup(html: str) -> str:
    """The page without the inlined assets and their hashes: what the golden compares."""
    html = re.sub(r"<style>.*?</style>", "<style>(page.css)</style>", html, flags=re.S)
    html = re.sub(r"<script>.*?</script>", "<script>(page script)</script>", html, flags=re.S)
    return re.sub(r"sha256-[A-Za-z0-9+/=]+", "sha256-(hash)", html)


def test_registered_as_html_builder():
    assert get_builder("html") is HtmlBuilder
    assert HtmlBuilder.suffix == ".html"


def test_render_is_pure_and_deterministic(basic):
    store, texts = basic
    first = render_html(store, texts, {"plotly": "file"})
    assert first == render_html(store, texts, {"plotly": "file"})
    assert "<html lang=\"en\">" in first


def test_golden_page(basic):
    store, texts = basic
    html = _markup(render_html(store, texts, {"plotly": "file", "review": True}))
    if os.environ.get("TIMELINE_REGEN_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8"), "page changed; if intended: TIMELINE_REGEN_GOLDEN=1 pytest tests/test_build_html.py -k golden"


def test_inline_page_is_self_contained_and_csp_hashes_match(basic):
    store, texts = basic
    html = render_html(store, texts)
    outside = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert "<script src=" not in outside and "cdn.plot.ly" not in outside
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert "default-src &#x27;none&#x27;" in csp
    inline = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(inline) == 2  # plotly.js and the page script; the data block is JSON
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"sha256-{digest}" in csp
    assert 1_100_000 < len(html.encode()) < 1_500_000


def test_every_event_listed_with_citations_and_dates(basic):
    store, texts = basic
    html = render_html(store, texts, {"plotly": "file", "review": True})
    for event in store.events:
        assert f'<li id="{event.id}"' in html
    assert "the 1890s" in html and "c. 1952" in html and "spring 2021–c. 2023" in html
    assert "published autumn 2021" in html and "Harbor Gazette" in html
    assert 'href="https://example.org/gazette/harbour-wall"' in html
    assert "How many houses were flooded?" in html and "about 60" in html


def test_candidates_only_with_review(basic):
    store, texts = basic
    assert 'id="ferry-first"' not in render_html(store, texts, {"plotly": "file"})
    reviewed = render_html(store, texts, {"plotly": "file", "review": True})
    assert 'id="ferry-first" class="tl-event tl-candidate"' in reviewed


def test_inlined_assets_are_the_asset_files(basic):
    store, texts = basic
    html = render_html(store, texts, {"plotly": "file", "review": True})
    script = re.findall(r"<script>(.*?)</script>", html, re.S)[-1]
    assert script == page_script() and "/*" not in script
    assert "var TimelineLayout" in script and "function fromHash()" in script
    assert re.search(r"<style>(.*?)</style>", html, re.S).group(1) == compact(asset("page.css"))


def test_page_script_parts_are_small_and_define_each_function_once():
    """The page script is split by concern; each part stays readable and no helper is written twice."""
    names: list[str] = []
    for name in PAGE_SCRIPTS:
        source = asset(name)
        assert len(source.splitlines()) < 400, name
        names += re.findall(r"\bfunction (\w+)\s*\(", source) + re.findall(r"\bT\.(\w+) = function", source)
    defined_twice = {n for n in names if names.count(n) > 1}
    assert defined_twice == set()
    assert PAGE_SCRIPTS[-1] == "page.js" and PAGE_SCRIPTS[:2] == ("page-layout.js", "page-core.js")


def test_marks_follow_precision(basic):
    store, texts = basic
    data = _data(render_html(store, texts, {"plotly": "file", "review": True}))
    marks, facets = data["figure"]["marks"], data["facets"]
    assert all(len(v) == len(facets) for v in marks.values())
    by_title = {e.title: i for i, e in enumerate(sorted(store.events, key=lambda e: (dates.parse(e.date).sort_key, e.id)))}
    assert len(by_title) == len(facets)
    spans = {t: facets[i][5] - facets[i][4] + 1 for t, i in by_title.items() if facets[i][4] is not None}
    assert sorted(spans.values())[0] == 1  # a day-precise event
    assert 31 in spans.values()  # July 2021: the whole month
    assert 3652 in spans.values()  # the 1890s: the whole decade
    assert "circle" in marks["symbol"]  # a day-precise event is a point
    assert any(s.endswith("-open") for s in marks["symbol"])  # ~1952
    assert any(s.endswith("-open-dot") for s in marks["symbol"])  # 2021-07?
    assert sorted(label[-1] for label in marks["label"] if label[-1] in "~?") == ["?", "~", "~"]
    layout = data["figure"]["layout"]
    assert [s for s in layout["shapes"] if s["type"] == "rect"][0]["x0"] == "1946-01-01"
    assert any("Post-war reconstruction" in a["text"] for a in layout["annotations"])


@pytest.mark.parametrize("title, short", [
    ("Short title", "Short title"),
    ("A title that runs on for well beyond thirty characters", "A title that runs on for well…"),
    ("Averyveryverylongwordwithoutanyspaceatallinit", "Averyveryverylongwordwithouta…"),
    ("Council votes, then the mayor resigns at once", "Council votes, then the mayor…"),
])
def test_short_titles_cut_at_a_word(title, short):
    assert short_title(title) == short and len(short) <= 31


def test_hostile_strings_are_inert(roots: Path):
    store, texts = _load(roots / "page-hostile")
    html = render_html(store, texts)
    assert html.count("<script") == 4  # data, JSON-LD, plotly.js, page script: nothing from the store
    assert html.count("</script>") == 4
    assert "onmouseover=\"window" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned" in html
    data_block = re.search(r'id="tl__data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data_block and "\u2028" not in data_block
    marks = json.loads(data_block)["figure"]["marks"]
    # the plot's titles, hover labels and lane names are plain text the page script sets as textContent (the
    # browser test shows them inert); only era titles go to plotly, which reads markup, so they are escaped
    assert any(h.startswith("<") for h in marks["hover"]) and any(label.startswith("<") for label in marks["label"])
    assert all("<" not in a["text"] for a in json.loads(data_block)["figure"]["layout"]["annotations"])


def test_json_script_escapes_everything_dangerous():
    text = json_script({"a": "</script><!-- & \u2028\u2029 >"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_only_http_urls_become_links(basic):
    store, texts = basic
    hostile = store.model_copy(deep=True)
    hostile.sources[0] = hostile.sources[0].model_copy(update={"url": "javascript:window.__pwned=1"})
    html = render_html(hostile, texts, {"plotly": "file"})
    assert 'href="javascript:' not in html
    assert "https://example.org/gazette" not in html


def test_locales_translate_text_and_dates(basic):
    store, texts = basic
    fr = render_html(store, texts, {"plotly": "file", "locale": "fr"})
    assert '<html lang="fr">' in fr and "14 mai 2019" in fr and "vers 1952" in fr and "Rechercher" in fr
    assert _data(fr)["plotlyLocale"]["months"][4] == "mai"
    de = render_html(store, texts, {"plotly": "file", "locale": "de"})
    assert "14. Mai 2019" in de and "Herbst 2021" in de and "Suchen" in de
    with pytest.raises(ValueError):
        render_html(store, texts, {"locale": "xx"})


def _luminance(colour: str) -> float:
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_contrast():
    css = (Path(__file__).parents[1] / "builders" / "assets" / "page.css").read_text()
    variables = dict(re.findall(r"--(fg|muted|accent|focus):(#[0-9a-fA-F]{6})", css))
    for name in ("fg", "muted", "accent"):
        assert _contrast(variables[name], "#ffffff") >= 4.5, name
    assert _contrast(variables["muted"], "#f4f5f7") >= 4.5
    for colour in LANE_COLOURS:  # markers and bars: graphical objects need 3:1
        assert _contrast(colour, "#ffffff") >= 3.0, colour
        assert _contrast(colour, "#e2e6ea") >= 3.0, colour  # on an era band


# ---- the command ----

def _run(*args: str):
    return CliRunner().invoke(cli, ["build", *args], catch_exceptions=False)


def test_cli_builds_and_prints_the_path(copy_root, tmp_path):
    root = copy_root("page-basic")
    out = tmp_path / "out"
    result = _run(str(root / "events.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out / "timeline.html")
    assert (out / "timeline.html").read_text().startswith("<!DOCTYPE html>")


def test_cli_refuses_a_broken_store_and_writes_nothing(copy_root, tmp_path):
    root = copy_root("page-basic")
    path = root / "events.yaml"
    path.write_text(path.read_text().replace("The town council voted", "The council voted"))
    path.write_text(path.read_text().replace("voted on 3 March 2021", "voted on 4 March 2021"))
    out = tmp_path / "out"
    result = _run(str(path), "-o", str(out))
    assert result.exit_code == 1
    assert "events.yaml:" in result.stderr and "not found" in result.stderr
    assert not out.exists()


def test_cli_missing_store_exits_1(tmp_path):
    result = _run(str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "nope.yaml" in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_embed_prints_an_iframe_with_a_title(copy_root, tmp_path):
    root = copy_root("page-basic")
    result = _run(str(root / "events.yaml"), "-o", str(tmp_path / "o"), "--embed")
    assert result.exit_code == 0
    assert re.fullmatch(r'<iframe src="timeline.html\?embed=1" title="Port Alder harbour: interactive timeline"[^>]*'
                        r'height="600"[^>]*></iframe>\n', result.stdout)
    assert "replace it" in result.stderr and "--base-url" in result.stderr


def test_cli_embed_with_a_base_url_prints_an_absolute_src(copy_root, tmp_path):
    root = copy_root("page-basic")
    result = _run(str(root / "events.yaml"), "-o", str(tmp_path / "o"), "--embed", "--base-url", "https://example.org/course")
    assert result.exit_code == 0
    assert 'src="https://example.org/course/timeline.html?embed=1"' in result.stdout
    assert "replace it" not in result.stderr


@pytest.mark.parametrize("args", [["--embed", "--base-url", "javascript:alert(1)"], ["--base-url", "https://example.org/"]])
def test_cli_base_url_must_be_http_and_go_with_embed(copy_root, tmp_path, args):
    root = copy_root("page-basic")
    result = _run(str(root / "events.yaml"), "-o", str(tmp_path / "o"), *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_cli_plotly_modes(copy_root, tmp_path):
    root = copy_root("page-basic")
    assert _run(str(root / "events.yaml"), "-o", str(tmp_path / "f"), "--plotly", "file").exit_code == 0
    assert (tmp_path / "f" / "plotly-core.min.js").stat().st_size > 1_000_000
    page = (tmp_path / "f" / "timeline.html").read_text()
    assert '<script src="plotly-core.min.js"></script>' in page and len(page) < 100_000
    assert _run(str(root / "events.yaml"), "-o", str(tmp_path / "c"), "--plotly", "cdn").exit_code == 0
    assert 'src="https://cdn.plot.ly/plotly-basic-4.1.1.min.js"' in (tmp_path / "c" / "timeline.html").read_text()
    assert not (tmp_path / "c" / "plotly-core.min.js").exists()
    assert _run(str(root / "events.yaml"), "--plotly", "nope").exit_code == 2


@pytest.mark.skipif(not (REPO / "node_modules" / "plotly.js").is_dir() or not shutil.which("node"),
                    reason="plotly.js and esbuild not installed (npm ci)")
def test_vendored_plotly_is_the_build_of_its_tool(tmp_path):
    """The inlined plotly.js is what tools/build-plotly.js makes from package.json's plotly.js: no hand edit, and a
    plotly.js upgrade in package.json without a rebuild fails here."""
    built = tmp_path / "plotly.js"
    subprocess.run(["node", str(REPO / "tools" / "build-plotly.js"), str(built)], check=True, capture_output=True, timeout=120)
    assert built.read_text(encoding="utf-8") == asset("plotly-core.min.js")


def test_vendored_plotly_is_ascii():
    """One non-ASCII character makes the browser hold the whole inline plotly.js as a two-byte string, which V8
    compiles more slowly; tools/build-plotly.js writes every other character as a \\u escape."""
    assert asset("plotly-core.min.js").isascii()


def test_vendored_plotly_compiles_its_modules_at_once():
    """Every module factory passed to esbuild's __commonJS helper is in parentheses (V8 then compiles it at once,
    not a pre-parse and a second parse at its call, bench/results/page.md); the rest of the bundle stays lazy."""
    code = asset("plotly-core.min.js")
    helper = re.search(r"var ([A-Za-z_$][\w$]*)=\(e,t\)=>\(\)=>\{try\{return t\|\|e\(", code)
    assert helper, "esbuild's __commonJS helper not found"
    calls = re.findall(r"=" + re.escape(helper.group(1)) + r"\((.)", code)
    assert len(calls) > 300 and set(calls) == {"("}


def test_cli_locale_and_review(copy_root, tmp_path):
    root = copy_root("page-basic")
    result = _run(str(root / "events.yaml"), "-o", str(tmp_path / "o"), "--locale", "de", "--review")
    assert result.exit_code == 0
    page = (tmp_path / "o" / "timeline.html").read_text()
    assert '<html lang="de">' in page and 'id="ferry-first"' in page
    bad = _run(str(root / "events.yaml"), "--locale", "xx")
    assert bad.exit_code == 2 and all(f"'{code}'" in bad.stderr for code in ("en", "fr", "de")), "the choices are named"
    omitted = _run(str(root / "events.yaml"), "-o", str(tmp_path / "p"))
    assert "1 candidate events" in omitted.stderr
    quiet = _run(str(root / "events.yaml"), "-o", str(tmp_path / "q"), "--quiet")
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr and "candidate events" not in quiet.stderr


def test_builder_writes_atomically_into_outdir(basic, tmp_path):
    store, texts = basic
    written = HtmlBuilder(BuildContext(store, texts, tmp_path / "events.yaml", {"plotly": "file"})).build(tmp_path / "o")
    assert [p.name for p in written] == ["timeline.html", "plotly-core.min.js"]
    assert not [p for p in (tmp_path / "o").iterdir() if p.name.endswith(".tmp")]


def test_unknown_dates_are_listed_but_not_plotted(basic):
    store, texts = basic
    changed = store.model_copy(deep=True)
    changed.events[0] = changed.events[0].model_copy(update={"date": "XXXX"})
    html = render_html(Store.model_validate(changed.model_dump()), texts, {"plotly": "file"})
    assert "date unknown, not on the plot" in html
    facets = _data(html)["facets"]
    assert sum(1 for f in facets if f[4] is not None) == 5 and len(facets) == 6


EXAMPLE = Path(__file__).parents[1] / "events.yaml"


@pytest.mark.skipif(not EXAMPLE.exists(), reason="the example events.yaml is not in this checkout")
def test_example_page_is_under_1_55_mb_and_lists_every_reviewed_event():
    store, texts, _ = check_store(EXAMPLE)
    html = render_html(store, texts)
    assert len(html.encode()) < 1_550_000  # plotly.js basic is 1.19 MB of it
    shown = [e for e in store.events if e.status == "reviewed"]
    assert html.count('<li id="') == len(shown) > 0


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "0001/9999", "../9999", "2014-35", "2013-40", "2015-37", "XXXX"])
def test_extreme_valid_dates_render(basic, value):
    store, texts = basic
    changed = store.model_dump()
    changed["events"][0]["date"] = value
    changed["eras"][0]["date"] = value if "/" in value and ".." not in value else changed["eras"][0]["date"]
    html = render_html(Store.model_validate(changed), texts, {"plotly": "file"})
    assert 'id="wall-built"' in html
    assert all(len(x) == 10 for x in _data(html)["range"])


@pytest.mark.parametrize("quote, shown", [
    ('"Many were lost at sea," he said', "Many were lost at sea,&quot; he said"),
    ("“Many were lost”", "Many were lost"),
    ("«Beaucoup»", "Beaucoup"),
    ("'single'", "single"),
    ("plain words", "plain words"),
    ('"', '&quot;'),
])
def test_quotes_are_never_double_quoted(basic, quote, shown):
    store, texts = basic
    changed = store.model_copy(deep=True)
    event = changed.events[0]
    citation = event.citations[0].model_copy(update={"quote": quote})
    changed.events[0] = event.model_copy(update={"citations": [citation]})
    html = render_html(changed, {}, {"plotly": "file"})
    assert f'<blockquote class="tl-quote">{shown}</blockquote>' in html


def test_inferred_publication_dates_are_labelled(basic):
    store, texts = basic
    changed = store.model_copy(deep=True)
    changed.sources[0] = changed.sources[0].model_copy(update={"published_basis": "inferred", "published_note": "From the text."})
    html = render_html(changed, texts, {"plotly": "file"})
    assert "published 12 March 2021 (date inferred, not stated)" in html
    stated = render_html(store, texts, {"plotly": "file"})
    assert "published 12 March 2021 " in stated
    assert "2021 (date inferred" not in stated


def test_page_script_gets_every_text_it_uses(basic):
    store, texts = basic
    sent = set(_data(render_html(store, texts, {"plotly": "file"}))["strings"])
    app = "\n".join(asset(name) for name in PAGE_SCRIPTS)
    used = set(re.findall(r"\bS\.(\w+)", app)) | set(re.findall(r"\bstrings\.(\w+)", app))
    assert used == sent
