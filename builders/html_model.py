"""What the page shows, computed once: events in order with their lane, bounds and display date (rows are placed by the page script)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline.display import display as display_date
from timeline import dates
from timeline.schema import Citation, Era, Event, Store
from timeline.sources import SourceText

OTHER_LANE = "other"
CONTEXT_CHARS = 200  # characters of source text shown around a quote in the in-page source view


def shift(day: date, days: int) -> date:
    """day moved by a number of days, kept inside what datetime.date can hold (years 1 to 9999)."""
    ordinal = min(max(day.toordinal() + days, date.min.toordinal()), date.max.toordinal())
    return date.fromordinal(ordinal)


@dataclass(frozen=True)
class PageLane:
    """A row band of the plot."""

    id: str
    label: str
    index: int


@dataclass
class PageEvent:
    """An event placed on the page."""

    event: Event
    index: int
    lane: PageLane
    date_text: str
    lower: date | None
    upper: date | None
    is_point: bool
    approximate: bool
    uncertain: bool
    candidate: bool
    sources: list[str] = field(default_factory=list)
    open_start: bool = False
    open_end: bool = False

    @property
    def plotted(self) -> bool:
        """False when the date is unknown at both ends, so nothing honest can be drawn."""
        return self.lower is not None or self.upper is not None


@dataclass(frozen=True)
class PageEra:
    """An era band."""

    era: Era
    lower: date
    upper: date
    date_text: str


@dataclass
class Excerpts:
    """Source text around quotes whose source has no URL, for the in-page source view.

    Each source keeps only merged windows around its quotes; a citation points into a window with
    UTF-16 positions (what JavaScript strings count), so a quote after an emoji is still highlighted right.
    """

    windows: dict[str, list[str]] = field(default_factory=dict)
    cites: dict[str, tuple[str, int, int, int]] = field(default_factory=dict)  # key -> source, window, start, length


@dataclass
class PageModel:
    """Everything the renderers need, in display order."""

    store: Store
    lanes: list[PageLane]
    events: list[PageEvent]
    eras: list[PageEra]
    span: tuple[date, date]
    locale: str
    excerpts: Excerpts = field(default_factory=Excerpts)
    images: dict[str, str] = field(default_factory=dict)  # event id -> data: URI of its local picture


def build_model(store: Store, texts: dict[str, SourceText], locale: str = "en", review: bool = False) -> PageModel:
    """Order the events, give each a lane, and gather the source excerpts the page needs."""
    lanes = _lanes(store)
    by_id = {lane.id: lane for lane in lanes}
    parsed = [(dates.parse(e.date), e) for e in store.events if review or e.status != "candidate"]
    parsed.sort(key=lambda pair: (pair[0].sort_key, pair[1].id))
    events = [_page_event(e, value, i, by_id.get(e.lane or OTHER_LANE, by_id.get(OTHER_LANE, lanes[-1])), locale)
              for i, (value, e) in enumerate(parsed)]
    eras = [_page_era(era, locale) for era in store.eras]
    span = _span(events, [e for e in eras if e is not None])
    _fill_open_bounds(events, span)
    model = PageModel(store, lanes, events, [e for e in eras if e], span, locale)
    model.excerpts = _excerpts(store, texts, events)
    return model


def _lanes(store: Store) -> list[PageLane]:
    lanes = [PageLane(lane.id, lane.label, i) for i, lane in enumerate(store.lanes)]
    known = {lane.id for lane in lanes}
    if any((e.lane or OTHER_LANE) not in known for e in store.events) or not lanes:
        lanes.append(PageLane(OTHER_LANE, "Other", len(lanes)))
    return lanes


def _page_event(event: Event, value: dates.Edtf, index: int, lane: PageLane, locale: str) -> PageEvent:
    sources = sorted({c.source for c in event.citations})
    return PageEvent(event, index, lane, display_date(event.date, locale), value.lower, value.upper, value.is_point,
                     value.approximate, value.uncertain, event.status == "candidate", sources=sources)


def _page_era(era: Era, locale: str) -> PageEra | None:
    value = dates.parse(era.date)
    if value.lower is None or value.upper is None:
        return None
    return PageEra(era, value.lower, value.upper, display_date(era.date, locale))


def _span(events: list[PageEvent], eras: list[PageEra]) -> tuple[date, date]:
    bounds = [d for e in events for d in (e.lower, e.upper) if d] + [d for e in eras for d in (e.lower, e.upper)]
    if not bounds:
        return date(2000, 1, 1), date(2000, 12, 31)
    lo, hi = min(bounds), max(bounds)
    if hi == lo:
        lo, hi = shift(lo, -1), shift(hi, 1)
    return lo, hi


def _fill_open_bounds(events: list[PageEvent], span: tuple[date, date]) -> None:
    """An open interval runs to the edge of what is shown ('since 2019' reaches the latest date)."""
    for e in events:
        if e.plotted:
            e.open_start, e.open_end = e.lower is None, e.upper is None
            e.lower = e.lower or span[0]
            e.upper = e.upper or span[1]


def _excerpts(store: Store, texts: dict[str, SourceText], events: list[PageEvent]) -> Excerpts:
    """Windows of source text around every quote whose source has no URL, merged per source."""
    wanted: dict[str, list[tuple[str, Citation]]] = {}
    for e in events:
        for key, citation in citation_keys(e):
            source = store.source(citation.source)
            if source is not None and not source.url and citation.source in texts:
                wanted.setdefault(citation.source, []).append((key, citation))
    found = Excerpts()
    for source_id, keyed in wanted.items():
        _add_windows(found, source_id, texts[source_id], keyed)
    return found


def _add_windows(found: Excerpts, source_id: str, item: SourceText, keyed: list[tuple[str, Citation]]) -> None:
    start, end = item.bounds
    spans = sorted((max(start, c.offset - CONTEXT_CHARS), min(end, c.offset + len(c.quote) + CONTEXT_CHARS)) for _, c in keyed)
    merged: list[list[int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    found.windows[source_id] = [item.text[lo:hi] for lo, hi in merged]
    for key, c in keyed:
        w = next(i for i, (lo, hi) in enumerate(merged) if lo <= c.offset and c.offset + len(c.quote) <= hi)
        lo = merged[w][0]
        found.cites[key] = (source_id, w, _utf16(item.text[lo:c.offset]), _utf16(c.quote))


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def citation_keys(e: PageEvent) -> list[tuple[str, Citation]]:
    """Every citation of an event (its own, then each dispute side's) with a key unique in the page."""
    keyed = [(f"c{e.index}-{i}", c) for i, c in enumerate(e.event.citations)]
    for d, dispute in enumerate(e.event.disputes):
        for k, claim in enumerate(dispute.claims):
            keyed += [(f"c{e.index}-d{d}-{k}-{i}", c) for i, c in enumerate(claim.citations)]
    return keyed
