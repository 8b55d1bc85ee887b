"""Markdown export: golden file, escaping of hostile strings, and the export command.

Regenerate the golden file after an intended change with:
    TIMELINE_REGEN_GOLDEN=1 pytest tests/test_export_markdown.py
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.builders import get_builder
from timeline.builders.citing import bare_quote, quote_body
from timeline.builders.markdown import markdown, md
from timeline.cli import COMMANDS, cli
from timeline.store import load_store

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(autouse=True)
def commands(monkeypatch):
    monkeypatch.setitem(COMMANDS, "export", "timeline.cli.export:export")


def test_markdown_matches_golden(copy_root):
    root = copy_root("export-basic")
    target = root / "handout.md"
    result = CliRunner().invoke(cli, ["export", "markdown", str(root / "events.yaml"), "-o", str(target), "--review"])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    golden = GOLDEN / "export-basic.md"
    if os.environ.get("TIMELINE_REGEN_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_stdout_is_the_same_as_the_file(copy_root):
    root = copy_root("export-basic")
    result = CliRunner().invoke(cli, ["export", "markdown", str(root / "events.yaml"), "--review", "-q"])
    assert result.exit_code == 0
    assert result.output == markdown(load_store(root / "events.yaml")[0], review=True)


def test_hostile_strings_render_as_text(roots):
    markdown_it = pytest.importorskip("markdown_it")
    text = markdown(load_store(roots / "export-basic" / "events.yaml")[0], review=True)
    rendered = markdown_it.MarkdownIt("commonmark").render(text)
    assert "<script" not in rendered and "<img" not in rendered and "<em>test" not in rendered
    assert "&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt; &amp; &quot;title&quot;" in rendered
    assert '<a href="https://example.org/war-and-return?a=1&amp;b=2">War and return</a>' in rendered


def test_pandoc_converts_the_handout_without_a_warning(roots):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed (apt-get install pandoc)")
    text = markdown(load_store(roots / "export-basic" / "events.yaml")[0], review=True)
    done = subprocess.run(["pandoc", "--fail-if-warnings", "-s", "-f", "markdown", "-t", "html"],
                          input=text, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    page = done.stdout
    assert "<title>War and return &lt;em&gt;test&lt;/em&gt;</title>" in page
    assert page.count('href="#source-1"') == text.count("](#source-1)") > 10 and page.count('id="source-1"') == 1, "each [1] links to source 1"
    assert "<script" not in page and "<img" not in page


def test_numbers_link_to_the_source_list_in_commonmark(roots):
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark").render(markdown(load_store(roots / "export-basic" / "events.yaml")[0], review=True))
    assert '<a href="#source-1">[1]</a>' in rendered and '<li><span id="source-1"></span><a href=' in rendered


def test_disputes_read_as_dates_with_their_quotes(roots):
    text = markdown(load_store(roots / "export-basic" / "events.yaml")[0], review=True)
    assert "    - **June 1997**: \u201cJune 1997\u201d [\\[1\\]](#source-1)  \n      *the month only*\n" in text
    assert "    - **27 June 1997**: \u201cThe peace accord was signed on 27 June 1997.\u201d [" in text
    assert "1997-06" not in text and "\u201c\"" not in text and "1\\], \\[" not in text


@pytest.mark.parametrize("quote, bare", [
    ('"June 1997"', "June 1997"), ("\u201cJune 1997\u201d", "June 1997"), ("\u00abJuin 1997\u00bb", "Juin 1997"),
    ("\u201eJuni 1997\u201c", "Juni 1997"), ("'June 1997'", "June 1997"), (' "June 1997" ', "June 1997"),
    ('"A" and "B"', '"A" and "B"'), ('"unbalanced', '"unbalanced'), ('""', '""'), ("'the people's will'", "'the people's will'"),
    ("plain", "plain"),
])
def test_a_quote_loses_only_the_marks_around_the_whole_of_it(quote, bare):
    assert bare_quote(quote) == bare


@pytest.mark.parametrize("quote, body", [
    ('"Many left," he said.', "\u2018Many left,\u2019 he said."),
    ('A "quote" & more.', "A \u2018quote\u2019 & more."),
    ("He said \u201cno\u201d (\u201cnever\u201d).", "He said \u2018no\u2019 (\u2018never\u2019)."),
    ("Er sagte \u201eNein\u201c.", "Er sagte \u201aNein\u2018."),
    ('"June 1997"', "June 1997"), ("it\u2019s", "it\u2019s"),
])
def test_a_quote_within_our_quotation_marks_uses_single_ones(quote, body):
    assert quote_body(quote) == body


@pytest.mark.parametrize("raw, escaped", [
    ("*bold* _it_ [link](x) <b>", r"\*bold\* \_it\_ \[link\](x) \<b\>"),
    ("1997. A year", r"1997\. A year"),
    ("- not a list", r"\- not a list"),
    ("# not a heading", r"\# not a heading"),
    ("&amp; stays", r"\&amp; stays"),
    ("two\nlines", "two lines"),
])
def test_md_escapes(raw, escaped):
    assert md(raw) == escaped


def test_without_review_only_reviewed_events_are_listed(roots):
    text = markdown(load_store(roots / "export-basic" / "events.yaml")[0])
    assert "Peace accord signed" in text and "Amnesty offered" not in text and "candidate" not in text


def test_builder_is_registered():
    assert get_builder("markdown").suffix == ".md"


def test_unknown_format_lists_the_known_ones(roots):
    result = CliRunner().invoke(cli, ["export", "pdf", str(roots / "export-basic" / "events.yaml")])
    assert result.exit_code == 2, "an unknown format is a usage error"
    assert "unknown format 'pdf'; choose one of: csv," in result.output and "markdown" in result.output


def test_publishing_formats_refuse_a_stale_citation_but_csv_does_not(copy_root):
    root = copy_root("export-basic")
    source = root / "sources" / "article.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("amnesty", "pardon"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "markdown", str(root / "events.yaml"), "-o", str(root / "x.md")])
    assert result.exit_code == 1 and "not found in source 'article'" in result.output
    assert not (root / "x.md").exists()
    assert CliRunner().invoke(cli, ["export", "csv", str(root / "events.yaml"), "-o", str(root / "x.csv")]).exit_code == 0
