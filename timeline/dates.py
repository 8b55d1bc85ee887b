"""EDTF dates: validation, bounds at their true precision, and display as a reader would write them."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from edtf import parse_edtf  # type: ignore[import-untyped]
from edtf.parser.edtf_exceptions import EDTFParseException  # type: ignore[import-untyped]

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
MONTHS = list(calendar.month_name)

_SINGLE = re.compile(
    r"^(?P<pre>[~?%])?(?P<year>-?[0-9X]{4})(?:-(?P<month>[0-9X]{2}))?(?:-(?P<day>[0-9X]{2}))?(?P<post>[~?%])?$"
)


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


@lru_cache(maxsize=4096)
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


_PLAIN = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


def _validate(text: str) -> None:
    if _PLAIN.match(text):
        return  # plain ISO year, month or day: the calendar check in _bounds suffices (python-edtf costs ms)
    try:
        parse_edtf(text)
    except (EDTFParseException, ValueError, TypeError) as exc:
        if _SINGLE.match(text) and "X" in text:
            return  # python-edtf rejects some valid unspecified forms such as XXXX-11-09
        raise EdtfError(_hint(text)) from exc


def _hint(text: str) -> str:
    if re.match(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}$", text):
        return f"{shown(text)} is not EDTF; write year-month-day, e.g. 2015-05-09"
    if re.search(r"[A-Za-z]{3,}", text):
        return f"{shown(text)} is not EDTF; write 2015-05 for May 2015, 2018-23 for autumn 2018"
    return f"{shown(text)} is not a valid EDTF date (e.g. 1997, 1997-06, 1997-06-27, 199X, 1992/1997, ~1997)"


def _parse_single(text: str) -> Edtf:
    m = _SINGLE.match(text)
    if not m:
        raise EdtfError(_hint(text))
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


def _unspecified_year(text: str, year: str, month: str | None, day: str | None, approx: bool, unc: bool) -> Edtf:
    if year == "XXXX":
        return Edtf(text, None, None, "unknown", approx, unc)
    known = year.rstrip("X")
    span = 10 ** (4 - len(known))
    lo = int(known) * span
    precision = {10: "decade", 100: "century", 1000: "millennium"}.get(span, "year")
    if month or day:
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


def display(text: str) -> str:
    """The date as a reader would write it, at its precision: 'May 2015', 'autumn 2018', '1992–1997'."""
    value = parse(text)
    if "/" in value.text:
        start, _, end = value.text.partition("/")
        if start in ("", ".."):
            return f"until {_display_single(end)}"
        if end in ("", ".."):
            return f"since {_display_single(start)}"
        return f"{_display_single(start)}–{_display_single(end)}"
    return _display_single(value.text)


def _display_single(text: str) -> str:
    m = _SINGLE.match(text)
    if not m:
        return text
    quals = (m["pre"] or "") + (m["post"] or "")
    body = _display_plain(m["year"], m["month"], m["day"])
    if "~" in quals or "%" in quals:
        body = f"c. {body}"
    if "?" in quals or "%" in quals:
        body = f"{body}?"
    return body


def _display_plain(year: str, month: str | None, day: str | None) -> str:
    if "X" in year:
        known = year.rstrip("X")
        if year == "XXXX":
            year_text = "year unknown"
        elif len(known) == 3:
            year_text = f"the {known}0s"
        elif len(known) == 2:
            year_text = f"the {int(known) + 1}th century" if known != "20" else "the 21st century"
        else:
            year_text = year
    else:
        year_text = str(int(year))
    if not month or month == "XX":
        return year_text
    m = int(month)
    if m in SEASON_MONTHS:
        return f"{SEASON_MONTHS[m][3]} {year_text}"
    if year == "XXXX":
        day_text = f"{int(day)} " if day and day != "XX" else ""
        return f"{day_text}{MONTHS[m]}, {year_text}"
    if not day or day == "XX":
        return f"{MONTHS[m]} {year_text}"
    return f"{int(day)} {MONTHS[m]} {year_text}"
