"""Splitting a file that holds several articles one after another (a blog archive page) into one
Document per article (`<stem>-1`, `<stem>-2`, ...), each with its own [start, end) segment of the file."""
from __future__ import annotations

import re
from dataclasses import replace

from timeline.read.datelines import date_line_value, lines
from timeline.read.document import Document

_QUOTED = r"[“\"][^“”\"\n]{8,200}[”\"]"
HEADLINE = re.compile(rf"^(?:{_QUOTED}|[A-Z][A-Za-z.]{{1,24}}:\s*(?:{_QUOTED}|[^.!?\n]{{8,150}}))\s*$")
LABEL = re.compile(r"^[A-Z][^.!?:;,\n]{1,38}$")
MIN_ARTICLE = 300
_QUOTED_TITLE = re.compile(r"^(?:(?P<pub>[A-Z][A-Za-z.]{1,24}):\s*)?[“\"](?P<title>[^“”\"]+)[”\"]$")
_PUBLISHER_TITLE = re.compile(r"^(?P<pub>[A-Z][A-Za-z.]{1,24}):\s*(?P<title>[^“”\"]+)$")
_SMALL_WORDS = {"a", "an", "and", "the", "of", "in", "on", "to", "for", "at", "by", "or", "with", "from", "is"}


def split_articles(doc: Document) -> list[Document]:
    """The document, or one Document per article when its segment holds several one after another.

    Strong boundaries: a headline line ('“Quoted title”' or 'Publisher: Title') that follows two
    blank lines, a date line, or opens the file; a block after two blank lines that is a title line
    followed by a date line (with perhaps a byline between). When there are at least two, weak boundaries are
    added too: a short label line ('Iran News') followed by two blank lines, then a paragraph.
    Pieces tile the segment; one shorter than MIN_ARTICLE characters (a page header such as 'Tag
    Archives: ISIS') joins the next.
    """
    cuts = _boundaries(doc.text, doc.start, doc.stop)
    pieces = _merge_small(doc.start, cuts, doc.stop) if len(cuts) >= 2 else []
    if len(pieces) < 2:
        return [titled(doc, _segment_title(doc))]
    out = []
    for n, (a, b, head) in enumerate(pieces, 1):
        part = replace(doc, id=f"{doc.id}-{n}", start=a, end=b, title=None)
        heading = replace(part, start=head)
        publisher, title = _publisher_and_title(_first_line_title(heading) or _segment_title(heading))
        part.publisher = part.publisher or publisher
        out.append(titled(part, title))
    return out


def titled(doc: Document, title: str | None) -> Document:
    """The document with its title, white space collapsed."""
    doc.title = " ".join(title.split()) if title else None
    return doc


def _boundaries(text: str, start: int, stop: int) -> list[int]:
    found = lines(text, start, stop)
    gaps = [text[found[i - 1][0] + len(found[i - 1][1]) : offset].count("\n") if i else 99 for i, (offset, _) in enumerate(found)]
    dated = [date_line_value(line) is not None for _, line in found]
    strong, weak = [], []
    for i, (offset, line) in enumerate(found):
        after_date = i > 0 and dated[i - 1]
        if HEADLINE.match(line.strip()) and (gaps[i] >= 3 or after_date or i <= 2):
            strong.append(offset)
        elif (gaps[i] >= 3 or i <= 2) and _dated_heading_block(found, gaps, dated, i):
            strong.append(offset)
        elif i and gaps[i] >= 3 and LABEL.match(found[i - 1][1].strip()) and len(line) >= 200:
            weak.append(offset)
    return sorted(set(strong + weak)) if len(strong) >= 2 else strong


def _dated_heading_block(found: list[tuple[int, str]], gaps: list[int], dated: list[bool], i: int) -> bool:
    """A short title line followed, in the same block, within two lines, by a date line ('Title / By X / March 3, 2019')."""
    if gaps[i] == 1 or dated[i] or len(found[i][1]) > 150 or found[i][1].rstrip().endswith("."):
        return False
    return any(dated[j] for j in range(i + 1, min(i + 3, len(found))) if all(gaps[k] == 1 for k in range(i + 1, j + 1)))


def _merge_small(start: int, cuts: list[int], stop: int) -> list[tuple[int, int, int]]:
    """(start, end, heading) pieces tiling [start, stop); a piece shorter than MIN_ARTICLE joins the next
    (the last joins the previous). `heading` is where the piece's own boundary line is."""
    edges = [start] + [c for c in cuts if start < c < stop] + [stop]
    pieces: list[tuple[int, int, int]] = []
    pending: int | None = None
    for a, b in zip(edges, edges[1:]):
        first = pending if pending is not None else a
        if b - first < MIN_ARTICLE and b != stop:
            pending = first
            continue
        pending = None
        pieces.append((first, b, a))
    if len(pieces) > 1 and pieces[-1][1] - pieces[-1][0] < MIN_ARTICLE:
        last = pieces.pop()
        pieces[-1] = (pieces[-1][0], last[1], pieces[-1][2])
    return pieces


def _publisher_and_title(heading: str | None) -> tuple[str | None, str | None]:
    """'ODR: “Meet Tajikistan’s embattled Islamists”' -> ('ODR', 'Meet Tajikistan’s embattled Islamists')."""
    if not heading:
        return None, heading
    m = _QUOTED_TITLE.match(heading.strip()) or _PUBLISHER_TITLE.match(heading.strip())
    if m:
        return m["pub"], m["title"]
    return None, heading


def _first_line_title(doc: Document) -> str | None:
    """An article's first line when it reads as a heading (short, no final period, not a date line)."""
    first = lines(doc.text, doc.start, doc.stop)[:1]
    line = first[0][1].strip() if first else ""
    if not line or len(line) > 150 or line.endswith((".", ",", ";")) or date_line_value(line) or len(line.split()) > 25:
        return None
    return line


def _segment_title(doc: Document) -> str | None:
    if doc.title:
        return doc.title
    for _, line in lines(doc.text, doc.start, doc.stop)[:8]:
        words = line.split()
        if HEADLINE.match(line.strip()) or (3 <= len(words) <= 30 and _title_case(words) and not line.strip().startswith(("©", "By "))):
            return line.strip()
    return None


def _title_case(words: list[str]) -> bool:
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and sum(w[:1].isupper() or w[:1] in "“\"'" for w in big) >= 0.8 * len(big) and not words[-1].endswith(".")
