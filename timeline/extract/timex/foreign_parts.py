"""Parts of time in other languages that dateparser's tables lack: the weekend ('el pasado fin de semana', 'am
Wochenende'), the halves of a year ('premier semestre', 'im zweiten Halbjahr 2018': EDTF 40 and 41, as the English
'first half of 1990'), and the end of the year or month ('bis Ende des Jahres', 'entro la fine del mese').

`parts_in` finds them; `part_value` reads one against the reference date and the tense of its sentence, as
timeline.extract.timex.relative reads 'the weekend' and 'the end of the year' in English."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

import timeline.extract.timex.resolve as rs
from timeline.extract.timex.foreign_words import LAST_WORDS, NEXT_WORDS, direction

# A weekend needs a word before it that makes it a time ('el', 'am', 'nel', 'afgelopen'): 'Wochenende' alone is
# no date ('Das Wochenende ist kurz' starts a sentence, and has its article).
WEEKEND = {
    "es": r"fin(?:es)?\s+de\s+semana", "pt": r"fi[mn]\s+de\s+semana", "it": r"fine\s+settimana|week-?end",
    "fr": r"week-?end|fin\s+de\s+semaine", "de": r"Wochenende", "nl": r"weekend",
}
_BEFORE = (r"el|este|los|durante\s+el|no|neste|o|nel|il|lo|questo|durante\s+il|le|ce|du|au|pendant\s+le|am|"
           r"übers|diesem|dieses|in\s+het|het|dit|deze|último|última|ultimo|ultima|" + LAST_WORDS + "|" + NEXT_WORDS)
# ... and no copula after it: 'El fin de semana es corto' speaks of weekends, not of one
_COPULA = re.compile(r"(?i)\s+(?:es|era|est|était|è|era|é|ist|war|is|was|são|son|sont|sind|zijn)(?!\w)")
_LAST_AFTER = r"pasado|passado|scorso|passato|dernier|précédent"
_NEXT_AFTER = r"próximo|prossimo|prochain|que\s+vem|seguinte|siguiente"
HALF = {
    "es": r"(?P<n>primer|segundo)\s+semestre", "pt": r"(?P<n>primeiro|segundo)\s+semestre",
    "it": r"(?P<n>primo|secondo)\s+semestre", "fr": r"(?P<n>premier|second|deuxième)\s+semestre",
    "de": r"(?P<n>erste[nmrs]?|zweite[nmrs]?)\s+(?:Halbjahr|Jahreshälfte)(?:es|s)?",
    "nl": r"(?P<n>eerste|tweede)\s+(?:helft|halfjaar)(?=\s+van\b)",
}
_FIRST = re.compile(r"(?i)primer|primeiro|primo|premier|erste|eerste")
_OF_YEAR = r"(?:\s+(?:de|del|do|da|des|van|von|dell['’]anno|des\s+jahres|van\s+het\s+jaar)?\s*(?P<y>1\d{3}|20\d\d)(?!\d))?"
END = {
    "es": r"fin(?:al)?(?:es)?\s+del?\s+(?:este\s+)?(?P<u>año|mes)", "pt": r"(?:fi[mn]|final)\s+d[oe]\s+(?:este\s+)?(?P<u>ano|mês)",
    "it": r"fine\s+(?:dell['’]|del\s+|di\s+quest['’]|di\s+questo\s+)(?P<u>anno|mese)",
    "fr": r"fin\s+(?:de\s+l['’]|du\s+|de\s+cette\s+|de\s+ce\s+)(?P<u>année|mois)",
    "de": r"Ende\s+(?:des|dieses|(?P<d>vergangenen|letzten|nächsten|kommenden))\s+(?P<u>Jahres|Monats)|(?P<c>Jahres|Monats)ende",
    "nl": r"eind(?:e)?\s+(?:van\s+)?(?:het|de|dit|deze)\s+(?P<u>jaar|maand)",
}
YEAR_UNITS = frozenset({"año", "ano", "anno", "année", "jahres", "jaar"})


class Part(NamedTuple):
    """A weekend, a half of a year or the end of a year or month found in a text."""

    start: int
    end: int
    kind: str  # 'weekend', 'half', 'end'
    shift: str  # 'past' / 'future' when a word says which one ('el pasado fin de semana'), else ''
    first: bool = False  # a half: the first
    year: int | None = None  # a half: the year it names
    of_year: bool = True  # an end: of the year (False: of the month)


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    out = []
    if lang in WEEKEND:
        out.append(re.compile(rf"(?i)(?<!\w)(?P<b>{_BEFORE})\s+(?:(?P<w>{NEXT_WORDS}|{LAST_WORDS}|último|última)\s+)?"
                              rf"(?P<wk>{WEEKEND[lang]})(?!\w)(?:\s+(?P<a>{_LAST_AFTER}|{_NEXT_AFTER})(?!\w))?"))
    if lang in HALF:
        out.append(re.compile(rf"(?i)(?<!\w)(?:{HALF[lang]}){_OF_YEAR}"))
    if lang in END:
        out.append(re.compile(rf"(?i)(?<!\w)(?:{END[lang]})(?:\s+(?P<a>{_LAST_AFTER}|{_NEXT_AFTER}))?(?!\w)"))
    return tuple(out)


def parts_in(text: str, lang: str, start: int, stop: int) -> list[Part]:
    """The weekends, halves and ends of text[start:stop] in language lang."""
    found = []
    for pattern in _patterns(lang):
        for m in pattern.finditer(text, start, stop):
            groups = m.groupdict()
            if "n" in groups:
                found.append(Part(m.start(), m.end(), "half", "", bool(_FIRST.match(m.group("n"))),
                                  int(m.group("y")) if m.group("y") else None))
                continue
            word = groups.get("a") or groups.get("w") or groups.get("d") or ""
            shift = ("past" if re.fullmatch(_LAST_AFTER + r"|último|última|ultimo|ultima", word, re.IGNORECASE)
                     else "future" if re.fullmatch(_NEXT_AFTER, word, re.IGNORECASE) else direction(word))
            if "wk" in groups:
                if _COPULA.match(text, m.end()):
                    continue
                said = direction(m.group("b"))  # 'afgelopen weekend', 'vergangenes Wochenende'
                at = m.start("w") if m.group("w") else m.start("b") if said else m.start("wk")
                found.append(Part(at, m.end(), "weekend", shift or said))
            else:
                unit = (groups.get("u") or groups.get("c") or "").lower()
                found.append(Part(m.start(), m.end(), "end", shift, of_year=unit in YEAR_UNITS))
    return found


def part_value(part: Part, ref: date | None, precision: str, tense: str) -> str | None:
    """The EDTF value of a part read at `ref` (the reference date, of `precision`) in a sentence of `tense`."""
    if part.kind == "half":
        year = part.year or (ref.year if ref and precision in ("day", "month", "year") else None)
        return f"{year:04d}-{40 if part.first else 41}" if year else None
    if ref is None:
        return None
    if part.kind == "weekend":
        if precision != "day":
            return None
        return rs.weekend_near(ref, part.shift or ("future" if tense == "future" and ref.weekday() < 5 else ""))
    step = {"past": -1, "future": 1}.get(part.shift, 0)
    if part.of_year:
        return f"{ref.year + step:04d}"
    if precision not in ("day", "month"):
        return None
    month = ref.month - 1 + step
    return f"{ref.year + month // 12:04d}-{month % 12 + 1:02d}"
