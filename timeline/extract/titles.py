"""Short titles compressed from the quote's own words: drop dates, attributions, asides; keep
subject, verb and object."""
from __future__ import annotations

import re

MAX_WORDS = 14

_LEAD = re.compile(
    r"^\W*(?:(?:and|but|so\s+far|so|yet|for\s+example|for\s+instance|also|meanwhile|however|now|then|still|later|earlier|instead|indeed|moreover|"
    r"in\s+addition|in\s+(?:the\s+)?(?:meantime|end)|at\s+the\s+time|at\s+that\s+time|that\s+same\s+day|the\s+same\s+(?:day|month|year)|"
    r"y|e|et|und|en|и|а|но|pero|mais|aber|maar)(?=[\s,])\b,?\s*)+",  # and, but in the other languages too (not 'Ma', a name)
    re.IGNORECASE,
)
_SAYING = re.compile(r"\b(?:said|says|reported|reports|added|adds|noted|explained|stated|claimed|told|[Aa]ccording\s+to)\b")  # lower case: "Said" is a name
_ASIDE = re.compile(r"\s*\([^()]*\)|\s+[–—]{1,2}\s+[^–—]*\s+[–—]{1,2}(?=\s)|\s+--\s+[^-]*?\s+--(?=\s)|,\s+(?:who|which|whose|where)\b[^,]*,(?=\s)")
_QUOTED_LEAD = re.compile(r"^[\"“'‘].*?[,.!?]?[\"”'’](?!\w)\s*,?\s*(?=\S)")  # a closing quote, not an apostrophe ('wasn’t')
_CUT = re.compile(r",\s+|\s+(?:after|before|when|while|because|amid|despite|although|though|but|which|who|saying|clarifying|adding)\s+", re.IGNORECASE)


def make_title(text: str, date_spans: list[tuple[int, int]]) -> str:
    """A short title from `text` (a sentence or clause) whose date expressions sit at `date_spans`
    (offsets into `text`)."""
    body = _remove_dates(text, date_spans)
    quoted = _QUOTED_LEAD.match(body)
    if quoted:
        return _tidy(_quoted_title(body[:quoted.end()], body[quoted.end():]), text)
    body = _ASIDE.sub("", body)
    body = _LEAD.sub("", body)
    body = _main_clause(body)
    body = _LIGHT_VERB.sub("", body)
    body = _APPOSITIVE.sub(r"\1 ", body, count=1)
    body = _SHORT_ASIDE.sub(" ", body)
    body = _drop_attribution(body)
    return _tidy(_shorten(body), text)


_SUBORDINATE = re.compile(r"^(?:as|when|after|before|while|although|though|because|since|if|once|despite|following|amid|with)\b", re.IGNORECASE)
# 'Dalia Vorn, the deputy head of the committee, told ...': the description after a named subject
_APPOSITIVE = re.compile(r"^((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*),\s+(?:the|a|an|former|then|now|its|his|her|their)\s[^,]{3,160}?,\s+(?=[a-z])")
_SHORT_ASIDE = re.compile(r",\s+(?:(?:in|at|on|a|an|the|aged|now|then|once|still|himself|herself|themselves)\b[^,]{0,45}|\d{1,3}),\s+(?=[a-z])")


_PREPOSITION = re.compile(r"^(?:in|at|on|during|under|by|for|from|to|through|throughout|within|over|of|amid|among)\b", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:\w+ed|is|are|was|were|has|have|had|will|would|did|does|do|said|says|made|began|took|went|came|left|met|won|lost|fled|became)\b")  # lower case: "IS" is a name


def _main_clause(body: str) -> str:
    """'As his regime began violating the accords, the authorities began a smear campaign' -> the
    main clause after the comma; so too after a leading phrase with no verb ('In a speech to the
    assembly, the president announced ...')."""
    comma = body.find(", ")
    if _PREPOSITION.match(body) and comma > 0 and not _FINITE.search(body[:comma]) and len(body[comma + 2:].split()) >= 4:
        return body[comma + 2:]
    if not _SUBORDINATE.match(body):
        return body
    comma = body.find(", ")
    rest = body[comma + 2:] if comma > 0 else ""
    return rest if len(rest.split()) >= 4 else body


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3}|`+|~~)(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_LINE_MARKS = re.compile(r"(?:^|(?<=\s))(?:#{1,6}|>+|\|)(?=\s|$)|\s\|\s|^\s*[-*+]\s+")


def without_markup(text: str) -> str:
    """Markdown's marks out of a title: emphasis, code, links (their text kept), headings, quote and
    table bars. (Each pattern is tried only on a text holding a character it needs: most titles hold none.)"""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text or "~" in text:
        for _ in range(2):
            text = _EMPHASIS.sub(r"\2", text)
    if "#" in text or ">" in text or "|" in text or text.lstrip()[:1] in ("-", "*", "+"):
        text = _LINE_MARKS.sub(" ", text)
    return text


def _tidy(body: str, text: str) -> str:
    body = re.sub(r"\s+", " ", without_markup(body)).strip(" ,;:-–—\"“”'‘’.，、。；：！？「」")
    if body.count("“") > body.count("”"):
        body = body.replace("“", "", body.count("“") - body.count("”"))
    if body.count('"') % 2:
        body = body.replace('"', "", 1)
    return (body[:1].upper() + body[1:]) if body else " ".join(text.split())[:80]


_SPEAKER = re.compile(r"^\s*(.{1,80}?\b(?:said|says|announced|announces|declared|declares|told\s+[^,.;]{1,40}|warned|warns|added|stated|wrote|tweeted))\b", re.IGNORECASE)


def _quoted_title(quotation: str, rest: str) -> str:
    """'"They will be forgiven," the ministry said' -> 'the ministry said: They will be forgiven'."""
    rest = _ASIDE.sub("", rest)
    content = quotation.strip().strip("\"“”'‘’ ,.")
    m = _SPEAKER.match(rest)
    if not m:
        return _shorten(rest) if len(rest.split()) >= 3 else _shorten(content)
    speaker = m.group(1).strip(" ,")
    budget = max(4, MAX_WORDS - len(speaker.split()))
    content = _LIGHT_VERB.sub("", content)
    words = content.split()
    if len(words) > budget and (main := _LONG_SUBJECT.match(content)):
        words = f"{main.group(1)} {main.group(2)}".split()  # 'Farmers who lost ... will receive a grant' -> 'Farmers will receive a grant'

    clipped = " ".join(words[:budget]) + (" ..." if len(words) > budget else "")
    return f"{speaker}: {clipped}"


# 'will take all the necessary measures to vaccinate' -> 'will vaccinate': the phrase carries the verb after it
_LIGHT_VERB = re.compile(
    r"\b(?:take|takes|taking|took|taken)\s+(?:all\s+)?(?:the\s+)?(?:(?:necessary|possible|further|urgent|concrete|appropriate)\s+)*"
    r"(?:measures|steps|action)\s+to\s+"
    r"|\b(?:do|does|doing|did|done)\s+(?:everything|all)\s+(?:possible|it\s+can|they\s+can|in\s+(?:its|their|our)\s+power)\s+to\s+"
    r"|\b(?:make|makes|making|made)\s+every\s+(?:possible\s+)?effort\s+to\s+|\bspare\s+no\s+effort\s+to\s+",
    re.IGNORECASE,
)
# a quotation's subject with a long relative clause, then its main verb after a modal (the last one):
# 'Farmers who lost their herds ... will receive a grant'
_LONG_SUBJECT = re.compile(r"^(?!(?:I|we|you|he|she|they|it|this|there)\b)((?:\S+\s+){0,3}?\S+)\s+(?:who|that|which)\s.+\s((?:will|would|shall|can|could|must|should|may|might)\s+(?:\S+\s*){2,})$",
                           re.DOTALL)
_TO_WHOM = re.compile(r"^\s*(?:(?:[\w’'-]+\s+){1,5}?(?=that\s))?(?:that\s+)?")  # 'told reporters that', 'said in a statement that'
_PRONOUN = re.compile(r"(?:it|its|he|his|she|her|they|their|them|we|our|this|these)\b", re.IGNORECASE)


def _drop_attribution(body: str) -> str:
    """'X happened, officials said' -> 'X happened'; 'Police said (that) X happened' -> 'X happened'."""
    comma = max(body.rfind(","), body.rfind(";"))
    if comma > 0:
        tail = body[comma + 1:]
        if len(tail.split()) <= 9 and _SAYING.search(tail) and len(body[:comma].split()) >= 3:
            body = body[:comma]
    words = body.split()
    head = " ".join(words[:8])
    m = _SAYING.search(head)
    if m and not m.group().lower().startswith("according"):
        rest = _TO_WHOM.sub("", body[m.end():], count=1)
        if _PRONOUN.match(rest):
            return body  # 'The UN said its headquarters collapsed': the speaker is the subject
        if len(rest.split()) >= 4 and body[:m.start()].strip() and not body[:m.start()].rstrip().endswith(","):
            body = rest
    elif m:
        rest = body[m.end():]
        comma = rest.find(",")
        if 0 <= comma and len(rest[comma + 1:].split()) >= 4 and body[:m.start()].strip() == "":
            body = rest[comma + 1:]
    return body


def _remove_dates(text: str, spans: list[tuple[int, int]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        before = text[pos:start]
        if not "".join(out).strip(" ,;:\"“'‘") and not before.strip(" \"“'‘") and _SUBJECT_NEXT.match(text, end):
            out.append(before + text[start:end])  # the date is the subject: 'This year marks ...'
            pos = end
            continue
        pos = end
        if text.startswith(("’s", "'s"), pos):  # 'from Thursday's earthquake' -> 'from the earthquake'
            out.append(before + "the")
            pos += 2
        else:
            out.append(_without_prepositions(before, _DAY_ORDINAL.match(text, start) is not None))
        suffix = _CASE_SUFFIX.match(text, pos)  # Turkish "Temmuz'da" (in July): the case ending goes with the date
        if suffix:
            pos = suffix.end()
        if not "".join(out).strip(" ,;:\"“'‘"):  # a leading date phrase: drop its comma too
            while pos < len(text) and text[pos] in ", ":
                pos += 1
    out.append(text[pos:])
    result = "".join(out)
    result = _SPACE_PUNCT.sub(r"\1", result)
    result = _DOUBLE_COMMA.sub(",", result)
    result = _LEADING_PUNCT.sub("", result)
    return _SPACES.sub(" ", result)


_PREP_WORDS = frozenset(
    "on in at since by until from during of for between around about through throughout early late mid "
    "earlier later last this next after before year".split()
    # the words that lead into a date in the other languages the date engine reads (fr, de, es, it, pt, nl, ru)
    + "le la les l' en au aux du depuis dès jusqu'au vers entre avant après "
      "am im vom seit bis ab zum um an von dem den "
      "el del al desde hasta los las este esta "
      "il nel nella dal dalla alla fino "
      "em no na desde até "
      "op sinds tot "
      "в во с со до к на по от "
      "jahr jahre año année anno ano jaar l'an "  # 'im Jahr 1871', 'en el año 1492'
      "w we z od przed у з від في منذ حتى".split()  # Polish, Ukrainian, Arabic

)
_AS_TAIL = re.compile(r"\bas\s+(?:(?:early|late|recently|long\s+ago)\s+as|of)\s*$", re.IGNORECASE)


_CASE_SUFFIX = re.compile(r"['’](?:[dt][ae]|[dt][ae]n|n?[iıuü]n|n?[dt][ae])(?!\w)")
_CJK_PREPOSITION = re.compile(r"(?<=[\u4e00-\u9fff])[于在到从自至]$")  # '会议于3月5日开幕' -> '会议开幕'
_DAY_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)\b")  # 'the 3rd of May': 'the' leads into the date


def _without_prepositions(before: str, day_ordinal: bool = False) -> str:
    """Drop the prepositions that lead into a date ('... set up on' -> '... set up'), and 'the' before a day
    written as an ordinal ('on the 3rd of May'), not before a date that modifies a noun ('the 2024 budget')."""
    tail = _AS_TAIL.search(before, max(0, len(before) - 30)) or _CJK_PREPOSITION.search(before)
    if tail:
        before = before[:tail.start()]
    end = len(before.rstrip())
    while end:
        start = before.rfind(" ", 0, end) + 1
        word = before[start:end].lower()
        if word not in _PREP_WORDS and not (day_ordinal and word == "the"):
            break
        end = len(before[:start].rstrip())
    return before[:end] + (" " if end < len(before) else "")


_SUBJECT_NEXT = re.compile(r",?\s+(?:is|was|marks|marked|saw|sees|will|has|had|brought|brings)\b")
_DOUBLE_COMMA = re.compile(r",(?:\s*,)+")
_SPACE_PUNCT = re.compile(r"\s+([,.;:])")
_LEADING_PUNCT = re.compile(r"^[\s,;:.\-–—]+")
_SPACES = re.compile(r"\s{2,}")


def _shorten(body: str) -> str:
    """Cut at the first clause boundary after a few words, then at MAX_WORDS."""
    words = body.split()
    if len(words) <= MAX_WORDS:
        return body
    for m in _CUT.finditer(body):
        if len(body[:m.start()].split()) >= 5:
            body = body[:m.start()]
            break
    words = body.split()
    if len(words) > MAX_WORDS + OVERRUN:
        body = " ".join(words[:MAX_WORDS])
        while (cut := _CUT_TAIL.sub("", body)) != body:  # 'outrage at the' -> 'outrage'
            body = cut
    return body


OVERRUN = 6  # a clause a few words over MAX_WORDS is kept whole: cutting it would drop its object ('broke ranks')


# a title cut at MAX_WORDS does not end inside a clause it cannot finish: 'organization that threatened',
# 'measures to make', 'the', 'claimed that 27 fighters had'
_CUT_TAIL = re.compile(
    r"(?:\s+(?<!said )(?<!says )(?<!reported )(?:that|which|who|whose|to|as|because|after|before|when|while)(?:\s+\S+){0,2}"
    r"|\s+(?:the|a|an|of|to|in|on|and|or|for|with|by|at|from|his|her|their|its"
    r"|had|has|have|was|were|is|are|will|would|could|should|may|might|be|been|being))$",
    re.IGNORECASE,
)
