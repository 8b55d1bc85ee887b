"""Input documents for extraction: reading .txt/.md/.html/.jsonl, splitting multi-article files, reference dates.

`read_documents(paths)` streams one `Document` per article. Offsets are always indexes into `Document.text`:

- .txt files: `text` is the file as read (UTF-8, Python text mode), exactly what citation offsets index.
- .md/.markdown: the same; YAML front matter (title, date/published, url, publisher) is read and the
  article's segment starts after it, so its dates are not tagged.
- .html/.htm: `text` is the raw file with every piece of markup (tags, comments, script, style, the
  whole <head>) replaced by spaces of equal length (a block tag's first character becomes a newline)
  and each character entity replaced by its character padded with spaces. Positions therefore index
  the raw file unchanged; the words between the tags are the raw file's own characters. `raw` keeps
  the file as read, and `Document.quote(start, end)` gives its characters (a date spanning an inline
  tag, "12 <b>January</b> 2010", is found in `text` and quoted from `raw`).
- .jsonl: one article per line, {"id", "published", "text"} plus optional title, url, publisher; read
  line by line, so memory stays flat for any corpus size.

A file holding several articles one after another (a blog archive page) is split into one Document
per article (`<stem>-1`, `<stem>-2`, ...), each with its own [start, end) segment of the whole file:
text files by headline and date-line patterns (see split_articles), HTML pages by <article> elements.

Reference date (`published`, an EDTF date) per document, first that applies: the `published`
argument; the JSONL field or HTML/front-matter metadata; a date line in the article (a dateline or
byline at its top, or a date line at its end) -- basis "stated"; else inferred from the latest
explicit date the text mentions (see timeline.extract.dating.infer_reference) -- basis "inferred",
with `published_note` saying what it rests on. Articles read from files are read in groups (at most
GROUP_DOCS / GROUP_CHARS) so an undated one can be dated by a dated one telling the same news
(timeline.extract.dating.corroborate); JSONL corpora stream one article at a time.

Bad input (binary, not UTF-8, empty, a JSONL line that is not a JSON object or lacks `text`, an
invalid `published`) adds a timeline.errors.Problem to `problems` naming the file (and line) and the
rest is read; nothing is raised for one bad file.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal

from timeline.dates import EdtfError, parse
from timeline.errors import Problem
from timeline.ids import unique

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
BINARY_SNIFF = 8192


@dataclass
class Document:
    """One article to extract from. Offsets everywhere are indexes into `text`.

    For a file, `text` is the whole file as read (UTF-8, Python text mode) and [start, end) is the
    article's segment (the whole file unless the file holds several articles). For a JSONL article,
    `text` is its `text` field and the segment is the whole of it.
    """

    id: str
    path: str
    text: str
    start: int = 0
    end: int | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # EDTF
    published_basis: Literal["stated", "inferred"] | None = None
    published_note: str | None = None
    line: int | None = None  # line of a JSONL corpus the article was read from
    raw: str | None = None  # the file as read when `text` is derived from it (HTML: markup blanked); same length

    def quote(self, start: int, end: int) -> str:
        """The characters [start, end) of the file as read (what a citation at that offset must quote)."""
        return (self.raw if self.raw is not None else self.text)[start:end]

    @property
    def stop(self) -> int:
        """End of the segment."""
        return len(self.text) if self.end is None else self.end

    @property
    def body(self) -> str:
        """The article's own text (its segment)."""
        return self.text[self.start : self.stop]


def read_documents(
    paths: Iterable[str | Path],
    published: str | None = None,
    problems: list[Problem] | None = None,
    infer: bool = True,
) -> Iterator[Document]:
    """Every article in PATHs (files, directories read recursively in sorted order, .jsonl corpora).

    `published` (EDTF) overrides every reference date. With infer=False, documents without a stated
    date keep published=None (timeline.extract.dating.ensure_reference fills it later, e.g. in a
    worker process). Problems are appended to `problems`; the rest is still read.
    """
    sink: list[Problem] = [] if problems is None else problems
    seen: set[str] = set()
    group: list[Document] = []  # articles read from files, dated together (see _dated_group)
    for path in paths:
        for doc in _read_path(Path(path), sink):
            ident, doc.id = doc.id, unique(doc.id, seen)
            seen.add(doc.id)
            if doc.id != ident:
                sink.append(Problem(f"id {ident!r} is used twice; this one is called {doc.id!r}", doc.path, doc.line, warning=True))
            if published is not None:
                doc.published, doc.published_basis, doc.published_note = published, "stated", "given with --published"
            if published is not None or doc.line is not None:  # given dates, or a JSONL corpus: streamed
                yield from _dated_group(group, infer)
                yield from _dated_group([doc], infer)
                continue
            group.append(doc)
            if len(group) >= GROUP_DOCS or sum(len(d.body) for d in group) >= GROUP_CHARS:
                yield from _dated_group(group, infer)
    yield from _dated_group(group, infer)


GROUP_DOCS = 1000  # articles read from files are dated together in groups of at most this many ...
GROUP_CHARS = 20_000_000  # ... or this many characters, so memory stays bounded


def _dated_group(group: list[Document], infer: bool) -> Iterator[Document]:
    """Yield and empty `group`: undated articles are first dated by dated ones that tell the same news
    (timeline.extract.dating.corroborate), then, with infer, by their own text (ensure_reference)."""
    if not group:
        return
    from timeline.extract.dating import corroborate, ensure_reference

    if len(group) > 1 and any(d.published is None for d in group):
        corroborate(group)
    for doc in group:
        if infer:
            ensure_reference(doc)
        yield doc
    group.clear()


def _read_path(path: Path, problems: list[Problem]) -> Iterator[Document]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if _wanted(p, path)):
            ident = child.relative_to(path).with_suffix("").as_posix()
            yield from _read_one(child, ident, problems)
    elif path.is_file():
        yield from _read_one(path, path.stem, problems)
    elif path.exists():
        problems.append(Problem("not a regular file (a device, pipe or socket); pass a text file or folder; skipped", str(path)))
    else:
        problems.append(Problem("no such file or directory; skipped", str(path)))


def _wanted(path: Path, root: Path) -> bool:
    """A readable file inside a directory argument: known suffix, not hidden, not under a hidden folder."""
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.suffix.lower() in TEXT_SUFFIXES and path.is_file()


def _read_one(path: Path, ident: str, problems: list[Problem]) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, problems)
        return
    text = _read_text(path, problems)
    if text is None:
        return
    if suffix in (".html", ".htm"):
        yield from _html_documents(path, ident, text)
    elif suffix in (".md", ".markdown"):
        yield from _markdown_documents(path, ident, text, problems)
    else:
        yield from split_articles(Document(ident, str(path), text))


# ---------------------------------------------------------------- reading files safely


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    """The file as citation offsets count it, or None (with a Problem) when it is not usable text."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(BINARY_SNIFF)
        if b"\0" in head:
            problems.append(Problem("binary file (contains NUL bytes), not text; skipped", str(path)))
            return None
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError as exc:
        problems.append(Problem(_encoding_message(path, exc), str(path)))
        return None
    except OSError as exc:
        problems.append(Problem(f"cannot read: {exc.strerror or exc}; skipped", str(path)))
        return None
    if not text.strip():
        problems.append(Problem("empty file; skipped", str(path)))
        return None
    return text


def _encoding_message(path: Path, exc: UnicodeDecodeError) -> str:
    byte = exc.object[exc.start : exc.start + 1].hex() if isinstance(exc.object, bytes) else "?"
    return (
        f"not UTF-8 (byte 0x{byte} at byte offset {exc.start}); skipped, because citation offsets must index "
        f"the file as UTF-8. Convert it first, e.g. iconv -f cp1252 -t utf-8 '{path.name}' > converted{path.suffix}"
    )


# ---------------------------------------------------------------- JSONL corpora


def read_jsonl(path: Path, problems: list[Problem]) -> Iterator[Document]:
    """One Document per line of a JSONL corpus, streamed; bad lines become Problems with file:line."""
    try:
        handle = open(path, "rb")
    except OSError as exc:
        problems.append(Problem(f"cannot read: {exc.strerror or exc}; skipped", str(path)))
        return
    with handle:
        for lineno, raw in enumerate(handle, 1):
            if raw.strip():
                doc = _jsonl_document(path, lineno, raw, problems)
                if doc is not None:
                    yield doc


def _jsonl_document(path: Path, lineno: int, raw: bytes, problems: list[Problem]) -> Document | None:
    where = (str(path), lineno)
    try:
        record: Any = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(f"not UTF-8 (byte offset {exc.start} in the line); article skipped", *where))
        return None
    except json.JSONDecodeError as exc:
        problems.append(Problem(f"not valid JSON ({exc.msg} at column {exc.colno}); article skipped", *where))
        return None
    if not isinstance(record, dict):
        problems.append(Problem("not a JSON object {\"id\", \"published\", \"text\"}; article skipped", *where))
        return None
    text = record.get("text")
    if isinstance(text, str) and not text.strip():
        problems.append(Problem("article's \"text\" is empty; nothing to read, skipped", *where, warning=True))
        return None
    if not isinstance(text, str):
        what = "has no \"text\"" if text is None else "has a \"text\" that is not a string"
        problems.append(Problem(f"article {what}; skipped", *where))
        return None
    if _SURROGATE.search(text):
        problems.append(Problem("article's \"text\" holds lone UTF-16 surrogates (\\ud800-\\udfff); each was read as "
                                "U+FFFD so offsets still count the same characters", *where, warning=True))
        text = _SURROGATE.sub("\ufffd", text)
    ident = str(record.get("id") or f"{path.stem}-{lineno}")
    title, url, publisher = _metadata(record)
    doc = Document(ident, str(path), text, title=title, url=url, publisher=publisher, line=lineno)
    doc.published = _valid_published(record.get("published"), where, problems)
    doc.published_basis = "stated" if doc.published else None
    doc.published_note = "the corpus's \"published\" field" if doc.published else None
    return doc


_SURROGATE = re.compile("[\ud800-\udfff]")


def _metadata(record: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(title, url, publisher) of a JSONL record, as text."""
    title, url, publisher = (str(record[k]) if record.get(k) is not None else None for k in ("title", "url", "publisher"))
    return title, url, publisher


def _valid_published(value: Any, where: tuple[str, int | None], problems: list[Problem]) -> str | None:
    """An EDTF date from metadata (ISO timestamps are cut to the day); invalid values become Problems."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    m = re.match(r"^(\d{4}-\d\d-\d\d)[T ]\d\d:\d\d", text)
    if m:
        text = m.group(1)
    if _plain_iso(text):
        return text
    try:
        parse(text)
    except EdtfError as exc:
        problems.append(Problem(f"invalid \"published\": {exc}; ignored, the reference date is looked for in the text", *where))
        return None
    return text


def _plain_iso(text: str) -> bool:
    """A quick check for YYYY, YYYY-MM, YYYY-MM-DD (the common case; full EDTF parsing is slow)."""
    m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$", text)
    if not m:
        return False
    try:
        date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return False
    return int(m[1]) > 0


# ---------------------------------------------------------------- HTML

_MARKUP_OPEN = re.compile(r"<(?:!--|!\[CDATA\[|[!?/]?[a-zA-Z])")
_TAG_BODY = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_RAW_TEXT = re.compile(r"<(script|style|head|noscript|template|svg)\b", re.I)
_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|article|section|header|footer|blockquote|title|hr|pre|figure|figcaption|main|aside|nav)\b", re.I)
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")


def html_text(raw: str) -> str:
    """The raw HTML with markup blanked to spaces of equal length, so offsets index the raw file."""
    pieces, pos = [], 0
    for start, end in _markup_spans(raw):
        pieces += [raw[pos:start], _blank_markup(raw[start:end])]
        pos = end
    pieces.append(raw[pos:])
    return _ENTITY.sub(_pad_entity, "".join(pieces))


def _markup_spans(raw: str) -> Iterator[tuple[int, int]]:
    """[start, end) of each comment, tag, CDATA section and script/style/... element, in one linear pass:
    an unclosed construct runs to the end of the file (as a browser reads it) and ends the scan."""
    lower, size, pos = raw.lower(), len(raw), 0
    while m := _MARKUP_OPEN.search(raw, pos):
        start, opener = m.start(), m.group()
        if opener in ("<!--", "<![CDATA["):
            close = raw.find("-->" if opener == "<!--" else "]]>", m.end())
            end = size if close < 0 else close + 3
        else:
            end = _tag_end(raw, m.end())
            if end < 0:
                return  # no '>' anywhere after: the rest is text
            element = _RAW_TEXT.match(raw, start)
            if element and not opener.startswith("</"):
                close = lower.find(f"</{element.group(1).lower()}", end)
                gt = raw.find(">", close) if close >= 0 else -1
                end = size if gt < 0 else gt + 1
        yield start, end
        if end >= size:
            return
        pos = end


def _tag_end(raw: str, pos: int) -> int:
    """Index just past the '>' closing the tag whose body starts at pos (quoted values may hold '>'), or -1."""
    body = _TAG_BODY.match(raw, pos)
    if body:
        return body.end()
    gt = raw.find(">", pos)
    return gt + 1 if gt >= 0 else -1


def _blank_markup(markup: str) -> str:
    blank = re.sub(r"[^\n]", " ", markup)
    return "\n" + blank[1:] if _BLOCK.match(markup) and not blank.startswith("\n") else blank


def _pad_entity(m: re.Match[str]) -> str:
    char = html.unescape(m.group())
    if len(char) != 1 or char == m.group():
        return m.group()
    char = " " if char in "\xa0\u2009\u202f" else char
    return char + " " * (len(m.group()) - 1)


def _meta(raw: str, *names: str) -> str | None:
    for name in names:
        for pattern in (
            rf"<meta\b[^>]*(?:property|name|itemprop)\s*=\s*[\"']{re.escape(name)}[\"'][^>]*content\s*=\s*[\"']([^\"']*)",
            rf"<meta\b[^>]*content\s*=\s*[\"']([^\"']*)[\"'][^>]*(?:property|name|itemprop)\s*=\s*[\"']{re.escape(name)}[\"']",
        ):
            m = re.search(pattern, raw, re.I)
            if m and m.group(1).strip():
                return html.unescape(m.group(1).strip())
    return None


def _html_documents(path: Path, ident: str, raw: str) -> Iterator[Document]:
    title = _meta(raw, "og:title", "twitter:title")
    if title is None:
        m = re.search(r"<title[^>]*>(.*?)</title", raw, re.S | re.I)
        title = " ".join(html.unescape(m.group(1)).split()) if m else None
    doc = Document(ident, str(path), html_text(raw), title=title or None, url=_meta(raw, "og:url"),
                   publisher=_meta(raw, "og:site_name"), raw=raw)
    when = _meta(raw, "article:published_time", "datePublished", "pubdate", "date", "dc.date", "DC.date.issued")
    if when is None:
        m = re.search(r"<time\b[^>]*datetime\s*=\s*[\"']([^\"']+)", raw, re.I)
        when = m.group(1) if m else None
    articles = [m.start() for m in re.finditer(r"<article\b", raw, re.I)]
    if len(articles) >= 2:
        yield from _html_articles(doc, raw, articles)
        return
    doc.published = _valid_published(when, (str(path), None), []) if when else None
    if doc.published:
        doc.published_basis, doc.published_note = "stated", "the page's metadata"
    yield _with_stated(doc, doc.title)


def _html_articles(doc: Document, raw: str, starts: list[int]) -> Iterator[Document]:
    """One Document per <article> element of a page (the page's header joins the first); each takes its
    date from a <time datetime> inside it, else from its date lines, and its title from its first heading."""
    edges = [0] + starts[1:] + [len(raw)]
    for n, (a, b) in enumerate(zip(edges, edges[1:]), 1):
        part = replace(doc, id=f"{doc.id}-{n}", start=a, end=b, title=None, published=None)
        own = raw[starts[n - 1] : b]
        heading = re.search(r"<h[1-3][^>]*>(.*?)</h[1-3]", own, re.S | re.I)
        title = " ".join(html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).split()) if heading else None
        when = re.search(r"<time\b[^>]*datetime\s*=\s*[\"']([^\"']+)", own, re.I)
        part.published = _valid_published(when.group(1), (doc.path, None), []) if when else None
        if part.published:
            part.published_basis, part.published_note = "stated", "the article's <time datetime>"
        yield _with_stated(part, title or None)


# ---------------------------------------------------------------- Markdown

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _markdown_documents(path: Path, ident: str, text: str, problems: list[Problem]) -> Iterator[Document]:
    doc = Document(ident, str(path), text)
    m = _FRONT.match(text)
    if m:
        doc.start = m.end()
        meta = _front_matter(m.group(1), path, problems)
        doc.title, doc.url, doc.publisher = (_str(meta.get(k)) for k in ("title", "url", "publisher"))
        when = meta.get("published", meta.get("date"))
        doc.published = _valid_published(when, (str(path), 2), problems) if when is not None else None
        if doc.published:
            doc.published_basis, doc.published_note = "stated", "the front matter"
    if doc.title is None:
        heading = re.search(r"^#\s+(.+)$", text[doc.start :], re.M)
        doc.title = heading.group(1).strip() if heading else None
    yield from split_articles(doc)


def _front_matter(block: str, path: Path, problems: list[Problem]) -> dict[str, Any]:
    import yaml

    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        problems.append(Problem(f"front matter is not valid YAML ({exc.__class__.__name__}); ignored", str(path), 2, warning=True))
        return {}
    return meta if isinstance(meta, dict) else {}


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


# ---------------------------------------------------------------- date lines (stated reference dates)

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_PREFIX = r"(?:(?:Published|Posted|Updated|Last updated|First published|Date|Dated)(?:\s+on)?\s*:?\s*)?(?:By\s+[^,|\n]{2,60}[,|]\s*)?"
_TIME = r"(?:\s*(?:,|at|[-–—|•/])?\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?"
DATE_LINE = re.compile(
    rf"^\s*{_PREFIX}{_WEEKDAY}(?:"
    rf"{_MON}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON.replace('mon', 'mon2')}\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?"
    rf"){_TIME}\s*$",
    re.I,
)


def date_line_value(line: str) -> str | None:
    """The EDTF day of a line that is only a date (with optional weekday, time, 'Published:', byline)."""
    m = DATE_LINE.match(line)
    if not m or len(line) > 100:
        return None
    if m["y3"]:
        year, month, day = int(m["y3"]), int(m["m3"]), int(m["d3"])
    else:
        name = (m["mon"] or m["mon2"]).lower().rstrip(".")
        month = next(i for full, i in _MONTHS.items() if full.startswith(name[:3]))
        year, day = int(m["y1"] or m["y2"]), int(m["d1"] or m["d2"])
    value = f"{year:04d}-{month:02d}-{day:02d}"
    return value if _plain_iso(value) else None


def _lines(text: str, start: int, stop: int) -> list[tuple[int, str]]:
    """(offset, line) for every non-blank line of text[start:stop]."""
    out, pos = [], start
    for line in text[start:stop].split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'-]+(?:[ -][A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+){0,2}\s*(?:\([A-Za-z .]+\)\s*)?[,—–-]+\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} [A-Z][a-z]{2,8}\.? (?:19|20)\d\d)\b"
)


def dateline_value(line: str) -> str | None:
    """The EDTF day of a news dateline opening a paragraph: 'LONDON, Feb. 27, 2019 (Reuters) - ...'."""
    m = _DATELINE.match(line)
    return date_line_value(m["date"]) if m else None


def stated_date(doc: Document, head: int = 6, tail: int = 4) -> tuple[str, str] | None:
    """(EDTF, note) from a date line near the top (dateline, byline) or at the end of the article."""
    lines = _lines(doc.text, doc.start, doc.stop)
    for offset, line in lines[:head]:
        value = date_line_value(line)
        if value:
            return value, f"date line {line.strip()!r} near the top (offset {offset})"
        value = dateline_value(line)
        if value:
            return value, f"dateline {line.strip()[:60]!r} (offset {offset})"
    for offset, line in reversed(lines[-tail:]):
        value = date_line_value(line)
        if value:
            return value, f"date line {line.strip()!r} at the end (offset {offset})"
    return None


# ---------------------------------------------------------------- splitting multi-article files

_QUOTED = r"[“\"][^“”\"\n]{8,200}[”\"]"
HEADLINE = re.compile(rf"^(?:{_QUOTED}|[A-Z][A-Za-z.]{{1,24}}:\s*(?:{_QUOTED}|[^.!?\n]{{8,150}}))\s*$")
LABEL = re.compile(r"^[A-Z][^.!?:;,\n]{1,38}$")
MIN_ARTICLE = 300


def split_articles(doc: Document) -> list[Document]:
    """The document, or one Document per article when its segment holds several one after another.

    Strong boundaries: a headline line ('“Quoted title”' or 'Publisher: Title') that follows two
    blank lines, a date line, or opens the file; a block after two blank lines that is a title line
    followed by a date line (with perhaps a byline between). When there are at least two, weak boundaries are
    added too: a short label line ('Iran News') followed by two blank lines, then a paragraph.
    Pieces tile the segment; one shorter than MIN_ARTICLE characters (a page header such as 'Tag
    Archives: ISIS') joins the next.
    """
    cuts = _boundaries(doc.text, doc.start, doc.stop)
    if len(cuts) < 2:
        return [_with_stated(doc, _segment_title(doc))]
    pieces = _merge_small(doc.start, cuts, doc.stop)
    if len(pieces) < 2:
        return [_with_stated(doc, _segment_title(doc))]
    out = []
    for n, (a, b, head) in enumerate(pieces, 1):
        part = replace(doc, id=f"{doc.id}-{n}", start=a, end=b, title=None)
        heading = replace(part, start=head)
        title = _first_line_title(heading) or _segment_title(heading)
        publisher, title = _publisher_and_title(title)
        part.publisher = part.publisher or publisher
        out.append(_with_stated(part, title))
    return out


def _boundaries(text: str, start: int, stop: int) -> list[int]:
    lines = _lines(text, start, stop)
    gaps = [text[lines[i - 1][0] + len(lines[i - 1][1]) : offset].count("\n") if i else 99 for i, (offset, _) in enumerate(lines)]
    dated = [date_line_value(line) is not None for _, line in lines]
    strong, weak = [], []
    for i, (offset, line) in enumerate(lines):
        after_date = i > 0 and dated[i - 1]
        if HEADLINE.match(line.strip()) and (gaps[i] >= 3 or after_date or i <= 2):
            strong.append(offset)
        elif (gaps[i] >= 3 or i <= 2) and _dated_heading_block(lines, gaps, dated, i):
            strong.append(offset)
        elif i and gaps[i] >= 3 and LABEL.match(lines[i - 1][1].strip()) and len(line) >= 200:
            weak.append(offset)
    return sorted(set(strong + weak)) if len(strong) >= 2 else strong


def _dated_heading_block(lines: list[tuple[int, str]], gaps: list[int], dated: list[bool], i: int) -> bool:
    """A short title line followed, in the same block, within two lines, by a date line ('Title / By X / March 3, 2019')."""
    if gaps[i] == 1 or dated[i] or len(lines[i][1]) > 150 or lines[i][1].rstrip().endswith("."):
        return False
    return any(dated[j] for j in range(i + 1, min(i + 3, len(lines))) if all(gaps[k] == 1 for k in range(i + 1, j + 1)))


def _merge_small(start: int, cuts: list[int], stop: int) -> list[tuple[int, int, int]]:
    """(start, end, heading) pieces tiling [start, stop); a piece shorter than MIN_ARTICLE joins the next
    (the last joins the previous). `heading` is where the piece's own boundary line is."""
    edges = [start] + [c for c in cuts if start < c < stop] + [stop]
    pieces: list[tuple[int, int, int]] = []
    pending: int | None = None
    for a, b in zip(edges, edges[1:]):
        first = pending if pending is not None else a
        if b - first < MIN_ARTICLE and b != stop:
            pending = first
            continue
        pending = None
        pieces.append((first, b, a))
    if len(pieces) > 1 and pieces[-1][1] - pieces[-1][0] < MIN_ARTICLE:
        last = pieces.pop()
        pieces[-1] = (pieces[-1][0], last[1], pieces[-1][2])
    return pieces


def _publisher_and_title(heading: str | None) -> tuple[str | None, str | None]:
    """'ODR: “Meet Tajikistan’s embattled Islamists”' -> ('ODR', 'Meet Tajikistan’s embattled Islamists')."""
    if not heading:
        return None, heading
    m = re.match(r"^(?:(?P<pub>[A-Z][A-Za-z.]{1,24}):\s*)?[“\"](?P<title>[^“”\"]+)[”\"]$", heading.strip())
    if m:
        return m["pub"], m["title"]
    m = re.match(r"^(?P<pub>[A-Z][A-Za-z.]{1,24}):\s*(?P<title>[^“”\"]+)$", heading.strip())
    return (m["pub"], m["title"]) if m else (None, heading)


def _first_line_title(doc: Document) -> str | None:
    """An article's first line when it reads as a heading (short, no final period, not a date line)."""
    first = _lines(doc.text, doc.start, doc.stop)[:1]
    line = first[0][1].strip() if first else ""
    if not line or len(line) > 150 or line.endswith((".", ",", ";")) or date_line_value(line) or len(line.split()) > 25:
        return None
    return line


def _segment_title(doc: Document) -> str | None:
    if doc.title:
        return doc.title
    for _, line in _lines(doc.text, doc.start, doc.stop)[:8]:
        words = line.split()
        if HEADLINE.match(line.strip()) or (3 <= len(words) <= 30 and _title_case(words) and not line.strip().startswith(("©", "By "))):
            return line.strip()
    return None


def _title_case(words: list[str]) -> bool:
    small = {"a", "an", "and", "the", "of", "in", "on", "to", "for", "at", "by", "or", "with", "from", "is"}
    big = [w for w in words if w.lower() not in small]
    return bool(big) and sum(w[:1].isupper() or w[:1] in "“\"'" for w in big) >= 0.8 * len(big) and not words[-1].endswith(".")


def _with_stated(doc: Document, title: str | None) -> Document:
    doc.title = " ".join(title.split()) if title else None
    if doc.published is None:
        found = stated_date(doc)
        if found:
            doc.published, doc.published_basis, doc.published_note = found[0], "stated", found[1]
    return doc
