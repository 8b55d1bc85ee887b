"""events.yaml: read it safely (reading), with the store's scalar rules (scalars), and validate it (validation)."""
from __future__ import annotations

from timeline.bulk import bulk
from timeline.store.reading import MAX_DEPTH, MAX_PROBLEMS, Document, Loc, decode, read_bytes, read_yaml
from timeline.store.validation import citations_of, cross_check, load_store, load_text

__all__ = ["MAX_DEPTH", "MAX_PROBLEMS", "Document", "Loc", "bulk", "citations_of", "cross_check", "decode", "load_store", "load_text", "read_bytes", "read_yaml"]
