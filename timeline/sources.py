"""Source texts behind the citations: reading them as the offsets expect, hashing, verifying quotes."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import Problem, shown
from timeline.read.safe import read_source_file
from timeline.schema import Citation, Source, Store
from timeline.store import Document, citations_of


def text_hash(text: str) -> str:
    """SHA-256 of a text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class SourceText:
    """A registered source with its file's text loaded."""

    source: Source
    path: Path
    text: str  # the whole file

    @property
    def bounds(self) -> tuple[int, int]:
        """The [start, end) range of the file this source covers."""
        return self.source.segment or (0, len(self.text))

    @property
    def body(self) -> str:
        """The source's own text (its segment, or the whole file)."""
        start, end = self.bounds
        return self.text[start:end]


def load_sources(store: Store, base: Path, doc: Document | None = None) -> tuple[dict[str, SourceText], list[Problem]]:
    """Read every registered source; report missing, unreadable or changed files."""
    loaded: dict[str, SourceText] = {}
    problems: list[Problem] = []
    for i, source in enumerate(store.sources):
        where = _where(doc, ("sources", i, "file"))
        path = base / source.file
        outside = _outside_project(source.file, base)
        if outside:
            problems.append(Problem(f"source {source.id!r}: file {shown(source.file)} {outside}; copy the article into the "
                                    "project (e.g. sources/) and register that copy", *where()))
            continue
        try:
            text = read_source_file(os.path.realpath(path))
        except FileNotFoundError:
            problems.append(Problem(f"source {source.id!r}: file {shown(source.file)} not found (paths are relative to the events file)", *where()))
            continue
        except (UnicodeDecodeError, OSError) as exc:
            problems.append(Problem(f"source {source.id!r}: cannot read {shown(source.file)} as UTF-8 text: {shown(str(exc), 200)}", *where()))
            continue
        item = SourceText(source, path, text)
        problems += _check_source(item, doc, i)
        loaded[source.id] = item
    return loaded, problems


def _where(doc: Document | None, loc: tuple[str, int, str]) -> Callable[[], tuple[str | None, int | None]]:
    """(file, line) of loc, found only when a problem is reported (a line costs a second pass over the store)."""
    return lambda: (str(doc.path), doc.line(loc)) if doc else (None, None)


def _outside_project(file: str, base: Path) -> str | None:
    """Why a source path is refused, or None. A shared events.yaml (or a git repository or zip carrying
    symbolic links) must not make `timeline build` publish excerpts of the user's own files (/etc/passwd,
    ~/.ssh/id_ed25519): a source lies inside the project folder (the folder of events.yaml or its parent)
    and in no hidden folder, both as written and once every link is resolved."""
    folder = os.path.abspath(base)
    project = os.path.dirname(folder) if os.path.dirname(folder) != folder else folder
    written = _refused(os.path.normpath(os.path.join(folder, file)), project)
    if written:
        return written
    resolved = _refused(os.path.realpath(os.path.join(folder, file)), os.path.realpath(project))
    return f"{resolved} once its links are resolved" if resolved else None


def _refused(target: str, project: str) -> str | None:
    """Why `target` is no place for a source of `project` (both absolute paths), or None."""
    if os.path.commonpath([project, target]) != project or target == project:
        return f"is outside the project folder {project}"
    inside = os.path.relpath(target, project).split(os.sep)
    if any(part.startswith(".") for part in inside):
        return "is in a hidden folder or file"
    return None


def _check_source(item: SourceText, doc: Document | None, i: int) -> list[Problem]:
    source, problems = item.source, []
    file = str(doc.path) if doc else None
    if source.segment and source.segment[1] > len(item.text):
        line = doc.line(("sources", i, "segment")) if doc else None
        problems.append(Problem(f"source {source.id!r}: segment ends at {source.segment[1]} but the file has {len(item.text)} characters", file, line))
    elif source.sha256 and text_hash(item.body) != source.sha256:
        line = doc.line(("sources", i, "sha256")) if doc else None
        problems.append(Problem(
            f"source {source.id!r}: {shown(source.file)} changed since it was registered (sha256 differs); "
            "its citations may be stale: re-check them, then update sha256", file, line))
    return problems


def verify_citation(citation: Citation, texts: dict[str, SourceText]) -> str | None:
    """Why this citation is wrong, or None when its quote is exactly at its offset inside its source."""
    item = texts.get(citation.source)
    if item is None:
        return None  # unknown or unreadable sources are reported on their own
    start, end = item.bounds
    quote, offset = citation.quote, citation.offset
    if item.text[offset:offset + len(quote)] == quote and start <= offset and offset + len(quote) <= end:
        return None
    found = item.text.find(quote, start, end)
    if found >= 0:
        return f"quote is not at offset {offset} in {citation.source!r}; it is at offset {found}: fix the offset"
    if not (start <= offset < end):
        return f"offset {offset} is outside source {citation.source!r} (characters {start}..{end})"
    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    return f"quote {shown!r} not found in source {citation.source!r}; copy it exactly from the source text"


def verify_citations(store: Store, texts: dict[str, SourceText], doc: Document | None = None) -> list[Problem]:
    """Every citation of every event and era, checked against its source text."""
    problems = []
    items = [("events", i, e) for i, e in enumerate(store.events)] + [("eras", i, e) for i, e in enumerate(store.eras)]
    for kind, i, item in items:
        for loc, citation in citations_of(item, (kind, i)):
            why = verify_citation(citation, texts)
            if why:
                line = doc.line((*loc, "quote")) if doc else None
                problems.append(Problem(why, str(doc.path) if doc else None, line, item.id if kind == "events" else None))
    return problems
