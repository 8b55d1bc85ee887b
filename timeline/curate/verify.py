"""What an edit must not break: every citation it adds or changes verifies against its source, and the
file on disk is still the one the edit was planned on."""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

from timeline.errors import Problem, StoreError
from timeline.schema import Store
from timeline.store import Document, citations_of


class ChangedOnDiskError(StoreError):
    """The store changed on disk between the edit's read and its write; nothing was written."""


def digest(raw: bytes | None) -> str | None:
    """What check_unchanged compares: the SHA-256 of a file's bytes (None: there was no file)."""
    return None if raw is None else hashlib.sha256(raw).hexdigest()


def check_unchanged(path: Path, before: str | None) -> None:
    """Refuse to write when the file no longer holds the bytes the edit was planned on (a hand save meanwhile);
    before: their digest, None when the file did not exist."""
    if _file_digest(path) != before:
        raise ChangedOnDiskError.at("changed on disk while this edit ran (saved in an editor?); nothing was written: "
                                    "run the command again", path)


def _file_digest(path: Path) -> str | None:
    """The digest of the file's bytes, read a block at a time; None when there is no file, "" when it is not one."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return ""  # a device, pipe or folder now: never opened, never the file read before
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except FileNotFoundError:
        return None
    except OSError:
        return ""


def _cited(items: list[tuple[str, int, Any]]) -> list[tuple[Any, Any, str | None]]:
    """(location, citation, owner id) of every citation of the given (kind, index, event or era)."""
    return [(loc, c, item.id) for kind, i, item in items for loc, c in citations_of(item, (kind, i))]


def _items(store: Store) -> list[tuple[str, int, Any]]:
    return [("events", i, e) for i, e in enumerate(store.events)] + [("eras", i, e) for i, e in enumerate(store.eras)]


def new_citation_problems(old: Store, new: Store, doc: Document, base: Path) -> list[Problem]:
    """Why citations that the edit added or changed do not verify. A citation that did not verify before the
    edit (at the same place of the same event or era) is not the edit's doing: `timeline check` reports it.

    Only events and eras that are not the very models read before the edit are looked at (an edit reuses
    the models of what it did not change), unless a source changed."""
    old_sources = {s.id: s for s in old.sources}
    changed = {s.id for s in new.sources if old_sources.get(s.id) != s}
    kept = set() if changed else {id(item) for _kind, _i, item in _items(old)}
    touched = [entry for entry in _items(new) if id(entry[2]) not in kept]
    if not touched:
        return []
    before = {(c.source, c.quote, c.offset) for _loc, c, _id in _cited(_items(old))}
    fresh = [(loc, c, oid) for loc, c, oid in _cited(touched) if (c.source, c.quote, c.offset) not in before or c.source in changed]
    if not fresh:
        return []
    from timeline.sources import load_sources, verify_citation  # with the readers' date rules: a second to load

    owners = {(loc[0], oid) for loc, _c, oid in fresh}
    places = {(loc[0], oid, loc[2:]) for loc, _c, oid in fresh}
    olds = [(kind, i, item) for kind, i, item in _items(old) if (kind, item.id) in owners]
    was = {(loc[0], oid, loc[2:]): c for loc, c, oid in _cited(olds) if (loc[0], oid, loc[2:]) in places}
    needed = {c.source for _loc, c, _id in fresh} | {c.source for c in was.values()}
    texts, found = load_sources(new.model_copy(update={"sources": [s for s in new.sources if s.id in needed]}), base)
    old_texts = {sid: t for sid, t in texts.items() if sid not in changed}
    problems = [Problem(p.message, str(doc.path)) for p in found if not p.warning and p.message.split(":")[0] in
                {f"source {sid!r}" for sid in changed}]
    for loc, citation, owner in fresh:
        why = verify_citation(citation, texts)
        earlier = was.get((loc[0], owner, loc[2:]))
        if why and (earlier is None or not verify_citation(earlier, old_texts) and earlier.source in old_texts):
            problems.append(Problem(why, str(doc.path), doc.line((*loc, "quote")), owner if loc[0] == "events" else None))
    return problems
