"""Input documents for extraction: reading .txt/.md/.html/.jsonl, splitting multi-article files, reference dates.

INTERFACE (stable; other modules rely on it). The implementation is being written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass
class Document:
    """One article to extract from. Offsets everywhere are indexes into `text`.

    For a file, `text` is the whole file as read (UTF-8, Python text mode) and [start, end) is the
    article's segment (the whole file unless the file holds several articles). For a JSONL article,
    `text` is its `text` field and the segment is the whole of it.
    """

    id: str
    path: str
    text: str
    start: int = 0
    end: int | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # EDTF
    published_basis: Literal["stated", "inferred"] | None = None
    published_note: str | None = None

    @property
    def stop(self) -> int:
        """End of the segment."""
        return len(self.text) if self.end is None else self.end
