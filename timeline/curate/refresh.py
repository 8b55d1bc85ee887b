"""After source files changed: move citations to their quotes' new offsets and update the sources' hashes."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.curate.editing import CurateError, edit_store, short
from timeline.errors import Problem
from timeline.schema import Citation, Store
from timeline.sources import SourceText, load_sources, text_hash, verify_citation
from timeline.store import citations_of
from timeline.yamledit import YamlEditor


@dataclass
class RefreshReport:
    """What `refresh_sources` did for sources whose files changed."""

    moved: dict[str, int] = field(default_factory=dict)  # source id -> citations whose offset was updated
    rehashed: list[str] = field(default_factory=list)  # sources whose sha256 was updated
    stale: list[Problem] = field(default_factory=list)  # citations that need the editor (hash left as it was)

    def lines(self, store: Path | str) -> list[str]:
        """The report for a terminal."""
        out = [f"{store}: {sum(self.moved.values())} citation offsets updated, {len(self.rehashed)} source hashes updated"]
        out += [f"  ~ {sid}: {n} offset(s) updated" for sid, n in self.moved.items()]
        out += [f"  ~ {sid}: sha256 updated" for sid in self.rehashed]
        out += [f"  ! {p}" for p in self.stale]
        return out


def refresh_sources(path: Path | str, source_ids: list[str] | None = None) -> RefreshReport:
    """After source files changed: move each citation to where its exact quote now is, then update the hash.

    A quote found exactly once in its source (within its segment) gets the new offset. A quote that is
    gone or ambiguous is reported and its source keeps its old sha256, so `timeline check` keeps
    flagging it until the editor fixes it by hand. Sources given by id are refreshed even when unchanged
    (e.g. to add a missing sha256).
    """
    path = Path(path)
    report = RefreshReport()

    def plan(store: Store, editor: YamlEditor) -> RefreshReport:
        unknown = [sid for sid in source_ids or [] if store.source(sid) is None]
        if unknown:
            raise CurateError.at(f"no source with id {', '.join(map(repr, unknown))}; ids are under sources:", path)
        texts, _problems = load_sources(store, path.parent)
        for i, source in enumerate(store.sources):
            item = texts.get(source.id)
            if item is None or (source_ids and source.id not in source_ids):
                continue
            current = text_hash(item.body)
            if not source_ids and source.sha256 == current:
                continue
            items = [("events", j, e) for j, e in enumerate(store.events)] + [("eras", j, e) for j, e in enumerate(store.eras)]
            ok = True
            for kind, j, owner in items:
                for loc, citation in citations_of(owner, (kind, j)):
                    if citation.source == source.id:
                        ok &= _relocate(editor, loc, citation, item, owner.id, path, report)
            if ok and source.sha256 != current:
                editor.set(("sources", i), "sha256", current)
                report.rehashed.append(source.id)
        return report

    return edit_store(path, plan)


def _relocate(editor: YamlEditor, loc: tuple[Any, ...], citation: Citation, item: SourceText, owner: str, path: Path,
              report: RefreshReport) -> bool:
    """Point the citation at its quote's new offset when that is certain; False when the editor must look."""
    if not verify_citation(citation, {citation.source: item}):
        return True
    start, end = item.bounds
    first = item.text.find(citation.quote, start, end)
    again = item.text.find(citation.quote, first + 1, end) if first >= 0 else -1
    if first < 0 or again >= 0:
        why = "no longer in the source" if first < 0 else f"found more than once (offsets {first}, {again}, ...)"
        report.stale.append(Problem(f"quote {short(citation.quote, 60)!r} is {why}: fix the quote and offset by hand",
                                    str(path), editor.line((*loc, "quote")), owner))
        return False
    editor.set(loc, "offset", first)
    report.moved[citation.source] = report.moved.get(citation.source, 0) + 1
    return True
