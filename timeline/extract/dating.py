"""Dates of documents: every date expression in each article (what `timeline dates` prints).

Library entry points (no printing, no exits):

- `document_dates(doc)`: the Timex list of one Document, resolved against its reference date
  (timeline.extract.published gives it).
- `find_dates(paths, published=None, jobs=1, problems=None)`: (Document, [Timex]) for every article in
  PATHs, in order, in `jobs` processes -- the same data `timeline dates --json` prints.
- `reading_warnings(doc, timexes)`: what a reader must be told: a language the engine cannot read, and
  relative dates left unresolved (never dropped without a word).
- `source_record(doc)` / `date_record(doc, timex)`: the JSON objects of the command's contract.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from timeline.errors import Problem
from timeline.extract.pipeline import map_documents
from timeline.extract.published import ensure_reference
from timeline.extract.timex import Timex, tag
from timeline.extract.timex.narrative import choose_mode
from timeline.read import Document


def document_dates(doc: Document, mode: str = "auto", date_order: str | None = None) -> list[Timex]:
    """Every date expression in the article's segment, resolved against its reference date (mode 'auto':
    a narrative when no date is stated, see timeline.extract.timex.narrative.choose_mode). The two ends
    of a range ('1861-1865', 'from May to July 1940') are listed apart, as TimeML annotates them; the
    events of `timeline extract` keep the interval."""
    ensure_reference(doc)
    if mode == "auto":
        mode = choose_mode(doc.text[doc.start:doc.stop], doc.published if doc.published_basis == "stated" else None)
    return tag(doc.text, anchor=doc.published, start=doc.start, end=doc.stop, mode=mode, date_order=date_order,
               ranges=False, written=doc.published_basis == "stated")


def find_dates(
    paths: Iterable[str | Path],
    published: str | None = None,
    jobs: int = 1,
    problems: list[Problem] | None = None,
    progress: bool | None = None,
    skip_errors: bool = False,
    mode: str = "auto",
    date_order: str | None = None,
) -> Iterator[tuple[Document, list[Timex]]]:
    """(Document, its date expressions) for every article in PATHs, in order, using `jobs` processes."""
    yield from map_documents(partial(document_dates, mode=mode, date_order=date_order), paths, published=published, jobs=jobs, problems=problems, progress=progress,
                             skip_errors=skip_errors)


def reading_warnings(doc: Document, timexes: list[Timex]) -> list[Problem]:
    """One warning for a text in a language the date engine cannot read, one for its unresolved relative
    dates (naming the first, at file:line), none when all is well."""
    from timeline.extract.timex.foreign import language_supported
    from timeline.extract.timex.languages import detect_language

    found: list[Problem] = []
    lang = detect_language(doc.body)
    if lang != "en" and not language_supported(lang):
        what = f"language {lang!r}" if lang else "a script"
        found.append(Problem(f"written in {what} whose dates cannot be read; its dates are not listed", doc.path,
                             _line(doc, doc.start), warning=True))
    unresolved = [t for t in timexes if t.unresolved]
    if unresolved:
        first = unresolved[0]
        found.append(Problem(f"{len(unresolved)} relative date(s) cannot be resolved, first {doc.quote(first.start, first.end)!r}: "
                             "no publication date is stated or can be inferred; give --published", doc.path,
                             _line(doc, first.start), warning=True))
    return found


def _line(doc: Document, offset: int) -> int:
    """The line of the file (or of the JSONL corpus) an offset is on."""
    return doc.line if doc.line is not None else doc.text.count("\n", 0, offset) + 1


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
    record.update({k: v for k, v in (("publisher", doc.publisher), ("url", doc.url)) if v})
    if doc.start or doc.end is not None:
        record["segment"] = [doc.start, doc.stop]
    if doc.line is not None:
        record["line"] = doc.line
    return record


def date_record(doc: Document, timex: Timex) -> dict[str, Any]:
    """The command's "dates" entry: offset indexes the file as read, or the JSONL article's text."""
    return {"source": doc.id, "text": doc.quote(timex.start, timex.end), "offset": timex.start, "value": timex.value}
