"""Date lines: a line that is only a date ('Published: March 3, 2019 10:15 GMT', a byline with a date) and
a news dateline opening a paragraph ('LONDON, Feb. 27, 2019 (Reuters) - ...').

What states an article's date in its text (timeline.extract.published reads them) and where articles of
an archive page begin (timeline.read.split); the extraction filters use `dateline_end` to cut a dateline
glued to a sentence.
"""
from __future__ import annotations

import re

from timeline.extract.timex.lexicon import MONTHS
from timeline.read.metadata_date import plain_iso

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_PREFIX = r"(?:(?:Published|Posted|Updated|Last updated|First published|Date|Dated)(?:\s+on)?\s*:?\s*)?(?:By\s+[^,|\n]{2,60}[,|]\s*)?"
_TIME = r"(?:\s*(?:,|at|[-–—|•/])?\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?"
DATE_LINE = re.compile(
    rf"^\s*{_PREFIX}{_WEEKDAY}(?:"
    rf"{_MON}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON.replace('mon', 'mon2')}\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?"
    rf"){_TIME}(?:\s*[|·•–—-]?\s*by\s+[^\n]{{2,60}}?)?\s*$",  # 'Posted on March 14, 2019 by Jane Doe'
    re.I,
)
MAX_DATE_LINE = 100


def date_line_value(line: str) -> str | None:
    """The EDTF day of a line that is only a date (with optional weekday, time, 'Published:', byline)."""
    m = DATE_LINE.match(line)
    if not m or len(line) > MAX_DATE_LINE:
        return None
    if m["y3"]:
        year, month, day = int(m["y3"]), int(m["m3"]), int(m["d3"])
    else:
        month = MONTHS[(m["mon"] or m["mon2"]).lower().rstrip(".")]
        year, day = int(m["y1"] or m["y2"]), int(m["d1"] or m["d2"])
    value = f"{year:04d}-{month:02d}-{day:02d}"
    return value if plain_iso(value) else None


# A news dateline: PLACE[, Region][ (Agency)], DATE[, YEAR][ (Agency)] [—]. The place is in capitals; a comma or
# dash after it, or a dash after the date, sets it apart ('HELL NO April 22, 2011 at 9:51 am' is a comment's byline).
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'-]+(?:[ -][A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+){0,2}\s*(?:\([^()\n]{1,25}\)\s*)?(?P<sep>[,—–-]+\s*|\s+)"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+(?P<year>\d{4}))?\b"
    r"(?:\s*\([^()\n]{1,25}\))?(?:\s*(?P<dash>[—–-]{1,2})\s*)?"
)


# The same with the date first, as ISO: '2019-03-14 DUSHANBE - ...', '2019-03-14, LONDON (Reuters) — ...'.
ISO_DATELINE = re.compile(
    r"^\s*(?P<iso>(?:19|20)\d\d-\d\d-\d\d),?\s+[A-Z][A-Z.'-]+(?:[ -][A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+){0,2}"
    r"\s*(?:\([^()\n]{1,25}\)\s*)?[—–-]{1,2}\s*"
)


# The same in the other languages the date engine reads: 'Paris, le 12 mars 2023 — ...', 'Berlin,
# 8. September 2023 – ...', 'Madrid, 5 de mayo de 2023 (EFE).- ...', 'Москва, 12 марта 2023 — ...': a place
# name, a comma, a date of a day that dateparser's tables read, a dash.
FOREIGN_DATELINE = re.compile(
    r"^\s*(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])[^\W\d_][\w'.-]*(?:[ -][^\W\d_][\w'.-]*){0,2},\s*(?P<date>[^\n—–()]{5,40}?)\s*"
    r"(?:\([^()\n]{1,25}\)\s*)?\.?(?P<dash>[—–]|--?)\s+"
)
DATELINE_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl", "ru")
LEADING_WORD = 4  # characters before the date a dateline may hold ('le ', 'den ')


def dateline_value(line: str) -> str | None:
    """The EDTF day of a news dateline opening a paragraph: 'LONDON, Feb. 27, 2019 (Reuters) - ...',
    '2019-03-14 DUSHANBE - ...', or one in another language ('Paris, le 12 mars 2023 — ...')."""
    iso = ISO_DATELINE.match(line)
    if iso:
        return iso["iso"] if plain_iso(iso["iso"]) else None
    m = DATELINE.match(line)
    if m:
        return date_line_value(f"{m['date']} {m['year']}") if m["year"] and (m["sep"].strip() or m["dash"]) else None
    foreign = _foreign_dateline(line)
    return foreign[1] if foreign else None


def dateline_end(sentence: str) -> int:
    """Where a dateline glued to the start of a sentence ('WASHINGTON, March 3 (AP) — ...') ends; 0 if none."""
    iso = ISO_DATELINE.match(sentence)
    if iso:
        return iso.end()
    m = DATELINE.match(sentence)
    if m:
        return m.end() if m["dash"] else 0
    foreign = _foreign_dateline(sentence)
    return foreign[0] if foreign else 0


def _foreign_dateline(line: str) -> tuple[int, str] | None:
    """(end, EDTF day) of a dateline in another language, or None."""
    m = FOREIGN_DATELINE.match(line)
    if not m or not any(c.isdigit() for c in m["date"]):
        return None  # a dateline names its day
    text = m["date"]
    english = date_line_value(text)  # 'London, 5 March 2019 — ...': no need for other languages' tables
    if english:
        return m.end(), english
    from timeline.extract.timex.foreign import tag_foreign

    for lang in DATELINE_LANGUAGES:
        found = tag_foreign(text, lang)
        if len(found) == 1 and found[0].start <= LEADING_WORD and found[0].end == len(text) and plain_iso(found[0].value):
            return m.end(), found[0].value
    return None


def lines(text: str, start: int, stop: int) -> list[tuple[int, str]]:
    """(offset, line) for every non-blank line of text[start:stop]."""
    out, pos = [], start
    for line in text[start:stop].split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out
