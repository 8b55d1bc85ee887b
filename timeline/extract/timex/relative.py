"""Rules for expressions relative to the reference date or to the date the text last spoke of: today,
the weekend, last year, two years ago, four months later, that year, the end of the month."""
from __future__ import annotations

import re
from datetime import date, timedelta

import timeline.extract.timex.resolve as rs
from timeline.extract.timex.context import Ctx, Reading, quarter_in_focus, relative_word
from timeline.extract.timex.lexicon import UNITS, number_value


GENERIC_TODAY_RE = re.compile(r"['\u2019]s\s+(?:[a-z-]+\s+)?(?:world|youth|society|generation|young|kids|children|"
                              r"people|"
                              r"standards|terms|economy|market|environment|climate|technology|computers|age|culture|"
                              r"politics|media|students|families|consumers|dollars)\b")
OF_RE = re.compile(r"\bof\s+$")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"'`\u201c\u2018(\n]|--)\s*$")


def title_word(s: str, ctx: Ctx) -> bool:
    """True when a capitalised word stands inside a sentence: a name or a title ('USA Today', 'This Week')."""
    return s[:1].isupper() and not SENTENCE_START_RE.search(ctx.before(4))


def r_rel_day(s: str, ctx: Ctx) -> Reading | None:
    """today, tonight, yesterday, tomorrow, the day before yesterday, last night."""
    if not ctx.has_day or title_word(s, ctx):
        return None
    assert ctx.ref is not None
    low = s.lower()
    generic_today = low == "today" and GENERIC_TODAY_RE.match(ctx.after(30))
    if generic_today or (low == "tomorrow" and OF_RE.search(ctx.before(4))):
        return None  # 'in today's world', 'the people of tomorrow': the present or future in general
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
    if rel in ("next", "coming", "this coming", "following"):
        direction = "future"
    elif rel in ("last", "past", "previous", "this past", "prior"):
        direction = "past"
    else:
        direction = "" if ref.weekday() >= 5 or ctx.tense(strong=True) != "future" else "future"
    return Reading(rs.weekend_near(ref, direction), True)


def _shift_unit(unit: str, n: int, ctx: Ctx) -> str | None:
    """The unit-sized period n units from the reference date, at that unit's precision."""
    assert ctx.ref is not None
    return rs.shift(ctx.ref, ctx.ref_precision, unit, n)


REL_SHIFT = {"this": 0, "current": 0, "present": 0, "same": 0, "last": -1, "past": -1, "previous": -1,
             "prior": -1, "next": 1, "coming": 1, "following": 1, "this coming": 1, "this past": -1}


def r_rel_unit(s: str, ctx: Ctx) -> Reading | None:
    """this week, last month, next year, the past year, this decade (the following/same year: anaphoric)."""
    if ctx.ref is None or s.split()[-1][:1].isupper() or re.match(r"\s+of\s", ctx.after(4)):
        return None  # ABC's "This Week"; 'the last week of August' is not last week
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


AMOUNT_RE = re.compile(r"(\d+|[a-z]+(?:\s+couple\s+of)?|a\s+half)[\s-]+"
                       r"(days?|weeks?|months?|years?|decades?|centuries)\b")


def r_ago(s: str, ctx: Ctx) -> Reading | None:
    """two years ago, 10 days ago, a year earlier (the year-ago quarter when a quarter is in focus)."""
    if ctx.ref is None:
        return None
    low = s.lower()
    m = AMOUNT_RE.search(low)
    if not m:
        return None
    n = number_value(m.group(1))
    unit = UNITS[m.group(2)]
    if n is None:
        return None
    sign = 1 if ("from now" in low or "hence" in low) else -1
    if unit == "year" and n == 1 and sign < 0 and quarter_in_focus(ctx):
        y, q = ctx.quarter  # type: ignore[misc]
        return Reading(f"{y - 1}-{32 + q}", True)
    if "earlier" in low and unit in ("day", "week") and "day" in ctx.focus:  # 'a week earlier' than the day just told
        d = date.fromisoformat(ctx.focus["day"]) - timedelta(days=n * (7 if unit == "week" else 1))
        return Reading(rs.week_interval(d) if unit == "week" else d.isoformat(), True)
    if unit == "decade":
        unit, n = "year", n * 10
    value = _shift_unit(unit, sign * n, ctx)
    return Reading(value, True) if value else None


_APPROX = re.compile(r"(?:about|nearly|almost|around|some|roughly|just|only)\s+")
_RESTATES = re.compile(r"\s*[,–—]\s*(?:(?:about|nearly|almost|around|some|roughly|just|only)\s+)?$")


def r_later(s: str, ctx: Ctx) -> Reading | None:
    """'Four months later': counted from the date the text last spoke of; right after a date it restates,
    that date ('completed in 1711, some 45 years later': 1711, 45 years after what the text told before)."""
    m = re.match(r"(.+?)[\s-]+(days?|weeks?|months?|years?|decades?)\b", _APPROX.sub("", s.lower(), count=1))
    n = number_value(m.group(1)) if m else None
    if m is None or n is None:
        return None
    unit = UNITS[m.group(2)]
    stated = {"year": ctx.stated_year, "month": ctx.stated_month}.get(unit)
    if stated and _RESTATES.match(ctx.text, abs(stated[0]), ctx.start) and abs(stated[0]) < ctx.start:
        return Reading(str(stated[1]), True)
    if unit == "decade":
        unit, n = "year", n * 10
    key = {"week": "day"}.get(unit, unit)
    last = ctx.focus.get(key)
    if last is None:  # the text reached only a coarser date: the shift stays inside it, at its precision
        coarse = ctx.focus.get("year") if key in ("day", "month") and abs(n) < 3 * (1 if key == "month" else 30) else None
        return Reading(coarse, True) if coarse else None
    if unit == "year":
        return Reading(str(int(last) + n), True)
    if unit == "month":
        y, mth = rs.add_months(date(int(last[:4]), int(last[5:7]), 1), n)
        return Reading(f"{y}-{mth:02d}", True)
    d = date.fromisoformat(last) + timedelta(days=n * (7 if unit == "week" else 1))
    return Reading(rs.week_interval(d) if unit == "week" else d.isoformat(), True)


def r_day_around(s: str, ctx: Ctx) -> Reading | None:
    """'the day before', 'the day after (the battle)', 'the day following': a day from the day in focus."""
    return _anaphor("day", -1 if s.lower().endswith("before") else 1, ctx)


DAY_CUE_RE = re.compile(r"(?i)(?:\b(?:on|by|until|till|from|since|before|after|of)|\d\w*\s*(?:and|to|or|-|\u2013))\s*$")


def r_day_only(s: str, ctx: Ctx) -> Reading | None:
    """'on the 20th', 'May 6 and 7th': a day of the month in focus (else of the reference date's month)."""
    if not DAY_CUE_RE.search(ctx.before(16)):
        return None
    month = ctx.focus.get("month")
    if month is None and ctx.ref is not None and ctx.ref_precision in ("day", "month"):
        month = ctx.ref.isoformat()[:7]
    if month is None:
        return None
    day = int(re.search(r"\d+", s).group())  # type: ignore[union-attr]
    try:
        return Reading(date(int(month[:4]), int(month[5:7]), day).isoformat(), True)
    except ValueError:
        return None


def r_year_ago(s: str, ctx: Ctx) -> Reading | None:
    """year-ago, year-earlier used alone: the year before (the year-ago quarter in a quarter context)."""
    if ctx.ref is None:
        return None
    if quarter_in_focus(ctx):
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
    """that day, that same year, the following month, the next morning."""
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
    """year-end, year end, year's end: the reference year; month's end: the month in focus or of the reference."""
    if s.lower().startswith("month"):
        month = ctx.focus.get("month") or (ctx.ref.isoformat()[:7] if ctx.ref and ctx.ref_precision != "year" else None)
        return Reading(month, True) if month else None
    return Reading(str(ctx.ref.year), True) if ctx.ref else None


def r_apos_year(s: str, ctx: Ctx) -> Reading | None:
    """'99, '89: the year of that name nearest the year in focus (else the reference year), as a reader of a
    history of 1917 reads '99 as 1899."""
    near = int(ctx.focus["year"]) if "year" in ctx.focus else ctx.ref.year if ctx.ref else None
    if near is None or not re.match(r"\s*(?:[,.;:)]|$|\s+(?:[a-z]|[A-Z]\w+\b))", ctx.after(12)):
        return None
    two = int(s[1:])
    year = min((c * 100 + two for c in (near // 100 - 1, near // 100, near // 100 + 1)), key=lambda y: abs(y - near))
    return Reading(str(year), True)


def r_unit(s: str, ctx: Ctx, pre: str = "") -> Reading | None:
    """the end of the year, earlier in the month: a unit right after a modifier."""
    if not pre or ctx.ref is None or not re.search(r"(?i)\bthe\s*$|\bin\s+the\s*$", pre):
        return None
    value = _shift_unit(UNITS.get(s.lower(), ""), 0, ctx)
    return Reading(value, True) if value else None
