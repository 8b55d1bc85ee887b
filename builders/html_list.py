"""The event list under the plot, rendered as escaped semantic HTML: readable without JavaScript and in print."""
from __future__ import annotations

import re
from html import escape

from timeline.schema import Citation, Dispute, Source

from .html_locale import display_date, strings
from .html_model import PageEvent, PageModel, citation_keys

_WEB = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def esc(text: object) -> str:
    """Escape untrusted text for HTML text and quoted attribute values."""
    return escape(str(text), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s), else None (javascript:, data: and the like never become links)."""
    return url if url and _WEB.match(url) else None


def render_list(model: PageModel) -> str:
    """The whole ordered list of events."""
    items = "\n".join(render_item(e, model) for e in model.events)
    return f'<ol class="tl-list" id="tl__list">\n{items}\n</ol>'


def render_item(e: PageEvent, model: PageModel) -> str:
    """One event: heading with its anchor, date, summary, note, facets, citations and disputes."""
    words = strings(model.locale)
    ev = e.event
    classes = "tl-event tl-candidate" if e.candidate else "tl-event"
    badge = f' <strong class="tl-badge">{esc(words["candidate"])}</strong>' if e.candidate else ""
    unplotted = "" if e.plotted else f' <span class="tl-unplotted">({esc(words["not_plotted"])})</span>'
    parts = [
        f'<li id="{esc(ev.id)}" class="{classes}" data-i="{e.index}"><article aria-labelledby="{esc(ev.id)}__t">',
        f'<h3 id="{esc(ev.id)}__t"><a class="tl-open" href="#{esc(ev.id)}">{esc(ev.title)}</a></h3>',
        f'<p class="tl-meta"><span class="tl-date">{esc(e.date_text)}</span>'
        f' <span class="tl-lane">{esc(e.lane.label)}</span>{badge}{unplotted}</p>',
    ]
    if ev.summary:
        parts.append(f'<p class="tl-summary">{esc(ev.summary)}</p>')
    if ev.note:
        parts.append(f'<p class="tl-note"><strong>{esc(words["note"])}:</strong> {esc(ev.note)}</p>')
    parts.append(_facets(e, model))
    keyed = dict(citation_keys(e))
    parts.append(_citations(words["citations"], [(k, c) for k, c in keyed.items() if "-d" not in k], model))
    if ev.disputes:
        parts.append(_disputes(e, model))
    parts.append("</article></li>")
    return "\n".join(p for p in parts if p)


def _facets(e: PageEvent, model: PageModel) -> str:
    words = strings(model.locale)
    rows = [(words["actors"], e.event.actors), (words["places"], e.event.places), (words["tags"], e.event.tags)]
    shown = [f"<dt>{esc(label)}</dt><dd>{esc(', '.join(values))}</dd>" for label, values in rows if values]
    return f'<dl class="tl-facets">{"".join(shown)}</dl>' if shown else ""


def _citations(heading: str, keyed: list[tuple[str, Citation]], model: PageModel, level: int = 4) -> str:
    items = "".join(_citation(key, c, model) for key, c in keyed)
    title = f'<h{level} class="tl-h">{esc(heading)}</h{level}>' if heading else ""
    return f'{title}<ul class="tl-citations">{items}</ul>'


def _citation(key: str, citation: Citation, model: PageModel) -> str:
    words = strings(model.locale)
    source = model.store.source(citation.source)
    meta = _source_meta(source, citation.source, model.locale)
    url = safe_url(source.url if source else None)
    if url:
        link = (f' <a class="tl-src" href="{esc(url)}" target="_blank" rel="noopener noreferrer">'
                f'{esc(words["read_source"])}<span class="tl-vh"> ({esc(_source_name(source, citation.source))})</span></a>')
    elif key in model.excerpts.cites:
        link = f' <button type="button" class="tl-show" data-key="{esc(key)}" hidden>{esc(words["show_in_source"])}</button>'
    else:
        link = ""
    return (f'<li data-key="{esc(key)}"><blockquote class="tl-quote">{esc(citation.quote)}</blockquote>'
            f'<p class="tl-cite-meta">{meta}{link}</p></li>')


def _source_name(source: Source | None, source_id: str) -> str:
    return (source.title or source.publisher or source_id) if source else source_id


def _source_meta(source: Source | None, source_id: str, locale: str) -> str:
    if source is None:
        return f"<cite>{esc(source_id)}</cite>"
    words = strings(locale)
    bits = [f"<cite>{esc(_source_name(source, source_id))}</cite>"]
    if source.publisher and source.title:
        bits.append(f'<span class="tl-publisher">{esc(source.publisher)}</span>')
    if source.author:
        bits.append(esc(source.author))
    if source.published:
        bits.append(f'<span class="tl-published">{esc(words["published"].format(display_date(source.published, locale)))}</span>')
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
        sides.append(f'<li class="tl-claim"><p><strong class="tl-claim-value">{esc(claim.value)}</strong>{note}</p>{cites}</li>')
    return f'<div class="tl-dispute"><p class="tl-question">{esc(dispute.description)}</p><ul class="tl-claims">{"".join(sides)}</ul></div>'


def render_eras(model: PageModel) -> str:
    """The eras as a short definition list (the plot draws them as bands)."""
    if not model.eras:
        return ""
    rows = "".join(f"<dt>{esc(era.era.title)}</dt><dd>{esc(era.date_text)}"
                   f"{(' — ' + esc(era.era.description)) if era.era.description else ''}</dd>" for era in model.eras)
    return f'<dl class="tl-eras">{rows}</dl>'
