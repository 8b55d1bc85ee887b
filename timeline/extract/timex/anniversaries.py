"""Anniversaries: 'on the 50th anniversary of the bridge's opening' is a date the text has already given, N years on.

The date told is found among the expressions read before it (in the BACK characters before): the nearest whose sentence shares a word stem with
what the anniversary is of ('the opening' - 'the bridge opened'); failing that (a possessive, 'its 100th
anniversary', 'the first anniversary of her death'), the nearest before its sentence, in its own or the preceding
paragraph, if that sentence tells a beginning or an end (ORIGIN_RE: founded, opened, born, died, signed, ...). In
news, an anniversary that would fall in a year after the text was written is not read: it counts from the wrong date. The
anniversary keeps that date's precision ('12 June 1963' -> '2013-06-12', 'March 2004' -> '2014-03'). An anniversary
with no date before it ('the anniversary of the battle', 'the 25th anniversary of the fall of the Wall' in a text
that never dates the fall) is no date: nothing outside the text is looked up.
Ordinal words come from num2words (its ordinals of 1-500, with their feminine and inflected forms)."""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from num2words import num2words

from timeline.extract.timex.context import PARAGRAPH_RE
from timeline.extract.timex.model import Timex

# language -> (the anniversary nouns, how a number is written as an ordinal, the words that open 'of X')
NOUNS = {
    "en": (r"anniversary", r"\d{1,3}(?:st|nd|rd|th)", r"of(?:\s+the)?"),
    "es": (r"aniversario", r"\d{1,3}\s?(?:\.?º|°|\.?ª)", r"del|de\s+la|de\s+los|de\s+las|de"),
    "pt": (r"anivers[áa]rio", r"\d{1,3}\s?(?:\.?º|°|\.?ª)", r"d[oa]s?|de"),
    "fr": (r"anniversaire", r"\d{1,3}\s?(?:e|ème|eme|er)", r"du|de\s+la|de\s+l'|des|de"),
    "it": (r"anniversario", r"\d{1,3}\s?(?:°|º)", r"del(?:la|lo|l')?|dei|degli|delle|di"),
    "de": (r"Jahrestag(?:es|s)?|Jubiläums?", r"\d{1,3}\.", r"der|des|von"),
}
LANGUAGES = frozenset(NOUNS)
SAID = "anniversary_said"  # the kind of an anniversary said of a date told just before it: that date's value
# 'This year marks the 20th anniversary', 'Today is the 17th anniversary': the date is told (just before the verb),
# the anniversary says what it is (and counts back to a date the text may never give)
SAID_OF_RE = re.compile(r"(?i)\s*[,–—-]?\s*(?:(?:marks?|marked|is|was|will\s+be|es|est|ist|è|é|cumple|celebra|f[êe]te|feiert|"
                        r"festeggia|celebrates?|celebrated)\s+)?(?:the\s+|its\s+|our\s+|their\s+|el\s+|su\s+|le\s+|son\s+|"
                        r"sa\s+|la\s+|der\s+|den\s+|seinen\s+|il\s+|o\s+|a\s+)?$")
# What an anniversary counts from when the text does not name it again ('its 100th anniversary', 'the first
# anniversary of her death'): a sentence that tells a beginning or an end.
ORIGIN_RE = re.compile(
    r"(?i)(?<!\w)(?:founded|founding|establish|created|opened|inaugur|born|birth|died|death|signed|signing|launched|"
    r"began|begun|started|"  # en
    r"fund[óoa]|fundad|fundou|cre[óa]d?[oa]?\b|naci[óo]|nasceu|muri[óo]|morreu|firm[óoa]\b|firmad|assinad|comenz[óo]|"
    r"empez[óo]|abri[óou]|"  # es, pt
    r"fond[ée]|cré[ée]|naissance|née?\b|mort|décéd|commenc|ouvert|ouvri|"  # fr
    r"gegründet|gründ|eröffn|geboren|gestorben|unterzeichn|begonnen|"  # de
    r"fondat|nacque|nato|nata|morto|morta|morì|firmat|iniziat|apert|inaugurat)")
SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n")
WORD_RE = re.compile(r"\w+")
SINGLE_DATE_RE = re.compile(r"(\d{4})((?:-\d\d){0,2})$")
STEM = 4  # letters two words must share from the start ('open' in 'opening' and 'opened')
NOUN = 6  # ... of a word at least this long: 'first', 'going' say nothing of what an anniversary is of
NP_WORDS = 4  # what an anniversary is of: at most this many words after 'of'
SPAN_WORDS = 3  # ... and the span reaches over it when it is this short and ends at punctuation
REACH = 200  # characters after an anniversary noun the full pattern is tried in (what it is of) ...
BEFORE_NOUN = 40  # ... and before it (its ordinal: 'the three hundredth')
BACK = 4000  # characters before an anniversary a date it counts from may be told in
MOST = 500  # the largest ordinal read as a word ('the four hundredth anniversary')


@lru_cache(maxsize=None)
def ordinals(lang: str) -> dict[str, int]:
    """Ordinal words of 1-MOST in lang, lower-cased, with the forms a sentence bends them to."""
    table: dict[str, int] = {}
    for n in range(MOST, 0, -1):
        word = str(num2words(n, lang=lang, to="ordinal")).lower()
        forms = {word, word.replace("-", " "), word.replace(" ", "-")}
        if lang in ("es", "pt", "it") and word.endswith("o"):
            forms |= {w[:-1] + "a" for w in forms}  # 'décima', 'trigésima quinta'
            forms |= {" ".join(p[:-1] + "a" if p.endswith("o") else p for p in w.split()) for w in forms}
        if lang == "de":
            forms |= {w + end for w in forms for end in ("n", "r", "s", "m")}  # 'zum zehnten Jahrestag'
        if lang == "fr" and n == 1:
            forms.add("première")
        for form in forms:
            table[form] = n
    return table


@lru_cache(maxsize=None)
def pattern(lang: str) -> re.Pattern[str]:
    """The ordinal + anniversary noun + 'of X' of lang."""
    nouns, digits, of = NOUNS[lang]
    words = r"(?:[^\W\d_]+[\s-]){0,2}[^\W\d_]+"  # one to three words: _matches keeps those that are an ordinal
    flags = "" if lang == "de" else "(?i)"
    year = r"(?:[\s-]+years?)?" if lang == "en" else ""  # 'the sixth-year anniversary', 'its 10-year anniversary'
    return re.compile(rf"{flags}(?<!\w)(?P<ord>{digits}|\d{{1,3}}(?=[\s-]year)|{words}){year}\s+(?P<noun>{nouns})(?!\w)"
                      rf"(?P<of>\s+(?i:{of})\s+(?P<np>[^.,;:!?\n]+))?")


# A piece of each anniversary noun without its first letter (either case): a case-sensitive search for it is fast
HINTS = {"en": ("nniversar",), "es": ("niversari",), "pt": ("niversári", "niversari"), "fr": ("nniversair",),
         "it": ("nniversari",), "de": ("ahrestag", "ubiläum")}


@lru_cache(maxsize=None)
def _hint(lang: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(h) for h in HINTS[lang]))


def _matches(text: str, lang: str, start: int, stop: int) -> list[tuple[re.Match[str], int]]:
    """The anniversaries in text[start:stop] with their numbers: the pattern is tried only at the few word starts
    before an anniversary noun, which a fast search finds first, and kept where its words are an ordinal."""
    out = []
    for hint in _hint(lang).finditer(text, start, stop):
        noun = hint.start() - 1
        for word in _WORD_START.finditer(text, max(start, noun - BEFORE_NOUN), noun):  # the leftmost ordinal wins
            m = pattern(lang).match(text, word.start(), min(stop, hint.end() + REACH))
            n = _number(m.group("ord"), lang) if m is not None and m.start("noun") == noun else None
            if m is not None and n:
                out.append((m, n))
                break
    return out


_WORD_START = re.compile(r"(?<![\w.ºª°-])[\w]")


def _said_of(text: str, at: int, found: list[Timex]) -> Timex | None:
    """The date an anniversary is said of, told just before it ('This year marks the 20th anniversary', 'April 9,
    2009, the sixth anniversary of ...'), or None."""
    said = SAID_OF_RE.search(text, max(0, at - 40), at)
    return next((t for t in found if said is not None and t.end == said.start() and "X" not in t.value), None)


def _closed(text: str, end: int) -> bool:
    """True when what the anniversary is of ends at punctuation or the end of the text."""
    return end >= len(text) or text[end] in ".,;:!?\n"


def _number(word: str, lang: str) -> int | None:
    digits = re.match(r"\d{1,3}", word)
    return int(digits.group()) if digits else ordinals(lang).get(word.lower())


def _sentence_start(text: str, at: int) -> int:
    return max((m.end() for m in SENTENCE_END_RE.finditer(text, 0, at)), default=0)


def _sentence(text: str, at: int) -> str:
    end = SENTENCE_END_RE.search(text, at)
    return text[_sentence_start(text, at):end.start() if end else len(text)]


def _stems(words: str) -> set[str]:
    """Stems of the common nouns of what an anniversary is of (a name is shared by too many sentences)."""
    return {w[:STEM] for w in WORD_RE.findall(words) if len(w) >= NOUN and w.islower()}


def _shared_stems(stems: set[str], sentence: str) -> int:
    """How many of stems a word of sentence begins with or holds after a prefix ('gegründet')."""
    words = [w.lower() for w in WORD_RE.findall(sentence) if len(w) >= STEM]
    return sum(any(s in w for w in words) for s in stems)


def _anchor(text: str, at: int, np: str, before: list[Timex]) -> Timex | None:
    """The date the anniversary counts from: see the module docstring."""
    dated = [t for t in before if at - BACK <= t.start and t.end <= at and SINGLE_DATE_RE.match(t.value)]
    stems = _stems(" ".join(np.split()[:NP_WORDS]))
    own = _sentence_start(text, at)  # in the anniversary's own sentence, only the words before it count
    for t in reversed(dated) if stems else ():
        told = text[own:at] if t.start >= own else _sentence(text, t.start)
        if _shared_stems(stems, told):
            return t
    before = [t for t in dated if SENTENCE_END_RE.search(text, t.end, at)]  # not its own sentence's date: 'in 1995, they
    if before and len(PARAGRAPH_RE.findall(text, before[-1].end, at)) <= 1 and ORIGIN_RE.search(_sentence(text, before[-1].start)):
        return before[-1]  # marked the first anniversary' is of something before 1995
    return None


def _counted(text: str, m: re.Match[str], n: int, found: list[Timex]) -> str | None:
    """The date n years after what the anniversary is of, or None when the text has not dated it."""
    anchor = _anchor(text, m.start(), m.group("np") or "", found)
    if anchor is None:
        return None
    year, rest = SINGLE_DATE_RE.match(anchor.value).groups()  # type: ignore[union-attr]
    if rest.endswith("-02-29") and not calendar.isleap(int(year) + n):
        rest = rest[:-3]  # no 29 February that year: the month
    return f"{int(year) + n:04d}{rest}"


def anniversaries(text: str, lang: str | None, found: list[Timex], start: int = 0, end: int | None = None,
                  now: int | None = None) -> list[Timex]:
    """found with each anniversary in text[start:end] of a date found before it added, in text order. now: the
    year the text was written, when known."""
    if lang not in LANGUAGES or not found:
        return found
    stop = len(text) if end is None else end
    added: list[Timex] = []
    for m, n in _matches(text, lang, start, stop):
        if any(t.start < m.end("noun") and m.start() < t.end for t in found):
            continue
        said = _said_of(text, m.start(), found)
        value, kind = (said.value, SAID) if said else (_counted(text, m, n, found), "anniversary")
        if value is None or not said and now is not None and int(value[:4]) > now:
            continue  # counted from a date the anniversary is not of (it would fall after the text was written)
        last = m.end("np") if m.group("np") and len(m.group("np").split()) <= SPAN_WORDS and _closed(text, m.end("np")) else m.end("noun")
        added.append(Timex(m.start(), last, text[m.start():last], value, kind, resolved=True))
    return sorted(found + added, key=lambda t: t.start) if added else found
