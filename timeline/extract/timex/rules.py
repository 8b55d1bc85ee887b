"""From a master-regex match to an EDTF value: the table of rules, one small rule per kind of expression.

Each rule gets the match text (without the TimeML modifier prefix) and a Ctx (text, reference date, what
the document said last) and returns a Reading, or None when the match is not a date after all. The rules
live in absolute (stated dates), named (month, day or weekday without a year),
relative (relative to the reference date or to the last date mentioned) and periods
(seasons, quarters, halves, holidays).
"""
from __future__ import annotations

from timeline.extract.timex.absolute import (r_century, r_clock, r_decade, r_dmy, r_era_century, r_era_year, r_iso, r_mdy, r_month_year, r_numeric,
                                             r_spoken_year, r_year, r_year_range)
from timeline.extract.timex.context import Ctx, Reading, Rule, remember
from timeline.extract.timex.named import (r_day_coord, r_day_month, r_month, r_month_day, r_month_named, r_month_rel_year,
                                          r_weekday)
from timeline.extract.timex.periods import r_half, r_holiday, r_month_weekend, r_q_short, r_quarter, r_season
from timeline.extract.timex.relative import (r_ago, r_anaphor, r_apos_year, r_day_around, r_day_only, r_later, r_rel_day, r_rel_unit, r_the_unit, r_unit,
                                             r_weekend, r_year_ago, r_year_end)

__all__ = ["Ctx", "PRE_RULES", "RULES", "Reading", "remember"]

RULES: dict[str, Rule] = {
    "iso": r_iso, "numeric": r_numeric, "era_year": r_era_year, "era_century": r_era_century, "year_range": r_year_range, "mdy": r_mdy, "dmy": r_dmy,
    "half": r_half, "quarter": r_quarter, "q_short": r_q_short, "century": r_century,
    "month_year": r_month_year, "month_rel_year": r_month_rel_year, "month_day": r_month_day,
    "day_month": r_day_month, "day_coord": r_day_coord, "month_named": r_month_named, "holiday": r_holiday,
    "weekday": r_weekday, "rel_day": r_rel_day, "month_weekend": r_month_weekend, "weekend": r_weekend, "rel_unit": r_rel_unit, "ago": r_ago,
    "year_end": r_year_end, "year_ago": r_year_ago, "later": r_later, "anaphor": r_anaphor,
    "day_around": r_day_around, "clock": r_clock, "apos_year": r_apos_year, "day_only": r_day_only,
    "the_unit": r_the_unit, "year": r_year, "spoken_year": r_spoken_year,
}
# Rules that also need the modifier before the expression ('late May', 'the end of the year').
PRE_RULES = {"month": r_month, "unit": r_unit, "season": r_season, "decade": r_decade}
