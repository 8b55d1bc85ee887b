"""Across shards: document ids unique over the whole run, then the cross-document stage.

Each shard's ids are made unique within it when it is read (timeline.read.read_documents); one process
makes them unique over the whole run, in reading order. `UniqueIds` does the same over the shards'
documents, in shard order: when no id is found in two shards (the usual case) nothing changes, else
the later document is renamed as one process renames it (timeline.ids.unique) and a warning says so.

`cross_document` runs on a worker: it receives the shards' results from the workers that made them
(never through the client) and calls timeline.extract.events.build_records, the function one
process calls, on the same candidates in the same order, so the records are the same.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from timeline.errors import Problem
from timeline.extract.events import build_records
from timeline.ids import unique
from timeline.distributed.mapstage import ShardResult

Renames = dict[tuple[int, int], str]  # (shard index, document index) -> the id one process gives it


class UniqueIds:
    """Ids made unique across shards, taken shard after shard in reading order (see the module's docstring)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.renames: Renames = {}

    def take(self, index: int, shard: ShardResult) -> None:
        """Rename, in place, the shard's documents whose id an earlier shard holds, with a warning each
        where one process gives it (as the document is read); the renames are kept for the candidates,
        which name their document."""
        warnings: list[tuple[int, Problem]] = []
        for d, doc in enumerate(shard.docs):
            ident = unique(doc.id, self.seen)
            if ident != doc.id:
                warnings.append((shard.marks[d], Problem(f"id {doc.id!r} is used twice; this one is called {ident!r}",
                                                         doc.path, doc.line, warning=True)))
                self.renames[(index, d)] = doc.id = ident
            self.seen.add(ident)
        for mark, warning in reversed(warnings):
            shard.problems.insert(mark, warning)


def cross_document(top: int | None, renames: Renames, *shards: ShardResult) -> list[dict[str, Any]]:
    """Merge, dispute and rank every candidate of the run (events.build_records), in document order."""
    mentions: list[Any] = []
    doc_words: list[set[str]] = []
    claims: list[Any] = []
    for s, shard in enumerate(shards):
        for d, (found, words, figures) in enumerate(shard.results):
            ident = renames.get((s, d))
            mentions.extend(found if ident is None else [dataclasses.replace(m, source=ident) for m in found])
            claims.extend(figures if ident is None else [dataclasses.replace(c, source=ident) for c in figures])
            doc_words.append(words)
    return build_records(mentions, doc_words, top, claims)
