"""Run a function over every document of a corpus, in order, in several processes, with flat memory.

    from timeline.extract.pipeline import map_documents

    def count_words(doc: Document) -> int:        # top level, so worker processes can pickle it
        return len(doc.body.split())

    for doc, n in map_documents(count_words, ["corpus.jsonl"], jobs=2, problems=problems):
        ...

Documents are read (streamed) in the calling process; each worker first fills in a missing reference
date (timeline.extract.dating.ensure_reference, which tags the text) and then calls `func(doc)`.
Documents travel to the workers in batches of about BATCH_CHARS characters; at most `jobs * WINDOW`
batches are in flight, so memory does not grow with the corpus. Results
come back in input order. Exceptions raised by `func` propagate to the caller.
"""
from __future__ import annotations

import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from timeline.documents import Document, read_documents
from timeline.errors import Problem

R = TypeVar("R")
WINDOW = 4  # batches in flight per worker process
BATCH_CHARS = 100_000  # characters of text per batch sent to a worker
BATCH_DOCS = 64
Basis = Literal["stated", "inferred"] | None
Reference = tuple[str | None, Basis, str | None]


def map_documents(
    func: Callable[[Document], R],
    paths: Iterable[str | Path],
    published: str | None = None,
    jobs: int = 1,
    problems: list[Problem] | None = None,
    progress: bool | None = None,
    skip_errors: bool = False,
) -> Iterator[tuple[Document, R]]:
    """(document, func(document)) for every article in PATHs, in order.

    `func` must be a picklable top-level function when jobs > 1. Reading problems go to `problems`.
    `progress`: a tqdm bar on stderr; None means "when stderr is a terminal". `skip_errors`: an
    exception raised by func for one document becomes a Problem naming it (file and line) and that
    document is left out, instead of stopping the run.
    """
    sink: list[Problem] = [] if problems is None else problems
    docs = read_documents(paths, published=published, problems=sink, infer=False)
    bar = _progress_bar(progress)
    try:
        results = _serial(func, docs, skip_errors) if jobs <= 1 else _parallel(func, docs, jobs, skip_errors)
        for doc, result in results:
            if bar is not None:
                bar.update(1)
            if isinstance(result, Failed):
                sink.append(Problem(f"article {doc.id!r} could not be processed ({result.error}); skipped. "
                                    "This is a bug in timeline: please report it with this file.", doc.path, doc.line))
                continue
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


@dataclass(frozen=True)
class Failed:
    """What a worker returns instead of a result when func raised and errors are skipped."""

    error: str


def _serial(func: Callable[[Document], R], docs: Iterator[Document], skip: bool) -> Iterator[tuple[Document, Any]]:
    for doc in docs:
        yield doc, _apply(func, doc, skip)[1]


def _apply(func: Callable[[Document], R], doc: Document, skip: bool) -> tuple[Reference, R | Failed]:
    """Runs in the worker: reference date first, then func; returns the reference so the parent's copy agrees."""
    from timeline.extract.dating import ensure_reference

    try:
        ensure_reference(doc)
        result: R | Failed = func(doc)
    except Exception as exc:  # noqa: BLE001 - reported per document when skip is on
        if not skip:
            raise
        result = Failed(f"{type(exc).__name__}: {exc}")
    return (doc.published, doc.published_basis, doc.published_note), result


def _parallel(func: Callable[[Document], R], docs: Iterator[Document], jobs: int, skip: bool) -> Iterator[tuple[Document, Any]]:
    """Batches of documents go to the workers; at most jobs * WINDOW batches are in flight."""
    pending: deque[tuple[list[Document], Future[list[tuple[Reference, Any]]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts) as pool:
        for batch in _batches(docs):
            pending.append((batch, pool.submit(_apply_batch, func, batch, skip)))
            if len(pending) >= jobs * WINDOW:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _batches(docs: Iterator[Document]) -> Iterator[list[Document]]:
    """Groups of documents holding about BATCH_CHARS characters, so each task is worth shipping."""
    batch: list[Document] = []
    size = 0
    for doc in docs:
        batch.append(doc)
        size += doc.stop - doc.start
        if size >= BATCH_CHARS or len(batch) >= BATCH_DOCS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _apply_batch(func: Callable[[Document], R], batch: list[Document], skip: bool) -> list[tuple[Reference, R | Failed]]:
    return [_apply(func, doc, skip) for doc in batch]


def _collect(batch: list[Document], future: Future[list[tuple[Reference, Any]]]) -> Iterator[tuple[Document, Any]]:
    for doc, ((published, basis, note), result) in zip(batch, future.result()):
        doc.published, doc.published_basis, doc.published_note = published, basis, note
        yield doc, result


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops the pool (no traceback from an idle worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
