"""The map stage on the worker that reads a shard: each article's reference date, then its dates
(`dates_of_shard`) or its candidate events (`candidates_of_shard`), through
timeline.extract.pipeline.process_document, the function one process runs per document.

A shard's result keeps its articles in order, with what one process would have added to its problem
list while reading them (in the same order). Articles travel back as `Sourced` documents: the
metadata without the text, and only the passages the output quotes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from timeline.errors import Problem
from timeline.extract.dating import document_dates, reading_warnings
from timeline.extract.events import analyse_document
from timeline.extract.pipeline import Failed, failure_problem, process_document
from timeline.distributed.shards import read_shard
from timeline.read import Document


@dataclass
class Sourced(Document):
    """A document without its text: what the output says about it, and the passages it quotes."""

    length: int = 0
    quotes: dict[tuple[int, int], str] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document, spans: list[tuple[int, int]]) -> Sourced:
        return cls(doc.id, doc.path, "", doc.start, doc.end, doc.title, doc.publisher, doc.url, doc.published,
                   doc.published_basis, doc.published_note, doc.line, None, doc.uncitable, length=len(doc.text),
                   quotes={span: doc.quote(*span) for span in spans})

    @property
    def stop(self) -> int:
        return self.length if self.end is None else self.end

    def quote(self, start: int, end: int) -> str:
        return self.quotes[(start, end)]


@dataclass
class Named:
    """What the client needs of a document to make ids unique across shards (crossdoc.UniqueIds)."""

    id: str
    path: str
    line: int | None


@dataclass
class ShardResult:
    """One shard's articles (as Sourced), each one's result, and the problems met, in reading order."""

    shard: str
    docs: list[Any] = field(default_factory=list)  # Sourced; Named in what the client takes of an extract shard (sources)
    results: list[Any] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)  # per document: len(problems) when it was read

    def add(self, doc: Document, spans: list[tuple[int, int]], mark: int, result: Any) -> None:
        """A document read when `mark` problems had been met, and its result."""
        self.docs.append(Sourced.of(doc, spans))
        self.marks.append(mark)
        self.results.append(result)

    def sources(self) -> ShardResult:
        """What the client needs of an extract shard while the shards are read: the documents' names
        and the problems (the documents stay on the worker until they are printed: documents_of)."""
        return ShardResult(self.shard, [Named(d.id, d.path, d.line) for d in self.docs], [], self.problems, self.marks)


def dates_of_shard(shard: str, published: str | None, mode: str, date_order: str | None) -> ShardResult:
    """Every article's date expressions; an article the engine fails on is a problem and left out,
    as `timeline dates` does in one process. Warnings are added here, where the text is."""
    out = ShardResult(shard)
    find = partial(document_dates, mode=mode, date_order=date_order)
    for doc in read_shard(shard, published, out.problems):
        mark = len(out.problems)
        timexes = process_document(find, doc, skip=True)[1]
        if isinstance(timexes, Failed):
            out.problems.append(failure_problem(doc, timexes))
            continue
        out.problems.extend(reading_warnings(doc, timexes))
        out.add(doc, [(t.start, t.end) for t in timexes], mark, timexes)
    return out


def candidates_of_shard(shard: str, published: str | None, mode: str, date_order: str | None) -> ShardResult:
    """Every article's candidate mentions, lead words and figures (timeline.extract.events.analyse_document),
    held on the worker until the corpus statistics are known: the lead words as a sorted tuple (measured:
    2.5 KB of the 6 KB an article's result holds as a set, 0.5 KB as a tuple)."""
    out = ShardResult(shard)
    analyse = partial(analyse_document, mode=mode, date_order=date_order)
    for doc in read_shard(shard, published, out.problems):
        mark = len(out.problems)
        found = process_document(analyse, doc)[1]
        assert not isinstance(found, Failed)  # errors are raised, not skipped
        out.problems.extend(found.warnings)
        out.add(doc, [], mark, (found.mentions, tuple(sorted(found.words)), found.claims))  # a tuple: a fifth of a set's memory
    return out


def sources_of(result: ShardResult) -> ShardResult:
    """Runs on the worker holding the result: the part the client fetches as the shards are read."""
    return result.sources()


def documents_of(result: ShardResult) -> list[Sourced]:
    """Runs on the worker holding the result: the documents, kept there until the client prints them."""
    return result.docs
