"""Markdown export: a dated list with citations, for course pages and a printable handout.

    timeline export markdown -o handout.md

Events are in chronological order under a heading per year; each shows its date as a reader writes
it, title, summary, the editor's note, disputes, and every citation's quote with its source. Sources
are listed at the end with their links. Like `timeline build`, only reviewed events are included
unless the review option is set (candidates are then marked). Every string from the store is escaped, so that a title can
never turn into a link, an image or raw HTML.
"""
from __future__ import annotations

import re

from timeline import dates
from timeline.display import display
from . import Builder
from timeline.schema import Citation, Event, Store

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def md(text: str | None) -> str:
    """Text safe to place in Markdown: one line, special characters escaped."""
    text = " ".join((text or "").split())
    text = _SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def _year_heading(event: Event) -> str:
    value = dates.parse(event.date)
    first = value.lower or value.upper
    if first is None:
        return "Date unknown"
    if value.precision in ("decade", "century", "millennium"):
        text = display(event.date.lstrip("~?%").rstrip("~?%"))
        return md(text[:1].upper() + text[1:])
    return str(first.year)


def _order(event: Event) -> tuple[int, object]:
    value = dates.parse(event.date)
    known = value.lower or value.upper
    return (0 if known else 1, value.sort_key)


def citation_line(citation: Citation, store: Store, numbers: dict[str, int]) -> str:
    """'“quote” — Title, Publisher, May 2015 [1]'."""
    source = store.source(citation.source)
    parts = [f"*{md(source.title or source.id)}*" if source else md(citation.source)]
    if source and source.publisher:
        parts.append(md(source.publisher))
    if source and source.published:
        parts.append(md(display(source.published)))
    return f"\u201c{md(citation.quote)}\u201d \u2014 {', '.join(parts)} [{numbers.get(citation.source, '?')}]"


def event_lines(event: Event, store: Store, numbers: dict[str, int]) -> list[str]:
    """One event as a list item with its citations nested under it."""
    status = " *(candidate, not yet reviewed)*" if event.status == "candidate" else ""
    lines = [f"- **{md(display(event.date))}: {md(event.title)}**{status}"]
    if event.summary:
        lines.append(f"  {md(event.summary)}")
    if event.note:
        lines.append(f"  *Note:* {md(event.note)}")
    if len(lines) > 1:
        lines = [line + "  " for line in lines[:-1]] + lines[-1:]  # hard line breaks inside the item
    lines.append("")
    for citation in event.citations:
        lines.append(f"  - {citation_line(citation, store, numbers)}")
    for dispute in event.disputes:
        sides = "; ".join(f"{md(c.value)} [{', '.join(str(numbers.get(x.source, '?')) for x in c.citations)}]" for c in dispute.claims)
        lines.append(f"  - *Disputed:* {md(dispute.description)} {sides}")
    return lines


def markdown(store: Store, review: bool = False) -> str:
    """The whole handout: reviewed events, and candidates too (marked) when review is set."""
    numbers = {s.id: n for n, s in enumerate(store.sources, 1)}
    out = [f"# {md(store.title)}", ""]
    if store.description:
        out += [md(store.description), ""]
    if store.eras:
        out += ["## Periods", ""]
        out += [f"- **{md(display(e.date))}**: {md(e.title)}" + (f". {md(e.description)}" if e.description else "") for e in store.eras]
        out.append("")
    heading = None
    chosen = [e for e in store.events if review or e.status != "candidate"]
    for event in sorted(chosen, key=_order):
        year = _year_heading(event)
        if year != heading:
            out += [f"## {year}", ""]
            heading = year
        out += event_lines(event, store, numbers) + [""]
    out += _sources(store)
    return "\n".join(out).rstrip("\n") + "\n"


def _sources(store: Store) -> list[str]:
    lines = ["## Sources", ""]
    for n, source in enumerate(store.sources, 1):
        title = md(source.title or source.id)
        title = f"[{title}](<{source.url}>)" if source.url else f"*{title}*"
        details = [md(x) for x in (source.author, source.publisher) if x]
        if source.published:
            note = " (date inferred)" if source.published_basis == "inferred" else ""
            details.append(md(display(source.published)) + note)
        lines.append(f"{n}. {title}" + (f", {', '.join(details)}" if details else ""))
    return lines + [""] if store.sources else []


class MarkdownBuilder(Builder):
    """A dated list with citations (Markdown)."""

    name = "markdown"
    suffix = ".md"
    epilog = "Markdown: a dated list with citations, for course pages and printable handouts."

    def render(self) -> str:
        return markdown(self.store, review=bool(self.options.get("review")))
