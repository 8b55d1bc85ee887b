"""The JSONL shards named by PATHs, and one shard read as one process reads it.

PATHs are files, folders (their .jsonl files, recursively, in sorted order, hidden ones left out, as
timeline.read lists a folder) or glob patterns ('corpus/part-*.jsonl', '**' recurses). A path that
names nothing is passed on as it is, so that reading it reports it exactly as one process does. The
listing runs on a worker: the corpus must be reachable there, not on the client.
"""
from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from timeline.errors import Problem
from timeline.extract.published import date_documents
from timeline.read import Document, read_documents

SHARD_SUFFIX = ".jsonl"
_GLOB_CHARS = set("*?[")


class NotShards(ValueError):
    """PATHs hold files that are not JSONL shards (a usage error: --scheduler reads JSONL corpora)."""


def list_shards(paths: Iterable[str]) -> list[str]:
    """The shard paths, in the order one process reads them; NotShards naming any other file."""
    shards: list[str] = []
    for path in paths:
        shards.extend(_expand(path))
    others = [s for s in shards if Path(s).suffix.lower() != SHARD_SUFFIX and Path(s).is_file()]
    if others:
        raise NotShards(f"{others[0]}: --scheduler reads JSONL shards (one article per line), not this file; "
                        "run without --scheduler to read other formats")
    return shards


def _expand(path: str) -> list[str]:
    if Path(path).is_dir():
        root = Path(path)
        return [str(p) for p in sorted(p for p in root.rglob("*") if _wanted(p, root))]
    if _GLOB_CHARS & set(path) and not Path(path).exists():
        return [s for found in sorted(glob.glob(path, recursive=True)) for s in _expand(found)] or [path]
    return [path]


def _wanted(path: Path, root: Path) -> bool:
    """A file of a folder that one process would read (a format it knows, not hidden)."""
    from timeline.read import READERS

    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.suffix.lower() in READERS and path.is_file()


def read_shard(shard: str, published: str | None, problems: list[Problem]) -> Iterator[Document]:
    """The shard's articles with their stated reference dates (inference is the map stage's) and their
    ids as the shard holds them: they are made unique over the whole run (timeline.distributed.renames),
    as one process makes them, and a shard that renamed its own first would name them otherwise."""
    return date_documents(read_documents([shard], problems, unique_ids=False), published, infer=False)
