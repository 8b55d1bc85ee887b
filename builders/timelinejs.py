"""TimelineJS 3 JSON export: one slide per event, dates at their EDTF precision, lanes as groups, eras.

    timeline export timelinejs -o timeline.json

Dates keep their precision: a year gives {year}, a month {year, month}, a day {year, month, day};
a season, decade or interval gives start_date and end_date; `display_date` is the date as a reader
writes it (timeline.display.display). Like `timeline build`, only reviewed events are exported unless
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
from timeline.schema import Citation, Era, Event, Store

Parts = dict[str, int]


def date_parts(edtf: str) -> tuple[Parts, Parts | None] | None:
    """TimelineJS start and end date objects for an EDTF date, or None when it cannot be placed."""
    start, sep, end = edtf.partition("/")
    if not sep:
        return _single(start)
    first = None if start in ("", "..") else _single(start)
    last = None if end in ("", "..") else _single(end)
    if first is None and last is None:
        return None
    if first is None:
        assert last is not None
        return last[0], None
    if last is None:
        return first[0], None
    return first[0], last[1] or last[0]


def _single(text: str) -> tuple[Parts, Parts | None] | None:
    value = dates.parse(text)
    if value.lower is None or value.upper is None:
        return None
    lo, hi = value.lower, value.upper
    if value.precision == "day":
        return {"year": lo.year, "month": lo.month, "day": lo.day}, None
    if value.precision == "month":
        return {"year": lo.year, "month": lo.month}, None
    if value.precision == "year":
        return {"year": lo.year}, None
    if value.precision == "season":
        return {"year": lo.year, "month": lo.month}, {"year": hi.year, "month": hi.month}
    return {"year": lo.year}, {"year": hi.year}  # decade, century, partly unspecified


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def citation_html(citation: Citation, store: Store) -> str:
    """One citation: the quote and where it comes from, escaped."""
    source = store.source(citation.source)
    label = _e(source.title or source.id) if source else _e(citation.source)
    if source and source.url:
        label = f'<a href="{_e(source.url)}" target="_blank" rel="noopener noreferrer">{label}</a>'
    extra = []
    if source and source.publisher:
        extra.append(_e(source.publisher))
    if source and source.published:
        extra.append(_e(display(source.published)))
    where = ", ".join([label, *extra])
    return f"<li>\u201c{_e(citation.quote)}\u201d \u2014 {where}</li>"


def event_html(event: Event, store: Store) -> str:
    """The slide text: summary, the editor's note, disputes and the citations."""
    parts = []
    if event.summary:
        parts.append(f"<p>{_e(event.summary)}</p>")
    if event.note:
        parts.append(f'<p class="tl-note"><em>Note:</em> {_e(event.note)}</p>')
    for dispute in event.disputes:
        sides = "; ".join(f"{_e(c.value)} ({len(c.citations)} source{'s' if len(c.citations) != 1 else ''})" for c in dispute.claims)
        parts.append(f"<p><strong>Disputed:</strong> {_e(dispute.description)} {sides}</p>")
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
