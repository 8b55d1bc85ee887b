"""Editing a hand-curated events.yaml without losing anything the editor wrote.

editing: the edit sequence (lock, validate, splice, re-validate, write atomically); reverify: validating the
result by reading again only what changed; verify: the citations an edit writes, a save meanwhile;
fingerprints: what a rejection remembers; passages: which citations are new; merge: adding an extraction;
review: accept, reject, merge and split; refresh: following source files that changed.
"""
from __future__ import annotations

import importlib
from typing import Any

from timeline.curate.editing import CurateError, edit_store, read_for_edit, short
from timeline.curate.review import accept, candidates, merge_events, reject, split_event

# Imported when first used: they read source files, and the readers' date rules take a second to load,
# which a review accept or reject does not need.
_LATER = {"MergeReport": "merge", "merge_extraction": "merge", "RefreshReport": "refresh", "refresh_sources": "refresh"}

__all__ = ["CurateError", "MergeReport", "RefreshReport", "accept", "candidates", "edit_store", "merge_events",
           "merge_extraction", "read_for_edit", "refresh_sources", "reject", "short", "split_event"]


def __getattr__(name: str) -> Any:
    if name in _LATER:
        return getattr(importlib.import_module(f"timeline.curate.{_LATER[name]}"), name)
    raise AttributeError(f"module 'timeline.curate' has no attribute {name!r}")
