"""Rules for a month, a day of a month or a weekday named without a year: the year (or week) comes from
the reference date and the tense of the sentence."""
from __future__ import annotations

import re
from datetime import date

import timeline.extract.timex.resolve as rs
from timeline.extract.sentences import crosses_sentence
from timeline.extract.timex.absolute import after_month, day_from
from timeline.extract.timex.context import PARAGRAPH_RE, PREP_BEFORE, WORD_RE, Ctx, Reading, frame_reaches, month_of, relative_word, ymd
from timeline.extract.timex.lexicon import DAYNUM, MONTH_FULL, WEEKDAYS, YEAR4


def year_for(month: int, day: int | None, ctx: Ctx) -> tuple[int, str]:
    """Year of a month (and day) without one: from the reference date and the sentence's tense."""
    assert ctx.ref is not None
    if ctx.narrative:  # the narrative's own year; the nearest occurrence when it has reached a month or day
        return ctx.ref.year, ""
    when = ctx.tense()
    if when == "past" and day is None and (same := _same_month_stated(month, ctx)) is not None:
        return same, when  # 'a mutiny in September 2015 ... The rebellion was suppressed, and in mid-September'
    if when == "past" and (stated := _stated_year(ctx)) is not None:
        return stated, when  # 'In 2009, the brothers left for Moscow ... on March 14 they boarded a train': of that year
    return rs.pick_year_for(month, day, ctx.ref, when), when


STATED_NEAR = 250  # characters: a year stated this close before, in the same paragraph, also dates what follows


def _stated_year(ctx: Ctx) -> int | None:
    """The year of an earlier year the text stated that a past month without one belongs to: one that framed
    its paragraph and the next ('In 2015, ...') or one stated before in the same sentence ('in March 2016 ..., and in
    June'), before the reference year. ('It was renovated in 2004. In March, cracks were found': March of
    the reference year.)"""
    if ctx.stated_year is None or ctx.ref is None or ctx.stated_year[1] >= ctx.ref.year:
        return None
    at, year = abs(ctx.stated_year[0]), ctx.stated_year[1]
    if ctx.stated_year[0] < 0:  # a frame holds to the end of its paragraph
        return year if frame_reaches(ctx.text, at, ctx.start) else None
    near = ctx.start - at <= STATED_NEAR and not crosses_sentence(ctx.text, at, ctx.start)
    return year if near else None  # any other stated year, within its sentence


def _same_month_stated(month: int, ctx: Ctx) -> int | None:
    """The year of the same month stated with its year earlier in the paragraph, at most STATED_NEAR
    characters before: the text is still telling of that month. Only for a bare month: a day without
    a year ('on Aug. 2') is the news peg, read against the reference date."""
    if ctx.stated_month is None:
        return None
    at, value = ctx.stated_month
    if int(value[5:7]) != month or ctx.start - at > STATED_NEAR or PARAGRAPH_RE.search(ctx.text, at, ctx.start):
        return None
    return int(value[:4])


def r_month_day(s: str, ctx: Ctx) -> Reading | None:
    """May 9, 9 May, Friday, Oct. 13, last Oct. 23: the year from the anchor and the tense."""
    month = month_of(s)
    day = day_from(after_month(s)) or day_from(s)
    if not month or not day or ymd(2000, month, day) is None:
        return None
    if s.startswith(("May", "March")) and not re.match(r"\s*\d", s[len("March") if s.startswith("March") else 3:]):
        return None
    if month == 9 and day == 11 and SEPT11_RE.match(ctx.after(20)):
        return Reading("2001-09-11")
    shared = COORD_FULL_RE.match(ctx.after(40))
    if shared:  # '14 October - 25 November 1952', 'March 19 to April 30, 2003': the year of the range's end
        v = ymd(int(shared.group(1)), month, day)
        return Reading(v) if v else None
    if ctx.ref is None:
        return Reading(f"XXXX-{month:02d}-{day:02d}")
    rel = relative_word(s)
    when = "past" if rel == "last" else "future" if rel == "next" else ""
    year = rs.pick_year_for(month, day, ctx.ref, when, strict=bool(when)) if when else _weekday_year(s, month, day, ctx)
    if year is None:
        year, when = year_for(month, day, ctx)
    return Reading(ymd(year, month, day) or f"XXXX-{month:02d}-{day:02d}", True, when)


def _weekday_year(s: str, month: int, day: int, ctx: Ctx) -> int | None:
    """The one year near the anchor in which a stated weekday falls on the date ('Friday, Oct. 13')."""
    wd = next((WEEKDAYS[w.lower()] for w in WORD_RE.findall(s) if w.lower() in WEEKDAYS), None)
    if wd is None or ctx.ref is None:
        return None
    years = [y for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)
             if ymd(y, month, day) and date(y, month, day).weekday() == wd]
    return years[0] if len(years) == 1 else None


r_day_month = r_month_day
SEPT11_RE = re.compile(r"(?i),?\s*(?:terror|attack|hijack|commission|-style|era\b|strikes)")


def r_month(s: str, ctx: Ctx, pre: str = "") -> Reading | None:
    """A month alone ('in June', 'late May'): needs a preposition, a determiner or a modifier before it."""
    month = month_of(s)
    if not month:
        return None
    prev = re.search(r"([A-Za-z]+)\W{0,2}$", ctx.before(20))
    prev_word = prev.group(1).lower() if prev else ""
    shared = COORD_YEAR_RE.match(ctx.after(40))
    if shared:  # 'August and September 1914', 'from February to July 1917': the year both share
        return Reading(f"{shared.group(1)}-{month:02d}")
    if not pre and prev_word not in PREP_BEFORE and prev_word not in ("the", "a", "an"):
        return None  # 'June tells Kirsty ...', 'Theresa May': a month alone needs 'in', 'since', 'by', ...
    if ctx.ref is None:
        return Reading(f"XXXX-{month:02d}")
    year, when = year_for(month, None, ctx)
    return Reading(f"{year}-{month:02d}", True, when)


COORD = r"\s*(?:and|or|to|through|until|till|-|\u2013|\u2014)\s*"
COORD_YEAR_RE = re.compile(COORD + rf"(?:early\s+|late\s+|mid-?)?{MONTH_FULL}(?:\s+\d{{1,2}})?,?\s+({YEAR4})",
                           re.IGNORECASE)
COORD_FULL_RE = re.compile(COORD + rf"(?:the\s+)?(?:{DAYNUM}\s+(?:of\s+)?{MONTH_FULL}|{MONTH_FULL}\s+{DAYNUM}),?\s+({YEAR4})",
                           re.IGNORECASE)
COORD_DAY_RE = re.compile(COORD + rf"(?:the\s+)?{DAYNUM}\s+(?:of\s+)?({MONTH_FULL})(?:,?\s+({YEAR4}))?", re.IGNORECASE)


def r_day_coord(s: str, ctx: Ctx) -> Reading | None:
    """The first day of '22 and 23 April', '6-15 October 1952': its month (and year) are those of the second."""
    m = COORD_DAY_RE.match(ctx.after(40))
    if m is None:
        return None
    day, month = int(re.search(r"\d+", s).group()), month_of(m.group(1))  # type: ignore[union-attr]
    if m.group(2):
        v = ymd(int(m.group(2)), month, day) if month else None
        return Reading(v) if v else None
    return r_month_day(f"{m.group(1)} {day}", ctx)


def r_month_named(s: str, ctx: Ctx) -> Reading | None:
    """last June, next March, this February; that July (of the year the text is at)."""
    month = month_of(s)
    if s.lower().startswith("that ") and "year" in ctx.focus:
        return Reading(f"{ctx.focus['year']}-{month:02d}", True)
    if not month or ctx.ref is None:
        return None
    rel = relative_word(s)
    ref = ctx.ref
    if rel in ("following", "previous") and "month" in ctx.focus:  # 'June 1944 ... the following May': after the told month
        ref = date(int(ctx.focus["month"][:4]), int(ctx.focus["month"][5:7]), 15)
    if rel in ("last", "past", "previous", "this past", "prior"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "coming", "this coming", "following"):
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = ref.year
    return Reading(f"{year}-{month:02d}", True)


def r_month_rel_year(s: str, ctx: Ctx) -> Reading | None:
    """June last year, January this year, July that year."""
    month = month_of(s)
    if not month or (ctx.ref is None and not ctx.focus):
        return None
    low = s.lower()
    day = day_from(re.sub(r"(?i)\s*,?\s+(?:of\s+)?(?:this|last|next|that|the\s+\w+)\s+year$", "", s))
    if re.search(r"\b(?:that|same|following|previous)\s+year", low) or (ctx.narrative and "next" in low):
        focus = ctx.focus.get("year")
        if focus is None:
            return None
        year = int(focus) + (1 if re.search(r"following|next", low) else -1 if "previous" in low else 0)
    elif ctx.ref is None:
        return None
    else:
        year = ctx.ref.year + (-1 if "last" in low else 1 if "next" in low else 0)
    v = ymd(year, month, day) if day else f"{year}-{month:02d}"
    return Reading(v, True) if v else None


PRAYERS_RE = re.compile(r"(?i)\s+(?:prayers?|khutbas?|sermons?)\b")
GENERIC_BEFORE_RE = re.compile(r"(?i)\b(a|every|each|any|one)\s+$")


def r_weekday(s: str, ctx: Ctx) -> Reading | None:
    """Friday, last Friday, Friday night: the anchor's own weekday is the anchor, else the last one before it
    (the next one in a future sentence)."""
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
    possessive = re.match(r"['\u2019]s\b", ctx.after(3))
    when = "" if rel else "past" if possessive else ctx.tense(strong=True)
    if not rel and not possessive and when != "future" and rs.scheduled_present(ctx.text, ctx.start):
        when = "future"  # 'They play again on Wednesday' (a past cue after it is another clause's: '..., he said')
    return Reading(rs.weekday_date(wd, ctx.ref, when, rel).isoformat(), True, when)
