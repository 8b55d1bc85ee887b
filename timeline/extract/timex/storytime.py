"""Which date of a sentence is the story's time, and a 'last <month>' that the story shows was last year's.

- A sentence framed by a date ('Last June, ...', 'On Monday, ...', 'In 1921, ...') happens at that date. A second
  date later in the same sentence mostly stands in a noun phrase or a clause hung on one ('the officials arrested
  in September 2015', 'a ward built in 2019', 'the chief, who had been appointed in 2017'): it does not move the
  story's time, so 'four months later', 'the next day' in the next sentence count from the frame. A second date
  that opens a clause of its own ('..., and in 1932 the city bought the port') moves it on.
- 'Last June' written in September is this year's June by default. When the text goes on, in the past tense, to
  something 'N months later' that would then fall after the day of writing, the writer meant last year's June:
  both are read a year earlier.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from timeline.extract.sentences import sentence_bounds
from timeline.extract.timex.context import relative_word
from timeline.extract.timex.model import Timex

# a date opening its sentence, followed by a comma: 'Last June,', 'On Monday,', 'In 1921,'
_FRAME_BEFORE = re.compile(r"(?:^|[.!?]['\"\u2019\u201d]?\s+|\n\s*)(?:(?:In|On|By|During|Early|Late|Since)\s+(?:the\s+)?)?$")
# what opens a clause of its own right before a date: 'and in 1932', 'but on Friday', '; in 2012'
_OWN_CLAUSE = re.compile(r"(?:\b(?:and|but|then|while)|;)\s+(?:(?:in|on|by|during|early|late)\s+(?:the\s+)?)?$",
                         re.IGNORECASE)
_LAST = frozenset({"last", "past", "this past"})


def frame_end(text: str, timex: Timex) -> int | None:
    """The end of the sentence `timex` frames ('Last June, the officials ...'), or None when it frames none."""
    if not text.startswith(",", timex.end) or not _FRAME_BEFORE.search(text, max(0, timex.start - 20), timex.start):
        return None
    return sentence_bounds(text, timex.start, timex.end)[1]


def opens_clause(text: str, timex: Timex) -> bool:
    """True when a date opens a clause of its own ('..., and in 1932 the city bought ...')."""
    return bool(_OWN_CLAUSE.search(text, max(0, timex.start - 24), timex.start))


def last_month_too_late(anchor: Timex, later: Timex, written: date, tense: str) -> bool:
    """True when `later` ('Five months later', counted from `anchor`, a 'last July' read as this year's July)
    tells in the past tense of a month after the day of writing: 'last July' was last year's."""
    if anchor.kind != "month_named" or relative_word(anchor.text) not in _LAST or tense != "past":
        return False
    if not anchor.value.startswith(f"{written.year:04d}-") or len(later.value) < 7 or "/" in later.value:
        return False
    return later.value[:7] > written.isoformat()[:7]


def year_earlier(timex: Timex) -> Timex:
    """The same expression read a year earlier ('2018-07' -> '2017-07', '2018-12-03' -> '2017-12-03')."""
    year = int(timex.value[:4]) - 1
    value = f"{year:04d}{timex.value[4:]}"
    if len(value) == 10 and value[5:] == "02-29":
        value = (date(year, 3, 1) - timedelta(days=1)).isoformat()
    return replace(timex, value=value)
