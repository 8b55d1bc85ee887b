"""The two runs on a cluster, with the one-process library's signatures plus `scheduler`:
`find_dates` (what `timeline dates` prints) and `extract` (what `timeline extract` prints).

The client lists the shards on a worker, submits one map task per shard (a few per worker ahead of
the results it has taken, so that no worker piles up results for a slow client), follows them as they
finish (progress) and takes their results in shard order, so the order in which shards finish does
not matter. For extract, the shards' candidates stay on the workers (packed) and go to the
cross-document tasks (crossdoc.cross_document) directly, the ids repeated across shards are renamed by
tasks (renames.py), and the documents wait on the workers to be printed: `extract_streaming` hands the
printer an extraction read from the workers as it is printed (streamed.Streamed). The client takes
each shard's number of documents and problems, the renames and small plans: nothing per document. A worker that dies loses nothing but time: Dask runs its tasks again on
another worker.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from timeline.distributed.cluster import Scheduler, connect, dask_distributed
from timeline.distributed.crossdoc import cross_document
from timeline.distributed.mapstage import Sourced, Summary, candidates_of_shard, dates_of_shard, documents_of, entries_of, summary_of, unpack
from timeline.distributed.progress import Progress, Report, count_documents
from timeline.distributed.renames import Renames, UniqueIds, bucket_part, buckets, renamed, warn
from timeline.distributed.shards import list_shards
from timeline.distributed.streamed import Streamed, Taken
from timeline.errors import Problem

if TYPE_CHECKING:
    from timeline.extract.events import Extraction
    from timeline.extract.timex import Timex
    from timeline.read import Document

WINDOW = 3  # map tasks per worker submitted ahead of the results the client has taken
T = TypeVar("T")


def find_dates(paths: Iterable[str | Path], scheduler: Scheduler, published: str | None = None,
               problems: list[Problem] | None = None, progress: bool | None | Report = None, mode: str = "auto",
               date_order: str | None = None) -> Iterator[tuple[Document, list[Timex]]]:
    """(document, its date expressions) for every article, in order, as timeline.extract.dating.find_dates
    with skip_errors; what the reader must be told about each document (reading_warnings) is already in
    `problems`."""
    sink: list[Problem] = [] if problems is None else problems
    with connect(scheduler) as client:
        shards = client.submit(list_shards, [str(p) for p in paths]).result()

        def submit(shard: str) -> Any:
            return client.submit(dates_of_shard, shard, published, mode, date_order, pure=False)

        for result in _in_order(client, shards, submit, progress, UniqueIds()):
            sink.extend(result.problems)
            yield from zip(result.docs, result.results)


def extract(paths: Iterable[str | Path], scheduler: Scheduler, published: str | None = None, top: int | None = None,
            problems: list[Problem] | None = None, progress: bool | None | Report = None, mode: str = "auto",
            date_order: str | None = None) -> Extraction:
    """timeline.extract.events.extract on the cluster: the same documents, records and problems (held
    here, all of them: `extract_streaming` prints them without holding them)."""
    from timeline.extract.events import Extraction

    def held(found: Streamed) -> Extraction:
        return Extraction(tuple(found.documents), tuple(found.records), found.problems)

    return extract_streaming(paths, scheduler, held, published, top, problems, progress, mode, date_order)


def extract_streaming(paths: Iterable[str | Path], scheduler: Scheduler, write: Callable[[Streamed], T], published: str | None = None,
                      top: int | None = None, problems: list[Problem] | None = None, progress: bool | None | Report = None,
                      mode: str = "auto", date_order: str | None = None) -> T:
    """`write(extraction)` while the cluster is connected, its documents and records taken from the
    workers as `write` reads them (once, in order): what `timeline extract` prints, never all here."""
    sink: list[Problem] = [] if problems is None else problems
    with connect(scheduler) as client:
        shards = client.submit(list_shards, [str(p) for p in paths]).result()
        results: list[Any] = []  # each shard's candidates and documents, kept on its worker (packed)

        def submit(shard: str) -> Any:
            results.append(client.submit(candidates_of_shard, shard, published, mode, date_order, pure=False))
            return client.submit(summary_of, results[-1], pure=False)

        found: list[Summary] = list(_in_order(client, shards, submit, progress))
        renames = _renames(client, results, sum(s.size for s in found), [s.problems for s in found])
        for summary in found:
            sink.extend(summary.problems)
        docs = deque(client.submit(documents_of, r, pure=False) for r in results)
        records = cross_document(client, results, renames, top)
        return write(Streamed(Taken(sum(s.size for s in found), _documents(client, docs, renames)), records, tuple(sink)))


def _renames(client: Any, results: list[Any], documents: int, problems: list[list[Problem]]) -> Renames:
    """The documents one process renames (ids repeated across shards), decided by a task per bucket of
    ids (timeline.distributed.renames); the warnings put in the shards' `problems`. The client receives
    the renames only."""
    count = buckets(documents)
    parts = [client.submit(entries_of, r, count, pure=False) for r in results]
    tasks = [client.submit(renamed, *[client.submit(bucket_part, part, b, pure=False) for part in parts], pure=False) for b in range(count)]
    return warn(client.gather(tasks), problems)


def _documents(client: Any, docs: deque[Any], renames: Renames) -> Iterator[Sourced]:
    """The shards' documents (futures of packed lists, in shard order), one shard on the client at a
    time, named as one process names them."""
    shard = 0
    while docs:
        for d, doc in enumerate(unpack(client.gather([docs.popleft()])[0])):
            doc.id = renames.get((shard, d), doc.id)
            yield doc
        shard += 1


class _Feed:
    """Map tasks submitted as the client takes results: at most WINDOW per worker not yet taken."""

    def __init__(self, client: Any, shards: list[str], submit: Callable[[str], Any]) -> None:
        self.shards, self.submit = shards, submit
        self.window = WINDOW * max(1, len(client.scheduler_info()["workers"]))
        self.running = dask_distributed().as_completed()
        self.index: dict[str, int] = {}
        self.submitted = 0

    def top_up(self, taken: int) -> None:
        """Submit the next shards until `window` are ahead of the `taken` first."""
        while self.submitted < len(self.shards) and self.submitted - taken < self.window:
            future = self.submit(self.shards[self.submitted])
            self.index[future.key] = self.submitted
            self.running.add(future)
            self.submitted += 1

    def next_done(self) -> tuple[int, Any]:
        """(shard index, result) of the next task to finish, whichever it is."""
        future = next(self.running)
        return self.index.pop(future.key), future.result()


def _in_order(client: Any, shards: list[str], submit: Callable[[str], Any], progress: bool | None | Report,
              ids: UniqueIds | None = None) -> Iterator[Any]:
    """The shards' results in shard order, each as soon as it and those before it are done; progress
    counts documents as shards finish, in whatever order. Ids are made unique on the way by `ids`, if
    given (extract decides them on the workers once every shard is read: _renames)."""
    counts = client.gather(client.map(count_documents, shards))
    bar = Progress(progress, sum(counts))
    feed, taken = _Feed(client, shards, submit), 0
    ready: dict[int, Any] = {}
    feed.top_up(taken)
    try:
        while taken < len(shards):
            i, ready[i] = feed.next_done()
            bar.add(counts[i])
            while taken in ready:
                if ids is not None:
                    ids.take(taken, ready[taken])
                yield ready.pop(taken)
                taken += 1
            feed.top_up(taken)
    finally:
        bar.close()
