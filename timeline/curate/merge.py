"""Merging an extraction into the store: new events, and new citations and disputes on candidates.

What "reviewed events and hand edits are never changed" means for `merge_extraction`:
- a *reviewed* event is never modified: no citation, dispute or key is added or altered. New passages
  that report it are listed in the report as new evidence (`MergeReport.evidence`) for the editor;
- a *candidate* event only ever gains citations and disputes appended at the end of its lists; no
  existing key or value (title, summary, note, date, lane, tags, earlier citations) is altered;
- sources already registered are never altered (a changed hash is `timeline check`'s to report);
- nothing is ever deleted, and a rejected happening (store.rejected) is never brought back.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from timeline import dates
from timeline.curate.editing import citation_data, dump_model, edit_store, short
from timeline.curate.fingerprints import is_rejected
from timeline.curate.passages import new_citations
from timeline.errors import Problem
from timeline.ids import unique
from timeline.schema import Citation, Claim, Dispute, Event, Source, Store
from timeline.terminal import printable
from timeline.display import display
from timeline.read import Document
from timeline.read.safe import read_source_file
from timeline.read.store_source import document_to_source
from timeline.sources import SourceText, load_sources, verify_citation
from timeline.yamledit import YamlEditor

MAX_SHOWN = 10  # problems of one kind listed in a merge report
PROGRESS_FROM = 500  # candidates from which a merge shows a progress bar on a terminal
Progress = Callable[[Iterable[Any]], Iterable[Any]]


class Candidates(Protocol):
    """What a merge takes: timeline.extract.events.Extraction, or a hand-made list of sources and events."""

    @property
    def documents(self) -> Sequence[Document | Source]: ...

    @property
    def events(self) -> Sequence[Event]: ...


@dataclass
class MergeReport:
    """What a merge changed (and what it deliberately left alone)."""

    store: Path
    new_sources: list[str] = field(default_factory=list)
    new_events: list[tuple[str, str, str]] = field(default_factory=list)  # (id, date, title)
    new_citations: dict[str, int] = field(default_factory=dict)  # event id -> citations added
    new_disputes: list[tuple[str, str]] = field(default_factory=list)  # (event id, description)
    evidence: dict[str, int] = field(default_factory=dict)  # reviewed event id -> passages not added
    rejected: list[str] = field(default_factory=list)  # titles of candidates the editor had rejected
    dropped: list[Problem] = field(default_factory=list)  # citations that did not verify, left out
    unusable: dict[str, int] = field(default_factory=dict)  # why a document cannot be cited -> passages left out

    @property
    def changed(self) -> bool:
        """True when the store file was rewritten."""
        return bool(self.new_sources or self.new_events or self.new_citations or self.new_disputes)

    def lines(self) -> list[str]:
        """The report as lines for a terminal."""
        out = [f"{self.store}: {len(self.new_events)} new events, {sum(self.new_citations.values())} new citations "
               f"on {len(self.new_citations)} events, {len(self.new_disputes)} new disputes, {len(self.new_sources)} new sources"]
        out += [f"  + source {s}" for s in self.new_sources]
        out += [f"  + event {i} ({d}): {short(t)}" for i, d, t in self.new_events]
        out += [f"  + {n} citation(s) on {i}" for i, n in self.new_citations.items()]
        out += [f"  + dispute on {i}: {short(d)}" for i, d in self.new_disputes]
        out += [f"  = new evidence for reviewed event {i}: {n} passage(s) not added (reviewed events are never changed)"
                for i, n in self.evidence.items()]
        if self.rejected:
            out.append(f"  - {len(self.rejected)} candidate(s) skipped: rejected earlier")
        out += [f"  ! left out: {p}" for p in self.dropped[:MAX_SHOWN]]
        if len(self.dropped) > MAX_SHOWN:
            out.append(f"  ! ... and {len(self.dropped) - MAX_SHOWN} more citations left out")
        out += [f"  ! {n} passage(s) left out: {why}" for why, n in list(self.unusable.items())[:MAX_SHOWN]]
        if len(self.unusable) > MAX_SHOWN:
            out.append(f"  ! ... and {len(self.unusable) - MAX_SHOWN} more documents that cannot be cited")
        return [printable(line) for line in out]


@dataclass
class _Target:
    """An existing or new event that candidates may add to."""

    event: Event
    index: int | None  # position in store.events; None for an event new in this merge
    added: list[Citation] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)


class _SourceMap:
    """Maps extraction sources onto the store's: reuse a registered source covering the passage, else register."""

    def __init__(self, store: Store, base: Path, extraction: Candidates) -> None:
        self.base = base
        self.store = store
        self.new: dict[str, Source] = {}
        self.candidates: dict[str, Source] = {}
        self.ids = {s.id for s in store.sources}
        self.unusable: dict[str, str] = {}  # source id -> why its passages cannot be cited
        for item in extraction.documents:
            source = item if isinstance(item, Source) else document_to_source(item, base)
            self.candidates[source.id] = source
            if isinstance(item, Document):
                self.candidates.setdefault(item.id, source)
                if item.uncitable:
                    self.unusable[source.id] = self.unusable[item.id] = item.uncitable
        cited = {c.source for e in extraction.events for c in e.citations} | {
            c.source for e in extraction.events for d in e.disputes for claim in d.claims for c in claim.citations}
        self.by_id = by_id = {s.id: s for s in store.sources}
        known = [by_id[sid] for sid in cited - set(self.candidates) if sid in by_id]
        files = {os.path.normpath(base / s.file) for s in [*self.candidates.values(), *known]}
        self.registered = [s for s in store.sources if os.path.normpath(base / s.file) in files]  # the only ones a passage can be on
        self.texts, _problems = load_sources(store.model_copy(update={"sources": self.registered}), base)

    def resolve(self, citation: Citation) -> Citation | None:
        """The citation pointing at the store's source for its passage (registering one if needed)."""
        source = self.candidates.get(citation.source) or self.by_id.get(citation.source)
        if source is None or citation.source in self.unusable:
            return None
        end = citation.offset + len(citation.quote)
        for existing in self.registered:
            if _same_file(existing.file, source.file, self.base) and _covers(existing, citation.offset, end):
                return citation.model_copy(update={"source": existing.id})
        for new in self.new.values():
            if _same_file(new.file, source.file, self.base) and new.segment == source.segment:
                return citation.model_copy(update={"source": new.id})
        registered = source.model_copy(update={"id": unique(source.id, self.ids)})
        self.ids.add(registered.id)
        self.new[registered.id] = registered
        self.texts[registered.id] = SourceText(registered, self.base / registered.file, read_source_file(self.base / registered.file))
        return citation.model_copy(update={"source": registered.id})


def _same_file(a: str, b: str, base: Path) -> bool:
    return os.path.normpath(base / a) == os.path.normpath(base / b)


def _covers(source: Source, start: int, end: int) -> bool:
    if source.segment is None:
        return True
    return source.segment[0] <= start and end <= source.segment[1]


def merge_extraction(store_path: Path | str, extraction: Candidates, same: Callable[[Event, Event], bool] | None = None,
                     progress: Progress | bool | None = None) -> MergeReport:
    """Add an extraction's candidates to the store at store_path (created if missing); return what changed.

    extraction has `documents` (timeline.read.Document, each saying whether it can be cited, or
    schema.Source) and `events` (schema.Event): timeline.extract.events.Extraction is one.
    `same(a, b)` decides whether two events report the same happening (default: the extractor's
    same_happening). See the module docstring for what is never changed. progress: a wrapper for the
    candidates (e.g. tqdm), False for none, None for a bar on a terminal's stderr when there are many.
    """
    path = Path(store_path)
    wrap: Progress | None = None
    if progress is None or progress is True:
        wrap = _terminal_bar(len(extraction.events), force=progress is True)
    elif progress is not False:
        wrap = progress
    if same is None:
        from timeline.extract.events import same_happening

        same = same_happening
    judge: Callable[[Event, Event], bool] = same
    report = MergeReport(path)

    def plan(store: Store, editor: YamlEditor) -> MergeReport:
        _plan_merge(store, editor, path, extraction, judge, wrap, report)
        return report

    return edit_store(path, plan, create=True)


def _terminal_bar(count: int, force: bool = False) -> Progress | None:
    """A tqdm bar on stderr for long merges, shown only on a terminal (tqdm's disable=None)."""
    if count < PROGRESS_FROM and not force:
        return None
    from tqdm import tqdm

    def bar(items: Iterable[Any]) -> Iterable[Any]:
        return tqdm(items, total=count, desc="merging", unit="candidate", leave=False, disable=None)  # type: ignore[no-any-return]

    return bar


def _plan_merge(store: Store, editor: YamlEditor, path: Path, extraction: Candidates, same: Callable[[Event, Event], bool],
                progress: Progress | None, report: MergeReport) -> None:
    sources = _SourceMap(store, path.parent, extraction)
    targets = [_Target(e, i) for i, e in enumerate(store.events)]
    ids = {e.id for e in store.events}
    events: Iterable[Event] = extraction.events
    for candidate in progress(events) if progress else events:
        candidate = _resolved(candidate, sources, report)
        if candidate is None:
            continue
        if is_rejected(candidate, store.rejected):
            report.rejected.append(candidate.title)
            continue
        target = _match(candidate, targets, same)
        if target is None:
            lane = candidate.lane if candidate.lane in {lane.id for lane in store.lanes} else None
            new = candidate.model_copy(update={"id": unique(candidate.id, ids), "status": "candidate", "lane": lane})
            ids.add(new.id)
            targets.append(_Target(new, None))
        else:
            _add_to(target, candidate, report)
    _write_merge(store, editor, sources, targets, report)


def _resolved(candidate: Event, sources: _SourceMap, report: MergeReport) -> Event | None:
    """The candidate with citations on store sources, verified; None when no citation survives."""
    kept: list[Citation] = []
    for citation in candidate.citations:
        if citation.source in sources.unusable:
            report.unusable.setdefault(sources.unusable[citation.source], 0)
            report.unusable[sources.unusable[citation.source]] += 1
            continue
        resolved = sources.resolve(citation)
        why = "unknown source" if resolved is None else verify_citation(resolved, sources.texts)
        if resolved is None or why:
            report.dropped.append(Problem(f"candidate {candidate.title!r}: {why}", citation.source))
            continue
        kept += new_citations(kept, [resolved])
    if not kept:
        return None
    disputes = [d.model_copy(update={"claims": [_claim_resolved(c, sources) for c in d.claims]}) for d in candidate.disputes]
    disputes = [d for d in disputes if all(c.citations for c in d.claims)]
    return candidate.model_copy(update={"citations": kept, "disputes": disputes})


def _claim_resolved(claim: Claim, sources: _SourceMap) -> Claim:
    cits = [r for r in (sources.resolve(c) for c in claim.citations) if r is not None and not verify_citation(r, sources.texts)]
    return claim.model_copy(update={"citations": cits})


def _match(candidate: Event, targets: list[_Target], same: Callable[[Event, Event], bool]) -> _Target | None:
    """The event this candidate reports: one sharing a cited passage and its date, else `same`'s choice."""
    for target in targets:
        if target.event.date == candidate.date and len(new_citations(_all_citations(target), candidate.citations)) < len(candidate.citations):
            return target
    for target in targets:
        if same(target.event, candidate):
            return target
    return None


def _all_citations(target: _Target) -> list[Citation]:
    return list(target.event.citations) + target.added


def _add_to(target: _Target, candidate: Event, report: MergeReport) -> None:
    fresh = new_citations(_all_citations(target), candidate.citations)
    if target.index is None:  # an event new in this merge: extend it before it is written
        event = target.event
        target.event = event.model_copy(update={"citations": list(event.citations) + fresh})
        return
    if target.event.status == "reviewed":
        if fresh:
            report.evidence[target.event.id] = report.evidence.get(target.event.id, 0) + len(fresh)
        return
    target.added += fresh
    descriptions = {d.description for d in target.event.disputes} | {d.description for d in target.disputes}
    for dispute in candidate.disputes:
        if dispute.description not in descriptions:
            target.disputes.append(dispute)
            descriptions.add(dispute.description)
    conflict = _date_conflict(target, candidate, fresh)
    if conflict and conflict.description not in descriptions:
        target.disputes.append(conflict)


def _date_conflict(target: _Target, candidate: Event, fresh: list[Citation]) -> Dispute | None:
    """A date dispute when the candidate dates the happening to a period disjoint from the event's date."""
    mine, theirs = dates.parse(target.event.date), dates.parse(candidate.date)
    if not fresh or None in (mine.lower, mine.upper, theirs.lower, theirs.upper):
        return None
    if mine.upper < theirs.lower or theirs.upper < mine.lower:  # type: ignore[operator]
        return Dispute(about="date", description=f"When did it happen: {display(target.event.date)} or {display(candidate.date)}?",
                       claims=[Claim(value=target.event.date, citations=list(target.event.citations)),
                               Claim(value=candidate.date, citations=fresh)])
    return None


def _write_merge(store: Store, editor: YamlEditor, sources: _SourceMap, targets: list[_Target], report: MergeReport) -> None:
    used = {c.source for t in targets for c in _all_citations(t) + [c for d in t.disputes for cl in d.claims for c in cl.citations]}
    new_sources = [s for s in sources.new.values() if s.id in used]
    if new_sources:
        editor.append(("sources",), [dump_model(s) for s in new_sources])
        report.new_sources += [s.id for s in new_sources]
    for target in targets:
        if target.index is None:
            continue
        if target.added:
            editor.append(("events", target.index, "citations"), [citation_data(c) for c in target.added])
            report.new_citations[target.event.id] = len(target.added)
        if target.disputes:
            editor.append(("events", target.index, "disputes"), [dump_model(d) for d in target.disputes])
            report.new_disputes += [(target.event.id, d.description) for d in target.disputes]
    new_events = [t.event for t in targets if t.index is None]
    if new_events:
        editor.append(("events",), [dump_model(e, keep=("status",)) for e in new_events])
        report.new_events += [(e.id, e.date, e.title) for e in new_events]
        report.new_disputes += [(e.id, d.description) for e in new_events for d in e.disputes]
