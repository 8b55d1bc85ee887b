"""EDTF dates: validation and the days they cover, at their true precision (display: timeline/display.py).

The forms read are EDTF levels 0 and 1 (dates, qualifiers ~ ? %, unspecified XX, seasons 21-24, open
and unknown interval ends) plus the level-2 sub-year groupings 25-41 that TimeML's quarters and halves map
to: one regular expression for a date, the calendar for its days (2015-02-30 is refused), and a refusal
with a hint for what no reader can place (19X5, 1997-0X, a day of an unknown month, month 13). python-edtf
was the grammar until it proved slower (ms a value) and less safe (AttributeError on 1997-0X, 318 crashes
in 18,440 strings) than this subset needs.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache


from timeline.errors import shown

SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
# EDTF sub-year groupings 21-41: (first month, last month, year offset of the last month, label).
# Seasons are northern-hemisphere meteorological ones unless 29-32 says southern.
_NORTH = {0: (3, 5, 0), 1: (6, 8, 0), 2: (9, 11, 0), 3: (12, 2, 1)}
_SOUTH = {0: (9, 11, 0), 1: (12, 2, 1), 2: (3, 5, 0), 3: (6, 8, 0)}
_NAMES = ["spring", "summer", "autumn", "winter"]
SEASON_MONTHS: dict[int, tuple[int, int, int, str]] = {
    **{21 + i: (*_NORTH[i], _NAMES[i]) for i in range(4)},
    **{25 + i: (*_NORTH[i], f"{_NAMES[i]} (northern)") for i in range(4)},
    **{29 + i: (*_SOUTH[i], f"{_NAMES[i]} (southern)") for i in range(4)},
    **{33 + i: (3 * i + 1, 3 * i + 3, 0, f"Q{i + 1}") for i in range(4)},
    **{37 + i: (4 * i + 1, 4 * i + 4, 0, f"{['first', 'second', 'third'][i]} third of") for i in range(3)},
    **{40 + i: (6 * i + 1, 6 * i + 6, 0, f"H{i + 1}") for i in range(2)},
}

SINGLE_RE = re.compile(
    r"^(?P<pre>[~?%])?(?P<year>-?[0-9X]{4})(?:-(?P<month>[0-9X]{2}))?(?:-(?P<day>[0-9X]{2}))?(?P<post>[~?%])?$"
)


# The same forms as one ECMAScript/Python regular expression, for editors (JSON Schema `pattern`): it
# refuses what a pattern can see (May 1972, 1972-13, 1972-02-30, 1997-0X); the calendar's leap years and
# the order of an interval's ends are left to parse().
_YEAR = r"-?(?:\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX)"
_MONTH_DAY = (r"(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8]|XX)|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31|02-29"
              r"|XX-XX|0[1-9]|1[0-2]|2[1-9]|3\d|4[01]|XX")
_ONE = rf"[~?%]?{_YEAR}(?:-(?:{_MONTH_DAY}))?[~?%]?"
EDTF_PATTERN = rf"^(?:{_ONE}|(?:{_ONE}|\.\.)?/(?:{_ONE}|\.\.)?)$"


class EdtfError(ValueError):
    """A string that is not a valid EDTF date (level 0 or 1)."""


@dataclass(frozen=True)
class Edtf:
    """A parsed EDTF value: what it covers, and how precisely it was stated."""

    text: str
    lower: date | None  # first day it may cover; None for an open or unknown start
    upper: date | None  # last day it may cover; None for an open or unknown end
    precision: str  # day | month | season | year | decade | century | interval | unknown
    approximate: bool = False
    uncertain: bool = False

    @property
    def is_point(self) -> bool:
        """True when it covers a single day."""
        return self.precision == "day" and self.lower == self.upper

    @property
    def sort_key(self) -> tuple[date, date]:
        """Chronological order: by first day, then by last day."""
        return (self.lower or self.upper or date.min, self.upper or self.lower or date.max)


def parse(text: str) -> Edtf:
    """Parse an EDTF string (levels 0 and 1) or raise EdtfError saying what is wrong."""
    return _parse_cached(str(text).strip())


def parse_single(text: str) -> Edtf:
    """parse() for one date, not an interval: raises EdtfError for an interval or anything not EDTF."""
    value = parse(text)
    if value.precision == "interval":
        raise EdtfError(f"{shown(text)} is an interval; a single date was expected here")
    return value


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> Edtf:
    try:
        return _parse_text(text)
    except EdtfError:
        raise
    except (ValueError, OverflowError) as exc:  # e.g. year 0, a month the calendar refuses
        raise EdtfError(f"{text!r} is not a valid date: {exc}") from exc


def _parse_text(text: str) -> Edtf:
    if not text:
        raise EdtfError("empty date; write an EDTF date such as 2015, 2015-05 or 2015-05-09")
    if "/" in text:
        return _parse_interval(text)
    _validate(text)
    return _parse_single(text)


def _validate(text: str) -> None:
    if not SINGLE_RE.match(text):
        raise EdtfError(_hint(text))


def _hint(text: str) -> str:
    if re.match(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}$", text):
        return f"{shown(text)} is not EDTF; write year-month-day, e.g. 2015-05-09"
    if re.search(r"[A-Za-z]{3,}", text):
        return f"{shown(text)} is not EDTF; write 2015-05 for May 2015, 2018-23 for autumn 2018"
    return f"{shown(text)} is not a valid EDTF date (e.g. 1997, 1997-06, 1997-06-27, 199X, 1992/1997, ~1997)"


def _parse_single(text: str) -> Edtf:
    m = SINGLE_RE.match(text)
    if not m:
        raise EdtfError(_hint(text))
    _placeable(text, m["year"], m["month"], m["day"])
    quals = (m["pre"] or "") + (m["post"] or "")
    approx, uncertain = "~" in quals or "%" in quals, "?" in quals or "%" in quals
    year, month, day = m["year"], m["month"], m["day"]
    if month and month.isdigit() and int(month) in SEASON_MONTHS and not day and "X" not in year:
        y = int(year)
        first, last, carry, _label = SEASON_MONTHS[int(month)]
        upper = date(y + carry, last, calendar.monthrange(y + carry, last)[1])
        return Edtf(text, date(y, first, 1), upper, "season", approx, uncertain)
    if "X" in year:
        return _unspecified_year(text, year, month, day, approx, uncertain)
    lower, upper, precision = _bounds(int(year), month, day)
    return Edtf(text, lower, upper, precision, approx, uncertain)


def _placeable(text: str, year: str, month: str | None, day: str | None) -> None:
    """Refuse what the grammar allows but no reader can place: 19X5, 1997-0X, 1997-XX-12, XXXX-13."""
    if "X" in year.rstrip("X"):
        raise EdtfError(f"{shown(text)}: only the last digits of a year can be unknown (199X, 19XX)")
    for part, name in ((month, "month"), (day, "day")):
        if part and "X" in part and part != "XX":
            raise EdtfError(f"{shown(text)}: write XX for an unknown {name}, not part of its digits")
    if month == "XX" and day and day != "XX":
        raise EdtfError(f"{shown(text)}: a day of an unknown month cannot be placed; give the month or XX-XX")
    if month and month != "XX" and not (1 <= int(month) <= 12 or int(month) in SEASON_MONTHS):
        raise EdtfError(f"{shown(text)}: {month} is not a month (01-12) or a season or quarter code (21-41)")
    if day and day != "XX" and (int(month or 0) in SEASON_MONTHS or not 1 <= int(day) <= _days_in(year, month)):
        raise EdtfError(f"{shown(text)}: {day} is not a day of that month")


def _days_in(year: str, month: str | None) -> int:
    """The most days the month can have (a known year's calendar says the rest, in its own words)."""
    if not month or month == "XX" or "X" not in year:
        return 31
    return 29 if month == "02" else calendar.monthrange(2001, int(month))[1]


def _unspecified_year(text: str, year: str, month: str | None, day: str | None, approx: bool, unc: bool) -> Edtf:
    if year == "XXXX":
        return Edtf(text, None, None, "unknown", approx, unc)
    known = year.rstrip("X")
    span = 10 ** (4 - len(known))
    lo = int(known) * span
    precision = {10: "decade", 100: "century", 1000: "millennium"}.get(span, "year")
    if (month and month != "XX") or (day and day != "XX"):
        precision = "unknown"
    return Edtf(text, date(max(lo, 1), 1, 1), date(lo + span - 1, 12, 31), precision, approx, unc)


def _bounds(year: int, month: str | None, day: str | None) -> tuple[date, date, str]:
    if not month or month == "XX":
        return date(year, 1, 1), date(year, 12, 31), "year"
    m = int(month)
    last = calendar.monthrange(year, m)[1]
    if not day or day == "XX":
        return date(year, m, 1), date(year, m, last), "month"
    return date(year, m, int(day)), date(year, m, int(day)), "day"


def _parse_interval(text: str) -> Edtf:
    start, _, end = text.partition("/")
    if "/" in end:
        raise EdtfError(f"{shown(text)} has more than one '/'; an interval is START/END, e.g. 1992/1997")
    lo = None if start in ("", "..") else _parse_single(_checked(start, text))
    hi = None if end in ("", "..") else _parse_single(_checked(end, text))
    if lo is None and hi is None:
        raise EdtfError(f"{shown(text)} is open at both ends; give at least one date, e.g. 2019-01/..")
    if lo and hi and lo.lower and hi.upper and lo.lower > hi.upper:
        raise EdtfError(f"{shown(text)} ends before it starts; write the earlier date first")
    approx = any(p.approximate for p in (lo, hi) if p)
    uncertain = any(p.uncertain for p in (lo, hi) if p)
    return Edtf(text, lo.lower if lo else None, hi.upper if hi else None, "interval", approx, uncertain)


def _checked(part: str, whole: str) -> str:
    _validate(part)
    return part


def is_valid(text: str) -> bool:
    """True when text is a valid EDTF date this tool understands."""
    try:
        parse(text)
    except EdtfError:
        return False
    return True
