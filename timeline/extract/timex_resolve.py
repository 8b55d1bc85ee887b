"""Calendar arithmetic against a reference date, and the tense of the sentence around an expression."""
from __future__ import annotations

import re
from datetime import date, timedelta

ANCHOR_RE = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

FUTURE_RE = re.compile(
    r"\b(?:will|won['\u2019]t|shall|would|going\s+to|plans?|planned|planning|scheduled|schedules?|"
    r"expects?|expected|due|set\s+to|is\s+to|are\s+to|was\s+to|were\s+to|upcoming|next|hopes?\s+to|"
    r"intends?|aims?\s+to|to\s+(?:be|begin|start|meet|resume|leave|visit|hold|open|close|travel|vote|"
    r"return|announce|arrive|decide|go|take|make|hear|sign|receive|face|attend|end|report))\b|['\u2019]ll\b",
    re.IGNORECASE)
PAST_RE = re.compile(
    r"\b(?:said|was|were|had|did|told|ago|last|earlier|yesterday|announced|reported|began|came|went|"
    r"took|made|gave|met|left|died|won|lost|held|saw|became|fell|rose|got|found|brought|sent|"
    r"[a-z]{3,}ed)\b", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Co|No))[.!?][\"'\u201d\u2019]*\s+(?=[A-Z\"'`(\u201c])|\n\s*\n")


def parse_anchor(anchor: str | None) -> tuple[date | None, str]:
    """(reference day, precision 'day'|'month'|'year'|'none') of an EDTF anchor such as 2015-05-09."""
    if not anchor:
        return None, "none"
    m = ANCHOR_RE.match(str(anchor))
    if not m:
        return None, "none"
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day)), "day"
        if month:
            return date(year, int(month), 15), "month"
        return date(year, 7, 1), "year"
    except ValueError:
        return None, "none"


def add_months(d: date, n: int) -> tuple[int, int]:
    """(year, month) n months after the month of d."""
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def week_interval(d: date) -> str:
    """The Monday/Sunday interval of d's ISO week, as EDTF."""
    monday = d - timedelta(days=d.weekday())
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def weekend_interval(d: date) -> str:
    """The Saturday/Sunday interval of d's ISO week, as EDTF."""
    saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"


def quarter_of(d: date) -> int:
    """1..4."""
    return (d.month - 1) // 3 + 1


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A window around [start, end): the sentence as far as cheaply found, at most ~250 characters each way."""
    lo = max(0, start - 250)
    left = lo
    for m in SENTENCE_END_RE.finditer(text, lo, start):
        left = m.end()
    hi = min(len(text), end + 250)
    m2 = SENTENCE_END_RE.search(text, end, hi)
    return left, (m2.start() + 1 if m2 else hi)


def tense(text: str, start: int, end: int) -> str:
    """'future', 'past' or '' for the sentence around [start, end): the nearest tense cue wins."""
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, str] | None = None
    for rx, label in ((FUTURE_RE, "future"), (PAST_RE, "past")):
        for m in rx.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            dist = start - m.end() if m.end() <= start else (m.start() - end) + 15  # prefer cues before
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else ""


def pick_year_for(month: int, day: int | None, ref: date, when: str) -> int:
    """Year of a month (and day) stated without one: past -> latest on or before ref, future -> first on or
    after ref, no tense -> the nearest to ref."""
    def key(y: int) -> date:
        return date(y, month, min(day or 1, 28 if month == 2 else day or 1))
    same = key(ref.year)
    cmp_ref = ref if day else ref.replace(day=1)
    if when == "past":
        return ref.year if same <= cmp_ref else ref.year - 1
    if when == "future":
        return ref.year if same >= cmp_ref else ref.year + 1
    cands = [ref.year - 1, ref.year, ref.year + 1]
    return min(cands, key=lambda y: abs((key(y) - cmp_ref).days))


def weekday_date(wd: int, ref: date, when: str, rel: str) -> date:
    """The day of weekday wd (Monday=0) meant relative to ref: same day when it is ref's weekday (unless
    'last'/'next'), else the last one before ref, or the next one after it for the future."""
    delta = (ref.weekday() - wd) % 7
    if rel in ("last", "this past", "previous", "past"):
        return ref - timedelta(days=delta or 7)
    if rel in ("next", "this coming", "coming", "following"):
        return ref + timedelta(days=((wd - ref.weekday()) % 7) or 7)
    if delta == 0:
        return ref
    if when == "future" or rel == "this":
        return ref + timedelta(days=(wd - ref.weekday()) % 7)
    return ref - timedelta(days=delta)
