"""Rules for periods inside a year: seasons, quarters, half-years, and holidays."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import timeline.extract.timex.resolve as rs
from timeline.extract.timex.absolute import spoken_tail
from timeline.extract.timex.context import Ctx, Reading, month_of, quarter_in_focus, relative_word, year_of
from timeline.extract.timex.lexicon import ORDINALS, SEASONS, YEAR4
from timeline.extract.timex.named import year_for


SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}
SEASON_WORD = r"(?:spring|summer|fall|autumn|winter)"
SEASON_COORD_RE = re.compile(rf"(?i)\s*(?:and|or|to|-|\u2013)\s*(?:(?:the\s+)?(?:early|late|mid-?)\s*)?{SEASON_WORD}"
                             rf"(?:(?:\s+of)?,?\s+({YEAR4})|(?![\w-]))")
CLAUSE_YEAR_RE = re.compile(rf"[^.;!?]*?\b({YEAR4})\b")
# Nouns a season names the time of: 'the summer offensive', 'the Chinese Spring Offensive', 'a fall campaign'.
SEASON_EVENT_RE = re.compile(r"(?i)\s+(?:offensives?|counter-?offensives?|campaigns?|fighting|assault|push|"
                             r"session|term|elections?|recess|manoeuvres|maneuvers)\b")


def r_season(s: str, ctx: Ctx, pre: str = "") -> Reading | None:
    """spring 2018, the summer of 1998, last fall, this winter (a bare season needs a preposition before it)."""
    low = s.lower()
    words = low.split()
    season = next((SEASONS[w] for w in words if w in SEASONS), None)
    if season is None:
        return None
    year = year_of(s) or spoken_tail(s)
    if year:
        return Reading(f"{year}-{season}")
    shared = SEASON_COORD_RE.match(ctx.after(40))
    if shared and (shared.group(1) or ctx.ref):  # 'the spring and early summer of 1943': the year both share
        return Reading(f"{shared.group(1) or ctx.ref.year}-{season}", not shared.group(1))  # type: ignore[union-attr]
    if SEASON_EVENT_RE.match(ctx.after(16)):  # 'the summer offensive (of 1942)', 'a fall campaign'
        later = CLAUSE_YEAR_RE.match(ctx.after(100))
        if later or ctx.ref is not None:
            return Reading(f"{later.group(1) if later else ctx.ref.year}-{season}", not later)  # type: ignore[union-attr]
    coordinated = re.search(r"(?i)\b(?:spring|summer|fall|autumn|winter)\s+(?:and|or|to)\s+$", ctx.before(20))
    if len(words) <= 2 and not pre and not coordinated and (words[0] == "the" or words[0] in SEASONS) and not re.search(
            r"(?i)\b(?:in|into|during|since|until|till|by|through|throughout|over|for|after|before|early|late|this|"
            r"last|next)"
            r"\s+$", ctx.before(12)):
        return None
    if words[-1] == "fall" and re.match(r"\s+of\b", ctx.after(5)):
        return None
    if low.startswith("that ") and "year" in ctx.focus:  # 'In 1861 ... that summer': the year the text is at
        return Reading(f"{ctx.focus['year']}-{season}", True)
    if ctx.ref is None:
        return None
    rel = relative_word(re.sub(r"^the\s+", "", low))  # 'the next spring', 'the following winter'
    if not rel and not ctx.narrative:  # 'will be held in the spring' in November, 'was held in the summer' in February
        tense = ctx.tense()
        rel = "coming" if tense == "future" and _season_over(season, ctx.ref) else ""
        if tense == "past" and date(ctx.ref.year, SEASON_START[season], 1) > ctx.ref:
            return Reading(f"{ctx.ref.year - 1}-{season}", True)
    return Reading(f"{_season_year(season, rel, ctx.ref)}-{season}", True)


def _season_over(season: int, ref: date) -> bool:
    """True when the season of ref's year (the winter that starts in its December excepted) has ended."""
    return season != 24 and ref.month >= SEASON_START[season] + 3


def _season_year(season: int, rel: str, ref: date) -> int:
    """Year of a season named without one: last = the latest that started before the current season,
    next = the first that starts after it, else the one around ref."""
    def start(y: int) -> date:
        """First day of the season in year y."""
        return date(y, SEASON_START[season], 1)
    cur_month = max((m for m in (3, 6, 9, 12) if m <= ref.month), default=12)
    current = date(ref.year if cur_month <= ref.month else ref.year - 1, cur_month, 1)
    years = (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)
    if rel in ("last", "past", "previous", "this past", "prior"):
        return max(y for y in years if start(y) < current)
    if rel in ("next", "coming", "this coming", "following"):
        return min(y for y in years if start(y) > current)
    return ref.year - 1 if season == 24 and ref.month <= 2 else ref.year


QUARTER_ORD_RE = re.compile(r"(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+"
                            r"(?:fiscal[\s-]+|calendar[\s-]+)?(?:quarter|period)")


def r_quarter(s: str, ctx: Ctx) -> Reading | None:
    """the third quarter (of 1990), third-quarter, the year-ago quarter, the latest period: EDTF 1990-35."""
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
        elif quarter_in_focus(ctx):
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
    if low.endswith("quarter") and re.match(r"(?:the|this|that|its|their)\s+quarter$|quarter$", low):
        return low != "quarter"
    return bool(re.search(r"latest|year-ago|year-earlier|year\s+(?:ago|earlier)|current|comparable|"
                          r"corresponding|same|just-ended|\d{4}|this\s+quarter|last\s+quarter|recent|"
                          r"year['\u2019]s", low))


def r_q_short(s: str, ctx: Ctx) -> Reading | None:
    """Q3, Q3 2010, Q3 '10."""
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
    """the first half of 1990, the second half of the year: EDTF 1990-40 / 1990-41."""
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
    """The fourth Thursday of November."""
    d = date(y, 11, 1)
    return d + timedelta(days=(3 - d.weekday()) % 7 + 21)


def _easter(y: int) -> date:
    """Easter Sunday (Gregorian computus)."""
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
    """The Tuesday after the first Monday of November."""
    d = date(y, 11, 2)
    return d + timedelta(days=(1 - d.weekday()) % 7)


def r_month_weekend(s: str, ctx: Ctx) -> Reading | None:
    """'the last weekend of May', 'the first weekend in October 2019': the Saturday/Sunday of that Saturday of
    the month (of the year the text gives, else of the year a month alone is read in)."""
    m = re.match(r"(?i)(?:the\s+)?(\w+)\s+weekend\s+(?:of|in)\s+([a-z]+)\.?(?:,?\s+(\d{4}))?", s)
    month = month_of(m.group(2)) if m else None
    if m is None or month is None:
        return None
    if m.group(3):
        year, resolved = int(m.group(3)), False
    elif ctx.ref is not None:
        year, resolved = year_for(month, None, ctx)[0], True
    else:
        return None
    word = m.group(1).lower()
    saturday = _nth_weekday(year, month, 5, -1 if word == "last" else ORDINALS[word])
    return Reading(rs.weekend_interval(saturday), resolved)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th (n > 0) or last (n < 0) weekday wd of a month."""
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
    "easter sunday": _easter, "black friday": lambda y: _thanksgiving(y) + timedelta(days=1),
    "cyber monday": lambda y: _thanksgiving(y) + timedelta(days=4),
    **{name: (lambda shift: lambda y: _easter(y) + timedelta(days=shift))(shift) for name, shift in (
        ("good friday", -2), ("easter monday", 1), ("palm sunday", -7), ("ash wednesday", -46), ("maundy thursday", -3),
        ("holy saturday", -1), ("shrove tuesday", -47))},
    "super tuesday": lambda y: _nth_weekday(y, 3, 1, 1),  # the US primaries' day: the first Tuesday of March since 2012
}


HOLIDAY_BEFORE_RE = re.compile(r"(?i)\b(?:on|at|for|over|since|until|till|before|after|by|around|during|through|"
                               r"from|to|until|this|last|next|of)\s+$")


def r_holiday(s: str, ctx: Ctx) -> Reading | None:
    """Christmas, Thanksgiving Day, New Year's Eve: the occurrence the tense points to."""
    low = re.sub(r"\s+", " ", s.lower().replace("\u2019", "'"))
    rel = relative_word(low)
    name = re.sub(r"^(?:this|last|next) |(?: day| sunday)? ?\d{4}$", "", low).strip()
    name = name if name in HOLIDAYS else name.replace(" day", "") if name.replace(" day", "") in HOLIDAYS else name
    fn = HOLIDAYS.get(name)
    year = year_of(s)
    explicit = low.endswith((" day", " eve", "friday", "monday", "sunday", "wednesday", "thursday", "saturday", "tuesday"))
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
    else:  # the year a month and day of it would have (the story's, a framing year's, or by the tense)
        d = fn(year_for(this.month, this.day, ctx)[0])
    return Reading(d.isoformat(), True)
