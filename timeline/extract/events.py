"""From documents to ranked, merged, cited candidate events (what `timeline extract` prints).

    extraction = extract(["sources/"])          # Extraction(documents, records/events, problems)

Stages, each in its own module: candidates (dated sentences per document, in worker processes),
merge (one group per happening across documents, date disputes), rank (importance), titles.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.errors import Problem
from timeline.extract.candidates import Mention, mentions_of, tag_document
from timeline.extract.dating import reading_warnings
from timeline.dates import parse_single
from timeline.extract.merge import Group, compatible, group_mentions, overlap, similar
from timeline.extract.pipeline import map_documents
from timeline.extract.rank import Centrality, date_references, importance
from timeline.extract.words import STOPWORDS, content_words, vocabulary
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


def analyse_document(doc: Document, mode: str = "auto", date_order: str | None = None) -> tuple[list[Mention], set[str], list[Problem]]:
    """Per-document work (runs in worker processes): candidate mentions, the document's words, and what
    its reader must be told (a language not read, relative dates left unresolved)."""
    found = tag_document(doc, mode, date_order)
    lead = vocabulary(doc.text[doc.start:min(doc.stop, doc.start + LEAD_CHARS)])
    return mentions_of(doc, found), lead, reading_warnings(doc, found)


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
    for doc, (found, words, warnings) in map_documents(partial(analyse_document, mode=mode, date_order=date_order), paths, published=published, jobs=jobs, problems=sink, progress=progress):
        sink.extend(warnings)
        docs.append(doc)
        mentions.extend(found)
        doc_words.append(words)
    return Extraction(tuple(docs), tuple(build_records(mentions, doc_words, top)), tuple(sink))


def build_events(mentions: list[Mention], doc_words: list[set[str]], top: int | None = None) -> list[Event]:
    """build_records as schema Event objects."""
    return [to_event(r) for r in build_records(mentions, doc_words, top)]


def build_records(mentions: list[Mention], doc_words: list[set[str]], top: int | None = None) -> list[dict[str, Any]]:
    """Group, rank and title mentions; the `top` most important events, in chronological order, as
    JSON-ready dicts with the keys of timeline.schema.Event."""
    groups = group_mentions(mentions)
    central = Centrality(doc_words)
    refs = date_references(mentions)
    scored = []
    for group in groups:
        ordered = sorted(group.mentions, key=lambda m: (m.date != group.date, -central.score(m), m.source, m.offset))
        best = central.score(ordered[0])
        scored.append((importance(group, refs, best, ordered[0]), group, ordered))
    scored.sort(key=lambda item: (-item[0], item[1].date, item[2][0].source, item[2][0].offset))
    if top is not None:
        scored = scored[: max(0, top)]
    records = _to_records(scored)
    records.sort(key=lambda e: (parse_single(e["date"]).sort_key, -e["importance"], e["id"]))
    return records


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


def _to_records(scored: list[tuple[float, Group, list[Mention]]]) -> list[dict[str, Any]]:
    used: set[str] = set()
    records = []
    for value, group, ordered in scored:
        best = ordered[0]
        title = best.title[:200] or best.quote[:80]
        ident = unique(slug(group.date, title), used)
        used.add(ident)
        records.append({
            "id": ident,
            "date": group.date,
            "title": title,
            "summary": _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(best.quote.split())),
            "importance": value,
            "status": "candidate",
            "citations": [_citation(m) for m in ordered],
            "disputes": _disputes(group, ordered),
        })
    return records


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


def _disputes(group: Group, ordered: list[Mention]) -> list[dict[str, Any]]:
    out = []
    if group.rivals:
        out.append(_date_dispute(group, ordered))
    figure = _figure_dispute(ordered + group.rivals) if len(group.sources) > 1 else None
    if figure:
        out.append(figure)
    return out


def _date_dispute(group: Group, ordered: list[Mention]) -> dict[str, Any]:
    by_date: dict[str, list[Mention]] = defaultdict(list)
    for m in group.rivals:
        by_date[m.date].append(m)
    claims = [{"value": group.date, "citations": [_citation(m) for m in ordered]}]
    claims += [{"value": d, "citations": [_citation(m) for m in ms]} for d, ms in sorted(by_date.items())]
    return dict(about="date", description=f"When did it happen: {group.date} or {' or '.join(sorted(by_date))}?", claims=claims)


_FIGURE = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+(?:more\s+than\s+)?([A-Za-z][a-z-]{2,})")


def _figure_dispute(mentions: list[Mention]) -> dict[str, Any] | None:
    """Different documents giving different numbers of the same thing ('1,100 Tajiks' / '2,000 Tajiks')."""
    claims: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for m in mentions:
        for number, noun in _FIGURE.findall(m.quote):
            noun = noun.lower()
            if noun in STOPWORDS:
                continue
            if not re.fullmatch(r"(?:1[89]|20)\d\d", number):
                claims[noun][number].append(m)
    for noun, values in claims.items():
        if len(values) >= 2 and _restated(list(values.values())):
            return {
                "about": "figure",
                "description": f"How many {noun}?",
                "claims": [{"value": v, "citations": [_citation(m) for m in ms]} for v, ms in sorted(values.items())],
            }
    return None


FIGURE_OVERLAP = 0.6


def _restated(sides: list[list[Mention]]) -> bool:
    """True when two documents say nearly the same sentence with different numbers (not two figures
    of one report, nor a running count in loosely related sentences)."""
    for i, side in enumerate(sides):
        for other in sides[i + 1:]:
            for a in side:
                for b in other:
                    if a.source != b.source and overlap(a.words, b.words)[1] >= FIGURE_OVERLAP:
                        return True
    return False


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
