"""When two citations cite the same passage, and which found citations are new."""
from __future__ import annotations

from timeline.schema import Citation


def same_passage(a: Citation, b: Citation) -> bool:
    """True when two citations cite the same passage: same source, and one quote's span contains the other's."""
    if a.source != b.source:
        return False
    a_end, b_end = a.offset + len(a.quote), b.offset + len(b.quote)
    return (a.offset <= b.offset and b_end <= a_end) or (b.offset <= a.offset and a_end <= b_end)


def new_citations(have: list[Citation], found: list[Citation]) -> list[Citation]:
    """The citations of found that cite no passage already in have (nor earlier in found)."""
    fresh: list[Citation] = []
    for citation in found:
        if not any(same_passage(citation, other) for other in have + fresh):
            fresh.append(citation)
    return fresh
