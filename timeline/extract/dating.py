"""Dates of documents: each article's reference date, and every date expression in it (what `timeline dates` prints).

Library entry points (no printing, no exits):

- `document_dates(doc)`: the Timex list of one Document, resolved against its reference date.
- `find_dates(paths, published=None, jobs=1, problems=None)`: (Document, [Timex]) for every article in
  PATHs, in order, in `jobs` processes -- the same data `timeline dates --json` prints.
- `source_record(doc)` / `date_record(doc, timex)`: the JSON objects of the command's contract.
- `ensure_reference(doc)`: fill an absent reference date by inference (basis "inferred").
"""
from __future__ import annotations

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
    """(EDTF, note): the date the article's own dates say it was written at the earliest, no finer than a month.

    A careful reader's rule: an article is written on or after the latest happening it reports. So the
    latest explicit date (by its first day; 'November 2016' is later than '2016'), leaving out those in
    a future context ('will be held in October 2017'), bounds it from below. Month-days and months the
    text gives without a year ('on February 12') are, by newspaper convention, of the writing year: when
    they fall after that latest date within its year, the earliest of them moves the bound to its month
    (one naming a month an earlier explicit date named, like 'mid-September' after 'September 2015', is
    anaphoric and ignored). A day would claim more than the text supports, so the result is a year or a
    month.
    """
    explicit: list[tuple[tuple[date, int], Timex]] = []
    yearless: list[tuple[int, Timex]] = []
    months_named: set[int] = set()
    for timex in tag(doc.text, anchor=None, start=doc.start, end=doc.stop):
        if _future_context(doc.text, timex.start, doc.start):
            continue
        key = _lower_key(timex.value)
        if key is not None:
            explicit.append((key, timex))
            months_named |= {key[0].month} if key[1] else set()
        elif (m := _YEARLESS.match(timex.value)) and int(m["m"]) not in months_named:
            yearless.append((int(m["m"]), timex))
    if not explicit:
        return None, "no date line and no explicit date in the text; relative dates are left unresolved"
    (first_day, precision), best = max(explicit, key=lambda item: item[0])
    note = f"latest explicit date in the text: {best.text!r} (offset {best.start})"
    relative = _year_from_relatives(doc, first_day.year)
    if relative is not None and relative[0] > first_day.year:
        return f"{relative[0]:04d}", f"{note}; {relative[1]}"
    after = [(month, t) for month, t in yearless if precision == 0 or month > first_day.month]
    if after:
        month, timex = min(after, key=lambda item: item[0])
        return f"{first_day.year:04d}-{month:02d}", (
            f"{note}, and {timex.text!r} (offset {timex.start}) without a year, read as of {first_day.year}; published then or later")
    value = f"{first_day.year:04d}" if precision == 0 else f"{first_day.year:04d}-{first_day.month:02d}"
    return value, f"{note}; published then or later"


_RELATIVE_CUE = re.compile(r"\b(?:ago|last|this|previous|past)\b", re.I)
_YEAR_OF = re.compile(r"^(\d{4})")


def _year_from_relatives(doc: Document, earliest: int, span: int = 3) -> tuple[int, str] | None:
    """(year, note) of writing from relative expressions next to explicit dates ('Two years ago, on
    September 29, 2015' is only true if written in 2017): of the years earliest..earliest+span-1, the one
    that makes strictly the most such pairs agree; None when none does."""
    if not _RELATIVE_CUE.search(doc.text, doc.start, doc.stop):
        return None
    agreeing = {year: _agreeing_pairs(doc, year) for year in range(earliest, earliest + span)}
    ranked = sorted(agreeing.items(), key=lambda item: -len(item[1]))
    if not ranked[0][1] or (len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1])):
        return None
    year, pairs = ranked[0]
    rel, exp = pairs[0]
    return year, f"{rel.text!r} (offset {rel.start}) next to {exp.text!r} is true if written in {year}"


def _agreeing_pairs(doc: Document, year: int) -> list[tuple[Timex, Timex]]:
    """(relative, explicit) pairs in one sentence, within 40 characters, whose years agree for this anchor."""
    found = tag(doc.text, anchor=f"{year:04d}", start=doc.start, end=doc.stop)
    explicit = [t for t in found if not t.resolved and _YEAR_OF.match(t.value)]
    pairs = []
    for rel in (t for t in found if t.resolved and _YEAR_OF.match(t.value)):
        for exp in explicit:
            lo, hi = sorted((rel.end, exp.start)) if rel.end <= exp.start else sorted((exp.end, rel.start))
            if hi - lo <= 40 and not re.search(r"[.!?]", doc.text[lo:hi]) and exp.value[:4] == rel.value[:4]:
                pairs.append((rel, exp))
    return pairs


_YEARLESS = re.compile(r"^XXXX-(?P<m>0[1-9]|1[0-2])(?:-\d\d)?$")
_FUTURE = re.compile(r"\b(?:will|would|shall|scheduled|upcoming|planned|due|expected|next)\b[^.!?]{0,40}$", re.I)


def _future_context(text: str, at: int, floor: int) -> bool:
    """True when the words just before a date put it in the future ('which will be held in')."""
    return bool(_FUTURE.search(text[max(floor, at - 60) : at]))


def _lower_key(value: str) -> tuple[date, int] | None:
    """(first day, precision rank 0 year/1 month/2 day) of a plain YYYY, YYYY-MM, YYYY-MM-DD value, or of
    an interval's end ('2013/2018': the text reports up to 2018) or an open interval's start ('2014/..')."""
    if "/" in value:
        start, _, end = value.partition("/")
        value = start if end in ("", "..") else end
    m = _EXPLICIT.match(value)
    if not m:
        return None
    try:
        first = date(int(m["y"]), int(m["m"] or 1), int(m["d"] or 1))
    except ValueError:
        return None
    return first, (2 if m["d"] else 1 if m["m"] else 0)


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
    skip_errors: bool = False,
) -> Iterator[tuple[Document, list[Timex]]]:
    """(Document, its date expressions) for every article in PATHs, in order, using `jobs` processes."""
    from timeline.extract.pipeline import map_documents

    yield from map_documents(document_dates, paths, published=published, jobs=jobs, problems=problems, progress=progress,
                             skip_errors=skip_errors)


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
