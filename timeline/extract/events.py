"""From documents to ranked, merged, cited candidate events (what `timeline extract` prints).

    extraction = extract(["sources/"])          # Extraction(documents, records/events, problems)

Stages, each in its own module: candidates (dated sentences per document, in worker processes),
merge (one group per happening across documents, date disputes), rank (importance), titles.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline.errors import Problem
from timeline.extract.candidates import Mention, mentions_of, tag_document
from timeline.extract.dating import reading_warnings
from timeline.extract.figures import Claim, claim_disputes, claims_in
from timeline import dates
from timeline.dates import parse_single
from timeline.extract.groups import Group, compatible, similar
from timeline.extract.merge import group_mentions
from timeline.extract.pipeline import map_documents
from timeline.extract.rank import Centrality, date_references, importance
from timeline.extract.words import content_words, vocabulary
from timeline.ids import unique
from timeline.read import Document

if TYPE_CHECKING:
    from timeline.schema import Event


LEAD_CHARS = 2000  # the lead of an article states its topic; the rest adds little to the centroid


@dataclass(frozen=True)
class Extraction:
    """What extraction hands to the store: the documents read (each says whether it can be cited, and
    timeline.read.store_source.document_to_source gives its store entry), the candidate events in
    chronological order, and the problems met while reading (the unreadable inputs skipped).

    `records` are the events as JSON-ready dicts (what `timeline extract --json` prints); `events`, the
    same as timeline.schema.Event objects, are built from them when first asked for.
    """

    documents: tuple[Document, ...]
    records: tuple[dict[str, Any], ...]
    problems: tuple[Problem, ...] = ()

    @cached_property
    def events(self) -> tuple[Event, ...]:
        """The candidate events as schema objects."""
        return tuple(to_event(r) for r in self.records)

    @classmethod
    def of_events(cls, documents: Iterable[Document], events: Iterable[Event], problems: Iterable[Problem] = ()) -> Extraction:
        """An extraction from schema events (their records are made from them)."""
        events = tuple(events)
        made = cls(tuple(documents), tuple(e.model_dump(mode="json", include=RECORD_KEYS) for e in events), tuple(problems))
        made.__dict__["events"] = events  # what cached_property would have built
        return made


RECORD_KEYS = {"id", "date", "title", "summary", "importance", "status", "citations", "disputes"}


class Analysis(NamedTuple):
    """What the per-document stage finds in one document."""

    mentions: list[Mention]  # dated sentences (candidate mentions of happenings)
    words: set[str]  # the words of its lead, for the corpus centroid
    warnings: list[Problem]  # what its reader must be told (a language not read, relative dates left unresolved)
    claims: list[Claim]  # figures it states (figures.claims_in)


def analyse_document(doc: Document, mode: str = "auto", date_order: str | None = None) -> Analysis:
    """Per-document work (runs in worker processes)."""
    found = tag_document(doc, mode, date_order)
    lead = vocabulary(doc.text[doc.start:min(doc.stop, doc.start + LEAD_CHARS)])
    claims = claims_in(doc.id, doc.text, doc.start, doc.stop, [(t.start, t.end, t.value) for t in found])
    return Analysis(mentions_of(doc, found), lead, reading_warnings(doc, found), claims)


def extract(
    paths: Iterable[str | Path],
    published: str | None = None,
    top: int | None = None,
    jobs: int = 1,
    problems: list[Problem] | None = None,
    progress: bool | None = None,
    mode: str = "auto",
    date_order: str | None = None,
) -> Extraction:
    """Read PATHs, find dated happenings, merge them across documents, rank them; keep the `top` most
    important (all when None). Unreadable inputs are skipped, reported in `problems` (when given) and in
    the result's `problems`."""
    sink: list[Problem] = [] if problems is None else problems
    docs: list[Document] = []
    mentions: list[Mention] = []
    doc_words: list[set[str]] = []
    claims: list[Claim] = []
    for doc, found in map_documents(partial(analyse_document, mode=mode, date_order=date_order), paths, published=published, jobs=jobs, problems=sink, progress=progress):
        sink.extend(found.warnings)
        docs.append(doc)
        mentions.extend(found.mentions)
        doc_words.append(found.words)
        claims.extend(found.claims)
    return Extraction(tuple(docs), tuple(build_records(mentions, doc_words, top, claims)), tuple(sink))


def events_from_documents(docs: Iterable[Document], top: int | None = None) -> list[Event]:
    """Extraction in this process from documents already read (their reference dates set): the events."""
    mentions: list[Mention] = []
    words: list[set[str]] = []
    claims: list[Claim] = []
    for doc in docs:
        found = analyse_document(doc)
        mentions += found.mentions
        words.append(found.words)
        claims += found.claims
    return build_events(mentions, words, top, claims)


def build_events(mentions: list[Mention], doc_words: list[set[str]], top: int | None = None, claims: Iterable[Claim] = ()) -> list[Event]:
    """build_records as schema Event objects."""
    return [to_event(r) for r in build_records(mentions, doc_words, top, claims)]


def build_records(mentions: list[Mention], doc_words: list[set[str]], top: int | None = None, claims: Iterable[Claim] = ()) -> list[dict[str, Any]]:
    """Group, rank and title mentions; the `top` most important events, in chronological order, as
    JSON-ready dicts with the keys of timeline.schema.Event. `claims` (figures the documents state)
    become figure disputes of the events that cite them."""
    groups = group_mentions(mentions)
    central = Centrality(doc_words)
    refs = date_references(mentions)
    scored = []
    for group in groups:
        ordered = sorted(group.mentions, key=lambda m: (m.date != group.date, -central.score(m), m.source, m.offset))
        best = central.score(ordered[0])
        scored.append((importance(group, refs, best, ordered[0]), group, ordered))
    scored.sort(key=lambda item: (-item[0], item[1].date, item[2][0].source, item[2][0].offset))
    figures = claim_disputes(claims, _holders([group for _, group, _ in scored]))
    if top is not None:
        scored = scored[: max(0, top)]
    records = _to_records(scored, figures)
    records.sort(key=lambda e: (dates.parse(e["date"]).sort_key, -e["importance"], e["id"]))
    return records


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


FOLLOWS = 3  # characters between a cited sentence and the next: a figure stated right after a dated sentence is its


def _holders(groups: list[Group]) -> Callable[[Claim], int | None]:
    """claim -> index of the first of `groups` citing the claim's sentence or the sentence just before it."""
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for index, group in enumerate(groups):
        for m in group.mentions + group.rivals:
            spans[m.source].append((m.offset, m.offset + len(m.quote), index))

    def holder(claim: Claim) -> int | None:
        end = claim.offset + len(claim.quote)
        return min((i for a, b, i in spans.get(claim.source, ()) if a < end and claim.offset < b + FOLLOWS), default=None)

    return holder


def _to_records(scored: list[tuple[float, Group, list[Mention]]], figures: dict[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    used: set[str] = set()
    records = []
    for index, (value, group, ordered) in enumerate(scored):
        best = ordered[0]
        title = best.title[:200] or best.quote[:80]
        ident = unique(slug(_span(group.date, best), title), used)
        used.add(ident)
        records.append({
            "id": ident,
            "date": _span(group.date, best),
            "title": title,
            "summary": _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(best.quote.split())),
            "importance": value,
            "status": "candidate",
            "citations": [_citation(m) for m in ordered + group.echo_mentions],
            "disputes": _disputes(group, ordered, figures.get(index, [])),
        })
    return records


def _span(date: str, best: Mention) -> str:
    """The event's date: a span from its date when its best mention tells of a happening that lasted."""
    return f"{date}/{best.until}" if best.until and best.date == date else date


def to_event(record: dict[str, Any]) -> Event:
    """A record as a schema Event, built without re-validation: every value was made here and already
    checked (dates by filters.edtf, ids by slug(), quotes from the text); validating again would
    re-parse each date with python-edtf, about 4 ms a date."""
    from timeline.schema import Citation, Claim, Dispute, Event

    def cite(items: list[dict[str, Any]]) -> list[Citation]:
        return [Citation.model_construct(**c) for c in items]

    disputes = [
        Dispute.model_construct(**{**d, "claims": [Claim.model_construct(**{**c, "citations": cite(c["citations"])}) for c in d["claims"]]})
        for d in record["disputes"]
    ]
    return Event.model_construct(**{**record, "citations": cite(record["citations"]), "disputes": disputes})


def _citation(m: Mention) -> dict[str, Any]:
    return {"source": m.source, "quote": m.quote, "offset": m.offset}


def slug(date: str, title: str, words: int = 6) -> str:
    """A readable id from date and title: '2015-05-09-ministry-announces-amnesty'."""
    parts = re.findall(r"[a-z0-9]+", (date + " " + " ".join(title.split()[:words])).lower())
    return "-".join(parts)[:100].strip("-") or "event"


def _disputes(group: Group, ordered: list[Mention], figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return ([_date_dispute(group, ordered)] if group.rivals else []) + figures


def _date_dispute(group: Group, ordered: list[Mention]) -> dict[str, Any]:
    by_date: dict[str, list[Mention]] = defaultdict(list)
    for m in group.rivals:
        by_date[m.date].append(m)
    claims = [{"value": group.date, "citations": [_citation(m) for m in ordered]}]
    claims += [{"value": d, "citations": [_citation(m) for m in ms]} for d, ms in sorted(by_date.items())]
    return dict(about="date", description=f"When did it happen: {group.date} or {' or '.join(sorted(by_date))}?", claims=claims)


def same_happening(a: Event, b: Event) -> bool:
    """True when two events report the same happening: compatible dates and similar wording (of any
    of their citations, titles or summaries)."""
    if not compatible(a.date, b.date):
        return False
    texts_a = [c.quote for c in a.citations] + [a.summary or a.title]
    texts_b = [c.quote for c in b.citations] + [b.summary or b.title]
    if set(texts_a) & set(texts_b):
        return True
    words_a = [content_words(t) for t in texts_a]
    words_b = [content_words(t) for t in texts_b]
    return any(similar(x, y) for x in words_a for y in words_b)
