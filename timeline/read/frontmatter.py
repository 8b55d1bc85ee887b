"""Markdown files (.md, .markdown): YAML front matter (title, date/published, url, publisher) is metadata,
and the article's segment starts after it, so its dates are not tagged."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.errors import Problem
from timeline.read.document import Document
from timeline.read.metadata_date import valid_published
from timeline.read.safe import read_text
from timeline.read.split import split_articles

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^#\s+(.+)$", re.M)


def read_markdown(path: Path, ident: str, problems: list[Problem]) -> Iterator[Document]:
    """The file's articles (see split_articles), with the front matter's metadata."""
    text = read_text(path, problems)
    if text is None:
        return
    doc = Document(ident, str(path), text)
    m = _FRONT.match(text)
    if m:
        doc.start = m.end()
        _apply(doc, front_matter(m.group(1), path, problems), problems)
    if doc.title is None:
        heading = _HEADING.search(text, doc.start)
        doc.title = heading.group(1).strip() if heading else None
    yield from split_articles(doc)


def _apply(doc: Document, meta: dict[str, Any], problems: list[Problem]) -> None:
    doc.title, doc.url, doc.publisher = (_str(meta.get(k)) for k in ("title", "url", "publisher"))
    when = meta.get("published", meta.get("date"))
    published = valid_published(when, (doc.path, 2), problems) if when is not None else None
    if published:
        doc.state(published, "the front matter")


def front_matter(block: str, path: Path, problems: list[Problem]) -> dict[str, Any]:
    """The front matter as a mapping ({} with a warning when it is not valid YAML)."""
    import yaml

    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        problems.append(Problem(f"front matter is not valid YAML ({exc.__class__.__name__}); ignored", str(path), 2, warning=True))
        return {}
    return meta if isinstance(meta, dict) else {}


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
