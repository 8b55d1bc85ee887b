"""Fingerprints of rejected happenings: what `review reject` remembers so that extraction does not bring them back."""
from __future__ import annotations

import hashlib

from timeline import dates
from timeline.schema import Event, Rejected


def quote_hash(source: str, quote: str) -> str:
    """A short, stable hash of a cited passage (whitespace-insensitive)."""
    text = f"{source}\n{' '.join(quote.split())}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fingerprint(event: Event) -> str:
    """The key remembered for a rejected event: its date and the hashes of its quotes, e.g. '2015-05 3fa2c1d09b7e+...'."""
    hashes = sorted({quote_hash(c.source, c.quote) for c in event.citations})
    return f"{event.date} {'+'.join(hashes)}"


def is_rejected(event: Event, rejected: list[Rejected]) -> bool:
    """True when the editor rejected this happening: a date containing or contained in the rejected one
    (so a re-extraction at another precision stays rejected) and at least one of the same quotes."""
    mine = {quote_hash(c.source, c.quote) for c in event.citations}
    for item in rejected:
        date, _, hashes = item.key.partition(" ")
        if mine & set(hashes.split("+")) and _nested(date, event.date):
            return True
    return False


def _nested(a: str, b: str) -> bool:
    """True when two EDTF dates are equal or one lies within the other."""
    if a == b:
        return True
    if not (dates.is_valid(a) and dates.is_valid(b)):
        return False
    x, y = dates.parse(a), dates.parse(b)
    if None in (x.lower, x.upper, y.lower, y.upper):
        return False
    return bool((x.lower <= y.lower and y.upper <= x.upper) or (y.lower <= x.lower and x.upper <= y.upper))  # type: ignore[operator]
