"""Run a function over every document of a corpus, in order, in several processes, with flat memory.

    from timeline.extract.pipeline import map_documents

    def count_words(doc: Document) -> int:        # top level, so worker processes can pickle it
        return len(doc.body.split())

    for doc, n in map_documents(count_words, ["corpus.jsonl"], jobs=2, problems=problems):
        ...

Documents are read (streamed) and given their stated or corroborated reference dates in the calling
process (timeline.extract.published); each worker runs the map stage, `process_document`: it first
infers a missing reference date (published.ensure_reference, which tags the text) and then calls
`func(doc)`. timeline.distributed runs the same `process_document` on Dask workers, and reports a
failed document with the same `failure_problem`.
Documents travel to the workers in batches of about BATCH_CHARS characters; at most `jobs * WINDOW`
batches are in flight, so memory does not grow with the corpus. Results
come back in input order. Exceptions raised by `func` propagate to the caller. At most
`max_jobs()` processes (a few per CPU); workers end when the calling process ends, even when it is
killed (SIGKILL, SIGTERM, SIGHUP).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from timeline.errors import Problem
from timeline.extract.published import ensure_reference, read_dated
from timeline.read import Document
from timeline.read.document import Basis

R = TypeVar("R")
WINDOW = 4  # batches in flight per worker process
BATCH_CHARS = 100_000  # characters of text per batch sent to a worker
BATCH_DOCS = 64
JOBS_PER_CPU = 4  # more worker processes than this per CPU only cost memory
PARENT_POLL = 0.5  # seconds between a worker's checks that the calling process is still there
Reference = tuple[str | None, Basis | None, str | None]


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
    _check_jobs(jobs)
    sink: list[Problem] = [] if problems is None else problems
    docs = read_dated(paths, published=published, problems=sink, infer=False)
    bar = _progress_bar(progress)
    try:
        results = _serial(func, docs, skip_errors) if jobs <= 1 else _parallel(func, docs, jobs, skip_errors)
        for doc, result in results:
            if bar is not None:
                bar.update(1)
            if isinstance(result, Failed):
                sink.append(failure_problem(doc, result))
                continue
            yield doc, result
    finally:
        if bar is not None:
            bar.close()


def failure_problem(doc: Document, failed: Failed) -> Problem:
    """What the reader is told about a document `func` failed on (with skip_errors)."""
    return Problem(f"article {doc.id!r} could not be processed ({failed.error}); skipped. "
                   "This is a bug in timeline: please report it with this file.", doc.path, doc.line)


def max_jobs() -> int:
    """The most worker processes a run may start: JOBS_PER_CPU per CPU."""
    return (os.cpu_count() or 1) * JOBS_PER_CPU


def _check_jobs(jobs: int) -> None:
    """ValueError unless 1 <= jobs <= max_jobs() (a thousand processes would only exhaust memory)."""
    if not 1 <= jobs <= max_jobs():
        raise ValueError(f"jobs must be between 1 and {max_jobs()} (the CPU count times {JOBS_PER_CPU}), not {jobs}")


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
        yield doc, process_document(func, doc, skip)[1]


def process_document(func: Callable[[Document], R], doc: Document, skip: bool = False) -> tuple[Reference, R | Failed]:
    """The map stage for one document, wherever it runs (this process, a worker process, a Dask worker):
    reference date first (ensure_reference, which sets it on `doc`), then func. Returns the reference
    so that a copy of the document elsewhere can agree, and the result, or Failed when func raised and
    `skip` is on."""
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
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker) as pool:
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
    return [process_document(func, doc, skip) for doc in batch]


def _collect(batch: list[Document], future: Future[list[tuple[Reference, Any]]]) -> Iterator[tuple[Document, Any]]:
    for doc, ((published, basis, note), result) in zip(batch, future.result()):
        doc.published, doc.published_basis, doc.published_note = published, basis, note
        yield doc, result


def _start_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops the pool (no traceback from an idle worker),
    and end themselves when the process that started them is gone (killed, so the pool never shut down)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """Runs in a worker's thread: exit the worker once its parent has gone (it is then re-parented)."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os._exit(1)
