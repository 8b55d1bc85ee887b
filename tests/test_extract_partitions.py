"""The partitioned cross-document stage (timeline.extract.partitions) is the whole corpus's run: the
merge per year, the date disputes per connected set of near groups and the corpus statistics as sums
give what one pass over every candidate gives, whatever the split into shards."""
from __future__ import annotations

import pickle
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from test_distributed_blocking import corpora
from timeline.extract import corpus, partitions
from timeline.extract.candidates import Mention
from timeline.extract.events import build_records
from timeline.extract.groups import Group
from timeline.extract.merge import group_mentions

LEADS = ["dam", "ministry", "water", "farmers", "repairs", "capital", "protest", "engineers", "river", "harvest"]


def shape(groups: list[Group]) -> list[tuple[Any, ...]]:
    """What the merge decided: each group's date, mentions, rivals and echoes, in a stable order."""
    return sorted((g.date, [m.key for m in g.mentions], [m.key for m in g.rivals], sorted(g.echoes)) for g in groups)


def partitioned_groups(found: list[Mention]) -> list[Group]:
    """The groups after the per-year merge and the per-set date disputes (the stages of partitions.run)."""
    shard = partitions.prepare(0, found, [], [])
    stats = corpus.statistics(shard.counts)
    merged = {y: partitions.merge_year(y, stats, shard.years[y]) for y in sorted(shard.years)}
    counts = partitions.add_names(*(partitions.year_name_counts(m) for m in merged.values()))
    entries = {y: partitions.year_name_entries(m) for y, m in merged.items()}
    pairs = [p for y in merged for p in partitions.links(counts, *(entries[x] for x in partitions.window(y, entries)))]
    folds = [partitions.fold(stats, counts, sets, *(merged[y] for y in partitions.spanned(sets)))
             for sets in partitions.by_window(partitions.components(pairs)).values()]
    absorbed = set().union(*(f.absorbed for f in folds))
    rivals = {ref: found for f in folds for ref, found in f.rivals.items()}
    return [Group(g.date, g.mentions, g.words, g.names, [m for _, m, _ in rivals.get((y, i), [])], g.word_sets, g.echoes)
            for y, m in merged.items() for i, g in enumerate(m.groups) if (y, i) not in absorbed]


@settings(max_examples=150, deadline=None)
@given(corpora())
def test_merging_year_by_year_and_disputes_set_by_set_is_the_global_merge(found: list[Mention]) -> None:
    assert shape(partitioned_groups(found)) == shape(group_mentions(found))


def test_the_random_corpora_do_cross_years_and_dispute_dates() -> None:
    """The property above is not empty: its corpora hold several years and folded date disputes."""
    seen = {"years": 0, "rivals": 0}

    @settings(max_examples=150, deadline=None)
    @given(corpora())
    def look(found: list[Mention]) -> None:
        seen["years"] = max(seen["years"], len({m.date[:4] for m in found}))
        seen["rivals"] += sum(1 for g in group_mentions(found) if g.rivals)

    look()
    assert seen["years"] >= 3 and seen["rivals"] > 0


@st.composite
def split_corpora(draw: st.DrawFn) -> tuple[list[Mention], list[set[str]], list[int]]:
    """Mentions (in document order), one lead per document, and cut points splitting them into shards."""
    found = sorted(draw(corpora()), key=lambda m: m.source)
    leads = [set(draw(st.sets(st.sampled_from(LEADS), max_size=6))) for _ in range(6)]
    docs = sorted({m.source for m in found})
    cuts = sorted(draw(st.sets(st.integers(1, 5), max_size=4)))
    return found, leads, [len([d for d in docs if int(d[3:]) < c]) for c in cuts]


def shards_of(found: list[Mention], leads: list[set[str]], cuts: list[int]) -> list[partitions.Prepared]:
    """The corpus as shards of whole documents (doc0..doc5, leads by document), cut at the document counts `cuts`."""
    docs = sorted({m.source for m in found} | {f"doc{i}" for i in range(6)})
    bounds = [0, *cuts, len(docs)]
    out = []
    for s, (a, b) in enumerate(zip(bounds, bounds[1:])):
        mine = set(docs[a:b])
        out.append(partitions.prepare(s, [m for m in found if m.source in mine], [leads[int(d[3:])] for d in docs[a:b]], []))
    return out


@settings(max_examples=80, deadline=None)
@given(split_corpora())
def test_corpus_statistics_are_the_same_whatever_the_split_into_shards(case: tuple[list[Mention], list[set[str]], list[int]]) -> None:
    found, leads, cuts = case
    whole, parts = shards_of(found, leads, []), shards_of(found, leads, cuts)

    def stats(shards: list[partitions.Prepared]) -> corpus.Statistics:
        counted = corpus.statistics(corpus.add_counts(*(s.counts for s in shards)))
        return corpus.with_centroid(counted, corpus.add_centroids(*(corpus.centroid_of(s.leads, counted) for s in shards)))

    assert pickle.dumps(stats(parts)) == pickle.dumps(stats(whole))  # exact, to the last bit of every float


@settings(max_examples=60, deadline=None)
@given(split_corpora(), st.sampled_from([None, 0, 3]))
def test_the_records_are_byte_identical_whatever_the_split_into_shards(case: tuple[list[Mention], list[set[str]], list[int]],
                                                                      top: int | None) -> None:
    found, leads, cuts = case
    one = partitions.run(shards_of(found, leads, []), top)
    assert partitions.run(shards_of(found, leads, cuts), top) == one
    assert build_records(found, [leads[i] for i in range(6)], top) == one


def test_each_year_is_its_own_partition() -> None:
    a = Mention("a", None, None, 0, "The dam closed on 9 May 2015.", "2015-05-09", "9 May 2015", ((18, 28),), 0, ("dam", "closed"), ())
    b = Mention("b", None, None, 0, "The dam reopened on 2 March 2016.", "2016-03-02", "2 March 2016", ((20, 32),), 0, ("dam", "reopened"), ())
    shard = partitions.prepare(0, [a, b], [set(), set()], [])
    assert {y: [m.source for _, m, _ in pieces] for y, pieces in shard.years.items()} == {2015: ["a"], 2016: ["b"]}
