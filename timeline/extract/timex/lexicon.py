"""Words of the date engine: month, weekday, season, number and ordinal tables, and regex fragments."""
from __future__ import annotations

from functools import lru_cache

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
                       "oct": 10, "nov": 11, "dec": 12}  # 'sept' before 'sep': regex alternatives try the longer first
# The one month table: every other month list of the engine (regex fragments, start words) derives from it.
MONTHS = {**{name: n for n, name in enumerate(MONTH_NAMES, 1)}, **MONTH_ABBREVIATIONS}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
SEASONS = {"spring": 21, "summer": 22, "fall": 23, "autumn": 23, "winter": 24}
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
         "century": "century", "centuries": "century"}

SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4,
}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}

# ---- regex fragments (case-sensitive parts wrapped in (?-i:...)) -------------------------------

_FULL = "|".join(name.capitalize() for name in MONTH_NAMES)
_ABBR = "|".join(abbr.capitalize() for abbr in MONTH_ABBREVIATIONS)
MONTH_FULL = rf"(?-i:{_FULL})"
MONTH_ABBR = rf"(?-i:{_ABBR})\."
MONTH_ABBR_NODOT = rf"(?-i:{_ABBR})"
MONTH_CAPS = rf"(?-i:{_FULL.upper()}|(?:{_ABBR.upper()})\.)"
# With a day or a year: also as capitals in headlines and date lines ('MARCH 12, 2015').
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|{MONTH_ABBR_NODOT}(?=\s+\d)|{MONTH_CAPS}(?=\s+\d))"
# Any month word in any case, with its full stop (for finding the month inside a matched expression).
MONTH_TOKEN = r"(?:" + "|".join([*MONTH_NAMES, *MONTH_ABBREVIATIONS]) + r")\.?"
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d)"
YEAR_APOS = r"['\u2019]\d\d(?![\d])"
_UNIT_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
               "seventeen|eighteen|nineteen|twenty|thirty|"
               "forty|fifty")
NUMBER = rf"(?:\d{{1,3}}|{_UNIT_WORDS}|a|an|a\s+couple\s+of|a\s+half-?)"
ORDINAL_Q = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final)"
PART = r"(?:morning|afternoon|evening|night)"
SPOKEN_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
SPOKEN_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_YEAR = (rf"(?:nineteen|eighteen)\s+(?:{SPOKEN_TENS}(?:[-\s]{SPOKEN_UNITS})?|ten|eleven|twelve|"
               r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
               r"|(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+" + SPOKEN_UNITS + r")?")


def number_value(word: str) -> int | None:
    """1..99 from digits or English words ('two', 'twenty-one', 'a couple of'); None otherwise."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w.isdigit():
        return int(w)
    if w.startswith("a couple"):
        return 2
    if w in SMALL:
        return SMALL[w]
    parts = w.split()
    if parts and parts[0] in TENS:
        return TENS[parts[0]] + (SMALL.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def spoken_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000; None when not a year."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["the", "year"]:
        words = words[2:]
    if words[:2] == ["two", "thousand"]:
        return 2000 + (SMALL.get(words[-1], 0) if len(words) > 2 else 0)
    century = {"nineteen": 1900, "eighteen": 1800}.get(words[0])
    if century is None or len(words) < 2:
        return None
    if words[1] == "hundred":
        return century
    rest = number_value(" ".join(words[1:]))
    return None if rest is None or rest >= 100 else century + rest


# dateparser's locale keys of the twelve months
MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")

ORDINAL_DATE_LANGUAGES = ("de", "da", "nb", "sv", "fi", "cs", "sk", "pl", "hu", "sl", "hr", "sr", "et", "lv", "lt")


@lru_cache(maxsize=1)
def capitalised_month_forms() -> frozenset[str]:
    """Month names, lower-cased, of the languages that write a day as an ordinal with a period ('8. September
    2023', '19. dubna'): after '8.' such a word goes on with the date rather than opening a sentence."""
    from dateparser.languages.loader import default_loader

    forms: set[str] = set()
    for lang in ORDINAL_DATE_LANGUAGES:
        info = default_loader.get_locale(lang).info
        forms.update(form.lower().rstrip(".") for key in MONTH_KEYS for form in info.get(key, []))
    return frozenset(forms)
