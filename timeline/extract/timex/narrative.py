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

from timeline.extract.sentences import sentence_bounds
from timeline.extract.timex.lexicon import MONTH_FULL, WEEKDAY

MODES = ("auto", "news", "narrative")
MIN_YEARS = 2  # distinct explicit years a narrative names at least
SPEECH_TIME_PER_CHARS = 5000  # a narrative says 'yesterday', 'last week', 'two days ago' less than once per this
_YEAR_RE = re.compile(r"(?<![\d.,$\u20ac\u00a3/-])(1[0-9]\d\d|20\d\d)(?![\d%/-])|\b(\d{1,4})\s?(?:BCE?|B\.C\.)")
_SPEECH_TIME_RE = re.compile(
    r"(?i)\b(?:yesterday|today|tomorrow|tonight|(?:last|this|(?<!the\s)next)\s+(?:week|month|year|night)|ago|"  # not 'the next year'
    r"(?:on|last|next|this)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"hier|aujourd'hui|demain|ayer|hoy|gestern|heute|ieri|oggi|domani|ontem|hoje|amanhã|gisteren|vandaag|"  # the same
    r"вчера|сегодня|завтра)(?!\w)")  # words in the other languages read (timeline.extract.timex.foreign)


def choose_mode(text: str, anchor: str | None) -> str:
    """'narrative' for a text with no publication date (anchor None) that names several years and does not
    speak from its own present; else 'news'.

    A history or a biography opens on a dated scene ('On September 1, 1939', 'In 1775'), names year after
    year and seldom says 'yesterday', 'last week' or 'two days ago' (SPEECH_TIME_PER_CHARS); an undated
    news story opens on its peg, a day without a year ('on February 12', 'on Friday'), and speaks from the
    day it was written. A text with a publication date reads as news (deictic words then have their anchor)."""
    if anchor or not _opens_dated(text):
        return "news"
    years = sorted({int(m.group(1) or m.group(2)) * (1 if m.group(1) else -1) for m in _YEAR_RE.finditer(text)})
    if len(years) < MIN_YEARS:
        return "news"
    speech = len(_SPEECH_TIME_RE.findall(text))
    return "narrative" if speech * SPEECH_TIME_PER_CHARS <= len(text) else "news"


_FIRST_DATE_RE = re.compile(
    rf"(?-i:{MONTH_FULL})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?(?P<mdy>,?\s+(?:of\s+)?\d{{4}}(?!\d))?"
    rf"|\b\d{{1,2}}\s+(?-i:{MONTH_FULL})(?P<dmy>,?\s+\d{{4}}(?!\d))?|(?P<weekday>\b(?-i:{WEEKDAY})\b)"
    r"|(?P<year>(?<![\d.,$/-])(?:1\d{3}|20\d\d)(?![\d%/-])|\b\d{1,4}\s?(?:BCE?|B\.C\.|AD)\b|\bAD\s?\d{1,4})")


def _opens_dated(text: str) -> bool:
    """True when the first date the text names states its year (a weekday or a month-day alone is a news peg)."""
    m = _FIRST_DATE_RE.search(text)
    return m is not None and bool(m.group("year") or m.group("mdy") or m.group("dmy"))


def check_mode(mode: str) -> str:
    """mode when it is one of MODES, else ValueError (a caller's mistake)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


AHEAD_CHARS = 1500  # a narrative that opens on 'in April' names its year soon after


def opening_ref(text: str, pos: int) -> tuple[date | None, str]:
    """Before a narrative has named any date: the first four-digit year it names within AHEAD_CHARS
    ('In April ... three days later ... in September 1980'), as year precision; (None, 'none') if none."""
    m = _YEAR_RE.search(text, pos, pos + AHEAD_CHARS)
    while m and not m.group(1):
        m = _YEAR_RE.search(text, m.end(), pos + AHEAD_CHARS)
    return (date(int(m.group(1)), 7, 1), "year") if m else (None, "none")


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
AHEAD_RE = re.compile(r"(?i)\b(?:will|planned|planning|intended|scheduled|expected|due\s+to|was\s+to|were\s+to)\b|"
                      r"\b(?:until|till)\s+(?!(?:in|on|early|late|mid|the\s+(?:end|beginning|middle))\b)[^.;:,()]*$|"
                      r"\b(?:lasted|lasting)\b[^.;:,()]*$")
LOOKBACK_KINDS = frozenset({"ago"})  # 'two decades earlier': a glance back; the narrative stays where it was
LOOKBACK_RE = re.compile(r"(?i)(?:the\s+)?(?:previous|prior|last|past|preceding)\b")  # 'the previous year' too


def moves_reference(text: str, start: int, end: int, signal: str, kind: str = "") -> bool:
    """False for a date the narrative looks ahead, back or aside to without reaching it: the end of a
    duration ('lasted until the fall of the city in February 1945'), a plan ('a campaign planned for
    1976'), a parenthesis ('(born 1890)'), a glance back ('two decades earlier', 'the previous year').
    'would' does not count: in a history it tells the past ('the victory would follow on 18 September')."""
    if signal in ASIDE_SIGNALS or _in_parenthesis(text, start, end):
        return False
    left, _ = sentence_bounds(text, start, end)
    if AHEAD_RE.search(text, max(left, start - 80), start):
        return False
    return not (kind in LOOKBACK_KINDS or (kind in ("rel_unit", "month_named") and LOOKBACK_RE.match(text, start)))


def _in_parenthesis(text: str, start: int, end: int) -> bool:
    """True when [start, end) stands inside a parenthesis opened within 60 characters before it."""
    opened = text.rfind("(", max(0, start - 60), start)
    return opened >= 0 and ")" not in text[opened:start] and ")" in text[end:end + 60]
