"""The cross-document stage as tasks, on the shards' map results (their documents renamed where
timeline.distributed.renames says one process renames them).

`cross_document` runs the stages of timeline.extract.partitions (the algorithm one process runs in a
loop) as tasks: shards prepared where their candidates are, corpus statistics added up in a tree of
tasks, one merge and one ranking task per partition (consecutive years holding at most
PARTITION_MENTIONS mentions, a larger year alone), one task per partition joining the links between groups that may dispute a date into connected sets
(a chain: each carries the few sets reaching past its partition to the next), one fold task per
partition where connected sets close, one figure task
per kind of happening, one finishing task per partition (its ids and figure disputes, chronological
order). No task receives every candidate (unless one partition holds the corpus): a partition's task
receives its years', a fold task the groups of the partitions its disputes span. The client receives
small things to plan the next tasks (years, kinds, the partitions each fold task reads: nothing per
document, event or link), then the events it prints,
CHUNK at a time from each partition, merged into the output's order as they are printed.
"""
from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterator
from typing import Any

from timeline.extract import assemble as a, corpus, partitions as p
from timeline.distributed import held as h
from timeline.distributed.mapstage import unpack
from timeline.distributed.renames import Renames
from timeline.distributed.streamed import Taken

FAN_IN = 8  # partial sums added per task
PARTITION_MENTIONS = 20_000  # a partition holds whole years and at most this many mentions (unless one year holds more)
CHUNK = 500  # records the client fetches from a partition at a time


def cross_document(client: Any, results: list[Any], renames: Renames, top: int | None) -> Taken[dict[str, Any]]:
    """Merge, dispute and rank the candidates of the shards' results (futures, in shard order) as tasks;
    the records, in the output's order, as the client takes them (from the workers, chunk by chunk:
    take them while the client is connected). `results` is emptied, and every stage's futures are let
    go once the next stage is submitted, so that the workers free each stage's data as soon as it is
    used; what waits is held packed (held.py)."""
    submit = _Submit(client)
    prepared = [submit(h.prepare_shard, s, {d: i for (t, d), i in renames.items() if t == s}, r) for s, r in enumerate(results)]
    results.clear()
    if not prepared:
        return Taken(0, ())
    stats = _statistics(submit, prepared)
    shapes = client.gather([submit(h.shape, x) for x in prepared])
    blocks = p.blocks_of(sum((Counter(sizes) for sizes, _ in shapes), Counter()), PARTITION_MENTIONS)
    kinds = sorted(set().union(*(k for _, k in shapes)))
    parts = [[submit(h.block_part, x, years) for x, (sizes, _) in zip(prepared, shapes) if sizes.keys() & set(years)] for years in blocks]
    claims = {k: [submit(h.kind_part, x, k) for x, (_, ks) in zip(prepared, shapes) if k in ks] for k in kinds}
    del prepared
    merged = [submit(h.merge, stats, *part) for part in parts]
    folds = _folds(client, submit, stats, merged, blocks)
    ranked = [submit(h.rank, m, stats, top, *[f for spanned, f in folds if j in spanned]) for j, m in enumerate(merged)]
    del merged, folds
    holders = [submit(h.holders, r) for r in ranked]
    figures = [submit(h.kind_figures, k, holders, *claims.pop(k)) for k in kinds]
    del holders
    return _assembled(client, submit, ranked, figures, top)


def _assembled(client: Any, submit: _Submit, ranked: list[Any], figures: list[Any], top: int | None) -> Taken[dict[str, Any]]:
    """timeline.extract.assemble as tasks: the cutoff and the ids of shared stems from small parts, each
    partition finished where it is and cut into packed chunks of CHUNK records; the client merges the
    chunks into the chronological order, fetching a partition's chunks only when its records are due,
    one at a time, and lets each go (on the worker too) once merged: it never holds the whole output."""
    last = None if top is None else submit(a.cutoff, top, *[submit(h.firsts, r) for r in ranked])
    common = submit(a.shared, *[submit(h.stems, r, last) for r in ranked])
    ids = submit(a.shared_ids, *[submit(h.stem_entries, r, last, common) for r in ranked])
    finished = [submit(h.finish, r, CHUNK, last, ids, *figures) for r in ranked]
    heads = client.gather([submit(h.head, f) for f in finished])
    chunks = [deque(submit(h.chunk, f, i) for i in range(-(-n // CHUNK))) for f, (n, _) in zip(finished, heads)]
    del ranked, figures, finished
    return Taken(sum(n for n, _ in heads), a.in_order((first, _fetched(client, queue)) for (_, first), queue in zip(heads, chunks)))


def _fetched(client: Any, chunks: deque[Any]) -> Iterator[a.Keyed]:
    """The records of a partition's chunks (futures), one chunk on the client at a time, each let go
    before the next is fetched (nothing is fetched before the first record is asked for)."""
    while chunks:
        yield from unpack(client.gather([chunks.popleft()])[0])


def _statistics(submit: _Submit, prepared: list[Any]) -> Any:
    """The corpus statistics (a future): counts and centroid parts added up in trees of tasks."""
    stats = submit(corpus.statistics, submit.tree(corpus.add_counts, [submit(h.counts, x) for x in prepared]))
    return submit(corpus.with_centroid, stats, submit.tree(corpus.add_centroids, [submit(h.centroid, x, stats) for x in prepared]))


def _folds(client: Any, submit: _Submit, stats: Any, merged: list[Any], blocks: list[list[int]]) -> list[tuple[list[int], Any]]:
    """The date disputes: links between near groups found per window of partitions, joined into
    connected sets partition after partition on the workers (partitions.join: a chain of small tasks
    carrying only the sets that reach past a partition), the sets closed at each partition folded by
    one task; (the partitions a fold task reads, its future). The client receives only those lists of
    partitions."""
    block_of = {y: j for j, years in enumerate(blocks) for y in years}
    counts = submit.tree(p.add_names, [submit(h.names, m) for m in merged])
    entries = [submit(h.entries, m) for m in merged]
    joined: Any = None
    closed = []
    for j, years in enumerate(blocks):
        joined = submit(p.join, joined, submit(p.links, counts, *[entries[k] for k in p.window(blocks, j)]), years)
        closed.append(submit(_closed, joined))
    spans = client.gather([submit(p.spanned, sets, block_of) for sets in closed])
    return [(spanned, submit(h.fold, stats, counts, sets, *[merged[k] for k in spanned])) for sets, spanned in zip(closed, spans) if spanned]


def _closed(joined: p.Joined) -> list[list[p.Ref]]:
    return joined.closed


class _Submit:
    """client.submit for the stages (each call a new task), and sums as a tree of tasks."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def __call__(self, func: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(func, *args, pure=False)

    def tree(self, add: Callable[..., Any], parts: list[Any]) -> Any:
        """The sum of the parts (futures), FAN_IN at a time."""
        while len(parts) > 1:
            parts = [self(add, *parts[i:i + FAN_IN]) for i in range(0, len(parts), FAN_IN)]
        return parts[0] if parts else self(add)
