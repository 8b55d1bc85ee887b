"""Importance of a happening: corroboration, how often its date is referred to, and centrality.

    importance = support * (CENTRAL_FLOOR + centrality) * PRECISION_WEIGHT[precision of the date]
    support    = 1 + DOCS_WEIGHT * log2(1 + documents) + log2(publishers)
                 + REFS_WEIGHT * REFS_PRECISION[precision of the date] * log2(1 + date_refs)

- documents: distinct documents that report the happening (corroboration), counting those that come
  back to it with a coarser date (merge.Group.echoes); publishers adds a bonus
  when more than one publisher reports it.
- date_refs: how many documents of the corpus refer to the same date (DATEWISE's date-mention
  counts): a date many articles come back to later is a key date. A document published on or before
  the date counts SAME_DAY_WEIGHT (a day's own reports and previews say less about its weight).
- centrality: cosine similarity of the best citation's TF-IDF vector to the corpus centroid (the sum
  of every document's unit TF-IDF vector, so that each document counts once; summed in fixed point,
  so that any split of the corpus gives the same centroid). It multiplies the
  support, so a much-repeated date in off-topic pages (programme listings, ads) stays low.
A best citation that states a state ('there are concerns about ...') is discounted (STATE_WEIGHT).
Weights: bench/eval_extract.py --loto fits REFS_WEIGHT and CENTRAL_FLOOR on six Timeline17 dev topics
and scores the seventh.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from timeline.extract.candidates import Mention
from timeline.dates import parse_single
from timeline.extract.filters import is_state
from timeline.extract.groups import Group

REFS_WEIGHT = 2.0
DATE_CENTRAL_WEIGHT = 0.5
DOCS_WEIGHT = 0.5
CENTRAL_FLOOR = 0.05
SAME_DAY_WEIGHT = 0.5
# Many articles say "in 2015" in passing: a year is referred to far more often than any one day, so
# coarser dates are discounted to keep the reference counts comparable across precisions.
STATE_WEIGHT = 0.5  # a state or a worry ('there are concerns about') is background, not a happening
# References to a date say that a day is key; a month or a year holds many happenings, so the documents
# that name it say less about any one of them: each coarser step halves their weight.
REFS_PRECISION = {"day": 1.0, "month": 0.5, "season": 0.5, "year": 0.25}
PRECISION_WEIGHT = {"day": 1.0, "month": 0.85, "season": 0.8, "year": 0.7}

Vector = dict[str, float]


class Centrality:
    """How close a mention's words are to what the corpus is about (TF-IDF cosine to the centroid).

    Built from corpus statistics that are sums over documents, so that a cluster can add up its
    shards' parts (timeline.extract.corpus): document frequencies give the weights (`weights`), then
    each document's unit vector is added to the centroid in fixed point (`centroid_part`: integers,
    whose sum does not depend on the order or split of the documents)."""

    def __init__(self, idf: dict[str, float], default_idf: float, centroid: Vector) -> None:
        self.idf, self.default_idf, self.centroid = idf, default_idf, centroid
        self._scores: dict[tuple[str, int, str], float] = {}

    @classmethod
    def of(cls, doc_words: Iterable[set[str]]) -> Centrality:
        """The centrality of these documents' corpus."""
        docs = list(doc_words)
        df: Counter[str] = Counter()
        for words in docs:
            df.update(words)
        idf, default = weights(df, len(docs))
        return cls(idf, default, centroid(centroid_part(docs, idf, default)))

    def vector(self, words: Iterable[str]) -> Vector:
        """Unit TF-IDF vector of a word list."""
        return unit_vector(words, self.idf, self.default_idf)

    def score(self, mention: Mention) -> float:
        """0..1: cosine similarity of the mention to the corpus centroid (computed once per mention)."""
        found = self._scores.get(mention.key)
        if found is None:
            found = self._scores[mention.key] = _cosine(mention.words, self.idf, self.default_idf, self.centroid)
        return found


def weights(df: Mapping[str, int], documents: int) -> tuple[dict[str, float], float]:
    """Inverse document frequencies (smoothed) of the words of `documents` documents, and that of a word
    none of them holds."""
    idf = {w: math.log((1 + documents) / (1 + c)) + 1.0 for w, c in df.items()}
    return idf, math.log(1 + documents) + 1.0


def unit_vector(words: Iterable[str], idf: Mapping[str, float], default: float) -> Vector:
    """Unit TF-IDF vector of a word list."""
    tf = Counter(sorted(words))  # sorted: sums do not depend on the hash seed
    return _normalise({w: c * idf.get(w, default) for w, c in tf.items()})


FIXED = float(1 << 60)  # the centroid is summed as integers of 2**-60: exact, in any order


def centroid_part(doc_words: Iterable[set[str]], idf: Mapping[str, float], default: float) -> Counter[str]:
    """The sum of these documents' unit vectors (every document counts once, however long: long off-topic
    pages do not pull the centroid), in fixed point; parts of a corpus add up to its sum."""
    total: Counter[str] = Counter()
    for words in doc_words:
        for w, x in unit_vector(words, idf, default).items():
            total[w] += int(x * FIXED)
    return total


def centroid(total: Mapping[str, int]) -> Vector:
    """The unit centroid from the fixed-point sum of the corpus's document vectors."""
    return _normalise({w: total[w] / FIXED for w in sorted(total)})


class DateCentrality:
    """Which report of a happening to cite first: (1 - DATE_CENTRAL_WEIGHT) times its closeness to what the
    corpus is about plus DATE_CENTRAL_WEIGHT times its closeness to what the other mentions of its date
    say (the cosine to the sum of their unit vectors, itself left out): the sentence that agrees most with
    the other reports of its day, as date summarisers of news timelines choose a date's sentence. It
    orders an event's citations (and so its title and summary); importance uses Centrality alone."""

    def __init__(self, mentions: Iterable[Mention], central: Centrality) -> None:
        self.central = central
        self.sums: dict[str, Vector] = {}
        self.vectors: dict[tuple[str, int, str], Vector] = {}
        if DATE_CENTRAL_WEIGHT:
            for m in sorted(mentions, key=lambda m: (m.date, m.source, m.offset)):
                acc = self.sums.setdefault(m.date, {})
                self.vectors[m.key] = vector = central.vector(m.words)
                for w, x in vector.items():
                    acc[w] = acc.get(w, 0.0) + x
        self.norms = {d: sum(x * x for x in v.values()) for d, v in self.sums.items()}  # |sum|^2 of each date
        self._scores: dict[tuple[str, int, str], float] = {}

    def score(self, mention: Mention) -> float:
        """0..1, computed once per mention."""
        found = self._scores.get(mention.key)
        if found is None:
            found = self.central.score(mention)
            if DATE_CENTRAL_WEIGHT:
                found = (1 - DATE_CENTRAL_WEIGHT) * found + DATE_CENTRAL_WEIGHT * self._agreement(mention)
            self._scores[mention.key] = found
        return found

    def _agreement(self, mention: Mention) -> float:
        """Cosine of the mention's unit vector v to the sum S of the other mentions' vectors of its date:
        v.(S - v) / |S - v|, with |S - v|^2 = |S|^2 - 2 v.S + |v|^2 (no copy of S)."""
        mine = self.vectors.get(mention.key) or self.central.vector(mention.words)
        total = self.sums.get(mention.date, {})
        along = sum(x * total.get(w, 0.0) for w, x in mine.items())
        own = sum(x * x for x in mine.values())
        rest = self.norms.get(mention.date, 0.0) - 2 * along + own
        return (along - own) / math.sqrt(rest) if rest > 1e-12 else 0.0


def _cosine(words: Iterable[str], idf: dict[str, float], default: float, unit: Vector) -> float:
    """Cosine of a word list's TF-IDF vector with a unit vector."""
    tf = Counter(sorted(words))
    weights = [(w, c * idf.get(w, default)) for w, c in tf.items()]
    norm = math.sqrt(sum(x * x for _, x in weights))
    return sum(x * unit.get(w, 0.0) for w, x in weights) / norm if norm else 0.0


def date_references(mentions: list[Mention]) -> dict[str, float]:
    """How many documents refer to each date value; a document written on or before the date (a
    same-day report, an announcement of what is to come) counts SAME_DAY_WEIGHT, one that comes back
    to it later counts 1."""
    refs: dict[str, float] = defaultdict(float)
    for date, _, published in sorted({(m.date, m.source, m.published or "") for m in mentions}):
        refs[date] += 1.0 if published > date else SAME_DAY_WEIGHT  # ISO strings compare as dates
    return refs


def importance(group: Group, refs: dict[str, float], centrality: float, best: Mention | None = None) -> float:
    """The documented formula (module docstring), rounded to 3 decimals; times STATE_WEIGHT when the
    best mention's title states a state rather than a happening (filters.is_state)."""
    documents = len(group.sources | group.echoes)
    precision = parse_single(group.date).precision
    publishers = len({m.publisher for m in group.mentions + group.rivals if m.publisher})
    support = 1.0 + DOCS_WEIGHT * math.log2(1 + documents) + math.log2(max(1, publishers)) + REFS_WEIGHT * REFS_PRECISION.get(precision, 0.25) * math.log2(1 + refs.get(group.date, 0.0))
    value = support * (CENTRAL_FLOOR + centrality) * PRECISION_WEIGHT.get(precision, 0.7)
    if best is not None and is_state(best.title):
        value *= STATE_WEIGHT
    return round(value, 3)


def _normalise(v: Vector) -> Vector:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {w: x / norm for w, x in v.items()} if norm else {}
