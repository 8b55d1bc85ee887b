"""The edit sequence every change to events.yaml follows, and the plain data that edits write.

Under the store's lock: validate the file with the safe loader (timeline.store.load_text), refusing to touch
an invalid store; plan the change on the validated models and express it as text splices
(timeline.yamledit), so the bytes of everything not edited stay exactly as they were; validate the edited
text again, in memory (reading again only what changed: timeline.curate.reverify), and only then replace
the file atomically.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from timeline.curate.reverify import Before, revalidate
from timeline.curate.verify import check_unchanged, digest, new_citation_problems
from timeline.errors import Problem, StoreError, TimelineError
from timeline.fileio import locked, target_of, write_atomic
from timeline.jsonschema import MODELINE
from timeline.schema import Citation, Store
from timeline.store import Document, bulk, decode, load_text, read_bytes
from timeline.terminal import one_line
from timeline.yamledit import YamlEditor

T = TypeVar("T")


class CurateError(TimelineError):
    """An editing request that cannot be done as asked (unknown event, bad citation number...)."""


def _validated(path: Path, before: Before, editor: YamlEditor, text: str) -> tuple[Store, Document]:
    """Validate edited text as the store loader would (reading again only what changed, timeline.curate.reverify);
    raise with the problems, nothing written."""
    try:
        return revalidate(path, before, editor.regions(), text)
    except StoreError as exc:
        raise StoreError([_after_edit(p, path) for p in exc.problems]) from None


def _after_edit(problem: Problem, path: Path) -> Problem:
    return Problem(f"after the edit: {problem.message} (nothing was written)", str(path), problem.line, problem.event_id)


NEW_STORE = f"{MODELINE}\ntitle: Timeline\nsources: []\nevents: []\n"  # the schema line first, as events.yaml has it


@dataclass
class _Reading:
    """A store as read for an edit: the digest of its bytes, its models, plain data and the parser's outline."""

    digest: str | None  # of the bytes read (timeline.curate.verify.digest)
    store: Store
    data: Any
    outline: list[Any] | None


_READ: dict[Path, _Reading] = {}  # a reading that the next edit of the same (unchanged) file starts from


def _read(path: Path, seal: str | None, text: str) -> _Reading:
    store, doc = load_text(path, text, outline=True)
    return _Reading(seal, store, doc.data, doc.outline)


def read_for_edit(path: Path | str) -> Store:
    """Read and validate the store now, as an edit of it will: a long command (extract --into) refuses an
    invalid store before its work, and its edit starts from this reading if the file has not changed since."""
    path = Path(path)
    raw = read_bytes(path)
    with bulk():
        reading = _READ[target_of(path)] = _read(path, digest(raw), decode(path, raw))
    return reading.store


def edit_store(path: Path | str, plan: Callable[[Store, YamlEditor], T], create: bool = False, write: bool = True) -> T:
    """Run plan(store, editor) under the lock, then validate and atomically write the edited text.

    The edited text must load, every citation it adds or changes must verify, and the file must still
    hold what was read (no hand save meanwhile); otherwise nothing is written. Returns what plan returned.
    The file is not rewritten when the plan made no edit, nor without write (a dry run). With create, a
    missing file starts as an empty store (and is written only if the plan adds something).
    """
    path = Path(path)
    with locked(path), bulk():  # a big store's objects would be scanned again and again by the collector
        raw = None if create and not path.exists() else read_bytes(path)
        text = NEW_STORE if raw is None else decode(path, raw)
        bom = "\ufeff" if raw and raw.startswith(b"\xef\xbb\xbf") else ""
        seal = digest(raw)
        del raw  # a large store's bytes need not be kept: their digest tells a save meanwhile
        reading = _READ.pop(target_of(path), None)
        if reading is None or reading.digest != seal:
            reading = _read(path, seal, text)
        store, old = reading.store, reading.data
        editor = YamlEditor(text, str(path), reading.outline)
        del reading
        result = plan(store, editor)
        new_text = editor.result()
        if write and new_text != text:
            new_store, doc = _validated(path, Before(text, old, store), editor, new_text)
            problems = new_citation_problems(store, new_store, doc, path.parent)
            if problems:
                raise StoreError([_after_edit(p, path) for p in problems])
            check_unchanged(path, seal)
            write_atomic(path, bom + new_text)
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
