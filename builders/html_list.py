"""The event list under the plot, rendered as escaped semantic HTML: readable without JavaScript and in print."""
from __future__ import annotations

from html import escape

from timeline import dates
from timeline.schema import Citation, Dispute, Source
from timeline.weburl import is_web_url

from timeline.display import display as display_date

from .html_locale import strings
from .html_model import PageEvent, PageModel, citation_keys


def esc(text: object) -> str:
    """Escape untrusted text for HTML text and quoted attribute values."""
    return escape(str(text), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s), else None (javascript:, data: and the like never become links)."""
    return url if url and is_web_url(url) else None


EAGER = 100  # events parsed with the page; the rest of a long list waits in <noscript> chunks
ITEM_PX = 220  # the height an entry is assumed to take before the list is first drawn
CHUNK = 250  # events a chunk: one is parsed per idle moment, short enough not to hold up a click


def render_list(model: PageModel) -> str:
    """The whole ordered list of events.

    A long list keeps its first EAGER events as ordinary HTML and the rest in <noscript> chunks: without
    JavaScript the browser shows them as usual; with it they are raw text until the page script turns them
    into list items (in the background, or at once for a search, a deep link or printing), so a page of
    10,000 events draws its plot without first building 150,000 DOM nodes.
    """
    events = model.events
    head = "\n".join(render_item(e, model) for e in events[:EAGER])
    chunks = []
    for start in range(EAGER, len(events), CHUNK):
        body = "\n".join(render_item(e, model) for e in events[start:start + CHUNK])
        chunks.append(f'<noscript class="tl-chunk"><ol class="tl-list" start="{start + 1}"{_room(len(events[start:start + CHUNK]))}>'
                      f'\n{body}\n</ol></noscript>')
    return f'<ol class="tl-list" id="tl__list"{_room(len(events[:EAGER]))}>\n{head}\n</ol>' + "".join(chunks)


def _room(count: int) -> str:
    """The height a list keeps until it is first drawn: each list (the first EAGER entries, then one per chunk) is
    skipped while off screen (content-visibility in page.css), a box to check per list rather than per entry."""
    return f' style="contain-intrinsic-size:auto {count * ITEM_PX}px"'



def render_item(e: PageEvent, model: PageModel) -> str:
    """One event: heading with its anchor, date, summary, note, facets, citations and disputes."""
    words = strings(model.locale)
    ev = e.event
    classes = "tl-event tl-candidate" if e.candidate else "tl-event"
    badge = f' <strong class="tl-badge">{esc(words["candidate"])}</strong>' if e.candidate else ""
    unplotted = "" if e.plotted else f' <span class="tl-unplotted">({esc(words["not_plotted"])})</span>'
    parts = [
        f'<li id="{esc(ev.id)}" class="{classes}"><h3><a class="tl-open" href="#{esc(ev.id)}">{esc(ev.title)}</a></h3>',
        f'<p class="tl-meta"><span class="tl-date">{esc(e.date_text)}</span> · {esc(e.lane.label)}{badge}{unplotted}</p>',
    ]
    if ev.summary:
        parts.append(f'<p class="tl-summary">{esc(ev.summary)}</p>')
    if ev.note:
        parts.append(f'<p class="tl-note"><strong>{esc(words["note"])}:</strong> {esc(ev.note)}</p>')
    if ev.media:
        parts.append(_media(e, model))
    parts.append(_facets(e, model))
    keyed = dict(citation_keys(e))
    parts.append(_citations("", [(k, c) for k, c in keyed.items() if "-d" not in k], model, words["citations"]))
    if ev.disputes:
        parts.append(_disputes(e, model))
    parts.append("</li>")
    return "\n".join(p for p in parts if p)


def _media(e: PageEvent, model: PageModel) -> str:
    """The event's picture: inlined when it is a local file; a link, never loaded, when it is a web address."""
    media, words = e.event.media, strings(model.locale)
    assert media is not None
    credit = f' <span class="tl-credit">{esc(words["credit"].format(media.credit))}</span>' if media.credit else ""
    caption = f'<figcaption>{esc(media.caption or "")}{credit}</figcaption>' if media.caption or media.credit else ""
    uri = model.images.get(e.event.id)
    if uri:
        return f'<figure class="tl-media"><img src="{esc(uri)}" alt="{esc(media.alt)}" decoding="async">{caption}</figure>'
    url = safe_url(media.url)
    if not url:
        return ""
    link = (f'<a class="tl-src" href="{esc(url)}" target="_blank" rel="noopener noreferrer">'
            f'{esc(words["picture"])}: {esc(media.alt)}</a>')
    return f'<figure class="tl-media tl-media-link"><p>{link}</p>{caption}</figure>'


def _facets(e: PageEvent, model: PageModel) -> str:
    words = strings(model.locale)
    rows = [(words["actors"], e.event.actors), (words["places"], e.event.places), (words["tags"], e.event.tags)]
    shown = [f"{esc(label)}: {esc(', '.join(values))}" for label, values in rows if values]
    return f'<p class="tl-facets">{" · ".join(shown)}</p>' if shown else ""


def _citations(heading: str, keyed: list[tuple[str, Citation]], model: PageModel, label: str = "") -> str:
    items = "".join(_citation(key, c, model) for key, c in keyed)
    title = f'<h4 class="tl-h">{esc(heading)}</h4>' if heading else ""
    named = f' aria-label="{esc(label)}"' if label else ""
    return f'{title}<ul class="tl-citations"{named}>{items}</ul>'


def _citation(key: str, citation: Citation, model: PageModel) -> str:
    words = strings(model.locale)
    source = model.store.source(citation.source)
    meta = _source_meta(source, citation.source, model.locale)
    url = safe_url(source.url if source else None)
    if url:
        link = f' <a class="tl-src" href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(words["read_source"])}</a>'
    elif key in model.excerpts.cites:
        link = (f' <button type="button" class="tl-show" data-key="{esc(key)}" aria-expanded="false" hidden>'
                f'{esc(words["show_in_source"])}</button>')
    else:
        link = ""
    return f'<li><blockquote class="tl-quote">{esc(bare_quote(citation.quote))}</blockquote><p class="tl-cite-meta">{meta}{link}</p></li>'


QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›「」『』"


def bare_quote(quote: str) -> str:
    """A quote without the quotation marks it opens or closes with: the page adds its own, so none is doubled."""
    return quote.strip().strip(QUOTE_MARKS).strip() or quote


def _source_name(source: Source | None, source_id: str) -> str:
    return (source.title or source.publisher or source_id) if source else source_id


def _source_meta(source: Source | None, source_id: str, locale: str) -> str:
    if source is None:
        return f"<cite>{esc(source_id)}</cite>"
    words = strings(locale)
    bits = [f"<cite>{esc(_source_name(source, source_id))}</cite>"]
    if source.publisher and source.title:
        bits.append(esc(source.publisher))
    if source.author:
        bits.append(esc(source.author))
    if source.published:
        key = "published_inferred" if source.published_basis == "inferred" else "published"
        bits.append(esc(words[key].format(display_date(source.published, locale))))
    return ", ".join(bits)


def _disputes(e: PageEvent, model: PageModel) -> str:
    words = strings(model.locale)
    keyed = citation_keys(e)
    blocks = [_dispute(i, dispute, e, keyed, model) for i, dispute in enumerate(e.event.disputes)]
    return f'<section class="tl-disputes"><h4 class="tl-h">{esc(words["disputes"])}</h4>{"".join(blocks)}</section>'


def _dispute(i: int, dispute: Dispute, e: PageEvent, keyed: list[tuple[str, Citation]], model: PageModel) -> str:
    sides = []
    for k, claim in enumerate(dispute.claims):
        prefix = f"c{e.index}-d{i}-{k}-"
        cites = _citations("", [(key, c) for key, c in keyed if key.startswith(prefix)], model)
        note = f' <span class="tl-claim-note">({esc(claim.note)})</span>' if claim.note else ""
        value = _claim_value(dispute, claim.value, model.locale)
        sides.append(f'<li class="tl-claim"><p><strong class="tl-claim-value">{esc(value)}</strong>{note}</p>{cites}</li>')
    return f'<div class="tl-dispute"><p class="tl-question">{esc(dispute.description)}</p><ul class="tl-claims">{"".join(sides)}</ul></div>'


def _claim_value(dispute: Dispute, value: str, locale: str) -> str:
    """A disputed date reads as a date ('June 1997'); other values as written."""
    if dispute.about == "date" and dates.is_valid(value):
        return display_date(value, locale)
    return value


def render_eras(model: PageModel) -> str:
    """The eras as a short definition list (the plot draws them as bands)."""
    if not model.eras:
        return ""
    rows = "".join(f"<dt>{esc(era.era.title)}</dt><dd>{esc(era.date_text)}"
                   f"{(' — ' + esc(era.era.description)) if era.era.description else ''}</dd>" for era in model.eras)
    return f'<dl class="tl-eras">{rows}</dl>'
