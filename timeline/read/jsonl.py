"""JSONL corpora: one article per line, {"id", "published", "text"} plus optional title, url, publisher.

Read line by line, so memory stays flat for any corpus size; a bad line is a Problem with file:line.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.errors import Problem
from timeline.read.document import Document, not_own_characters
from timeline.read.metadata_date import valid_published
from timeline.read.safe import read_lines

_SURROGATE = re.compile("[\ud800-\udfff]")


def read_jsonl(path: Path, ident: str, problems: list[Problem]) -> Iterator[Document]:
    """One Document per line of a JSONL corpus, streamed; bad lines become Problems with file:line."""
    for lineno, raw in read_lines(path, problems):
        if raw.strip():
            doc = _jsonl_document(path, lineno, raw, problems)
            if doc is not None:
                yield doc


def _jsonl_document(path: Path, lineno: int, raw: bytes, problems: list[Problem]) -> Document | None:
    where = (str(path), lineno)
    record = _record(raw, lineno, where, problems)
    if record is None:
        return None
    text = _text(record, where, problems)
    if text is None:
        return None
    ident = str(record.get("id") or f"{path.stem}-{lineno}")
    title, url, publisher = _metadata(record)
    doc = Document(ident, str(path), text, title=title, url=url, publisher=publisher, line=lineno,
                   uncitable=not_own_characters(str(path)))
    published = valid_published(record.get("published"), where, problems)
    if published:
        doc.state(published, "the corpus's \"published\" field")
    return doc


def _record(raw: bytes, lineno: int, where: tuple[str, int], problems: list[Problem]) -> dict[str, Any] | None:
    """The line's JSON object, or None with a Problem."""
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
    return record


def _text(record: dict[str, Any], where: tuple[str, int], problems: list[Problem]) -> str | None:
    """The article's text, or None with a Problem; lone surrogates become U+FFFD (same length)."""
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
    return text


def _metadata(record: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(title, url, publisher) of a JSONL record, as text."""
    title, url, publisher = (str(record[k]) if record.get(k) is not None else None for k in ("title", "url", "publisher"))
    return title, url, publisher
