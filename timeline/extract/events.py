"""From documents to ranked, merged, cited candidate events (what `timeline extract` prints).

    extraction = extract(["sources/"])          # Extraction(documents, records/events, problems)

Stages, each in its own module: candidates (dated sentences per document, in worker processes),
merge (one group per happening across documents, date disputes), rank (importance), titles.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline.bulk import bulk
from timeline.errors import Problem
from timeline.extract.candidates import Mention, mentions_of, tag_document
from timeline.extract.dating import reading_warnings
from timeline.extract import partitions
from timeline.extract.figures import Claim, claims_in
from timeline.extract.groups import compatible, similar
from timeline.extract.pipeline import map_documents
from timeline.extract.words import content_words, vocabulary
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
    with bulk():  # the mentions are many and long-lived: the collector would scan them again and again
        records = tuple(build_records(mentions, doc_words, top, claims))
    return Extraction(tuple(docs), records, tuple(sink))


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
    become figure disputes of the events that cite them. The documents are one shard of the
    cross-document stage, run here partition after partition (timeline.extract.partitions)."""
    return partitions.run([partitions.prepare(0, mentions, doc_words, claims)], top)


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
