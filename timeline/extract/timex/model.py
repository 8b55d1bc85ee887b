"""`Timex`: a date expression found in a text, with its EDTF value and how it was read."""
from __future__ import annotations

from dataclasses import dataclass


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
    unresolved: bool = False  # relative, and nothing to resolve it against: value is 'XXXX-XX-XX' at its precision

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
