"""Which clause a date governs: a date inside a relative clause ('IRPT, which was banned in September
2015'; 'a trial that opened in March') dates that clause's happening, whose subject is the noun the
clause hangs on, not the happening of the sentence around it."""
from __future__ import annotations

import re
from dataclasses import dataclass

# the pronoun is the clause's subject: the next word is no subject of its own ('that she left' is no relative clause)
_PRONOUN = re.compile(
    r"(?:,\s*|\s+)(which|who|that)\s+(?!(?:he|she|they|it|we|i|you|the|a|an|their|his|her|its|this|these|those|there)\b)(?=\w)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:.!?()\u2014\u2013]|\s+(?:and|but)\s+(?=[A-Z]|(?:the|a|an|he|she|they|it)\b)")
# words that end a noun phrase when read backwards from the pronoun: prepositions, conjunctions, verbs of saying
_BOUNDARY = frozenset(
    "of for to in on at by with from against about into over under after before during since between among "
    "and or but so than as that said says say told announced reported claimed added noted stated believed "
    "is are was were be been has have had will would could should".split()
)
_DETERMINERS = frozenset("the a an its their his her this that these those our".split())
_WORD = re.compile(r"[\w’'.-]+")
MAX_SUBJECT_WORDS = 5


@dataclass(frozen=True, slots=True)
class Relative:
    """A relative clause in a text: `start` of its subject, `end` of the clause, and the subject and
    the clause's own words after the pronoun, from which a title is made ('IRPT' + 'was banned ...')."""

    start: int
    end: int
    subject: str
    body_start: int


def relative_clause(text: str, start: int, end: int) -> Relative | None:
    """The relative clause of `text` that holds [start, end), or None when the date is not in one."""
    found = None
    for m in _PRONOUN.finditer(text, 0, start):
        between = text[m.end():start]
        if not _CLAUSE_END.search(between):
            found = m
    if found is None:
        return None
    subject_start = _subject_start(text, found.start())
    if subject_start is None:
        return None
    close = _CLAUSE_END.search(text, end)
    clause_end = close.start() if close else len(text)
    return Relative(subject_start, clause_end, text[subject_start:found.start()].strip(" ,"), found.end())


def _subject_start(text: str, pronoun: int) -> int | None:
    """Where the noun phrase before a relative pronoun starts (None when the word before is no noun). A place
    after 'at', 'in' or 'on' belongs to a noun phrase its determiner opens ('The strike at Varnport, which
    began ...'): the phrase is the subject, not the place alone."""
    words = list(_WORD.finditer(text, 0, pronoun))
    if not words or words[-1].group().lower() in _BOUNDARY or words[-1].group().lower().endswith("ly"):
        return None
    begin = words[-1].start()
    for w in reversed(words[-MAX_SUBJECT_WORDS:-1]):
        low = w.group().lower()
        if "," in text[w.end():begin]:
            break  # 'of Tajikistan, Colonel Halimov, who ...': the phrase starts after the comma
        if low in _BOUNDARY or w.group().endswith((",", ".")):
            return _opened_before(words, w, begin) if low in _PLACE_PREPOSITIONS else begin
        begin = w.start()
        if low in _DETERMINERS:
            break
    return begin


_PLACE_PREPOSITIONS = frozenset(("at", "in", "on"))


def _opened_before(words: list[re.Match[str]], preposition: re.Match[str], begin: int) -> int:
    """The start of 'The strike' before 'at Varnport' when a determiner opens it within two words; else `begin`."""
    before = [w for w in words if w.end() <= preposition.start()][-2:]
    for w in reversed(before):
        if w.group().lower() in _DETERMINERS:
            return w.start()
        if w.group().lower() in _BOUNDARY:
            break
    return begin
