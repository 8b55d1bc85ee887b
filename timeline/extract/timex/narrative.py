"""Which reference date an underspecified expression is read against: the document date (news) or the
reference time the narrative has reached (history, biography), as HeidelTime's news and narratives modes.

- `choose_mode(text, anchor)`: 'narrative' for a text with no publication date whose explicit years spread
  over decades, else 'news'. Callers that infer a reference date from the text (timeline.extract.dating)
  pass only a *stated* date as `anchor`.
- `narrative_ref(ctx)`: the reference time in narrative mode, from the dates the text has mentioned so far
  (ctx.focus, kept by context.remember), at the precision it reached; the anchor until the text names one.
"""
from __future__ import annotations

import re
from datetime import date

import timeline.extract.timex.resolve as rs

MODES = ("auto", "news", "narrative")
SPREAD_YEARS = 20  # explicit years this far apart (and no publication date): a narrative
_YEAR_RE = re.compile(r"(?<![\d.,$\u20ac\u00a3/-])(1[0-9]\d\d|20\d\d)(?![\d%/-])")


def choose_mode(text: str, anchor: str | None) -> str:
    """'narrative' when no publication date is known and the text's years spread over decades, else 'news'.

    The years are those a cheap regex sees (four digits 1000-2099, not money, not part of a number);
    the spread is taken between the 10th and 90th percentile, so one stray number does not decide it."""
    if anchor:
        return "news"
    years = sorted(int(y) for y in _YEAR_RE.findall(text))
    if len(years) < 3:
        return "news"
    lo, hi = years[len(years) // 10], years[(len(years) * 9) // 10 - (1 if len(years) >= 10 else 0)]
    return "narrative" if hi - lo >= SPREAD_YEARS else "news"


def check_mode(mode: str) -> str:
    """mode when it is one of MODES, else ValueError (a caller's mistake)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def focus_ref(focus: dict[str, str]) -> tuple[date | None, str]:
    """(reference date, precision) of the most precise date in focus, or (None, 'none')."""
    if "day" in focus:
        return date.fromisoformat(focus["day"]), "day"
    if "month" in focus:
        y, m = focus["month"].split("-")
        return date(int(y), int(m), 15), "month"
    if "year" in focus:
        return date(int(focus["year"]), 7, 1), "year"
    return None, "none"


ASIDE_SIGNALS = frozenset({"until", "till"})
AHEAD_RE = re.compile(r"(?i)\b(?:would|will|planned|planning|intended|scheduled|expected|due\s+to|was\s+to|were\s+to)\b")


def moves_reference(text: str, start: int, end: int, signal: str) -> bool:
    """False for a date the narrative looks ahead or aside to without reaching it: the end of a duration
    ('lasted until February 1945'), a plan or expectation ('a campaign planned for 1976', 'would end in
    1946'), a parenthesis ('(born 1890)')."""
    if signal in ASIDE_SIGNALS or _in_parenthesis(text, start, end):
        return False
    left, _ = rs.sentence_bounds(text, start, end)
    if AHEAD_RE.search(text, max(left, start - 80), start):
        return False
    return rs.tense(text, start, end, strong=True) != "future"


def _in_parenthesis(text: str, start: int, end: int) -> bool:
    """True when [start, end) stands inside a parenthesis opened within 60 characters before it."""
    opened = text.rfind("(", max(0, start - 60), start)
    return opened >= 0 and ")" not in text[opened:start] and ")" in text[end:end + 60]
