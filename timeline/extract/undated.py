"""Sentences with no date expression that the text still dates, as a careful reader dates them.

- **The time the story has reached:** a sentence that opens on an adverb of that time ('At that time,', 'At the
  time,', 'Back then,', 'En aquel momento,', 'Damals') happens when the last date told before it (in its
  paragraph or the one before) does. 'Then,' also means 'next': it takes that date only when the date is a year
  or coarser, which 'next' does not leave ('In the 1960s the school moved. Then, a developer bought the mill').
- **Recency in news:** 'recently', 'in recent weeks', 'kürzlich', 'ces dernières semaines' date a happening to the
  weeks or months before the publication date: the period the window falls in ('in recent weeks' in an article of
  11 February 2020: 2020), or the months it spans when it crosses a year ('2019-12/2020-02', a period, which dates
  no event). A text with no publication date gives none.

Each gives a `Timex` over the words that date the sentence (kind 'story_time' or 'recent'), read like any other
by the candidates that follow. These are not date expressions for `timeline dates` (TimeML marks 'recently' as
PAST_REF, not a date): only events use them."""
from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.dates import parse_single
from timeline.extract.timex.context import PARAGRAPH_RE
from timeline.extract.timex.model import Timex

# Sentence openers that say 'at the time just told' (the comma after them is optional in most languages).
STORY_TIME_RE = re.compile(
    r"(?i)(?:at\s+(?:that|the)\s+time(?!\s+of\b)|back\s+then|in\s+those\s+(?:days|years)|at\s+that\s+point|"  # en
    r"en\s+(?:aquel|ese)\s+(?:momento|entonces|tiempo|año)|por\s+aquel\s+entonces|"  # es
    r"à\s+l'[ée]poque|à\s+ce\s+moment-l[àa]|à\s+cette\s+[ée]poque|"  # fr
    r"damals|zu\s+dieser\s+zeit|zu\s+jener\s+zeit|"  # de
    r"all'epoca|a\s+quel\s+tempo|in\s+quel\s+momento|"  # it
    r"na\s+[ée]poca|naquele\s+momento)(?!\w)"  # pt
)
THEN_RE = re.compile(r"(?:Then|Entonces|Alors|Dann|Poi|Ent[ãa]o),")
# Recency: the words, and how far back they reach (days).
RECENT = [
    (re.compile(r"(?i)(?<!\w)(?:in\s+(?:the\s+)?(?:recent|past\s+few|last\s+few)\s+days|en\s+los\s+[úu]ltimos\s+d[íi]as|"
                r"ces\s+derniers\s+jours|in\s+den\s+letzten\s+tagen|negli\s+ultimi\s+giorni|nos\s+[úu]ltimos\s+dias)(?!\w)"), 7),
    (re.compile(r"(?i)(?<!\w)(?:in\s+(?:the\s+)?(?:recent|past\s+few|last\s+few)\s+weeks|en\s+las\s+[úu]ltimas\s+semanas|"
                r"ces\s+derni[èe]res\s+semaines|in\s+den\s+letzten\s+wochen|nelle\s+ultime\s+settimane|"
                r"nas\s+[úu]ltimas\s+semanas)(?!\w)"), 28),
    (re.compile(r"(?i)(?<!\w)(?:recently|lately|in\s+(?:the\s+)?(?:recent|past\s+few|last\s+few)\s+months|recientemente|"
                r"en\s+los\s+[úu]ltimos\s+meses|r[ée]cemment|ces\s+derniers\s+mois|k[üu]rzlich|vor\s+kurzem|"
                r"in\s+den\s+letzten\s+monaten|recentemente|negli\s+ultimi\s+mesi|nos\s+[úu]ltimos\s+meses)(?!\w)"), 91),
]
# Recency words after these are not of a happening the text reports: a condition or a hypothesis.
NOT_MAIN_RE = re.compile(r"(?i)(?<!\w)(?:if|whether|unless|would|could|might|should|si|wenn|ob|falls)(?!\w)")
FUTURE_RE = re.compile(r"(?i)(?<!\w)(?:will|shall|would|'ll|going\s+to)(?!\w)")
COARSE = frozenset({"year", "decade", "century", "millennium"})


def story_time(text: str, start: int, end: int, told: list[Timex], published: str | None = None) -> Timex | None:
    """For a sentence text[start:end] with no date of its own: the time it opens on, from the dates told before
    it (see the module docstring), or None. 'At the time of his arrest' is the time of what it names, and a time
    told that is not before the (stated) publication date is no past the sentence can be back in."""
    m = STORY_TIME_RE.match(text, start, end) or THEN_RE.match(text, start, end)
    if m is None:
        return None
    last = next((t for t in reversed(told) if t.end <= start), None)
    if last is None or len(PARAGRAPH_RE.findall(text, last.end, start)) > 1:
        return None
    try:
        value = parse_single(last.value)
        written = parse_single(published) if published else None
    except ValueError:
        return None
    precision = value.precision
    if written is not None and value.upper is not None and written.lower is not None and value.upper >= written.lower:
        return None  # 'Back then ...' after a date of the week of writing
    if m.re is THEN_RE and precision not in COARSE or FUTURE_RE.search(text, m.end(), end):
        return None  # 'At that time, he said, "Libya will become a red fire"': not a happening at the time told
    return Timex(m.start(), m.end(), m.group(), last.value, "story_time", resolved=True)


def recent(text: str, start: int, end: int, published: str | None) -> Timex | None:
    """For a sentence text[start:end] with no date of its own: the period its recency words reach back over
    from the publication date, or None."""
    if not published or not _may_tell_recency(text, start, end):
        return None
    for pattern, days in RECENT:
        m = pattern.search(text, start, end)
        if m:
            break
    else:
        return None
    if NOT_MAIN_RE.search(text, start, m.start()) or text[max(start, m.start() - 5):m.start()].lower().endswith(("most ", "more ")):
        return None  # 'if he had not travelled to Mexico recently', 'the most recently reported case'
    try:
        pub = parse_single(published)
    except ValueError:
        return None
    until = pub.upper if pub.precision in ("day", "month") else None  # the last day it may have been written
    return None if until is None else Timex(m.start(), m.end(), m.group(), _window(until, days), "recent", resolved=True)


def _window(until: date, days: int) -> str:
    """The smallest month or year holding the days before `until`, else the months they span."""
    since = until - timedelta(days=days)
    if (since.year, since.month) == (until.year, until.month):
        return f"{until.year:04d}-{until.month:02d}"
    if since.year == until.year:
        return f"{until.year:04d}"
    return f"{since.year:04d}-{since.month:02d}/{until.year:04d}-{until.month:02d}"


def needs_more(text: str, start: int, end: int) -> bool:
    """True when text[start:end] has recency words (sentences past the last date expression may be dated)."""
    return _may_tell_recency(text, start, end) and any(pattern.search(text, start, end) for pattern, _ in RECENT)


# A word one of which every RECENT phrase holds, lower-cased. str.lower() agrees with the patterns' case-insensitive
# matching but for 'ı' and 'ſ' (which match 'i' and 's'): a text with either is searched too.
_RECENCY_WORDS = ("recent", "recient", "lately", "few", "ultim", "últim", "derni", "letzten", "kürzlich", "kurzlich", "kurzem",
                  "récemment", "recemment", "ı", "ſ")


def _may_tell_recency(text: str, start: int, end: int) -> bool:
    """False when text[start:end] cannot hold recency words: a test five times faster than the patterns, which
    most sentences fail (every sentence with no date of its own is asked about)."""
    low = text[start:end].lower()
    return any(word in low for word in _RECENCY_WORDS)
