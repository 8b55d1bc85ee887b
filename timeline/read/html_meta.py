"""HTML pages (.html, .htm): the page's metadata (title, url, publisher, published date from <meta> or
<time datetime>), and one Document per <article> element when a page holds several.

`text` is the page with its markup blanked (timeline.read.html_text) and `raw` the file as read, so a
quote is taken from `raw` at the offsets found in `text`.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from timeline.errors import Problem
from timeline.read.document import Document, not_own_characters
from timeline.read.html_text import html_text
from timeline.read.metadata_date import valid_published
from timeline.read.safe import read_text
from timeline.read.split import titled

_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.S | re.I)
_TIME = re.compile(r"<time\b[^>]*datetime\s*=\s*[\"']([^\"']+)", re.I)
_ARTICLE = re.compile(r"<article\b", re.I)
_HEADING = re.compile(r"<h[1-3][^>]*>(.*?)</h[1-3]", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
PUBLISHED_META = ("article:published_time", "datePublished", "pubdate", "date", "dc.date", "DC.date.issued")


def read_html(path: Path, ident: str, problems: list[Problem]) -> Iterator[Document]:
    """The page as one Document, or one per <article> element when it holds two or more."""
    raw = read_text(path, problems)
    if raw is None:
        return
    doc = Document(ident, str(path), html_text(raw), title=page_title(raw), url=meta(raw, "og:url"),
                   publisher=meta(raw, "og:site_name"), raw=raw)
    starts = [m.start() for m in _ARTICLE.finditer(raw)]
    if len(starts) >= 2:
        yield from _articles(doc, raw, starts)
        return
    when = meta(raw, *PUBLISHED_META) or _time(raw)
    published = valid_published(when, (str(path), None), []) if when else None
    if published:
        doc.state(published, "the page's metadata")
    yield _cited(titled(doc, doc.title))


def meta(raw: str, *names: str) -> str | None:
    """The content of the first <meta> (property, name or itemprop) of these names that has one."""
    for name in names:
        for pattern in (
            rf"<meta\b[^>]*(?:property|name|itemprop)\s*=\s*[\"']{re.escape(name)}[\"'][^>]*content\s*=\s*[\"']([^\"']*)",
            rf"<meta\b[^>]*content\s*=\s*[\"']([^\"']*)[\"'][^>]*(?:property|name|itemprop)\s*=\s*[\"']{re.escape(name)}[\"']",
        ):
            m = re.search(pattern, raw, re.I)
            if m and m.group(1).strip():
                return html.unescape(m.group(1).strip())
    return None


def page_title(raw: str) -> str | None:
    """og:title or twitter:title, else the <title> element's text."""
    title = meta(raw, "og:title", "twitter:title")
    if title is None:
        m = _TITLE.search(raw)
        title = " ".join(html.unescape(m.group(1)).split()) if m else None
    return title or None


def _time(raw: str) -> str | None:
    m = _TIME.search(raw)
    return m.group(1) if m else None


def _articles(doc: Document, raw: str, starts: list[int]) -> Iterator[Document]:
    """One Document per <article> element of a page (the page's header joins the first); each takes its
    date from a <time datetime> inside it and its title from its first heading."""
    edges = [0] + starts[1:] + [len(raw)]
    for n, (a, b) in enumerate(zip(edges, edges[1:]), 1):
        part = replace(doc, id=f"{doc.id}-{n}", start=a, end=b, title=None, published=None)
        own = raw[starts[n - 1] : b]
        heading = _HEADING.search(own)
        title = " ".join(html.unescape(_TAG.sub("", heading.group(1))).split()) if heading else None
        when = _time(own)
        published = valid_published(when, (doc.path, None), []) if when else None
        if published:
            part.state(published, "the article's <time datetime>")
        yield _cited(titled(part, title or None))


def _cited(doc: Document) -> Document:
    """Mark whether the segment's text is the file's own characters (markup blanking changes them)."""
    if doc.raw is not None and doc.raw[doc.start : doc.stop] != doc.body:
        doc.uncitable = not_own_characters(doc.path)
    return doc
