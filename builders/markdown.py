"""Markdown export: a dated list with citations, for course pages and a printable handout.

    timeline export markdown -o handout.md

A handout a teacher prints as is (`pandoc handout.md -s -o handout.html`, or .docx, .pdf): the title
is YAML front matter, which pandoc, Jekyll and Hugo read, so no converter warns of a missing title.
Events are in chronological order under a heading per year; each shows its date as a reader writes
it, title, summary, the editor's note, every citation's quote with its source, and disputes with each
side as a reader reads it ('June 1997') and its quotes. Each quote's `[n]` links to source n in the
numbered list at the end. Like `timeline build`, only reviewed events are included unless the review
option is set (candidates are then marked). Every string from the store is escaped, so that a title
can never turn into a link, an image or raw HTML.
"""
from __future__ import annotations

import json
import re

from timeline import dates
from timeline.display import display
from . import Builder
from .citing import claim_value, quote_body
from timeline.schema import Citation, Dispute, Event, Store

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


def source_ref(source_id: str, numbers: dict[str, int]) -> str:
    """'[1]' linked to source 1 in the list at the end."""
    n = numbers.get(source_id)
    return f"[\\[{n}\\]](#source-{n})" if n else "\\[?\\]"


def quoted(citation: Citation, numbers: dict[str, int]) -> str:
    """'“quote” [1]', the quote as it reads inside ours (citing.quote_body)."""
    return f"\u201c{md(quote_body(citation.quote))}\u201d {source_ref(citation.source, numbers)}"


def citation_line(citation: Citation, store: Store, numbers: dict[str, int]) -> str:
    """'“quote” — *Title*, Publisher, May 2015 [1]'."""
    source = store.source(citation.source)
    parts = [f"*{md(source.title or source.id)}*" if source else md(citation.source)]
    if source and source.publisher:
        parts.append(md(source.publisher))
    if source and source.published:
        parts.append(md(display(source.published)))
    quote = f"\u201c{md(quote_body(citation.quote))}\u201d"
    return f"{quote} \u2014 {', '.join(parts)} {source_ref(citation.source, numbers)}"


def dispute_lines(dispute: Dispute, numbers: dict[str, int]) -> list[str]:
    """The question, then one nested item per side: its value as a reader reads it, and its quotes."""
    lines = [f"  - *Disputed:* {md(dispute.description)}"]
    for claim in dispute.claims:
        quotes = "; ".join(quoted(c, numbers) for c in claim.citations)
        lines.append(f"    - **{md(claim_value(dispute, claim))}**: {quotes}" + ("  " if claim.note else ""))
        lines += [f"      *{md(claim.note)}*"] if claim.note else []  # after a hard line break
    return lines


def event_lines(event: Event, store: Store, numbers: dict[str, int]) -> list[str]:
    """One event as a list item with its citations and disputes nested under it."""
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
        lines += dispute_lines(dispute, numbers)
    return lines


def front_matter(store: Store) -> list[str]:
    """YAML front matter with the title (Markdown-escaped, then quoted as a YAML string), language English."""
    return ["---", f"title: {json.dumps(md(store.title), ensure_ascii=False)}", "lang: en", "---", ""]


def markdown(store: Store, review: bool = False) -> str:
    """The whole handout: reviewed events, and candidates too (marked) when review is set."""
    numbers = {s.id: n for n, s in enumerate(store.sources, 1)}
    out = front_matter(store)
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
        anchor = f'<span id="source-{n}"></span>'  # target of [n]; pandoc reads it as an anchor too
        lines.append(f"{n}. {anchor}{title}" + (f", {', '.join(details)}" if details else ""))
    return lines + [""] if store.sources else []


class MarkdownBuilder(Builder):
    """A dated list with citations (Markdown)."""

    name = "markdown"
    suffix = ".md"
    epilog = "Markdown: a dated list with citations, for course pages and printable handouts."

    def render(self) -> str:
        return markdown(self.store, review=bool(self.options.get("review")))
