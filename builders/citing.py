"""What every export says the same way: a quote as it reads inside our quotation marks, and a dispute's
claim as a reader reads it. Plain text in, plain text out; each builder escapes for its own format.
"""
from __future__ import annotations

import re

from timeline import dates
from timeline.display import display
from timeline.schema import Claim, Dispute

# Opening mark -> the closing marks that pair with it (English, German and French usage, straight marks).
_PAIRS = {
    '"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201c\u201d",
    "\u201a": "\u2018\u2019", "\u00ab": "\u00bb", "\u00bb": "\u00ab", "\u2039": "\u203a",
}


def bare_quote(quote: str) -> str:
    """The quote without the quotation marks around the whole of it, so that ours are not doubled.

    Marks are stripped only when they pair and enclose the whole quote: '"A" and "B"' keeps its marks.
    """
    text = quote.strip()
    if len(text) < 2 or text[0] not in _PAIRS or text[-1] not in _PAIRS[text[0]]:
        return text
    inner = text[1:-1].strip()
    marks = {text[0], *_PAIRS[text[0]]}
    return text if any(m in inner for m in marks) or not inner else inner


_TO_SINGLE = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019", "\u201e": "\u201a"})
_OPENING = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')


def quote_body(quote: str) -> str:
    """The quote to place inside our double quotation marks: its marks around the whole go, and the double
    marks inside it become single ones, as in writing a quote within a quote.

    '"Many left," he said.' gives '\u2018Many left,\u2019 he said.', shown as \u201c\u2018Many left,\u2019 he said.\u201d
    """
    text = _OPENING.sub("\\1\u2018", bare_quote(quote))
    return text.replace('"', "\u2019").translate(_TO_SINGLE)


def claim_value(dispute: Dispute, claim: Claim, locale: str = "en") -> str:
    """One side of a dispute as a reader reads it: a date dispute's EDTF value as a date ('June 1997')."""
    if dispute.about == "date" and dates.is_valid(claim.value):
        return display(claim.value, locale)
    return claim.value

