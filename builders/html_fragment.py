"""The page as an HTML fragment, for a CMS or LMS that forbids iframes: one root element, no <html>/<head>/<body>.

The fragment holds what the page holds (markup, data, JSON-LD, plotly.js and the page script, inline) in
one <div class="tl-fragment">; its stylesheet is the page's with every rule scoped to that element, so
pasting it into a host page does not restyle the host. Untrusted text is escaped exactly as in the page.
The host page's Content-Security-Policy, if any, is the host's: it must allow inline scripts.
"""
from __future__ import annotations

import re
from typing import Any

from .html import HtmlBuilder, asset, compact, page_parts
from .html_list import esc
from .html_locale import strings

ROOT = ".tl-fragment"
DOCUMENT_ROOTS = {"html", "body", ":root"}  # the page styles these; the fragment styles its root instead
DOCUMENT_CLASSES = (".tl-js", ".tl-embed")  # classes the page script sets on <html>: kept before the root


def render_fragment(store: Any, texts: dict[str, Any], options: dict[str, Any] | None = None) -> str:
    """The fragment as a string; no I/O."""
    parts = page_parts(store, texts, options, landmark="div")
    lang = esc(strings(parts.model.locale)["lang"])
    style = scope_css(compact(asset("page.css")), ROOT)
    return f'<div class="tl-fragment" lang="{lang}">\n<style>{style}</style>\n{parts.content}\n</div>\n'


def scope_css(css: str, root: str) -> str:
    """Every rule of a stylesheet applied only inside root (at-rules such as @media keep their blocks)."""
    out, i = [], 0
    while i < len(css):
        brace = css.find("{", i)
        if brace < 0:
            out.append(css[i:])
            break
        prelude, end = css[i:brace], _matching(css, brace)
        inner = css[brace + 1:end]
        head = prelude.strip()
        if head.startswith("@media") or head.startswith("@supports"):
            out.append(f"{prelude}{{{scope_css(inner, root)}}}")
        elif head.startswith("@"):
            out.append(f"{prelude}{{{inner}}}")
        else:
            out.append(f"{_leading_space(prelude)}{scope_selectors(head, root)}{{{inner}}}")
        i = end + 1
    return "".join(out)


def _matching(css: str, start: int) -> int:
    """The index of the '}' closing the '{' at start."""
    depth = 0
    for j in range(start, len(css)):
        depth += {"{": 1, "}": -1}.get(css[j], 0)
        if depth == 0:
            return j
    raise ValueError("unbalanced braces in the stylesheet")


def _leading_space(prelude: str) -> str:
    return prelude[: len(prelude) - len(prelude.lstrip())]


def scope_selectors(selectors: str, root: str) -> str:
    """'a,body p' -> '.root a,.root p': each selector of a list, scoped."""
    return ",".join(scope_selector(s, root) for s in _split(selectors))


def _split(selectors: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :not(...))."""
    parts, depth, current = [], 0, ""
    for char in selectors:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return parts + [current]


def scope_selector(selector: str, root: str) -> str:
    """One selector applied inside root: html, body and :root become root itself."""
    words = [root if w in DOCUMENT_ROOTS else w for w in re.split(r"\s+", selector.strip())]
    if root in words:
        return " ".join(words)
    if words[0].startswith(DOCUMENT_CLASSES):
        return " ".join([words[0], root, *words[1:]])
    return " ".join([root, *words])


class FragmentBuilder(HtmlBuilder):
    """Writes timeline-fragment.html: the page as one element to paste into a CMS or LMS page.

    plotly.js is inline by default, as in the page; --plotly cdn or file load it from a CDN or from
    plotly-core.min.js written beside the fragment (where the host page must then serve it)."""

    name = "html-fragment"
    suffix = ".html"
    filename = "timeline-fragment"
    epilog = "Paste timeline-fragment.html into a page's HTML source; the page must allow inline scripts."
    renderer = staticmethod(render_fragment)
