"""Across documents: mentions of the same happening become one group; conflicting dates become disputes.

Two mentions report the same happening when their dates are compatible (equal, or one lies inside
the other: "May 2015" and "9 May 2015") and their words overlap: at least MIN_SHARED content words
in common and an overlap coefficient |A & B| / min(|A|, |B|) of at least SAME_OVERLAP. Mentions with
incompatible dates (two different days) but near-identical wording in different documents
(DISPUTE_OVERLAP) are kept together as one group whose date is disputed.

Paraphrases meet on what happened rather than on wording: two groups with the same date that name the
same kind of happening (words.action_kinds: an accord, a ban, an arrest...) and share a distinctive
word (one found in few of the corpus's mentions, RARE_SHARE) and another content word become one; a
paraphrase with a coarser compatible date ('in 2015' of 'on 29 September 2015') keeps its own date
and event, and its documents count as echoes of the finer one (rank.py). The same kind of happening with a shared name but incompatible
dates written out at the same precision (month or year: 'June 1997' / 'December 1996') is a dispute.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from timeline import dates
from timeline.extract.candidates import Mention
from timeline.extract.words import kinds_by_name
from timeline.dates import parse_single

MIN_SHARED = 3
SAME_OVERLAP = 0.5
DISPUTE_OVERLAP = 0.75
DISPUTE_SHARED = 5
DISPUTE_WINDOW_DAYS = 200
MAX_POSTINGS = 150
COMPARED = 3  # a mention is compared with a group's first mentions
PRECISION_STEP = 31  # a mention joins a group at most one precision step finer: day < month < year
RARE_SHARE = 0.05  # a word in at most this share of the mentions (or in 3) is distinctive
NAME_SHARE = 0.1  # a name in at most this share of the mentions says who a dispute is about
NAME_GROUPS = 200
YEAR_DISPUTE_WINDOW = 3  # years apart that two year dates of one happening may be disputed


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
    """True when two EDTF dates may name the same day: equal, or one lies within the other."""
    if a == b:
        return True
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


def group_mentions(mentions: list[Mention]) -> list[Group]:
    """Greedy single pass, finest dates first, so that 'in May' joins the group of 'on May 9'.
    Candidate groups are found through an index of words by date (_WordIndex)."""
    groups: list[Group] = []
    index = _WordIndex()
    for mention in sorted(mentions, key=_finest_first):
        year = _year(mention.date)
        mine = frozenset(mention.words)
        words = sorted(mine)
        best = _best_group(mention, words, mine, groups, index.candidates(year, mention.date, words))
        if best is None:
            groups.append(Group(mention.date))
            best = len(groups) - 1
            index.add(year, _day_bounds(mention.date), best, words)
        else:
            index.add(year, _day_bounds(groups[best].date), best, [w for w in words if w not in groups[best].words])
        groups[best].add(mention, mine)
    rare, named = _distinctive(mentions, RARE_SHARE), _distinctive(mentions, NAME_SHARE)
    return _disputes(_merge_paraphrases(groups, rare), named)


class _WordIndex:
    """Groups by (date, word), for the groups a mention may join: those whose date lies within the
    mention's (groups come finest first, so a coarser one cannot exist yet) and is at most one precision
    step finer, sharing a word with it. A word in more than MAX_POSTINGS groups of a year, like the
    topic's own name, finds too many to compare and is not looked up."""

    def __init__(self) -> None:
        self.counts: dict[tuple[int, str], int] = defaultdict(int)  # groups of a year holding a word
        self.postings: dict[tuple[tuple[int, int], str], list[int]] = defaultdict(list)
        self.dates: dict[int, list[tuple[int, int]]] = defaultdict(list)  # distinct (first, last day) of a year's groups, sorted
        self.known: set[tuple[int, tuple[int, int]]] = set()

    def add(self, year: int, bounds: Bounds, gid: int, words: list[str]) -> None:
        """Group gid (of date `bounds`) holds `words`."""
        key = bounds[:2]
        if (year, key) not in self.known:
            self.known.add((year, key))
            insort(self.dates[year], key)
        for word in words:
            self.counts[(year, word)] += 1
            self.postings[(key, word)].append(gid)

    def candidates(self, year: int, date: str, words: list[str]) -> set[int]:
        """Groups a mention of `date` (of `year`) may join; an open date's groups are tested by the caller."""
        lower, upper, days = _day_bounds(date)
        dates = self.dates.get(year, [])
        if days == _OPEN_DAYS:
            keys = [_OPEN[:2]] if (year, _OPEN[:2]) in self.known else []
        else:
            keys = []
            for key in dates[bisect_left(dates, (lower, lower)):]:
                if key[0] > upper:
                    break
                if key[1] <= upper and days <= PRECISION_STEP * (key[1] - key[0] + 1):
                    keys.append(key)
        looked = [w for w in words if self.counts.get((year, w), 0) <= MAX_POSTINGS]
        found: set[int] = set()
        for key in keys:
            for word in looked:
                found.update(self.postings.get((key, word), ()))
        return found


def _distinctive(mentions: list[Mention], share: float) -> frozenset[str]:
    """Content words and names found in few mentions (at most `share` of them, or 3)."""
    df: dict[str, int] = defaultdict(int)
    for m in mentions:
        for word in set(m.words) | set(m.names):
            df[word] += 1
    limit = max(3, share * len(mentions))
    return frozenset(w for w, n in df.items() if n <= limit)


def _merge_paraphrases(groups: list[Group], rare: frozenset[str]) -> list[Group]:
    """Fold each group into an earlier (finer or equal) group reporting the same happening in other words."""
    index: dict[tuple[int, str], list[int]] = defaultdict(list)
    absorbed: set[int] = set()
    kinds = [g.kinds() for g in groups]
    for gid, group in enumerate(groups):
        year = _year(group.date)
        target = _paraphrased(gid, groups, kinds, {o for k in kinds[gid] for o in index[(year, k)]}, rare)
        if target is not None and groups[target].date != group.date:
            groups[target].echoes.update(group.sources)  # a coarser mention of it: counts, keeps its own date
            target = None
        if target is None:
            for k in kinds[gid]:
                index[(year, k)].append(gid)
            continue
        for m in group.mentions:
            groups[target].add(m, frozenset(m.words))
        absorbed.add(gid)
    return [g for i, g in enumerate(groups) if i not in absorbed]


def _paraphrased(gid: int, groups: list[Group], kinds: list[frozenset[str]], candidates: set[int], rare: frozenset[str]) -> int | None:
    """The earlier group that reports the same happening as groups[gid] (most distinctive words shared)."""
    group, best, best_shared = groups[gid], None, 0
    mine = group.words | group.names
    sentences = {(m.source, m.offset) for m in group.mentions}
    when = _day_bounds(group.date)
    for other in sorted(candidates):
        target = groups[other]
        theirs = _day_bounds(target.date)
        if not _nested(theirs, when, target.date, group.date) or when[2] > PRECISION_STEP * theirs[2]:
            continue
        shared = (mine & target.words) | (mine & target.names)
        distinct = len(shared & rare)
        if not distinct or len(shared) < 2 or distinct <= best_shared:
            continue
        if sentences & {(m.source, m.offset) for m in target.mentions}:
            continue  # another date of the same sentence is another happening
        best, best_shared = other, distinct
    return best


def _year(value: str) -> int:
    bounds = parse_single(value)
    return bounds.lower.year if bounds.lower else 0


def _finest_first(mention: Mention) -> tuple[int, str, str, int]:
    value = parse_single(mention.date)
    span = (value.upper - value.lower).days if value.lower and value.upper else 1 << 20
    return (span, mention.date, mention.source, mention.offset)


def _best_group(mention: Mention, words: list[str], mine: frozenset[str], groups: list[Group], candidates: set[int]) -> int | None:
    """The most similar of the candidate groups (the date-compatible ones sharing a word)."""
    best, best_score = None, 0.0
    for gid in sorted(candidates):
        group = groups[gid]
        if _day_bounds(group.date)[2] == _OPEN_DAYS and group.date != mention.date:
            continue  # an open date is compatible only with itself
        if len(group.words & mine) < MIN_SHARED:
            continue
        score = max(_coefficient(w, mine) for w in group.word_sets)
        if score < SAME_OVERLAP or score <= best_score:
            continue
        if any(m.source == mention.source and m.offset == mention.offset for m in group.mentions):
            continue  # another date of the same sentence is another happening
        best, best_score = gid, score
    return best


Bounds = tuple[int, int, int]
_OPEN_DAYS = 1 << 20
_OPEN: Bounds = (1, 0, _OPEN_DAYS)  # a date with an open or unknown end


def _nested(x: Bounds, y: Bounds, a: str, b: str) -> bool:
    """compatible(a, b) given their bounds: one lies within the other (an open date: only an equal one)."""
    if x[2] == _OPEN_DAYS or y[2] == _OPEN_DAYS:
        return a == b
    return (x[0] <= y[0] and y[1] <= x[1]) or (y[0] <= x[0] and x[1] <= y[1])


@lru_cache(maxsize=1 << 16)
def _day_bounds(value: str) -> Bounds:
    """A single date as (first day, last day, days covered), as ordinals, for fast comparisons."""
    bounds = parse_single(value)
    if not (bounds.lower and bounds.upper):
        return _OPEN
    lower, upper = bounds.lower.toordinal(), bounds.upper.toordinal()
    return lower, upper, upper - lower + 1


def _coefficient(a: frozenset[str], b: frozenset[str]) -> float:
    """overlap()'s coefficient for two non-empty sets."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _disputes(groups: list[Group], rare: frozenset[str] = frozenset()) -> list[Group]:
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
    lower: int
    upper: int
    explicit: bool
    first_words: frozenset[str]

    @classmethod
    def of(cls, group: Group) -> _Facts:
        lower, upper, _ = _day_bounds(group.date)
        first = group.mentions[0]
        return cls(parse_single(group.date).precision, lower, upper, _explicit(first.expression), frozenset(first.words))

    def near_in_time(self, other: _Facts) -> bool:
        """Same precision and within the widest dispute window (each test then applies its own)."""
        window = YEAR_WINDOW_DAYS if self.precision == "year" else DISPUTE_WINDOW_DAYS
        return self.precision == other.precision and abs(self.lower - other.lower) <= window

    def compatible(self, other: _Facts) -> bool:
        """compatible() of the two dates, on days."""
        return (self.lower <= other.lower and other.upper <= self.upper) or (other.lower <= self.lower and self.upper <= other.upper)


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
