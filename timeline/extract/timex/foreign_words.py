"""Words for dates in other languages that dateparser's locale tables lack: the seasons (EDTF 21-24), the year a
month is placed in by the words after it ('marzo del año siguiente', 'im Juni desselben Jahres'), next/last/this,
parts of the day, and decades, centuries, numeric dates and ranges of days (`periods_in`)."""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

# EDTF season codes: 21 spring, 22 summer, 23 autumn, 24 winter.
SEASONS = {
    "es": {"primavera": 21, "verano": 22, "otoño": 23, "invierno": 24},
    "it": {"primavera": 21, "estate": 22, "autunno": 23, "inverno": 24},
    "pt": {"primavera": 21, "verão": 22, "outono": 23, "inverno": 24},
    "fr": {"printemps": 21, "été": 22, "automne": 23, "hiver": 24},
    "de": {"frühling": 21, "frühjahr": 21, "sommer": 22, "herbst": 23, "winter": 24},
    "nl": {"lente": 21, "voorjaar": 21, "zomer": 22, "herfst": 23, "najaar": 23, "winter": 24},
    "ru": {"весна": 21, "весну": 21, "весной": 21, "весны": 21, "лето": 22, "летом": 22, "осень": 23, "осенью": 23,
           "осени": 23, "зима": 24, "зиму": 24, "зимой": 24, "зимы": 24},
}
SEASON_MONTH = {21: 4, 22: 7, 23: 10, 24: 1}  # a month inside each, to choose the year of a season without one
SELF_GOVERNED = frozenset({"весной", "летом", "осенью", "зимой"})  # Russian 'in spring' needs no preposition
# What stands before a season that names a time ('à l'automne', 'im Herbst', 'nell'estate', 'этой весной'); not the
# French 'a été' (has been), so a season word alone is no date.
SEASON_CUE_RE = re.compile(r"(?i)(?:\b(?:en|au|im|in|el|nel|na|no|em|o|der|den|de|het|cet|cette|ce|este|esta|questo|"
                           r"dieses|diesen|deze|dit|в|во|этой|этим|прошлой|прошлым|следующей)|\bl['’]|\bnell['’]|\bquest['’])\s*$")

# 'of the following / same / previous year' after a month or season, in each language's word order.
_NEXT = r"siguiente|suivante|successivo|seguente|seguinte|folgenden|daarop|volgende|следующего"
_SAME = r"mismo|même|stesso|mesmo|selben|desselben|jenes|zelfde|datzelfde|того\s+же"
_PREV = r"anterior|précédente|precedente|vorigen|vorherigen|vorangegangenen|voorgaande|предыдущего"
# ... and 'of last / this / next year' counted from the reference date, not the year in focus
_LAST_YEAR = r"pasado|scorso|passato|dernière|passado|letzten|vergangenen|vorig|прошлого|минулого|ubiegłego|zeszłego"
_THIS_YEAR = r"este|questo|cette|dieses|этого|цього|deze|tego"
_NEXT_YEAR = r"próximo|prossimo|prochaine|nächsten|kommenden|будущего|наступного|przyszłego"
_DEICTIC = f"{_LAST_YEAR}|{_THIS_YEAR}|{_NEXT_YEAR}"
_YEAR_WORD = r"año|année|anno|ano|jahres|jaar|года"
YEAR_AFTER_RE = re.compile(
    rf"(?i),?\s+(?:del|de\s+la|de\s+l['’]|de|dello|della|dell['’]|do|da|des|van\s+het|van|het)?\s*"
    rf"(?:(?P<a>{_NEXT}|{_SAME}|{_PREV}|{_DEICTIC})\s+)?(?:{_YEAR_WORD})(?:\s+(?P<b>{_NEXT}|{_SAME}|{_PREV}|{_DEICTIC}))?(?!\w)")


def year_shift(text: str, end: int) -> tuple[int, int, bool] | None:
    """(years from the year in focus, end of the words, whether they count from the reference date instead:
    'dell'anno scorso') when the words at `end` place a month in the following (+1), the same (0) or the
    previous (-1) year; None when they do not."""
    m = YEAR_AFTER_RE.match(text, end)
    word = m and (m.group("a") or m.group("b"))
    if not word:
        return None
    word = word.lower()
    shift = 1 if re.fullmatch(f"{_NEXT}|{_NEXT_YEAR}", word) else -1 if re.fullmatch(f"{_PREV}|{_LAST_YEAR}", word) else 0
    return shift, m.end(), re.fullmatch(_DEICTIC, word) is not None  # type: ignore[union-attr]

# 'next' and 'last' beside a weekday or a month ('el próximo martes', 'janvier dernier'): part of the expression,
# and the direction it is read in.
NEXT_WORDS = (r"próximo|próxima|prossimo|prossima|prochain|prochaine|nächsten|nächste|kommenden|kommende|volgende|komende|"
              r"следующий|следующая|следующей|следующем|следующую|ближайший|ближайшую")
LAST_WORDS = (r"pasado|pasada|passado|passada|scorso|scorsa|passato|passata|dernier|dernière|letzten|letzte|vergangenen|"
              r"vergangene|vorige|vorig|afgelopen|прошлый|прошлой|прошлом|прошлую|прошедший")
# A part of the day after a day ('ieri sera', 'lundi soir', 'el martes por la noche', 'вчера вечером').
DAY_PARTS = (r"(?:(?:por\s+la|pela|à\s+la|in\s+de|am|di|de\s+la)\s+)?(?:sera|mattina|mattino|notte|pomeriggio|soir|soirée|"
             r"matin|nuit|après-midi|abend|vormittag|nachmittag|nacht|avond|ochtend|middag|noche|tarde|noite|manhã|"
             r"вечером|утром|ночью|днём|днем)")


def direction(word: str | None) -> str:
    """'future' for a 'next' word, 'past' for a 'last' word, '' for none or a 'this' word."""
    if not word:
        return ""
    if re.fullmatch(NEXT_WORDS, word, re.IGNORECASE):
        return "future"
    return "past" if re.fullmatch(LAST_WORDS, word, re.IGNORECASE) else ""

THIS_WORDS = (r"este|esta|cette|cet|ce|diese|dieser|diesen|dieses|questa|questo|quest['’]|deze|dit|esta|este|эта|этот|"
              r"эту|этой|этом|цей|ця|цю|цього|цьому|ten|ta|ten|tym|tego|bu")
ARTICLES = r"(?:la|el|il|le|lo|l['’]|der|die|das|den|dem|de|het|o|a|os|as|del|della|dello|du|des)"


def shift_of(word: str) -> int:
    """+1 for a 'next' word, -1 for a 'last' word, 0 for a 'this' word."""
    return {"future": 1, "past": -1}.get(direction(word), 0)


# Decades, centuries, numeric dates and the first day of a range of days, as the other languages write them.
_DECADE_RE = re.compile(
    r"(?i)(?<!\w)(?:años|anos|anni|années|jaren|lata|latach)\s+['’]?(?P<a>\d\d(?:\d\d)?)(?![\d.]\d)"
    r"|(?<![\w.])(?P<b>\d\d(?:\d\d)?)(?:er(?:\s+jahre\w*)?|-(?:е|х|ые|ых|і|их)(?:\s+(?:годы|годов|годах|роки|років|роках))?)(?!\w)")
_CENTURY_RE = re.compile(
    r"(?<!\w)(?i:siglo|século|secolo|wieku|wiek|век|веке|века|столітті|століття|století)\s+(?P<a>[IVXL]+)(?!\w)"
    r"|(?<!\w)(?P<b>[IVXL]+)(?:e|ème|-?(?:й|го|м))?\s+(?i:siècle|secolo|век|веке|века|wieku|wiek|столітті|століття|století)(?!\w)"
    r"|(?<![\w.])(?P<c>\d{1,2})\.\s*(?i:jahrhundert\w*|století)(?!\w)|(?<![\w.])(?P<d>\d{1,2})(?:e|de|ste)\s+(?i:eeuw)(?!\w)")
_NUMERIC_RE = re.compile(
    r"(?<![\d.])(?:(?P<d>3[01]|[12]\d|0?[1-9])[./](?P<m>1[0-2]|0?[1-9])[./](?P<y>1\d{3}|20\d\d)"
    r"|(?P<iy>1\d{3}|20\d\d)[-/.](?P<im>1[0-2]|0[1-9])[-/.](?P<id>3[01]|[12]\d|0[1-9]))(?![\d.]\d)")
_RANGE_FIRST_RE = re.compile(
    r"(?i)(?<![\w.])(?P<day>3[01]|[12]\d|0?[1-9])\.?\s*(?:al|a|bis|au|по|до|и|e|y|et|und|tot|t/m|–|-)\s*"
    r"(?=(?:3[01]|[12]\d|0?[1-9])\.?\s+(?:de\s+)?[^\W\d_])")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


class Period(NamedTuple):
    """A decade, a century or a numeric date found in a text (`value`), or the first day of a range of days
    whose month and year the range's end gives (`day`: 'del 3 al 5 de mayo', 'vom 3. bis 5. Mai')."""

    start: int
    end: int
    value: str | None
    day: int | None = None


def periods_in(text: str, start: int, stop: int) -> list[Period]:
    """The periods of text[start:stop] (see Period)."""
    found = [Period(m.start(), m.end(), _decade(m.group("a") or m.group("b"))) for m in _DECADE_RE.finditer(text, start, stop)]
    found += [Period(m.start(), m.end(), f"{_century(m) - 1:02d}XX") for m in _CENTURY_RE.finditer(text, start, stop)
              if 0 < _century(m) <= 21]
    found += [p for p in (_numeric(m) for m in _NUMERIC_RE.finditer(text, start, stop)) if p]
    found += [Period(m.start("day"), m.end("day"), None, int(m.group("day"))) for m in _RANGE_FIRST_RE.finditer(text, start, stop)]
    return [p for p in found if p.value != ""]


def _decade(digits: str) -> str:
    if len(digits) == 2:
        return f"19{digits[0]}X" if digits[1] == "0" else ""  # 'los años 60'; '25' is no decade
    return f"{digits[:3]}X" if digits[3] == "0" else ""


def _century(m: re.Match[str]) -> int:
    word = m.group("a") or m.group("b")
    if word:
        values = [_ROMAN[c] for c in word]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return int(m.group("c") or m.group("d"))


def _numeric(m: re.Match[str]) -> Period | None:
    y, mo, d = (m.group("y"), m.group("m"), m.group("d")) if m.group("y") else (m.group("iy"), m.group("im"), m.group("id"))
    try:
        return Period(m.start(), m.end(), date(int(y), int(mo), int(d)).isoformat())
    except ValueError:
        return None
