"""Words of a sentence for comparing content: lower-cased content words, light stemming, names."""
from __future__ import annotations

import re
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
        return stem(word)
    return None


_AFTER_BREAK = re.compile(r"[.!?:\"“]\s*$")


def words_and_names(text: str) -> tuple[list[str], set[str]]:
    """content_words of a text, and its capitalised names (lower-cased): capitalised words that are
    not the first word of the text or of a sentence, a cheap stand-in for named entities."""
    words: list[str] = []
    found: set[str] = set()
    for i, m in enumerate(_TOKEN.finditer(text)):
        token = m.group()
        word = _normal(token)
        if word is None:
            continue
        words.append(word)
        if i and token[0].isupper() and not _AFTER_BREAK.search(text, max(0, m.start() - 2), m.start()):
            found.add(token.lower())
    return words, found


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
