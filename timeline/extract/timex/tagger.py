"""`tag()`: the master regex, the rules, modifiers and signals, then ranges; see the package docstring."""
from __future__ import annotations

import re
from datetime import date

from timeline.extract.timex.anniversaries import anniversaries
from timeline.extract.timex.foreign import language_supported, tag_foreign
from timeline.extract.timex.languages import detect_language
from timeline.extract.timex.model import Timex
from timeline.extract.timex.narrative import check_mode, choose_mode, focus_ref, moves_reference, opening_ref
from timeline.extract.timex.patterns import MASTER, TOKEN_RE, may_start
from timeline.extract.timex.ranges import join_ranges, split_ranges
from timeline.extract.timex.resolve import parse_anchor
from timeline.extract.timex.rules import PRE_RULES, RULES, Ctx, Reading, remember
from timeline.extract.timex.storytime import frame_end, last_month_too_late, opens_clause, year_earlier

MOD_WORDS = (("early", "START"), ("earlier", "START"), ("beginning", "START"), ("start", "START"),
             ("late", "END"), ("later", "END"), ("end", "END"), ("close", "END"), ("mid", "MID"),
             ("middle", "MID"), ("around", "APPROX"), ("about", "APPROX"), ("circa", "APPROX"),
             ("c.", "APPROX"), ("approximately", "APPROX"), ("roughly", "APPROX"), ("turn", "APPROX"))
FRAME_VALUE_RE = re.compile(r"\d{4}(?:-\d\d)?$")  # a year or a month
YEAR_VALUE_RE = re.compile(r"\d{4}$")
OPENS_SENTENCE_RE = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
FRAME_BEFORE_RE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:In|By|Since|During)\s+$")
SIGNAL_RE = re.compile(r"(?i)\b(since|until|till|before|after|by|from|through|during|between|on|in|at)\s+$")
APPROX_CORE = re.compile(r"(?i)^(?:about|nearly|almost|around|some|roughly)\b")


def tag(text: str, anchor: str | None = None, start: int = 0, end: int | None = None, *,
        ranges: bool = True, mode: str = "news", date_order: str | None = None, lang: str | None = "auto",
        written: bool = True) -> list[Timex]:
    """Every date expression in text[start:end], with EDTF values resolved against anchor (an EDTF date
    such as the publication date; relative expressions are dropped or left underspecified without it).
    Offsets are indexes into `text`. ranges=False keeps the two ends of a range apart, as TimeML does.
    mode: 'news' (the default) reads underspecified dates against the anchor and the tense; 'narrative'
    against the reference time the text has reached (the anchor until it names a date); 'auto' picks one
    (narrative.choose_mode: no anchor, a text that opens on a dated scene, names several years and seldom
    says 'yesterday' or 'last week'). Callers that infer the anchor from the text pass mode=choose_mode(
    text, stated_anchor) instead of 'auto'.
    date_order: 'DMY' or 'MDY' for numeric dates (5/9/2015); None decides from the document (a first
    number above 12 makes it day-first), else month-first.
    lang: the text's language ('auto': languages.detect_language); a language other than English is read by
    foreign.tag_foreign (nothing when dateparser has no locale for it: see foreign.language_supported).
    written: the anchor is when the text was written (stated); False for an anchor inferred from the text, which
    is only the earliest it can have been written."""
    stop = len(text) if end is None else min(end, len(text))
    if lang == "auto":
        lang = detect_language(text[start:stop])
    if check_mode(mode) == "auto":
        mode = choose_mode(text[start:stop], anchor)
    ref, precision = parse_anchor(anchor)
    now = ref.year if ref and mode == "news" and written else None  # a narrative's anchor may be a date it tells
    if lang != "en":
        told = tag_foreign(text, lang, anchor, start, stop, mode) if lang is not None and language_supported(lang) else []
        return anniversaries(text, lang, told, start, stop, now)
    if date_order not in (None, "DMY", "MDY"):
        raise ValueError(f"date_order must be DMY or MDY, not {date_order!r}")
    ctx = Ctx(text, ref, precision, mode=mode, anchor=(ref, precision), date_order=date_order)
    found: list[Timex] = []
    pos = max(0, start)
    held, focus_at = -1, -1  # the end of a sentence a frame date holds the story's time in; the timex in focus
    writing = ref if ref is not None and now is not None and precision in ("day", "month") else None
    for token in TOKEN_RE.finditer(text, pos, stop):
        at = token.start()
        if at < pos or not may_start(text, token):
            continue
        m = MASTER.match(text, at, stop)
        if m and ctx.narrative:
            ctx.ref, ctx.ref_precision = focus_ref(ctx.focus) if ctx.focus else _opening(text, at, ctx)
        timex = _read(m, ctx) if m else None
        if timex is not None:
            if timex.kind == "later" and writing and focus_at >= 0 and last_month_too_late(found[focus_at], timex, writing, ctx.tense()):
                found[focus_at], timex = year_earlier(found[focus_at]), year_earlier(timex)
            found.append(timex)
            aside = at < held and not opens_clause(text, timex)  # storytime: the frame date stays the story's time
            if not aside and (not ctx.narrative or moves_reference(text, timex.start, timex.end, timex.signal, timex.kind)):
                remember(timex.value, ctx)
                focus_at, held = len(found) - 1, frame_end(text, timex) or -1
            if not timex.resolved and MONTH_VALUE_RE.match(timex.value):
                ctx.stated_month = (timex.end, timex.value[:7])
            if not timex.resolved and FRAME_VALUE_RE.match(timex.value) and timex.signal in ("in", "during", "by"):
                frame = bool(FRAME_BEFORE_RE.search(text, max(0, at - 8), at))  # 'In 2015, ...' frames what follows
                ctx.stated_year = (timex.end if not frame else -timex.end, int(timex.value[:4]))
            elif (timex.resolved and YEAR_VALUE_RE.match(timex.value) and text.startswith(",", timex.end)
                  and OPENS_SENTENCE_RE.search(text, max(0, timex.start - 4), timex.start)):
                ctx.stated_year = (-timex.end, int(timex.value))  # 'Last year, ... in mid-December': a frame too
            elif ctx.stated_year and timex.value[:4] != f"{ctx.stated_year[1]:04d}":
                ctx.stated_year = None  # 'this year's third quarter', 'In October last year', 'the 1990s': the text moved on
            pos = m.end()  # type: ignore[union-attr]
    found = anniversaries(text, lang, found, start, stop, now)
    return join_ranges(text, found) if ranges else split_ranges(found)


MONTH_VALUE_RE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])(?:-\d\d)?$")  # a month or a day, stated with its year


def _opening(text: str, at: int, ctx: Ctx) -> tuple[date | None, str]:
    """The reference of a narrative that has named no date yet: the year it names next, else the anchor."""
    ahead = opening_ref(text, at)
    return ahead if ahead[0] is not None else ctx.anchor


def _read(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """The Timex for one master-regex match, or None when its rule rejects it."""
    kind = m.lastgroup or ""
    pre = m.group("pre") or ""
    ctx.start, ctx.end = m.start(kind), m.end()
    core = m.group(kind)
    reading: Reading | None
    try:
        if kind in PRE_RULES:
            reading = PRE_RULES[kind](core, ctx, pre)
        else:
            reading = RULES[kind](core, ctx)
    except (ValueError, OverflowError):
        return None  # calendar arithmetic beyond year 1..9999 (an absurd anchor): not a date we can give
    unresolved = reading is None and (reading := _unanchored(kind, core, pre, ctx)) is not None
    if reading is None:
        return None
    signal = SIGNAL_RE.search(ctx.text, max(0, m.start() - 12), m.start())
    return Timex(m.start(), m.end(), m.group(), reading.value, kind, reading.resolved, reading.tense,
                 _mod(pre, core), signal=signal.group(1).lower() if signal else "", unresolved=unresolved)


# References whose dates (and dates a few years, months or days off) differ in every digit position.
PROBES = (date(2000, 6, 14), date(1311, 11, 27), date(5787, 3, 5))
DIGIT_RE = re.compile(r"\d")
# A time of day is no date to warn about; 'this February', 'June last year' are read again from the month
# name on (the month rule gives XXXX-02), so they are not lost either.
NOT_PROBED = frozenset({"clock", "month_named", "month_rel_year", "apos_year"})


def _unanchored(kind: str, core: str, pre: str, ctx: Ctx) -> Reading | None:
    """For a relative expression its rule could not resolve ('yesterday' with no reference date, 'that day'
    before any date): a Reading with X for every digit the reference would have given ('this February' ->
    'XXXX-02', 'yesterday' -> 'XXXX-XX-XX'), so callers can say so; None when it is no date even with a
    reference. The expression is read against three references; digits on which they differ are masked."""
    if kind in NOT_PROBED or (ctx.has_day and ctx.focus.get("day")):
        return None  # the reference was there (the rule rejected the words themselves), or see NOT_PROBED
    values = [_probe(kind, core, pre, ctx, day) for day in PROBES]
    if None in values:
        return None
    firsts = [v.split("/")[0] for v in values]  # type: ignore[union-attr]
    if len({len(v) for v in firsts}) > 1:
        return Reading(DIGIT_RE.sub("X", firsts[0]), False)
    masked = "".join(chars[0] if len(set(chars)) == 1 else "X" for chars in zip(*firsts))
    return Reading(("XXXX" + masked[4:]) if "X" in masked[:4] else masked, False)  # a year is known or not


def _probe(kind: str, core: str, pre: str, ctx: Ctx, day: date) -> str | None:
    """The value the rule gives when the reference and the focus are `day` (None when it gives none or
    does not use them)."""
    saved = ctx.ref, ctx.ref_precision, dict(ctx.focus)
    ctx.ref, ctx.ref_precision = day, "day"
    ctx.focus.update(year=f"{day.year}", month=day.isoformat()[:7], day=day.isoformat())
    try:
        probe = PRE_RULES[kind](core, ctx, pre) if kind in PRE_RULES else RULES[kind](core, ctx)
    except (ValueError, OverflowError):
        probe = None
    finally:
        ctx.ref, ctx.ref_precision = saved[0], saved[1]
        ctx.focus.clear()
        ctx.focus.update(saved[2])
    return probe.value if probe is not None and probe.resolved else None


def _mod(pre: str, core: str) -> str:
    """The TimeML modifier named by the prefix (or by 'about' inside an 'ago' expression)."""
    if pre:
        low = pre.lower()
        for word, mod in MOD_WORDS:
            if word in low and re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", low):
                return mod
    return "APPROX" if APPROX_CORE.match(core) else ""
