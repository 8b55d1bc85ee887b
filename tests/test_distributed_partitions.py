"""The cluster's plan of the cross-document stage (crossdoc.cross_document: tasks per shard, per
partition of years, per window of date disputes, per kind of figure) gives one process's records,
whatever the partitions: checked on random corpora with a client that runs each task at once."""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_extract_partitions import LEADS, corpora
from timeline.distributed import crossdoc
from timeline.distributed.mapstage import ShardResult, unpack
from timeline.extract.candidates import Mention
from timeline.extract.events import build_records


class Done:
    """A task's result, as a future that is already done."""

    def __init__(self, value: Any, name: str = "") -> None:
        self.value, self.name = value, name


def resolved(arg: Any) -> Any:
    if isinstance(arg, Done):
        return arg.value
    if isinstance(arg, list):
        return [resolved(a) for a in arg]
    return arg


class Client:
    """Runs each submitted task at once (futures in arguments, lists of them too, become their results)."""

    def __init__(self) -> None:
        self.tasks: list[str] = []
        self.fetched = 0  # records of the output gathered so far

    def submit(self, func: Any, *args: Any, pure: bool = True) -> Done:
        self.tasks.append(func.__name__)
        return Done(func(*(resolved(a) for a in args)), func.__name__)

    def gather(self, futures: list[Done]) -> list[Any]:
        self.fetched += sum(len(unpack(f.value)) for f in futures if f.name == "chunk")
        return [f.value for f in futures]


def shard_results(found: list[Mention], leads: list[set[str]], cuts: list[int]) -> list[Done]:
    """The map stage's results (packed): documents doc0..doc5 (their mentions, lead words, no figures), in shards cut at `cuts`."""
    bounds = [0, *cuts, 6]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        results = [([m for m in found if m.source == f"doc{d}"], leads[d], []) for d in range(a, b)]
        out.append(Done(ShardResult(f"part-{a}", results=results).packed()))
    return out


@settings(max_examples=60, deadline=None)
@given(corpora(), st.lists(st.sets(st.sampled_from(LEADS), max_size=6), min_size=6, max_size=6),
       st.sets(st.integers(1, 5), max_size=4), st.sampled_from([1, 3, 10_000]), st.sampled_from([None, 2]))
def test_the_tasks_give_one_process_records_whatever_the_partitions(found: list[Mention], leads: list[set[str]], cuts: set[int],
                                                                    partition: int, top: int | None) -> None:
    found = sorted(found, key=lambda m: int(m.source[3:]))  # one process reads the documents in order
    one = build_records(found, leads, top)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(crossdoc, "PARTITION_MENTIONS", partition)
        client = Client()
        many = list(crossdoc.cross_document(client, shard_results(found, leads, sorted(cuts)), {}, top))
    assert many == one
    if partition == 1 and len({m.date[:4] for m in found}) > 1:
        assert client.tasks.count("merge") > 1


@settings(max_examples=15, deadline=None)
@given(corpora(), st.lists(st.sets(st.sampled_from(LEADS), max_size=6), min_size=6, max_size=6))
def test_the_client_holds_a_chunk_or_two_of_the_output_at_a_time(found: list[Mention], leads: list[set[str]]) -> None:
    """The output comes CHUNK records at a time, and a partition (a year here) is fetched only when its
    first record is due: what the client has gathered and not yet handed on is at most two chunks, however
    many partitions there are."""
    found = sorted(found, key=lambda m: int(m.source[3:]))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(crossdoc, "PARTITION_MENTIONS", 1)
        patch.setattr(crossdoc, "CHUNK", 2)
        client = Client()
        records = crossdoc.cross_document(client, shard_results(found, leads, [2, 4]), {}, None)
        assert client.fetched == 0  # nothing is fetched before it is read
        taken = []
        for record in records:
            taken.append(record)
            assert client.fetched <= len(taken) + 2 * 2
    assert taken == build_records(found, leads) and len(records) == len(taken)
    assert client.tasks.count("chunk") >= len(taken) / 2
