"""Groups of mentions that report one happening, and the tests of dates and wording they are built with.

A date is compared as its first and last day (day_bounds); two dates are compatible when they are
equal or one lies within the other ('May 2015' and '9 May 2015'). Two word lists are similar when they
share at least MIN_SHARED content words with an overlap coefficient |A & B| / min(|A|, |B|) of at least
SAME_OVERLAP.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from timeline import dates
from timeline.dates import parse_single
from timeline.extract.candidates import Mention

MIN_SHARED = 3
SAME_OVERLAP = 0.5
COMPARED = 3  # a mention is compared with a group's first mentions


@dataclass(slots=True)
class Group:
    """Mentions of one happening. `date` is the finest date they agree on; `rivals` hold mentions of the
    same happening that give another date."""

    date: str
    mentions: list[Mention] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    rivals: list[Mention] = field(default_factory=list)
    word_sets: list[frozenset[str]] = field(default_factory=list)  # of the first mentions, for comparing
    echoes: set[str] = field(default_factory=set)  # documents that mention it again with a coarser date
    echo_mentions: list[Mention] = field(default_factory=list)  # those mentions, in other documents: cited too

    def echo(self, other: Group, restates: Callable[[Mention, Group], bool]) -> None:
        """Count `other`, a coarser report of the same happening, as corroboration: its documents; and
        its mentions that `restates` accepts, in documents that do not already report it, as citations."""
        self.echoes.update(other.sources)
        cited = {(m.source, m.offset) for m in self.mentions + self.echo_mentions}
        mine = self.sources
        self.echo_mentions.extend(m for m in other.mentions
                                  if m.source not in mine and (m.source, m.offset) not in cited and restates(m, self))

    def kinds(self) -> frozenset[str]:
        """Kinds of happening its mentions name."""
        return frozenset().union(*(m.kinds for m in self.mentions))

    def add(self, mention: Mention, words: frozenset[str]) -> None:
        """Take a mention that agrees with the group's date."""
        self.mentions.append(mention)
        if len(self.word_sets) < COMPARED:
            self.word_sets.append(words)
        self.words.update(words)
        self.names.update(mention.names)

    @property
    def sources(self) -> set[str]:
        """Documents that report it (rivals included)."""
        return {m.source for m in self.mentions + self.rivals}


def overlap(a: AbstractSet[str] | Sequence[str], b: AbstractSet[str] | Sequence[str]) -> tuple[int, float]:
    """(shared words, overlap coefficient) of two word collections."""
    sa = a if isinstance(a, AbstractSet) else set(a)
    sb = b if isinstance(b, AbstractSet) else set(b)
    if not sa or not sb:
        return 0, 0.0
    shared = len(sa & sb)
    return shared, shared / min(len(sa), len(sb))


def compatible(a: str, b: str) -> bool:
    """True when two EDTF dates may name the same day: equal, or one lies within the other. A span
    ('2013/2018') is a happening that lasted, compatible only with the same span: a date inside it is
    another happening, not a report of this one."""
    if a == b:
        return True
    if "/" in a or "/" in b:
        return False
    x, y = _bounds(a), _bounds(b)
    if not (x and y and x.lower and x.upper and y.lower and y.upper):
        return False
    return (x.lower <= y.lower and y.upper <= x.upper) or (y.lower <= x.lower and x.upper <= y.upper)


def _bounds(value: str) -> dates.Edtf | None:
    """The parsed date (fast path for single dates), or None when it is not valid EDTF."""
    try:
        return parse_single(value)
    except ValueError:
        try:
            return dates.parse(value)
        except ValueError:
            return None


def similar(a_words: Sequence[str], b_words: Sequence[str], threshold: float = SAME_OVERLAP) -> bool:
    """True when two word lists share enough content to be the same report."""
    shared, coefficient = overlap(a_words, b_words)
    return shared >= MIN_SHARED and coefficient >= threshold


Bounds = tuple[int, int, int]
OPEN_DAYS = 1 << 20
OPEN: Bounds = (1, 0, OPEN_DAYS)  # a date with an open or unknown end


def nested(x: Bounds, y: Bounds, a: str, b: str) -> bool:
    """compatible(a, b) given their bounds: one lies within the other (an open date: only an equal one)."""
    if x[2] == OPEN_DAYS or y[2] == OPEN_DAYS:
        return a == b
    return (x[0] <= y[0] and y[1] <= x[1]) or (y[0] <= x[0] and x[1] <= y[1])


@lru_cache(maxsize=1 << 16)
def day_bounds(value: str) -> Bounds:
    """A single date as (first day, last day, days covered), as ordinals, for fast comparisons."""
    bounds = parse_single(value)
    if not (bounds.lower and bounds.upper):
        return OPEN
    lower, upper = bounds.lower.toordinal(), bounds.upper.toordinal()
    return lower, upper, upper - lower + 1


def coefficient(a: frozenset[str], b: frozenset[str]) -> float:
    """overlap()'s coefficient for two non-empty sets."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
