"""The edit sequence every change to events.yaml follows, and the plain data that edits write.

Under the store's lock: validate the file with the safe loader (timeline.store.load_store), refusing to touch
an invalid store; plan the change on the validated models and express it as text splices
(timeline.yamledit), so the bytes of everything not edited stay exactly as they were; validate the edited
text again, in memory, and only then replace the file atomically.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from timeline.errors import Problem, StoreError, TimelineError
from timeline.fileio import locked, write_atomic
from timeline.schema import Citation, Store
from timeline.store import load_store
from timeline.terminal import one_line
from timeline.yamledit import YamlEditor

T = TypeVar("T")


class CurateError(TimelineError):
    """An editing request that cannot be done as asked (unknown event, bad citation number...)."""


def _validate_text(text: str, path: Path) -> Store:
    """Validate edited text as the store loader would; raise with the problems, nothing written."""
    with tempfile.TemporaryDirectory(prefix="timeline-") as tmp:
        probe = Path(tmp) / path.name
        probe.write_text(text, encoding="utf-8")
        try:
            store, _doc = load_store(probe)
        except StoreError as exc:
            problems = [Problem(f"after the edit: {p.message} (nothing was written)", str(path), p.line, p.event_id) for p in exc.problems]
            raise StoreError(problems) from None
    return store


def _read(path: Path) -> str:
    """The file's text exactly (line endings and a byte order mark included)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


NEW_STORE = "title: Timeline\nsources: []\nevents: []\n"


def edit_store(path: Path | str, plan: Callable[[Store, YamlEditor], T], create: bool = False, write: bool = True) -> T:
    """Run plan(store, editor) under the lock, then validate and atomically write the edited text.

    Returns what plan returned. The file is not rewritten when the plan made no edit, nor without write
    (a dry run). With create, a missing file starts as an empty store (and is written only if the plan
    adds something).
    """
    path = Path(path)
    with locked(path):
        if create and not path.exists():
            text = NEW_STORE
            store = _validate_text(text, path)
        else:
            store, _doc = load_store(path)
            text = _read(path)
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        text = text.removeprefix(bom)
        editor = YamlEditor(text, str(path))
        result = plan(store, editor)
        new_text = editor.result()
        if write and new_text != text:
            new_text = bom + new_text
            _validate_text(new_text, path)
            write_atomic(path, new_text)
    return result


def event_index(store: Store, event_id: str, path: Path | str) -> int:
    for i, event in enumerate(store.events):
        if event.id == event_id:
            return i
    hint = "; `timeline review list` shows the candidates"
    close = [e.id for e in store.events if event_id in e.id][:3]
    if close:
        hint = f"; did you mean {', '.join(close)}?"
    raise CurateError.at(f"no event with id {event_id!r}{hint}", path)


def dump_model(model: Any, keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """A model as the plain data written to YAML: defaults left out (except `keep`), key order of the schema."""
    data = model.model_dump(mode="json", exclude_defaults=True)
    for name in keep:
        data[name] = getattr(model, name)
    order = list(type(model).model_fields)
    out = {k: data[k] for k in order if k in data}
    for key, value in out.items():
        if isinstance(value, list) and value and isinstance(value[0], dict) and key in ("citations", "claims", "disputes"):
            out[key] = [_plain(v) for v in value]
    return out


def _plain(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if v not in (None, [], "")}


def citation_data(citation: Citation) -> dict[str, Any]:
    """A citation as written in events.yaml."""
    return {"source": citation.source, "quote": citation.quote, "offset": citation.offset}


def short(text: str, limit: int = 160) -> str:
    """One printable line of at most limit characters (no terminal escape sequences from a source)."""
    return one_line(text, limit)
