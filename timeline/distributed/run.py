"""The two runs on a cluster, with the one-process library's signatures plus `scheduler`:
`find_dates` (what `timeline dates` prints) and `extract` (what `timeline extract` prints).

The client lists the shards on a worker, submits one map task per shard, follows them as they finish
(progress) and takes their results in shard order, so the order in which shards finish does not
matter. For extract, the shards' candidates stay on the workers and go to the cross-document task
directly; a worker that dies loses nothing but time: Dask runs its tasks again on another worker.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.distributed.cluster import Scheduler, connect, dask_distributed
from timeline.distributed.crossdoc import UniqueIds, cross_document
from timeline.distributed.mapstage import ShardResult, candidates_of_shard, dates_of_shard, sources_of
from timeline.distributed.progress import Progress, Report, count_documents
from timeline.distributed.shards import list_shards
from timeline.errors import Problem

if TYPE_CHECKING:
    from timeline.extract.events import Extraction
    from timeline.extract.timex import Timex
    from timeline.read import Document


def find_dates(paths: Iterable[str | Path], scheduler: Scheduler, published: str | None = None,
               problems: list[Problem] | None = None, progress: bool | None | Report = None, mode: str = "auto",
               date_order: str | None = None) -> Iterator[tuple[Document, list[Timex]]]:
    """(document, its date expressions) for every article, in order, as timeline.extract.dating.find_dates
    with skip_errors; what the reader must be told about each document (reading_warnings) is already in
    `problems`."""
    sink: list[Problem] = [] if problems is None else problems
    with connect(scheduler) as client:
        shards = client.submit(list_shards, [str(p) for p in paths]).result()
        futures = [client.submit(dates_of_shard, s, published, mode, date_order, pure=False) for s in shards]
        for result in _in_order(client, shards, futures, progress):
            sink.extend(result.problems)
            yield from zip(result.docs, result.results)


def extract(paths: Iterable[str | Path], scheduler: Scheduler, published: str | None = None, top: int | None = None,
            problems: list[Problem] | None = None, progress: bool | None | Report = None, mode: str = "auto",
            date_order: str | None = None) -> Extraction:
    """timeline.extract.events.extract on the cluster: the same documents, records and problems."""
    from timeline.extract.events import Extraction

    sink: list[Problem] = [] if problems is None else problems
    with connect(scheduler) as client:
        shards = client.submit(list_shards, [str(p) for p in paths]).result()
        results = [client.submit(candidates_of_shard, s, published, mode, date_order, pure=False) for s in shards]
        ids = UniqueIds()
        sourced = list(_in_order(client, shards, [client.submit(sources_of, r, pure=False) for r in results], progress, ids))
        records = client.submit(cross_document, top, ids.renames, *results).result()
    docs = [doc for result in sourced for doc in result.docs]
    sink.extend(p for result in sourced for p in result.problems)
    return Extraction(tuple(docs), tuple(records), tuple(sink))


def _in_order(client: Any, shards: list[str], futures: list[Any], progress: bool | None | Report,
              ids: UniqueIds | None = None) -> Iterator[ShardResult]:
    """The shards' results in shard order, each as soon as it and those before it are done; progress
    counts documents as shards finish, in whatever order. Ids are made unique on the way."""
    counts = client.gather(client.map(count_documents, shards))
    bar = Progress(progress, sum(counts))
    index = {f.key: i for i, f in enumerate(futures)}
    ready: dict[int, ShardResult] = {}
    ids = UniqueIds() if ids is None else ids
    nxt = 0
    try:
        for future in dask_distributed().as_completed(futures):
            i = index[future.key]
            ready[i] = future.result()
            futures[i] = future = None  # the worker may forget the result
            bar.add(counts[i])
            while nxt in ready:
                ids.take(nxt, ready[nxt])
                yield ready.pop(nxt)
                nxt += 1
    finally:
        bar.close()

