"""The date engine: find every date expression in a text and normalise it to EDTF.

INTERFACE (stable; other modules rely on it). The implementation is being written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Timex:
    """A date expression found in a text."""

    start: int  # character offset in the text passed to tag()
    end: int
    text: str  # text[start:end]
    value: str  # EDTF at the precision the text supports


def tag(text: str, anchor: str | None = None, start: int = 0, end: int | None = None) -> list[Timex]:
    """Every date expression in text[start:end], with EDTF values resolved against anchor (an EDTF date
    such as the publication date; relative expressions are dropped or left underspecified without it).
    Offsets are indexes into `text`."""
    stop = len(text) if end is None else end
    return [Timex(m.start(), m.end(), m.group(), m.group()) for m in re.finditer(r"\b(19|20)\d\d\b", text[:stop]) if m.start() >= start]
