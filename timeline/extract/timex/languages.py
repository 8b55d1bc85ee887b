"""Which language a text is written in, for the date engine: by script (Cyrillic, Arabic, Han and kana), then by
the function words of the Latin-script languages. `detect_language(text)` gives 'en', another ISO 639-1 code
dateparser knows, or None when the language is not recognised (callers warn once per file: its dates are not read).
"""
from __future__ import annotations

import re
from functools import lru_cache

# A few frequent function words per language: enough to tell the languages dateparser reads best. A word
# several languages share ('in', 'is', 'was') counts for each of them.
STOPWORDS = {
    "en": "the a an of and to in is was were that for on with as by at from it he she they be are has have".split(),
    "fr": "le la les des est une dans pour que qui sur avec par au aux du de en et à".split(),
    "de": "der die das und ist nicht mit den dem von zu auf für sich ein eine in im an es nach".split(),
    "es": "el la los las del que en por con para una es se de a y al lo".split(),
    "it": "il la che di per una con del della sono non gli in nel a e è al un".split(),
    "pt": "o a os as do da que em para com uma não dos de e no na ao".split(),
    "nl": "de het een van en is dat op te met voor zijn in was werd niet naar bij ook om".split(),
    "pl": "w na i z a się nie do że jest to od po przez dla oraz jak które który została został go jego jej ich przy za".split(),
    "tr": "ve bir bu da de için ile olarak çok daha gibi olan ise ama sonra önce".split(),
}
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
UKRAINIAN_RE = re.compile(r"[іїєґІЇЄҐ]")  # letters Russian does not have
ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
KANA_RE = re.compile(r"[\u3040-\u30ff]")
LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")
SCRIPT_CHARS = 20  # letters of a script that tell a text is written in it


def detect_language(text: str) -> str | None:
    """The language of text: by its script (Ukrainian or Russian for Cyrillic, Arabic, Japanese when Han
    characters come with kana, else Chinese), else the best-scoring of STOPWORDS (English on a tie); English
    for plain ASCII text too short to tell; None otherwise. Read from the first SAMPLE_CHARS characters, once
    per document (the date engine, its warnings and its candidate events each ask)."""
    return _detect(text[:SAMPLE_CHARS])


SAMPLE_CHARS = 1500


@lru_cache(maxsize=16)
def _detect(sample: str) -> str | None:
    script = _by_script(sample)
    if script:
        return script
    words = LATIN_WORD_RE.findall(sample.lower())
    if len(words) < 5:
        return "en" if sample.isascii() else None
    scores = dict.fromkeys(STOPWORDS, 0)
    for w in words:
        for lang in _LANGS_OF.get(w, ()):
            scores[lang] += 1
    best = max(scores, key=lambda k: scores[k])
    if scores[best] * 25 < len(words) or scores[best] == 0:  # too few function words to tell
        return "en" if sample.isascii() else None
    return "en" if scores["en"] * 2 >= scores[best] else best  # English unless another language clearly leads


def _by_script(sample: str) -> str | None:
    if len(CYRILLIC_RE.findall(sample)) > SCRIPT_CHARS:
        return "uk" if len(UKRAINIAN_RE.findall(sample)) >= 3 else "ru"
    if len(ARABIC_RE.findall(sample)) > SCRIPT_CHARS:
        return "ar"
    if len(HAN_RE.findall(sample)) > SCRIPT_CHARS:
        return "ja" if len(KANA_RE.findall(sample)) > 5 else "zh"
    return None


_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = (*_LANGS_OF.get(_w, ()), _lang)
