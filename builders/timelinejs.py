"""TimelineJS 3 JSON export: one slide per event, dates at their EDTF precision, lanes as groups, eras.

    timeline export timelinejs -o timeline.json

Dates keep their precision: a year gives {year}, a month {year, month}, a day {year, month, day};
a season, decade or interval gives start_date and end_date, the end being the last day it covers
({year: 1997, month: 12, day: 31} for 1992/1997); `display_date` is the date as a reader writes it
(timeline.display.display), and disputes show each side that way with its quotes. Like `timeline build`, only reviewed events are exported unless
the review option is set; candidates then say so in their headline. Every string from the store is HTML-escaped, since TimelineJS
renders slide text as HTML. Events whose date has no known year (XXXX) cannot be placed and are left out.
"""
from __future__ import annotations

import html
import json
from typing import Any

from timeline import dates
from timeline.display import display
from . import Builder
from .citing import claim_value, quote_body
from timeline.schema import Citation, Dispute, Era, Event, Store

Parts = dict[str, int]


def date_parts(edtf: str) -> tuple[Parts, Parts | None] | None:
    """TimelineJS start and end date objects for an EDTF date, or None when it cannot be placed.

    A start is given at its precision ({year: 1992} is 1 January 1992); an end is always the last day
    it covers, since TimelineJS reads {year: 1997} as 1 January 1997 and would end a 1992/1997 band
    before the June 1997 accord. A single day, month or year is a point and has no end.
    """
    start, sep, end = edtf.partition("/")
    if not sep:
        return _single(dates.parse(start))
    first = _placed(start)
    last = _placed(end)
    if first is None and last is None:
        return None
    if first is None:
        assert last is not None
        return _start(last), None
    if last is None:
        return _start(first), None
    return _start(first), _last_day(last)


def _placed(part: str) -> dates.Edtf | None:
    if part in ("", ".."):
        return None
    value = dates.parse(part)
    return value if value.lower is not None and value.upper is not None else None


def _single(value: dates.Edtf) -> tuple[Parts, Parts | None] | None:
    if value.lower is None or value.upper is None:
        return None
    if value.precision in ("day", "month", "year"):
        return _start(value), None
    return _start(value), _last_day(value)  # season, decade, century, partly unspecified


def _start(value: dates.Edtf) -> Parts:
    lo = value.lower
    assert lo is not None
    if value.precision == "day":
        return {"year": lo.year, "month": lo.month, "day": lo.day}
    if value.precision in ("month", "season"):
        return {"year": lo.year, "month": lo.month}
    return {"year": lo.year}


def _last_day(value: dates.Edtf) -> Parts:
    hi = value.upper
    assert hi is not None
    return {"year": hi.year, "month": hi.month, "day": hi.day}


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def source_html(source_id: str, store: Store) -> str:
    """Where a quote comes from: the source's title (linked), publisher and date, escaped."""
    source = store.source(source_id)
    if source is None:
        return _e(source_id)
    label = _e(source.title or source.id)
    if source.url:
        label = f'<a href="{_e(source.url)}" target="_blank" rel="noopener noreferrer">{label}</a>'
    extra = [_e(source.publisher)] if source.publisher else []
    if source.published:
        extra.append(_e(display(source.published)))
    return ", ".join([label, *extra])


def quoted_html(citation: Citation, store: Store) -> str:
    """'“quote” — Title, Publisher, May 2015', the quote as it reads inside ours (citing.quote_body)."""
    return f"\u201c{_e(quote_body(citation.quote))}\u201d \u2014 {source_html(citation.source, store)}"


def citation_html(citation: Citation, store: Store) -> str:
    """One citation as a list item."""
    return f"<li>{quoted_html(citation, store)}</li>"


def dispute_html(dispute: Dispute, store: Store) -> str:
    """A dispute: the question, then each side as a reader reads it ('June 1997') with its quotes."""
    items = []
    for claim in dispute.claims:
        note = f"<br><em>{_e(claim.note)}</em>" if claim.note else ""
        quotes = "; ".join(quoted_html(c, store) for c in claim.citations)
        items.append(f"<li><strong>{_e(claim_value(dispute, claim))}</strong>: {quotes}{note}</li>")
    return f'<p><strong>Disputed:</strong> {_e(dispute.description)}</p><ul class="tl-dispute">{"".join(items)}</ul>'


def event_html(event: Event, store: Store) -> str:
    """The slide text: summary, the editor's note, disputes and the citations."""
    parts = []
    if event.summary:
        parts.append(f"<p>{_e(event.summary)}</p>")
    if event.note:
        parts.append(f'<p class="tl-note"><em>Note:</em> {_e(event.note)}</p>')
    parts += [dispute_html(d, store) for d in event.disputes]
    items = "".join(citation_html(c, store) for c in event.citations)
    parts.append(f'<ol class="tl-citations">{items}</ol>')
    return "".join(parts)


def _date_object(parts: Parts) -> dict[str, Any]:
    return dict(parts)


def event_slide(event: Event, store: Store, lanes: dict[str, str]) -> dict[str, Any] | None:
    """A TimelineJS slide for the event, or None when its date cannot be placed."""
    placed = date_parts(event.date)
    if placed is None:
        return None
    start, end = placed
    headline = _e(event.title) + (" <small>(candidate)</small>" if event.status == "candidate" else "")
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _date_object(start),
        "display_date": _e(display(event.date)),
        "text": {"headline": headline, "text": event_html(event, store)},
        "autolink": False,
    }
    if end is not None:
        slide["end_date"] = _date_object(end)
    if event.lane:
        slide["group"] = _e(lanes.get(event.lane, event.lane))
    return slide


def era_object(era: Era) -> dict[str, Any] | None:
    """A TimelineJS era (a band with a start and an end), or None when its date cannot be placed."""
    placed = date_parts(era.date)
    if placed is None:
        return None
    start, end = placed
    value = dates.parse(era.date)
    if end is None and value.upper is not None:  # a single year or month: the band covers all of it
        end = _last_day(value)
    return {"start_date": start, "end_date": end or start, "text": {"headline": _e(era.title), "text": _e(era.description)}}


def timelinejs_data(store: Store, review: bool = False) -> dict[str, Any]:
    """The whole TimelineJS 3 data object: reviewed events, and candidates too when review is set."""
    lanes = {lane.id: lane.label for lane in store.lanes}
    chosen = [e for e in store.events if review or e.status != "candidate"]
    events = [s for s in (event_slide(e, store, lanes) for e in chosen) if s is not None]
    eras = [e for e in (era_object(era) for era in store.eras) if e is not None]
    data: dict[str, Any] = {
        "title": {"text": {"headline": _e(store.title), "text": f"<p>{_e(store.description)}</p>" if store.description else ""}},
        "events": events,
    }
    if eras:
        data["eras"] = eras
    return data


class TimelineJSBuilder(Builder):
    """TimelineJS 3 JSON (load it with `new TL.Timeline(element, data)`)."""

    name = "timelinejs"
    suffix = ".json"
    epilog = "TimelineJS 3 JSON: one slide per event with its citations; open it with TimelineJS (timeline.knightlab.com)."

    def render(self) -> str:
        return json.dumps(timelinejs_data(self.store, review=bool(self.options.get("review"))), ensure_ascii=False, indent=1) + "\n"
