"""Reading sources (timeline.read): offsets index the file as read, one reader per format, archives split into
articles; `read` runs the reading stage and the reference-date stage after it, as the commands do."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.errors import Problem
from timeline.extract.dating import document_dates
from timeline.extract.pipeline import map_documents
from timeline.extract.published import read_dated
from timeline.read import Document, read_documents
from timeline.read.html_text import html_text

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "sources"
ARCHIVE = SOURCES / "isis-tag-archive.txt"


def read(paths: list[Path], **kwargs: object) -> tuple[list[Document], list[Problem]]:
    problems: list[Problem] = []
    docs = list(read_dated(paths, problems=problems, **kwargs))  # type: ignore[arg-type]
    return docs, problems


# ------------------------------------------------------------------ plain files


def test_txt_text_is_the_file_as_read_and_the_whole_file_is_the_segment(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes("Caf\u00e9 opened.\r\nIt closed in 2014.\n".encode())
    [doc] = read([path])[0]
    assert doc.text == open(path, encoding="utf-8").read()
    assert (doc.id, doc.start, doc.stop) == ("note", 0, len(doc.text))


def test_directories_are_read_recursively_in_sorted_order_with_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/z.txt", "a.txt", "b/a.md", "skip.png", ".git/note.txt", ".hidden.txt"):
        (tmp_path / name).write_text("In 2014 it rained.\n", encoding="utf-8")
    docs, problems = read([tmp_path])
    assert [d.id for d in docs] == ["a", "b/a", "b/z"]
    assert problems == []


def test_missing_path_is_a_problem_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("In 2014 it rained.\n", encoding="utf-8")
    docs, problems = read([tmp_path / "nope.txt", good])
    assert [d.id for d in docs] == ["good"]
    assert "nope.txt" in str(problems[0]) and "no such file" in str(problems[0])


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("caf\u00e9 opened on 9 May 2015".encode("latin-1"), "not UTF-8 (byte 0xe9"),
        (b"", "empty file"),
        (b"  \n\n  ", "empty file"),
    ],
)
def test_unusable_file_is_skipped_with_a_message_naming_it(tmp_path: Path, content: bytes, expected: str) -> None:
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_bytes(content)
    good.write_text("In 2014 it rained.\n", encoding="utf-8")
    docs, problems = read([bad, good])
    assert [d.id for d in docs] == ["good"]
    assert len(problems) == 1 and problems[0].file == str(bad) and expected in problems[0].message


def test_bad_jsonl_lines_are_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        {"id": "a", "published": "2015-06-05", "text": "On 9 May 2015 it rained."},
        "not json",
        {"id": "c", "published": "2015"},
        ["a", "list"],
        {"id": "e", "text": ""},
        {"id": "f", "published": "soonish", "text": "In 2014 it rained."},
    ]
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    docs, problems = read([path])
    assert [d.id for d in docs] == ["a", "f"]
    assert [(p.file, p.line, p.warning) for p in problems] == [(str(path), n, n == 5) for n in (2, 3, 4, 5, 6)]
    assert "not valid JSON" in problems[0].message and 'no "text"' in problems[1].message
    assert "soonish" in problems[4].message
    assert docs[1].published_basis == "inferred" and docs[1].line == 6


def test_jsonl_with_a_byte_order_mark_and_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    line = json.dumps({"id": "a", "published": "2015", "text": "In 2014."})
    path.write_bytes(("\ufeff" + line + "\n" + line + "\n").encode())
    docs, problems = read([path])
    assert [d.id for d in docs] == ["a", "a-2"]
    assert [(p.line, p.warning) for p in problems] == [(2, True)] and "'a' is used twice" in problems[0].message


def test_jsonl_fields_and_offsets_index_the_article_text(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    record = {"id": "x/1", "published": "2010-01-13T08:00:00Z", "text": "Haiti: on 12 January 2010 a quake.", "title": "T", "url": "u"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [doc] = read([path])[0]
    assert (doc.id, doc.published, doc.published_basis, doc.title, doc.url) == ("x/1", "2010-01-13", "stated", "T", "u")
    assert doc.text == record["text"]
    for timex in document_dates(doc):
        assert doc.text[timex.start : timex.end] == timex.text


# ------------------------------------------------------------------ HTML and Markdown

PAGE = """<!DOCTYPE html>
<html><head><title>Old title</title>
<meta property="og:title" content="Quake hits Haiti &amp; more">
<meta property="article:published_time" content="2010-01-13T08:00:00Z">
<style>p { color: red } /* 1999 */</style></head>
<body><!-- 1998 comment --><script>var x = "2001";</script>
<h1>Quake</h1><p>The earthquake struck on 12 January 2010, at 16:53&nbsp;local time. In 2009 nothing.</p>
</body></html>
"""


def test_html_markup_is_blanked_to_spaces_so_offsets_index_the_raw_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read([path])[0]
    raw = open(path, encoding="utf-8").read()
    assert len(doc.text) == len(raw)
    assert "1999" not in doc.text and "1998" not in doc.text and "2001" not in doc.text and "<" not in doc.text
    assert (doc.title, doc.published, doc.published_basis) == ("Quake hits Haiti & more", "2010-01-13", "stated")
    assert "Old title" not in doc.text
    found = document_dates(doc)
    assert found and all(raw[t.start : t.end] == t.text == doc.text[t.start : t.end] for t in found)


def test_html_text_keeps_length_and_pads_entities() -> None:
    raw = "<p>A&amp;B&nbsp;2015</p>"
    text = html_text(raw)
    assert len(text) == len(raw) and text.strip() == "A&    B      2015"


def test_html_time_element_gives_the_published_date(tmp_path: Path) -> None:
    path = tmp_path / "t.htm"
    path.write_text('<html><body><time datetime="2019-02-27T10:39:00+00:00">Feb 27</time><p>In 2018.</p></body></html>', encoding="utf-8")
    [doc] = read([path])[0]
    assert doc.published == "2019-02-27"


def test_html_page_with_article_elements_gives_one_document_each(tmp_path: Path) -> None:
    body = "<p>" + "The council met and talked about the budget. " * 8 + "</p>"
    raw = ("<html><head><meta property='article:published_time' content='2020-01-01'></head><body><h1>Blog</h1>"
           f"<article><h2>Budget <i>approved</i></h2><time datetime='2019-03-03'>3 March</time>{body}</article>"
           f"<article><h2>Bridge</h2><p>April 5, 2019</p>{body}</article>"
           f"<article><h2>Quiet</h2>{body}<h3>“Quoted heading”</h3>{body}</article></body></html>")
    path = tmp_path / "blog.html"
    path.write_text(raw, encoding="utf-8")
    docs, _ = read([path])
    assert [(d.id, d.title, d.published, d.published_basis) for d in docs] == [
        ("blog-1", "Budget approved", "2019-03-03", "stated"), ("blog-2", "Bridge", "2019-04-05", "stated"),
        ("blog-3", "Quiet", None, "inferred")]
    assert docs[0].start == 0 and docs[-1].stop == len(raw) and raw[docs[1].start :].startswith("<article>")


def test_html_page_with_quoted_subheadings_is_not_split(tmp_path: Path) -> None:
    body = "<p>" + "The council met and talked about the budget. " * 8 + "</p>"
    path = tmp_path / "one.html"
    path.write_text(f"<html><body><h2>“First”</h2>{body}<h2>Update: second</h2>{body}<h2>“Third”</h2>{body}</body></html>", encoding="utf-8")
    assert len(read([path])[0]) == 1


def test_markdown_front_matter_is_metadata_and_outside_the_segment(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: A post\ndate: 2019-03-01\nurl: https://example.org/p\n---\n# Heading\n\nIn 2018 it began.\n", encoding="utf-8")
    [doc] = read([path])[0]
    assert (doc.title, doc.published, doc.url, doc.published_basis) == ("A post", "2019-03-01", "https://example.org/p", "stated")
    assert doc.text[doc.start :].startswith("# Heading")


# ------------------------------------------------------------------ multi-article files

ARCHIVE_ARTICLES = [
    ("“Iran warns Central Asia may be Daesh’s next target”", None),
    ("When security forces revealed the suspect", None),
    ("ODR: “Meet Tajikistan’s embattled Islamists”", "2017-09-28"),
    ("Moderndiplomacy: “A reverse side of struggle against ISIS in Central Asia”", None),
    ("RFERL: Tajikistan’s Deadly Export", "2017-03-12"),
    ("AlJazeera: “Tajikistan: The success story that failed”", "2016-12-10"),
]


def test_archive_page_splits_into_its_six_articles_with_their_own_dates() -> None:
    docs, problems = read([ARCHIVE])
    assert problems == []
    assert [d.id for d in docs] == [f"isis-tag-archive-{n}" for n in range(1, 7)]
    text = open(ARCHIVE, encoding="utf-8").read()
    for doc, (opening, stated) in zip(docs, ARCHIVE_ARTICLES):
        assert doc.text == text
        assert opening in " ".join(doc.body[:200].split())
        assert doc.published_basis == ("stated" if stated else "inferred")
        if stated:
            assert doc.published == stated
    # the same segments as tests/gold/tajikistan-dates.yaml
    assert [(d.start, d.stop) for d in docs] == [(0, 1652), (1652, 9715), (9715, 33574), (33574, 47664), (47664, 53694), (53694, 61051)]
    assert docs[0].title == "Iran warns Central Asia may be Daesh’s next target"
    assert (docs[2].publisher, docs[2].title) == ("ODR", "Meet Tajikistan’s embattled Islamists")
    assert (docs[4].publisher, docs[4].title) == ("RFERL", "Tajikistan’s Deadly Export")
    assert docs[-1].body.rstrip().endswith("10 Dec 2016")


def test_archive_with_titles_bylines_and_date_lines_splits_into_articles(tmp_path: Path) -> None:
    body = "The council met and decided many things about the budget of the town. " * 6
    articles = [("Budget approved", "By Ann Lee", "March 3, 2019"), ("Bridge reopens", "By Bo Chan", "April 5, 2019"),
                ("Mayor resigns", "", "May 7, 2019")]
    text = "My blog\n\n" + "\n\n\n".join("\n".join(x for x in head if x) + f"\n\n{body}\n\n{body}" for head in articles) + "\n"
    path = tmp_path / "archive.txt"
    path.write_text(text, encoding="utf-8")
    docs, _ = read([path])
    assert [(d.title, d.published, d.published_basis) for d in docs] == [
        ("Budget approved", "2019-03-03", "stated"), ("Bridge reopens", "2019-04-05", "stated"), ("Mayor resigns", "2019-05-07", "stated")]


@pytest.mark.parametrize("name", sorted(p.name for p in SOURCES.glob("*.txt") if p.name != ARCHIVE.name))
def test_single_articles_are_not_split(name: str) -> None:
    docs, _ = read([SOURCES / name])
    assert len(docs) == 1 and docs[0].start == 0 and docs[0].end is None


def test_vice_article_states_its_date_in_its_byline() -> None:
    [doc] = read([SOURCES / "vice-amnesty-for-repentance.txt"])[0]
    assert (doc.published, doc.published_basis) == ("2015-06-05", "stated")


def test_dates_stay_inside_each_segment_and_offsets_index_the_file() -> None:
    text = open(ARCHIVE, encoding="utf-8").read()
    for doc, timexes in map_documents(document_dates, [ARCHIVE]):
        for t in timexes:
            assert doc.start <= t.start < t.end <= doc.stop and text[t.start : t.end] == t.text


def test_jsonl_is_streamed_line_by_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "published": "2015", "text": "In 2014."}) + "\n" + "broken\n", encoding="utf-8")
    problems: list[Problem] = []
    docs = read_documents([corpus], problems=problems)
    assert next(docs).id == "a" and problems == []  # the second line is not read yet
    assert list(docs) == [] and problems[0].line == 2


# ------------------------------------------------------------------ formats


def test_each_format_has_one_reader_in_the_table() -> None:
    from timeline.read import READERS

    assert set(READERS) == {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}


@pytest.mark.parametrize("name", ["notes.csv", "README", "page.pdf"])
def test_a_named_file_of_an_unknown_format_is_a_usage_error(tmp_path: Path, name: str) -> None:
    import subprocess
    import sys

    from timeline.read import UnknownFormatError

    path = tmp_path / name
    path.write_text("In 2014 it rained.\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError):
        read([path])
    for command in ("dates", "extract"):
        result = subprocess.run([sys.executable, "-m", "timeline", command, str(path)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 2 and str(path) in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert result.stdout == ""


def test_unknown_formats_inside_a_folder_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("In 2014 it rained.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("In 2014 it rained.\n", encoding="utf-8")
    docs, problems = read([tmp_path])
    assert [d.id for d in docs] == ["a"] and problems == []


def test_a_corpus_line_over_the_size_limit_is_skipped_with_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.read import safe

    monkeypatch.setattr(safe, "MAX_SOURCE_BYTES", 200)
    corpus = tmp_path / "c.jsonl"
    lines = [{"id": "a", "text": "In 2014."}, {"id": "b", "text": "x" * 500}, {"id": "c", "text": "In 2015."}]
    corpus.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    docs, problems = read([corpus])
    assert [d.id for d in docs] == ["a", "c"]
    assert [(p.file, p.line, p.warning) for p in problems] == [(str(corpus), 2, False)] and "larger than" in problems[0].message


def test_a_file_over_the_size_limit_is_skipped_by_every_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.read import safe
    from timeline.read.safe import read_source_file

    monkeypatch.setattr(safe, "MAX_SOURCE_BYTES", 200)
    big = tmp_path / "big.txt"
    big.write_text("In 2014 it rained. " * 20, encoding="utf-8")
    docs, problems = read([big])
    assert docs == [] and "larger than" in problems[0].message
    with pytest.raises(OSError):
        read_source_file(big)


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_plain_text_and_markdown_are_citable_html_and_jsonl_are_not(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("In 2014 it rained.\n", encoding="utf-8")
    (tmp_path / "p.html").write_text("<p>In 2014 it rained.</p>\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j", "text": "In 2014 it rained."}) + "\n", encoding="utf-8")
    docs = {d.path: d for d in read([tmp_path])[0]}
    assert docs[str(tmp_path / name)].citable and docs[str(tmp_path / name)].uncitable is None
    for other in ("p.html", "c.jsonl"):
        why = docs[str(tmp_path / other)].uncitable
        assert why and why.startswith(str(tmp_path / other)) and "cannot be cited by offset" in why


@pytest.mark.parametrize(("written", "value"), [("June 2015", "2015-06"), ("June 5, 2015", "2015-06-05"),
                                                ("5. Juni 2015", "2015-06-05"), ("2015-06-05T10:00:00Z", "2015-06-05")])
def test_metadata_dates_as_people_write_them_keep_their_precision(tmp_path, written, value):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "published": written, "text": "Officials said yesterday it rained."}) + "\n",
                    encoding="utf-8")
    docs, problems = read([path])
    assert problems == [] and docs[0].published == value
