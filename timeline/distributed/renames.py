"""Document ids unique across shards, decided on the workers: the client receives only the renames.

A shard's ids are read as it holds them (shards.read_shard); one process makes them unique over the
whole run, in reading order (timeline.read.read_documents, with timeline.ids.unique: -2, -3 ...). That
never changes what an id begins with up to its first '-' (its stem), so ids of different stems never
meet: the ids are split into `buckets` by a stable hash of their stem (`id_buckets`, per shard, where
the shard's documents are), and one task per bucket (`renamed`) takes its ids in shard and document
order as one process takes them. When no id is found in two shards (the usual case) no bucket renames
anything; else the client receives each rename with where one process warns about it (`warn`).

    parts = [id_buckets(entries(shard), k) for each shard]                   # on the shards' workers
    renames = [renamed(*(part[b] for part in parts)) for b in range(k)]   # a task per bucket
    by_doc = warn(renames, problems)                                        # on the client: few
"""
from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from timeline.errors import Problem
from timeline.extract.assemble import stem
from timeline.ids import unique

BUCKET_IDS = 250_000  # ids a bucket's task takes, as a rule (a bucket per this many documents): about 70 MB (measured, ids of 10 characters)
Entry = tuple[int, str, str, "int | None", int]  # (document index in its shard, id, path, line, mark)
Rename = tuple[int, int, str, str, str, "int | None", int]  # (shard, document, new id, id, path, line, mark)
Renames = dict[tuple[int, int], str]  # (shard index, document index) -> the id one process gives it


def buckets(documents: int) -> int:
    """How many buckets the ids of `documents` documents are split into (any number gives the same renames)."""
    return max(1, -(-documents // BUCKET_IDS))


def bucket(ident: str, count: int) -> int:
    """The bucket of an id: a hash of its stem that is the same in every process."""
    return zlib.crc32(stem(ident).encode("utf-8")) % count


def id_buckets(entries: Iterable[Entry], count: int) -> list[list[Entry]]:
    """A shard's ids (in document order) by bucket."""
    out: list[list[Entry]] = [[] for _ in range(count)]
    for entry in entries:
        out[bucket(entry[1], count)].append(entry)
    return out


def bucket_part(parts: list[list[Entry]], index: int) -> list[Entry]:
    """One bucket of a shard's ids (runs where they are)."""
    return parts[index]


def renamed(*parts: list[Entry]) -> list[Rename]:
    """The renames of one bucket: `parts` are its ids from every shard, in shard order, each made unique
    as one process makes it (the ids of other buckets never meet these)."""
    seen: set[str] = set()
    out: list[Rename] = []
    for shard, part in enumerate(parts):
        for document, ident, path, line, mark in part:
            name = unique(ident, seen)
            seen.add(name)
            if name != ident:
                out.append((shard, document, name, ident, path, line, mark))
    return out


def warn(renames: Iterable[list[Rename]], problems: list[list[Problem]]) -> Renames:
    """The renames of every bucket: a warning each, where one process gives it in the shard's problems
    (`problems`: each shard's, as it read them), and the new id of each renamed document."""
    by_shard: dict[int, list[Rename]] = defaultdict(list)
    for part in renames:
        for rename in part:
            by_shard[rename[0]].append(rename)
    out: Renames = {}
    for shard, found in by_shard.items():
        for _, document, name, ident, path, line, mark in sorted(found, reverse=True):  # later marks first
            problems[shard].insert(mark, warning(ident, name, path, line))
            out[(shard, document)] = name
    return out


def warning(ident: str, name: str, path: str, line: int | None) -> Problem:
    """What one process says of a document renamed (timeline.read.read_documents)."""
    return Problem(f"id {ident!r} is used twice; this one is called {name!r}", path, line, warning=True)


class UniqueIds:
    """Ids made unique across shards on the client, taken shard after shard in reading order: what
    `timeline dates` does, which prints each shard's documents as soon as they are read (it holds an
    id per document; extract decides the renames on the workers, see the module's docstring)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.renames: Renames = {}

    def take(self, index: int, shard: Any) -> None:
        """Rename, in place, the shard's documents whose id an earlier shard holds, with a warning each
        where one process gives it (as the document is read); the renames are kept for the candidates,
        which name their document."""
        warnings: list[tuple[int, Problem]] = []
        for d, doc in enumerate(shard.docs):
            ident = unique(doc.id, self.seen)
            if ident != doc.id:
                warnings.append((shard.marks[d], warning(doc.id, ident, doc.path, doc.line)))
                self.renames[(index, d)] = doc.id = ident
            self.seen.add(ident)
        for mark, told in reversed(warnings):
            shard.problems.insert(mark, told)
