"""The map stage on the worker that reads a shard: each article's reference date, then its dates
(`dates_of_shard`) or its candidate events (`candidates_of_shard`), through
timeline.extract.pipeline.process_document, the function one process runs per document.

A shard's result keeps its articles in order, with what one process would have added to its problem
list while reading them (in the same order). Articles travel back as `Sourced` documents: the
metadata without the text, and only the passages the output quotes. An extract shard's result waits
on its worker for the corpus statistics, then for the printer: it is held packed (`Packed`).
"""
from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from timeline.errors import Problem
from timeline.extract.dating import document_dates, reading_warnings
from timeline.extract.events import analyse_document
from timeline.extract.pipeline import Failed, failure_problem, process_document
from timeline.distributed.renames import Entry, id_buckets
from timeline.distributed.shards import read_shard
from timeline.read import Document

PACK_LEVEL = 1  # zlib's fastest level: 0.36 KB an article's result against 1.0 KB pickled (measured)


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
class ShardResult:
    """One shard's articles (as Sourced), each one's result, and the problems met, in reading order."""

    shard: str
    docs: list[Any] = field(default_factory=list)  # Sourced
    results: list[Any] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)  # per document: len(problems) when it was read

    def add(self, doc: Document, spans: list[tuple[int, int]], mark: int, result: Any) -> None:
        """A document read when `mark` problems had been met, and its result."""
        self.docs.append(Sourced.of(doc, spans))
        self.marks.append(mark)
        self.results.append(result)

    def packed(self) -> Packed:
        """The result as an extract shard's worker holds it until the corpus statistics are known."""
        entries = [(d, doc.id, doc.path, doc.line, mark) for d, (doc, mark) in enumerate(zip(self.docs, self.marks))]
        return Packed(self.shard, len(self.docs), pack(self.docs), pack(self.results), self.problems, pack(entries))


@dataclass
class Packed:
    """An extract shard's result, on its worker: the documents and each one's result as zlib level 1
    pickles (`pack`), read where they are used (measured on synthetic articles: a result held 3.9 KB
    an article in objects, 0.36 KB packed), with what the client and the id buckets need of them."""

    shard: str
    size: int
    docs: bytes  # list[Sourced], packed
    results: bytes  # list of (mentions, lead words, claims), packed
    problems: list[Problem]
    entries: bytes  # list[Entry], packed: each document's (index, id, path, line, mark), for renames.id_buckets


@dataclass
class Summary:
    """What the client takes of an extract shard as it is read: its documents' number and its problems."""

    size: int
    problems: list[Problem]


def pack(value: Any) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), PACK_LEVEL)


def unpack(data: bytes) -> Any:
    return pickle.loads(zlib.decompress(data))


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


def candidates_of_shard(shard: str, published: str | None, mode: str, date_order: str | None) -> Packed:
    """Every article's candidate mentions, lead words and figures (timeline.extract.events.analyse_document),
    held on the worker, packed, until the corpus statistics are known (the lead words as a sorted tuple,
    measured: 2.5 KB of the 6 KB an article's result held as a set, 0.5 KB as a tuple)."""
    out = ShardResult(shard)
    analyse = partial(analyse_document, mode=mode, date_order=date_order)
    for doc in read_shard(shard, published, out.problems):
        mark = len(out.problems)
        found = process_document(analyse, doc)[1]
        assert not isinstance(found, Failed)  # errors are raised, not skipped
        out.problems.extend(found.warnings)
        out.add(doc, [], mark, (found.mentions, tuple(sorted(found.words)), found.claims))
    return out.packed()


def summary_of(result: Packed) -> Summary:
    """Runs on the worker holding the result: the part the client takes as the shards are read."""
    return Summary(result.size, result.problems)


def entries_of(result: Packed, count: int) -> list[list[Entry]]:
    """Runs on the worker holding the result: its documents' ids in `count` buckets (renames.id_buckets)."""
    return id_buckets(unpack(result.entries), count)


def documents_of(result: Packed) -> bytes:
    """Runs on the worker holding the result: the documents, packed, kept there until the client prints them."""
    return result.docs
