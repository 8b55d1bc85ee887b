"""EDTF dates as a reader writes them, at their precision, in English, French or German.

'May 2015', 'autumn 2018', 'the 1990s', 'the 21st century', '1992–1997', 'since 2015'; 'mai 2015',
'Herbst 2018'. The value must already be valid (timeline.dates.parse); anything the parser accepts is
displayed, never raised on. Every output that shows a date (page, list, exports, the terminal) uses this.
"""
from __future__ import annotations

from timeline.dates import SEASON_MONTHS, SINGLE_RE as _SINGLE

LOCALES = ("en", "fr", "de")

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
}
_SEASON_NAMES = {
    "fr": ["printemps", "été", "automne", "hiver"],
    "de": ["Frühling", "Sommer", "Herbst", "Winter"],
}
_HEMISPHERES = {"fr": ("{} (hémisphère nord)", "{} (hémisphère sud)"), "de": ("{} (Nordhalbkugel)", "{} (Südhalbkugel)")}
# quarters (33-36), thirds (37-39) and halves (40-41), in code order
_PERIODS = {
    "fr": ["1er trimestre", "2e trimestre", "3e trimestre", "4e trimestre", "1er quadrimestre", "2e quadrimestre",
           "3e quadrimestre", "1er semestre", "2e semestre"],
    "de": ["1. Quartal", "2. Quartal", "3. Quartal", "4. Quartal", "1. Tertial", "2. Tertial", "3. Tertial",
           "1. Halbjahr", "2. Halbjahr"],
}


def _groups(locale: str) -> dict[int, str]:
    """Names of the EDTF sub-year groups 21-41 (seasons, quarters, thirds, halves) in a locale."""
    if locale == "en":
        return {code: spec[3] for code, spec in SEASON_MONTHS.items()}
    names, (north, south) = _SEASON_NAMES[locale], _HEMISPHERES[locale]
    groups = {21 + i: names[i] for i in range(4)}
    groups.update({25 + i: north.format(names[i]) for i in range(4)})
    groups.update({29 + i: south.format(names[i]) for i in range(4)})
    groups.update({33 + i: name for i, name in enumerate(_PERIODS[locale])})
    return groups


_SEASONS = {locale: _groups(locale) for locale in LOCALES}
_DATE_WORDS = {
    "en": {"circa": "c. {}", "until": "until {}", "since": "since {}", "decade": "the {}0s", "unknown": "year unknown",
           "century": "the {} century", "millennium": "the {} millennium", "day": "{d} {m} {y}", "month": "{m} {y}", "season": "{s} {y}"},
    "fr": {"circa": "vers {}", "until": "jusqu’en {}", "since": "depuis {}", "decade": "les années {}0",
           "unknown": "année inconnue", "century": "le {}e siècle", "millennium": "le {}e millénaire", "day": "{d} {m} {y}", "month": "{m} {y}",
           "season": "{s} {y}"},
    "de": {"circa": "um {}", "until": "bis {}", "since": "seit {}", "decade": "die {}0er-Jahre",
           "unknown": "Jahr unbekannt", "century": "das {}. Jahrhundert", "millennium": "das {}. Jahrtausend", "day": "{d}. {m} {y}", "month": "{m} {y}",
           "season": "{s} {y}"},
}



def check_locale(locale: str) -> str:
    """The locale code, or ValueError naming the ones available."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; available: {', '.join(LOCALES)}")
    return locale


def month_names(locale: str) -> list[str]:
    """The twelve month names of a locale, January first."""
    return _MONTHS[check_locale(locale)]


def display(text: str, locale: str = "en") -> str:
    """An EDTF date as a reader writes it in this locale, at its precision ('mai 2015', 'Herbst 2018').

    It expects a date already validated (timeline.dates.parse) and does not parse it again, which keeps
    large pages fast; an unknown locale raises ValueError naming the ones available.
    """
    words = _DATE_WORDS[check_locale(locale)]
    text = str(text).strip()
    if "/" in text:
        start, _, end = text.partition("/")
        if start in ("", ".."):
            return words["until"].format(_single(end, locale))
        if end in ("", ".."):
            return words["since"].format(_single(start, locale))
        return f"{_single(start, locale)}–{_single(end, locale)}"
    return _single(text, locale)


def _single(text: str, locale: str) -> str:
    m = _SINGLE.match(text)
    if not m:
        return text
    quals = (m["pre"] or "") + (m["post"] or "")
    body = _plain(m["year"], m["month"], m["day"], locale)
    if "~" in quals or "%" in quals:
        body = _DATE_WORDS[locale]["circa"].format(body)
    if "?" in quals or "%" in quals:
        body = f"{body} ?" if locale == "fr" else f"{body}?"
    return body


def _plain(year: str, month: str | None, day: str | None, locale: str) -> str:
    words = _DATE_WORDS[locale]
    year_text = _year_text(year, locale)
    if not month or month == "XX":
        return year_text
    m = int(month)
    if m in _SEASONS[locale]:
        return words["season"].format(s=_SEASONS[locale][m], y=year_text)
    if year == "XXXX" and locale == "en" and 1 <= m <= 12:
        return f"{int(day)} {_MONTHS[locale][m - 1]}, {year_text}" if day and day != "XX" else f"{_MONTHS[locale][m - 1]}, {year_text}"
    if not 1 <= m <= 12:
        return f"{month} {year_text}"  # a code this tool does not name; shown as written
    if not day or day == "XX":
        return words["month"].format(m=_MONTHS[locale][m - 1], y=year_text)
    d = "1er" if locale == "fr" and int(day) == 1 else str(int(day))
    return words["day"].format(d=d, m=_MONTHS[locale][m - 1], y=year_text)


def _year_text(year: str, locale: str) -> str:
    words = _DATE_WORDS[locale]
    if "X" not in year:
        return str(int(year))
    known = year.rstrip("X")
    if not known:
        return words["unknown"]
    if len(known) == 3:
        return words["decade"].format(known)
    key = "century" if len(known) == 2 else "millennium"
    n = int(known) + 1
    return words[key].format(_ordinal(n) if locale == "en" else n)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
