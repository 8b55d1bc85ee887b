"""Sentences and clauses with exact character offsets (rule-based, no models)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Words that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt cpt maj adm gov sen rep pres rev hon fr
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vs v etc inc ltd corp co dept univ est
    approx fig al e.g i.e u.s u.k u.n a.m p.m""".split()
)

# A sentence may end after . ! ? (optionally followed by closing quotes or brackets) and whitespace.
_END = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s)|[。！？]+[」』”’）)]*""")  # Chinese and Japanese need no space after
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[-•*·▪●]\s)")
_LINE = re.compile(r"\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True)
class Span:
    """A piece of a text: text[start:end] == text."""

    start: int
    end: int
    text: str


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end]; offsets index `text`. Line breaks end a sentence when the line
    looks complete (headlines, captions and list items stand alone)."""
    stop = len(text) if end is None else end
    spans: list[Span] = []
    for line_start, line_end in _lines(text, start, stop):
        spans.extend(_sentences_in(text, line_start, line_end))
    return spans


def sentence_bounds(text: str, start: int, end: int, reach: int = 250) -> tuple[int, int]:
    """The sentence around [start, end) by split_sentences' rule (abbreviations, initials and a lower-case
    next word do not end one; a blank line does), looked for at most `reach` characters each way: a
    cheap window for one expression, without splitting the whole text."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    return max(_ends(text, lo, start), default=lo), next(_ends(text, end, hi), hi)


def crosses_sentence(text: str, a: int, b: int) -> bool:
    """True when a sentence ends between offsets a and b (by the same rule as sentence_bounds)."""
    return next(_ends(text, a, b), None) is not None


_BLANK_LINE = re.compile(r"\n\s*\n")


def _ends(text: str, lo: int, hi: int) -> Iterator[int]:
    """Offsets in [lo, hi] just past each sentence end (its punctuation and closing quotes, or a blank line)."""
    ends = [m.end() for m in _END.finditer(text, lo, hi) if _is_boundary(text, m.start(), m.end(), len(text), ordinals=False)]
    ends += [m.end() for m in _BLANK_LINE.finditer(text, lo, hi)]
    yield from sorted(ends)


def _lines(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Ranges of non-empty lines; a hard-wrapped paragraph's lines are joined back when a line
    does not end a sentence and the next starts in lower case."""
    ranges: list[tuple[int, int]] = []
    pos = start
    for m in _LINE.finditer(text, start, stop):
        ranges.append((pos, m.start()))
        pos = m.end()
    ranges.append((pos, stop))
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        a, b = _strip(text, a, b)
        if a >= b:
            continue
        if merged and _continues(text, merged[-1], a):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _continues(text: str, previous: tuple[int, int], start: int) -> bool:
    """True when a line continues the previous one (hard-wrapped prose)."""
    if not text[start].islower() or text[previous[1] - 1] in ".!?:\"”’)":
        return False
    return "\n\n" not in text[previous[1]:start].replace("\r", "")


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _sentences_in(text: str, start: int, stop: int) -> list[Span]:
    spans = []
    pos = start
    for m in _END.finditer(text, start, stop):
        if not _is_boundary(text, m.start(), m.end(), stop):
            continue
        spans.append(_span(text, pos, m.end()))
        pos = m.end()
    if pos < stop:
        spans.append(_span(text, pos, stop))
    return [s for s in spans if s.text]


def _span(text: str, a: int, b: int) -> Span:
    a, b = _strip(text, a, b)
    return Span(a, b, text[a:b])


def _is_boundary(text: str, punct: int, after: int, stop: int, ordinals: bool = True) -> bool:
    """A period ends a sentence unless it follows an abbreviation or an initial, or the next word
    starts in lower case or with a digit, or (`ordinals`: not for the English tagger's tense window,
    which then need not load other languages' month names) it ends a day written as an ordinal."""
    nxt = after
    while nxt < stop and text[nxt].isspace():
        nxt += 1
    if nxt >= stop:
        return True
    follower = text[nxt]
    if follower.islower() or (follower.isdigit() and text[punct] == "." and not _ends_before_number(text, punct)):
        return False
    if text[punct] != ".":
        return True
    if ordinals and text[punct - 1:punct].isdigit() and _ordinal_day(text, punct, nxt):
        return False
    m = _WORD_BEFORE.search(text, max(0, punct - 20), punct + 1)
    if not m:
        return True
    word = m.group(1).lower()
    if word in ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isalpha() and m.group(1).isupper())  # initials: "J. Smith"


_WORD_OR_YEAR_BEFORE = re.compile(r"(?:(?<![\w.])[^\W\d_]{4,}|(?<![\d.])\d{3,4})$")


def _ends_before_number(text: str, punct: int) -> bool:
    """A sentence may start with a number ('7 сентября произошло ...', 'In 1950. 20 years later ...') after a
    word of four letters or more, or a year; not after 'No.', 'pp.', 'Art.' or a day's ordinal ('am 8. 9.')."""
    m = _WORD_OR_YEAR_BEFORE.search(text, max(0, punct - 30), punct)
    return m is not None and m.group().lower() not in ABBREVIATIONS


_DAY_NUMBER = re.compile(r"(?<![\d.])\d{1,2}$")
_NEXT_WORD = re.compile(r"[^\W\d_]+")


def _ordinal_day(text: str, punct: int, nxt: int) -> bool:
    """'am 8. September 2023': a day written as an ordinal (German, Scandinavian, Slavic, Finnish...) before
    a month name; the period is the ordinal's, not a sentence end."""
    if not _DAY_NUMBER.search(text, max(0, punct - 3), punct):
        return False
    word = _NEXT_WORD.match(text, nxt)
    if word is None:
        return False
    from timeline.extract.timex.lexicon import capitalised_month_forms
    return word.group().lower() in capitalised_month_forms()


_CLAUSE_BREAK = re.compile(r"(?:[;:]|,(?=\s+(?:and|but|while|whereas|although|though|after|before|when|as|which|who|where)\b)|\s[–—-]{1,2}\s"
                           r"|,(?=\s+(?:y|e|et|und|en|и|а|но|pero|mais|aber|ma|mas|maar|mientras|mentre|während|tandis|"
                           r"quand|cuando|quando|wenn|als|dopo|après|nachdem|después|depois|который|которая|которые)\s))")
# (the second line: the same conjunctions in the other languages the date engine reads)


def clause_break(text: str, a: int, b: int) -> bool:
    """True when text[a:b] holds a clause boundary (a semicolon, a colon, a dash, ', and', ', which' ...)."""
    return _CLAUSE_BREAK.search(text, a, b) is not None


def clause_around(sentence: Span, start: int, end: int, limit: int = 400) -> Span:
    """The shortest run of clauses of `sentence` that contains [start, end) and fits in `limit`
    characters; the sentence itself when it already fits."""
    if len(sentence.text) <= limit:
        return sentence
    cuts = [sentence.start] + [sentence.start + m.end() for m in _CLAUSE_BREAK.finditer(sentence.text)] + [sentence.end]
    cuts = sorted(set(cuts))
    lo = max(c for c in cuts if c <= start)
    hi = min(c for c in cuts if c >= end)
    base = sentence.start
    a, b = _strip(sentence.text, lo - base, hi - base)
    if b - a <= limit:
        return _widen(sentence, Span(a + base, b + base, sentence.text[a:b]), cuts, limit)
    return _window(sentence, start, end, limit)  # one clause is still too long: words around the date


def _widen(sentence: Span, span: Span, cuts: list[int], limit: int) -> Span:
    """Extend a clause to the neighbouring clauses while it stays under the limit (more context)."""
    base = sentence.start
    lo, hi = span.start, span.end
    for c in sorted((c for c in cuts if c > hi), key=lambda c: c - hi):
        if c - lo > limit:
            break
        hi = c
    a, b = _strip(sentence.text, lo - base, hi - base)
    return Span(a + base, b + base, sentence.text[a:b])


def _window(sentence: Span, start: int, end: int, limit: int) -> Span:
    base, text = sentence.start, sentence.text
    mid = (start + end) // 2 - base
    a = max(0, mid - limit // 2)
    b = min(len(text), a + limit)
    a = max(0, b - limit)
    while a > 0 and not text[a - 1].isspace():
        a += 1
    while b < len(text) and not text[b].isspace() and b > a:
        b -= 1
    a, b = _strip(text, a, b)
    return Span(a + base, b + base, text[a:b])


def own_clause(sentence: Span, start: int, end: int) -> Span:
    """The single clause of `sentence` that contains [start, end) (no widening)."""
    text = sentence.text
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    lo = max(c for c in cuts if c <= start - sentence.start)
    hi = min(c for c in cuts if c >= end - sentence.start)
    a, b = _strip(text, lo, hi)
    return Span(a + sentence.start, b + sentence.start, text[a:b])
