"""Shifts in texts not written in English: 'la semana pasada', 'nächste Woche', 'il mese scorso' (one unit from the
reference date), and counted ones: 'hace dos años', 'vor drei Tagen', 'два года назад' (so many
units before the reference date), 'tra due settimane', 'dans trois jours', 'через семь дней' (so many units after
it) and 'dos días después', 'drei Tage später', 'спустя год' (so many units after the date the text last named,
or the reference date when it named none yet).

The units and the words for 'ago' (and whether they stand before or after the amount) come from dateparser's
locale tables; the words for 'later' and the number words, which those tables lack, are below.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from timeline.extract.timex.foreign_words import ARTICLES, LAST_WORDS, NEXT_WORDS, THIS_WORDS, shift_of

UNIT_KEYS = ("day", "week", "month", "year")
# Number words one to twelve (an amount of units is seldom written out beyond that).
NUMBER_WORDS = {
    "es": "un|una|uno dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "it": "un|uno|una due tre quattro cinque sei sette otto nove dieci undici dodici",
    "pt": "um|uma dois|duas três quatro cinco seis sete oito nove dez onze doze",
    "nl": "een|één twee drie vier vijf zes zeven acht negen tien elf twaalf",
    "fr": "un|une deux trois quatre cinq six sept huit neuf dix onze douze",
    "de": "ein|eine|einem|einen|einer zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "ru": "один|одна|одну|одного|одной два|две|двух три|трёх|трех четыре|четырёх|четырех пять|пяти шесть|шести "
          "семь|семи восемь|восьми девять|девяти десять|десяти",
}
# 'later' after the amount ('dos días después'), or before it (Russian 'спустя год'): from the last date named.
LATER_AFTER = {"es": ("después", "más tarde"), "it": ("dopo", "più tardi"), "pt": ("depois", "mais tarde"),
               "nl": ("later",), "fr": ("plus tard", "après"), "de": ("später", "danach"), "ru": ("спустя",)}
LATER_BEFORE = {"ru": ("спустя",)}
# 'in' before the amount ('tra due settimane', 'in zwei Wochen'): from the reference date.
IN_BEFORE = {"it": ("tra", "fra"), "es": ("dentro de",), "pt": ("daqui a", "dentro de"), "fr": ("dans",), "de": ("in",),
             "nl": ("over",), "ru": ("через",)}


# A day, month or year told by its place after (+1), before (-1) or at (0) the date the text last named.
ANAPHORA = {
    ("day", 1): r"(?:al|el)\s+día\s+siguiente|le\s+lendemain|(?:am|an\s+dem)\s+(?:nächsten|folgenden)\s+Tag|am\s+Tag\s+danach|"
                r"il\s+giorno\s+(?:dopo|seguente|successivo)|на\s+следующий\s+день|(?:no|o)\s+dia\s+seguinte|"
                r"de\s+(?:volgende\s+dag|dag\s+erna)",
    ("day", 0): r"(?:ese|el|aquel)\s+(?:mismo\s+)?día|le\s+même\s+jour|ce\s+jour-là|am\s+(?:selben|gleichen)\s+Tag|"
                r"an\s+(?:diesem|jenem)\s+Tag|(?:lo\s+stesso|quel)\s+giorno|в\s+тот\s+же\s+день|(?:no\s+mesmo|naquele)\s+dia|"
                r"(?:dezelfde|die)\s+dag",
    ("day", -1): r"la\s+víspera|la\s+veille|am\s+Vortag|il\s+giorno\s+prima|накануне|na\s+véspera|de\s+dag\s+ervoor",
    ("month", 0): r"(?:ese|el|aquel)\s+mismo\s+mes|le\s+même\s+mois|im\s+(?:selben|gleichen)\s+Monat|(?:lo\s+stesso|quel)\s+mese|"
                  r"в\s+том\s+же\s+месяце|no\s+mesmo\s+mês|dezelfde\s+maand",
    ("month", 1): r"(?:al|el)\s+mes\s+siguiente|le\s+mois\s+suivant|im\s+(?:folgenden|nächsten)\s+Monat|il\s+mese\s+(?:dopo|successivo)|"
                  r"в\s+следующем\s+месяце|no\s+mês\s+seguinte|de\s+maand\s+(?:daarop|erna)",
    ("year", 0): r"(?:ese|el|aquel)\s+(?:mismo\s+)?año|cette\s+année-là|la\s+même\s+année|(?:im\s+(?:selben|gleichen)|in\s+jenem)\s+Jahr|"
                 r"quell['’]anno|lo\s+stesso\s+anno|в\s+(?:том\s+же|тот)\s+год(?:у)?|(?:no\s+mesmo|naquele)\s+ano|"
                 r"(?:hetzelfde|dat)\s+jaar",
    ("year", 1): r"(?:al|el)\s+año\s+siguiente|l['’]année\s+suivante|im\s+(?:folgenden|nächsten)\s+Jahr|im\s+Jahr\s+darauf|"
                 r"l['’]anno\s+(?:dopo|successivo|seguente)|(?:на|в)\s+следующ(?:ий|ем)\s+год(?:у)?|(?:no|o)\s+ano\s+seguinte|"
                 r"het\s+(?:jaar\s+daarop|volgende\s+jaar)",
    ("year", -1): r"(?:el|al)\s+año\s+anterior|l['’]année\s+précédente|im\s+Vorjahr|l['’]anno\s+prima|годом\s+ранее|"
                  r"(?:no|o)\s+ano\s+anterior|het\s+jaar\s+ervoor",
}
_ANAPHORA_RE = re.compile("(?i)(?<!\\w)(?:" + "|".join(f"(?P<a{unit}{'m' if n < 0 else ''}{abs(n)}>{rx})"
                                                      for (unit, n), rx in ANAPHORA.items()) + ")(?!\\w)")


class Shift(NamedTuple):
    """A counted shift found in a text: where it stands, how many units, which unit, its direction (-1 ago,
    +1 in or later), and whether it counts from the last date named ('later') rather than the reference date."""

    start: int
    end: int
    text: str
    amount: int
    unit: str
    sign: int
    after_last: bool


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=16)
def _matcher(lang: str) -> tuple[re.Pattern[str], dict[str, int], dict[str, str]]:
    """(pattern, number word -> value, unit form -> unit) for lang."""
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(lang).info
    numbers = {form: n for n, forms in enumerate(NUMBER_WORDS.get(lang, "").split(), 1) for form in forms.split("|")}
    units = {form.lower(): key for key in UNIT_KEYS for form in info.get(key, []) if len(form) >= 2}
    before, after = _ago_positions(info)
    amount = r"(?P<n>\d{1,3}|" + _alternatives(list(numbers)) + r")\s+(?P<u>" + _alternatives(list(units)) + r")"
    def numbered(k: str) -> str:
        return amount.replace("<n>", "<n" + k + ">").replace("<u>", "<u" + k + ">")
    unit_words = _alternatives([w for w in units if len(w) >= 3 and units[w] in ("week", "month", "year")])
    adj = f"(?:{NEXT_WORDS}|{LAST_WORDS}|{THIS_WORDS})"
    rx = re.compile(
        rf"(?i)(?<!\w)(?:(?:{ARTICLES}\s+)?(?:(?P<adj1>{adj})\s+(?P<u6>{unit_words})|(?P<u7>{unit_words})\s+(?P<adj2>{adj}))(?!\w)"
        rf"|(?:{_alternatives(before)})\s+{amount}"
        rf"|{numbered('2')}\s+(?:{_alternatives(after)})"
        rf"|(?:{_alternatives(list(IN_BEFORE.get(lang, ())))})\s+{numbered('3')}"
        rf"|(?:{_alternatives(list(LATER_BEFORE.get(lang, ())))})\s+{numbered('4')}"
        rf"|{numbered('5')}\s+(?:{_alternatives(list(LATER_AFTER.get(lang, ())))}))(?!\w)")
    return rx, numbers, units


def _ago_positions(info: dict) -> tuple[list[str], list[str]]:  # type: ignore[type-arg]
    """dateparser's words for 'ago' that stand before the amount ('hace', 'vor': its own patterns for 'N days ago'
    put them there) and the others, which stand after it ('fa', 'назад', 'atrás')."""
    patterns = [p for ps in info.get("relative-type-regex", {}).values() for p in ps]
    before = [w for w in info.get("ago", []) if any(p.startswith(w + " ") for p in patterns)]
    after = [w for w in info.get("ago", []) if w not in before]  # after the amount unless a pattern puts it before
    return before, after


def shifts_in(text: str, lang: str, start: int = 0, end: int | None = None) -> Iterator[Shift]:
    """The shifts of text[start:end] in language lang: counted, deictic ('la semana pasada') and anaphoric
    ('al día siguiente', from the date last named)."""
    for m in _ANAPHORA_RE.finditer(text, start, len(text) if end is None else end):
        name = next(k for k, v in m.groupdict().items() if v)  # 'aday1', 'adaym1', 'ayear0': unit and shift
        n = -1 if name.endswith("m1") else int(name[-1])
        yield Shift(m.start(), m.end(), m.group(), abs(n), name[1:].rstrip("m01"), -1 if n < 0 else 1, True)
    rx, numbers, units = _matcher(lang)
    for m in rx.finditer(text, start, len(text) if end is None else end):
        if m.group("adj1") or m.group("adj2"):  # 'la semana pasada', 'nächste Woche', 'questo mese'
            unit = units[(m.group("u6") or m.group("u7")).lower()]
            shift = shift_of(m.group("adj1") or m.group("adj2"))
            yield Shift(m.start(), m.end(), m.group(), abs(shift), unit, -1 if shift < 0 else 1, False)
            continue
        k = next(i for i in ("", "2", "3", "4", "5") if m.group("n" + i))
        word, unit = m.group("n" + k).lower(), units[m.group("u" + k).lower()]
        amount = int(word) if word.isdigit() else numbers[word]
        yield Shift(m.start(), m.end(), m.group(), amount, unit, -1 if k in ("", "2") else 1, k in ("4", "5"))
