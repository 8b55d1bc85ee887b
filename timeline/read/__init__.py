"""Reading source texts: one reader per format, chosen by a table, each returning the same Document type.

`read_documents(paths)` streams one `Document` per article. Offsets are always indexes into `Document.text`:

- .txt files: `text` is the file as read (UTF-8, Python text mode), exactly what citation offsets index.
- .md/.markdown (frontmatter.py): the same; YAML front matter is metadata and outside the segment.
- .html/.htm (html_meta.py, html_text.py): `text` is the raw file with its markup blanked to spaces of
  equal length; `raw` keeps the file as read, and `Document.quote(start, end)` gives its characters.
- .jsonl (jsonl.py): one article per line, streamed, so memory stays flat for any corpus size.

A file holding several articles one after another is split into one Document per article (split.py).
Every file is read through safe.py (a regular file, one size limit, UTF-8). Reference dates stated in the
metadata are read here; date lines, --published, corroboration and inference are a later stage
(timeline.extract.published). Bad input adds a timeline.errors.Problem to `problems` naming the file
(and line) and the rest is read; a file of a format no reader knows raises UnknownFormatError.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from timeline.errors import Problem
from timeline.ids import unique
from timeline.read.document import Document
from timeline.read.frontmatter import read_markdown
from timeline.read.html_meta import read_html
from timeline.read.jsonl import read_jsonl
from timeline.read.safe import read_text
from timeline.read.split import split_articles

__all__ = ["Document", "READERS", "UnknownFormatError", "read_documents", "reader_for", "unknown_formats"]

Reader = Callable[[Path, str, list[Problem]], Iterator[Document]]


def read_plain(path: Path, ident: str, problems: list[Problem]) -> Iterator[Document]:
    """A plain text file: its articles (see split_articles)."""
    text = read_text(path, problems)
    if text is not None:
        yield from split_articles(Document(ident, str(path), text))


# The readers, by file extension (lower case).
READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}


class UnknownFormatError(ValueError):
    """A file was named whose extension no reader knows (a usage error: the command cannot read it)."""


def reader_for(path: Path) -> Reader:
    """The reader of a file's format; UnknownFormatError when there is none."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnknownFormatError(_unknown(path))
    return reader


def unknown_formats(paths: Iterable[str | Path]) -> list[str]:
    """A message for each named file (not folder) whose format no reader knows."""
    return [_unknown(path) for path in map(Path, paths) if path.is_file() and path.suffix.lower() not in READERS]


def _unknown(path: Path) -> str:
    return f"{path}: unknown format {path.suffix or '(no extension)'!r}; known: {', '.join(sorted(READERS))}"


def read_documents(paths: Iterable[str | Path], problems: list[Problem] | None = None, unique_ids: bool = True) -> Iterator[Document]:
    """Every article in PATHs (files, directories read recursively in sorted order, .jsonl corpora), with
    unique ids (unless `unique_ids` is False: a shard of a larger run, whose ids are made unique over
    the run). Problems are appended to `problems`; the rest is still read."""
    sink: list[Problem] = [] if problems is None else problems
    seen: set[str] = set()
    for path in paths:
        for doc in _read_path(Path(path), sink):
            if not unique_ids:
                yield doc
                continue
            ident, doc.id = doc.id, unique(doc.id, seen)
            seen.add(doc.id)
            if doc.id != ident:
                sink.append(Problem(f"id {ident!r} is used twice; this one is called {doc.id!r}", doc.path, doc.line, warning=True))
            yield doc


def _read_path(path: Path, problems: list[Problem]) -> Iterator[Document]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if _wanted(p, path)):
            yield from READERS[child.suffix.lower()](child, child.relative_to(path).with_suffix("").as_posix(), problems)
    elif path.is_file():
        yield from reader_for(path)(path, path.stem, problems)
    elif path.exists():
        problems.append(Problem("not a regular file (a device, pipe or socket); pass a text file or folder; skipped", str(path)))
    else:
        problems.append(Problem("no such file or directory; skipped", str(path)))


def _wanted(path: Path, root: Path) -> bool:
    """A readable file inside a directory argument: known suffix, not hidden, not under a hidden folder."""
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.suffix.lower() in READERS and path.is_file()
