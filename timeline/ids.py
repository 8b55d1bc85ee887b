"""Stable, unique identifiers for sources and events."""
from __future__ import annotations

from collections.abc import Container


def unique(base: str, taken: Container[str]) -> str:
    """base, or base-2, base-3, ... : the first that is not taken (the caller records it as taken)."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
