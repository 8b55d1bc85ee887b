"""Across shards: document ids unique over the whole run, then the cross-document stage as tasks.

Each shard's ids are made unique within it when it is read (timeline.read.read_documents); one process
makes them unique over the whole run, in reading order. `UniqueIds` does the same over the shards'
documents, in shard order: when no id is found in two shards (the usual case) nothing changes, else
the later document is renamed as one process renames it (timeline.ids.unique) and a warning says so.

`cross_document` runs the stages of timeline.extract.partitions (the algorithm one process runs in a
loop) as tasks: shards prepared where their candidates are, corpus statistics added up in a tree of
tasks, one merge and one ranking task per year, one fold task per window of connected date disputes,
one figure task per kind of happening. No task receives every candidate: a year's task receives that
year's, a fold task the groups of the years its disputes span. The client receives what it prints
(the events) and small things to plan the next tasks (years, kinds, links between groups).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from timeline.errors import Problem
from timeline.extract import corpus, partitions as p
from timeline.ids import unique
from timeline.distributed.mapstage import ShardResult

Renames = dict[tuple[int, int], str]  # (shard index, document index) -> the id one process gives it
FAN_IN = 8  # partial sums added per task


class UniqueIds:
    """Ids made unique across shards, taken shard after shard in reading order (see the module's docstring)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.renames: Renames = {}

    def take(self, index: int, shard: ShardResult) -> None:
        """Rename, in place, the shard's documents whose id an earlier shard holds, with a warning each
        where one process gives it (as the document is read); the renames are kept for the candidates,
        which name their document."""
        warnings: list[tuple[int, Problem]] = []
        for d, doc in enumerate(shard.docs):
            ident = unique(doc.id, self.seen)
            if ident != doc.id:
                warnings.append((shard.marks[d], Problem(f"id {doc.id!r} is used twice; this one is called {ident!r}",
                                                         doc.path, doc.line, warning=True)))
                self.renames[(index, d)] = doc.id = ident
            self.seen.add(ident)
        for mark, warning in reversed(warnings):
            shard.problems.insert(mark, warning)


def prepare_shard(index: int, renames: dict[int, str], shard: ShardResult) -> p.Prepared:
    """Runs where the shard's candidates are: its part of the cross-document stage (partitions.prepare),
    documents renamed as one process names them."""
    mentions: list[Any] = []
    leads: list[set[str]] = []
    claims: list[Any] = []
    for d, (found, words, figures) in enumerate(shard.results):
        ident = renames.get(d)
        mentions.extend(found if ident is None else [dataclasses.replace(m, source=ident) for m in found])
        claims.extend(figures if ident is None else [dataclasses.replace(c, source=ident) for c in figures])
        leads.append(words)
    return p.prepare(index, mentions, leads, claims)


def cross_document(client: Any, results: list[Any], renames: Renames, top: int | None) -> list[dict[str, Any]]:
    """Merge, dispute and rank the candidates of the shards' results (futures, in shard order) as tasks;
    `results` is emptied, and every stage's futures are let go once the next stage is submitted, so
    that the workers free each stage's data as soon as it is used."""
    submit = _Submit(client)
    prepared = [submit(prepare_shard, s, {d: i for (t, d), i in renames.items() if t == s}, r) for s, r in enumerate(results)]
    results.clear()
    if not prepared:
        return []
    stats = _statistics(submit, prepared)
    shapes = client.gather([submit(_shape, x) for x in prepared])
    years, kinds = sorted(set().union(*(y for y, _ in shapes))), sorted(set().union(*(k for _, k in shapes)))
    parts = {y: [submit(_year_part, x, y) for x, (ys, _) in zip(prepared, shapes) if y in ys] for y in years}
    claims = {k: [submit(_kind_part, x, k) for x, (_, ks) in zip(prepared, shapes) if k in ks] for k in kinds}
    del prepared
    merged = {y: submit(p.merge_year, y, stats, *parts.pop(y)) for y in years}
    folds = _folds(client, submit, stats, merged)
    ranked = [submit(p.rank_year, merged[y], stats, *[f for spanned, f in folds if y in spanned]) for y in years]
    del merged, folds
    holders = [submit(p.wanted_holders, r) for r in ranked]
    figures = [submit(p.kind_figures, k, holders, *claims.pop(k)) for k in kinds]
    events = [submit(_events, r) for r in ranked]
    del ranked, holders
    return p.assemble(client.gather(events), client.gather(figures), top)


def _statistics(submit: _Submit, prepared: list[Any]) -> Any:
    """The corpus statistics (a future): counts and centroid parts added up in trees of tasks."""
    stats = submit(corpus.statistics, submit.tree(corpus.add_counts, [submit(_counts, x) for x in prepared]))
    return submit(corpus.with_centroid, stats, submit.tree(corpus.add_centroids, [submit(_centroid, x, stats) for x in prepared]))


def _folds(client: Any, submit: _Submit, stats: Any, merged: dict[int, Any]) -> list[tuple[list[int], Any]]:
    """The date disputes: links between near groups found per window of years, joined into connected
    sets on the client (pairs of small integers), each window of sets folded by one task; (the years
    a fold task reads, its future)."""
    counts = submit.tree(p.add_names, [submit(p.year_name_counts, m) for m in merged.values()])
    entries = {y: submit(p.year_name_entries, m) for y, m in merged.items()}
    pairs = client.gather([submit(p.links, counts, *[entries[x] for x in p.window(y, entries)]) for y in merged])
    windows = p.by_window(p.components(pair for part in pairs for pair in part)).values()
    return [(p.spanned(sets), submit(p.fold, stats, counts, sets, *[merged[y] for y in p.spanned(sets)])) for sets in windows]


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


def _shape(shard: p.Prepared) -> tuple[set[int], set[str]]:
    """The years and the kinds of claims a prepared shard holds."""
    return set(shard.years), set(shard.claims)


def _year_part(shard: p.Prepared, year: int) -> list[p.Piece]:
    return shard.years[year]


def _kind_part(shard: p.Prepared, kind: str) -> list[Any]:
    return shard.claims[kind]


def _events(ranked: p.Ranked) -> list[Any]:
    return ranked.events
