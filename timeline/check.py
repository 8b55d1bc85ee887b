"""`timeline check`: everything a store must satisfy, every problem reported at once."""
from __future__ import annotations

from pathlib import Path

from timeline.errors import Problem, StoreError, shown
from timeline.schema import Store
from timeline.sources import SourceText, load_sources, verify_citations
from timeline.store import Document, bulk, load_store


def check_store(path: Path | str, strict: bool = False) -> tuple[Store, dict[str, SourceText], list[Problem]]:
    """Validate the store and its citations; raise StoreError with every problem, return warnings."""
    path = Path(path)
    with bulk():
        store, doc = load_store(path)
        texts, problems = load_sources(store, path.parent, doc)
        problems += verify_citations(store, texts, doc)
    warnings = _warnings(store, doc)
    if strict:
        problems += [Problem(w.message, w.file, w.line, w.event_id) for w in warnings]
        warnings = []
    if problems:
        raise StoreError(problems)
    return store, texts, warnings


def _warnings(store: Store, doc: Document) -> list[Problem]:
    found = []
    for i, source in enumerate(store.sources):
        if source.published_basis == "inferred" and not source.published_reviewed:
            found.append(Problem(f"source {source.id!r}: publication date {source.published} is inferred ({shown(source.published_note, 120)})",
                                 str(doc.path), doc.line(("sources", i, "published")), warning=True))
        if not source.sha256:
            found.append(Problem(f"source {source.id!r} has no sha256; changes to its file will go unnoticed",
                                 str(doc.path), doc.line(("sources", i)), warning=True))
    return found
