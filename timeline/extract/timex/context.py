"""What every date rule works with: the Reading it returns, the Ctx it reads, and small shared helpers."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import timeline.extract.timex.resolve as rs
from timeline.extract.timex.lexicon import MONTHS


PARAGRAPH_RE = re.compile(r"\n\s*\n")
# A frame ('In 2015, ...', 'En 2015, ...') holds to the end of its paragraph and through the next: news features
# tell a story in paragraphs of one or two sentences ('In 2009, the brothers left for Moscow.' / 'A cousin phoned
# them, and on March 14 they boarded a train'); past that, a month without a year is read against the reference date again.
FRAME_BREAKS = 1


def frame_reaches(text: str, frame_end: int, at: int) -> bool:
    """True when a frame that ended at frame_end still dates an expression at `at`."""
    return len(PARAGRAPH_RE.findall(text, frame_end, at)) <= FRAME_BREAKS


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
    mode: str = "news"  # 'news': read against the anchor; 'narrative': against the dates the text reached
    anchor: tuple[date | None, str] = (None, "none")  # the caller's reference date and its precision
    date_order: str | None = None  # 'DMY' / 'MDY' for 5/9/2015; None: decided from the document
    # (end, year) of the last year or month the text stated ('in March 2016'); end < 0 when it opened its
    # sentence as a frame ('In 2015, ...')
    stated_year: tuple[int, int] | None = None
    stated_month: tuple[int, str] | None = None  # (end, 'YYYY-MM') of the last month the text stated with its year

    @property
    def narrative(self) -> bool:
        """True when underspecified dates are read against the narrative's reference time."""
        return self.mode == "narrative"

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


def quarter_in_focus(ctx: Ctx) -> bool:
    """True when the text spoke of a quarter not long before the current match."""
    return ctx.quarter is not None and ctx.start - ctx.quarter_at < 3000


FOCUS_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def remember(value: str, ctx: Ctx) -> None:
    """Make value the date later anaphors ('that day', 'the following year') refer to. A finer date said
    before stays in focus while it lies inside the new one ('On May 10, 1940 ... in 1940 ... that day')."""
    m = FOCUS_RE.match(value)
    if not m or (value[4:5] not in ("", "-")):
        return  # a decade, a century, an interval: it moves no reference
    keep = ctx.focus.get("year") == m.group(1) and (not m.group(2) or ctx.focus.get("month") == value[:7])
    if not keep:
        ctx.focus.clear()
    ctx.focus["year"] = m.group(1)
    if m.group(2) and int(m.group(2)) <= 12:
        if ctx.focus.get("month") != value[:7]:
            ctx.focus.pop("day", None)
        ctx.focus["month"] = value[:7]
        if m.group(3):
            ctx.focus["day"] = value[:10]
    elif not keep:
        ctx.focus.pop("month", None)
