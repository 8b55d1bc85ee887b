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
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from timeline.dates import parse_single
from timeline.extract.groups import COMPARED, Bounds, Group, day_bounds, nested
from timeline.extract.words import kinds_by_name

DISPUTE_OVERLAP = 0.75
DISPUTE_SHARED = 5
DISPUTE_WINDOW_DAYS = 200
NAME_GROUPS = 200  # a name in more groups is too common to say who a happening is about
YEAR_DISPUTE_WINDOW = 3  # years apart that two year dates of one happening may be disputed


def fold_rivals(groups: list[Group], rare: frozenset[str] = frozenset()) -> list[Group]:
    """Fold a group into a group of the same happening (near-identical, or the same kind of happening
    with a shared name) that gives a different date."""
    facts = {gid: _Facts.of(g) for gid, g in enumerate(groups) if _may_dispute(g)}
    names = _NameIndex(groups, facts)
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
            if _is_rival(a, b, mine, theirs) or (a.names & b.names & rare and _same_kind_rival(a, b, rare, mine, theirs)):
                groups[gid].rivals.extend(groups[other].mentions)
                absorbed.add(other)
    return [g for i, g in enumerate(groups) if i not in absorbed]


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
    """Only a day, a month or a year written out ('9 May', 'June 1997', '1994') can be disputed."""
    return parse_single(group.date).precision in ("day", "month", "year") and _explicit(group.mentions[0].expression)


class _NameIndex:
    """The groups that may dispute a group's date: those sharing a name with it (a name in more than
    NAME_GROUPS groups is too common to say who a happening is about), of its precision, whose dates lie
    within the dispute window of its own."""

    def __init__(self, groups: list[Group], facts: dict[int, _Facts]) -> None:
        self.groups, self.facts = groups, facts
        self.counts: dict[str, int] = defaultdict(int)
        found: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for gid, fact in facts.items():
            for name in groups[gid].names:
                self.counts[name] += 1
                found[(name, fact.precision)].append((fact.lower, gid))
        self.lowers = {key: [low for low, _ in sorted(items)] for key, items in found.items()}
        self.ids = {key: [gid for _, gid in sorted(items)] for key, items in found.items()}

    def near(self, gid: int) -> set[int]:
        fact = self.facts[gid]
        window = YEAR_WINDOW_DAYS if fact.precision == "year" else DISPUTE_WINDOW_DAYS
        out: set[int] = set()
        for name in self.groups[gid].names:
            if self.counts[name] <= NAME_GROUPS:
                lowers = self.lowers[(name, fact.precision)]
                a, b = bisect_left(lowers, fact.lower - window), bisect_right(lowers, fact.lower + window)
                out.update(self.ids[(name, fact.precision)][a:b])
        return out


def _same_kind_rival(a: Group, b: Group, rare: frozenset[str], x: _Facts, y: _Facts) -> bool:
    """The same kind of happening about a shared distinctive name (written near each other), dates written out at the same precision (month or
    year) that cannot both hold, not all from one document."""
    if x.precision != y.precision or x.precision not in ("month", "year"):
        return False
    window = DISPUTE_WINDOW_DAYS if x.precision == "month" else YEAR_WINDOW_DAYS
    if not (x.explicit and y.explicit) or abs(x.lower - y.lower) > window or x.compatible(y):
        return False
    shared = a.names & b.names & rare
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
