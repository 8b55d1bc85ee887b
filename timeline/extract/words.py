"""Words of a sentence for comparing content: lower-cased content words, light stemming, names."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Set as AbstractSet
from functools import lru_cache

from timeline.extract.timex.lexicon import MONTHS, WEEKDAYS

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can cannot could did do does doing don't down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up upon very was we were what when where which while who whom why will
    with would you your yours yourself yourselves said says say saying told tells according also would could
    one two three four five six seven eight nine ten first last new year years month months week weeks day
    days today yesterday tomorrow may since ago earlier later next time mr mrs ms dr per cent percent still even well back
    many much however though although including around among within without may might must shall us it's
    he's she's that's there's they're we're i'm i've we've they've s t""".split()
) | frozenset(MONTHS) | frozenset(WEEKDAYS)  # month and weekday names from the date engine's one table

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude suffix-stripping stem, enough to match 'returned'/'returns'/'returning'."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Stemmed, lower-cased words of `text` without stopwords, in order."""
    return words_and_names(text)[0]


@lru_cache(maxsize=1 << 17)
def _normal(token: str) -> str | None:
    """The stemmed content word of a token, or None for a stopword or a short word."""
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 2 and word not in STOPWORDS:
        return spelling_key(stem(word))
    return None


_SPELLINGS = re.compile(r"kh|dh|gh|q|g|o|(\w)\1")


def spelling_key(word: str) -> str:
    """One key for the spellings that transliterations of one name take ('Khalimov'/'Halimov',
    'Gaddafi'/'Qaddafi'/'Gadhafi', 'Mukhiddin'/'Muhiddin'): kh -> h, dh -> d, gh/q/g -> k, o -> u, a
    doubled letter once. Words are compared by key, never shown."""
    return _SPELLINGS.sub(lambda m: _SPELLING.get(m.group(), m.group()[:1]), word)


_SPELLING = {"kh": "h", "dh": "d", "gh": "k", "q": "k", "g": "k", "o": "u"}


_AFTER_BREAK = re.compile(r"[.!?:\"“]\s*$")


def words_and_names(text: str, document: str | None = None) -> tuple[list[str], set[str]]:
    """content_words of a text, and its capitalised names (lower-cased): capitalised words that are
    not the first word of the text or of a sentence, a cheap stand-in for named entities. With `document`
    (the article the text is from), also the capitalised words that open the text or one of its sentences
    and that the article capitalises inside a sentence: names too ('Marrow, who took office ...' in an
    article that says 'Governor Ilse Marrow'), not 'The' or 'Dockworkers'."""
    words: list[str] = []
    found: set[str] = set()
    inside: frozenset[str] = _named_inside(document) if document is not None else frozenset()
    for i, m in enumerate(_TOKEN.finditer(text)):
        token = m.group()
        word = _normal(token)
        if word is None:
            continue
        words.append(word)
        if token[0].isupper() and (token in inside or i and not _AFTER_BREAK.search(text, max(0, m.start() - 2), m.start())):
            found.add(token.lower())
    return words, found


# A name of several capitalised words, with the small words a name may hold between them. (Its capital comes before
# the look-behind, here and in _INSIDE's space, so that a search skips to the next capital or space at C speed.)
_LONG_NAME = re.compile(r"[A-Z](?<![\w’'-].)[a-z][A-Za-z’'-]*(?:(?:\s+(?:of|for|and|on|the|de|del|des|du|la|für|der)\s+|\s+)[A-Z][a-z][A-Za-z’'-]*)+")
_LEADING = re.compile(r"^(?:The|A|An|In|On|At|By|For|From|With|After|Before|When|While|This|That|Its|His|Her|Their)\s+")
ACRONYM_LETTERS = 3  # shorter initials ('IS', 'UN') name too many things to say two sentences share a name


def acronyms(text: str, document: str) -> set[str]:
    """The initials of each long name in text ('Islamic Revival Party of Tajikistan' -> 'irpt', 'International
    Center for Counter-Terrorism' -> 'icct'), lower-cased, when `document` (the article the text is from) writes
    them too: a sentence naming the party and one naming the IRPT then share a name. ('President Barack Obama'
    gives 'PBO', which no article writes.)"""
    out = set()
    for m in _LONG_NAME.finditer(text):
        words = [w for w in _LEADING.sub("", m.group()).split() if w[0].isupper() and not _COMPOUND.search(w)]
        letters = "".join(part[0] for word in words for part in word.split("-") if part[:1].isupper())
        if len(letters) >= ACRONYM_LETTERS and letters in _named_inside(document):
            out.add(letters.lower())
    return out


_COMPOUND = re.compile(r"-[a-z]")  # 'Hague-based', 'Kurdish-led': a word about the name, not of it


_INSIDE = re.compile(r"\s(?<=[a-z,;]\s)\s*([A-Z][A-Za-z'’-]*[A-Za-z]|[A-Z])(?![A-Za-z])")


@lru_cache(maxsize=8)
def _named_inside(document: str) -> frozenset[str]:
    """The capitalised words `document` writes after a lower-case word or a comma (one pass per document)."""
    return frozenset(_INSIDE.findall(document))


_PUNCT = "\"'“”‘’.,;:!?()[]{}<>«»—–-…*/\\|#@$%^&+=~`0123456789"


def vocabulary(text: str) -> set[str]:
    """The set of content_words of a text, computed on its distinct tokens (fast for whole articles)."""
    found = {_bare(token) for token in set(text.lower().split())}
    found.discard(None)
    return found  # type: ignore[return-value]


@lru_cache(maxsize=1 << 17)
def _bare(token: str) -> str | None:
    """A whitespace-separated token's content word, without surrounding punctuation, or None."""
    return _normal(token.strip(_PUNCT))


# What kind of happening a sentence reports, so that paraphrases ('signed the peace accord' / 'the peace
# agreement of June 1997') meet on the kind. Each entry is a word, or a stem ending in '*' (any ending).
ACTION_KINDS = {
    "agreement": ("accord*", "agreement*", "treat(y|ies)", "pact*", "ceasefire*", "cease-fire*", "truce*", "armistice*"),
    "ban": ("ban", "bans", "banned", "banning", "outlaw*", "prohibit*", "forbid*", "forbad*", "proscri*"),
    "arrest": ("arrest*", "detain*", "detention*", "apprehend*"),
    "sentence": ("sentenc*", "convict*", "verdict*", "jailed", "imprison*", "acquit*"),
    "death": ("kill*", "death*", "dead", "die", "dies", "died", "dying", "casualt*", "fatalit*", "lives", "slain", "liquidat*"),
    "attack": ("attack*", "bomb*", "ambush*", "assault*", "shooting*", "explosion*", "blast*", "raid*", "air ?strikes?"),
    "join": ("defect*", "join", "joins", "joined", "joining", "recruit*", "(pledged|pledging|pledges|pledge|swore|sworn|swears|declared|declaring|declares) allegiance", "(go|goes|going|gone|went|left|travell?ed) to (fight|join)", "fighting (for|alongside)"),
    "return": ("return*", "repatriat*", "(brought|bring|bringing) (them |children |\\w+ )?(home|back)", "came back", "come back"),
    "amnesty": ("amnest*", "pardon*", "forgiv*", "clemency"),
    "flee": ("fled", "flee*", "escap*", "exile*"),
    "revolt": ("mutin*", "rebellion*", "uprising*", "revolt*", "coup", "coups", "insurrection*", "insurgency"),
    "rule": ("ruled", "rules", "in power", "in office", "reign*", "(came|come|took|take|taking|coming) (to )?(power|office)",
             "(became|become|becomes|becoming) (the )?(\\w+ ){0,2}(president|prime minister|premier|governor|mayor|chancellor|king|queen|"
             "emperor|leader|chairman|chairwoman|chief executive)"),
    "election": ("election*", "elected", "re-elected", "vote", "votes", "voted", "voting", "ballot*", "polls"),
    "appoint": ("appoint*", "succeed*", "nominat*", "sworn in"),
    "resign": ("resign*", "stepped down", "step down", "steps down"),
    "found": ("founded", "established", "set up", "launched", "created", "formed"),
    "protest": ("protest*", "demonstrat*", "rall(y|ies|ied)"),
    "strike": ("strike", "strikes", "striking", "striker*", "walkout*", "walk-out*", "(walked|walk|walking|walks) (off|out)", "stoppage*"),
    "disaster": ("earthquake*", "quake*", "flood*", "hurricane*", "tsunami*", "outbreak*", "epidemic*", "pandemic*",
                 "wildfire*", "bushfire*", "forest fires?", "landslide*", "mudslide*", "avalanche*"),
    "evacuation": ("evacuat*",),
}


# The same kinds in other languages (es, fr, de, it, pt), looked up in every text. ACTION_KINDS are English words,
# looked up only in English texts: in others they misread ('die' is a German article, not a death).
OTHER_LANGUAGE_KINDS = {
    "strike": ("grève", "grèves", "gréviste*", "huelga", "huelgas", "huelguista*", "streik*", "sciopero", "scioperi", "greve", "greves"),
    "disaster": ("incendio", "incendios", "incendi", "incendie", "incendies", "waldbrand*", "terremoto*", "séisme*", "erdbeben*",
                 "inondation*", "inundaci*", "alluvion*", "überschwemmung*", "frana", "frane", "smottament*", "valang*",
                 "deslizamiento*", "deslizamento*", "derrumbe*", "alud", "aludes", "glissement*", "éboulement*", "erdrutsch*",
                 "lawine*"),
    "evacuation": ("evacu*", "évacu*", "evakuier*"),
}


def _fragment(entry: str) -> str:
    body = entry[:-1] + r"\w*" if entry.endswith("*") else entry
    return body.replace(" ", r"\s+")


_KINDS = [(kind, re.compile(r"\b(?:" + "|".join(_fragment(e) for e in entries) + r")\b", re.IGNORECASE))
          for kinds in (ACTION_KINDS, OTHER_LANGUAGE_KINDS) for kind, entries in kinds.items()]


def _expand(entry: str) -> list[str]:
    """'treat(y|ies)' -> ['treaty', 'treaties']; any other entry as it is."""
    m = re.fullmatch(r"([a-z]+)\(([a-z|]+)\)", entry)
    return [m.group(1) + tail for tail in m.group(2).split("|")] if m else [entry]


def _anchors(entry: str) -> tuple[str, ...]:
    """Words one of which a phrase entry cannot match without: its longest plain word, or the
    alternatives of its first group ('(came|took) (to )?power' -> ('came', 'took'))."""
    plain = sorted((w.rstrip("*?") for w in entry.split() if re.fullmatch(r"[a-z-]+\*?\??", w)), key=len)
    if plain and len(plain[-1]) >= 3:
        return (plain[-1],)
    group = re.search(r"\(([a-z| ]+)\)", entry)
    return tuple(a.strip() for a in group.group(1).split("|")) if group else ("",)


class _Lookup:
    """One table of kinds (ACTION_KINDS or OTHER_LANGUAGE_KINDS) as words, stems and phrases, for action_kinds."""

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self.words: dict[str, set[str]] = {}  # word -> kinds
        self.stems: dict[str, set[str]] = {}  # stem (an entry ending in '*') -> kinds
        self.phrases: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = []  # (kind, anchors, pattern) of the others
        for kind, entries in table.items():
            for entry in (e for item in entries for e in _expand(item)):
                if re.fullmatch(r"[^\W\d_]+\*?", entry):  # a word or a stem, in any alphabet
                    (self.stems if entry.endswith("*") else self.words).setdefault(entry.rstrip("*"), set()).add(kind)
                else:
                    self.phrases.append((kind, _anchors(entry), re.compile(r"\b(?:" + _fragment(entry) + r")\b")))
        self.stem_lengths = sorted({len(stem) for stem in self.stems})
        self.token_kinds = lru_cache(maxsize=1 << 16)(self._token_kinds)

    def _token_kinds(self, token: str) -> frozenset[str]:
        """Kinds of happening one lower-cased word names, as a word or by its stem."""
        kinds = set(self.words.get(token, ()))
        for n in self.stem_lengths:
            if n > len(token):
                break
            kinds.update(self.stems.get(token[:n], ()))
        return frozenset(kinds)

    def kinds(self, low: str, tokens: set[str]) -> set[str]:
        """What matching each kind's pattern would find in `low` (lower case, its words `tokens`): words and
        stems looked up, phrases tried only where their anchor word occurs."""
        kinds: set[str] = set().union(*map(self.token_kinds, tokens))
        for kind, anchors, pattern in self.phrases:
            if kind in kinds:
                continue
            for anchor in anchors:
                if anchor in low:
                    if pattern.search(low):
                        kinds.add(kind)
                    break
        return kinds


_ENGLISH, _OTHER = _Lookup(ACTION_KINDS), _Lookup(OTHER_LANGUAGE_KINDS)
_WORD = re.compile(r"\w+")


def action_kinds(text: str, english: bool = True) -> frozenset[str]:
    """The kinds of happening a text names ('They signed the truce' -> {'agreement'}); english=False: a text in
    another language, where only OTHER_LANGUAGE_KINDS are looked up."""
    low = text.lower()
    tokens = set(_WORD.findall(low))
    found = _OTHER.kinds(low, tokens)
    return frozenset(found | _ENGLISH.kinds(low, tokens) if english else found)


def kind_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every word or phrase of `text` naming a kind of happening, with its kind."""
    return [(kind, m) for kind, pattern in _KINDS for m in pattern.finditer(text)]


def kinds_by_name(text: str, names: AbstractSet[str], window: int = 10) -> frozenset[tuple[str, str]]:
    """(kind, name) pairs where a name (lower case) stands within `window` words of a word of that kind
    of happening: who or what the happening is about ('Rahmon, in power since 1992' -> ('rule', 'rahmon'))."""
    return frozenset(pair for pair in kinds_by_word(text, window) if pair[1] in names)


@lru_cache(maxsize=1 << 14)
def kinds_by_word(text: str, window: int = 10) -> frozenset[tuple[str, str]]:
    """(kind, word) for every lower-cased word within `window` words of a word of that kind."""
    tokens = [(m.start(), m.group().lower()) for m in _TOKEN.finditer(text)]
    starts = [t[0] for t in tokens]
    pairs: set[tuple[str, str]] = set()
    for kind, pattern in _KINDS:
        for m in pattern.finditer(text):
            at = bisect_left(starts, m.start())
            pairs.update((kind, token) for _, token in tokens[max(0, at - window): at + window + 1])
    return frozenset(pairs)
