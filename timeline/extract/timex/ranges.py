"""Ranges: two dates joined by 'between ... and', 'from ... to', '... to ...' become one EDTF interval.

TimeML annotates the two ends as separate expressions; the product wants the range ("1992/1997"), so
`tag()` joins them here and keeps the endpoints' own values in `parts`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from timeline.extract.timex.model import Timex

POINT_RE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d\d)?)?")
BETWEEN_RE = re.compile(r"(?i)\bbetween\s+$")
AND_GAP_RE = re.compile(r"(?i)\s+and\s+")
TO_GAP_RE = re.compile(r"(?i)\s*(?:\u2013|\u2014|-)\s*|\s+(?:to|until|till|through|thru)\s+")


def join_ranges(text: str, found: list[Timex]) -> list[Timex]:
    """found with every 'between A and B' / 'A to B' pair replaced by one interval Timex."""
    out: list[Timex] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        joined = _join(text, a, b) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _join(text: str, a: Timex, b: Timex) -> Timex | None:
    """The interval a/b when the text between them makes a range of two comparable dates."""
    if not (POINT_RE.fullmatch(a.value) and POINT_RE.fullmatch(b.value)) or a.value >= b.value[:len(a.value)]:
        return None
    gap = text[a.end:b.start]
    start = a.start
    between = BETWEEN_RE.search(text, max(0, a.start - 12), a.start)
    if between and AND_GAP_RE.fullmatch(gap):
        start = between.start()
    elif not TO_GAP_RE.fullmatch(gap):
        return None
    return replace(a, start=start, end=b.end, text=text[start:b.end], value=f"{a.value}/{b.value}",
                   kind="range", resolved=a.resolved or b.resolved, mod="", parts=(a.value, b.value),
                   signal="" if between else a.signal)


YEAR_PAIR_RE = re.compile(r"(\d{4})(\s*(?:-to-|[-\u2013\u2014/])\s*)(\d{2,4})$")


def split_ranges(found: list[Timex]) -> list[Timex]:
    """found with each year range ('1861-1865', '1992-97') split into its two ends, as TimeML tags them."""
    out: list[Timex] = []
    for t in found:
        m = YEAR_PAIR_RE.match(t.text) if t.kind == "year_range" and "/" in t.value else None
        if m is None:
            out.append(t)
            continue
        a, b = t.value.split("/")
        second = t.start + m.start(3)
        out.append(replace(t, end=t.start + m.end(1), text=m.group(1), value=a, kind="year"))
        out.append(replace(t, start=second, text=m.group(3), value=b, kind="year", signal=""))
    return out
