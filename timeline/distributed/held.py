"""The cross-document stage's tasks on the cluster: the stages of timeline.extract.partitions and
timeline.extract.assemble, each stage's output held packed on its worker while the next stages wait
for the whole corpus (mapstage.pack: a zlib level 1 pickle) and unpacked in the task that reads it.

A stage's output waits for every partition of the stage before (the statistics need every shard, the
connected sets of date disputes every partition's links, the cutoff and ids every partition's events,
the printer reads one partition after another): held as objects, the waiting outputs made a worker's
memory grow with its share of the corpus several times over (6.7-8.2 KB an article measured, with
a result of 3.9 KB an article in objects and 1.0 KB pickled). Each task unpacks only what it reads.
Even the small outputs that outlive their task are packed (the names of a partition's groups, the
holders of figures): a bytes object is one block of memory, where thousands of small objects left
behind by a task would keep the allocator from handing the task's memory back.

    held = prepare_shard(index, renames, packed)   # per shard: mentions by year, claims by kind, packed
    merged = merge(stats, *parts of held)           # per partition: its groups packed, its names plain
    ranked = rank(merged, stats, top, *folds)       # its events packed, the holders of figures plain
    finished = finish(ranked, last, ids, *figures)  # its records, in packed chunks of `chunk`
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Any

from timeline.extract import assemble as a, corpus, partitions as p
from timeline.distributed.mapstage import Packed, pack, unpack


@dataclass
class Held:
    """A shard's part of the cross-document stage (partitions.Prepared), packed."""

    years: dict[int, bytes]  # each year's pieces (list[partitions.Piece]), packed
    sizes: dict[int, int]  # the mentions of each year
    claims: dict[str, bytes]  # each kind's claims (list[partitions.Near]), packed
    counts: bytes  # corpus.Counts, packed
    leads: bytes  # list[corpus.Lead], packed


def prepare_shard(index: int, renames: dict[int, str], shard: Packed) -> Held:
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
    prepared = p.prepare(index, mentions, leads, claims)
    return Held({y: pack(pieces) for y, pieces in prepared.years.items()}, {y: len(pieces) for y, pieces in prepared.years.items()},
                {k: pack(near) for k, near in prepared.claims.items()}, pack(prepared.counts), pack(list(prepared.leads)))


def counts(shard: Held) -> corpus.Counts:
    return unpack(shard.counts)  # type: ignore[no-any-return]


def centroid(shard: Held, stats: corpus.Statistics) -> Counter[str]:
    return corpus.centroid_of(unpack(shard.leads), stats)


def shape(shard: Held) -> tuple[dict[int, int], set[str]]:
    """The mentions of each year and the kinds of claims a prepared shard holds."""
    return shard.sizes, set(shard.claims)


def block_part(shard: Held, years: list[int]) -> dict[int, bytes]:
    return {y: shard.years[y] for y in years if y in shard.years}


def kind_part(shard: Held, kind: str) -> bytes:
    return shard.claims[kind]


@dataclass
class Merged:
    """A partition's groups (partitions.Block), packed, and what the links of date disputes need of them."""

    block: bytes
    names: bytes  # partitions.block_name_counts, packed
    entries: bytes  # partitions.block_name_entries, packed


def merge(stats: corpus.Statistics, *parts: dict[int, bytes]) -> Merged:
    """partitions.merge_block of the shards' packed parts of a partition's years."""
    block = p.merge_block(stats, *({y: unpack(pieces) for y, pieces in part.items()} for part in parts))
    return Merged(pack(block), pack(p.block_name_counts(block)), pack(p.block_name_entries(block)))


def names(merged: Merged) -> Counter[str]:
    return unpack(merged.names)  # type: ignore[no-any-return]


def entries(merged: Merged) -> list[tuple[str, str, int, p.Ref]]:
    return unpack(merged.entries)  # type: ignore[no-any-return]


def fold(stats: corpus.Statistics, counts: Counter[str], sets: list[list[p.Ref]], *merged: Merged) -> p.Folded:
    """partitions.fold of the partitions (packed) that the connected sets span, unpacked one at a time,
    each let go once the groups of the sets are taken from it."""
    named = {ref for refs in sets for ref in refs}
    found: dict[p.Ref, p.Member] = {}
    for m in merged:
        found.update(p.members(unpack(m.block), named))
    return p.fold_members(stats, counts, sets, found)


@dataclass
class Ranked:
    """A partition's ranked events (list[assemble.Event]), packed, and what the cutoff and figures need."""

    events: bytes
    holders: bytes  # dict[partitions.Seq, assemble.Order], packed
    firsts: bytes  # assemble.firsts (when a number of events is asked for), packed


def rank(merged: Merged, stats: corpus.Statistics, top: int | None, *folds: p.Folded) -> Ranked:
    """partitions.rank_block of a packed partition."""
    ranked = p.rank_block(unpack(merged.block), stats, *folds)
    return Ranked(pack(ranked.events), pack(ranked.holders), pack([] if top is None else a.firsts(ranked.events, top)))


def holders(ranked: Ranked) -> dict[p.Seq, a.Order]:
    return unpack(ranked.holders)  # type: ignore[no-any-return]


def firsts(ranked: Ranked) -> list[a.Order]:
    return unpack(ranked.firsts)  # type: ignore[no-any-return]


def kind_figures(kind: str, found: list[dict[p.Seq, a.Order]], *parts: bytes) -> list[tuple[a.Order, dict[str, Any]]]:
    """partitions.kind_figures of the shards' packed claims of one kind."""
    return p.kind_figures(kind, found, *(unpack(part) for part in parts))


def stems(ranked: Ranked, last: a.Order | None) -> set[str]:
    return a.stems(unpack(ranked.events), last)


def stem_entries(ranked: Ranked, last: a.Order | None, common: set[str]) -> list[tuple[a.Order, str]]:
    return a.stem_entries(unpack(ranked.events), last, common)


@dataclass
class Finished:
    """A partition's finished records (assemble.finish), in packed chunks, and its size and first key (assemble.head)."""

    size: int
    first: a.Key | None
    chunks: list[bytes]  # list[assemble.Keyed] each, packed


def finish(ranked: Ranked, chunk: int, last: a.Order | None, ids: dict[a.Order, str], *figures: a.Figures) -> Finished:
    """assemble.finish of a packed partition, cut into packed chunks of `chunk` records."""
    done = a.finish(unpack(ranked.events), last, ids, *figures)
    return Finished(*a.head(done), [pack(done[i:i + chunk]) for i in range(0, len(done), chunk)])


def head(finished: Finished) -> tuple[int, a.Key | None]:
    return finished.size, finished.first


def chunk(finished: Finished, index: int) -> bytes:
    return finished.chunks[index]
