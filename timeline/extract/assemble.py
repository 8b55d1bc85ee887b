"""The last stage of the cross-document stage: the partitions' ranked events become the output (the
`top` most important, with ids and figure disputes, in chronological order) without ever being all in
one place. One process runs it on its one partition, a cluster as tasks (timeline.distributed.crossdoc).

    last = cutoff(top, *(firsts(events, top) for each partition))      # the `top`-th order, from `top` per partition
    common = shared(*(stems(events, last) for each partition))         # id stems that several partitions hold
    ids = shared_ids(*(stem_entries(events, last, common) for each))   # their ids, in the order of importance
    finished = finish(events, last, ids, *figures)                     # per partition: ids, disputes, chronological
    records = in_order([(head of finished, finished) for each])        # merged, one record at a time

Ids: one process makes each event's id (records.slug: its date, then its title) unique in the order of
importance (timeline.ids.unique adds -2, -3 ...). `unique` never changes what an id begins with up to
its first '-' (its stem: the first year of its date), so ids of different stems never meet, and each
stem's ids are made unique alone: in its partition when no other partition holds it (the rule, since a
partition holds whole years), else from the few (order, id) pairs of that stem.
"""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice, takewhile
from typing import Any

from timeline import dates
from timeline.ids import unique

Order = tuple[Any, ...]  # an event's place in the order of importance (one process's sort key, then its group's)
Event = tuple[Order, str, dict[str, Any]]  # (order, id to make unique, record), as rank_block gives them
Figures = list[tuple[Order, dict[str, Any]]]  # figure disputes of one kind, each with the order of its event
Key = tuple[Any, ...]  # a record's place in the output's chronological order
Keyed = tuple[Key, dict[str, Any]]


def firsts(events: list[Event], top: int | None) -> list[Order]:
    """The orders of a partition's `top` most important events (all when None)."""
    return [order for order, _, _ in events[:top]]


def cutoff(top: int | None, *parts: list[Order]) -> Order | None:
    """The order of the corpus's `top`-th most important event (from each partition's `firsts`): the
    events up to it are kept; None keeps every event, () none (an empty tuple comes before every order)."""
    if top is None:
        return None
    if top <= 0:
        return ()
    last = list(islice(heapq.merge(*parts), top))
    return last[-1] if len(last) == top else None  # fewer events than `top`: every one is kept


def kept(events: list[Event], last: Order | None) -> list[Event]:
    """A partition's events that the cutoff keeps, in the order of importance."""
    return events if last is None else list(takewhile(lambda e: e[0] <= last, events))


def stem(ident: str) -> str:
    """What an id begins with, up to its first '-' (see the module's docstring)."""
    return ident.split("-", 1)[0]


def stems(events: list[Event], last: Order | None) -> set[str]:
    """The stems of a partition's kept events."""
    return {stem(ident) for _, ident, _ in kept(events, last)}


def shared(*parts: set[str]) -> set[str]:
    """The stems found in more than one partition."""
    seen: Counter[str] = Counter()
    for part in parts:
        seen.update(part)
    return {s for s, n in seen.items() if n > 1}


def stem_entries(events: list[Event], last: Order | None, common: set[str]) -> list[tuple[Order, str]]:
    """(order, id to make unique) of a partition's kept events whose stem other partitions hold too."""
    return [(order, ident) for order, ident, _ in kept(events, last) if stem(ident) in common]


def shared_ids(*parts: list[tuple[Order, str]]) -> dict[Order, str]:
    """The ids of the events of shared stems, made unique in the corpus's order of importance."""
    used: set[str] = set()
    out: dict[Order, str] = {}
    for order, ident in heapq.merge(*parts):
        out[order] = unique(ident, used)
        used.add(out[order])
    return out


def finish(events: list[Event], last: Order | None, ids: Mapping[Order, str], *figures: Figures) -> list[Keyed]:
    """A partition's kept events with their ids (unique in the order of importance, as one process gives
    them) and figure disputes (in the order of `figures`), in chronological order."""
    mine = kept(events, last)
    orders = {order for order, _, _ in mine}
    disputes: dict[Order, list[dict[str, Any]]] = defaultdict(list)
    for part in figures:
        for order, dispute in part:
            if order in orders:
                disputes[order].append(dispute)
    used: set[str] = set()
    out: list[Keyed] = []
    for order, ident, record in mine:
        name = ids[order] if order in ids else unique(ident, used)
        used.add(name)
        record = {**record, "id": name, "disputes": record["disputes"] + disputes.get(order, [])}
        out.append(((dates.parse(record["date"]).sort_key, -record["importance"], name), record))  # a span sorts by its start
    out.sort(key=lambda e: e[0])
    return out


def head(finished: list[Keyed]) -> tuple[int, Key | None]:
    """A finished partition's size and first key (what the merge needs to know before reading it)."""
    return len(finished), finished[0][0] if finished else None


def in_order(parts: Iterable[tuple[Key | None, Iterable[Keyed]]]) -> Iterator[dict[str, Any]]:
    """The finished partitions' records merged into one chronological order, one at a time. `parts`:
    each partition's first key (None when empty) and its records (a generator on a cluster, which fetches
    them as they are read); a partition is read only when its first record is due, so that partitions of
    later years wait unread (they hold later dates, as a rule)."""
    waiting = sorted(((key, i, records) for i, (key, records) in enumerate(parts) if key is not None), key=lambda w: w[:2])[::-1]
    heap: list[tuple[Key, int, dict[str, Any], Iterator[Keyed]]] = []
    while waiting or heap:
        while waiting and (not heap or waiting[-1][0] <= heap[0][0]):
            _, i, records = waiting.pop()
            _push(heap, i, iter(records))
        _, i, record, rest = heapq.heappop(heap)
        yield record
        _push(heap, i, rest)


def _push(heap: list[tuple[Key, int, dict[str, Any], Iterator[Keyed]]], i: int, records: Iterator[Keyed]) -> None:
    """The next record of partition i onto the merge's heap, if any."""
    for key, record in records:
        heapq.heappush(heap, (key, i, record, records))
        return


def assemble(events: list[list[Event]], figures: list[Figures], top: int | None) -> Iterator[dict[str, Any]]:
    """The partitions' ranked events (each list in the order of importance) as the output: the `top` most
    important, with ids and figure disputes, in chronological order (see the module's docstring)."""
    last = cutoff(top, *(firsts(e, top) for e in events))
    common = shared(*(stems(e, last) for e in events))
    ids = shared_ids(*(stem_entries(e, last, common) for e in events))
    finished = [finish(e, last, ids, *figures) for e in events]
    return in_order((head(f)[1], f) for f in finished)
