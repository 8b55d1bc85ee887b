"""HTML to text with the raw file's offsets: every piece of markup (tags, comments, script, style, the
whole <head>) becomes spaces of equal length (a block tag's first character a newline), and each
character entity its character padded with spaces. Positions index the raw file unchanged; the words
between the tags are the raw file's own characters.

Page furniture is not content and is blanked whole, like markup: the elements aside, figure, figcaption,
footer and nav, and any element whose class or id names furniture (related or most-read lists, bylines,
correction notices, captions and credits, share bars, "last updated" stamps, newsletters, adverts)."""
from __future__ import annotations

import html
import re
from collections.abc import Iterator

_MARKUP_OPEN = re.compile(r"<(?:!--|!\[CDATA\[|[!?/]?[a-zA-Z])")
_TAG_BODY = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_RAW_TEXT = re.compile(r"<(script|style|head|noscript|template|svg)\b", re.I)
_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|article|section|header|footer|blockquote|title|hr|pre|figure|figcaption|main|aside|nav)\b", re.I)
_FURNITURE_TAG = re.compile(r"<(aside|figure|figcaption|footer|nav)\b", re.I)
_OPEN_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b")
_CLASS_OR_ID = re.compile(r"""\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_FURNITURE_NAME = re.compile(
    r"(?:^|[-_])(?:related|most-?read|most-?popular|mostpopular|popular|trending|recommended|read-?more|more-?stories|"
    r"correction|corrections|clarification|byline|caption|credit|share|sharing|social|newsletter|subscribe|advert|"
    r"advertisement|ad|ads|promo|sidebar|breadcrumbs?|comments?|cookie|last-?updated|updated|footer|nav|menu)(?:[-_]|$)",
    re.I,
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_CONTAINERS = frozenset("html body main article".split())  # a page's or story's own wrapper is never furniture
_MODIFIER = re.compile(r"^(?:has|with|no|is|show|hide)-", re.I)  # 'has-sidebar' styles a wrapper
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
_NOT_NEWLINE = re.compile(r"[^\n]")


def html_text(raw: str) -> str:
    """The raw HTML with markup blanked to spaces of equal length, so offsets index the raw file."""
    pieces, pos = [], 0
    for start, end in _markup_spans(raw):
        pieces += [raw[pos:start], _blank_markup(raw[start:end])]
        pos = end
    pieces.append(raw[pos:])
    return _ENTITY.sub(_pad_entity, "".join(pieces))


def _markup_spans(raw: str) -> Iterator[tuple[int, int]]:
    """[start, end) of each comment, tag, CDATA section and script/style/... element, in one linear pass:
    an unclosed construct runs to the end of the file (as a browser reads it) and ends the scan."""
    lower, size, pos = raw.lower(), len(raw), 0
    while m := _MARKUP_OPEN.search(raw, pos):
        start, opener = m.start(), m.group()
        if opener in ("<!--", "<![CDATA["):
            close = raw.find("-->" if opener == "<!--" else "]]>", m.end())
            end = size if close < 0 else close + 3
        else:
            end = _tag_end(raw, m.end())
            if end < 0:
                return  # no '>' anywhere after: the rest is text
            if not opener.startswith("</"):
                end = _furniture_end(raw, lower, start, _raw_text_end(raw, lower, start, end))
        yield start, end
        if end >= size:
            return
        pos = end


def _raw_text_end(raw: str, lower: str, start: int, end: int) -> int:
    """Past the closing tag of a script/style/head/... element opened at start (the file's end when it has
    none); `end` unchanged for any other element."""
    element = _RAW_TEXT.match(raw, start)
    if not element:
        return end
    close = lower.find(f"</{element.group(1).lower()}", end)
    gt = raw.find(">", close) if close >= 0 else -1
    return len(raw) if gt < 0 else gt + 1


def _furniture_end(raw: str, lower: str, start: int, end: int) -> int:
    """Past the end of the element opened at start when it is page furniture (nested elements of its
    name counted); `end` unchanged for content."""
    name = _furniture_name(raw[start:end])
    if name is None or raw[end - 2:end] == "/>":
        return end
    depth, pos = 1, end
    pattern = re.compile(rf"<(/?){name}\b", re.I)
    while depth and (m := pattern.search(lower, pos)):
        depth += -1 if m.group(1) else 1
        gt = raw.find(">", m.end())
        pos = len(raw) if gt < 0 else gt + 1
    return pos if not depth else len(raw)


def _furniture_name(tag: str) -> str | None:
    """The lower-cased element name of an opening tag that starts page furniture, else None."""
    m = _OPEN_TAG.match(tag)
    if not m or m.group(1).lower() in _VOID:
        return None
    if m.group(1).lower() in _CONTAINERS:
        return None
    if _FURNITURE_TAG.match(tag):
        return m.group(1).lower()
    for attr in _CLASS_OR_ID.finditer(tag):
        value = next(v for v in attr.groups() if v is not None)
        if any(_FURNITURE_NAME.search(token) and not _MODIFIER.match(token) for token in value.split()):
            return m.group(1).lower()
    return None


def _tag_end(raw: str, pos: int) -> int:
    """Index just past the '>' closing the tag whose body starts at pos (quoted values may hold '>'), or -1."""
    body = _TAG_BODY.match(raw, pos)
    if body:
        return body.end()
    gt = raw.find(">", pos)
    return gt + 1 if gt >= 0 else -1


def _blank_markup(markup: str) -> str:
    blank = _NOT_NEWLINE.sub(" ", markup)
    return "\n" + blank[1:] if _BLOCK.match(markup) and not blank.startswith("\n") else blank


def _pad_entity(m: re.Match[str]) -> str:
    char = html.unescape(m.group())
    if len(char) != 1 or char == m.group():
        return m.group()
    char = " " if char in "\xa0\u2009\u202f" else char
    return char + " " * (len(m.group()) - 1)
