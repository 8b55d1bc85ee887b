"""Dates of documents: each article's reference date, and every date expression in it (what `timeline dates` prints).

Library entry points (no printing, no exits):

- `document_dates(doc)`: the Timex list of one Document, resolved against its reference date.
- `find_dates(paths, published=None, jobs=1, problems=None)`: (Document, [Timex]) for every article in
  PATHs, in order, in `jobs` processes -- the same data `timeline dates --json` prints.
- `source_record(doc)` / `date_record(doc, timex)`: the JSON objects of the command's contract.
- `ensure_reference(doc)`: fill an absent reference date by inference (basis "inferred").
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from datetime import date

from timeline.documents import Document
from timeline.errors import Problem
from timeline.extract.timex import Timex, tag

_EXPLICIT = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>\d\d))?)?$")


def ensure_reference(doc: Document) -> Document:
    """Give `doc` a reference date when it has none: inferred from the latest explicit date in its text."""
    if doc.published is None:
        doc.published, doc.published_note = infer_reference(doc)
        doc.published_basis = "inferred"
    return doc


def infer_reference(doc: Document) -> tuple[str | None, str]:
    """(EDTF, note): the latest fully specified date the article mentions, no finer than a month.

    An article is written on or after the latest date it reports, so that date bounds it from below;
    a day would claim more than the text says, so a day is cut to its month ('2016-11-09' -> '2016-11').
    Dates in the future tense ('will be held in October 2017') can make this a little late.
    """
    best: tuple[Any, Timex] | None = None
    for timex in tag(doc.text, anchor=None, start=doc.start, end=doc.stop):
        upper = _upper(timex.value)
        if upper is not None and (best is None or upper > best[0]):
            best = (upper, timex)
    if best is None:
        return None, "no date line and no explicit date in the text; relative dates are left unresolved"
    timex = best[1]
    value = timex.value[:7]
    return value, f"latest explicit date in the text: {timex.text!r} (offset {timex.start}); published then or later"


def _upper(value: str) -> date | None:
    """Last day covered by a plain YYYY, YYYY-MM or YYYY-MM-DD value; None for anything else."""
    m = _EXPLICIT.match(value)
    if not m:
        return None
    year, month, day = int(m["y"]), int(m["m"] or 12), m["d"]
    try:
        return date(year, month, int(day) if day else calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def document_dates(doc: Document) -> list[Timex]:
    """Every date expression in the article's segment, resolved against its reference date."""
    ensure_reference(doc)
    return tag(doc.text, anchor=doc.published, start=doc.start, end=doc.stop)


def find_dates(
    paths: Iterable[str | Path],
    published: str | None = None,
    jobs: int = 1,
    problems: list[Problem] | None = None,
    progress: bool | None = None,
) -> Iterator[tuple[Document, list[Timex]]]:
    """(Document, its date expressions) for every article in PATHs, in order, using `jobs` processes."""
    from timeline.extract.pipeline import map_documents

    yield from map_documents(document_dates, paths, published=published, jobs=jobs, problems=problems, progress=progress)


def source_record(doc: Document) -> dict[str, Any]:
    """The command's "sources" entry for a document."""
    record: dict[str, Any] = {
        "id": doc.id,
        "path": doc.path,
        "published": doc.published,
        "published_basis": doc.published_basis,
        "published_note": doc.published_note,
        "title": doc.title,
    }
    if doc.start or doc.end is not None:
        record["segment"] = [doc.start, doc.stop]
    if doc.line is not None:
        record["line"] = doc.line
    return record


def date_record(doc: Document, timex: Timex) -> dict[str, Any]:
    """The command's "dates" entry: offset indexes the file as read, or the JSONL article's text."""
    return {"source": doc.id, "text": timex.text, "offset": timex.start, "value": timex.value}
