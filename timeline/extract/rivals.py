"""Date disputes: a group of mentions folded into another group of the same happening that gives a
date that cannot also hold.

Near-identical reports in different documents giving two days or months (DISPUTE_SHARED words,
DISPUTE_OVERLAP) are one happening with a disputed date; so is the same kind of happening (an accord, a
ban...) about a shared distinctive name, written near the name, with dates written out at the same
precision (month or year: 'June 1997' / 'December 1996') within the dispute window.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from timeline.dates import parse_single
from timeline.extract.groups import COMPARED, Bounds, Group, day_bounds, nested
from timeline.extract.words import kinds_by_name

DISPUTE_OVERLAP = 0.75
DISPUTE_SHARED = 5
DISPUTE_WINDOW_DAYS = 200
NAME_GROUPS = 200  # a name in more groups is too common to say who a happening is about
YEAR_DISPUTE_WINDOW = 3  # years apart that two year dates of one happening may be disputed


def fold_rivals(groups: list[Group], crowded: frozenset[str] = frozenset(), counts: Mapping[str, int] | None = None) -> list[Group]:
    """Fold a group into a group of the same happening (near-identical, or the same kind of happening
    with a shared distinctive name: one not in `crowded`) that gives a different date.

    Groups are taken largest first; a group is compared only with the groups near it (_NameIndex.near,
    a symmetric relation), so a connected set of near groups folds the same alone as with the rest of
    the corpus (timeline.extract.partitions folds each set on its own). `counts`: how many disputable
    groups of the corpus hold each name (name_counts), when `groups` are not the whole corpus."""
    facts = disputable(groups)
    names = _NameIndex(groups, facts, counts)
    absorbed: set[int] = set()
    for gid in sorted(facts, key=lambda g: (-len(groups[g].mentions), g)):
        if gid in absorbed:
            continue
        mine, size = facts[gid], len(groups[gid].mentions)
        for other in sorted(names.near(gid)):
            if other in absorbed or other == gid or len(groups[other].mentions) > size:
                continue
            theirs = facts[other]
            if not mine.near_in_time(theirs):
                continue  # cheap test first: rivals have one precision and lie within a window
            a, b = groups[gid], groups[other]
            if _is_rival(a, b, mine, theirs) or ((a.names & b.names) - crowded and _same_kind_rival(a, b, crowded, mine, theirs)):
                groups[gid].rivals.extend(groups[other].mentions)
                absorbed.add(other)
    return [g for i, g in enumerate(groups) if i not in absorbed]


def disputable(groups: list[Group]) -> dict[int, _Facts]:
    """The facts of the groups whose date may be disputed, by index."""
    return {gid: _Facts.of(g) for gid, g in enumerate(groups) if _may_dispute(g)}


def name_counts(groups: Iterable[Group]) -> Counter[str]:
    """How many disputable groups hold each name (a sum over any split of the groups)."""
    counts: Counter[str] = Counter()
    for group in groups:
        if _may_dispute(group):
            counts.update(group.names)
    return counts


def near_links(entries: Iterable[tuple[str, str, int, Any]], counts: Mapping[str, int]) -> list[tuple[Any, Any]]:
    """Pairs of group keys joined by _NameIndex.near, enough to connect the same sets of groups.
    `entries`: (name, precision, first day, key) of disputable groups; `counts`: name_counts of the
    corpus. A name's groups of one precision, by first day, are near when within the window: linking
    each to the next within it connects the same sets."""
    by_name: dict[tuple[str, str], list[tuple[int, Any]]] = defaultdict(list)
    for name, precision, lower, key in entries:
        if counts.get(name, 0) <= NAME_GROUPS:
            by_name[(name, precision)].append((lower, key))
    links = []
    for (_, precision), items in by_name.items():
        window = YEAR_WINDOW_DAYS if precision == "year" else DISPUTE_WINDOW_DAYS
        items.sort()
        links += [(a, b) for (x, a), (y, b) in zip(items, items[1:]) if y - x <= window]
    return links


def name_entries(groups: Iterable[tuple[Any, Group]]) -> list[tuple[str, str, int, Any]]:
    """(name, precision, first day, key) of each disputable group of (key, group) pairs, per name."""
    out = []
    for key, group in groups:
        if _may_dispute(group):
            fact = _Facts.of(group)
            out += [(name, fact.precision, fact.lower, key) for name in group.names]
    return out


YEAR_WINDOW_DAYS = 366 * YEAR_DISPUTE_WINDOW


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the dispute tests ask of a group, computed once: its date's precision and days, whether its
    first mention writes the date out, and that mention's words."""

    precision: str
    date: str
    bounds: Bounds
    explicit: bool
    first_words: frozenset[str]

    @classmethod
    def of(cls, group: Group) -> _Facts:
        first = group.mentions[0]
        return cls(parse_single(group.date).precision, group.date, day_bounds(group.date), _explicit(first.expression), frozenset(first.words))

    @property
    def lower(self) -> int:
        """First day of the date, as an ordinal."""
        return self.bounds[0]

    def near_in_time(self, other: _Facts) -> bool:
        """Same precision and within the widest dispute window (each test then applies its own)."""
        window = YEAR_WINDOW_DAYS if self.precision == "year" else DISPUTE_WINDOW_DAYS
        return self.precision == other.precision and abs(self.lower - other.lower) <= window

    def compatible(self, other: _Facts) -> bool:
        """compatible() of the two dates, on days."""
        return nested(self.bounds, other.bounds, self.date, other.date)


def _may_dispute(group: Group) -> bool:
    """Only a day, a month or a year written out ('9 May', 'June 1997', '1994') can be disputed; not the
    start of a span ('between 2013 and 2018'), which says when a happening began, not when it happened."""
    first = group.mentions[0]
    return parse_single(group.date).precision in ("day", "month", "year") and _explicit(first.expression) and not first.until


class _NameIndex:
    """The groups that may dispute a group's date: those sharing a name with it (a name in more than
    NAME_GROUPS groups is too common to say who a happening is about), of its precision, whose dates lie
    within the dispute window of its own."""

    def __init__(self, groups: list[Group], facts: dict[int, _Facts], counts: Mapping[str, int] | None = None) -> None:
        self.groups, self.facts = groups, facts
        self.counts: Mapping[str, int] = name_counts(groups) if counts is None else counts
        found: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for gid, fact in facts.items():
            for name in groups[gid].names:
                found[(name, fact.precision)].append((fact.lower, gid))
        self.lowers = {key: [low for low, _ in sorted(items)] for key, items in found.items()}
        self.ids = {key: [gid for _, gid in sorted(items)] for key, items in found.items()}

    def near(self, gid: int) -> set[int]:
        fact = self.facts[gid]
        window = YEAR_WINDOW_DAYS if fact.precision == "year" else DISPUTE_WINDOW_DAYS
        out: set[int] = set()
        for name in self.groups[gid].names:
            if self.counts.get(name, 0) <= NAME_GROUPS:
                lowers = self.lowers[(name, fact.precision)]
                a, b = bisect_left(lowers, fact.lower - window), bisect_right(lowers, fact.lower + window)
                out.update(self.ids[(name, fact.precision)][a:b])
        return out


def _same_kind_rival(a: Group, b: Group, crowded: frozenset[str], x: _Facts, y: _Facts) -> bool:
    """The same kind of happening about a shared distinctive name (written near each other), dates written out at the same precision (month or
    year) that cannot both hold, not all from one document."""
    if x.precision != y.precision or x.precision not in ("month", "year"):
        return False
    window = DISPUTE_WINDOW_DAYS if x.precision == "month" else YEAR_WINDOW_DAYS
    if not (x.explicit and y.explicit) or abs(x.lower - y.lower) > window or x.compatible(y):
        return False
    shared = (a.names & b.names) - crowded
    return bool(shared) and len(a.sources | b.sources) >= 2 and bool(_about(a, shared) & _about(b, shared))


def _about(group: Group, names: AbstractSet[str]) -> frozenset[tuple[str, str]]:
    """(kind of happening, name) pairs its first mentions state together."""
    return frozenset().union(*(kinds_by_name(m.quote, names) for m in group.mentions[:COMPARED]))


def _is_rival(a: Group, b: Group, x: _Facts, y: _Facts) -> bool:
    """Near-identical reports in different documents giving two days (or months) that cannot both hold."""
    if x.precision != y.precision or x.precision not in ("day", "month"):
        return False
    if not (x.explicit and y.explicit):
        return False  # 'yesterday' or 'on Monday' in two reports: usually two days of a recurring story
    if abs(x.lower - y.lower) > DISPUTE_WINDOW_DAYS or x.compatible(y):
        return False
    shared = len(x.first_words & y.first_words)
    if shared < DISPUTE_SHARED or shared / min(len(x.first_words), len(y.first_words)) < DISPUTE_OVERLAP:
        return False
    return not a.sources & b.sources


_MONTH_OR_DIGIT = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)


def _explicit(expression: str) -> bool:
    """True for a date written out ('9 May', 'June 1997'), not a relative one ('yesterday', 'Monday')."""
    return bool(_MONTH_OR_DIGIT.search(expression))
