"""Text from sources shown on a terminal: one line, and no control characters that a terminal would obey."""
from __future__ import annotations

import re

# C0 and C1 controls (ESC sequences, BEL, ...) and the Unicode bidi overrides that reorder a line.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """text with every control character shown as an escape (\\x1b), so a listing cannot drive the terminal."""
    return CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 256 else f"\\u{ord(m[0]):04x}", text)


def one_line(text: str, limit: int | None = None) -> str:
    """printable(text) on one line with runs of white space folded, cut to limit characters with an ellipsis."""
    text = printable(re.sub(r"\s+", " ", text).strip())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"
