"""The output stage (timeline.extract.assemble) gives from partitions what one partition of every event
gives: the `top` cutoff, ids unique in the order of importance, the chronological order, merged without
reading a partition before its first record is due."""
from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import assemble, records


def _events(*events: tuple[float, str, str]) -> list[assemble.Event]:
    """A partition's ranked events (importance, date, title), in the order of importance, as rank_block gives them."""
    made = [((-value, date, title), records.slug(date, title), {"id": "", "date": date, "title": title, "importance": value, "disputes": []})
            for value, date, title in events]
    return sorted(made, key=lambda e: e[0])


def test_ids_of_a_stem_that_several_partitions_hold_are_unique_in_the_order_of_importance() -> None:
    """An id is renamed only within its stem (its date's first part, the first year, so a stem normally
    lies in one partition, but assemble does not rely on it): a stem found in two partitions gets the
    ids that one partition of every event gives, for any `top`."""
    first = _events((3.0, "2010", "Dam closed"), (1.0, "2010", "Dam closed"), (0.5, "2011", "Dam reopened"))
    second = _events((2.0, "2010-05", "Dam closed"), (2.5, "2010", "Dam closed"))
    one = sorted(first + second, key=lambda e: e[0])
    for top in (None, 0, 2, 4, 9):
        split = list(assemble.assemble([first, second], [], top))
        assert split == list(assemble.assemble([one], [], top))
        assert len({r["id"] for r in split}) == len(split) == min(5, 5 if top is None else top)
    ids = [r["id"] for r in sorted(assemble.assemble([first, second], [], None), key=lambda r: -r["importance"])]
    assert ids == ["2010-dam-closed", "2010-dam-closed-2", "2010-05-dam-closed", "2010-dam-closed-3", "2011-dam-reopened"]


class Reads:
    """A partition's records that count how many have been read."""

    def __init__(self, keyed: list[assemble.Keyed], log: list[int]) -> None:
        self.keyed, self.log = keyed, log

    def __iter__(self) -> Any:
        for item in self.keyed:
            self.log.append(1)
            yield item


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 60), unique=True), max_size=6))
def test_partitions_merge_into_one_order_each_read_only_when_due(parts: list[list[int]]) -> None:
    """Partitions whose keys interleave merge as a sort of all keys would; partitions that do not
    (years) are read one after the other: never more than one record of a later partition ahead."""
    keyed = [sorted(((k, p), {"key": (k, p)}) for k in part) for p, part in enumerate(parts)]
    log: list[int] = []
    merged = []
    for record in assemble.in_order(((ks[0][0] if ks else None), Reads(ks, log)) for ks in keyed):
        merged.append(record["key"])
        assert len(log) <= len(merged) + len(parts)
    assert merged == sorted(key for ks in keyed for key, _ in ks)
    disjoint = [[(k, p) for k in range(10 * p, 10 * p + 5)] for p in range(4)][::-1]  # the later years first
    log.clear()
    for n, _ in enumerate(assemble.in_order((ks[0], Reads([(k, {}) for k in ks], log)) for ks in disjoint), 1):
        assert len(log) <= n + 1
