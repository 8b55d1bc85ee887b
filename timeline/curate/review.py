"""The review actions: accept, reject, merge and split events."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from timeline.curate.editing import CurateError, citation_data, dump_model, edit_store, event_index
from timeline.curate.fingerprints import fingerprint
from timeline.curate.passages import new_citations
from timeline.ids import unique
from timeline.schema import Event, Rejected, Store
from timeline.yamledit import YamlEditor


def candidates(store: Store) -> list[Event]:
    """Events waiting for review, in file order."""
    return [e for e in store.events if e.status == "candidate"]


def accept(path: Path | str, event_id: str, title: str | None = None, lane: str | None = None) -> Event:
    """Mark an event reviewed, optionally giving it a new title and lane; return it as now stored."""

    def plan(store: Store, editor: YamlEditor) -> Event:
        i = event_index(store, event_id, path)
        event = store.events[i]
        updates: dict[str, Any] = {"status": "reviewed"}
        if title is not None and title != event.title:
            editor.set(("events", i), "title", title)
            updates["title"] = title
        if lane is not None and lane != event.lane:
            _check_lane(store, lane, path)
            editor.set(("events", i), "lane", lane, before=("tags", "actors", "places", "importance", "status", "citations"))
            updates["lane"] = lane
        if event.status != "reviewed":
            editor.set(("events", i), "status", "reviewed", before=("citations", "disputes"))
        return event.model_copy(update=updates)

    return edit_store(path, plan)


def _check_lane(store: Store, lane: str, path: Path | str) -> None:
    known = [x.id for x in store.lanes]
    if known and lane not in known:
        raise CurateError.at(f"unknown lane {lane!r}; use one of: {', '.join(known)} (or add it under lanes)", path)


def reject(path: Path | str, event_id: str, reason: str | None = None) -> Rejected:
    """Remove an event and remember its fingerprint under `rejected:` so extraction does not bring it back."""

    def plan(store: Store, editor: YamlEditor) -> Rejected:
        i = event_index(store, event_id, path)
        event = store.events[i]
        item = Rejected(key=fingerprint(event), title=event.title, reason=reason or None)
        editor.remove(("events",), [i])
        editor.append(("rejected",), [dump_model(item)])
        return item

    return edit_store(path, plan)


def merge_events(path: Path | str, keep_id: str, other_id: str) -> Event:
    """Move the citations and disputes of other_id into keep_id (no duplicates) and remove other_id."""
    if keep_id == other_id:
        raise CurateError.at("give two different events to merge", path)

    def plan(store: Store, editor: YamlEditor) -> Event:
        i, j = event_index(store, keep_id, path), event_index(store, other_id, path)
        keep, other = store.events[i], store.events[j]
        moved = new_citations(list(keep.citations), list(other.citations))
        descriptions = {d.description for d in keep.disputes}
        disputes = [d for d in other.disputes if d.description not in descriptions]
        editor.append(("events", i, "citations"), [citation_data(c) for c in moved])
        editor.append(("events", i, "disputes"), [dump_model(d) for d in disputes])
        editor.remove(("events",), [j])
        return keep.model_copy(update={"citations": list(keep.citations) + moved, "disputes": list(keep.disputes) + disputes})

    return edit_store(path, plan)


def split_event(path: Path | str, event_id: str, numbers: list[int], new_id: str | None = None,
                title: str | None = None, date: str | None = None) -> Event:
    """Move citations (numbered from 1, as `timeline review list` shows) into a new candidate event after it."""

    def plan(store: Store, editor: YamlEditor) -> Event:
        i = event_index(store, event_id, path)
        event = store.events[i]
        count = len(event.citations)
        bad = [n for n in numbers if not 1 <= n <= count]
        if bad or not numbers:
            raise CurateError.at(f"event {event_id!r} has citations 1..{count}; {bad or 'none'} given", path)
        if len(set(numbers)) >= count:
            raise CurateError.at(f"leave at least one citation on {event_id!r}; it has {count}", path)
        moved = [event.citations[n - 1] for n in sorted(set(numbers))]
        ids = {e.id for e in store.events}
        new = Event(id=unique(new_id or event.id, ids) if not new_id else new_id, date=date or event.date,
                    title=title or event.title, lane=event.lane, status="candidate", citations=moved)
        if new.id in ids:
            raise CurateError.at(f"an event with id {new.id!r} already exists; choose another --id", path)
        editor.remove(("events", i, "citations"), [n - 1 for n in numbers])
        editor.insert_after(("events",), i, [dump_model(new, keep=("status",))])
        return new

    return edit_store(path, plan)
