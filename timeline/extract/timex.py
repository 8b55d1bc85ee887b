"""The date engine: find every date expression in a text and normalise it to EDTF.

INTERFACE (stable; other modules rely on it): `Timex` and `tag(text, anchor, start, end)` (plus the
keyword `ranges`). Timex keeps its four positional fields; the others have defaults.

Values follow the TimeML conventions of TimeBank/TempEval-3 gold, written in EDTF: "2015", "2015-05",
"2015-05-09", "199X" (the 1990s), "19XX" (the 20th century), seasons "2018-21".."2018-24", quarters
"1989-33".."1989-36" and half-years "1989-40"/"1989-41" (EDTF level 2 sub-year groupings, as the scorer
maps TimeML's 1989-Q3 and 1989-H1), weeks and weekends as Monday/Sunday and Saturday/Sunday intervals,
ranges "1992/1997" ("1992-97", "between 1992 and 1997", "1991 to 1997"; TimeML tags the two ends apart,
which `ranges=False` does; `parts` keeps the ends' values), and "XXXX-11-09" for a day without a year
when there is no reference date. A value is never finer than the text. Modifiers ("early", "the end of",
"around") stay inside the span, as in TimeML, and are reported in `mod`; the value is the modified period
itself (`edtf` adds "~" for a hedged one). Governing prepositions ("since 2014") stay outside the span and
are reported in `signal` (`open_interval` gives "2014/..").

One compiled master regex (timex_patterns.py), tried only at tokens that can start a date, finds
candidates; a small rule per kind (timex_rules.py and the modules it names) validates and normalises
each; relative expressions are resolved against the anchor and the tense of their sentence
(timex_resolve.py); ranges are joined last (timex_ranges.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extract.timex_patterns import MASTER, TOKEN_RE, may_start
from timeline.extract.timex_ranges import join_ranges
from timeline.extract.timex_resolve import parse_anchor
from timeline.extract.timex_rules import PRE_RULES, RULES, Ctx, Reading, remember

MOD_WORDS = (("early", "START"), ("earlier", "START"), ("beginning", "START"), ("start", "START"),
             ("late", "END"), ("later", "END"), ("end", "END"), ("close", "END"), ("mid", "MID"),
             ("middle", "MID"), ("around", "APPROX"), ("about", "APPROX"), ("circa", "APPROX"),
             ("c.", "APPROX"), ("approximately", "APPROX"), ("roughly", "APPROX"), ("turn", "APPROX"))
SIGNAL_RE = re.compile(r"(?i)\b(since|until|till|before|after|by|from|through|during|between|on|in|at)\s+$")
APPROX_CORE = re.compile(r"(?i)^(?:about|nearly|almost|around|some|roughly)\b")


@dataclass(frozen=True)
class Timex:
    """A date expression found in a text."""

    start: int  # character offset in the text passed to tag()
    end: int
    text: str  # text[start:end]
    value: str  # EDTF at the precision the text supports
    kind: str = ""  # which pattern found it: mdy, month_day, weekday, rel_unit, quarter, year, ...
    resolved: bool = False  # True when the value was computed from the anchor (a relative expression)
    tense: str = ""  # 'past' / 'future' when the sentence's tense chose the value, else ''
    mod: str = ""  # TimeML modifier: START, MID, END, APPROX (value is the unmodified period)
    parts: tuple[str, ...] = ()  # for a range ('between 1992 and 1997'): the values of its two ends
    signal: str = ""  # the preposition governing it, outside the span as in TimeML: since, until, by, ...

    @property
    def edtf(self) -> str:
        """The value with EDTF's approximate qualifier when the text hedges it ('around 1997' -> '1997~')."""
        if self.mod == "APPROX" and "/" not in self.value and not self.value.endswith("~"):
            return self.value + "~"
        return self.value

    @property
    def open_interval(self) -> str:
        """An open EDTF interval when a signal makes one: 'since 2014' -> '2014/..', 'until 2016' -> '../2016';
        otherwise the value."""
        if "/" in self.value:
            return self.value
        if self.signal == "since":
            return f"{self.value}/.."
        if self.signal in ("until", "till"):
            return f"../{self.value}"
        return self.value


def tag(text: str, anchor: str | None = None, start: int = 0, end: int | None = None, *,
        ranges: bool = True) -> list[Timex]:
    """Every date expression in text[start:end], with EDTF values resolved against anchor (an EDTF date
    such as the publication date; relative expressions are dropped or left underspecified without it).
    Offsets are indexes into `text`. ranges=False keeps the two ends of a range apart, as TimeML does."""
    stop = len(text) if end is None else min(end, len(text))
    ref, precision = parse_anchor(anchor)
    ctx = Ctx(text, ref, precision)
    found: list[Timex] = []
    pos = max(0, start)
    for token in TOKEN_RE.finditer(text, pos, stop):
        at = token.start()
        if at < pos or not may_start(text, token):
            continue
        m = MASTER.match(text, at, stop)
        timex = _read(m, ctx) if m else None
        if timex is not None:
            found.append(timex)
            remember(timex.value, ctx)
            pos = m.end()  # type: ignore[union-attr]
    return join_ranges(text, found) if ranges else found


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
    if reading is None:
        return None
    signal = SIGNAL_RE.search(ctx.text, max(0, m.start() - 12), m.start())
    return Timex(m.start(), m.end(), m.group(), reading.value, kind, reading.resolved, reading.tense,
                 _mod(pre, core), signal=signal.group(1).lower() if signal else "")


def _mod(pre: str, core: str) -> str:
    """The TimeML modifier named by the prefix (or by 'about' inside an 'ago' expression)."""
    if pre:
        low = pre.lower()
        for word, mod in MOD_WORDS:
            if word in low and re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", low):
                return mod
    return "APPROX" if APPROX_CORE.match(core) else ""
