"""The contract a partitioned cross-document stage rests on: which candidates the merge may put together.

`blocking_keys(mention)` gives the partitions (years) a candidate belongs to, such that two candidates
the merge (timeline.extract.merge.group_mentions and timeline.extract.rivals) can make one event share at least one key:

- mentions of one happening are grouped only when their dates are compatible and start in the same
  year, and paraphrases are folded only within a year;
- a date dispute joins two groups whose dates, of one precision, start at most
  max(DISPUTE_WINDOW_DAYS, 366 * YEAR_DISPUTE_WINDOW) days apart: an imprecise date (a year, a
  month) overlaps the partitions of the following years that a rival date may fall in.

So a candidate dated in year Y belongs to the partitions Y - SPAN ... Y, and two candidates at most
SPAN years apart meet in the partition of the earlier one. tests/test_distributed_blocking.py runs the
real merge on random candidates and checks that it never joins two candidates without a shared key:
when the merge changes, that test says whether this contract still holds.
"""
from __future__ import annotations

from timeline.dates import parse_single
from timeline.extract.candidates import Mention
from timeline.extract.rivals import DISPUTE_WINDOW_DAYS, YEAR_DISPUTE_WINDOW

SPAN = max(DISPUTE_WINDOW_DAYS, 366 * YEAR_DISPUTE_WINDOW) // 365 + 1  # years two rival dates may lie apart


def blocking_keys(mention: Mention) -> frozenset[int]:
    """The years whose partitions hold this candidate: its date's first year and the SPAN years before."""
    lower = parse_single(mention.date).lower
    year = lower.year if lower else 0
    return frozenset(range(year - SPAN, year + 1))
