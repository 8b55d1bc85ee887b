"""The document type every reader returns: one article, its text, its segment and what is known about it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Basis = Literal["stated", "inferred"]


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
    published_basis: Basis | None = None
    published_note: str | None = None
    line: int | None = None  # line of a JSONL corpus the article was read from
    raw: str | None = None  # the file as read when `text` is derived from it (HTML: markup blanked); same length
    uncitable: str | None = None  # why the segment is not the file's own characters (None: cite by offset)

    def quote(self, start: int, end: int) -> str:
        """The characters [start, end) of the file as read (what a citation at that offset must quote)."""
        return (self.raw if self.raw is not None else self.text)[start:end]

    @property
    def stop(self) -> int:
        """End of the segment."""
        return len(self.text) if self.end is None else self.end

    @property
    def body(self) -> str:
        """The article's own text (its segment)."""
        return self.text[self.start : self.stop]

    @property
    def citable(self) -> bool:
        """True when offsets into `text` are offsets into the file itself, so passages can be cited."""
        return self.uncitable is None

    def state(self, value: str, note: str) -> None:
        """Record a reference date the source states (metadata, a date line, --published)."""
        self.published, self.published_basis, self.published_note = value, "stated", note


def not_own_characters(path: str) -> str:
    """Why a document read from `path` cannot be cited by offset into that file."""
    return (f"{path}: the text extraction read is not the file's own characters (HTML, or one article of a JSONL "
            "corpus), so quotes cannot be cited by offset; save each article as a .txt file and extract from those")
