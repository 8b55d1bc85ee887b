"""Hostile and broken source files through `timeline dates` and `timeline extract`: each bad input is
named on stderr (with its line for JSONL), the rest is still processed, the exit code is 1, and there
is never a traceback; HTML scripts, styles and markup never reach dates or quotes; a 10 MB line and a
200 MB corpus are read in bounded memory.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli

ROOT = Path(__file__).parent / "roots" / "hostile-sources"
GOOD_DATES = {"2015-06-05", "2015-05-09"}  # good.txt's dateline and its event
HIDDEN = ["SCRIPTDATE", "STYLEDATE", "JSONLD", "WRITTEN", "COMMENTDATE", "SVGDATE", "ATTRDATE", "ALTDATE", "UPPERDATE",
          "1999", "2001", "2002", "2003", "2005", "2008", "2009", "2010", "2011", "2012", "__pwned", "alert", "<", ">"]

# (file name, content, words the message about it must contain, line named in the message or None)
BAD_FILES: list[tuple[str, bytes, str, int | None]] = [
    ("nul-bytes.txt", b"On May 9, 2015\x00\x01\x02\xff binary", "binary file", None),
    ("png-named.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file", None),
    ("utf16.txt", "On May 9, 2015 it began.".encode("utf-16"), "binary file", None),
    ("high-bytes.md", bytes(range(128, 256)) * 8, "not UTF-8", None),
    ("latin1.txt", "Le café a ouvert le 3 mars 2014.".encode("latin-1"), "not UTF-8 (byte 0xe9", None),
    ("cp1252.txt", "He said “hello” on 3 March 2014 – twice.".encode("cp1252"), "not UTF-8 (byte 0x93", None),
    ("cp1252-late.md", b"x" * 20000 + "“late”".encode("cp1252"), "not UTF-8 (byte 0x93 at byte offset 20000", None),
    ("truncated-utf8.txt", "On 9 May 2015 in Dushanbé".encode("utf-8")[:-1], "not UTF-8", None),
    ("empty.txt", b"", "empty file", None),
    ("blank.md", b"  \n\n\t \r\n", "empty file", None),
    ("empty.html", b"", "empty file", None),
    ("empty.jsonl", b"", "", None),
    ("corpus-not-json.jsonl", b"not json at all\n", "not valid JSON", 1),
    ("corpus-truncated.jsonl", b'{"id": "a", "text": "On May 9, 2015 it be', "not valid JSON", 1),
    ("corpus-no-text.jsonl", b'{"id": "a", "published": "2015"}\n', 'has no "text"', 1),
    ("corpus-text-number.jsonl", b'{"id": "a", "text": 2015}\n', '"text"', 1),
    ("corpus-text-list.jsonl", b'{"id": "a", "text": ["On May 9, 2015"]}\n', '"text"', 1),
    ("corpus-array.jsonl", b'["On May 9, 2015"]\n', "not a JSON object", 1),
    ("corpus-string.jsonl", b'"On May 9, 2015"\n', "not a JSON object", 1),
    ("corpus-null.jsonl", b"null\n", "not a JSON object", 1),
    ("corpus-latin1-line.jsonl", b'{"id": "ok", "text": "On 9 May 2015."}\n{"id": "b", "text": "caf\xe9"}\n', "not UTF-8", 2),
    ("corpus-bad-published.jsonl", b'{"id": "a", "published": "next week", "text": "On May 9, 2015 it began."}\n', 'invalid "published"', 1),
    ("corpus-published-object.jsonl", b'{"id": "a", "published": {"y": 2015}, "text": "On May 9, 2015."}\n', 'invalid "published"', 1),
    ("corpus-third-line.jsonl", b'{"id": "x1", "text": "On 1 May 2015."}\n\n{"id": "x2", "text": "On 2 May 2015."}\n{oops}\n', "not valid JSON", 4),
]


def corpus(tmp_path: Path, *bad: tuple[str, bytes, str, int | None]) -> Path:
    """A folder with good.txt and the given bad files."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "good.txt", folder / "good.txt")
    for name, content, _, _ in bad:
        (folder / name).write_bytes(content)
    return folder


def invoke(*args: str) -> object:
    result = CliRunner().invoke(cli, list(args), prog_name="timeline")
    assert isinstance(result.exception, (SystemExit, type(None))), f"{args[0]} raised {result.exception!r}"
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize(("name", "content", "words", "line"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
@pytest.mark.parametrize("command", ["dates", "extract"])
def test_bad_file_is_named_and_the_rest_processed(tmp_path: Path, command: str, name: str, content: bytes, words: str, line: int | None) -> None:
    folder = corpus(tmp_path, (name, content, words, line))
    result = invoke(command, str(folder), "--json")
    data = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert "good" in {s["id"] for s in data["sources"]}, "the good file was not processed"
    if command == "dates":
        assert GOOD_DATES <= {d["value"] for d in data["dates"] if d["source"] == "good"}
    else:
        assert any(c["source"] == "good" and "amnesty" in c["quote"] for e in data["events"] for c in e["citations"])
    stderr = result.stderr  # type: ignore[attr-defined]
    if name == "empty.jsonl":  # an empty corpus holds no articles; nothing is wrong
        assert result.exit_code == 0, stderr  # type: ignore[attr-defined]
        return
    assert result.exit_code == 1, stderr  # type: ignore[attr-defined]
    where = f"{folder / name}:{line}: " if line else f"{folder / name}: "
    mine = [m for m in stderr.splitlines() if m.startswith(where)]
    assert mine and words in mine[0], stderr
    assert re.search(r"\d+ problem\(s\); the rest was processed\.$", stderr.strip()), stderr


def test_every_bad_file_at_once_through_the_real_process(tmp_path: Path) -> None:
    folder = corpus(tmp_path, *BAD_FILES)
    for command in ("dates", "extract"):
        result = subprocess.run([sys.executable, "-m", "timeline", command, str(folder), "--json"], capture_output=True, text=True, timeout=300)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        named = {Path(m.split(":")[0]).name for m in result.stderr.splitlines() if m.startswith(str(folder))}
        assert named == {b[0] for b in BAD_FILES} - {"empty.jsonl"}, result.stderr
        assert "good" in {s["id"] for s in json.loads(result.stdout)["sources"]}


@pytest.mark.parametrize("path", ["does-not-exist.txt", "/dev/zero", "/dev/null"])
def test_paths_that_are_not_files(tmp_path: Path, path: str) -> None:
    folder = corpus(tmp_path)
    for command in ("dates", "extract"):
        result = subprocess.run([sys.executable, "-m", "timeline", command, str(folder), path, "--json"],
                                capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith(f"{path}: "), result.stderr


def test_fifo_and_symlink_loop_in_a_folder_do_not_hang(tmp_path: Path) -> None:
    import os

    folder = corpus(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    result = subprocess.run([sys.executable, "-m", "timeline", "dates", str(folder), "--json"], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr
    assert GOOD_DATES <= {d["value"] for d in json.loads(result.stdout)["dates"]}


def test_html_scripts_styles_and_markup_never_reach_dates_or_quotes() -> None:
    page = ROOT / "scripted.html"
    raw = page.read_text(encoding="utf-8")
    dates = json.loads(invoke("dates", str(page), "--json").stdout)["dates"]  # type: ignore[attr-defined]
    assert {d["value"] for d in dates} == {"1997-06-27", "1998-03"}, dates
    for d in dates:
        assert raw[d["offset"]:d["offset"] + len(d["text"])] == d["text"] or "<" in raw[d["offset"]:d["offset"] + 40]
    events = json.loads(invoke("extract", str(page), "--json").stdout)  # type: ignore[attr-defined]
    texts = [e["title"] for e in events["events"]] + [c["quote"] for e in events["events"] for c in e["citations"]]
    texts += [s.get("title") or "" for s in events["sources"]]
    assert texts and any("peace accord" in t for t in texts)
    for hidden in HIDDEN:
        assert not any(hidden in t for t in texts), (hidden, texts)


def test_html_with_only_a_script_is_empty_text(tmp_path: Path) -> None:
    page = tmp_path / "only-script.html"
    page.write_text("<html><script>var x = 'On 9 May 2015';</script></html>", encoding="utf-8")
    data = json.loads(invoke("dates", str(page), "--json").stdout)  # type: ignore[attr-defined]
    assert data["dates"] == []


def test_ten_megabyte_line(tmp_path: Path) -> None:
    filler = "Officials said the talks went on through the night and the ministers agreed to meet again. " * 110_000
    text = filler[:5_000_000] + " The accord was signed on June 27, 1997. " + filler[5_000_000:10_000_000] + "\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    assert len(text) > 10_000_000 and text.count("\n") == 1
    dates, rss = run_measured(["dates", str(tmp_path / "long.txt"), "--json", "-q"])
    values = [(d["offset"], d["value"]) for d in json.loads(dates)["dates"]]
    assert values == [(text.index("June 27, 1997"), "1997-06-27")]
    assert rss < 400, f"{rss:.0f} MB"
    out, rss = run_measured(["extract", str(tmp_path / "long.txt"), "--json", "-q"])
    quotes = [c for e in json.loads(out)["events"] for c in e["citations"]]
    assert quotes and all(text[c["offset"]:c["offset"] + len(c["quote"])] == c["quote"] for c in quotes)
    assert all(len(c["quote"]) <= 2000 for c in quotes)
    assert rss < 400, f"{rss:.0f} MB"


MEASURE = """
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    code = subprocess.run([sys.executable, "-m", "timeline", *sys.argv[2:]], stdout=out).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run_measured(args: list[str], timeout: float = 240) -> tuple[str, float]:
    """Run `timeline ARGS` in a fresh parent and return (stdout, max RSS in MB of the timeline process)."""
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".out", delete=False) as handle:
        out = Path(handle.name)
    try:
        result = subprocess.run([sys.executable, "-c", MEASURE, str(out), *args], capture_output=True, text=True, timeout=timeout)
        code, kb = result.stdout.split()
        assert code in ("0", "1") and "Traceback" not in result.stderr, result.stderr[-2000:]
        return out.read_text(encoding="utf-8"), int(kb) / 1024
    finally:
        out.unlink()


def big_corpus(path: Path, size: int) -> int:
    """A JSONL corpus of `size` bytes: ~1 KB of article text per line, padded with a 20 KB field the tool ignores."""
    pad = "<div class='ad'>" + "subscribe now " * 1400 + "</div>"
    count = written = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < size:
            text = (f"Officials in Dushanbe said on Tuesday that {count % 900 + 100} fighters had returned. "
                    f"The amnesty was offered in May 2015 and renewed on March {count % 28 + 1}, 2016. "
                    + "Talks went on through the night and the ministers agreed to meet again. " * 5)
            line = json.dumps({"id": f"a{count}", "published": "2016-06-01", "text": text, "html": pad}) + "\n"
            out.write(line)
            written += len(line)
            count += 1
    return count


@pytest.fixture(scope="module")
def corpus_200mb(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("big") / "corpus.jsonl"
    return path, big_corpus(path, 200_000_000)


def test_200mb_corpus_dates_in_bounded_memory(corpus_200mb: tuple[Path, int]) -> None:
    path, count = corpus_200mb
    assert path.stat().st_size >= 200_000_000
    out, rss = run_measured(["dates", str(path), "--json", "-q"])
    data = json.loads(out)
    assert len(data["sources"]) == count
    assert sum(1 for d in data["dates"] if d["value"] == "2015-05") == count
    assert rss < 400, f"max RSS {rss:.0f} MB for a 200 MB corpus"


def test_200mb_corpus_extract_in_bounded_memory(corpus_200mb: tuple[Path, int]) -> None:
    path, count = corpus_200mb
    out, rss = run_measured(["extract", str(path), "--json", "-q", "--top", "50"])
    data = json.loads(out)
    assert len(data["sources"]) == count and 0 < len(data["events"]) <= 50
    assert rss < 400, f"max RSS {rss:.0f} MB for a 200 MB corpus"


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


@pytest.mark.parametrize("command", ["dates", "extract"])
def test_listings_never_print_raw_control_characters(tmp_path: Path, command: str) -> None:
    corpus_file = tmp_path / "escapes.jsonl"
    record = {"id": "esc", "published": "2016-01-01", "title": "Title \x1b]0;owned\x07 here",
              "text": "The army \x1b]0;owned\x07 attacked the town on May 9, 2015, officials said.\x1b[2J"}
    corpus_file.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = invoke(command, str(corpus_file))
    assert result.exit_code == 0 and "2015" in result.stdout  # type: ignore[attr-defined]
    assert not CONTROL.search(result.stdout + result.stderr), repr(result.stdout)  # type: ignore[attr-defined]


def test_lone_surrogate_in_jsonl_text(tmp_path: Path) -> None:
    corpus_file = tmp_path / "surrogate.jsonl"
    corpus_file.write_text('{"id": "s", "published": "2015-06-05", "text": "\\ud800 Tajikistan offered an amnesty on May 9, 2015."}\n'
                           '{"id": "ok", "published": "2015-06-05", "text": "Tajikistan offered an amnesty on May 9, 2015."}\n', encoding="utf-8")
    for command in ("dates", "extract"):
        result = invoke(command, str(corpus_file), "--json")
        data = json.loads(result.stdout)  # type: ignore[attr-defined]
        assert result.exit_code in (0, 1)  # type: ignore[attr-defined]
        cited = {d["source"] for d in data["dates"]} if command == "dates" else {c["source"] for e in data["events"] for c in e["citations"]}
        assert cited == {"s", "ok"}, "both articles are read; the surrogate one with U+FFFD in its place"


REGISTERED = ["dev-zero", "fifo", "directory", "symlink-loop", "binary", "latin1", "empty", "truncated"]


@pytest.mark.parametrize("kind", REGISTERED)
def test_registered_source_that_is_not_good_text(tmp_path: Path, kind: str) -> None:
    """A store whose source file is unusable: check and build name the store line, exit 1, write nothing."""
    import os

    root = tmp_path / "store"
    shutil.copytree(Path(__file__).parent / "roots" / "hostile-yaml", root)
    target = root / "sources" / "wire.txt"
    store = root / "events.yaml"
    target.unlink()
    if kind == "dev-zero":
        store.write_text(store.read_text(encoding="utf-8").replace("file: sources/wire.txt", "file: /dev/zero"), encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "directory":
        target.mkdir()
    elif kind == "symlink-loop":
        target.symlink_to(target)
    elif kind == "binary":
        target.write_bytes(bytes(range(256)) * 4)
    elif kind == "latin1":
        target.write_bytes("Tajikistan offered an amnesty, café.\n".encode("latin-1"))
    elif kind == "empty":
        target.write_bytes(b"")
    else:
        target.write_text("Tajikistan offered", encoding="utf-8")
    line = store.read_text(encoding="utf-8").splitlines().index("    file: " + ("/dev/zero" if kind == "dev-zero" else "sources/wire.txt")) + 1
    outdir = root / "output"
    for args in (["check", str(store)], ["build", str(store), "-o", str(outdir)]):
        result = subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith(f"{store}:"), result.stderr
        assert f"{store}:{line}: " in result.stderr or kind in ("empty", "truncated"), result.stderr
    assert not outdir.exists()


UNCLOSED_MARKUP = {
    "unclosed-tags": "<a " * 20000,  # 60 KB
    "unclosed-scripts": "<script>x" * 20000,  # 180 KB
    "unclosed-comments": "<!--" * 20000,
}


@pytest.mark.parametrize("name", sorted(UNCLOSED_MARKUP))
def test_unclosed_markup_is_read_in_linear_time(tmp_path: Path, name: str) -> None:
    page = tmp_path / f"{name}.html"
    page.write_text("<p>The accord was signed on June 27, 1997.</p>" + UNCLOSED_MARKUP[name], encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "timeline", "dates", str(page), "--json", "-q"],
                                capture_output=True, text=True, timeout=6)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{name}: {page.stat().st_size // 1000} KB of HTML took over 6 s") from None
    assert "1997-06-27" in result.stdout


@pytest.mark.parametrize(
    ("raw", "visible"),
    [
        ('<p title="a > b">Signed on June 27, 1997.</p>', "Signed on June 27, 1997."),
        ("<p>Before</p><script>var s = '</p>June 1, 2015';</script><p>After</p>", "Before After"),
        ("<p>Kept</p><!-- May 9, 2015 -- still a comment --><p>too</p>", "Kept too"),
        ("<p>Kept</p><script>never closed May 9, 2015", "Kept"),
        ("<p>Kept</p><a href='x' never closed May 9, 2015", "Kept <a href= x never closed May 9, 2015"),
    ],
)
def test_html_text_blanks_markup_and_keeps_offsets(raw: str, visible: str) -> None:
    from timeline.read.html_text import html_text

    text = html_text(raw)
    assert len(text) == len(raw)
    assert " ".join(text.replace("'", " ").split()) == visible


@pytest.mark.parametrize("command", ["dates", "extract"])
def test_bad_files_with_worker_processes(tmp_path: Path, command: str) -> None:
    """--jobs 2 reports the same problems and prints the same output as one process."""
    folder = corpus(tmp_path, *BAD_FILES)
    shutil.copy(ROOT / "scripted.html", folder)
    runs = [subprocess.run([sys.executable, "-m", "timeline", command, str(folder), "--json", "--jobs", jobs],
                           capture_output=True, text=True, timeout=300) for jobs in ("1", "2")]
    assert [r.returncode for r in runs] == [1, 1] and all("Traceback" not in r.stderr for r in runs)
    assert runs[0].stdout == runs[1].stdout
    assert sorted(runs[0].stderr.splitlines()) == sorted(runs[1].stderr.splitlines())


LEAKS = {
    "absolute": "/etc/passwd",
    "climbing-out": "../../../../../../../../etc/passwd",
    "hidden-folder": ".ssh/id_ed25519",
    "hidden-file-in-sources": "sources/.env",
}


@pytest.mark.parametrize("file", list(LEAKS.values()), ids=list(LEAKS))
def test_sources_outside_the_project_are_refused(tmp_path: Path, file: str) -> None:
    """A shared events.yaml must not make `timeline build` publish excerpts of the user's own files."""
    root = tmp_path / "project" / "timeline"
    shutil.copytree(Path(__file__).parent / "roots" / "hostile-yaml", root)
    for secret in (root / ".ssh" / "id_ed25519", root / "sources" / ".env"):
        secret.parent.mkdir(exist_ok=True)
        secret.write_text("root:x:0:0:SECRET-KEY-MATERIAL\n", encoding="utf-8")
    store = root / "events.yaml"
    text = store.read_text(encoding="utf-8").replace("file: sources/wire.txt", f"file: {file}")
    text = text.replace('quote: "Tajikistan offered an amnesty"', 'quote: "root:x:0:0:"')
    store.write_text(re.sub(r'    sha256: "[0-9a-f]+"\n', "", text), encoding="utf-8")
    for args in (["check", str(store)], ["build", str(store), "-o", str(root / "out")]):
        result = subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"{store}:5: source 'wire': file" in result.stderr and ("outside the project" in result.stderr or "hidden" in result.stderr)
    assert not (root / "out").exists()


def _store_citing(root: Path, file: str) -> Path:
    """root's hostile-yaml store with source 'wire' registered as `file`, citing the secret's first words."""
    store = root / "events.yaml"
    text = store.read_text(encoding="utf-8").replace("file: sources/wire.txt", f"file: {file}")
    text = text.replace('quote: "Tajikistan offered an amnesty"', 'quote: "root:x:0:0:"')
    store.write_text(re.sub(r'    sha256: "[0-9a-f]+"\n', "", text), encoding="utf-8")
    return store


LINKS = {  # (link inside the project, what it points at, the path events.yaml registers)
    "linked-file": ("sources/article.txt", "home/.ssh/id_ed25519", "sources/article.txt"),
    "linked-folder": ("sources/archive", "home/.ssh", "sources/archive/id_ed25519"),
    "link-to-a-hidden-file-inside": ("sources/notes.txt", "project/timeline/.env", "sources/notes.txt"),
}


@pytest.mark.parametrize("link", list(LINKS.values()), ids=list(LINKS))
def test_sources_reaching_outside_through_a_symlink_are_refused(tmp_path: Path, link: tuple[str, str, str]) -> None:
    """A link inside the project (a git repository or a zip can carry one) is followed for the check: the
    resolved path must lie inside the project too. check and build refuse with file:line; nothing is written."""
    name, target, registered = link
    root = tmp_path / "project" / "timeline"
    shutil.copytree(Path(__file__).parent / "roots" / "hostile-yaml", root)
    for secret in (tmp_path / "home" / ".ssh" / "id_ed25519", root / ".env"):
        secret.parent.mkdir(parents=True, exist_ok=True)
        secret.write_text("root:x:0:0:SECRET-KEY-MATERIAL\n", encoding="utf-8")
    (root / name).symlink_to(tmp_path / target)
    store = _store_citing(root, registered)
    for args in (["check", str(store)], ["build", str(store), "-o", str(root / "out")]):
        result = subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"{store}:5: source 'wire': file" in result.stderr, result.stderr
        assert "SECRET" not in result.stdout + result.stderr
    assert not (root / "out").exists()


def test_a_symlink_to_a_file_inside_the_project_is_fine(tmp_path: Path) -> None:
    root = tmp_path / "project" / "timeline"
    shutil.copytree(Path(__file__).parent / "roots" / "hostile-yaml", root)
    (root / "sources" / "alias.txt").symlink_to(root / "sources" / "wire.txt")
    store = root / "events.yaml"
    store.write_text(store.read_text(encoding="utf-8").replace("file: sources/wire.txt", "file: sources/alias.txt"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "timeline", "check", str(store)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_sources_beside_the_store_folder_are_fine(tmp_path: Path) -> None:
    """project/timeline/events.yaml citing project/sources/wire.txt (what extract --into registers) is allowed."""
    project = tmp_path / "project"
    shutil.copytree(Path(__file__).parent / "roots" / "hostile-yaml", project / "timeline")
    shutil.move(str(project / "timeline" / "sources"), str(project / "sources"))
    store = project / "timeline" / "events.yaml"
    store.write_text(store.read_text(encoding="utf-8").replace("file: sources/wire.txt", "file: ../sources/wire.txt"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "timeline", "check", str(store)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_device_path_is_named_as_not_a_regular_file() -> None:
    result = subprocess.run([sys.executable, "-m", "timeline", "dates", "/dev/zero", "--json", "-q"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1 and "/dev/zero: not a regular file" in result.stderr and "Traceback" not in result.stderr
