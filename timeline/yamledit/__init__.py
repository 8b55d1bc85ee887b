"""Edit a hand-written YAML file by splicing text: nodes (where things are), style (how the file writes),
render (new text for values) and editor (the edits)."""
from __future__ import annotations

from timeline.yamledit.editor import YamlEditor

__all__ = ["YamlEditor"]
