"""The cross-document stage in partitions: one algorithm that one process runs on one partition (`run`)
and a cluster runs as tasks over many (timeline.distributed.crossdoc), with the same output.

Stages, each a function of its partition (candidates never all meet in one place):

1. `prepare` a shard (some documents, in the corpus's order): its mentions by the first year of their
   date, each with its place in the corpus (Seq); its claims by kind of happening, each with the
   mentions next to it; its counts (timeline.extract.corpus).
2. Corpus statistics: the shards' counts added up, then their centroid parts (corpus.py).
3. Partitions are blocks of consecutive years (`blocks_of`: as many mentions as a task may hold, a
   larger year alone; one process makes one block of every year). `merge_block`: each year's mentions grouped and
   paraphrases folded (merge.merge_year: neither crosses the first year of a date), each group keyed
   by its first mention's place in the corpus's order.
4. Date disputes cross years: `links` join groups near each other (rivals.near_links, over the
   partitions holding a window of years as wide as any dispute window); the links are joined into
   connected sets of groups partition after partition (`join`: a set no later link can reach is
   closed, the few that reach past the partition are carried to the next), each set folded alone
   (`fold`: rivals.fold_rivals compares only near groups).
5. `rank_block`: a partition's events scored and in the corpus's order of importance (Order), with
   the events that hold the mentions next to figures.
6. `kind_figures`: figure disputes of one kind of happening (figures.kind_disputes).
7. `assemble` (timeline.extract.assemble): the output, from small aggregates, each partition finished
   alone, then merged into the chronological order as it is printed.
"""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from timeline.extract.candidates import Mention
from timeline.extract.corpus import Counts, Lead, Statistics, add_centroids, add_counts, centroid_of, count, statistics, with_centroid
from timeline.extract.figures import Claim, by_kind, kind_disputes
from timeline.extract.groups import Group
from timeline.extract.merge import finest_first, mention_year, merge_year as merge_mentions
from timeline.extract.rank import Centrality, DateCentrality, date_references, importance
from timeline.extract.records import record_of
from timeline.extract.rivals import DISPUTE_WINDOW_DAYS, YEAR_WINDOW_DAYS, fold_rivals, name_counts, name_entries, near_links
from timeline.extract.assemble import Event, Order, assemble

Seq = tuple[int, int]  # (shard, index of the mention in the shard): the order one process reads them in
Ref = tuple[int, int]  # (year, index of the group in the year's groups)
Piece = tuple[Seq, Mention, bool]  # a mention, its place, whether a figure lies next to it
Near = tuple[Claim, tuple[Seq, ...], bool]  # a claim, the mentions of its sentence (True) or of the one before (False)
WINDOW_YEARS = max(DISPUTE_WINDOW_DAYS, YEAR_WINDOW_DAYS) // 365 + 1  # two dates that may be disputed start at most this many years apart
FOLLOWS = 3  # characters between a cited sentence and the next: a figure stated right after a dated sentence is its


@dataclass
class Prepared:
    """One shard's part of the cross-document stage."""

    years: dict[int, list[Piece]]
    claims: dict[str, list[Near]]  # by kind: each claim and the mentions it may belong to
    counts: Counts
    leads: Sequence[Lead]


def prepare(shard: int, mentions: list[Mention], leads: Sequence[Lead], claims: Iterable[Claim]) -> Prepared:
    """A shard's mentions by year, its claims by kind, its counts. Its documents lie in no other shard."""
    spans: dict[str, list[tuple[int, int, Seq]]] = defaultdict(list)
    for i, m in enumerate(mentions):
        spans[m.source].append((m.offset, m.offset + len(m.quote), (shard, i)))
    near: dict[Claim, tuple[Seq, ...]] = {}
    own: set[Claim] = set()
    for claim in claims:  # the mentions of the claim's own sentence, else of the sentence just before it
        end = claim.offset + len(claim.quote)
        around = [(a, b, s) for a, b, s in spans.get(claim.source, ()) if a < end and claim.offset < b + FOLLOWS]
        mine = tuple(s for a, b, s in around if claim.offset < b)
        near[claim] = mine or tuple(s for _, _, s in around)
        if mine:
            own.add(claim)
    wanted = {s for seqs in near.values() for s in seqs}
    years: dict[int, list[Piece]] = defaultdict(list)
    for i, m in enumerate(mentions):
        years[mention_year(m)].append(((shard, i), m, (shard, i) in wanted))
    kinds = {kind: [(c, near[c], c in own) for c in members] for kind, members in by_kind(near)}
    return Prepared(dict(years), kinds, count(mentions, leads), leads)


@dataclass
class YearGroups:
    """A year's groups, in the corpus's order of creation, with their mentions' places."""

    year: int
    groups: list[Group]
    keys: list[tuple[Any, ...]]  # each group's first mention's place in the corpus's order (finest_first, Seq)
    seqs: list[list[Seq]]  # of each group's mentions
    wanted: set[Seq] = field(default_factory=set)


def merge_year(year: int, stats: Statistics, *parts: list[Piece]) -> YearGroups:
    """The year's mentions (parts in shard order) grouped and paraphrases folded."""
    pieces = [piece for part in parts for piece in part]
    place = {id(m): s for s, m, _ in pieces}
    groups = merge_mentions([m for _, m, _ in pieces], stats.common)
    seqs = [[place[id(m)] for m in g.mentions] for g in groups]
    keys = [(*finest_first(g.mentions[0]), s[0]) for g, s in zip(groups, seqs)]
    return YearGroups(year, groups, keys, seqs, {s for s, _, wanted in pieces if wanted})


Block = dict[int, YearGroups]  # a partition: the groups of some consecutive years, by year


def blocks_of(sizes: Mapping[int, int], most: int) -> list[list[int]]:
    """Consecutive years packed into partitions of at most `most` mentions, as few as can be in one
    pass: a year is never split, so a year of more mentions is a partition alone (the largest
    partition is the larger of `most` and the largest year, not their sum). `sizes`: the mentions of
    each year."""
    out: list[list[int]] = []
    held = 0
    for year in sorted(sizes):
        if not out or held + sizes[year] > most:
            out.append([])
            held = 0
        out[-1].append(year)
        held += sizes[year]
    return out


def merge_block(stats: Statistics, *parts: dict[int, list[Piece]]) -> Block:
    """Each year of a partition merged on its own (merge_year); `parts`: the shards' mentions of its years."""
    years = sorted(set().union(*parts))
    return {y: merge_year(y, stats, *(part[y] for part in parts if y in part)) for y in years}


def block_name_counts(block: Block) -> Counter[str]:
    """How many of a partition's disputable groups hold each name (rivals.name_counts)."""
    return add_names(*(name_counts(merged.groups) for merged in block.values()))


def block_name_entries(block: Block) -> list[tuple[str, str, int, Ref]]:
    """(name, precision, first day, group) of a partition's disputable groups (rivals.name_entries)."""
    return name_entries(((m.year, i), g) for m in block.values() for i, g in enumerate(m.groups))


def links(counts: Mapping[str, int], *entries: list[tuple[str, str, int, Ref]]) -> list[tuple[Ref, Ref]]:
    """Groups near each other among the entries of partitions that hold a window of years (window)."""
    return near_links((e for part in entries for e in part), counts)


def components(pairs: Iterable[tuple[Ref, Ref]]) -> list[list[Ref]]:
    """The connected sets of two groups or more, each in order, in order of their first group."""
    parent: dict[Ref, Ref] = {}

    def root(x: Ref) -> Ref:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    sets: dict[Ref, list[Ref]] = defaultdict(list)
    for x in sorted(parent):
        sets[root(x)].append(x)
    return sorted(sets.values())


@dataclass
class Folded:
    """What folding some connected sets decided: the groups absorbed, and the rivals of the others."""

    absorbed: set[Ref] = field(default_factory=set)
    rivals: dict[Ref, list[Piece]] = field(default_factory=dict)


Member = tuple[Group, tuple[Any, ...], list[Seq], set[Seq]]  # a group, its key, its mentions' places, those next to figures


def members(block: Block, refs: set[Ref]) -> dict[Ref, Member]:
    """What folding needs of the groups of a partition that `refs` name (a cluster keeps only these of
    each partition it unpacks)."""
    return {(y, i): (block[y].groups[i], block[y].keys[i], block[y].seqs[i], set(block[y].seqs[i]) & block[y].wanted)
            for y, i in refs if y in block}


def fold(stats: Statistics, counts: Mapping[str, int], sets: list[list[Ref]], *blocks: Block) -> Folded:
    """Each connected set folded alone (rivals.fold_rivals), its groups in the corpus's order; `blocks`:
    the partitions holding its groups."""
    named = {ref for refs in sets for ref in refs}
    return fold_members(stats, counts, sets, {ref: m for block in blocks for ref, m in members(block, named).items()})


def fold_members(stats: Statistics, counts: Mapping[str, int], sets: list[list[Ref]], found: Mapping[Ref, Member]) -> Folded:
    """`fold`, from the members of the connected sets."""
    out = Folded()
    for refs in sets:
        refs = sorted(refs, key=lambda r: found[r][1])
        copies = [dataclasses.replace(found[r][0], rivals=[]) for r in refs]
        place = {id(m): (s, s in found[r][3]) for r in refs for m, s in zip(found[r][0].mentions, found[r][2])}
        kept = {id(g) for g in fold_rivals(copies, stats.crowded, counts)}
        for ref, group in zip(refs, copies):
            if id(group) not in kept:
                out.absorbed.add(ref)
            elif group.rivals:
                out.rivals[ref] = [(place[id(m)][0], m, place[id(m)][1]) for m in group.rivals]
    return out


@dataclass
class Joined:
    """The connected sets of groups found up to a partition: those no later link can reach (closed),
    and those holding a group of a later partition (carried to the next partition's join)."""

    closed: list[list[Ref]]
    carried: list[list[Ref]]


def join(before: Joined | None, pairs: Iterable[tuple[Ref, Ref]], years: Sequence[int]) -> Joined:
    """The sets carried from the partitions before (`before`) joined by this partition's links: the
    `pairs` (found over its window, `links`) whose first group lies in its `years`. Every link's first
    group lies in one partition, and its second in that one or a later one, so that a set whose groups
    all lie in this partition or before is closed: partition after partition, the same sets as
    `components` of every link at once."""
    mine = set(years)
    own = [(a, b) for a, b in pairs if min(a, b)[0] in mine]
    carried = [(a, b) for refs in (before.carried if before else []) for a, b in zip(refs, refs[1:])]
    sets = components(carried + own)  # each set in order: its last group lies in its last year
    last = max(years, default=0)
    return Joined([s for s in sets if s[-1][0] <= last], [s for s in sets if s[-1][0] > last])


@dataclass
class Ranked:
    """A year's events in the order of importance, and who holds the mentions next to figures."""

    events: list[Event]  # (order, id to make unique, record)
    holders: dict[Seq, Order]


def rank_block(block: Block, stats: Statistics, *folds: Folded) -> Ranked:
    """A partition's events (its groups after the date disputes), scored, in the order of importance."""
    absorbed = set().union(*(f.absorbed for f in folds))
    rivals = {ref: found for f in folds for ref, found in f.rivals.items() if ref[0] in block}
    central = stats.centrality()
    ranked = Ranked([], {})
    for merged in block.values():
        _rank_year(merged, central, absorbed, rivals, ranked)
    ranked.events.sort(key=lambda e: e[0])
    return ranked


def _rank_year(merged: YearGroups, central: Centrality, absorbed: set[Ref], rivals: dict[Ref, list[Piece]], out: Ranked) -> None:
    """A year's events scored (date references and what is said about each date are the year's: a date
    lies in its first year)."""
    mentions = [m for g in merged.groups for m in g.mentions]
    refs = date_references(mentions)
    scores = DateCentrality(mentions, central)
    events, holders = out.events, out.holders
    for i, (group, seqs) in enumerate(zip(merged.groups, merged.seqs)):
        if (merged.year, i) in absorbed:
            continue
        taken = rivals.get((merged.year, i), [])
        group = dataclasses.replace(group, rivals=[m for _, m, _ in taken])
        central_first = min(group.mentions, key=lambda m: (m.date != group.date, -central.score(m), m.source, m.offset))
        value = importance(group, refs, central.score(central_first), central_first)
        # cited best first: the report of its date that says most what the others say (rank.DateCentrality)
        ordered = sorted(group.mentions, key=lambda m: (m.date != group.date, -scores.score(m), m.source, m.offset))
        order = (-value, group.date, central_first.source, central_first.offset, merged.keys[i])
        events.append((order, *record_of(group, ordered, value)))
        holders.update((s, order) for s in seqs if s in merged.wanted)
        holders.update((s, order) for s, _, wanted in taken if wanted)


def wanted_holders(ranked: Ranked) -> dict[Seq, Order]:
    """Runs where the ranked partition is: the part the figure tasks need."""
    return ranked.holders


def kind_figures(kind: str, holders: list[dict[Seq, Order]], *parts: list[Near]) -> list[tuple[Order, dict[str, Any]]]:
    """The figure disputes of one kind, each with the event that holds it: the first in importance that
    cites a claim's own sentence, else the first that cites the sentence just before a claim."""
    known: dict[Seq, Order] = {}
    for part in holders:
        known.update(part)
    near = {claim: (seqs, own) for part in parts for claim, seqs, own in part}

    def holder(claim: Claim) -> tuple[bool, Order] | None:
        seqs, own = near[claim]
        found = min((known[s] for s in seqs if s in known), default=None)
        return None if found is None else (not own, found)

    return [(held[1], dispute) for held, dispute in kind_disputes(kind, near, holder)]


def run(shards: list[Prepared], top: int | None) -> list[dict[str, Any]]:
    """Every stage in this process, with one partition of every year (a cluster runs them as tasks)."""
    stats = statistics(add_counts(*(s.counts for s in shards)))
    stats = with_centroid(stats, add_centroids(*(centroid_of(s.leads, stats) for s in shards)))
    block = merge_block(stats, *(s.years for s in shards))  # one partition: every year, one after the other
    counts = block_name_counts(block)
    sets = join(None, links(counts, block_name_entries(block)), sorted(block)).closed
    ranked = [rank_block(block, stats, fold(stats, counts, sets, block))]
    holders = [r.holders for r in ranked]
    kinds = sorted({k for s in shards for k in s.claims})
    figures = [kind_figures(k, holders, *(s.claims[k] for s in shards if k in s.claims)) for k in kinds]
    return list(assemble([r.events for r in ranked], figures, top))


def add_names(*parts: Counter[str]) -> Counter[str]:
    """The sum of name counts."""
    out: Counter[str] = Counter()
    for part in parts:
        out.update(part)
    return out


def window(blocks: list[list[int]], index: int) -> list[int]:
    """The partitions whose groups may dispute a date of partition `index` or of a later one (links):
    those holding its years and the WINDOW_YEARS after them."""
    last = blocks[index][-1] + WINDOW_YEARS
    return [j for j in range(index, len(blocks)) if blocks[j][0] <= last]


def spanned(sets: list[list[Ref]], block_of: Mapping[int, int]) -> list[int]:
    """The partitions whose groups some of the connected sets hold."""
    return sorted({block_of[y] for refs in sets for y, _ in refs})
