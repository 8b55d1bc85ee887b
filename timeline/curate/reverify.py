"""Validate an edit's result without reading the whole file again.

The edited text differs from the text just validated only in a few stretches (timeline.yamledit.regions).
Each is read on its own, with the store's reader and its rules; the values read replace the old ones in the
data already read, and the whole result is validated again: schema, ids, lanes, sources, disputes. When a
stretch does not read on its own, or an unedited neighbour reads differently, or anything is wrong, the
whole edited text is read again instead, so every message names its line as `timeline check` would.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from timeline.errors import StoreError
from timeline.schema import Store
from timeline.store import Document, bulk, cross_check, load_text
from timeline.store.reading import parse_yaml
from timeline.yamledit.regions import Region

_LISTS = ("sources", "lanes", "eras", "events", "rejected")  # the top-level lists of a Store


class Before(NamedTuple):
    """The store as read before the edit: its text, its plain data and its models."""

    text: str
    data: Any
    store: Store


def revalidate(path: Path, before: Before, regions: list[Region] | None, text: str) -> tuple[Store, Document]:
    """The edited text validated; StoreError with lines."""
    if regions is not None and not rebuilt(before.text, regions, text):
        regions = None  # the regions do not account for every change: trust only a whole reading
    data = spliced(path, before.data, regions)
    if data is not None:
        doc = Document(path, data, text=text.removeprefix("\ufeff"))
        store = _validated(doc, before)
        if store is not None:
            return store, doc
    return load_text(path, text)  # read as a whole: the problems, if any, named where they are written


def _validated(doc: Document, before: Before) -> Store | None:
    """The store of spliced data, validating only the items that are not those read before (the same objects,
    so the same models); None when anything is wrong."""
    if cross_check(doc):
        return None
    known: dict[int, Any] = {}
    for key in _LISTS:
        if isinstance(before.data.get(key), list) and len(before.data[key]) == len(getattr(before.store, key)):
            known.update(zip(map(id, before.data[key]), getattr(before.store, key)))
    fresh = {k: [x for x in v if id(x) not in known] if k in _LISTS and isinstance(v, list) else v for k, v in doc.data.items()}
    try:
        with bulk():
            partial = Store.model_validate(fresh)
    except ValidationError:
        return None
    lists = {}
    for key in _LISTS:
        new = iter(getattr(partial, key))
        lists[key] = [known.get(id(x)) or next(new) for x in doc.data.get(key) or []]
    return partial.model_copy(update=lists)


def rebuilt(old: str, regions: list[Region], new: str) -> bool:
    """True when new is old with each region's stretch replaced by its edited text (compared a block at a
    time: a large store's text is not copied whole)."""
    at, where = 0, 0
    for region in sorted(regions, key=lambda r: r.span):
        start, end = region.span
        if start < at or not _same_text(old, at, start, new, where):
            return False
        where += start - at
        if not new.startswith(region.edited, where):
            return False
        at, where = end, where + len(region.edited)
    return len(new) - where == len(old) - at and _same_text(old, at, len(old), new, where)


def _same_text(old: str, start: int, end: int, new: str, at: int, block: int = 1 << 20) -> bool:
    """True when old[start:end] is in new at `at`."""
    return all(new.startswith(old[i:min(i + block, end)], at + i - start) for i in range(start, end, block))


def spliced(path: Path, old: Any, regions: list[Region] | None) -> dict[str, Any] | None:
    """The data of the edited text: old data with each region's values in place; None when it cannot be
    known without reading the whole text."""
    if regions is None or not isinstance(old, dict):
        return None
    new, lists = dict(old), dict[str, list[Any]]()
    for region in sorted(regions, key=lambda r: -r.start):  # later items of a list first: earlier indexes hold
        part = _read(path, region.text)
        if part is None:
            return None
        if region.key is None:
            done = _put_pairs(new, old, part, region.keys)
        else:
            done = _put_items(new, old, lists, part, region)
        if not done:
            return None
    return new


def _read(path: Path, text: str) -> dict[str, Any] | None:
    """A region's data, when it reads without a problem as a mapping."""
    try:
        data = parse_yaml(path, text).data
    except StoreError:
        return None
    data = {} if data is None else data
    return data if isinstance(data, dict) else None


def _put_pairs(new: dict[str, Any], old: dict[str, Any], part: dict[str, Any], keys: tuple[str, ...]) -> bool:
    """Replace the top-level pairs `keys` with those read; a key read that is elsewhere in the file is a clash."""
    if any(k in old and k not in keys for k in part):
        return False
    for key in keys:
        new.pop(key, None)
    new.update(part)
    return True


def _put_items(new: dict[str, Any], old: dict[str, Any], lists: dict[str, list[Any]], part: dict[str, Any],
               region: Region) -> bool:
    """Replace items [start, stop) of a top-level list with the items read, once the neighbours read as before."""
    keys, key = list(part), region.key
    if key is None or not keys or keys[0] != key:
        return False
    items, before = part.get(key), old.get(key)
    if not isinstance(items, list) or not isinstance(before, list):
        return False
    if any(k in old for k in keys[1:]):
        return False
    if region.first and not (items and same(items[0], before[region.start])):
        return False
    if region.last and not (len(items) > region.first and same(items[-1], before[region.stop - 1])):
        return False
    target = lists.setdefault(key, list(before))
    target[region.start:region.stop] = items
    new[key] = target
    new.update({k: part[k] for k in keys[1:]})
    return True


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types throughout (1, 1.0 and true are different values in a store)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return bool(a == b)
