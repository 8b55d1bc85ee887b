"""The HTML builder: one self-contained, accessible page with a plotly timeline, a panel and a cited event list."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import date
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from timeline.fileio import write_atomic
from timeline.schema import Store
from timeline.sources import SourceText

from timeline.display import check_locale

from . import Builder
from .html_figure import page_figure, x_range
from .html_list import esc, render_eras, render_list
from .html_locale import plotly_locale, strings
from .html_media import load_images
from .html_meta import json_ld, meta_tags
from .html_model import PageModel, build_model

EPOCH = date(1970, 1, 1)
PLOTLY_FILE = "plotly-core.min.js"  # built by tools/build-plotly.js (plotly's core: no trace but scatter, no calendars)
PAGE_SCRIPTS = ("page-layout.js", "page-core.js", "page-list.js", "page-plot.js", "page-marks.js", "page-tip.js", "page-zoom.js",
                "page-panel.js", "page.js")  # the page script's parts, inlined in this order
PLOTLY_MODES = ("inline", "cdn", "file")
CDN_BASE = "https://cdn.plot.ly"
DEFAULTS: dict[str, Any] = {"plotly": "inline", "locale": "en", "review": False}
SCRIPT_STRINGS = ("closed", "count_of", "details", "excerpt", "group", "lang", "match", "match_one", "no_match", "none_here",
                  "opened", "source_view", "zoomed")  # the interface texts the page script uses
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@lru_cache(maxsize=8)
def asset(name: str) -> str:
    """A file from builders/assets as text."""
    return files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def compact(source: str) -> str:
    """Script or stylesheet without indentation and blank lines (line breaks kept, so JS semantics stay)."""
    return "\n".join(line.strip() for line in source.splitlines() if line.strip())


def page_script() -> str:
    """The page script as inlined: its parts in order, without their comments (the files keep them)."""
    source = "\n".join(asset(name) for name in PAGE_SCRIPTS)
    return compact(re.sub(r"/\*.*?\*/", "", source, flags=re.S))


def plotly_version() -> str:
    """Version of the vendored plotly.js bundle, read from its header."""
    match = re.search(r"v(\d+\.\d+\.\d+)", asset(PLOTLY_FILE)[:300])
    return match.group(1) if match else "unknown"


def json_script(value: Any) -> str:
    """JSON that is inert inside <script>: no '</script>', no HTML comment, no JS line terminators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _sha(algorithm: str, text: str) -> str:
    digest = hashlib.new(algorithm, text.encode("utf-8")).digest()
    return f"{algorithm}-{base64.b64encode(digest).decode('ascii')}"


@dataclass
class PageParts:
    """The page made once, for the whole page and for the fragment: its model, its content and its CSP."""

    model: PageModel
    content: str  # markup, page data, JSON-LD and scripts: the body of the page, the root element of the fragment
    csp: str


def page_parts(store: Store, texts: dict[str, SourceText], options: dict[str, Any] | None = None,
               landmark: str = "main") -> PageParts:
    """Everything but the <head>; landmark is the element holding the plot and list (a fragment's host has its own <main>)."""
    opts = {**DEFAULTS, **(options or {})}
    if opts["plotly"] not in PLOTLY_MODES:
        raise ValueError(f"plotly mode must be one of {', '.join(PLOTLY_MODES)}")
    locale = check_locale(opts["locale"])
    model = build_model(store, texts, locale, review=bool(opts["review"]))
    model.images = dict(opts.get("images") or {})
    data = json_script(page_data(model))
    app = page_script()
    plotly_tag, plotly_src = _plotly_tag(opts["plotly"])
    script_hashes = [_sha("sha256", app)] + ([_sha("sha256", asset(PLOTLY_FILE))] if opts["plotly"] == "inline" else [])
    content = (f'{_body(model, landmark)}\n<script type="application/json" id="tl__data">{data}</script>\n'
               f'<script type="application/ld+json">{json_script(json_ld(model))}</script>\n'
               f"{plotly_tag}\n<script>{app}</script>")
    return PageParts(model, content, _csp(script_hashes, plotly_src))


def render_html(store: Store, texts: dict[str, SourceText], options: dict[str, Any] | None = None) -> str:
    """The whole page as a string; no I/O, same output for the same inputs."""
    parts = page_parts(store, texts, options)
    return f"{_head(parts.model, parts.csp)}\n<body>\n{parts.content}\n</body>\n</html>\n"


def _plotly_tag(mode: str) -> tuple[str, str]:
    """The script element loading plotly.js, and what the CSP must allow for it."""
    if mode == "inline":
        return f"<script>{asset(PLOTLY_FILE)}</script>", ""
    if mode == "cdn":
        # The CDN has no core-only bundle: its basic bundle (core plus bar, pie, calendars) at the same version.
        return f'<script src="{CDN_BASE}/plotly-basic-{plotly_version()}.min.js" crossorigin="anonymous"></script>', CDN_BASE
    # 'self' covers a page served over http(s); Chromium also lets a file:// page load a file: script under 'self'.
    return f'<script src="{PLOTLY_FILE}"></script>', "'self'"


def _csp(hashes: list[str], plotly_src: str) -> str:
    scripts = " ".join(f"'{h}'" for h in hashes) + (f" {plotly_src}" if plotly_src else "")
    return ("default-src 'none'; " f"script-src {scripts}; "
            "style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'")


def _head(model: PageModel, csp: str) -> str:
    words = strings(model.locale)
    return (f'<!DOCTYPE html>\n<html lang="{esc(words["lang"])}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">\n'
            f'<meta name="referrer" content="no-referrer">\n<link rel="icon" href="data:,">\n'
            f'<meta name="generator" content="annotated-timeline">\n{meta_tags(model.store)}\n'
            f"<title>{esc(model.store.title)}</title>\n<style>{compact(asset('page.css'))}</style>\n</head>")


def _body(model: PageModel, landmark: str = "main") -> str:
    words = strings(model.locale)
    description = f'<p class="tl-intro">{esc(model.store.description)}</p>' if model.store.description else ""
    count = len(model.events)
    return "\n".join([
        f'<a class="tl-skip" href="#tl__events">{esc(words["skip"])}</a>',
        f'<header class="tl-header"><h1 id="tl__title">{esc(model.store.title)}</h1>{description}</header>',
        f'<{landmark} id="tl__main">',
        _explore(model),
        f'<section id="tl__events" class="tl-events" aria-labelledby="tl__events-h" tabindex="-1">'
        f'<h2 id="tl__events-h">{esc(words["events"])} <span class="tl-count">({count})</span></h2>',
        render_eras(model),
        render_list(model),
        "</section>",
        f"</{landmark}>",
        _panel(words),
        f'<footer class="tl-footer"><p>{esc(words["generated"])}</p></footer>',
    ])


def _explore(model: PageModel) -> str:
    words = strings(model.locale)
    return "\n".join([
        f'<section class="tl-explore" aria-label="{esc(words["plot_label"])}" tabindex="-1">',
        _controls(model),
        _zoom(words),
        '<p id="tl__status" class="tl-status" role="status" aria-live="polite" aria-atomic="true"></p>',
        f'<figure class="tl-figure"><div id="tl__plot" class="tl-plot" aria-hidden="true"></div>'
        f'<noscript><p class="tl-noscript">{esc(words["no_plot"])}</p></noscript>',
        f"<figcaption>{_legend(words)}</figcaption></figure>",
        "</section>",
    ])


def _select(ident: str, label: str, all_text: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in options)
    return (f'<div class="tl-field"><label for="{ident}">{esc(label)}</label>'
            f'<select id="{ident}"><option value="">{esc(all_text)}</option>{opts}</select></div>')


def _controls(model: PageModel) -> str:
    words = strings(model.locale)
    used_lanes = {e.lane.index for e in model.events}
    lanes = [(str(lane.index), lane.label) for lane in model.lanes if lane.index in used_lanes]
    tags = [(str(i), tag) for i, tag in enumerate(_tags(model))]
    sources = [(str(i), name) for i, (_sid, name) in enumerate(_sources(model))]
    fields = [
        f'<div class="tl-field tl-search"><label for="tl__q">{esc(words["search"])}</label>'
        f'<input id="tl__q" type="search" autocomplete="off" spellcheck="false" placeholder="{esc(words["search_placeholder"])}"></div>',
        _select("tl__lane", words["lane"], words["all"], lanes),
        _select("tl__tag", words["tag"], words["all"], tags) if tags else "",
        _select("tl__source", words["source"], words["all"], sources),
        f'<button type="button" id="tl__clear" class="tl-btn">{esc(words["clear"])}</button>',
    ]
    return f'<form id="tl__controls" class="tl-controls" role="search" hidden>{"".join(fields)}</form>'


def _zoom(words: dict[str, str]) -> str:
    buttons = [("earlier", "◀"), ("zoom_in", "+"), ("zoom_out", "−"), ("later", "▶"), ("reset", "⟲")]
    html = "".join(f'<button type="button" class="tl-btn" data-zoom="{key}"><span aria-hidden="true">{icon}</span> '
                   f'<span class="tl-label">{esc(words[key])}</span></button>'
                   for key, icon in buttons)
    toggle = (f'<button type="button" id="tl__list-toggle" class="tl-btn" aria-controls="tl__events" aria-expanded="false" '
              f'hidden>{esc(words["list"])}</button>')
    return (f'<div id="tl__zoom" class="tl-zoom" role="group" aria-label="{esc(words["zoom_group"])}" hidden>'
            f'{html}{toggle}<span class="tl-hint">{esc(words["keys"])}</span></div>')


def _legend(words: dict[str, str]) -> str:
    return (f'<span class="tl-legend-title">{esc(words["legend"])}:</span> '
            f'<span class="tl-key"><span class="tl-sym tl-sym-point" aria-hidden="true"></span> {esc(words["legend_point"])}</span> '
            f'<span class="tl-key"><span class="tl-sym tl-sym-bar" aria-hidden="true"></span> {esc(words["legend_bar"])}</span> '
            f'<span class="tl-key"><span class="tl-sym tl-sym-open" aria-hidden="true"></span> {esc(words["legend_open"])}</span> '
            f'<span class="tl-key"><span class="tl-sym tl-sym-era" aria-hidden="true"></span> {esc(words["legend_era"])}</span>')


def _panel(words: dict[str, str]) -> str:
    """The detail panel: a non-modal dialog with the event, Previous/Next through the events shown, and Close."""
    steps = (f'<div class="tl-steps" role="group" aria-label="{esc(words["step_group"])}">'
             f'<button type="button" id="tl__prev" class="tl-btn"><span aria-hidden="true">←</span> {esc(words["previous"])}</button>'
             f'<button type="button" id="tl__next" class="tl-btn">{esc(words["next"])} <span aria-hidden="true">→</span></button></div>')
    return (f'<div id="tl__panel" class="tl-panel" role="dialog" aria-labelledby="tl__panel-h" hidden>'
            f'<div class="tl-panel-bar"><h2 id="tl__panel-h" tabindex="-1">{esc(words["details"])}</h2>'
            f'<button type="button" id="tl__close" class="tl-btn">{esc(words["close"])}</button></div>'
            f'{steps}<div id="tl__panel-body" class="tl-panel-body"></div></div>')


def _tags(model: PageModel) -> list[str]:
    return sorted({t for e in model.events for t in e.event.tags}, key=str.casefold)


def _sources(model: PageModel) -> list[tuple[str, str]]:
    used = {s for e in model.events for s in e.sources}
    return [(s.id, f"{s.publisher}: {s.title}" if s.publisher and s.title else (s.title or s.publisher or s.id))
            for s in model.store.sources if s.id in used]


def page_data(model: PageModel) -> dict[str, Any]:
    """What the page script needs: the figure, facets for filtering, excerpts for the source view, texts."""
    tags = {t: i for i, t in enumerate(_tags(model))}
    sources = {sid: i for i, (sid, _name) in enumerate(_sources(model))}
    facets = [[e.lane.index, [tags[t] for t in e.event.tags], [sources[s] for s in e.sources if s in sources],
               e.event.importance, _days(e.lower), _days(e.upper)] for e in model.events]
    order = list(model.excerpts.windows)
    excerpts = {"sources": [[_source_label(model, sid), model.excerpts.windows[sid]] for sid in order],
                "cites": {k: [order.index(sid), w, at, n] for k, (sid, w, at, n) in model.excerpts.cites.items()}}
    locale = {"name": model.locale, **plotly_locale(model.locale)} if model.locale != "en" else None
    return {"figure": page_figure(model), "range": x_range(model), "facets": facets, "excerpts": excerpts,
            "strings": {k: v for k, v in strings(model.locale).items() if k in SCRIPT_STRINGS}, "plotlyLocale": locale}


def _days(day: date | None) -> int | None:
    """Days since 1970-01-01 (what the page script turns into plotly's milliseconds)."""
    return (day - EPOCH).days if day else None


def _source_label(model: PageModel, source_id: str) -> str:
    source = model.store.source(source_id)
    return (source.title or source.publisher or source_id) if source else source_id


def embed_snippet(store: Store, src: str = "timeline.html?embed=1", height: int = 600) -> str:
    """An iframe snippet for embedding the page's compact view, with a title for screen readers."""
    return (f'<iframe src="{esc(src)}" title="{esc(store.title)}: interactive timeline" width="100%" height="{height}" '
            f'style="border:0;max-width:100%" loading="lazy"></iframe>')


class HtmlBuilder(Builder):
    """Writes timeline.html (and plotly-core.min.js beside it with --plotly file)."""

    name = "html"
    suffix = ".html"
    epilog = "Open timeline.html in a browser; it works offline and inside an iframe."
    renderer = staticmethod(render_html)  # (store, texts, options) -> HTML; the fragment builder gives its own

    def render(self) -> str:
        """The page, with the events' local pictures read from beside events.yaml."""
        images = load_images(self.store, self.context.store_path)
        return self.renderer(self.store, self.context.texts, {**self.options, "images": images})

    def write(self, target: Path) -> list[Path]:
        """Write the page, and the shared plotly.js file beside it when asked for."""
        written = super().write(target)
        if self.options.get("plotly") == "file":
            shared = target.parent / PLOTLY_FILE
            write_atomic(shared, asset(PLOTLY_FILE))
            write_atomic(target.parent / "plotly-LICENSE.txt", asset("plotly-LICENSE.txt"))
            written += [shared]
        return written
