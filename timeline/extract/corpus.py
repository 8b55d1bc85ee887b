"""Corpus statistics of the cross-document stage, as sums over documents that any split adds up to.

    counts = add_counts(*(count(mentions, leads) for each shard))   # exact integer sums
    stats = statistics(counts)                                       # distinctive words, word weights
    stats = with_centroid(stats, add_centroids(*(centroid_of(leads, stats) for each shard)))

The merge asks which words are distinctive (merge.frequent: found in few of the corpus's mentions);
ranking asks for the words' weights (rank.weights, from document frequencies of the articles' leads)
and the centroid of the corpus (rank.centroid_part: fixed-point integers). Integer sums do not depend
on the order or the split of the documents, so one process and a cluster of any size get the same
statistics (timeline.extract.partitions).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from timeline.extract.candidates import Mention
from timeline.extract.merge import NAME_SHARE, RARE_SHARE, frequent, mention_frequencies
from timeline.extract.rank import Centrality, centroid, centroid_part, weights


Lead = Collection[str]  # the words of a document's lead: a set, or a sorted tuple where many wait (a fifth of the memory)


@dataclass
class Counts:
    """What some documents add to the corpus's counts."""

    documents: int = 0
    leads: Counter[str] = field(default_factory=Counter)  # documents whose lead holds each word
    mentions: int = 0
    words: Counter[str] = field(default_factory=Counter)  # mentions holding each content word or name


def count(mentions: list[Mention], leads: Sequence[Lead]) -> Counts:
    """The counts of some documents: their mentions and the words of their leads."""
    found = Counts(len(leads), Counter(), len(mentions), mention_frequencies(mentions))
    for words in leads:
        found.leads.update(words)
    return found


def add_counts(*parts: Counts) -> Counts:
    """The sum of counts."""
    out = Counts()
    for part in parts:
        out.documents += part.documents
        out.mentions += part.mentions
        out.leads.update(part.leads)
        out.words.update(part.words)
    return out


def add_centroids(*parts: Counter[str]) -> Counter[str]:
    """The sum of centroid parts."""
    out: Counter[str] = Counter()
    for part in parts:
        out.update(part)
    return out


@dataclass(frozen=True)
class Statistics:
    """What the merge and the ranking ask of the whole corpus."""

    common: frozenset[str]  # words and names in too many mentions to be distinctive (merge.RARE_SHARE)
    crowded: frozenset[str]  # names in too many mentions to say who a dispute is about (merge.NAME_SHARE)
    idf: dict[str, float]
    default_idf: float
    centroid: dict[str, float] = field(default_factory=dict)

    def centrality(self) -> Centrality:
        """The corpus's centrality (rank.Centrality)."""
        return Centrality(self.idf, self.default_idf, self.centroid)


def statistics(counts: Counts) -> Statistics:
    """The statistics that the counts give (all but the centroid)."""
    idf, default = weights(counts.leads, counts.documents)
    return Statistics(frequent(counts.words, counts.mentions, RARE_SHARE), frequent(counts.words, counts.mentions, NAME_SHARE),
                      idf, default)


def centroid_of(leads: Sequence[Lead], stats: Statistics) -> Counter[str]:
    """These documents' part of the centroid (fixed point; a lead's words are taken in sorted order)."""
    return centroid_part((set(words) for words in leads), stats.idf, stats.default_idf)


def with_centroid(stats: Statistics, summed: Counter[str]) -> Statistics:
    """The statistics with the centroid of the corpus (the sum of every part)."""
    return replace(stats, centroid=centroid(summed))
