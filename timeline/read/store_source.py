"""From a document read to the store's `Source` entry for it: file relative to the store, segment, metadata, hash."""
from __future__ import annotations

import os
import re
from pathlib import Path

from timeline import dates
from timeline.read.document import Document
from timeline.schema import Source
from timeline.sources import text_hash
from timeline.weburl import is_web_url

_ID_PART = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


def source_id(doc_id: str) -> str:
    """A slug usable as a store source id: 'MJ_bbc/2009-06-27/114' -> 'mj_bbc-2009-06-27-114'."""
    return "-".join(_ID_PART.findall(doc_id.lower()))[:120] or "source"


def document_to_source(doc: Document, base_dir: str | Path) -> Source:
    """The store's Source entry for a document: file relative to base_dir, segment, metadata, hash.

    Whether its passages may be cited by offset is the document's own `uncitable` (None when they can)."""
    file = os.path.relpath(os.path.abspath(doc.path), os.path.abspath(base_dir))
    whole = doc.start == 0 and doc.stop == len(doc.text)
    valid = bool(doc.published) and dates.is_valid(doc.published or "")
    return Source(
        id=source_id(doc.id),
        file=Path(file).as_posix(),
        segment=None if whole else (doc.start, doc.stop),
        title=doc.title,
        publisher=doc.publisher,
        url=doc.url if doc.url and is_web_url(doc.url) else None,
        published=doc.published if valid else None,
        published_basis=doc.published_basis if valid else None,
        published_note=(doc.published_note or "inferred from the text") if doc.published_basis == "inferred" else doc.published_note,
        sha256=text_hash(doc.body),
    )
