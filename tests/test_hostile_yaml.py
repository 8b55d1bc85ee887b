"""Hostile and broken events.yaml: every case is refused with file:line messages and exit 1, never a
traceback, never a constructed Python object, and nothing is written.

tests/test_store.py covers syntax errors, tabs, aliases, billion laughs, duplicate keys, BOM, CRLF,
non-UTF-8 bytes, unquoted dates, 64 MiB files; this file covers the rest of issue 7's YAML list, through
the library (load_store) and the CLI (`timeline check`, `timeline build`).
"""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.errors import StoreError
from timeline.store import MAX_DEPTH, MAX_PROBLEMS, load_store

ROOT = Path(__file__).parent / "roots" / "hostile-yaml"
BASE = (ROOT / "events.yaml").read_text(encoding="utf-8")
EVENT = BASE[BASE.index("  - id: amnesty"):]
CITE = "citations: [{source: wire, quote: Tajikistan offered an amnesty, offset: 0}]"


FIELDS = {
    "id": "amnesty", "date": '"2015-05"', "title": "Amnesty offered", "summary": "Tajikistan offered an amnesty.",
    "lane": "main", "status": "reviewed", "citations": CITE.removeprefix("citations: "),
}


def event(**fields: str) -> str:
    """The base store with its one event written with these fields replaced or added (values are raw YAML)."""
    values = {**FIELDS, **fields}
    lines = [f"    {key}: {value}\n" for key, value in values.items()]
    lines[0] = "  - " + lines[0].lstrip()
    return BASE.replace(EVENT, "".join(lines))


def edited(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


END = len(BASE.splitlines()) + 1  # the line of anything appended to BASE


# (case id, file content, expected line of the first problem, words the message must contain)
REFUSED: list[tuple[str, str | bytes, int | str | None, str]] = [
    # tags: safe semantics, nothing is constructed, and the tag is named
    ("python-object-apply", edited("title: Hostile input", 'title: !!python/object/apply:os.system ["touch PWNED"]'), 2, "tag !!python/object/apply:os.system is not allowed"),
    ("python-object-new", edited("title: Hostile input", "title: !!python/object/new:os.system [x]"), 2, "is not allowed"),
    ("python-name", edited("title: Hostile input", "title: !!python/name:os.system"), 2, "tag !!python/name:os.system is not allowed"),
    ("python-module", edited("title: Hostile input", "title: !!python/module:os"), 2, "is not allowed"),
    ("local-tag", edited("title: Hostile input", "title: !evil payload"), 2, "tag !evil is not allowed"),
    ("binary-tag", edited("title: Hostile input", "title: !!binary aGVsbG8="), 2, "tag !!binary"),
    ("set-tag", edited("title: Hostile input", "title: !!set {a, b}"), 2, "tag !!set"),
    ("omap-tag", edited("title: Hostile input", "title: !!omap [a: 1]"), 2, "tag !!omap"),
    ("timestamp-tag", event(date="!!timestamp 2015-05-09"), "    date:", "tag !!timestamp"),
    # structure: keys that are not text
    ("key-is-list", BASE + "? [a, b]\n: 1\n", END, "a mapping key must be text, not a list or mapping"),
    ("key-is-mapping", BASE + "? {a: 1}\n: 1\n", END, "a mapping key must be text"),
    ("key-is-null", BASE + "~: 1\n", END, "not nothing (null)"),
    ("key-is-number", event(**{"1997": "x"}), "    1997:", "not the number 1997"),
    ("key-is-true", BASE + "true: 1\n", END, "not the boolean true"),
    ("empty-key", BASE + ": orphan\n", END, "YAML syntax error"),
    # nesting
    # The wording is the YAML library's or ours, depending on which stops the nesting first (libyaml 0.2.5
    # as shipped in PyYAML 6.0.4 stops it itself): the reader needs file:line and a refusal, not our words.
    ("deep-flow-100k", BASE + "description: " + "[" * 100_000 + "]" * 100_000 + "\n", END, ""),
    ("deep-block-2000", BASE + "description:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(2000)), None, f"nested more than {MAX_DEPTH} levels"),
    ("deep-but-legal-depth", BASE + "description: " + "[" * 60 + "]" * 60 + "\n", END, "expected text, found a list"),
    ("multi-document", BASE + "---\ntitle: second\n", END, "second document"),
    # characters
    ("null-byte", edited("title: Hostile input", "title: Hostile\x00input"), 2, "U+0000 is not allowed"),
    ("escape-byte", edited("title: Hostile input", "title: \x1b[31mred"), 2, "U+001B is not allowed"),
    ("bell-in-block", BASE + "description: |\n  ring\x07\n", END + 1, "U+0007"),
    ("lone-surrogate-escape", edited("title: Hostile input", 'title: "\\ud800"'), 2, "Unicode"),
    ("c1-control-byte", edited("title: Hostile input", "title: a\x85b\x9bc"), 2, "not allowed"),
    # wrong types everywhere
    ("top-level-list", "- a\n- b\n", 1, "top level must be a mapping"),
    ("top-level-text", "just some text\n", 1, "top level must be a mapping"),
    ("top-level-number", "42\n", 1, "top level must be a mapping"),
    ("events-mapping", edited("events:\n", "events: {a: 1}\nunused:\n"), None, "events: expected a list"),
    ("events-text", BASE.replace(EVENT, "") .replace("events:\n", "events: all of them\n"), None, "events: expected a list"),
    ("event-is-text", BASE.replace(EVENT, "  - an event\n"), "  - an event", "event #1: expected a mapping"),
    ("event-is-number", BASE.replace(EVENT, "  - 7\n"), "  - 7", "expected a mapping (key: value lines), found the number 7"),
    ("event-is-null", BASE.replace(EVENT, "  -\n"), "  -\n", "found nothing (null)"),
    ("id-is-number", event(id="123"), "  - id:", "expected text, found the number 123; put the value in quotes"),
    ("id-is-float", event(id="1.5"), "  - id:", "found the number 1.5"),
    ("id-is-list", event(id="[a, b]"), "  - id:", "event #1 id: expected text, found a list"),
    ("id-is-mapping", event(id="{a: 1}"), "  - id:", "expected text, found a mapping"),
    ("id-with-capitals", event(id="Amnesty Offer"), "  - id:", "String should match pattern"),
    ("title-true", event(title="true"), "    title:", "found the boolean true; put the value in quotes"),
    ("title-null", event(title="~"), "    title:", "found nothing (null)"),
    ("title-list", event(title="[a, b]"), "    title:", "expected text, found a list"),
    ("title-empty", event(title='""'), "    title:", "at least 1 character"),
    ("title-too-long", event(title="x" * 5000), "    title:", "at most 200 characters"),
    ("summary-mapping", event(summary="{a: b}"), "    summary:", "found a mapping"),
    ("date-float", event(date="2015.5"), "    date:", "found the number 2015.5"),
    ("date-list", event(date="[2015, 2016]"), "    date:", "found a list"),
    ("date-words", event(date="next Tuesday"), "    date:", "is not EDTF"),
    ("date-feb-30", event(date='"2015-02-30"'), "    date:", "day is out of range for month"),
    ("date-year-0", event(date='"0000"'), "    date:", "out of range"),
    ("date-five-digits", event(date='"99999"'), "    date:", "not a valid EDTF date"),
    ("date-backwards", event(date='"1997/1992"'), "    date:", "ends before it starts"),
    ("date-open-both", event(date='"../.."'), "    date:", "open at both ends"),
    ("date-2-slashes", event(date='"1992/1995/1997"'), "    date:", "more than one '/'"),
    ("lane-list", event(lane="[main]"), "    lane:", "expected text, found a list"),
    ("lane-unknown", event(lane="elsewhere"), "    lane:", "unknown lane 'elsewhere'"),
    ("tags-text", event(tags="peace, war"), "    tags:", "tags: expected a list"),
    ("tags-numbers", event(tags="[1, 2]"), "    tags:", "tags.0: expected text, found the number 1"),
    ("actors-mapping", event(actors="{who: me}"), "    actors:", "actors: expected a list"),
    ("importance-word", event(importance="very"), "    importance:", "importance"),
    ("importance-negative", event(importance="-1"), "    importance:", "greater than or equal to 0"),
    ("importance-inf", event(importance=".inf"), "    importance:", "importance"),
    ("importance-nan", event(importance=".nan"), "    importance:", "importance"),
    ("status-unknown", event(status="done"), "    status:", "'candidate' or 'reviewed'"),
    ("citations-text", event(citations="wire"), "    citations:", "citations: expected a list"),
    ("citations-empty", event(citations="[]"), "    citations:", "at least 1 item"),
    ("citation-is-text", event(citations="[wire]"), "    citations:", "citations.0: expected a mapping"),
    ("offset-negative", event(citations="[{source: wire, quote: Tajikistan, offset: -1}]"), "    citations:", "greater than or equal to 0"),
    ("offset-text", event(citations="[{source: wire, quote: Tajikistan, offset: first}]"), "    citations:", "valid integer"),
    ("offset-hex-kept-as-text", event(citations="[{source: wire, quote: Tajikistan, offset: 0x10}]"), "    citations:", "valid integer"),
    ("offset-float", event(citations="[{source: wire, quote: Tajikistan, offset: 1.5}]"), "    citations:", "integer"),
    ("quote-number", event(citations="[{source: wire, quote: 1997, offset: 0}]"), "    citations:", "quote: expected text, found the number 1997"),
    ("source-number", event(citations="[{source: 7, quote: Tajikistan, offset: 0}]"), "    citations:", "source: expected text"),
    ("source-unknown", event(citations="[{source: nowhere, quote: Tajikistan, offset: 0}]"), "    citations:", "unknown source 'nowhere'"),
    ("citation-extra-key", event(citations="[{source: wire, quote: Tajikistan, offset: 0, page: 3}]"), "    citations:", "unknown key 'page'"),
    ("disputes-text", event(disputes="who knows"), "    disputes:", "disputes: expected a list"),
    ("dispute-one-claim", event(disputes=f"[{{description: d, claims: [{{value: a, {CITE}}}]}}]"), "    disputes:", "at least 2 items"),
    ("dispute-claims-wrong", event(disputes="[{description: d, claims: [1, [2]]}]"), "    disputes:", "claims.0: expected a mapping"),
    ("dispute-about-unknown", event(disputes=f"[{{about: size, description: d, claims: [{{value: a, {CITE}}}, {{value: b, {CITE}}}]}}]"), "    disputes:", "'date', 'figure' or 'fact'"),
    ("sources-mapping", edited("sources:\n", "sources: {wire: 1}\nunused:\n"), None, "sources: expected a list"),
    ("source-file-list", edited("file: sources/wire.txt", "file: [sources/wire.txt]"), 5, "file: expected text, found a list"),
    ("source-segment-words", edited("file: sources/wire.txt", "file: sources/wire.txt\n    segment: [start, end]"), 6, "valid integer"),
    ("source-segment-three", edited("file: sources/wire.txt", "file: sources/wire.txt\n    segment: [1, 2, 3]"), 6, "at most 2 items"),
    ("source-segment-backwards", edited("file: sources/wire.txt", "file: sources/wire.txt\n    segment: [9, 2]"), 4, "segment must be [start, end)"),
    ("source-url-javascript", edited("title: Amnesty offered\n    published", "title: Amnesty offered\n    url: javascript:alert(1)\n    published"), 7, "must start with http:// or https://"),
    ("source-url-data", edited("title: Amnesty offered\n    published", "title: Amnesty offered\n    url: 'data:text/html,<script>alert(1)</script>'\n    published"), 7, "must start with http"),
    ("source-url-quote", edited("title: Amnesty offered\n    published", "title: Amnesty offered\n    url: 'https://x.org/\"onmouseover=\"alert(1)'\n    published"), 7, "no spaces or quotes"),
    ("source-sha-wrong", edited('sha256: "', 'sha256: "zz'), 10, "sha256"),
    ("basis-unknown", edited("published_basis: stated", "published_basis: maybe"), 8, "'stated' or 'inferred'"),
    ("lanes-list-of-text", edited("  - id: main\n    label: Main", "  - main"), 12, "lane #1: expected a mapping"),
    ("lane-id-list", edited("  - id: main\n    label: Main", "  - id: [main]\n    label: Main"), 12, "lane #1 id: expected text, found a list"),
    ("eras-wrong-date", edited("lanes:\n", "eras:\n  - id: war\n    title: War\n    date: [1992, 1997]\nlanes:\n"), "    date: [1992", "date: expected text"),
    ("unknown-top-key", BASE + "colour: red\n", END, "unknown key 'colour'"),
    ("duplicate-nested-key", event(title="A\n    title: B"), "    title: B", "duplicate key 'title'"),
    ("duplicate-event-id", BASE + EVENT, END, "duplicate event id 'amnesty'"),
    ("cr-only-line-endings", edited("title: Hostile input", "title: [a, b]").replace("\n", "\r"), 2, "title: expected text"),
]

# Values that YAML 1.1 would silently turn into something else; the store keeps what the editor wrote.
KEPT_AS_WRITTEN = [
    ("title", "no", "no"), ("title", "yes", "yes"), ("title", "off", "off"), ("title", "On", "On"), ("title", "Y", "Y"),
    ("summary", "1:30", "1:30"), ("summary", "0x1F", "0x1F"), ("summary", "007", "007"), ("summary", "1_000", "1_000"),
    ("summary", "1e3", "1e3"), ("summary", ".inf", ".inf"), ("summary", "+12", "+12"), ("summary", "2015-05-09", "2015-05-09"),
    ("note", "NO", "NO"), ("note", "1997", "1997"), ("note", "!!str 12", "12"), ("note", "! 12", "12"),
    ("date", "1997", "1997"), ("date", "2015-05-09", "2015-05-09"), ("date", "2015-05", "2015-05"),
]


def refused(tmp_path: Path, content: str | bytes) -> tuple[Path, list[str]]:
    """Write the case beside the scenario's sources and return the messages load_store raises."""
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "wire.txt").write_bytes((ROOT / "sources" / "wire.txt").read_bytes())
    target = tmp_path / "events.yaml"
    target.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    with pytest.raises(StoreError) as info:
        load_store(target)
    return target, [str(p) for p in info.value.problems]


def test_base_store_is_valid() -> None:
    store, _ = load_store(ROOT / "events.yaml")
    assert [e.id for e in store.events] == ["amnesty"]
    result = CliRunner().invoke(cli, ["check", str(ROOT / "events.yaml")])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("content", "line", "words"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_library_refuses_with_file_line_message(tmp_path: Path, content: str | bytes, line: int | str | None, words: str) -> None:
    target, messages = refused(tmp_path, content)
    line = expected_line(content, line)
    assert any(words in m for m in messages), messages
    first = next(m for m in messages if words in m)
    if line is not None:
        assert first.startswith(f"{target}:{line}: "), messages
    else:
        assert first.startswith(f"{target}"), messages
    assert all(len(m) < 400 for m in messages), "a message echoes a huge value"
    assert all("\x1b" not in m and "\x07" not in m and "\x00" not in m for m in messages), "raw control characters in a message"
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


@pytest.mark.parametrize(("content", "line", "words"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_cli_check_and_build_refuse_and_write_nothing(tmp_path: Path, content: str | bytes, line: int | str | None, words: str) -> None:
    target, _ = refused(tmp_path, content)
    line = expected_line(content, line)
    outdir = tmp_path / "output"
    outdir.mkdir()
    (outdir / "timeline.html").write_text("the page built before\n", encoding="utf-8")
    before = snapshot(tmp_path)
    for args in (["check", str(target)], ["build", str(target), "-o", str(outdir)]):
        result = CliRunner().invoke(cli, args, prog_name="timeline")
        assert result.exit_code == 1, (args, result.output)
        assert isinstance(result.exception, SystemExit), f"{args[0]} raised {result.exception!r}"
        assert "Traceback" not in result.output and result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert lines and all(re.match(rf"{re.escape(str(target))}(:\d+)?: |\d+ problems found\.$", x) for x in lines), lines
        assert any(words in x for x in lines), lines
        if line is not None:
            assert any(x.startswith(f"{target}:{line}: ") for x in lines), lines
    assert snapshot(tmp_path) == before, "a refused store changed a file"


def expected_line(content: str | bytes, line: int | str | None) -> int | None:
    """A line given as a needle is the line where that text first appears."""
    if isinstance(line, str):
        assert isinstance(content, str)
        events = content.index("\nevents:")
        return line_of(content, line) if line not in content[events:] else content[:content.index(line, events)].count("\n") + 1
    return line


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("field", "raw", "expected"), KEPT_AS_WRITTEN, ids=[f"{f}={r}" for f, r, _ in KEPT_AS_WRITTEN])
def test_yaml_1_1_surprises_keep_the_text(tmp_path: Path, field: str, raw: str, expected: str) -> None:
    target = tmp_path / "events.yaml"
    target.write_text(event(**{field: raw}), encoding="utf-8")
    store, _ = load_store(target)
    assert getattr(store.events[0], field) == expected


def test_claim_values_and_tags_keep_their_text(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    disputes = f"[{{about: figure, description: n, claims: [{{value: 1_100, {CITE}}}, {{value: 010, {CITE}}}]}}]"
    target.write_text(event(tags="[yes, no, on, off]", disputes=disputes), encoding="utf-8")
    store, _ = load_store(target)
    assert store.events[0].tags == ["yes", "no", "on", "off"]
    assert [c.value for c in store.events[0].disputes[0].claims] == ["1_100", "010"]


def test_python_tags_run_nothing_through_the_real_process(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    target.write_text(edited("title: Hostile input", f'title: !!python/object/apply:os.system ["touch {tmp_path}/PWNED"]'), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "timeline", "check", str(target)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{target}:2: the tag !!python/object/apply:os.system is not allowed")
    assert not (tmp_path / "PWNED").exists()


def test_very_long_line_loads(tmp_path: Path) -> None:
    long = "word " * 2_000_000  # a 10 MB summary on one line
    target = tmp_path / "events.yaml"
    target.write_text(event(summary=f'"{long.strip()}"'), encoding="utf-8")
    store, _ = load_store(target)
    assert len(store.events[0].summary) == len(long.strip())


def test_a_million_wrong_items_are_summarised_quickly(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    target.write_text("events: [" + ",".join(["1"] * 1_000_000) + "]\n", encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "timeline", "check", str(target)], capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(lines) == MAX_PROBLEMS + 2, "first problems, the rest counted, then the total"
    assert lines[0] == f"{target}:1: event #1: expected a mapping (key: value lines), found the number 1"
    assert lines[MAX_PROBLEMS] == f"{target}: ... and {1_000_000 - MAX_PROBLEMS} more problems; fix these first"
    assert elapsed < 60, f"{elapsed:.0f} s"


def test_a_million_item_list_of_text_loads(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    target.write_text(event(tags="[" + ",".join(["t"] * 1_000_000) + "]"), encoding="utf-8")
    store, doc = load_store(target)
    assert len(store.events[0].tags) == 1_000_000
    assert doc.line(("events", 0, "tags", 999_999)) == line_of(target.read_text(encoding="utf-8"), "    tags:")


def test_thousands_of_bad_tags_are_capped(tmp_path: Path) -> None:
    target, messages = refused(tmp_path, BASE + "description: [" + ", ".join(["!x a"] * 5000) + "]\n")
    assert len(messages) == MAX_PROBLEMS + 1 and messages[-1].endswith(f"... and {5000 - MAX_PROBLEMS} more problems; fix these first")


def test_huge_values_are_not_echoed(tmp_path: Path) -> None:
    big = "b" * 100_000
    _, messages = refused(tmp_path, event(lane=big, date=f'"{big}"', citations=f"[{{source: {big}, quote: q, offset: 0}}]"))
    assert len(messages) >= 3 and all(len(m) < 400 for m in messages), [len(m) for m in messages]


def test_terminal_escapes_are_shown_escaped(tmp_path: Path) -> None:
    _, messages = refused(tmp_path, event(id='"\\e]0;pwned\\a"', date='"\\e[31m"'))
    assert messages and all("\x1b" not in m and "\x07" not in m for m in messages)
    assert any("\\x1b" in m for m in messages)


def test_published_note_with_escapes_is_shown_escaped_in_warnings(tmp_path: Path) -> None:
    text = edited("published_basis: stated\n    published_note: dateline", 'published_basis: inferred\n    published_note: "\\e[2J\\e]0;owned\\a"')
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "wire.txt").write_bytes((ROOT / "sources" / "wire.txt").read_bytes())
    (tmp_path / "events.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "events.yaml")])
    assert result.exit_code == 0 and "inferred" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "symlink-loop", "directory", "unreadable"])
def test_store_path_that_is_not_a_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "events.yaml"
    if kind == "dev-zero":
        target = Path("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink-loop":
        target.symlink_to(target)
    elif kind == "directory":
        target.mkdir()
        result = subprocess.run([sys.executable, "-m", "timeline", "check", str(target)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 2 and "is a directory" in result.stderr and "Traceback" not in result.stderr
        return
    else:
        if os.geteuid() == 0:
            pytest.skip("root reads files whatever their mode")
        target.write_text("title: x\n")
        target.chmod(0)
    result = subprocess.run([sys.executable, "-m", "timeline", "check", str(target)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{target}: ") and len(result.stderr.splitlines()) == 1, result.stderr


def test_cases_are_distinct() -> None:
    names = [c[0] for c in REFUSED]
    assert len(names) == len(set(names))
    assert len({hashlib.sha256(c[1] if isinstance(c[1], bytes) else c[1].encode("utf-8", "surrogatepass")).hexdigest() for c in REFUSED}) == len(REFUSED)


# Valid but extreme values: whatever `timeline check` accepts, `timeline build` and the exports must render.
EXTREME = [
    pytest.param("date", '"2014-35"', id="quarter-2014-35"),  # what extract writes for 'the third quarter of 2014'
    pytest.param("date", '"2013-40"', id="half-year-2013-40"),
    pytest.param("date", '"2015-25"', id="northern-spring-2015-25"),
    pytest.param("date", '"2015-37"', id="four-months-2015-37"),
    pytest.param("date", '"0001-01-01"', id="year-1"),
    pytest.param("date", '"9999-12-31"', id="year-9999"),
    pytest.param("date", '"0001/9999"', id="all-of-time"),
    pytest.param("date", '"../9999"', id="open-start-9999"),
    pytest.param("date", '"0999"', id="year-999"),
    pytest.param("date", '"XXXX-12-25"', id="unknown-year"),
    pytest.param("date", '"1XXX"', id="millennium"),
    pytest.param("date", '"2015-24"', id="winter-crossing-the-year"),
    pytest.param("date", '"2015-05-09%"', id="approximate-and-uncertain"),
    pytest.param("importance", "1e300", id="importance-1e300"),
    pytest.param("importance", "0", id="importance-0"),
    pytest.param("summary", '"' + "long " * 20_000 + '"', id="summary-100kb"),
    pytest.param("note", '"\\0\\a\\b\\e\\x7f\\x85\\u2028\\u2029\\ufeff\\ufffe"', id="control-characters-escaped"),
]


@pytest.mark.parametrize(("field", "value"), EXTREME)
def test_valid_extreme_values_build_and_export(tmp_path: Path, field: str, value: str) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "wire.txt").write_bytes((ROOT / "sources" / "wire.txt").read_bytes())
    target = tmp_path / "events.yaml"
    target.write_text(event(**{field: value}), encoding="utf-8")
    assert CliRunner().invoke(cli, ["check", str(target)]).exit_code == 0
    for args in (["build", str(target), "-o", str(tmp_path / "out")], ["export", "markdown", str(target), "-q"],
                 ["export", "timelinejs", str(target), "-q"], ["export", "csv", str(target), "-q"]):
        result = CliRunner().invoke(cli, args, prog_name="timeline")
        assert result.exit_code == 0, (args[:2], repr(result.exception), result.output[-500:])
    assert (tmp_path / "out" / "timeline.html").stat().st_size > 10_000


@pytest.mark.parametrize(("content", "line", "words"), [c[1:] for c in REFUSED if c[0] in (
    "python-object-apply", "local-tag", "key-is-list", "deep-flow-100k", "multi-document", "null-byte", "id-is-number", "title-true")]
    + [(edited("title: Hostile input", 'title: "\\ud800"'), 2, "lone surrogate")], ids=lambda v: str(v)[-30:] if isinstance(v, str) else None)
def test_pure_python_parser_gives_the_same_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, line: int | str | None, words: str) -> None:
    """Without libyaml (PyYAML built without it) the loader falls back to PyYAML's own parser."""
    import yaml

    import timeline.store.reading

    monkeypatch.setattr(timeline.store.reading, "PARSER", yaml.SafeLoader)
    target, messages = refused(tmp_path, content)
    line = expected_line(content, line)
    assert any(words in m for m in messages), messages
    assert any(m.startswith(f"{target}:{line}: ") for m in messages if words in m), messages
    store, _ = load_store(ROOT / "events.yaml")
    assert store.events[0].id == "amnesty"
