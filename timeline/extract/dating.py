"""Dates of documents: each article's reference date, and every date expression in it (what `timeline dates` prints).

Library entry points (no printing, no exits):

- `document_dates(doc)`: the Timex list of one Document, resolved against its reference date.
- `find_dates(paths, published=None, jobs=1, problems=None)`: (Document, [Timex]) for every article in
  PATHs, in order, in `jobs` processes -- the same data `timeline dates --json` prints.
- `source_record(doc)` / `date_record(doc, timex)`: the JSON objects of the command's contract.
- `ensure_reference(doc)`: fill an absent reference date by inference from the text (basis "inferred";
  `infer_reference` says how).
- `corroborate(docs)`: date undated articles by dated ones of the same corpus telling the same news
  (timeline.documents.read_documents calls it for articles read from files).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from timeline.documents import Document
from timeline.errors import Problem
from timeline.extract.timex import Timex, tag
from timeline.extract.timex.narrative import choose_mode
from timeline.extract.timex.resolve import tense

_EXPLICIT = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>\d\d))?)?$")


def ensure_reference(doc: Document) -> Document:
    """Give `doc` a reference date when it has none: inferred from its own dates (see infer_reference)."""
    if doc.published is None:
        doc.published, doc.published_note = infer_reference(doc)
        doc.published_basis = "inferred"
    return doc


def infer_reference(doc: Document) -> tuple[str | None, str]:
    """(EDTF, note): when the article was written, read from its own dates as a careful reader would, no
    finer than a month (a day would claim more than the text supports).

    Evidence (see `_Evidence`): every explicit date not in a future clause is a lower bound (an article
    is written on or after what it reports); a closed period in the past ending in a year ('between 2013
    and 2018') is over, so the year after it is one; a future clause ('will be held in October 2017') is
    an upper bound. Year: news convention gives dates of the writing year without their year, so when
    the text gives its news peg (below) without a year and names a month with its year, and the peg,
    read in that year, would be months older than that month ('on April 3' in the lede, 'In November
    2016' further down), it was written in a later year -- unless an upper bound forbids it. Month: within that year, the latest explicit month; 'this February' (a month of the
    writing year); and the news peg, the first happening the text gives without a year (inverted
    pyramid: the lede reports the news). A month named alone in the past tense ('This February, the
    ministry reported') is over, so the article is of a later month; a month-day ('on February 12') may
    be of the same month. Month-days that follow an explicit year in their paragraph or the one before ('In 2015 ... on
    November 29') are anaphoric: of that year (in the same paragraph a lower bound like an explicit date); those naming a month an
    explicit date named ('mid-September' after 'September 2015') are ignored.
    """
    ev = _Evidence.of(doc)
    if not ev.lower:
        return None, "no date line and no explicit date in the text; relative dates are left unresolved"
    year, why = ev.year()
    relative = _year_from_relatives(doc, year)
    if relative is not None and relative[0] > year:
        return f"{relative[0]:04d}", f"{why}; {relative[1]}"
    month, how = ev.month(year)
    if month is None:
        return f"{year:04d}", f"{why}; published then or later"
    return f"{year:04d}-{month:02d}", f"{why}; {how}; published then or later"


STALE_PEG_DAYS = 92  # a news peg this long before another dated happening of its year is of a later year
_THIS_BEFORE = re.compile(r"(?i)\bthis\s+(?:past\s+)?$")
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass
class _Evidence:
    """What an article's dates say about when it was written (see infer_reference)."""

    lower: list[tuple[date, int, Timex]] = field(default_factory=list)  # (first day, precision 0/1/2, timex)
    over: list[tuple[int, Timex]] = field(default_factory=list)  # years a past closed period ended in
    upper: list[tuple[date, Timex]] = field(default_factory=list)  # first days of dates in a future clause
    yearless: list[tuple[int, bool, bool, Timex]] = field(default_factory=list)  # (month, has day, 'this', timex)

    @classmethod
    def of(cls, doc: Document) -> _Evidence:
        """Sort the article's date expressions (tagged without an anchor) into bounds and year-less dates."""
        ev = cls()
        months_named: set[int] = set()
        last_year_at, last_year = -1, 1  # offset and year of the latest explicit date seen so far
        for timex in tag(doc.text, anchor=None, start=doc.start, end=doc.stop):
            future = _future_context(doc.text, timex.start, doc.start) or tense(doc.text, timex.start, timex.end, strong=True) == "future"
            key = None if timex.resolved else _lower_key(timex.value)
            if key is not None:
                last_year_at, last_year = timex.start, key[0].year
                if future:
                    ev.upper.append((key[0], timex))
                    continue
                ev.lower.append((key[0], key[1], timex))
                months_named |= {key[0].month} if key[1] else set()
                end = _closed_end_year(timex.value)
                if end is not None:
                    ev.over.append((end, timex))
            elif not future and (m := _YEARLESS.match(timex.value)) and int(m["m"]) not in months_named:
                this = bool(_THIS_BEFORE.search(doc.text[max(doc.start, timex.start - 12) : timex.start]))
                past = tense(doc.text, timex.start, timex.end) == "past"
                if not this and last_year_at >= doc.start and len(_PARAGRAPH.findall(doc.text, last_year_at, timex.start)) <= 1:
                    # 'In 2015 ... [next paragraph] on November 29': of that year, not the writing year
                    if not _PARAGRAPH.search(doc.text, last_year_at, timex.start) and past:  # same paragraph: a lower bound
                        ev.lower.append((date(last_year, int(m["m"]), 1), 1, timex))
                    continue
                if past or this:
                    ev.yearless.append((int(m["m"]), bool(m["d"]), this, timex))
        return ev

    def year(self) -> tuple[int, str]:
        """(year of writing, note)."""
        first, precision, best = max(self.lower, key=lambda item: (item[0], item[1]))
        year, why = first.year, f"latest explicit date {best.text!r} (offset {best.start})"
        for end, timex in self.over:
            if end + 1 > year:
                year, why = end + 1, f"the period {timex.text!r} (offset {timex.start}) is over"
        dated_months = [(d, t) for d, p, t in self.lower if p > 0]
        if self.yearless and dated_months:
            d, t = max(dated_months, key=lambda item: item[0])
            peg_month, _, _, peg = self.yearless[0]
            if d.year + 1 > year and (d - date(d.year, peg_month, 1)).days > STALE_PEG_DAYS:
                year, why = d.year + 1, (f"{peg.text!r} (offset {peg.start}) has no year, as dates of the writing year, "
                                         f"while {t.text!r} (offset {t.start}) has one")
        floor = max(d for d, _, _ in self.lower)  # a 'future' date before it is a misread tense: ignored
        cap = min(((d, t) for d, t in self.upper if d >= floor), key=lambda item: item[0], default=None)
        if cap is not None and cap[0].year < year:
            year, why = cap[0].year, f"{why}, but {cap[1].text!r} (offset {cap[1].start}) is still to come"
        return year, why

    def month(self, year: int) -> tuple[int | None, str]:
        """(earliest month of `year` the evidence allows, note), or (None, '') when nothing in that year
        names a month."""
        found: list[tuple[int, str]] = [(d.month, f"{t.text!r} (offset {t.start})") for d, p, t in self.lower
                                        if p > 0 and d.year == year]
        chosen = [item for item in self.yearless if item[2]] + self.yearless[:1]
        for month, has_day, this, timex in chosen:
            over = 0 if has_day or month == 12 else 1
            what = "this year's" if this else "the news peg"
            found.append((month + over, f"{what} {timex.text!r} (offset {timex.start}){' is over' if over else ''}"))
        cap = [d.month for d, _ in self.upper if d.year == year]
        found = [item for item in found if not cap or item[0] <= min(cap) or item[1].startswith("'")]
        if not found:
            return None, ""
        month, how = max(found)
        return month, how


SHARED_WORDS = 10  # a verbatim run of this many words shared by two articles: they tell the same news
_WORD = re.compile(r"\w+")


def corroborate(docs: list[Document]) -> None:
    """Date undated articles by dated ones of the same corpus that tell the same news.

    An article with no stated date that shares a verbatim passage (SHARED_WORDS words: a quotation, a
    sentence taken over) with an article whose date is stated, and gives a happening by a month-day
    without a year that the dated one also gives ('set up on May 9'), has that happening's year as
    read in the dated article: its reference becomes that year, at the month its own dates allow
    (basis 'inferred', the note names the other article). Only years at least its own lower bound are
    taken. Sets `published` on the documents it dates; ensure_reference then leaves them alone.
    """
    dated = [d for d in docs if d.published and d.published_basis == "stated"]
    if not dated:
        return
    shingles = {d.id: _shingles(d.body) for d in docs}
    for doc in docs:
        if doc.published is None:
            found = _corroborated(doc, [d for d in dated if shingles[d.id] & shingles[doc.id]])
            if found is not None:
                doc.published, doc.published_note = found
                doc.published_basis = "inferred"


def _shingles(text: str) -> set[int]:
    """Hashes of every run of SHARED_WORDS words (case-folded)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    return {hash(tuple(words[i : i + SHARED_WORDS])) for i in range(len(words) - SHARED_WORDS + 1)}


def _corroborated(doc: Document, others: list[Document]) -> tuple[str, str] | None:
    """(EDTF, note) from the first dated article in `others` that dates one of doc's year-less month-days."""
    ev = _Evidence.of(doc)
    floor = max((d.year for d, _, _ in ev.lower), default=1)
    days = {(t.value[5:], t.text) for *_, t in ev.yearless if len(t.value) == 10}
    for other in others:
        for timex in tag(other.text, anchor=other.published, start=other.start, end=other.stop):
            for month_day, text in days:
                if timex.value[4:] == "-" + month_day and timex.value[:4].isdigit() and int(timex.value[:4]) >= floor:
                    year = int(timex.value[:4])
                    month, how = ev.month(year)
                    why = (f"{text!r} is {timex.value} in {other.id!r} (dated {other.published}), which shares a passage "
                           f"with this article")
                    value = f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"
                    return value, f"{why}{'; ' + how if how else ''}; published then or later"
    return None


def _closed_end_year(value: str) -> int | None:
    """The end year of a closed period at year precision ('2013/2018' -> 2018), else None."""
    start, sep, end = value.partition("/")
    return int(end) if sep and re.fullmatch(r"\d{4}", start) and re.fullmatch(r"\d{4}", end) else None


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


_YEARLESS = re.compile(r"^XXXX-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>\d\d))?$")
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


def document_dates(doc: Document, mode: str = "auto", date_order: str | None = None) -> list[Timex]:
    """Every date expression in the article's segment, resolved against its reference date (mode 'auto':
    a narrative when no date is stated, see timeline.extract.timex.narrative.choose_mode). The two ends
    of a range ('1861-1865', 'from May to July 1940') are listed apart, as TimeML annotates them; the
    events of `timeline extract` keep the interval."""
    ensure_reference(doc)
    if mode == "auto":
        mode = choose_mode(doc.text[doc.start:doc.stop], doc.published if doc.published_basis == "stated" else None)
    return tag(doc.text, anchor=doc.published, start=doc.start, end=doc.stop, mode=mode, date_order=date_order,
               ranges=False)


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
    from functools import partial

    from timeline.extract.pipeline import map_documents

    yield from map_documents(partial(document_dates, mode=mode, date_order=date_order), paths, published=published, jobs=jobs, problems=problems, progress=progress,
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
