"""Rules for dates the text states in full: ISO and numeric dates, month-day-year, month-year, years,
year ranges, decades and centuries."""
from __future__ import annotations

import re

from timeline.extract.timex.context import DAY_RE, Ctx, Reading, month_of, year_of, ymd
from timeline.extract.timex.lexicon import (DAYNUM, DECADE_WORDS, MONTH, MONTH_TOKEN, ORDINALS, SEASONS, YEAR4,
                                            spoken_year)


def r_iso(s: str, ctx: Ctx) -> Reading | None:
    """2015-05-09."""
    v = ymd(int(s[:4]), int(s[5:7]), int(s[8:10]))
    return Reading(v) if v else None


NUMERIC_RE = re.compile(r"(?<![\d/.-])([0-3]?\d)([/.-])([0-3]?\d)\2(\d{4}|\d\d)(?![\d/])")


def r_numeric(s: str, ctx: Ctx) -> Reading | None:
    """5/9/2015, 14.04.2015: month first (US) or day first, as ctx.date_order says or the document shows
    (a first number above 12 in any such date makes them all day-first)."""
    a, sep, b, _, y = re.split(r"([/.-])", s)
    if _in_path(ctx):
        return None  # /2019/03/05/ in a URL or a file path
    order = ctx.date_order or document_order(ctx)
    m, d = (int(b), int(a)) if order == "DMY" or sep == "." else (int(a), int(b))
    year = int(y) + (0 if len(y) == 4 else 1900 if int(y) > 30 else 2000)
    v = ymd(year, m, d)
    return Reading(v) if v else None


def document_order(ctx: Ctx) -> str:
    """'DMY' when a slash date of the document has a first number above 12 and none a second one above 12,
    else 'MDY' (computed once per document)."""
    if "order" not in ctx.cache:
        firsts = seconds = 0
        for m in NUMERIC_RE.finditer(ctx.text):
            firsts += int(m.group(1)) > 12
            seconds += int(m.group(3)) > 12
        ctx.cache["order"] = "DMY" if firsts and not seconds else "MDY"
    return ctx.cache["order"]


def _in_path(ctx: Ctx) -> bool:
    """True when the match is a segment of a URL or a path ('/2019/03/05/', 'example.com/2019/...')."""
    before, after = ctx.before(1), ctx.after(1)
    if before in ("/", "=") or after == "/":
        return True
    token_start = max(ctx.text.rfind(" ", 0, ctx.start), ctx.text.rfind("\n", 0, ctx.start)) + 1
    return "://" in ctx.text[token_start:ctx.start] or ctx.text.startswith("www.", token_start)


CLOCK_DATE_RE = re.compile(rf"(?i)[\s,]*(?:[A-Z]\w+\s+time\s*)?(?:\(.{{0,30}}?\)\s*)?(?:on\s+)?(?:(?:the\s+)?"
                           rf"(?P<dmy>{DAYNUM}\s+(?:of\s+)?{MONTH},?\s+{YEAR4})|(?P<mdy>{MONTH}\s+{DAYNUM},?\s+{YEAR4}))")


def r_clock(s: str, ctx: Ctx) -> Reading | None:
    """A clock time ('at 5:34 AM on March 20, 2003', 'at 11 a.m.'): the day it is on, from a full date right
    after it, else the day the text has reached. TimeML types it TIME; the timeline needs its day."""
    m = CLOCK_DATE_RE.match(ctx.after(60))
    if m:
        return r_dmy(m.group("dmy"), ctx) if m.group("dmy") else r_mdy(m.group("mdy"), ctx)
    day = ctx.focus.get("day")
    return Reading(day, True) if day and re.search(r"(?i)\b(?:at|by|until|from|around|about|before|after)\s+$",
                                                   ctx.before(10)) else None


def r_era_year(s: str, ctx: Ctx) -> Reading | None:
    """52 BC -> -0051, AD 410 -> 0410: EDTF counts years astronomically (1 BC is year 0000, 2 BC is -0001)."""
    n = int(re.search(r"\d+", s).group())  # type: ignore[union-attr]
    if n == 0 or _in_path(ctx):
        return None
    year = (f"-{n - 1:04d}" if n > 1 else "0000") if re.search(r"B\.?C", s) else f"{n:04d}"
    month = month_of(s)
    season = next((SEASONS[w] for w in s.lower().split() if w in SEASONS), None)
    return Reading(f"{year}-{month:02d}" if month else f"{year}-{season}" if season else year)


def r_era_century(s: str, ctx: Ctx) -> Reading | None:
    """the 3rd century BC -> -02XX (the years 300..201 BC are -0299..-0200), the 5th century AD -> 04XX."""
    n = _century_number(re.sub(r"(?i)\s*century.*$", "", s))
    if not n:
        return None
    if re.search(r"B\.?C", s):
        return Reading(f"-{n - 1:02d}XX")
    return Reading(f"{n - 1:02d}XX")


def r_year_range(s: str, ctx: Ctx) -> Reading | None:
    """1992-97, 1992-1997, 2010/11: an interval of years."""
    a, b = re.split(r"\s*(?:-to-|[-\u2013\u2014/])\s*", s, maxsplit=1)
    y1 = int(a)
    y2 = int(b) if len(b) == 4 else (y1 // 100) * 100 + int(b)
    if len(b) == 2 and y2 < y1 and y1 % 100 >= 90:
        y2 += 100  # 1998-01
    if not y1 < y2 <= y1 + 100 or _money_or_count(ctx) or _in_path(ctx):
        return None
    return Reading(f"{y1}/{y2}")


def day_from(s: str) -> int | None:
    """The day of the month in s: digits (9, 9th) or an ordinal word (ninth, twenty-first)."""
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
    """May 9, 2015 (with an optional weekday before it)."""
    month, day = month_of(s), day_from(after_month(s))
    year = year_of(after_month(s)[2:]) or spoken_tail(s)
    v = ymd(year, month, day) if month and day and year else None
    return Reading(v) if v else None


MONTH_TOKEN_RE = re.compile(rf"(?<![A-Za-z]){MONTH_TOKEN}", re.IGNORECASE)


def after_month(s: str) -> str:
    """The text after the (first capitalised) month name."""
    m = MONTH_TOKEN_RE.search(s)
    return s[m.end():] if m else s


def spoken_tail(s: str) -> int | None:
    """A spoken year at the end of s ('... nineteen ninety-seven')."""
    m = re.search(r"(?:nineteen|eighteen|two\s+thousand)[\w\s-]*$", s, re.I)
    return spoken_year(m.group()) if m else None


def r_dmy(s: str, ctx: Ctx) -> Reading | None:
    """9 May 2015, Friday 9 May 2015, the 9th of May 2015."""
    month, year = month_of(s), year_of(s[-6:])
    core = re.sub(r"^(?:\w+,?\s+)?(?:the\s+)?(?=\d)", "", s) if re.match(r"(?i)[a-z]+day", s) else s
    day = day_from(core)
    v = ymd(year, month, day) if month and day and year else None
    return Reading(v) if v else None


def r_month_year(s: str, ctx: Ctx) -> Reading | None:
    """May 2015, May of 2015, January nineteen ninety-seven."""
    month = month_of(s)
    year = year_of(s) or spoken_tail(s)
    return Reading(f"{year}-{month:02d}") if month and year else None


def r_decade(s: str, ctx: Ctx, pre: str = "") -> Reading | None:
    """the 1990s, the '80s, the nineties -> 199X (word decades need 'the' or a modifier); the 1700s, the 1800s
    -> the century, 17XX, 18XX (as TIMEX2's guidelines read them; the 2000s stay a decade)."""
    low = s.lower()
    if low[:1].isalpha() and not low.startswith("the") and not pre:
        return None  # 'people in their sixties and seventies': ages
    m = re.search(r"(\d{3})0", low)
    if m and m.group(1).endswith("0") and int(m.group(1)[:2]) < 20:
        return Reading(f"{m.group(1)[:2]}XX")
    if m:
        return Reading(f"{m.group(1)}X")
    m = re.search(r"(?:['\u2019]|\bthe\s+)(\d)0", low)
    if m:
        return Reading(f"19{m.group(1)}X")  # '80s: the twentieth century unless the text says otherwise
    for w, d in DECADE_WORDS.items():
        if w in low:
            return Reading(f"19{d}X")
    return None


def r_century(s: str, ctx: Ctx) -> Reading | None:
    """the 20th century, the eleventh century -> 19XX, 10XX."""
    n = _century_number(s)
    if not n or n > 21:
        return None
    return Reading(f"{n - 1:02d}XX")


def _century_number(s: str) -> int | None:
    """21 from 'the 21st century', 'twenty-first', '3rd'."""
    low = s.lower()
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
    if m:
        return int(m.group(1))
    word = re.sub(r"^the\s+", "", low).split("century")[0].strip(" -")
    return 21 if word == "twenty-first" else ORDINALS.get(word)


def r_spoken_year(s: str, ctx: Ctx) -> Reading | None:
    """nineteen ninety-six, the year two thousand."""
    y = spoken_year(s)
    return Reading(str(y)) if y else None


NUMBER_PAIR_RE = re.compile(r"\s*(?:-|to|and|or)\s*(?:\d{1,3},\d{3}|\d{5,}|[3-9]\d{3})\b")
PERCENT_RE = re.compile(r"[.,]\d|\s*%|\s*(?:percent|per\s+cent)\b")


def _money_or_count(ctx: Ctx) -> bool:
    """True when the number at the match is money, a measure or part of a larger number."""
    b, a = ctx.before(2), ctx.after(12).lower()
    if (b and b[-1] in "$£€#") or re.search(r"[\d.,]$", b) or PERCENT_RE.match(a):
        return True
    if re.match(r"\s*(?:gmt|utc|est|edt|pst|pdt|hours|hrs|local\s+time)\b", a):
        return True
    if NUMBER_PAIR_RE.match(ctx.after(16)) or re.search(r"(?i)\bat\s+$", ctx.before(4)):
        return True  # 'between 2000 and 3000 people', 'at 2000' (a clock time)
    return False


YEAR_CUE_RE = re.compile(r"(?i)(?:\b(?:in|since|of|by|until|from|to|circa|ca\.)|\bc\.)\s*$")


def r_year(s: str, ctx: Ctx) -> Reading | None:
    """A four-digit year, unless money, a count or a clock time; 1000-1899 only after in/since/... or near
    the years the text is about (a history of the 1770s names '1777' bare)."""
    y = year_of(s)
    if y is None or _money_or_count(ctx) or _in_path(ctx):
        return None
    bare = s.isdigit()
    if bare and not 1900 <= y <= 2099 and not YEAR_CUE_RE.search(ctx.before(10)) and not _near_focus(y, ctx):
        return None
    if bare and _count_noun_follows(ctx):
        return None
    return Reading(str(y))


ERA_SPAN = 50  # a bare year this close to the year the text has reached is read as a year


def _near_focus(y: int, ctx: Ctx) -> bool:
    """True when y lies within ERA_SPAN years of the year in focus (or of the reference date)."""
    focus = ctx.focus.get("year")
    near = int(focus) if focus else ctx.ref.year if ctx.ref else None
    return near is not None and abs(y - near) <= ERA_SPAN


COUNT_NOUN_RE = re.compile(r"\s+(?:[a-z]+-)?(?:people|troops|soldiers|men|women|children|jobs|shares|workers|"
                           r"employees|members|cases|votes|units|cars|homes|tons|barrels|miles|feet|meters|yards|"
                           r"points|students|families|refugees|delegates|acres|pounds|dollars|marks|yen|francs|"
                           r"words|pages|copies|times|rooms|beds|vehicles|planes|ships|dead|deaths|residents|"
                           r"signatures|visitors|seats|guns|rifles|missiles|rounds|officers|police|policemen|"
                           r"years|months|weeks|"
                           r"days|hours|minutes|seconds|km|kilometers|kilometres|metres|kg|kilograms|tonnes|"
                           r"calories|kilowatts|megawatts|euros|rupees|pesos|yuan|rubles|patients|victims|"
                           r"prisoners|detainees|fighters|militants|civilians|voters|users|customers|companies|"
                           r"firms|schools|villages|houses|buildings)\b")


def _count_noun_follows(ctx: Ctx) -> bool:
    """True when a count noun follows the number ('2000 people')."""
    return bool(COUNT_NOUN_RE.match(ctx.after(24)))
