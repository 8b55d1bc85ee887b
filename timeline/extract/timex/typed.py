"""`read_date(text)`: a date a person typed ('June 5, 2015', '5 juin 2015', 'May 2015', '2015-06-05',
'мая 2015'; a --published option, a CSV cell, an HTML meta value) as EDTF at the precision written, or None.

dateparser reads the words in any language it knows; its `period` keeps the precision, so 'May 2015' is
2015-05, never a padded day. Plain EDTF ('2015', '2015-06', '2015-06-05') is taken as it is.
"""
from __future__ import annotations

import re

PLAIN_RE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def read_date(text: str, languages: list[str] | None = None, date_order: str | None = None) -> str | None:
    """EDTF for a typed date at its precision ('June 5, 2015' -> '2015-06-05', 'June 2015' -> '2015-06'),
    or None when it is not one date. date_order ('DMY'/'MDY') settles '05/06/2015'."""
    s = " ".join(text.split())
    if PLAIN_RE.fullmatch(s):
        return s
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PARSERS": ["custom-formats", "absolute-time"]}  # 'next week' is no date a person gives
    if date_order:
        settings.update({"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": date_order})
    data = DateDataParser(languages=languages, settings=settings).get_date_data(s)
    when = data.date_obj
    if when is None:
        return None
    if data.period == "year":
        return f"{when.year:04d}"
    if data.period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    return when.date().isoformat()
