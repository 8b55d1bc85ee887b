"""Figures the sources state, and disputes when they disagree about one quantity.

A *claim* is a number that counts people in a sentence which says what happened to them: '157,000
deaths', '1,094 Tajik nationals have joined ISIL', 'lost 100,000 lives', 'some 1,900 Tajik nationals
left for Syria'. Claims are found in every sentence of a document, dated or not (a figure is often
given in a sentence of its own), by claims_in() in the per-document stage.

Two claims count the same quantity when they count the same kind of happening (words.ACTION_KINDS
near the number: killed, joined, returned, arrested, fled...) and are about the same thing: a name
both sentences give (a demonym's plural counts as the name: 'Tajiks' / 'Tajik nationals'), or a noun of
the same happening ('conflict' / 'war'). Claims from at least two documents whose figures differ by
more than FIGURE_SPREAD become one dispute, hung on the most important event that cites one of the
claims' sentences. Figures of one document are its own account (a running count, a breakdown) and
never dispute each other alone.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from timeline.extract.groups import compatible
from timeline.extract.sentences import sentence_bounds
from timeline.extract.words import kind_matches, words_and_names

FIGURE_SPREAD = 1.05  # a figure allows 5% either way (a rounding): '1,094' and 'about 1,100' agree
COUNT_NOUNS = frozenset(
    """people persons civilians citizens nationals residents inhabitants fighters militants jihadists
    insurgents rebels soldiers troops officers policemen members activists supporters followers refugees
    migrants immigrants children women men boys girls deaths lives dead casualties victims returnees
    prisoners detainees protesters demonstrators recruits volunteers workers students families""".split()
)
# Nouns that name one happening, so that claims about 'the conflict' and 'the civil war' meet.
HAPPENING_NOUNS = {
    "war": ("war", "wars", "conflict", "conflicts", "fighting", "hostilities", "insurgency"),
    "attack": ("attack", "attacks", "bombing", "bombings", "blast", "explosion", "massacre"),
    "disaster": ("earthquake", "quake", "flood", "floods", "hurricane", "tsunami", "epidemic", "pandemic", "outbreak"),
}
_HAPPENING_KEYS = frozenset("=" + kind for kind in HAPPENING_NOUNS)
DEATH_NOUNS = frozenset({"deaths", "lives", "dead", "casualties"})
_HAPPENING = {word: kind for kind, words in HAPPENING_NOUNS.items() for word in words}
# '157,000', '1.5m', not inside a word or another number: its first digit leads (and the look-behind follows it), so
# that a search over a whole article skips from digit to digit in C.
_NUMBER = re.compile(r"(\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?))(\s*(?:m|million|bn|billion)\b)?")
_COUNTED = [re.compile(r"\s+(?:(?:more|other|of\s+(?:its|their|the)|[A-Z][\w’'-]+)\s+){%d}([A-Za-z]+)" % n) for n in range(3)]
_ORIGIN = re.compile(r"\s+from\s+(?:[a-z]+\s+)?[A-Z][\w-]+")  # '4,000 people from central Asia'
_BOUNDS = {"more than": "min", "over": "min", "at least": "min", "upwards of": "min", "up to": "max", "fewer than": "max",
           "less than": "max", "under": "max", "at most": "max"}
_BOUND = re.compile(r"\b(" + "|".join(_BOUNDS) + r")\s+$", re.IGNORECASE)
_DEMONYM = re.compile(r"[A-Z][a-z]+s")


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure one sentence of one document states."""

    source: str
    offset: int  # of the sentence in the document's text
    quote: str  # the sentence
    value: str  # the figure as written ('157,000', '1.5m')
    number: float
    kinds: frozenset[str]  # what happened to the people counted
    about: frozenset[str]  # names and happening nouns the sentence gives
    date: str | None  # of the date expression nearest to the figure in its sentence
    counted: str = ""  # who is counted, when the text names them ('Tajik nationals', 'Tajiks' -> 'tajik')
    bound: str = ""  # 'min' for 'more than 300', 'max' for 'up to 500', '' for a figure given as such

    def range(self) -> tuple[float, float]:
        """The numbers the claim allows: a figure as such within FIGURE_SPREAD (a rounding), or a bound."""
        low, high = self.number / FIGURE_SPREAD, self.number * FIGURE_SPREAD
        return (self.number, float("inf")) if self.bound == "min" else (0.0, high) if self.bound == "max" else (low, high)


def claims_in(source: str, text: str, start: int, stop: int, dates: Sequence[tuple[int, int, str]] = ()) -> list[Claim]:
    """The claims of text[start:stop]. `dates` are the date expressions found there, as (start, end,
    EDTF value): a number inside one is a date, not a figure; the nearest in the sentence dates the figure."""
    out = []
    spans = sorted(dates)
    starts = [a for a, _, _ in spans]
    for m in _NUMBER.finditer(text, start, stop):
        at = bisect_right(starts, m.start()) - 1
        if at >= 0 and m.start() < spans[at][1]:
            continue  # inside a date expression (expressions do not overlap)
        counted = _counted_noun(text, m.end(), stop)
        if counted is None:
            continue
        noun = counted.group(1)
        a, b = sentence_bounds(text, m.start(), m.end())
        kinds = _kinds_near(text, a, b, m.start(), counted.end(), noun)
        if kinds:
            quote = text[a:b]
            origin = _ORIGIN.match(text, counted.end(), b)
            who = _counted(text[counted.start():counted.start(1)] + (origin.group() if origin else ""), noun)
            bound = _BOUND.search(text, max(a, m.start() - 16), m.start())
            out.append(Claim(source, a, quote, _value(m), _number(m), kinds, _about(quote, noun), _nearest(dates, a, b, m.start()), who,
                             _BOUNDS.get(bound.group(1).lower(), "") if bound else ""))
    return out


_BOUNDARY = re.compile(r"[,;:()\u2014\u2013]|\s(?:and|but|while|whereas|although)\s")
_PUNCTUATION = re.compile(r"[,;:()\u2014\u2013]")
BEFORE, AFTER = 40, 100  # characters of the figure's own clause read before the number and after the noun


def _kinds_near(text: str, a: int, b: int, number: int, noun_end: int, noun: str) -> frozenset[str]:
    """What happened to those counted: kinds of happening named in the figure's own clause ('that killed
    44 civilians', '1,094 Tajik nationals have joined'), or by the noun itself ('157,000 deaths')."""
    if noun.lower() in DEATH_NOUNS:
        return frozenset({"death"})
    lo = max(a, number - BEFORE)
    before = [m.end() for m in _BOUNDARY.finditer(text, lo, number)]
    hi = min(b, noun_end + AFTER)
    after = _PUNCTUATION.search(text, noun_end, hi)  # 'left for Syria and Iraq to join IS': 'and' joins places here
    start = before[-1] if before else lo
    clause = text[start:after.start() if after else hi]
    found = sorted((abs(start + m.start() - number), kind) for kind, m in kind_matches(clause))
    return frozenset({found[0][1]}) if found else frozenset()  # the nearest: '84 killed in demonstrations' counts deaths


def _counted(phrase: str, noun: str) -> str:
    """The names that say who is counted: capitalised words around the noun, a demonym noun as its singular."""
    names = [w for w in phrase.split() if w[:1].isupper()]
    if _DEMONYM.fullmatch(noun):
        names.append(noun[:-1])
    return " ".join(names).lower()


def _nearest(dates: Sequence[tuple[int, int, str]], a: int, b: int, at: int) -> str | None:
    """The value of the date expression of the sentence [a, b) nearest to `at`, if any."""
    inside = [(abs(s - at), value) for s, e, value in dates if a <= s and e <= b]
    return min(inside)[1] if inside else None


def _counted_noun(text: str, at: int, stop: int) -> re.Match[str] | None:
    """The noun a figure counts, after up to two modifiers ('1,094 Tajik nationals', '1,000 Tajiks', '1,100
    of its citizens'): a noun of people or a plural demonym; None when the figure counts something else."""
    for pattern in _COUNTED:
        m = pattern.match(text, at, stop)
        if m and (m.group(1).lower() in COUNT_NOUNS or _DEMONYM.fullmatch(m.group(1))):
            return m
    return None


def _value(m: re.Match[str]) -> str:
    return m.group(1) + (m.group(2) or "").replace(" ", "")


def _number(m: re.Match[str]) -> float:
    scale = {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}.get((m.group(2) or "").strip().lower(), 1.0)
    return float(m.group(1).replace(",", "")) * scale


def _about(quote: str, noun: str) -> frozenset[str]:
    """The sentence's names (a plural demonym as its singular) and the happening nouns it uses."""
    _, names = words_and_names(quote)
    found = {name[:-1] if _DEMONYM.fullmatch(name.capitalize()) else name for name in names}
    if _DEMONYM.fullmatch(noun):
        found.add(noun[:-1].lower())
    found.update("=" + _HAPPENING[w] for w in re.findall(r"[a-z]+", quote.lower()) if w in _HAPPENING)
    return frozenset(found)


def claim_disputes(claims: Iterable[Claim], holder: Callable[[Claim], Any]) -> dict[Any, list[dict[str, Any]]]:
    """Figure disputes by the event that holds them: `holder(claim)` is the rank of the event citing the
    claim's sentence (its index, or any key that sorts as events do; None when no event does); a
    dispute goes to the holder that comes first (events are given most important first)."""
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for kind, members in by_kind(claims):
        for key, dispute in kind_disputes(kind, members, holder):
            out[key].append(dispute)
    return out


def by_kind(claims: Iterable[Claim]) -> list[tuple[str, list[Claim]]]:
    """The claims of each kind of happening, kinds in order: disputes never join two kinds."""
    found: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        for kind in claim.kinds:
            found[kind].append(claim)
    return sorted(found.items())


def kind_disputes(kind: str, claims: Iterable[Claim], holder: Callable[[Claim], Any]) -> list[tuple[Any, dict[str, Any]]]:
    """(holder, dispute) of the figure disputes among claims of one kind, in a stable order."""
    out = []
    for cluster in _clusters(claims):
        holders = sorted(h for h in (holder(c) for c in cluster) if h is not None)
        if holders and len({c.source for c in cluster}) >= 2 and _spread(cluster):
            out.append((holders[0], _dispute(kind, cluster)))
    return out


def _clusters(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Claims of one kind joined (connected components) when they share what they are about, their figures
    are within FIGURE_RATIO of each other and their dates may be the same; in a stable order."""
    members = sorted(set(claims), key=_order)
    parent = list(range(len(members)))
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(members):
        for key in claim.about:
            by_key[key].append(i)
    for key in sorted(by_key):
        ranked = sorted(by_key[key], key=lambda i: (members[i].number, i))
        for i, j in zip(ranked, ranked[1:]):
            if _same_quantity(members[i], members[j]):
                parent[_root(parent, i)] = _root(parent, j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(members):
        groups[_root(parent, i)].append(claim)
    return [group for _, group in sorted(groups.items()) if len(group) > 1 and _consistent(group)]


FIGURE_RATIO = 4.0  # figures further apart than this count different things ('40 people from one village')


def _order(c: Claim) -> tuple[Any, ...]:
    """Claims in their document's order; equal claims are one (a total order: no tie to the hash seed)."""
    return (c.source, c.offset, c.number, c.value, c.counted, c.bound, c.date or "", sorted(c.kinds), sorted(c.about))


def _same_quantity(a: Claim, b: Claim) -> bool:
    low, high = sorted((a.number, b.number))
    if a.counted != b.counted:
        return False  # 'Tajiks' and 'Central Asians' are different counts
    if not a.counted and not (a.about & b.about & _HAPPENING_KEYS) and len(a.about & b.about) < 2:
        return False  # nothing says who is counted: the same happening, or two names in common
    return low > 0 and high <= FIGURE_RATIO * low and (a.date is None or b.date is None or compatible(a.date, b.date))


def _consistent(group: list[Claim]) -> bool:
    """No two of its dated figures are dated apart (an undated figure may join two that are)."""
    dated = sorted({c.date for c in group if c.date})
    return all(compatible(x, y) for i, x in enumerate(dated) for y in dated[i + 1:])


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _spread(cluster: list[Claim]) -> bool:
    """True when two documents give figures that cannot both hold (ranges that do not meet)."""
    for i, a in enumerate(cluster):
        for b in cluster[i + 1:]:
            (a_low, a_high), (b_low, b_high) = a.range(), b.range()
            if a.source != b.source and (a_high < b_low or b_high < a_low):
                return True
    return False


QUESTIONS = {"death": "How many died?", "join": "How many joined?", "return": "How many returned?",
             "arrest": "How many were arrested?", "flee": "How many fled?", "sentence": "How many were sentenced?"}


def _dispute(kind: str, cluster: list[Claim]) -> dict[str, Any]:
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for claim in cluster:
        by_value[claim.value].append(claim)
    claims = [{"value": value, "citations": [_cite(c) for c in sorted(cs, key=lambda c: (c.source, c.offset))]}
              for value, cs in sorted(by_value.items(), key=lambda item: (min(c.number for c in item[1]), item[0]))]
    return {"about": "figure", "description": QUESTIONS.get(kind, f"How many ({kind})?"), "claims": claims}


def _cite(claim: Claim) -> dict[str, Any]:
    return {"source": claim.source, "quote": claim.quote, "offset": claim.offset}
