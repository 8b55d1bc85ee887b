"""The partitioned cross-document stage (timeline.extract.partitions) is the whole corpus's run: the
merge per year, the date disputes per connected set of near groups and the corpus statistics as sums
give what one pass over every candidate gives, whatever the split into shards."""
from __future__ import annotations

import pickle
import datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import corpus, partitions
from timeline.extract.candidates import Mention
from timeline.extract.events import build_records
from timeline.extract.groups import Group
from timeline.extract.merge import RARE_SHARE, form_groups, frequent, group_mentions, mention_frequencies
from timeline.extract.merge import merge_year as merge_mentions
from timeline.extract.rivals import YEAR_DISPUTE_WINDOW
from timeline.extract.words import action_kinds

WORDS = ["minister", "amnesty", "fighters", "border", "treaty", "signed", "parliament", "rebels", "capital", "troops",
         "harvest", "river", "bridge", "election", "court", "prison", "village", "market", "airport", "school"]
NAMES = ["rahmon", "khalimov", "dushanbe", "kabul"]
KIND_WORDS = ["signed the treaty", "arrested", "attacked", "declared an amnesty", "fled"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@st.composite
def dates(draw: st.DrawFn) -> tuple[str, str]:
    """(EDTF, the expression as written): a day, a month or a year, around a few year boundaries, from
    few enough dates that mentions often share one."""
    year = draw(st.integers(2008, 2014))
    month = draw(st.sampled_from([1, 6, 12]) | st.integers(1, 12))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    if precision == "year":
        return f"{year}", f"in {year}"
    if precision == "month":
        return f"{year}-{month:02d}", f"in {MONTHS[month - 1]} {year}"
    day = draw(st.sampled_from([1, 2, 28]) | st.integers(1, 28))
    return f"{year}-{month:02d}-{day:02d}", f"on {day} {MONTHS[month - 1]} {year}"


def written(date: str) -> str:
    """The expression of an EDTF day, month or year ('on 2 June 2010', 'in June 2010', 'in 2010')."""
    parts = [int(x) for x in date.split("-")]
    if len(parts) == 1:
        return f"in {parts[0]}"
    if len(parts) == 2:
        return f"in {MONTHS[parts[1] - 1]} {parts[0]}"
    return f"on {parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


def mention(index: int, source: str, publisher: str | None, date: str, words: tuple[str, ...], names: tuple[str, ...], kind: str) -> Mention:
    expression = written(date)
    quote = f"{' '.join(n.title() for n in names)} {kind} {expression}, {' '.join(words)}."
    return Mention(source=source, publisher=publisher, published=date, offset=index * 100, quote=quote, date=date,
                   expression=expression, date_spans=((quote.index(expression), quote.index(expression) + len(expression)),),
                   position=0, words=words, names=names, kinds=action_kinds(quote))


@st.composite
def mentions(draw: st.DrawFn, index: int) -> Mention:
    date, _ = draw(dates())
    words = tuple(sorted(draw(st.sets(st.sampled_from(WORDS[:draw(st.sampled_from([10, 20]))]), min_size=2, max_size=7))))
    names = tuple(sorted(draw(st.sets(st.sampled_from(NAMES), min_size=1, max_size=2))))
    return mention(index, f"doc{draw(st.integers(0, 5))}", draw(st.sampled_from([None, "A", "B"])), date, words, names,
                   draw(st.sampled_from(KIND_WORDS)))


@st.composite
def retold(draw: st.DrawFn, told: Mention, index: int) -> Mention:
    """The same report in another document with another date of the same precision, within a dispute
    window (across a year boundary as often as not): a candidate for a date dispute."""
    parts = [int(x) for x in told.date.split("-")]
    if len(parts) == 1:
        date = str(parts[0] + draw(st.integers(1, 3)))
    elif len(parts) == 2:
        months = parts[0] * 12 + parts[1] - 1 + draw(st.integers(1, 6))
        date = f"{months // 12}-{months % 12 + 1:02d}"
    else:
        date = (datetime.date(*parts) + datetime.timedelta(days=draw(st.integers(1, 150)))).isoformat()
    kind = next((k for k in KIND_WORDS if k in told.quote), KIND_WORDS[0])
    words = told.words + tuple(draw(st.sets(st.sampled_from(WORDS), max_size=1)) - set(told.words))
    return mention(index, f"doc{draw(st.integers(0, 5))}", told.publisher, date, tuple(sorted(words)), told.names, kind)


@st.composite
def corpora(draw: st.DrawFn) -> list[Mention]:
    found = [draw(mentions(i)) for i in range(draw(st.integers(2, 30)))]
    for i in draw(st.lists(st.integers(0, len(found) - 1), max_size=4)):
        found.append(draw(retold(found[i], len(found))))
    return found


LEADS = ["dam", "ministry", "water", "farmers", "repairs", "capital", "protest", "engineers", "river", "harvest"]


def shape(groups: list[Group]) -> list[tuple[Any, ...]]:
    """What the merge decided: each group's date, mentions, rivals and echoes, in a stable order."""
    return sorted((g.date, [m.key for m in g.mentions], [m.key for m in g.rivals], sorted(g.echoes)) for g in groups)


def partitioned_groups(found: list[Mention]) -> list[Group]:
    """The groups after the merge and the date disputes with every year its own partition (the stages
    of crossdoc.cross_document with partitions of one year)."""
    shard = partitions.prepare(0, found, [], [])
    stats = corpus.statistics(shard.counts)
    blocks = partitions.blocks_of({y: len(pieces) for y, pieces in shard.years.items()}, 1)
    block_of = {y: j for j, years in enumerate(blocks) for y in years}
    merged = [partitions.merge_block(stats, {y: shard.years[y] for y in years}) for years in blocks]
    counts = partitions.add_names(*(partitions.block_name_counts(m) for m in merged))
    entries = [partitions.block_name_entries(m) for m in merged]
    joined = None
    folds = []
    for j, years in enumerate(blocks):  # the links joined into connected sets partition after partition
        joined = partitions.join(joined, partitions.links(counts, *(entries[k] for k in partitions.window(blocks, j))), years)
        folds.append(partitions.fold(stats, counts, joined.closed, *(merged[k] for k in partitions.spanned(joined.closed, block_of))))
    assert joined is None or not joined.carried  # every set is closed at the last partition
    absorbed = set().union(*(f.absorbed for f in folds))
    rivals = {ref: found for f in folds for ref, found in f.rivals.items()}
    return [Group(g.date, g.mentions, g.words, g.names, [m for _, m, _ in rivals.get((y, i), [])], g.word_sets, g.echoes)
            for block in merged for y, m in block.items() for i, g in enumerate(m.groups) if (y, i) not in absorbed]


@settings(max_examples=150, deadline=None)
@given(corpora())
def test_merging_year_by_year_and_disputes_set_by_set_is_the_global_merge(found: list[Mention]) -> None:
    assert shape(partitioned_groups(found)) == shape(group_mentions(found))


def test_the_random_corpora_do_cross_years_fold_paraphrases_and_dispute_dates() -> None:
    """The property above is not empty: its corpora hold several years, paraphrases folded (echoes or
    groups of mentions with other words) and date disputes across years."""
    seen = {"years": 0, "rivals across years": 0, "paraphrases": 0}

    @settings(max_examples=150, deadline=None)
    @given(corpora())
    def look(found: list[Mention]) -> None:
        groups = group_mentions(found)
        seen["years"] = max(seen["years"], len({m.date[:4] for m in found}))
        seen["rivals across years"] += sum(1 for g in groups if {m.date[:4] for m in g.rivals} - {g.date[:4]})
        common = frequent(mention_frequencies(found), len(found), RARE_SHARE)
        folded = len(form_groups(found)) - len(merge_mentions(found, common))
        seen["paraphrases"] += folded + sum(1 for g in groups if g.echoes)

    look()
    assert seen["years"] >= 3 and seen["rivals across years"] > 0 and seen["paraphrases"] > 0


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


def test_rival_dates_across_a_year_boundary_are_folded_across_the_partitions() -> None:
    text = "the Interior Ministry of Tajikistan announced an amnesty for fighters returning from Syria"
    a = Mention("a", None, None, 0, f"On 30 December 2014 {text}.", "2014-12-30", "30 December 2014", ((3, 19),), 0,
                tuple(text.lower().split()), ("tajikistan",))
    b = Mention("b", None, None, 0, f"On 4 January 2015 {text}.", "2015-01-04", "4 January 2015", ((3, 17),), 0,
                tuple(text.lower().split()), ("tajikistan",))
    groups = partitioned_groups([a, b])
    assert len(groups) == 1 and groups[0].rivals  # one event, its date disputed: the fold crossed the year
    assert shape(groups) == shape(group_mentions([a, b]))


def test_the_dispute_window_holds_every_year_a_rival_date_may_lie_in() -> None:
    blocks = [[y] for y in range(2000, 2030)]
    assert [blocks[j][0] for j in partitions.window(blocks, 10)] == list(range(2010, 2011 + partitions.WINDOW_YEARS))
    assert 2011 + YEAR_DISPUTE_WINDOW in [blocks[j][0] for j in partitions.window(blocks, 11)]
    assert partitions.window([[2001, 2002], [2003], [2009, 2010]], 0) == [0, 1]


def test_partitions_are_whole_consecutive_years_of_at_most_so_many_mentions() -> None:
    assert partitions.blocks_of({2001: 5, 2003: 1, 2004: 1, 2005: 4, 2010: 1}, 5) == [[2001], [2003, 2004], [2005, 2010]]
    assert partitions.blocks_of({2001: 2, 2002: 9, 2003: 2, 2004: 2}, 5) == [[2001], [2002], [2003, 2004]]  # a larger year alone
    assert partitions.blocks_of({2001: 1, 2002: 1}, 1) == [[2001], [2002]]
    assert partitions.blocks_of({}, 5) == []


@given(st.dictionaries(st.integers(1990, 2030), st.integers(1, 50), max_size=30), st.integers(1, 80))
def test_no_partition_holds_more_than_the_most_or_one_larger_year(sizes: dict[int, int], most: int) -> None:
    """A partition is bounded by the larger of `most` and its largest year, never by their sum (the
    largest partition was the largest year plus nearly `most` when a partition held at least `most`)."""
    blocks = partitions.blocks_of(sizes, most)
    assert [y for years in blocks for y in years] == sorted(sizes)
    for years, after in zip(blocks, blocks[1:] + [[]]):
        held = sum(sizes[y] for y in years)
        assert held <= most or len(years) == 1
        if after:  # as few partitions as packing in one pass gives: the next year did not fit
            assert held + sizes[after[0]] > most


def test_each_year_is_its_own_partition() -> None:
    a = Mention("a", None, None, 0, "The dam closed on 9 May 2015.", "2015-05-09", "9 May 2015", ((18, 28),), 0, ("dam", "closed"), ())
    b = Mention("b", None, None, 0, "The dam reopened on 2 March 2016.", "2016-03-02", "2 March 2016", ((20, 32),), 0, ("dam", "reopened"), ())
    shard = partitions.prepare(0, [a, b], [set(), set()], [])
    assert {y: [m.source for _, m, _ in pieces] for y, pieces in shard.years.items()} == {2015: ["a"], 2016: ["b"]}



@st.composite
def linked(draw: st.DrawFn) -> tuple[list[tuple[partitions.Ref, partitions.Ref]], list[list[int]]]:
    """Links between groups of years 0-11, each no more than 3 years apart, and the years cut into partitions."""
    refs = st.tuples(st.integers(0, 11), st.integers(0, 4))
    pairs = [(a, b) for a, b in draw(st.lists(st.tuples(refs, refs), max_size=30)) if abs(a[0] - b[0]) <= 3 and a != b]
    cuts = sorted(draw(st.sets(st.integers(1, 11), max_size=6)))
    return pairs, [list(range(a, b)) for a, b in zip([0, *cuts], [*cuts, 12])]


@settings(max_examples=200, deadline=None)
@given(linked())
def test_joining_links_partition_after_partition_gives_the_connected_sets_of_every_link(case: Any) -> None:
    """Each step sees every link (as a window's links hold other partitions' too) and keeps its own;
    what it carries to the next step is only the sets that reach past its partition."""
    pairs, blocks = case
    joined, closed = None, []
    for years in blocks:
        joined = partitions.join(joined, pairs[::-1], years)
        closed += joined.closed
        assert all(s[-1][0] > years[-1] for s in joined.carried)
    assert joined is not None and not joined.carried
    assert sorted(closed) == partitions.components(pairs)


def test_a_set_spanning_partitions_is_carried_until_its_last_group() -> None:
    blocks = [[2001], [2002], [2003]]
    pairs = [((2001, 0), (2002, 1)), ((2002, 1), (2003, 0)), ((2002, 2), (2002, 3))]
    first = partitions.join(None, pairs, blocks[0])
    assert (first.closed, first.carried) == ([], [[(2001, 0), (2002, 1)]])
    second = partitions.join(first, pairs, blocks[1])
    assert (second.closed, second.carried) == ([[(2002, 2), (2002, 3)]], [[(2001, 0), (2002, 1), (2003, 0)]])
    assert partitions.join(second, pairs, blocks[2]).closed == [[(2001, 0), (2002, 1), (2003, 0)]]
