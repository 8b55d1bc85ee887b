"""Across documents: mentions of the same happening become one group; conflicting dates become disputes.

Two mentions report the same happening when their dates are compatible and their words similar
(timeline.extract.groups). Mentions of one happening with dates that cannot both hold become one group
whose date is disputed (timeline.extract.rivals).

Paraphrases meet on what happened rather than on wording: two groups with the same date that name the
same kind of happening (words.action_kinds: an accord, a ban, an arrest...) and share a distinctive
word (one found in few of the corpus's mentions, RARE_SHARE) and another content word become one; a
paraphrase with a coarser compatible date ('in 2015' of 'in September 2015') keeps its own date
and event; its documents count as echoes of the finer one (rank.py), and of the finer one's own finer
one, and its sentences that restate the happening (_restates) are cited by them too.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import partial

from timeline.dates import parse_single
from timeline.extract.candidates import Mention
from timeline.extract.groups import OPEN, OPEN_DAYS, Bounds, Group, coefficient, day_bounds, nested
from timeline.extract.groups import MIN_SHARED, SAME_OVERLAP
from timeline.extract.rivals import fold_rivals
from timeline.extract.words import spelling_key

MAX_POSTINGS = 150
PRECISION_STEP = 31  # a mention joins a group at most one precision step finer: day < month < year
RARE_SHARE = 0.05  # a word in at most this share of the mentions (or in 3) is distinctive
NAME_SHARE = 0.1  # a name in at most this share of the mentions says who a dispute is about


def group_mentions(mentions: list[Mention]) -> list[Group]:
    """Every mention in one pass: groups, paraphrases folded, date disputes (with this corpus's word
    frequencies). timeline.extract.partitions runs the same passes year by year and gives the same groups."""
    df = mention_frequencies(mentions)
    common, crowded = frequent(df, len(mentions), RARE_SHARE), frequent(df, len(mentions), NAME_SHARE)
    return fold_rivals(_merge_paraphrases(form_groups(mentions), common), crowded)


def merge_year(mentions: list[Mention], common: frozenset[str]) -> list[Group]:
    """The groups of one year's mentions (given in the corpus's order) with paraphrases folded: groups
    and paraphrases never cross the first year of their dates (_WordIndex, _merge_paraphrases), so this
    is the whole corpus's run restricted to the year. `common`: the corpus's non-distinctive words."""
    return _merge_paraphrases(form_groups(mentions), common)


def mention_frequencies(mentions: Iterable[Mention]) -> Counter[str]:
    """How many mentions hold each content word or name (a sum over any split of the mentions)."""
    df: Counter[str] = Counter()
    for m in mentions:
        df.update(set(m.words) | set(m.names))
    return df


def frequent(df: Mapping[str, int], mentions: int, share: float) -> frozenset[str]:
    """Words and names found in more than `share` of the mentions (and in more than 3): not
    distinctive. Every other word of the corpus is."""
    limit = max(3, share * mentions)
    return frozenset(w for w, n in df.items() if n > limit)


def form_groups(mentions: list[Mention]) -> list[Group]:
    """Greedy single pass, finest dates first, so that 'in May' joins the group of 'on May 9'.
    Candidate groups are found through an index of words by date (_WordIndex). A group's mentions all
    have the first year of its date."""
    groups: list[Group] = []
    index = _WordIndex()
    for mention in sorted(mentions, key=finest_first):
        year = _year(mention.date)
        mine = frozenset(mention.words)
        words = sorted(mine)
        best = _best_group(mention, words, mine, groups, index.candidates(year, mention.date, words))
        if best is None:
            groups.append(Group(mention.date))
            best = len(groups) - 1
            index.add(year, day_bounds(mention.date), best, words)
        else:
            index.add(year, day_bounds(groups[best].date), best, [w for w in words if w not in groups[best].words])
        groups[best].add(mention, mine)
    return groups


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
        lower, upper, days = day_bounds(date)
        dates = self.dates.get(year, [])
        if days == OPEN_DAYS:
            keys = [OPEN[:2]] if (year, OPEN[:2]) in self.known else []
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


def _merge_paraphrases(groups: list[Group], common: frozenset[str]) -> list[Group]:
    """Fold each group into an earlier (finer or equal) group reporting the same happening in other words."""
    index: dict[tuple[int, str], list[int]] = defaultdict(list)
    absorbed: set[int] = set()
    finer: dict[int, int] = {}  # a coarser group -> the finer group it echoes
    kinds = [g.kinds() for g in groups]
    rare = _rare_on_their_day(groups)
    for gid, group in enumerate(groups):
        year = _year(group.date)
        target = _paraphrased(gid, groups, kinds, {o for k in kinds[gid] for o in index[(year, k)]}, common, rare)
        if target is not None and groups[target].date != group.date:
            finer[gid] = target  # a coarser mention of it: counts and is cited, keeps its own date and event
            while target is not None:
                groups[target].echo(group, partial(_restates, common=common))
                target = finer.get(target)
        if target is None:
            for k in kinds[gid]:
                index[(year, k)].append(gid)
            continue
        for m in group.mentions:
            groups[target].add(m, frozenset(m.words))
        absorbed.add(gid)
    return [g for i, g in enumerate(groups) if i not in absorbed]


RESTATED_RARE = 2  # distinctive words or names a coarser sentence must share with a happening to cite it


def _restates(mention: Mention, group: Group, common: frozenset[str]) -> bool:
    """A sentence that restates the group's happening: it names the same kind of happening as one of the
    group's mentions and shares RESTATED_RARE distinctive words or names with that mention, a name
    among them (who or what it happened to)."""
    mine = (set(mention.words) | set(mention.names)) - common
    names = set(mention.names) - common
    return any(mention.kinds & m.kinds and names & set(m.names) and len(mine & (set(m.words) | set(m.names))) >= RESTATED_RARE
               for m in group.mentions)


SAME_DAY_NAME_GROUPS = 2  # a name that identifies a happening of its day: held by at most this many of the day's groups


def _rare_on_their_day(groups: list[Group]) -> frozenset[tuple[str, str]]:
    """(day, word) pairs of words that at most SAME_DAY_NAME_GROUPS of that day's groups hold: 'Selmara' on the day
    of its earthquake, not 'Mubarak' on a day of the protests against him."""
    counts: Counter[tuple[str, str]] = Counter()
    for g in groups:
        if day_bounds(g.date)[2] == 1:
            counts.update((g.date, w) for w in g.words)
    return frozenset(key for key, n in counts.items() if n <= SAME_DAY_NAME_GROUPS)


def _paraphrased(gid: int, groups: list[Group], kinds: list[frozenset[str]], candidates: set[int], common: frozenset[str],
                 rare: frozenset[tuple[str, str]] = frozenset()) -> int | None:
    """The earlier group that reports the same happening as groups[gid] (most distinctive words shared)."""
    group, best, best_shared = groups[gid], None, 0.0
    mine = group.words | group.names
    sentences = {(m.source, m.offset) for m in group.mentions}
    when = day_bounds(group.date)
    for other in sorted(candidates):
        target = groups[other]
        theirs = day_bounds(target.date)
        if not nested(theirs, when, target.date, group.date) or when[2] > PRECISION_STEP * theirs[2]:
            continue
        shared = (mine & target.words) | (mine & target.names)
        distinct = len(shared - common)  # its distinctive words
        if distinct and len(shared) >= 2:
            strength = float(distinct)
        elif when[2] == 1 and group.date == target.date and _same_name(group, target, rare):
            strength = 0.5  # the same kind of happening on the same day to the same named one: 'Varnport'
        else:
            continue
        if strength <= best_shared:
            continue
        if sentences & {(m.source, m.offset) for m in target.mentions}:
            continue  # another date of the same sentence is another happening
        best, best_shared = other, strength
    return best


def _same_name(a: Group, b: Group, rare: frozenset[tuple[str, str]]) -> bool:
    """True when one group (of a day) names someone or something the other's words hold and few groups of that
    day hold (`rare`: _rare_on_their_day)."""
    return any((key := spelling_key(n)) in y.words and (a.date, key) in rare for x, y in ((a, b), (b, a)) for n in x.names)


def _year(value: str) -> int:
    bounds = parse_single(value)
    return bounds.lower.year if bounds.lower else 0


def mention_year(mention: Mention) -> int:
    """The first year of the mention's date: its groups and paraphrases stay within it."""
    return _year(mention.date)


def finest_first(mention: Mention) -> tuple[int, str, str, int]:
    """The order mentions are grouped in (finest dates first), before their order in the corpus."""
    value = parse_single(mention.date)
    span = (value.upper - value.lower).days if value.lower and value.upper else 1 << 20
    return (span, mention.date, mention.source, mention.offset)


def _best_group(mention: Mention, words: list[str], mine: frozenset[str], groups: list[Group], candidates: set[int]) -> int | None:
    """The most similar of the candidate groups (the date-compatible ones sharing a word)."""
    best, best_score = None, 0.0
    for gid in sorted(candidates):
        group = groups[gid]
        if day_bounds(group.date)[2] == OPEN_DAYS and group.date != mention.date:
            continue  # an open date is compatible only with itself
        if len(group.words & mine) < MIN_SHARED:
            continue
        score = max(coefficient(w, mine) for w in group.word_sets)
        if score < SAME_OVERLAP or score <= best_score:
            continue
        if any(m.source == mention.source and m.offset == mention.offset for m in group.mentions):
            continue  # another date of the same sentence is another happening
        best, best_score = gid, score
    return best
