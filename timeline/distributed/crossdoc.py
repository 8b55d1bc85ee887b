"""The cross-document stage as tasks, on the shards' map results (their documents renamed where
timeline.distributed.renames says one process renames them).

`cross_document` runs the stages of timeline.extract.partitions (the algorithm one process runs in a
loop) as tasks: shards prepared where their candidates are, corpus statistics added up in a tree of
tasks, one merge and one ranking task per partition (consecutive years holding PARTITION_MENTIONS
mentions or more), one task per partition joining the links between groups that may dispute a date into connected sets
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

import dataclasses
from collections import Counter, deque
from collections.abc import Callable, Iterator
from typing import Any

from timeline.extract import assemble as a, corpus, partitions as p
from timeline.distributed.mapstage import Packed, unpack
from timeline.distributed.renames import Renames
from timeline.distributed.streamed import Taken

FAN_IN = 8  # partial sums added per task
PARTITION_MENTIONS = 20_000  # a partition holds whole years and at least this many mentions (but the last)
CHUNK = 500  # records the client fetches from a partition at a time


def prepare_shard(index: int, renames: dict[int, str], shard: Packed) -> p.Prepared:
    """Runs where the shard's candidates are: its part of the cross-document stage (partitions.prepare),
    documents renamed as one process names them."""
    mentions: list[Any] = []
    leads: list[corpus.Lead] = []
    claims: list[Any] = []
    for d, (found, words, figures) in enumerate(unpack(shard.results)):
        ident = renames.get(d)
        mentions.extend(found if ident is None else [dataclasses.replace(m, source=ident) for m in found])
        claims.extend(figures if ident is None else [dataclasses.replace(c, source=ident) for c in figures])
        leads.append(words)
    return p.prepare(index, mentions, leads, claims)


def cross_document(client: Any, results: list[Any], renames: Renames, top: int | None) -> Taken[dict[str, Any]]:
    """Merge, dispute and rank the candidates of the shards' results (futures, in shard order) as tasks;
    the records, in the output's order, as the client takes them (from the workers, chunk by chunk:
    take them while the client is connected). `results` is emptied, and every stage's futures are let
    go once the next stage is submitted, so that the workers free each stage's data as soon as it is used."""
    submit = _Submit(client)
    prepared = [submit(prepare_shard, s, {d: i for (t, d), i in renames.items() if t == s}, r) for s, r in enumerate(results)]
    results.clear()
    if not prepared:
        return Taken(0, ())
    stats = _statistics(submit, prepared)
    shapes = client.gather([submit(_shape, x) for x in prepared])
    blocks = p.blocks_of(sum((Counter(sizes) for sizes, _ in shapes), Counter()), PARTITION_MENTIONS)
    kinds = sorted(set().union(*(k for _, k in shapes)))
    parts = [[submit(_block_part, x, years) for x, (sizes, _) in zip(prepared, shapes) if sizes.keys() & set(years)] for years in blocks]
    claims = {k: [submit(_kind_part, x, k) for x, (_, ks) in zip(prepared, shapes) if k in ks] for k in kinds}
    del prepared
    merged = [submit(p.merge_block, stats, *part) for part in parts]
    folds = _folds(client, submit, stats, merged, blocks)
    ranked = [submit(p.rank_block, m, stats, *[f for spanned, f in folds if j in spanned]) for j, m in enumerate(merged)]
    del merged, folds
    holders = [submit(p.wanted_holders, r) for r in ranked]
    figures = [submit(p.kind_figures, k, holders, *claims.pop(k)) for k in kinds]
    del holders
    return _assembled(client, submit, ranked, figures, top)


def _assembled(client: Any, submit: _Submit, ranked: list[Any], figures: list[Any], top: int | None) -> Taken[dict[str, Any]]:
    """timeline.extract.assemble as tasks: the cutoff and the ids of shared stems from small parts, each
    partition finished where it is and cut into chunks of CHUNK records; the client merges the chunks
    into the chronological order, fetching a partition's chunks only when its records are due, one at a
    time, and lets each go (on the worker too) once merged: it never holds the whole output."""
    events = [submit(_events, r) for r in ranked]
    last = None if top is None else submit(a.cutoff, top, *[submit(a.firsts, e, top) for e in events])
    common = submit(a.shared, *[submit(a.stems, e, last) for e in events])
    ids = submit(a.shared_ids, *[submit(a.stem_entries, e, last, common) for e in events])
    finished = [submit(a.finish, e, last, ids, *figures) for e in events]
    heads = client.gather([submit(a.head, f) for f in finished])
    chunks = [deque(submit(_slice, f, i, i + CHUNK) for i in range(0, n, CHUNK)) for f, (n, _) in zip(finished, heads)]
    del ranked, figures, events, finished
    return Taken(sum(n for n, _ in heads), a.in_order((first, _fetched(client, queue)) for (_, first), queue in zip(heads, chunks)))


def _fetched(client: Any, chunks: deque[Any]) -> Iterator[a.Keyed]:
    """The records of a partition's chunks (futures), one chunk on the client at a time, each let go
    before the next is fetched (nothing is fetched before the first record is asked for)."""
    while chunks:
        yield from client.gather([chunks.popleft()])[0]


def _slice(finished: list[a.Keyed], start: int, stop: int) -> list[a.Keyed]:
    return finished[start:stop]


def _events(ranked: p.Ranked) -> list[a.Event]:
    return ranked.events


def _statistics(submit: _Submit, prepared: list[Any]) -> Any:
    """The corpus statistics (a future): counts and centroid parts added up in trees of tasks."""
    stats = submit(corpus.statistics, submit.tree(corpus.add_counts, [submit(_counts, x) for x in prepared]))
    return submit(corpus.with_centroid, stats, submit.tree(corpus.add_centroids, [submit(_centroid, x, stats) for x in prepared]))


def _folds(client: Any, submit: _Submit, stats: Any, merged: list[Any], blocks: list[list[int]]) -> list[tuple[list[int], Any]]:
    """The date disputes: links between near groups found per window of partitions, joined into
    connected sets partition after partition on the workers (partitions.join: a chain of small tasks
    carrying only the sets that reach past a partition), the sets closed at each partition folded by
    one task; (the partitions a fold task reads, its future). The client receives only those lists of
    partitions."""
    block_of = {y: j for j, years in enumerate(blocks) for y in years}
    counts = submit.tree(p.add_names, [submit(p.block_name_counts, m) for m in merged])
    entries = [submit(p.block_name_entries, m) for m in merged]
    joined: Any = None
    closed = []
    for j, years in enumerate(blocks):
        joined = submit(p.join, joined, submit(p.links, counts, *[entries[k] for k in p.window(blocks, j)]), years)
        closed.append(submit(_closed, joined))
    spans = client.gather([submit(p.spanned, sets, block_of) for sets in closed])
    return [(spanned, submit(p.fold, stats, counts, sets, *[merged[k] for k in spanned])) for sets, spanned in zip(closed, spans) if spanned]


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


def _counts(shard: p.Prepared) -> corpus.Counts:
    return shard.counts


def _centroid(shard: p.Prepared, stats: corpus.Statistics) -> Any:
    return corpus.centroid_of(shard.leads, stats)


def _shape(shard: p.Prepared) -> tuple[dict[int, int], set[str]]:
    """The mentions of each year and the kinds of claims a prepared shard holds."""
    return {y: len(pieces) for y, pieces in shard.years.items()}, set(shard.claims)


def _block_part(shard: p.Prepared, years: list[int]) -> dict[int, list[p.Piece]]:
    return {y: shard.years[y] for y in years if y in shard.years}


def _kind_part(shard: p.Prepared, kind: str) -> list[Any]:
    return shard.claims[kind]
