"""Which clause a date governs: a date inside a relative clause ('IRPT, which was banned in September
2015'; 'a trial that opened in March'; 'der Waldbrand, der am 12. Juli ausgebrochen war') dates that clause's
happening, whose subject is the noun the clause hangs on, not the happening of the sentence around it."""
from __future__ import annotations

import re
from dataclasses import dataclass

# the pronoun is the clause's subject: the next word is no subject of its own ('that she left' is no relative clause)
_PRONOUN = re.compile(
    r"(?:,\s*|\s+)(which|who|that)\s+(?!(?:he|she|they|it|we|i|you|the|a|an|their|his|her|its|this|these|those|there)\b)(?=\w)",
    re.IGNORECASE,
)
# ... and in the other languages read, after a comma, before a lower-case word (', der am 12. Juli ausgebrochen war';
# not ', die Regierung', whose 'die' is an article)
_PRONOUN_OTHER = re.compile(
    r",\s*(que|qui|quien|quienes|dont|che|cui|der|die|das|welche[rsmn]?|dat|wat)\s+"
    r"(?!(?:el|la|los|las|le|les|il|lo|gli|un|una|une|uno|ein|eine|einen|het|de|een)\b)(?=[a-zà-ÿ])"
)
# A participle set off by commas is a relative clause too ('The bridge, opened in 1963, closed ...', 'La grève,
# commencée le 22 novembre, a pris fin ...'): a past participle after the comma, the clause closed by a comma.
_PARTICIPLE = re.compile(
    r",\s*(?:(?:first|only|officially)\s+)?([a-z]+(?:ed|en)|built|begun|held|founded|[a-zà-ÿ]+(?:ée?s?|ad[oa]s?|id[oa]s?|at[oaie]|ut[oaie]|"
    r"it[oaie]))\s+(?=\w)"
)
_CLAUSE_END = re.compile(r"[,;:.!?()\u2014\u2013]|\s+(?:and|but)\s+(?=[A-Z]|(?:the|a|an|he|she|they|it)\b)")
# words that end a noun phrase when read backwards from the pronoun: prepositions, conjunctions, verbs of saying
_BOUNDARY = frozenset(
    "of for to in on at by with from against about into over under after before during since between among "
    "and or but so than as that said says say told announced reported claimed added noted stated believed "
    "is are was were be been has have had will would could should "
    "y e o et und oder es est ist fue è é foi"  # the other languages' conjunctions and copulas
    .split()
)
_DETERMINERS = frozenset("the a an its their his her this that these those our "
                         "el la los las le les il lo gli un una une uno der die das den dem des ein eine einen het een o a os as"
                         .split())
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
    for m in sorted([*_PRONOUN.finditer(text, 0, start), *_PRONOUN_OTHER.finditer(text, 0, start),
                     *_PARTICIPLE.finditer(text, 0, start)], key=lambda m: m.start()):
        between = text[m.end():start]
        if not _CLAUSE_END.search(between):
            found = m
    if found is None or found.re is _PARTICIPLE and not text.startswith(",", _clause_end(text, end)):
        return None  # a participle's clause is set off by commas: ', opened in 1963,'; not ', killed in 1990 by ...'

    subject_start = _subject_start(text, found.start())
    if subject_start is None:
        return None
    subject = text[subject_start:found.start()].strip(" ,")
    return Relative(subject_start, _clause_end(text, end), subject, found.start(1) if found.re is _PARTICIPLE else found.end())


def _clause_end(text: str, end: int) -> int:
    close = _CLAUSE_END.search(text, end)
    return close.start() if close else len(text)


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
