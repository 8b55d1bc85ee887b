"""`timeline review`: list, accept, reject, merge and split candidates from the command line."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.check import check_store
from timeline.cli import COMMANDS, cli
from timeline.schema import Citation, Event
from timeline import curate

from test_curate import FakeExtraction, ban_source, cite, extraction, same


@pytest.fixture(autouse=True)
def review_command(monkeypatch):
    """Until the lead registers it in COMMANDS."""
    monkeypatch.setitem(COMMANDS, "review", "timeline.cli.review:review")


@pytest.fixture
def store(copy_root) -> Path:
    """The curate fixture after one merge: candidates amnesty-2015 (2 citations) and 2015-09-court-ban."""
    root = copy_root("curate-basic")
    curate.merge_extraction(root / "events.yaml", extraction(root), same=same)
    return root / "events.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def changed_lines(before: str, after: str) -> list[str]:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), n=0)
    return [line.rstrip("\n") for line in lines if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_list_shows_candidates_with_numbered_quotes(store):
    code, out = run("review", "list", str(store))
    assert code == 0
    assert "2 candidate(s), 1 reviewed" in out
    assert "amnesty-2015  May 2015  [security]" in out
    assert "  2. ban@249: \u201cOfficials recalled the amnesty of May 2015 for fighters who came home.\u201d" in out
    assert "peace-accord" not in out
    assert "peace-accord" in run("review", "list", str(store), "--all")[1]


def test_accept_changes_only_status_title_and_lane(store):
    before = store.read_text(encoding="utf-8")
    code, out = run("review", "accept", "amnesty-2015", "--title", "Amnesty: come home", "--lane", "politics", "-s", str(store))
    assert code == 0, out
    assert changed_lines(before, store.read_text(encoding="utf-8")) == [
        "-    title: Amnesty offered to returning fighters   # editor's title",
        "-    lane: security",
        "+    title: 'Amnesty: come home'   # editor's title",
        "+    lane: politics",
        "+    status: reviewed",
    ]
    assert check_store(store)[0].event("amnesty-2015").status == "reviewed"


def test_reject_removes_the_event_and_remembers_it(store):
    before = store.read_text(encoding="utf-8")
    code, out = run("review", "reject", "2015-09-court-ban", "--reason", "off topic", "-s", str(store))
    assert code == 0, out
    after = store.read_text(encoding="utf-8")
    removed = [line for line in changed_lines(before, after) if line.startswith("-")]
    event = before[before.index("  - id: 2015-09-court-ban"):before.index("rejected:")]
    allowed = {"-" + line for line in event.splitlines()} | {"-rejected: []"}
    assert removed[0] == "-  - id: 2015-09-court-ban" and set(removed) <= allowed  # nothing else removed
    stored = check_store(store)[0]
    assert stored.event("2015-09-court-ban") is None
    assert stored.rejected[0].reason == "off topic" and stored.rejected[0].key.startswith("2015-09 ")
    report = curate.merge_extraction(store, extraction(store.parent), same=same)
    assert report.rejected and store.read_text(encoding="utf-8") == after


def test_merge_moves_citations_without_duplicates(store):
    root = store.parent
    curate.merge_extraction(store, FakeExtraction([ban_source(root)], [Event(
        id="amnesty-again", date="2016", title="Amnesty again",
        citations=[cite(root, "ban", "sources/ban.txt", "Officials recalled the amnesty"),  # same passage as amnesty-2015's
                   cite(root, "accord", "sources/accord.txt", "ending five years of civil war")])]), same=same)
    code, out = run("review", "merge", "amnesty-2015", "amnesty-again", "-s", str(store))
    assert code == 0, out
    stored = check_store(store)[0]
    assert stored.event("amnesty-again") is None
    quotes = [c.quote for c in stored.event("amnesty-2015").citations]
    assert quotes[-1] == "ending five years of civil war" and len(quotes) == 3


def test_split_moves_citations_into_a_new_event(store):
    code, out = run("review", "split", "amnesty-2015", "-c", "2", "--id", "amnesty-recalled", "--title", "Amnesty recalled",
                    "--date", "2015", "-s", str(store))
    assert code == 0, out
    stored = check_store(store)[0]
    ids = [e.id for e in stored.events]
    assert ids[ids.index("amnesty-2015") + 1] == "amnesty-recalled"
    new = stored.event("amnesty-recalled")
    assert (new.date, new.title, new.status, len(new.citations)) == ("2015", "Amnesty recalled", "candidate", 1)
    assert len(stored.event("amnesty-2015").citations) == 1


@pytest.mark.parametrize("args, message", [
    (["accept", "nope"], "no event with id 'nope'"),
    (["accept", "amnesty-2015", "--lane", "sports"], "unknown lane 'sports'; use one of: politics, security"),
    (["split", "amnesty-2015", "-c", "1", "-c", "2"], "leave at least one citation"),
    (["split", "amnesty-2015", "-c", "7"], "has citations 1..2"),
    (["merge", "amnesty-2015", "amnesty-2015"], "give two different events"),
])
def test_mistakes_are_one_line_and_exit_1(store, args, message):
    before = store.read_bytes()
    code, out = run("review", *args, "-s", str(store))
    assert code == 1
    assert message in out and "Traceback" not in out
    assert store.read_bytes() == before


def test_missing_store_is_a_clear_error(tmp_path):
    code, out = run("review", "list", str(tmp_path / "nope.yaml"))
    assert code == 1 and "file not found" in out


def test_refresh_moves_offsets_and_updates_the_hash(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    source = root / "sources" / "accord.txt"
    source.write_text("UPDATED. " + source.read_text(encoding="utf-8"), encoding="utf-8")
    before = store.read_text(encoding="utf-8")
    code, out = run("review", "refresh", "-s", str(store))
    assert code == 0, out
    assert "2 citation offsets updated, 1 source hashes updated" in out
    assert [line for line in changed_lines(before, store.read_text(encoding="utf-8")) if line.startswith("+")] == [
        "+  sha256: ca1716b58d7103faf4d8b33e3f9598ad9d857f319b179b65b6be16dcf9ff6c5c",
        "+        offset: 102",
        "+      - {source: accord, quote: 'In May 2015 the Interior Ministry announced an amnesty', offset: 226}",
    ]
    check_store(store)


def test_refresh_leaves_a_lost_quote_to_the_editor(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    source = root / "sources" / "accord.txt"
    source.write_text("UPDATED. " + source.read_text(encoding="utf-8").replace("announced an amnesty", "announced a pardon"), encoding="utf-8")
    code, out = run("review", "refresh", "-s", str(store))
    assert code == 1
    line = next(n for n, text in enumerate(store.read_text(encoding="utf-8").splitlines(), 1) if "quote: 'In May 2015" in text)
    assert f"{store}:{line}: event 'amnesty-2015': quote 'In May 2015 the Interior Ministry announced an amnesty' is no longer in the source" in out
    text = store.read_text(encoding="utf-8")
    assert "sha256: da7764" in text and "offset: 102" in text  # the found quote moved; the hash stays stale
    assert run("check", str(store))[0] == 1


def test_list_never_prints_terminal_control_characters(copy_root):
    root = copy_root("curate-basic")
    store = root / "events.yaml"
    text = store.read_text(encoding="utf-8").replace("title: Amnesty offered to returning fighters", 'title: "Amnesty\\e[2J \\u202eevil\\a"')
    store.write_text(text, encoding="utf-8")
    code, out = run("review", "list", str(store))
    assert code == 0, out
    assert "Amnesty\\x1b[2J \\u202eevil\\x07" in out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
