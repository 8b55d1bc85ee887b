"""Document ids repeated across shards are renamed by tasks per bucket of ids exactly as one process
renames them (timeline.distributed.renames), whatever the number of buckets."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.distributed import renames
from timeline.errors import Problem
from timeline.ids import unique

IDS = ["a", "a-2", "a-2-2", "b", "b-1", "c-x", "c", "syn-1", "syn-10"]


def entries(shard: list[str]) -> list[renames.Entry]:
    return [(d, ident, f"part-{len(shard)}.jsonl", d + 1, 2 * d) for d, ident in enumerate(shard)]


def in_one_pass(shards: list[list[str]]) -> dict[tuple[int, int], str]:
    """The renames of one pass over every id in shard and document order (what the client did before)."""
    seen: set[str] = set()
    out = {}
    for s, shard in enumerate(shards):
        for d, ident in enumerate(shard):
            name = unique(ident, seen)
            seen.add(name)
            if name != ident:
                out[(s, d)] = name
    return out


def by_buckets(shards: list[list[str]], count: int, problems: list[list[Problem]]) -> dict[tuple[int, int], str]:
    parts = [renames.id_buckets(entries(shard), count) for shard in shards]
    return renames.warn([renames.renamed(*(part[b] for part in parts)) for b in range(count)], problems)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(IDS), max_size=6), max_size=5), st.integers(1, 7))
def test_any_number_of_buckets_renames_as_one_pass_does(shards: list[list[str]], count: int) -> None:
    """Ids as the shards hold them (repeated within a shard too); `-2` suffixes meet other ids of their stem only."""
    problems: list[list[Problem]] = [[] for _ in shards]
    assert by_buckets(shards, count, problems) == in_one_pass(shards)
    assert sum(len(p) for p in problems) == len(in_one_pass(shards))


def test_each_rename_is_warned_about_where_one_process_warns_about_it() -> None:
    found = [Problem("earlier", "part-0.jsonl", 1, warning=True), Problem("later", "part-0.jsonl", 3, warning=True)]
    problems: list[list[Problem]] = [[], found]
    assert by_buckets([["a", "b"], ["b", "x", "a"]], 3, problems) == {(1, 0): "b-2", (1, 2): "a-2"}
    # the warning of document 0 (mark 0) comes first; document 2's (mark 4) after the shard's two problems
    assert [p.message for p in problems[1]] == ["id 'b' is used twice; this one is called 'b-2'", "earlier", "later",
                                                 "id 'a' is used twice; this one is called 'a-2'"]
    assert (problems[1][0].line, problems[1][0].warning) == (1, True)


def test_ids_of_one_stem_share_a_bucket_and_buckets_grow_with_the_corpus() -> None:
    assert len({renames.bucket(i, 16) for i in ["a", "a-2", "a-2-2", "a-b"]}) == 1
    assert renames.buckets(0) == renames.buckets(renames.BUCKET_IDS) == 1 and renames.buckets(renames.BUCKET_IDS + 1) == 2
