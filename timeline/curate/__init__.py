"""Editing a hand-curated events.yaml without losing anything the editor wrote.

editing: the edit sequence (lock, validate, splice, re-validate, write atomically); fingerprints: what a
rejection remembers; passages: which citations are new; merge: adding an extraction; review: accept, reject,
merge and split; refresh: following source files that changed.
"""
from __future__ import annotations

from timeline.curate.editing import CurateError, edit_store, read_for_edit, short
from timeline.curate.merge import MergeReport, merge_extraction
from timeline.curate.refresh import RefreshReport, refresh_sources
from timeline.curate.review import accept, candidates, merge_events, reject, split_event

__all__ = ["CurateError", "MergeReport", "RefreshReport", "accept", "candidates", "edit_store", "merge_events",
           "merge_extraction", "read_for_edit", "refresh_sources", "reject", "short", "split_event"]
