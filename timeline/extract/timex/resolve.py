"""Calendar arithmetic against a reference date, and the tense of the sentence around an expression."""
from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.extract.sentences import sentence_bounds

ANCHOR_RE = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

FUTURE_RE = re.compile(
    r"\b(?:will|won['\u2019]t|shall|would|might|could|going\s+to|plans?|planned|planning|scheduled|"
    r"schedules?|expects?|expected|due|set\s+to|is\s+to|are\s+to|was\s+to|were\s+to|upcoming|"
    r"next\s+(?:week|month|year|weekend|\w+day)|"
    r"hopes?\s+to|intends?|aims?\s+to|payable|expires?|expiring|effective|deadline|"
    r"as\s+(?:soon|early)\s+as|postponed|delayed|adjourned|starting|"
    r"to\s+(?:be|begin|start|meet|resume|leave|visit|hold|open|close|travel|vote|return|announce|arrive|decide|"
    r"sign|testify|appear|pay|complete|end|expire|launch|release|report|take\s+effect|go|come|hear|rule))\b|"
    r"['\u2019]ll\b",
    re.IGNORECASE)
DEADLINE_RE = re.compile(r"(?i)\b(?:by|until|till|before|through|starting|from|effective|payable|due)\s+(?:the\s+)?$")
SCHEDULED_RE = re.compile(r"(?i)\b(?:is|are)\s+(?:on|set\s+for|slated\s+for)\s+(?:the\s+)?$")  # 'The vote is on Nov. 5'
SINCE_RE = re.compile(r"(?i)\b(?:since|after|last)\s+(?:the\s+)?$")
PAST_RE = re.compile(
    r"\b(?:said|was|were|had|did|told|ago|last|earlier|yesterday|announced|reported|began|came|went|"
    r"took|made|gave|met|left|died|won|lost|held|saw|became|fell|rose|got|found|brought|sent|since|"
    r"flew|fled|fought|struck|wrote|spoke|stood|sold|bought|ran|kept|led|paid|built|caught|chose|drove|broke|"
    r"threw|thought|felt|spent|shot|grew|knew|sought|sank|swore|withdrew|overthrew|arose|froze|hid|"
    r"after|ended|(?-i:(?!(?:need|proceed|exceed|succeed|indeed|hundred|speed|feed|seed|shed|embed)\b)[a-z]{2,}ed))\b",
    re.IGNORECASE)
STRONG_FUTURE_RE = re.compile(
    r"\b(?:will|won['\u2019]t|shall|would|might|going\s+to|plans?\s+to|planned\s+to|planning\s+to|"
    r"scheduled|set\s+to|is\s+to|are\s+to|was\s+to|were\s+to|is\s+due|are\s+due|expected\s+to|expects?\s+to|"
    r"next\s+(?:week|month|year|weekend|\w+day)|upcoming|as\s+(?:soon|early)\s+as|postponed\s+until)\b|"
    r"['\u2019]ll\b", re.IGNORECASE)


def parse_anchor(anchor: str | None) -> tuple[date | None, str]:
    """(reference day, precision 'day'|'month'|'year'|'none') of an EDTF anchor such as 2015-05-09."""
    if not anchor:
        return None, "none"
    m = ANCHOR_RE.match(str(anchor))
    if not m:
        return None, "none"
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if not 100 <= year <= 9899:
        return None, "none"
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


def shift_needs(unit: str, precision: str) -> bool:
    """True when a reference known to `precision` is too coarse to count `unit`s from (days from a year)."""
    return precision not in {"day": ("day",), "week": ("day",), "month": ("day", "month")}.get(unit, ("day", "month", "year"))


def shift(ref: date, precision: str, unit: str, n: int) -> str | None:
    """The unit-sized period n units from `ref` (known to `precision`), at that unit's precision; None when
    the reference is coarser than the unit ('two days ago' against a month)."""
    if shift_needs(unit, precision):
        return None
    if unit in ("day", "week"):
        return (ref + timedelta(days=n)).isoformat() if unit == "day" else week_interval(ref + timedelta(weeks=n))
    if unit == "month":
        y, m = add_months(ref, n)
        return f"{y}-{m:02d}"
    if unit == "year":
        return str(ref.year + n)
    if unit == "decade":
        return f"{(ref.year + 10 * n) // 10}X"
    if unit == "century":
        return f"{(ref.year + 100 * n) // 100:02d}XX"
    return None


def week_interval(d: date) -> str:
    """The Monday/Sunday interval of d's ISO week, as EDTF."""
    monday = d - timedelta(days=d.weekday())
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def weekend_interval(d: date) -> str:
    """The Saturday/Sunday interval of d's ISO week, as EDTF."""
    saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"


def weekend_near(ref: date, direction: str) -> str:
    """The weekend a text at `ref` means: the one it falls on, else the last one; the coming one for a 'next'
    word or a future sentence (direction 'future'), the one before for a 'last' word ('past')."""
    on_weekend = ref.weekday() >= 5
    if direction == "future":
        return weekend_interval(ref + timedelta(days=7) if on_weekend else ref)
    if direction == "past" or not on_weekend:
        return weekend_interval(ref - timedelta(days=7))
    return weekend_interval(ref)


def quarter_of(d: date) -> int:
    """1..4."""
    return (d.month - 1) // 3 + 1


def tense(text: str, start: int, end: int, strong: bool = False) -> str:
    """'future', 'past' or '' for the clause around [start, end): the nearest cue before the expression
    wins (a future cue counts from further away than a past one), else the nearest cue after it.
    strong: only modal and scheduling words count as future cues."""
    left, right = sentence_bounds(text, start, end)
    near = text[max(left, start - 20):start]
    if SINCE_RE.search(near):
        return "past"
    if not strong and (DEADLINE_RE.search(near) or SCHEDULED_RE.search(near)):
        return "future"
    best: tuple[int, str] | None = None
    future_rx = STRONG_FUTURE_RE if strong else FUTURE_RE
    for rx, label, bonus in ((future_rx, "future", 20), (PAST_RE, "past", 0)):
        for m in rx.finditer(text, left, start):
            dist = start - m.end() - bonus
            if best is None or dist < best[0]:
                best = (dist, label)
    if best is not None:
        return best[1]
    for rx, label in ((future_rx, "future"), (PAST_RE, "past")):
        after = rx.search(text, end, right)
        if after and (best is None or after.start() < best[0]):
            best = (after.start(), label)
    return best[1] if best else ""


# A verb in the present that schedules ('They play again on Wednesday', 'The court hears the case on Monday',
# 'Markets are closed on Friday'): with no past or future cue, a weekday after it is the coming one.
SCHEDULING_PRESENT_RE = re.compile(
    r"(?i)(?<!the\s)(?<!\ba\s)(?<!\ban\s)(?<!its\s)(?<!their\s)\b(?:is|are|plays?|meets?|opens?|starts?|begins?|faces?|hosts?|visits?|travels?|returns?|resumes?|votes?|"
    r"holds?|goes|arrives?|closes?|ends?|decides?|hears?|debates?|kicks?\s+off|takes?\s+place)\b")
_CLAUSE_START_RE = re.compile(r"[,;:]\s|\s(?:and|but|while|after|when)\s")


def scheduled_present(text: str, start: int) -> bool:
    """True when the clause before `start` has a scheduling verb in the present (see SCHEDULING_PRESENT_RE) and
    no past cue."""
    left = sentence_bounds(text, start, start)[0]
    clause = max((m.end() for m in _CLAUSE_START_RE.finditer(text, left, start)), default=left)
    return SCHEDULING_PRESENT_RE.search(text, clause, start) is not None and PAST_RE.search(text, clause, start) is None


def pick_year_for(month: int, day: int | None, ref: date, when: str, strict: bool = False) -> int:
    """Year of a month (and day) stated without one: the occurrence nearest to ref, where one on the wrong
    side of ref for the sentence's tense counts four times as far (strict: is never taken)."""
    cmp_ref = ref if day else ref.replace(day=1)

    def cost(y: int) -> float:
        """Distance to ref in days, four times as long on the wrong side for the tense."""
        d = (date(y, month, min(day or 1, 28 if month == 2 else day or 1)) - cmp_ref).days
        wrong = (when == "past" and d > 0) or (when == "future" and d < 0)
        return abs(d) * (4 if wrong else 1) + (10**6 if wrong and strict else 0)
    return min((ref.year - 1, ref.year, ref.year + 1), key=cost)


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
