"""Editing a hand-curated events.yaml without losing anything the editor wrote.

Every edit here follows one sequence, under the store's lock:

1. validate the file with the safe loader (timeline.store.load_store); refuse to touch an invalid store;
2. plan the change on the validated models and express it as text splices (timeline.yamlpatch): the
   bytes of everything not edited stay exactly as they were (comments, key order, quoting, blank lines);
3. validate the edited text again, in memory, and only then replace the file atomically.

What "reviewed events and hand edits are never changed" means for `merge_extraction`:
- a *reviewed* event is never modified: no citation, dispute or key is added or altered. New passages
  that report it are listed in the report as new evidence (`MergeReport.evidence`) for the editor;
- a *candidate* event only ever gains citations and disputes appended at the end of its lists; no
  existing key or value (title, summary, note, date, lane, tags, earlier citations) is altered;
- sources already registered are never altered (a changed hash is `timeline check`'s to report);
- nothing is ever deleted, and a rejected happening (store.rejected) is never brought back.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from timeline import dates
from timeline.display import display
from timeline.errors import Problem, StoreError, TimelineError
from timeline.fileio import locked, write_atomic
from timeline.ids import unique
from timeline.read.safe import read_source_file
from timeline.schema import Citation, Claim, Dispute, Event, Rejected, Source, Store
from timeline.sources import SourceText, load_sources, verify_citation
from timeline.store import load_store
from timeline.terminal import one_line
from timeline.yamlpatch import YamlEditor

T = TypeVar("T")
CitationKey = tuple[str, int, str]
MAX_SHOWN = 10  # problems of one kind listed in a merge report
PROGRESS_FROM = 500  # candidates from which a merge shows a progress bar on a terminal
Progress = Callable[[Iterable[Any]], Iterable[Any]]


class CurateError(TimelineError):
    """An editing request that cannot be done as asked (unknown event, bad citation number...)."""


# ---------------------------------------------------------------------------------------------------
# fingerprints of rejected happenings


def quote_hash(source: str, quote: str) -> str:
    """A short, stable hash of a cited passage (whitespace-insensitive)."""
    text = f"{source}\n{' '.join(quote.split())}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fingerprint(event: Event) -> str:
    """The key remembered for a rejected event: its date and the hashes of its quotes, e.g. '2015-05 3fa2c1d09b7e+...'."""
    hashes = sorted({quote_hash(c.source, c.quote) for c in event.citations})
    return f"{event.date} {'+'.join(hashes)}"


def is_rejected(event: Event, rejected: list[Rejected]) -> bool:
    """True when the editor rejected this happening: a date containing or contained in the rejected one
    (so a re-extraction at another precision stays rejected) and at least one of the same quotes."""
    mine = {quote_hash(c.source, c.quote) for c in event.citations}
    for item in rejected:
        date, _, hashes = item.key.partition(" ")
        if mine & set(hashes.split("+")) and _nested(date, event.date):
            return True
    return False


def _nested(a: str, b: str) -> bool:
    """True when two EDTF dates are equal or one lies within the other."""
    if a == b:
        return True
    if not (dates.is_valid(a) and dates.is_valid(b)):
        return False
    x, y = dates.parse(a), dates.parse(b)
    if None in (x.lower, x.upper, y.lower, y.upper):
        return False
    return bool((x.lower <= y.lower and y.upper <= x.upper) or (y.lower <= x.lower and x.upper <= y.upper))  # type: ignore[operator]


# ---------------------------------------------------------------------------------------------------
# the edit sequence


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


def edit_store(path: Path | str, plan: Callable[[Store, YamlEditor], T], create: bool = False) -> T:
    """Run plan(store, editor) under the lock, then validate and atomically write the edited text.

    Returns what plan returned. The file is not rewritten when the plan made no edit. With create, a
    missing file starts as an empty store (and is written only if the plan adds something).
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
        if new_text != text:
            new_text = bom + new_text
            _validate_text(new_text, path)
            write_atomic(path, new_text)
    return result


def _event_index(store: Store, event_id: str, path: Path | str) -> int:
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


def citation_key(citation: Citation) -> CitationKey:
    """What makes two citations identical: source, offset and quote."""
    return (citation.source, citation.offset, citation.quote)


def same_passage(a: Citation, b: Citation) -> bool:
    """True when two citations cite the same passage: same source, and one quote's span contains the other's."""
    if a.source != b.source:
        return False
    a_end, b_end = a.offset + len(a.quote), b.offset + len(b.quote)
    return (a.offset <= b.offset and b_end <= a_end) or (b.offset <= a.offset and a_end <= b_end)


def new_citations(have: list[Citation], found: list[Citation]) -> list[Citation]:
    """The citations of found that cite no passage already in have (nor earlier in found)."""
    fresh: list[Citation] = []
    for citation in found:
        if not any(same_passage(citation, other) for other in have + fresh):
            fresh.append(citation)
    return fresh


# ---------------------------------------------------------------------------------------------------
# merging an extraction


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
        return out


@dataclass
class _Target:
    """An existing or new event that candidates may add to."""

    event: Event
    index: int | None  # position in store.events; None for an event new in this merge
    added: list[Citation] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)


class _SourceMap:
    """Maps extraction sources onto the store's: reuse a registered source covering the passage, else register."""

    def __init__(self, store: Store, base: Path, extraction: Any) -> None:
        self.base = base
        self.store = store
        self.texts, _problems = load_sources(store, base)
        self.new: dict[str, Source] = {}
        self.candidates: dict[str, Source] = {}
        self.ids = {s.id for s in store.sources}
        self.unusable: dict[str, str] = {}  # source id -> why its passages cannot be cited
        for item in extraction.sources:
            source = item if isinstance(item, Source) else _document_to_source(item, base)
            self.candidates[source.id] = source
            if not isinstance(item, Source):
                self.candidates.setdefault(item.id, source)
                why = _not_citable(item, source, base)
                if why:
                    self.unusable[source.id] = self.unusable[item.id] = why

    def resolve(self, citation: Citation) -> Citation | None:
        """The citation pointing at the store's source for its passage (registering one if needed)."""
        source = self.candidates.get(citation.source) or self.store.source(citation.source)
        if source is None or citation.source in self.unusable:
            return None
        end = citation.offset + len(citation.quote)
        for existing in self.store.sources:
            if _same_file(existing.file, source.file, self.base) and _covers(existing, self.texts, citation.offset, end):
                return citation.model_copy(update={"source": existing.id})
        for new in self.new.values():
            if _same_file(new.file, source.file, self.base) and new.segment == source.segment:
                return citation.model_copy(update={"source": new.id})
        registered = source.model_copy(update={"id": unique(source.id, self.ids)})
        self.ids.add(registered.id)
        self.new[registered.id] = registered
        self.texts[registered.id] = SourceText(registered, self.base / registered.file, read_source_file(self.base / registered.file))
        return citation.model_copy(update={"source": registered.id})


def _not_citable(doc: Any, source: Source, base: Path) -> str | None:
    """Why a document's passages cannot be cited by offset into its file (None when they can)."""
    try:
        text = read_source_file(base / source.file)
    except (OSError, UnicodeDecodeError) as exc:
        return f"{doc.path}: cannot read the file ({exc})"
    start, stop = doc.start, doc.stop
    if text[start:stop] != doc.text[start:stop]:
        return (f"{doc.path}: the text extraction read is not the file's own characters (HTML, or one article of a JSONL "
                "corpus), so quotes cannot be cited by offset; save each article as a .txt file and extract from those")
    return None


def _document_to_source(doc: Any, base: Path) -> Source:
    from timeline.read.store_source import document_to_source

    return document_to_source(doc, base)


def _same_file(a: str, b: str, base: Path) -> bool:
    return os.path.normpath(base / a) == os.path.normpath(base / b)


def _covers(source: Source, texts: dict[str, SourceText], start: int, end: int) -> bool:
    if source.segment is None:
        return True
    return source.segment[0] <= start and end <= source.segment[1]


def merge_extraction(store_path: Path | str, extraction: Any, same: Callable[[Event, Event], bool] | None = None,
                     progress: Progress | bool | None = None) -> MergeReport:
    """Add an extraction's candidates to the store at store_path (created if missing); return what changed.

    extraction has `sources` (timeline.documents.Document or schema.Source) and `events` (schema.Event).
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


def _plan_merge(store: Store, editor: YamlEditor, path: Path, extraction: Any, same: Callable[[Event, Event], bool],
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


# ---------------------------------------------------------------------------------------------------
# the review loop


def candidates(store: Store) -> list[Event]:
    """Events waiting for review, in file order."""
    return [e for e in store.events if e.status == "candidate"]


def accept(path: Path | str, event_id: str, title: str | None = None, lane: str | None = None) -> Event:
    """Mark an event reviewed, optionally giving it a new title and lane; return it as now stored."""

    def plan(store: Store, editor: YamlEditor) -> Event:
        i = _event_index(store, event_id, path)
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
        i = _event_index(store, event_id, path)
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
        i, j = _event_index(store, keep_id, path), _event_index(store, other_id, path)
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
        i = _event_index(store, event_id, path)
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
        from timeline.sources import text_hash
        from timeline.store import citations_of

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
        line = editor.node((*loc, "quote"))
        report.stale.append(Problem(f"quote {short(citation.quote, 60)!r} is {why}: fix the quote and offset by hand",
                                    str(path), line.start_mark.line + 1 if line is not None else None, owner))
        return False
    editor.set(loc, "offset", first)
    report.moved[citation.source] = report.moved.get(citation.source, 0) + 1
    return True


def short(text: str, limit: int = 160) -> str:
    """One printable line of at most limit characters (no terminal escape sequences from a source)."""
    return one_line(text, limit)
