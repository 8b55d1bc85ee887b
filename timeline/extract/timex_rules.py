"""From a master-regex match to an EDTF value: one small rule per kind of expression.

Each rule gets the match text (without the TimeML modifier prefix) and a Ctx (text, reference date,
what the document said last) and returns a Reading, or None when the match is not a date after all.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.extract import timex_resolve as rs
from timeline.extract.timex_lexicon import (DECADE_WORDS, MONTHS, ORDINALS, SEASONS, UNITS, WEEKDAYS,
                                            number_value, spoken_year)


@dataclass
class Reading:
    """The value of one expression and how it was found."""

    value: str
    resolved: bool = False  # computed from the reference date
    tense: str = ""


@dataclass
class Ctx:
    """What a rule may look at: the whole text, the reference date, and the document's focus so far."""

    text: str
    ref: date | None
    ref_precision: str
    start: int = 0  # span of the current match (its core, after any modifier)
    end: int = 0
    focus: dict[str, str] = field(default_factory=dict)  # last day / month / year value mentioned
    quarter: tuple[int, int] | None = None  # last (year, quarter) mentioned
    quarter_at: int = -10_000
    cache: dict[str, str] = field(default_factory=dict)

    def tense(self, strong: bool = False) -> str:
        """Tense of the sentence around the current match (strong: only modal future cues)."""
        return rs.tense(self.text, self.start, self.end, strong)

    @property
    def has_day(self) -> bool:
        """True when the reference date is known to the day."""
        return self.ref is not None and self.ref_precision == "day"

    def before(self, n: int = 30) -> str:
        """Up to n characters before the current match."""
        return self.text[max(0, self.start - n):self.start]

    def after(self, n: int = 30) -> str:
        """Up to n characters after the current match."""
        return self.text[self.end:self.end + n]


Rule = Callable[[str, Ctx], "Reading | None"]
WORD_RE = re.compile(r"[A-Za-z]+|\d+")
YEAR_RE = re.compile(r"(?<![\d'])(1\d{3}|20\d\d)(?!\d)")
DAY_RE = re.compile(r"(?<![\d])(\d{1,2})(?:st|nd|rd|th)?(?![\d])")
PREP_BEFORE = {"in", "since", "until", "till", "by", "through", "last", "next", "this", "of", "early", "late",
               "mid", "during", "before", "after", "from", "to", "between", "and", "or", "on", "for", "that",
               "each", "every", "throughout", "as", "at", "around", "about", "into", "within", "over", "past",
               "coming", "following", "previous", "begins", "beginning", "end", "start", "middle", "like"}
PRE_REL = re.compile(r"^(this\s+coming|this\s+past|this|last|next|coming|past|previous|current|following|same|"
                     r"present|prior|the\s+previous|the\s+following)\s+", re.I)


def month_of(text: str) -> int | None:
    """Month number of the first month name in text."""
    for w in WORD_RE.findall(text):
        m = MONTHS.get(w.lower())
        if m and (w[0].isupper()):
            return m
    return None


def year_of(text: str) -> int | None:
    """The first four-digit (or spoken) year in text."""
    m = YEAR_RE.search(text)
    if m:
        return int(m.group(1))
    return None


def ymd(y: int, m: int, d: int) -> str | None:
    """YYYY-MM-DD when it is a real day."""
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def relative_word(text: str) -> str:
    """'last', 'next', 'this', ... leading the expression, lower-cased, or ''."""
    m = PRE_REL.match(text)
    return " ".join(m.group(1).lower().split()).replace("the ", "") if m else ""


# ---- absolute forms -----------------------------------------------------------------------------

def r_iso(s: str, ctx: Ctx) -> Reading | None:
    v = ymd(int(s[:4]), int(s[5:7]), int(s[8:10]))
    return Reading(v) if v else None


def r_numeric(s: str, ctx: Ctx) -> Reading | None:
    m, d, y = (int(x) for x in s.split("/"))
    if y < 100:
        y += 1900 if y > 30 else 2000
    v = ymd(y, m, d)
    return Reading(v) if v else None


def r_year_range(s: str, ctx: Ctx) -> Reading | None:
    a, b = re.split(r"\s*(?:-to-|[-\u2013\u2014/])\s*", s, maxsplit=1)
    y1 = int(a)
    y2 = int(b) if len(b) == 4 else (y1 // 100) * 100 + int(b)
    if len(b) == 2 and y2 < y1:
        y2 += 100
    if not y1 < y2 <= y1 + 100 or _money_or_count(ctx):
        return None
    return Reading(f"{y1}/{y2}")


def _day_from(s: str) -> int | None:
    m = DAY_RE.search(s)
    if m:
        return int(m.group(1))
    for w in re.findall(r"[a-z-]+", s.lower()):
        if w in ORDINALS and w not in ("final", "last"):
            return ORDINALS[w]
        if w.startswith(("twenty-", "thirty-")):
            tens, _, unit = w.partition("-")
            return (20 if tens == "twenty" else 30) + ORDINALS.get(unit, 0)
    return None


def r_mdy(s: str, ctx: Ctx) -> Reading | None:
    month, day = month_of(s), _day_from(_after_month(s))
    year = year_of(_after_month(s)[2:]) or _spoken_tail(s)
    v = ymd(year, month, day) if month and day and year else None
    return Reading(v) if v else None


MONTH_TOKEN_RE = re.compile(r"(?<![A-Za-z])(?:January|February|March|April|May|June|July|August|September|"
                            r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")


def _after_month(s: str) -> str:
    """The text after the (first capitalised) month name."""
    m = MONTH_TOKEN_RE.search(s)
    return s[m.end():] if m else s


def _spoken_tail(s: str) -> int | None:
    m = re.search(r"(?:nineteen|eighteen|two\s+thousand)[\w\s-]*$", s, re.I)
    return spoken_year(m.group()) if m else None


def r_dmy(s: str, ctx: Ctx) -> Reading | None:
    month, year = month_of(s), year_of(s[-6:])
    core = re.sub(r"^(?:\w+,?\s+)?(?:the\s+)?(?=\d)", "", s) if re.match(r"(?i)[a-z]+day", s) else s
    day = _day_from(core)
    v = ymd(year, month, day) if month and day and year else None
    return Reading(v) if v else None


def r_month_year(s: str, ctx: Ctx) -> Reading | None:
    month = month_of(s)
    year = year_of(s) or _spoken_tail(s)
    return Reading(f"{year}-{month:02d}") if month and year else None


def r_decade(s: str, ctx: Ctx, pre: str = "") -> Reading | None:
    low = s.lower()
    if low[:1].isalpha() and not low.startswith("the") and not pre:
        return None  # 'people in their sixties and seventies': ages
    m = re.search(r"(\d{3})0", low)
    if m:
        return Reading(f"{m.group(1)}X")
    m = re.search(r"['\u2019](\d)0", low)
    if m:
        return Reading(f"19{m.group(1)}X")  # '80s: the twentieth century unless the text says otherwise
    for w, d in DECADE_WORDS.items():
        if w in low:
            return Reading(f"19{d}X")
    return None


def r_century(s: str, ctx: Ctx) -> Reading | None:
    low = s.lower()
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
    if m:
        n: int | None = int(m.group(1))
    else:
        word = re.sub(r"^the\s+", "", low).split("century")[0].strip(" -")
        n = 21 if word == "twenty-first" else ORDINALS.get(word)
    if not n or n > 21:
        return None
    return Reading(f"{n - 1:02d}XX")


def r_spoken_year(s: str, ctx: Ctx) -> Reading | None:
    y = spoken_year(s)
    return Reading(str(y)) if y else None


def _money_or_count(ctx: Ctx) -> bool:
    """True when the number at the match is money, a measure or part of a larger number."""
    b, a = ctx.before(2), ctx.after(12).lower()
    if (b and b[-1] in "$£€#") or re.search(r"[\d.,]$", b) or re.match(r"[.,]\d|\s*%|\s*(?:percent|per\s+cent)\b", a):
        return True
    if re.match(r"\s*(?:gmt|utc|est|edt|pst|pdt|hours|hrs|local\s+time)\b", a):
        return True
    return False


def r_year(s: str, ctx: Ctx) -> Reading | None:
    y = year_of(s)
    if y is None or _money_or_count(ctx):
        return None
    bare = s.isdigit()
    if bare and not 1900 <= y <= 2099 and not re.search(r"(?i)\b(?:in|since|of|by|until|from|to)\s+$", ctx.before(10)):
        return None
    if bare and _count_noun_follows(ctx):
        return None
    return Reading(str(y))


COUNT_NOUN_RE = re.compile(r"\s+(?:[a-z]+-)?(?:people|troops|soldiers|men|women|children|jobs|shares|workers|"
                           r"employees|members|cases|votes|units|cars|homes|tons|barrels|miles|feet|meters|yards|"
                           r"points|students|families|refugees|delegates|acres|pounds|dollars|marks|yen|francs|"
                           r"words|pages|copies|times|rooms|beds|vehicles|planes|ships|dead|deaths|residents|"
                           r"signatures|visitors|seats|guns|rifles|missiles|rounds|officers|police|policemen|years|months|weeks|"
                           r"days|hours|minutes|seconds|km|kilometers|kilometres|metres|kg|kilograms|tonnes|"
                           r"calories|kilowatts|megawatts|euros|rupees|pesos|yuan|rubles|patients|victims|"
                           r"prisoners|detainees|fighters|militants|civilians|voters|users|customers|companies|"
                           r"firms|schools|villages|houses|buildings)\b")


def _count_noun_follows(ctx: Ctx) -> bool:
    return bool(COUNT_NOUN_RE.match(ctx.after(24)))


# ---- month, day and weekday without a year -------------------------------------------------------

def _year_for(month: int, day: int | None, ctx: Ctx) -> tuple[int, str]:
    assert ctx.ref is not None
    when = ctx.tense()
    return rs.pick_year_for(month, day, ctx.ref, when), when


def r_month_day(s: str, ctx: Ctx) -> Reading | None:
    month = month_of(s)
    day = _day_from(_after_month(s)) or _day_from(s)
    if not month or not day or ymd(2000, month, day) is None:
        return None
    if s.startswith(("May", "March")) and not re.match(r"\s*\d", s[len("March") if s.startswith("March") else 3:]):
        return None
    if month == 9 and day == 11 and SEPT11_RE.match(ctx.after(20)):
        return Reading("2001-09-11")
    if ctx.ref is None:
        return Reading(f"XXXX-{month:02d}-{day:02d}")
    rel = relative_word(s)
    when = "past" if rel == "last" else "future" if rel == "next" else ""
    year = rs.pick_year_for(month, day, ctx.ref, when, strict=bool(when)) if when else None
    if year is None:
        year, when = _year_for(month, day, ctx)
    return Reading(ymd(year, month, day) or f"XXXX-{month:02d}-{day:02d}", True, when)


r_day_month = r_month_day
SEPT11_RE = re.compile(r"(?i),?\s*(?:terror|attack|hijack|commission|-style|era\b|strikes)")


def _name_before(ctx: Ctx) -> bool:
    """True when the word before the match is a capitalised name word (Theresa May, the Long March)."""
    m = re.search(r"([A-Za-z]+)\W{0,2}$", ctx.before(20))
    if not m:
        return False
    w = m.group(1)
    if w.lower() in PREP_BEFORE:
        return False
    return w[0].isupper() and not re.search(r"[.!?\n]\W*$", ctx.before(20)[: m.start()] or ".")


def r_month(s: str, ctx: Ctx, pre: str = "") -> Reading | None:
    month = month_of(s)
    if not month:
        return None
    prev = re.search(r"([A-Za-z]+)\W{0,2}$", ctx.before(20))
    prev_word = prev.group(1).lower() if prev else ""
    if not pre and prev_word not in PREP_BEFORE and prev_word not in ("the", "a", "an"):
        return None  # 'June tells Kirsty ...', 'Theresa May': a month alone needs 'in', 'since', 'by', ...
    if ctx.ref is None:
        return Reading(f"XXXX-{month:02d}")
    year, when = _year_for(month, None, ctx)
    return Reading(f"{year}-{month:02d}", True, when)


def r_month_named(s: str, ctx: Ctx) -> Reading | None:
    month = month_of(s)
    if not month or ctx.ref is None:
        return None
    rel = relative_word(s)
    ref = ctx.ref
    if rel in ("last", "past", "previous", "this past", "prior"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "coming", "this coming", "following"):
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = ref.year
    return Reading(f"{year}-{month:02d}", True)


def r_month_rel_year(s: str, ctx: Ctx) -> Reading | None:
    month = month_of(s)
    if not month or ctx.ref is None:
        return None
    low = s.lower()
    if "that" in low:
        focus = ctx.focus.get("year")
        return Reading(f"{focus}-{month:02d}", True) if focus else None
    year = ctx.ref.year + (-1 if "last" in low else 1 if "next" in low else 0)
    return Reading(f"{year}-{month:02d}", True)


PRAYERS_RE = re.compile(r"(?i)\s+(?:prayers?|khutbas?|sermons?)\b")
GENERIC_BEFORE_RE = re.compile(r"(?i)\b(a|every|each|any|one)\s+$")


def r_weekday(s: str, ctx: Ctx) -> Reading | None:
    if not ctx.has_day:
        return None
    assert ctx.ref is not None
    wd = next((WEEKDAYS[w.lower()] for w in WORD_RE.findall(s) if w.lower() in WEEKDAYS), None)
    if PRAYERS_RE.match(ctx.after(12)):
        return None  # Friday prayers: a weekly habit, not a date
    generic = GENERIC_BEFORE_RE.search(ctx.before(12))
    if wd is None or (generic and (generic.group(1).lower() != "a" or " " not in s.strip())):
        return None  # every Friday, a Friday sermon (but: a Sunday night memorial)
    rel = relative_word(s)
    when = "" if rel else "past" if re.match(r"['\u2019]s\b", ctx.after(3)) else ctx.tense(strong=True)
    return Reading(rs.weekday_date(wd, ctx.ref, when, rel).isoformat(), True, when)


# ---- relative to the reference date -------------------------------------------------------------

def r_rel_day(s: str, ctx: Ctx) -> Reading | None:
    if not ctx.has_day:
        return None
    assert ctx.ref is not None
    low = s.lower()
    shift = -1 if "yesterday" in low or low.startswith("last night") else 1 if "tomorrow" in low else 0
    if "day before" in low:
        shift -= 1
    elif "day after" in low:
        shift += 1
    return Reading((ctx.ref + timedelta(days=shift)).isoformat(), True)


def r_weekend(s: str, ctx: Ctx) -> Reading | None:
    """The Saturday/Sunday of a weekend: in the week of the anchor when it falls on one, else the last one
    (the coming one for 'next', 'coming', or a future sentence)."""
    if not ctx.has_day:
        return None
    assert ctx.ref is not None
    ref = ctx.ref
    if s[0] in "wW":
        return None  # 'a weekend of talks', 'Weekend Wogan': no determiner, no date
    rel = relative_word(re.sub(r"(?i)^the\s+", "", s))
    on_weekend = ref.weekday() >= 5
    if rel in ("next", "coming", "this coming", "following"):
        d = ref + timedelta(days=7) if on_weekend else ref
    elif rel in ("last", "past", "previous", "this past", "prior"):
        d = ref - timedelta(days=7)
    elif on_weekend:
        d = ref
    else:
        d = ref if ctx.tense(strong=True) == "future" else ref - timedelta(days=7)
    return Reading(rs.weekend_interval(d), True)


def _shift_unit(unit: str, n: int, ctx: Ctx) -> str | None:
    """The unit-sized period n units from the reference date, at that unit's precision."""
    ref = ctx.ref
    assert ref is not None
    if unit == "day":
        return (ref + timedelta(days=n)).isoformat() if ctx.has_day else None
    if unit == "week":
        return rs.week_interval(ref + timedelta(weeks=n)) if ctx.has_day else None
    if unit == "month":
        if ctx.ref_precision == "year":
            return None
        y, m = rs.add_months(ref, n)
        return f"{y}-{m:02d}"
    if unit == "year":
        return str(ref.year + n)
    if unit == "decade":
        return f"{(ref.year + 10 * n) // 10}X"
    if unit == "century":
        return f"{(ref.year + 100 * n) // 100:02d}XX"
    return None


REL_SHIFT = {"this": 0, "current": 0, "present": 0, "same": 0, "last": -1, "past": -1, "previous": -1,
             "prior": -1, "next": 1, "coming": 1, "following": 1, "this coming": 1, "this past": -1}


def r_rel_unit(s: str, ctx: Ctx) -> Reading | None:
    if ctx.ref is None:
        return None
    low = re.sub(r"^the\s+", "", s.lower())
    rel = relative_word(low)
    unit = UNITS.get(low.split()[-1])
    if unit is None or rel not in REL_SHIFT:
        return None
    if rel in ("following", "same"):
        return _anaphor(unit, 1 if rel == "following" else 0, ctx)
    if rel == "past" and unit in ("decade", "century"):
        return None  # 'the past decade' is a stretch of time ending now, not a date
    value = _shift_unit(unit, REL_SHIFT[rel], ctx)
    return Reading(value, True) if value else None


def r_ago(s: str, ctx: Ctx) -> Reading | None:
    if ctx.ref is None:
        return None
    low = s.lower()
    m = re.search(r"(\d+|[a-z]+(?:\s+couple\s+of)?|a\s+half)[\s-]+(days?|weeks?|months?|years?|decades?|centuries)\b", low)
    if not m:
        return None
    n = number_value(m.group(1))
    unit = UNITS[m.group(2)]
    if n is None:
        return None
    sign = 1 if ("from now" in low or "hence" in low) else -1
    if unit == "year" and n == 1 and sign < 0 and _quarter_in_focus(ctx):
        y, q = ctx.quarter  # type: ignore[misc]
        return Reading(f"{y - 1}-{32 + q}", True)
    if unit == "decade":
        unit, n = "year", n * 10
    value = _shift_unit(unit, sign * n, ctx)
    return Reading(value, True) if value else None


def r_later(s: str, ctx: Ctx) -> Reading | None:
    """'Four months later': counted from the date the text last spoke of."""
    m = re.match(r"(.+?)[\s-]+(days?|weeks?|months?|years?|decades?)\b", s.lower())
    n = number_value(m.group(1)) if m else None
    if m is None or n is None:
        return None
    unit = UNITS[m.group(2)]
    if unit == "decade":
        unit, n = "year", n * 10
    key = {"week": "day"}.get(unit, unit)
    last = ctx.focus.get(key)
    if last is None:
        return None
    if unit == "year":
        return Reading(str(int(last) + n), True)
    if unit == "month":
        y, mth = rs.add_months(date(int(last[:4]), int(last[5:7]), 1), n)
        return Reading(f"{y}-{mth:02d}", True)
    d = date.fromisoformat(last) + timedelta(days=n * (7 if unit == "week" else 1))
    return Reading(rs.week_interval(d) if unit == "week" else d.isoformat(), True)


def _quarter_in_focus(ctx: Ctx) -> bool:
    return ctx.quarter is not None and ctx.start - ctx.quarter_at < 3000


def r_year_ago(s: str, ctx: Ctx) -> Reading | None:
    if ctx.ref is None:
        return None
    if _quarter_in_focus(ctx):
        y, q = ctx.quarter  # type: ignore[misc]
        return Reading(f"{y - 1}-{32 + q}", True)
    return Reading(str(ctx.ref.year - 1), True)


def _anaphor(unit: str, shift: int, ctx: Ctx) -> Reading | None:
    """A period named relative to the date the text last spoke of ('that year', 'the following day')."""
    key = "day" if unit in ("day", "morning", "afternoon", "evening", "night") else unit
    last = ctx.focus.get(key)
    if last is None:
        return None
    if key == "year":
        return Reading(str(int(last) + shift), True)
    if key == "month":
        y, m = rs.add_months(date(int(last[:4]), int(last[5:7]), 1), shift)
        return Reading(f"{y}-{m:02d}", True)
    if key == "day":
        return Reading((date.fromisoformat(last) + timedelta(days=shift)).isoformat(), True)
    return None


def r_anaphor(s: str, ctx: Ctx) -> Reading | None:
    words = s.lower().split()
    shift = 1 if words[1] in ("following", "next") else -1 if words[1] in ("previous", "prior") else 0
    return _anaphor(words[-1], shift, ctx)


THE_UNIT_BEFORE_RE = re.compile(r"(?i)\b(?:for|in|during|throughout|through|over|into|within|(?:months|weeks|days|"
                                r"quarters?|half|end|start|beginning|middle|rest|part|remainder|balance)\s+of)\s+$")


def r_the_unit(s: str, ctx: Ctx) -> Reading | None:
    """'for the year', 'in the month': the current period (not 'player of the year', 'the year 610')."""
    if ctx.ref is None or not THE_UNIT_BEFORE_RE.search(ctx.before(12)) or re.match(r"\s+\d", ctx.after(3)):
        return None
    if any(w[0].isupper() for w in s.split()[1:]):
        return None
    unit = s.lower().split()[-1]
    value = _shift_unit(unit, 0, ctx)
    return Reading(value, True) if value else None


def r_year_end(s: str, ctx: Ctx) -> Reading | None:
    return Reading(str(ctx.ref.year), True) if ctx.ref else None


def r_unit(s: str, ctx: Ctx, pre: str = "") -> Reading | None:
    if not pre or ctx.ref is None or not re.search(r"(?i)\bthe\s*$|\bin\s+the\s*$", pre):
        return None
    value = _shift_unit(UNITS.get(s.lower(), ""), 0, ctx)
    return Reading(value, True) if value else None


# ---- seasons, quarters, halves, holidays -------------------------------------------------------

SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}


def r_season(s: str, ctx: Ctx, pre: str = "") -> Reading | None:
    low = s.lower()
    words = low.split()
    season = next((SEASONS[w] for w in words if w in SEASONS), None)
    if season is None:
        return None
    year = year_of(s) or _spoken_tail(s)
    if year:
        return Reading(f"{year}-{season}")
    if len(words) <= 2 and not pre and (words[0] == "the" or words[0] in SEASONS) and not re.search(
            r"(?i)\b(?:in|during|since|until|by|through|throughout|over|for|after|before|early|late|this|last|next)"
            r"\s+$", ctx.before(12)):
        return None
    if words[-1] == "fall" and re.match(r"\s+of\b", ctx.after(5)):
        return None
    if ctx.ref is None:
        return None
    return Reading(f"{_season_year(season, relative_word(low), ctx.ref)}-{season}", True)


def _season_year(season: int, rel: str, ref: date) -> int:
    """Year of a season named without one: last = the latest that started before the current season,
    next = the first that starts after it, else the one around ref."""
    def start(y: int) -> date:
        return date(y, SEASON_START[season], 1)
    cur_month = max((m for m in (3, 6, 9, 12) if m <= ref.month), default=12)
    current = date(ref.year if cur_month <= ref.month else ref.year - 1, cur_month, 1)
    years = (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)
    if rel in ("last", "past", "previous", "this past"):
        return max(y for y in years if start(y) < current)
    if rel in ("next", "coming", "this coming"):
        return min(y for y in years if start(y) > current)
    return ref.year - 1 if season == 24 and ref.month <= 2 else ref.year


QUARTER_ORD_RE = re.compile(r"(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal[\s-]+|calendar[\s-]+)?(?:quarter|period)")


def r_quarter(s: str, ctx: Ctx) -> Reading | None:
    low = s.lower()
    m = QUARTER_ORD_RE.search(s)
    q = ORDINALS[m.group(1).lower()] if m else None
    year = year_of(s)
    ago = bool(re.search(r"year-ago|year-earlier|year\s+(?:ago|earlier)|last\s+year", low))
    if q is None and not _quarter_qualified(low):
        return None
    if ctx.ref is None and year is None:
        return None
    if q is None:
        if "current" in low and ctx.ref and year is None:
            year, q = ctx.ref.year, rs.quarter_of(ctx.ref)
        elif _quarter_in_focus(ctx):
            fy, q = ctx.quarter  # type: ignore[misc]
            year = year or (fy - 1 if ago else fy)
        elif ctx.ref and year is None and not QUARTER_OF_RE.match(ctx.after(8)) and (
                "quarter" in low or re.search(r"latest|year-ago|year-earlier|comparable|corresponding", low)):
            y, mth = rs.add_months(ctx.ref, -3)
            q = (mth - 1) // 3 + 1
            year = (year or y) - (1 if ago and not year_of(s) else 0)
        if year is None or q is None:
            return None
        return Reading(f"{year}-{32 + q}", True)
    resolved = year is None
    if year is None:
        assert ctx.ref is not None
        year = ctx.ref.year
        if "next year" in low:
            year += 1
        elif ago or "last year" in low:
            year -= 1
        elif q > rs.quarter_of(ctx.ref) and ctx.tense() != "future":
            year -= 1
    if not ago:
        ctx.quarter, ctx.quarter_at = (year, q), ctx.end
    return Reading(f"{year}-{32 + q}", resolved)


QUARTER_OF_RE = re.compile(r"(?i)\s+of\s+(?:a|an|the|its|their|his|her|\d)\b")


def _quarter_qualified(low: str) -> bool:
    """'the quarter' and 'the period' are dates only with a qualifier or in a quarter context."""
    if low.endswith("quarter") and re.match(r"(?:the|this|its|their)\s+quarter$|quarter$", low):
        return low != "quarter"
    return bool(re.search(r"latest|year-ago|year-earlier|year\s+(?:ago|earlier)|current|comparable|"
                          r"corresponding|same|just-ended|\d{4}|this\s+quarter|last\s+quarter|recent|year['\u2019]s", low))


def r_q_short(s: str, ctx: Ctx) -> Reading | None:
    q = int(s[1])
    year = year_of(s)
    m = re.search(r"['\u2019](\d\d)", s)
    if m:
        year = 2000 + int(m.group(1)) if int(m.group(1)) < 50 else 1900 + int(m.group(1))
    if year is None:
        if ctx.ref is None:
            return None
        year = ctx.ref.year - (1 if q > rs.quarter_of(ctx.ref) and ctx.tense() != "future" else 0)
    ctx.quarter, ctx.quarter_at = (year, q), ctx.end
    return Reading(f"{year}-{32 + q}", not year_of(s))


def r_half(s: str, ctx: Ctx) -> Reading | None:
    low = s.lower()
    year = year_of(s)
    if year is None:
        if ctx.ref is None:
            return None
        year = ctx.ref.year + (-1 if "last year" in low else 1 if "next year" in low else 0)
    second = bool(re.search(r"second|last|latter", low.split("half")[0] if "half" in low else low))
    if "two quarters" in low:
        second = low.lstrip("the ").startswith("last")
    return Reading(f"{year}-{41 if second else 40}", year_of(s) is None)


def _thanksgiving(y: int) -> date:
    d = date(y, 11, 1)
    return d + timedelta(days=(3 - d.weekday()) % 7 + 21)


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _election_day(y: int) -> date:
    d = date(y, 11, 2)
    return d + timedelta(days=(1 - d.weekday()) % 7)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    d = date(y, month, 1)
    first = d + timedelta(days=(wd - d.weekday()) % 7)
    if n > 0:
        return first + timedelta(weeks=n - 1)
    last = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": lambda y: date(y, 12, 24), "christmas": lambda y: date(y, 12, 25),
    "new year's eve": lambda y: date(y, 12, 31), "new year's day": lambda y: date(y, 1, 1),
    "thanksgiving": _thanksgiving, "independence day": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31), "valentine's day": lambda y: date(y, 2, 14),
    "easter": _easter, "election day": _election_day, "veterans day": lambda y: date(y, 11, 11),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1), "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "boxing day": lambda y: date(y, 12, 26), "bastille day": lambda y: date(y, 7, 14),
}


HOLIDAY_BEFORE_RE = re.compile(r"(?i)\b(?:on|at|for|over|since|until|till|before|after|by|around|during|through|"
                               r"from|to|until|this|last|next|of)\s+$")


def r_holiday(s: str, ctx: Ctx) -> Reading | None:
    low = re.sub(r"\s+", " ", s.lower().replace("\u2019", "'"))
    rel = relative_word(low)
    name = re.sub(r"^(?:this|last|next) |(?: day| sunday)? ?\d{4}$", "", low).strip()
    name = name if name in HOLIDAYS else name.replace(" day", "") if name.replace(" day", "") in HOLIDAYS else name
    fn = HOLIDAYS.get(name)
    year = year_of(s)
    explicit = low.endswith((" day", " eve"))
    if fn is None or not (year or rel or explicit or HOLIDAY_BEFORE_RE.search(ctx.before(16))):
        return None  # 'Christmas trees', 'Operation Easter', 'the Boxing Day tsunami'

    if year:
        return Reading(fn(year).isoformat())
    if ctx.ref is None:
        return None
    ref = ctx.ref
    this = fn(ref.year)
    if rel == "last":
        d = this if this < ref else fn(ref.year - 1)
    elif rel == "next":
        d = this if this > ref else fn(ref.year + 1)
    else:
        when = ctx.tense()
        d = this
        if when == "past" and this > ref + timedelta(days=1):
            d = fn(ref.year - 1)
        elif when == "future" and this < ref:
            d = fn(ref.year + 1)
    return Reading(d.isoformat(), True)


RULES: dict[str, Rule] = {
    "iso": r_iso, "numeric": r_numeric, "year_range": r_year_range, "mdy": r_mdy, "dmy": r_dmy,
    "half": r_half, "quarter": r_quarter, "q_short": r_q_short, "decade": r_decade, "century": r_century,
    "month_year": r_month_year, "month_rel_year": r_month_rel_year, "month_day": r_month_day,
    "day_month": r_day_month, "month_named": r_month_named, "holiday": r_holiday,
    "weekday": r_weekday, "rel_day": r_rel_day, "weekend": r_weekend, "rel_unit": r_rel_unit, "ago": r_ago,
    "year_end": r_year_end, "year_ago": r_year_ago, "later": r_later, "anaphor": r_anaphor, "the_unit": r_the_unit, "year": r_year, "spoken_year": r_spoken_year,
}
PRE_RULES = {"month": r_month, "unit": r_unit, "season": r_season, "decade": r_decade}  # rules that need to know the modifier


FOCUS_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def remember(value: str, ctx: Ctx) -> None:
    """Make value the date later anaphors ('that day', 'the following year') refer to."""
    m = FOCUS_RE.match(value)
    ctx.focus.clear()
    if not m:
        return
    ctx.focus["year"] = m.group(1)
    if m.group(2) and int(m.group(2)) <= 12:
        ctx.focus["month"] = value[:7]
        if m.group(3):
            ctx.focus["day"] = value[:10]
