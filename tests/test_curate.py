"""Merging extractions into a hand-edited store: only the intended additions, nothing else touched."""
from __future__ import annotations

import difflib
import multiprocessing
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from timeline import curate
from timeline.curate import merge as curate_merge
from timeline.check import check_store
from timeline.errors import StoreError
from timeline.schema import Citation, Event, Source
from timeline.yamledit import YamlEditor

BAN = "sources/ban.txt"


@dataclass
class FakeExtraction:
    """What timeline.extract.events.extract returns, built by hand so the test fixes every candidate."""

    documents: list[Source] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def same(a: Event, b: Event) -> bool:
    """A deterministic 'same happening' for these tests: same year and a shared key word."""
    words = ("amnesty", "accord", "court")
    return a.date[:4] == b.date[:4] and any(w in a.title.lower() and w in b.title.lower() for w in words)


def ban_source(root: Path) -> Source:
    from timeline.read.safe import read_source_file
    from timeline.sources import text_hash

    return Source(id="ban", file=BAN, title="Party banned", sha256=text_hash(read_source_file(root / BAN)))


def cite(root: Path, source: str, file: str, quote: str) -> Citation:
    text = (root / file).read_text(encoding="utf-8")
    return Citation(source=source, quote=quote, offset=text.index(quote))


def extraction(root: Path) -> FakeExtraction:
    """Three candidates: new evidence for the reviewed accord, a citation for the amnesty candidate, a new event."""
    return FakeExtraction(
        documents=[ban_source(root)],
        events=[
            Event(id="1997-accord", date="1997", title="Peace accord signed",
                  citations=[cite(root, "ban", BAN, "The peace accord was signed in 1997 in Moscow")]),
            Event(id="2015-05-amnesty", date="2015-05", title="Amnesty recalled",
                  citations=[cite(root, "ban", BAN, "Officials recalled the amnesty of May 2015 for fighters who came home.")]),
            Event(id="2015-09-court-ban", date="2015-09", title="Supreme Court bans the IRPT", importance=4,
                  citations=[cite(root, "ban", BAN, "In September 2015 the Supreme Court banned the Islamic Renaissance Party of Tajikistan")]),
        ],
    )


def diff(before: str, after: str) -> list[str]:
    """The changed lines, as +/- lines of a unified diff (headers and context left out)."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), n=0)
    return [line for line in lines if line[:1] in "+-" and not line.startswith(("+++", "---"))]


EXPECTED_ADDITIONS = """\
+- id: ban
+  file: sources/ban.txt
+  title: Party banned
+  sha256: {sha}
+      - {{source: ban, quote: Officials recalled the amnesty of May 2015 for fighters who came home., offset: 249}}
+
+  - id: 2015-09-court-ban
+    date: "2015-09"
+    title: Supreme Court bans the IRPT
+    importance: 4
+    status: candidate
+    citations:
+      - source: ban
+        quote: "In September 2015 the Supreme Court banned the Islamic Renaissance Party of Tajikistan"
+        offset: 14
"""


def test_merge_adds_only_the_intended_lines(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    before = store.read_text(encoding="utf-8")
    report = curate.merge_extraction(store, extraction(root), same=same)
    after = store.read_text(encoding="utf-8")
    changed = diff(before, after)
    sha = ban_source(root).sha256
    assert "".join(changed) == EXPECTED_ADDITIONS.format(sha=sha)  # no '-' line: nothing rewritten
    assert report.new_sources == ["ban"]
    assert report.new_events == [("2015-09-court-ban", "2015-09", "Supreme Court bans the IRPT")]
    assert report.new_citations == {"amnesty-2015": 1}
    assert report.evidence == {"peace-accord": 1}
    check_store(store)  # the result validates and every citation verifies


def test_reviewed_event_is_never_changed(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    before = store.read_text(encoding="utf-8")
    block = before[before.index("  - id: peace-accord"):before.index("  # --- 2015 ---")]
    report = curate.merge_extraction(store, extraction(root), same=same)
    assert block in store.read_text(encoding="utf-8")
    assert "peace-accord" not in report.new_citations
    assert any("new evidence for reviewed event peace-accord" in line for line in report.lines())


def test_second_merge_changes_nothing(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    curate.merge_extraction(store, extraction(root), same=same)
    once = store.read_bytes()
    report = curate.merge_extraction(store, extraction(root), same=same)
    assert store.read_bytes() == once
    assert not report.changed


def test_rejected_candidate_is_not_brought_back(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    curate.merge_extraction(store, extraction(root), same=same)
    curate.reject(store, "2015-09-court-ban", reason="not in this course")
    after_reject = store.read_text(encoding="utf-8")
    assert "2015-09-court-ban" not in after_reject.split("rejected:")[0]
    report = curate.merge_extraction(store, extraction(root), same=same)
    assert store.read_text(encoding="utf-8") == after_reject
    assert report.rejected == ["Supreme Court bans the IRPT"]


def test_rejection_survives_a_reworded_candidate(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    curate.merge_extraction(store, extraction(root), same=same)
    curate.reject(store, "2015-09-court-ban")
    reworded = extraction(root)
    reworded.events[2] = reworded.events[2].model_copy(update={"id": "other-id", "title": "IRPT banned"})
    report = curate.merge_extraction(store, reworded, same=same)
    assert report.rejected == ["IRPT banned"] and not report.new_events


def test_candidate_with_a_wrong_quote_is_left_out(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    bad = FakeExtraction([ban_source(root)], [Event(id="x", date="2015", title="Made up",
                                                    citations=[Citation(source="ban", quote="not in the text", offset=3)])])
    before = store.read_bytes()
    report = curate.merge_extraction(store, bad, same=same)
    assert store.read_bytes() == before
    assert "not found in source 'ban'" in report.dropped[0].message


def test_invalid_store_is_refused_untouched(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    store.write_text(store.read_text(encoding="utf-8") + "title: again\n", encoding="utf-8")
    before = store.read_bytes()
    with pytest.raises(StoreError, match="duplicate key 'title'"):
        curate.merge_extraction(store, extraction(root), same=same)
    assert store.read_bytes() == before


def test_an_edit_that_would_break_the_store_is_not_written(copy_root, monkeypatch):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    before = store.read_bytes()
    monkeypatch.setattr(YamlEditor, "result", lambda self: self.text.replace("id: amnesty-2015", "id: peace-accord"))
    with pytest.raises(StoreError, match="after the edit: duplicate event id 'peace-accord'"):
        curate.merge_extraction(store, extraction(root), same=same)
    assert store.read_bytes() == before


def _merge_in_process(store: str, events: list[Event], source: Source, barrier: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    curate.merge_extraction(store, FakeExtraction([source], events), same=lambda a, b: False)


def test_two_concurrent_merges_lose_nothing(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    # Distinct passages, so that no candidate is the same happening as another.
    text = (root / BAN).read_text(encoding="utf-8")
    words = sorted(w for w in set(text.split()) if text.count(w) == 1 and len(w) > 3)[:10]
    batches = [[Event(id=f"p{p}-e{i}", date="2015", title=f"Process {p} event {i}",
                      citations=[Citation(source="ban", quote=w, offset=text.index(w))])
                for i, w in enumerate(words[5 * (p - 1):5 * p])] for p in (1, 2)]
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_merge_in_process, args=(str(store), batch, ban_source(root), barrier)) for batch in batches]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    result, _texts, _warnings = check_store(store)
    ids = {e.id for e in result.events}
    assert {f"p{p}-e{i}" for p in (1, 2) for i in range(5)} <= ids
    assert [s.id for s in result.sources].count("ban") == 1


def test_extract_into_with_the_real_extractor(copy_root):
    """The real extractor on the fixture: the store still validates, and no existing line changes."""
    from timeline.extract.events import extract

    root = copy_root("curate-basic")
    store = root / "events.yaml"
    before = store.read_text(encoding="utf-8")
    report = curate.merge_extraction(store, extract([root / "sources"]))
    after = store.read_text(encoding="utf-8")
    assert report.changed
    assert not [line for line in diff(before, after) if line.startswith("-")]
    check_store(store)


def test_ruamel_round_trip_would_rewrite_untouched_lines(roots):
    """Why curate splices text instead of dumping with ruamel.yaml: a no-op ruamel round trip of the fixture
    already changes lines the editor wrote (comment spacing, mixed indentation, folded plain scalars)."""
    import io

    from ruamel.yaml import YAML

    text = (roots / "curate-basic" / "events.yaml").read_text(encoding="utf-8")
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(yaml.load(text), out)
    assert [line for line in diff(text, out.getvalue()) if line.startswith("-")]
    editor = YamlEditor(text)
    assert editor.result() == text


# ----- the text editor itself ------------------------------------------------------------------------


def edit(text: str, action) -> str:  # type: ignore[no-untyped-def]
    editor = YamlEditor(textwrap.dedent(text))
    action(editor)
    return editor.result()


def test_append_to_a_file_without_final_newline():
    out = edit("items:\n- a\n- b", lambda e: e.append(("items",), ["c"]))
    assert out == "items:\n- a\n- b\n- c\n"


def test_append_to_a_flow_list_and_an_empty_list():
    assert edit("tags: [a, b]  # why\n", lambda e: e.append(("tags",), ["c d"])) == "tags: [a, b, c d]  # why\n"
    assert edit("rejected: []\nx: 1\n", lambda e: e.append(("rejected",), [{"key": "k"}])) == "rejected:\n- key: k\nx: 1\n"


def test_append_after_a_literal_block_keeps_it_intact():
    text = "events:\n  - id: a\n    note: |\n      line one\n      line two\n\n# tail\n"
    out = edit(text, lambda e: e.append(("events",), [{"id": "b"}]))
    assert out == "events:\n  - id: a\n    note: |\n      line one\n      line two\n  - id: b\n\n# tail\n"


def test_set_keeps_quote_style_and_comment():
    out = edit("a: 'x'  # c\nb: \"y\"\n", lambda e: (e.set((), "a", "it's"), e.set((), "b", "z")))
    assert out == "a: 'it''s'  # c\nb: \"z\"\n"


def test_set_inserts_a_missing_key_before_another():
    out = edit("events:\n- id: a\n  citations: []\n", lambda e: e.set(("events", 0), "status", "reviewed", before=("citations",)))
    assert out == "events:\n- id: a\n  status: reviewed\n  citations: []\n"


def test_remove_the_only_item_leaves_an_empty_list():
    assert edit("events:\n  - id: a\n    x: 1\nrest: 2\n", lambda e: e.remove(("events",), [0])) == "events: []\nrest: 2\n"


def test_strings_that_look_like_other_types_are_quoted():
    out = edit("a: 1\n", lambda e: [e.set((), "a", v) for v in ["yes"]])
    assert out == "a: 'yes'\n"
    out = edit("a: 1\n", lambda e: e.set((), "a", "line\nbreak \u2028 sep"))
    assert out == 'a: "line\\nbreak \\L sep"\n'


def test_extract_into_the_shipped_store(tmp_path):
    """The real extractor over sources/ merged into a copy of the shipped events.yaml: additions only, still valid."""
    import shutil

    from timeline.extract.events import extract

    repo = Path(__file__).resolve().parents[1]
    if not (repo / "events.yaml").exists():
        pytest.skip("no events.yaml at the repository root")
    shutil.copy(repo / "events.yaml", tmp_path / "events.yaml")
    shutil.copytree(repo / "sources", tmp_path / "sources")
    store = tmp_path / "events.yaml"
    before = store.read_text(encoding="utf-8")
    reviewed = [e.id for e in check_store(store)[0].events if e.status == "reviewed"]
    report = curate.merge_extraction(store, extract([tmp_path / "sources"]))
    assert report.new_events
    assert not [line for line in diff(before, store.read_text(encoding="utf-8")) if line.startswith("-")]
    assert not set(report.new_citations) & set(reviewed)
    check_store(store)


def test_crlf_file_keeps_its_line_endings():
    text = "events:\r\n  - id: a  # c\r\n    title: x\r\nrejected: []\r\n"
    out = edit(text, lambda e: (e.append(("events",), [{"id": "b", "title": "y"}]), e.set(("events", 0), "title", "z")))
    assert out == "events:\r\n  - id: a  # c\r\n    title: z\r\n  - id: b\r\n    title: y\r\nrejected: []\r\n"


def test_extract_into_a_missing_store_creates_it(copy_root):
    from timeline.extract.events import extract

    root = copy_root("curate-basic")
    store = root / "new" / "events.yaml"
    store.parent.mkdir()
    report = curate.merge_extraction(store, extract([root / "sources"]))
    assert report.new_events and report.new_sources
    result, _texts, _warnings = check_store(store)
    assert result.sources[0].file.startswith("../sources/")


def test_extract_into_command(copy_root, monkeypatch):
    from click.testing import CliRunner

    from timeline.cli import cli

    root = copy_root("curate-basic")
    monkeypatch.chdir(root)
    before = (root / "events.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "sources", "--into", "events.yaml", "-q"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("events.yaml: ") and " new events, " in result.output
    assert not [line for line in diff(before, (root / "events.yaml").read_text(encoding="utf-8")) if line.startswith("-")]
    again = CliRunner().invoke(cli, ["extract", "sources", "--into", "events.yaml", "-q"])
    assert again.output.startswith("events.yaml: 0 new events, 0 new citations")
    (root / "bad.yaml").write_text("events: [\n", encoding="utf-8")
    bad = CliRunner().invoke(cli, ["extract", "sources", "--into", "bad.yaml"])
    assert bad.exit_code == 1 and "bad.yaml:" in bad.output and "YAML syntax error" in bad.output


# ----- timeline check notices what changed under the citations ----------------------------------------


def _check_output(store: Path) -> tuple[int, str]:
    from click.testing import CliRunner

    from timeline.cli import cli

    result = CliRunner().invoke(cli, ["check", str(store)])
    return result.exit_code, result.output


def _line_of(store: Path, needle: str) -> int:
    return next(n for n, line in enumerate(store.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_check_reports_a_changed_source_and_moved_quotes(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    source = root / "sources" / "accord.txt"
    source.write_text("UPDATED. " + source.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = _check_output(store)
    assert code == 1
    sha_line = _line_of(store, "sha256: da77")
    assert re.search(rf"^{re.escape(str(store))}:{sha_line}: source 'accord': .*sources/accord.txt.* changed since it was registered "
                     r"\(sha256 differs\)", out, re.MULTILINE), out
    quote_line = _line_of(store, 'quote: "signed a peace accord')
    assert f"{store}:{quote_line}: event 'peace-accord': quote is not at offset 93 in 'accord'; it is at offset 102: fix the offset" in out


def test_check_reports_a_quote_that_no_longer_matches(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    source = root / "sources" / "accord.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("announced an amnesty", "announced a pardon"), encoding="utf-8")
    code, out = _check_output(store)
    assert code == 1
    line = _line_of(store, "- {source: accord, quote: 'In May 2015")
    assert (f"{store}:{line}: event 'amnesty-2015': quote 'In May 2015 the Interior Ministry announced an amnesty' "
            "not found in source 'accord'; copy it exactly from the source text") in out
    assert "changed since it was registered" in out


def test_progress_wrapper_sees_every_candidate_and_bars_stay_off_a_pipe(copy_root, capsys):
    root = copy_root("curate-basic")
    seen: list[Event] = []

    def progress(items):  # type: ignore[no-untyped-def]
        for item in items:
            seen.append(item)
            yield item

    curate.merge_extraction(root / "events.yaml", extraction(root), same=same, progress=progress)
    assert len(seen) == 3
    bar = curate_merge._terminal_bar(10_000)
    assert bar is not None and list(bar(range(3))) == [0, 1, 2]
    assert "merging" not in capsys.readouterr().err  # stderr is not a terminal here: tqdm stays silent
    assert curate_merge._terminal_bar(3) is None


def test_any_text_written_by_the_editor_reads_back_the_same():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from timeline.yamledit.nodes import NodeLoader as _Loader

    import yaml

    text_values = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)

    @settings(max_examples=300, deadline=None)
    @given(value=text_values, style=st.sampled_from(["plain", "'x'", '"x"']), listed=st.lists(text_values, max_size=3))
    def check(value: str, style: str, listed: list[str]) -> None:
        source = f"a: {'x' if style == 'plain' else style}  # keep\nb: []\nc: 1\n"
        editor = YamlEditor(source)
        editor.set((), "a", value)
        editor.append(("b",), listed)
        out = editor.result()
        data = yaml.load(out, Loader=_Loader)
        assert data == {"a": value, "b": listed, "c": 1}
        assert out.endswith("\nc: 1\n") and "# keep" in out

    check()


def test_new_items_follow_the_files_spacing_and_quoting():
    text = 'events:\n  - id: a\n    date: "1972"\n    title: "A"\n\n  - id: b\n    date: "1980"\n    title: "B"\nrest: 1\n'
    out = edit(text, lambda e: e.append(("events",), [{"id": "c", "date": "1990", "title": "C", "tags": ["x"]}]))
    assert out == text.replace("rest: 1\n", '\n  - id: c\n    date: "1990"\n    title: "C"\n    tags: [x]\nrest: 1\n')


def test_a_new_top_level_key_is_spaced_like_the_others():
    text = "title: T\n\nevents:\n  - id: a\n\nlanes: []\n"
    out = edit(text, lambda e: e.append(("rejected",), [{"key": "k"}]))
    assert out == text + "\nrejected:\n  - key: k\n"
    assert edit("a: 1\nb: 2\n", lambda e: e.set((), "c", 3)) == "a: 1\nb: 2\nc: 3\n"


def test_a_byte_order_mark_survives_an_edit(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    store.write_bytes(b"\xef\xbb\xbf" + store.read_bytes())
    curate.accept(store, "amnesty-2015")
    data = store.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# yaml-language-server") and data.count(b"\xef\xbb\xbf") == 1
    assert check_store(store)[0].event("amnesty-2015").status == "reviewed"


def test_rejection_holds_at_another_precision_but_not_for_another_date(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    curate.merge_extraction(store, extraction(root), same=same)
    curate.reject(store, "2015-09-court-ban")
    candidate = extraction(root).events[2]
    coarser = candidate.model_copy(update={"id": "x", "date": "2015"})
    other_date = candidate.model_copy(update={"id": "y", "date": "2016"})
    report = curate.merge_extraction(store, FakeExtraction([ban_source(root)], [coarser, other_date]), same=lambda a, b: False)
    assert report.rejected == [candidate.title]
    assert [e[0] for e in report.new_events] == ["y"]
