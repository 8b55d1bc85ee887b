"""Run a function over every document of a corpus, in order, in several processes, with flat memory.

    from timeline.extract.pipeline import map_documents

    def count_words(doc: Document) -> int:        # top level, so worker processes can pickle it
        return len(doc.body.split())

    for doc, n in map_documents(count_words, ["corpus.jsonl"], jobs=2, problems=problems):
        ...

Documents are read (streamed) in the calling process; each worker first fills in a missing reference
date (timeline.extract.dating.ensure_reference, which tags the text) and then calls `func(doc)`.
At most `jobs * WINDOW` documents are in flight, so memory does not grow with the corpus. Results
come back in input order. Exceptions raised by `func` propagate to the caller.
"""
from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from timeline.documents import Document, read_documents
from timeline.errors import Problem

R = TypeVar("R")
WINDOW = 8  # documents in flight per worker process
Reference = tuple[str | None, str | None, str | None]


def map_documents(
    func: Callable[[Document], R],
    paths: Iterable[str | Path],
    published: str | None = None,
    jobs: int = 1,
    problems: list[Problem] | None = None,
    progress: bool | None = None,
) -> Iterator[tuple[Document, R]]:
    """(document, func(document)) for every article in PATHs, in order.

    `func` must be a picklable top-level function when jobs > 1. Reading problems go to `problems`.
    `progress`: a tqdm bar on stderr; None means "when stderr is a terminal".
    """
    docs = read_documents(paths, published=published, problems=problems, infer=False)
    bar = _progress_bar(progress)
    try:
        results = _serial(func, docs) if jobs <= 1 else _parallel(func, docs, jobs)
        for doc, result in results:
            if bar is not None:
                bar.update(1)
            yield doc, result
    finally:
        if bar is not None:
            bar.close()


def _progress_bar(progress: bool | None) -> Any:
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


def _serial(func: Callable[[Document], R], docs: Iterator[Document]) -> Iterator[tuple[Document, R]]:
    for doc in docs:
        yield doc, _apply(func, doc)[1]


def _apply(func: Callable[[Document], R], doc: Document) -> tuple[Reference, R]:
    """Runs in the worker: reference date first, then func; returns the reference so the parent's copy agrees."""
    from timeline.extract.dating import ensure_reference

    ensure_reference(doc)
    result = func(doc)
    return (doc.published, doc.published_basis, doc.published_note), result


def _parallel(func: Callable[[Document], R], docs: Iterator[Document], jobs: int) -> Iterator[tuple[Document, R]]:
    pending: deque[tuple[Document, Future[tuple[Reference, R]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for doc in docs:
            pending.append((doc, pool.submit(_apply, func, doc)))
            if len(pending) >= jobs * WINDOW:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())


def _collect(doc: Document, future: Future[tuple[Reference, R]]) -> tuple[Document, R]:
    (doc.published, doc.published_basis, doc.published_note), result = future.result()
    return doc, result
