"""Dates in texts not written in English, with dateparser's language data.

- `detect_language(text)`: 'en', another ISO 639-1 code dateparser knows, or None when the language is
  not recognised (callers warn once per file: its dates are not read).
- `tag_foreign(text, lang, anchor, start, end)`: the date expressions of such a text as Timex values at the
  precision the text gives ('мая 2015' is 2015-05, never a padded day): day-month-year, month-year, a month
  or day-month without a year (year from the anchor, the nearest occurrence), four-digit years (not money,
  counts or percentages), and yesterday / today / tomorrow. Month names and the relative words come from
  dateparser's locale tables; Slavic case endings ('в мае', 'в марте') are accepted on the stem.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import timeline.extract.timex.resolve as rs
from timeline.extract.timex.context import frame_reaches
from timeline.extract.timex.foreign_parts import Part, part_value, parts_in
from timeline.extract.timex.foreign_shifts import Shift, shifts_in
from timeline.extract.timex.foreign_words import (DAY_PARTS, LAST_WORDS, NEXT_WORDS, SEASON_CUE_RE, SEASON_MONTH, SEASONS,
                                                  SELF_GOVERNED, THIS_WORDS, Period, direction, periods_in, year_shift)
from timeline.extract.timex.lexicon import MONTH_KEYS
from timeline.extract.timex.model import Timex

# dateparser's relative phrases this path reads, as (unit, shift): 'hier' is ('day', -1), 'l'année dernière' ('year', -1)
RELATIVE_KEYS = {"1 day ago": ("day", -1), "0 day ago": ("day", 0), "in 1 day": ("day", 1),
                 "1 month ago": ("month", -1), "0 month ago": ("month", 0), "in 1 month": ("month", 1),
                 "1 year ago": ("year", -1), "0 year ago": ("year", 0), "in 1 year": ("year", 1)}
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MIN_PHRASE = 5  # shorter forms are abbreviations ('sa', 'в пр г') that are words or noise in running text
Relative = tuple[str, int]
YEAR = r"(?:1\d{3}|20\d\d)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:\.|º|°|ª|er)?"  # '8.', '1º', '1er'
NOT_A_YEAR_RE = re.compile(r"\s*(?:%|€|\$|£|[.,]\d|(?:тыс|млн|млрд|евро|рубл|долл|euro|dollar|million|milliard|"
                           r"mrd|mio|prozent|pour|процент)\w*)", re.I)


@lru_cache(maxsize=16)
def _tables(lang: str) -> tuple[re.Pattern[str], dict[str, int], dict[str, Relative]]:
    """(matcher, month form -> month, relative phrase or weekday name -> (unit, shift)) built from
    dateparser's locale, with the season words of foreign_words."""
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(lang).info
    months: dict[str, int] = {}
    for n, key in enumerate(MONTH_KEYS, 1):
        for form in info.get(key, []):
            months[form.lower().rstrip(".")] = n
    short = 1 if lang in CJK else MIN_PHRASE  # '去年', '周一' are words of their own
    rel: dict[str, Relative] = {w.lower(): unit for key, unit in RELATIVE_KEYS.items()
                                for w in info.get("relative-type", {}).get(key, []) if unit[0] == "day" or len(w) >= short}
    # full weekday names only ('samedi', 'Freitag', 'в субботу'): the short forms ('sa', 'fr') are words too
    rel.update({w.lower(): ("weekday", n) for n, key in enumerate(WEEKDAY_KEYS) for w in info.get(key, []) if len(w) >= short})
    forms = sorted(months, key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(f[:-1]) + r"\w{1,2}" if lang in CASE_ENDINGS and len(f) >= 3 else re.escape(f)
                             for f in forms) + ")"
    words = "|".join(re.escape(w) for w in sorted(rel, key=len, reverse=True)) or "(?!)"
    if lang in CJK:
        return _cjk_matcher(month, words), months, rel
    seasons = "|".join(re.escape(w) for w in sorted(SEASONS.get(lang, {}), key=len, reverse=True)) or "(?!)"
    adj = f"(?:{NEXT_WORDS}|{LAST_WORDS})"
    rx = re.compile(rf"(?i)(?<!\w)(?:(?P<ma>{adj})\s+)?(?:(?P<d>{DAY})\s+(?:de\s+)?)?(?P<m>{month})(?!\w)"
                    rf"(?:,?\s+(?:de\s+)?(?P<y>{YEAR})(?!\d){YEAR_WORD}?|\s+(?P<mb>{adj})(?!\w))?"
                    rf"|(?<!\w)(?P<s>{seasons})(?!\w)(?:\s+(?:de\s+|del\s+|di\s+)?(?P<sy>{YEAR})(?!\d){YEAR_WORD}?)?"
                    rf"|(?<![\w$€£.,])(?P<year>{YEAR})(?![\w%]|[.,]\d)(?P<yw>{YEAR_WORD})?"
                    rf"|(?<!\w)(?:(?P<ra>{adj}|{THIS_WORDS})\s+)?(?P<rel>{words})(?!\w)(?:\s+(?P<rb>{adj})(?!\w))?(?:\s+{DAY_PARTS}(?!\w))?")
    return rx, months, rel


CJK = frozenset({"zh", "ja"})
CASE_ENDINGS = frozenset({"ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bg"})  # 'мае', 'травні', 'maju'


def _cjk_matcher(month: str, words: str) -> re.Pattern[str]:
    """Chinese and Japanese dates: '2021年3月11日', '3月5日', '2021年', and the relative words ('去年', '昨天'); the
    same groups as the other languages' matcher, those that cannot occur left empty."""
    return re.compile(rf"(?:(?P<y>{YEAR})年)?(?<!\d)(?P<m>{month})(?:(?P<d>3[01]|[12]\d|0?[1-9])[日号])?(?P<ma>(?!))?(?P<mb>(?!))?"
                      rf"|(?P<s>(?!))(?P<sy>(?!))?|(?<!\d)(?P<year>{YEAR})(?P<yw>年)(?!\d)"
                      rf"|(?P<ra>(?!))?(?P<rel>{words})(?P<rb>(?!))?")


def language_supported(lang: str | None) -> bool:
    """True when dateparser has a locale for lang (so tag_foreign can read its dates)."""
    if not lang:
        return False
    try:
        _tables(lang)
    except (ValueError, KeyError):
        return False
    return True


def _month_number(word: str, months: dict[str, int]) -> int | None:
    """The month of a form as written, or of its stem with a case ending ('мае' -> май, 'марте' -> март)."""
    low = word.lower().rstrip(".")
    if low in months:
        return months[low]
    full = [(form, n) for form, n in months.items()
            if len(form) >= 3 and not any(o != form and o.startswith(form) for o in months)]  # not 'мар' of 'март'
    return next((n for form, n in full if low[:-1] == form[:-1]), None)


def tag_foreign(text: str, lang: str, anchor: str | None = None, start: int = 0, end: int | None = None,
                mode: str = "news") -> list[Timex]:
    """The date expressions of text[start:end] in language lang (see the module docstring). In 'narrative'
    mode a month or day without a year is of the year the story has reached (the last year it stated:
    'En 1789, ... Le 14 juillet'), as timeline.extract.timex.tag reads English narratives."""
    rx, months, rel = _tables(lang)
    ref, precision = rs.parse_anchor(anchor)
    stop = len(text) if end is None else end
    found: list[Timex] = []
    story: int | None = None  # the year a narrative has reached
    matches: list[tuple[int, int, re.Match[str] | Shift | Period | Part]] = [(m.start(), -m.end(), m) for m in rx.finditer(text, start, stop)]
    matches += [(s.start, -s.end, s) for s in shifts_in(text, lang, start, stop)]
    matches += [(p.start, -p.end, p) for p in periods_in(text, start, stop)]
    matches += [(p.start, -p.end, p) for p in parts_in(text, lang, start, stop)]
    pending: Period | None = None  # the first day of a range of days, waiting for the month of its end
    for at, _, m in sorted(matches, key=lambda x: x[:2]):
        if found and at < found[-1].end:
            continue  # inside a longer expression found first ('hace dos años' holds no other date)
        value: tuple[str, bool] | None
        if isinstance(m, Period):
            if m.value is None:
                pending = m
                continue
            value, stop_at, moves = (m.value, False), m.end, True
        elif isinstance(m, Part):
            part = part_value(m, ref, precision, _tense(text, at, lang))
            value, stop_at, moves = ((part, True) if part else None), m.end, False
        elif isinstance(m, Shift):
            value = _shifted(m, ref, precision, found, mode)
            stop_at, moves = m.end, m.sign > 0  # a narrative reaches the date it counts forward to
        else:
            focus = story if mode == "narrative" else _frame(text, at, found, lang)
            value, stop_at = _value(m, lang, ref, precision, text, focus)
            moves = value is not None and not value[1]
        if value:
            if found and found[-1].value == value[0] and not text[found[-1].end:at].strip(" ,"):
                at = found.pop().start  # 'domenica 25 settembre 2022': the weekday and its date are one expression
            if pending and re.fullmatch(r"-?\d{4}-\d\d-\d\d", value[0]) and at - pending.end < 12:
                first = f"{value[0][:8]}{pending.day or 0:02d}"  # 'del 3 al 5 de mayo de 1985': the 3rd of that month
                found.append(Timex(pending.start, pending.end, text[pending.start:pending.end], first, "foreign", value[1]))
            pending = None
            found.append(Timex(at, stop_at, text[at:stop_at], value[0], "foreign", value[1]))
            if mode == "narrative" and moves and value[0][:4].isdigit():
                story = int(value[0][:4])
    return found


SENTENCE_END_RE = re.compile(r"[.!?]\s|[。！？]")


def _frame(text: str, at: int, found: list[Timex], lang: str) -> int | None:
    """In news, the year an earlier expression gives a month without one: in the same sentence ('去年，会议推迟到5月',
    'En 2019, ... en marzo'), unless the month lies ahead ('... reabrirá en mayo'); or a year that opened its
    sentence as a frame ('En 2015, la empresa cerró ...' / 'y el 12 de octubre marcharon'), in a past clause
    while the frame reaches (timeline.extract.timex.context.frame_reaches) and no other date was told since."""
    if not found or not re.fullmatch(r"\d{4}", found[-1].value):
        return None
    last = found[-1]
    if not SENTENCE_END_RE.search(text, last.end, at):
        return None if _tense(text, at, lang) == "future" else int(last.value)
    opens = FRAME_OPENS_RE.search(text, max(0, last.start - 24), last.start)
    return int(last.value) if opens and frame_reaches(text, last.end, at) and _tense(text, at, lang) == "past" else None


FRAME_OPENS_RE = re.compile(r"(?:^|[.!?。]\s*|\n\s*)(?:\w+\s+){1,3}$")  # 'En 2015', 'Im Jahr 2015', 'В 2015 году'


def _shifted(shift: Shift, ref: date | None, precision: str, found: list[Timex], mode: str) -> tuple[str, bool] | None:
    """(value, True) of a counted shift: from the reference date ('hace dos años', 'tra due settimane'), or from
    the last date the text named ('dos días después'; in a narrative 'через семь дней' too)."""
    if shift.after_last and not found:
        return None  # 'un mes después del incendio' with no date named before: nothing to count from
    if found and (shift.after_last or (shift.sign > 0 and (mode == "narrative" or rs.shift_needs(shift.unit, precision)))):
        ref, precision = rs.parse_anchor(found[-1].value)  # ('через семь дней' when the day of writing is unknown)
    if ref is None:
        return None
    value = rs.shift(ref, precision, shift.unit, shift.sign * shift.amount)
    return (value, True) if value else None


def _value(m: re.Match[str], lang: str, ref: date | None, precision: str, text: str,
           story: int | None = None) -> tuple[tuple[str, bool] | None, int]:
    """((EDTF value, resolved from the anchor or the `story` year) or None when it is no date, end of the
    expression) of one match."""
    _, months, rel = _tables(lang)
    if m.group("rel"):
        word = m.group("ra") or m.group("rb")  # 'this Sunday': the coming one, unless the clause tells the past
        said = direction(word) or ((_tense(text, m.start(), lang) or "future") if word else "")
        return _relative(rel[m.group("rel").lower()], ref, precision, text, m.start(), lang, said), m.end()
    if m.group("year"):
        year = m.group("year")
        if NOT_A_YEAR_RE.match(text, m.end()) or (int(year) < 1900 and not _month_cue(text, m.start()) and not m.group("yw")):
            return None, m.end()  # money, a percentage, a count ('1500 Mitarbeiter'); before 1900 only 'in 1812'
        return (year, False), m.end()
    if m.group("s"):
        season = SEASONS[lang][m.group("s").lower()]
        return _in_year(season, None, m.group("sy"), m, lang, ref, text, story, SEASON_MONTH[season])
    month = _month_number(m.group("m"), months)
    if month is None:
        return None, m.end()
    day = int(re.match(r"\d+", m.group("d")).group()) if m.group("d") else None  # type: ignore[union-attr]
    return _in_year(month, day, m.group("y"), m, lang, ref, text, story, month)


def _in_year(month: int, day: int | None, stated: str | None, m: re.Match[str], lang: str, ref: date | None, text: str,
             story: int | None, typical: int) -> tuple[tuple[str, bool] | None, int]:
    """A month (or season: `month` is its code, `typical` a month inside it) with or without a day: its year
    as stated, as the words after it place it ('del año siguiente'), as the story has reached, or from the
    reference date and the tense."""
    after = None if stated else year_shift(text, m.end())
    end = after[1] if after else m.end()
    cued = (SEASON_CUE_RE.search(text, max(0, m.start() - 12), m.start()) if m.group("s")
            else m.group("ma") or m.group("mb") or _month_cue(text, m.start()) or lang in CJK)  # 'mars dernier' names a month
    if not (stated or day or after or cued or m.group().lower() in SELF_GOVERNED):
        return None, end
    year = int(stated) if stated else None
    if year is None and after:
        base = story if story is not None and not after[2] else (ref.year if ref else None)
        year = None if base is None else base + after[0]
    elif year is None and story is not None:
        year = story
    elif year is None:
        if ref is None:
            return (f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""), False), end
        said = "" if m.group("s") else direction(m.group("ma") or m.group("mb"))  # 'janvier dernier'
        year = rs.pick_year_for(typical, day, ref, said or _tense(text, m.start(), lang), strict=bool(said))
    if year is None:
        return None, end
    try:
        return ((date(year, month, day).isoformat() if day else f"{year}-{month:02d}"), stated is None), end
    except ValueError:
        return None, end


def _relative(unit: Relative, ref: date | None, precision: str, text: str, at: int, lang: str,
              said: str = "") -> tuple[str, bool] | None:
    """The value of a relative phrase against the reference date: a day or a weekday (the last one on or
    before it, the next one in a future clause) needs the reference day; a month or a year its month or year."""
    kind, shift = unit
    if ref is None:
        return None
    if kind == "weekday":
        back = (ref.weekday() - shift) % 7
        kind, shift = "day", (7 - back if back else 7) if (said or _tense(text, at, lang)) == "future" else -back
    value = rs.shift(ref, precision, kind, shift)
    return (value, True) if value else None


# Words that put a clause in the future or the past, per language (a month without a year is then read forward or
# back from the reference date, as in English); otherwise the nearest occurrence. Next/last adjectives count too.
TENSE_CUES = {
    "ru": (r"будет|будут|состоится|состоятся|назначен\w*|планиру\w*|ожида\w*|собер\w*|следующ\w*|ближайш\w*",
           r"был\w*|прош\w*|состоял\w*|задержал\w*"),
    "fr": (r"sera|seront|aura|auront|attendu\w*|prévu\w*|entrera|entreront|va|vont|prochain\w*|\w{3,}eront",
           r"a|ont|avait|avaient|était|fut|dernier|dernière|passé\w*"),
    "de": (r"wird|werden|soll|sollen|geplant|erwartet|findet|nächst\w*|kommend\w*",
           r"hat|hatte|hatten|war|waren|wurde|wurden|letzt\w*|vergangen\w*"),
    "es": (r"va|van|\w{2,}(?:rá|rán)|próxim\w*|previst\w*", r"fue|fueron|era|eran|había|habían|ha|han|\w{2,}ó|\w+(?:aron|ieron)|pasad\w*"),
    "it": (r"\w{2,}(?:rà|ranno)|prossim\w*|previst\w*", r"fu|furono|era|erano|aveva|avevano|ha|hanno|scors\w*"),
    "pt": (r"vai|vão|\w{2,}(?:rá|rão)|próxim\w*|previst\w*", r"foi|foram|era|eram|tinha|tinham|teve|houve|passad\w*"),
    "nl": (r"zal|zullen|gaat|gaan|volgend\w*|komend\w*", r"werd|werden|was|waren|had|hadden|heeft|hebben|vorig\w*|afgelopen"),
    "uk": (r"буде|будуть|відбудеться|відбудуться|наступн\w*", r"був|була|було|були|відбув\w*|минул\w*"),
    "pl": (r"będzie|będą|zostanie|zostaną|odbędzie|odbędą|przyszł\w*|następn\w*", r"był|była|było|były|został\w*|odbył\w*|zeszł\w*|ubiegł\w*"),
    "tr": (r"\w+(?:acak|ecek)\w*|gelecek", r"geçen"),
}
SENTENCE_START_RE = re.compile(r"[.!?]\s+")


@lru_cache(maxsize=16)
def _cues(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    future, past = TENSE_CUES.get(lang, ("(?!)", "(?!)"))
    return re.compile(rf"(?i)\b(?:{future})\b"), re.compile(rf"(?i)\b(?:{past})\b")


def _tense(text: str, at: int, lang: str) -> str:
    """'future' or 'past' from the nearest cue before the date in its sentence ('' when there is none)."""
    left = max((m.end() for m in SENTENCE_START_RE.finditer(text, max(0, at - 200), at)), default=max(0, at - 200))
    future, past = _cues(lang)
    cues = [(m.end(), "future") for m in future.finditer(text, left, at)]
    cues += [(m.end(), "past") for m in past.finditer(text, left, at)]
    return max(cues)[1] if cues else ""


YEAR_WORD = r"(?:\s*(?:году|года|год|г\.|року|рік|р\.|roku|r\.)(?!\w))"  # 'в 1812 году', '2011 року', '2015 roku': part of it
MONTH_CUE_RE = re.compile(r"(?i)(?:\b(?:в|во|у|с|до|к|по|w|we|en|depuis|jusqu'en|d[eè]s|im|seit|bis|ab|vom|zum|dans|in|"
                          r"nel|nello|dal|al|a|entro|no|em|desde|até|hasta|sinds|tot|vanaf|"  # it/es/pt/nl prepositions
                          r"(?:nächst|kommend|letzt|vergangen|próxim|pasad|prossim|scors|volgend|vorig|следующ|прошл)\w*)|"  # next, last
                          r"(?:\bl'an|\bjahre?|\bannée|\baño|\banno|\bano|\bjaar)(?:\s+de)?|"  # 'im Jahr 1848', 'en el año 1848'
                          r"\bfin|\bdébut|\bmi-|\bende|\banfang|\bmitte|\bконце|\bначале|\bсередине|"
                          r"\b(?:finales|principios|mediados|inicios|fim|início|meados|inizio|fine|metà|begin|eind|medio|half)\s+(?:de|di|do|da|van)?)\s*$")


def _month_cue(text: str, at: int) -> bool:
    """True when a month alone is governed by a preposition or a 'beginning/end of' word ('в декабре',
    'en mars', 'im Januar'), not a name or another word ('Mars', 'Mai Thi')."""
    return bool(MONTH_CUE_RE.search(text, max(0, at - 20), at))
