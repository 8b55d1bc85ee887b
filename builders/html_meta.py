"""What search engines and link previews read: schema.org JSON-LD (an ItemList of Events) and <meta> tags.

The JSON-LD sits in a <script type="application/ld+json">, which browsers never run; its text escapes
<, >, & and U+2028/U+2029 (as the page's other JSON does), so a title holding '</script>' cannot end it.
"""
from __future__ import annotations

import re
from typing import Any

from timeline import dates
from timeline.schema import Event, Store

from .html_list import esc, safe_url
from .html_model import PageEvent, PageModel

DESCRIPTION_CHARS = 300  # link previews cut around 200-300 characters
PRECISE = ("day", "month", "year")


def summary_text(store: Store) -> str:
    """The page's one-paragraph description: the store's own, else its title and what it covers."""
    text = " ".join((store.description or "").split()) or f"{store.title}: a timeline with cited sources."
    return text if len(text) <= DESCRIPTION_CHARS else text[: DESCRIPTION_CHARS - 1].rstrip() + "…"


def meta_tags(store: Store) -> str:
    """<meta name="description"> and the Open Graph tags, every value escaped as an attribute."""
    description = esc(summary_text(store))
    return (f'<meta name="description" content="{description}">\n'
            f'<meta property="og:type" content="website">\n'
            f'<meta property="og:title" content="{esc(store.title)}">\n'
            f'<meta property="og:description" content="{description}">')


def json_ld(model: PageModel) -> dict[str, Any]:
    """The events shown on the page as a schema.org ItemList of Events, in page order."""
    items = [{"@type": "ListItem", "position": n, "item": _event(model.store, e)} for n, e in enumerate(model.events, 1)]
    return {"@context": "https://schema.org", "@type": "ItemList", "name": model.store.title,
            "description": summary_text(model.store), "numberOfItems": len(items), "itemListElement": items}


def _event(store: Store, placed: PageEvent) -> dict[str, Any]:
    event = placed.event
    data: dict[str, Any] = {"@type": "Event", "name": event.title, "url": f"#{event.id}"}
    start, end = _dates(event.date)
    data.update({k: v for k, v in (("startDate", start), ("endDate", end)) if v})
    if event.summary:
        data["description"] = " ".join(event.summary.split())
    if event.places:
        data["location"] = event.places if len(event.places) > 1 else event.places[0]  # schema.org allows Text
    citations = _citations(store, event)
    if citations:
        data["citation"] = citations
    return data


def _dates(text: str) -> tuple[str | None, str | None]:
    """ISO 8601 start and end of an EDTF date, at its precision where ISO can say it ('1997-06'), else in days."""
    start, _, end = text.partition("/")
    if not _:
        end = start
    first, last = _iso(start, end=False), _iso(end, end=True)
    return first, (last if last != first else None)


def _iso(part: str, end: bool) -> str | None:
    if part in ("", ".."):
        return None
    value = dates.parse_single(part)
    plain = part.strip("~?%")
    if value.precision in PRECISE and re.fullmatch(r"\d{4}(-\d{2}){0,2}", plain):
        return plain
    bound = value.upper if end else value.lower
    return bound.isoformat() if bound else None


def _citations(store: Store, event: Event) -> list[Any]:
    """The sources an event cites, once each: a CreativeWork with its address when it has an http(s) one,
    else its publisher and title as text (schema.org's citation takes either; text keeps the page small)."""
    out: list[Any] = []
    for source_id in dict.fromkeys(c.source for c in event.citations):
        source = store.source(source_id)
        if source is None:
            continue
        name = ", ".join(part for part in (source.publisher, source.title) if part) or source.id
        out.append({"@type": "CreativeWork", "name": name, "url": source.url} if safe_url(source.url) else name)
    return out
