"""Per document: dated sentences that state a happening become candidate mentions."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline import dates
from timeline.read import Document
from timeline.extract import filters, timex, undated
from timeline.extract.clauses import Relative, relative_clause
from timeline.dates import parse_single
from timeline.extract.timex.languages import detect_language
from timeline.extract.timex.narrative import choose_mode
from timeline.extract.sentences import Span, clause_around, clause_break, own_clause, split_sentences
from timeline.extract.titles import make_title
from timeline.extract.words import acronyms, action_kinds, words_and_names

MAX_QUOTE = 400


@dataclass(frozen=True, slots=True)
class Mention:
    """One sentence (or clause) of one document that dates one happening."""

    source: str  # document id
    publisher: str | None
    published: str | None  # the document's reference date
    offset: int  # index of quote in the document's text
    quote: str
    date: str  # EDTF value of the dating expression
    expression: str  # the date expression as written
    date_spans: tuple[tuple[int, int], ...]  # every date expression in the quote, offsets into quote
    position: int  # sentence index in its document (0 = lead)
    words: tuple[str, ...]  # content words of the quote
    names: tuple[str, ...]  # capitalised names in the quote
    title_span: tuple[int, int] | None = None  # the clause to title from, when the quote dates several happenings
    kinds: frozenset[str] = frozenset()  # kinds of happening the quote names (words.action_kinds)
    subject: str = ""  # the noun a relative clause hangs on, said before title_span in the title
    until: str = ""  # the end of a happening that lasted ('2016' of 'through 2015 and 2016'); `date` is its start

    @property
    def title(self) -> str:
        """A short title compressed from the quote (computed when asked, once: only events' best mentions need one)."""
        return _title(self.quote, self.date_spans, self.title_span, self.subject)

    @property
    def key(self) -> tuple[str, int, str]:
        """Identifies a mention: document, offset, date."""
        return (self.source, self.offset, self.date)


@lru_cache(maxsize=1 << 16)
def _title(quote: str, date_spans: tuple[tuple[int, int], ...], title_span: tuple[int, int] | None, subject: str) -> str:
    """Mention.title: from the quote, or from its clause at title_span said after the subject."""
    if title_span is None:
        return make_title(quote, list(date_spans))
    a, b = title_span
    shift = len(subject) + 1 if subject else 0
    spans = [(x - a + shift, y - a + shift) for x, y in date_spans if a <= x and y <= b]
    return make_title((subject + " " if subject else "") + quote[a:b], spans)


def document_mentions(doc: Document, mode: str = "auto", date_order: str | None = None) -> list[Mention]:
    """Every candidate mention of a document (picklable top-level function for the pipeline)."""
    return mentions_of(doc, tag_document(doc, mode, date_order))


def tag_document(doc: Document, mode: str = "auto", date_order: str | None = None) -> list[timex.Timex]:
    """The document's date expressions, intervals joined, read in its mode (auto: news or narrative)."""
    if mode == "auto":
        mode = choose_mode(doc.text[doc.start:doc.stop], doc.published if doc.published_basis == "stated" else None)
    return timex.tag(doc.text, anchor=doc.published, start=doc.start, end=doc.stop, mode=mode, date_order=date_order,
                     written=doc.published_basis == "stated")


def mentions_of(doc: Document, found: list[timex.Timex]) -> list[Mention]:
    """The candidate mentions of a document, given its date expressions."""
    last = found[-1].end if found else doc.start
    stop = doc.stop if doc.published and undated.needs_more(doc.text, last, doc.stop) else _after_line(doc.text, last, doc.stop)
    if stop <= doc.start or not found and stop == last:
        return []
    sentences = split_sentences(doc.text, doc.start, stop)
    english = detect_language(doc.body) in ("en", None)
    mentions: list[Mention] = []
    seen: set[str] = set()
    cursor = 0
    for index, sentence in enumerate(sentences):
        inside = []
        while cursor < len(found) and found[cursor].start < sentence.end:
            if found[cursor].start >= sentence.start and found[cursor].end <= sentence.end:
                inside.append(found[cursor])
            cursor += 1
        if inside:
            sentence, inside = _without_chrome(doc.text, sentence, inside)
        else:
            told = found[:cursor]
            dated = (undated.story_time(doc.text, sentence.start, sentence.end, told,
                                        doc.published if doc.published_basis == "stated" else None)  # inferred: a lower bound
                     or undated.recent(doc.text, sentence.start, sentence.end, doc.published))
            inside = [dated] if dated else []
        if not inside or sentence.text in seen or _title_line(doc, sentence):
            continue
        seen.add(sentence.text)
        mentions.extend(_sentence_mentions(doc, sentence, inside, index, english))
    return mentions


def _after_line(text: str, pos: int, stop: int) -> int:
    """End of the line holding `pos` (and of the lines that continue it): sentences past the last
    date expression need not be split."""
    while True:
        nl = text.find("\n", pos, stop)
        if nl < 0:
            return stop
        nxt = nl + 1
        while nxt < stop and text[nxt] in " \t\r":
            nxt += 1
        if nxt >= stop or not text[nxt].islower():
            return nl
        pos = nxt


def _without_chrome(text: str, sentence: Span, inside: list[timex.Timex]) -> tuple[Span, list[timex.Timex]]:
    """Drop page chrome ('Last updated at ...') from the start of a sentence, with the dates in it."""
    cut = filters.chrome_end(sentence.text)
    if not cut:
        return sentence, inside
    start = sentence.start + cut
    while start < sentence.end and text[start].isspace():
        start += 1
    return Span(start, sentence.end, text[start:sentence.end]), [t for t in inside if t.start >= start]


def _title_line(doc: Document, sentence: Span) -> bool:
    """The headline repeated in the text (a dateline-like duplicate of the title)."""
    return bool(doc.title) and sentence.text.strip() == (doc.title or "").strip()


def _sentence_mentions(doc: Document, sentence: Span, inside: list[timex.Timex], index: int, english: bool = True) -> list[Mention]:
    """One mention per distinct dating expression value in the sentence, or none if it is not an event."""
    ends: dict[int, str] = {}  # expression start -> end of the span it dates (Mention.until)
    dated = [d for d in (_start_of(t, ends) for t in inside) if filters.dates_a_happening(d.value)]
    timex_chars = sum(t.end - t.start for t in inside)
    if not dated or filters.is_boilerplate(sentence.text) or filters.too_thin(sentence.text, timex_chars, english):
        return []
    out = []
    main = [t for t in _main_expressions(doc.text, dated) if not _anniversary(doc.text, t) and t.kind != timex.ANNIVERSARY_SAID]
    main = _without_coordinated(doc.text, main, ends)
    for t in main:
        if filters.is_statistic(sentence.text, t.value) or filters.is_present_state(t.text, sentence.text):
            continue
        relative = relative_clause(sentence.text, t.start - sentence.start, t.end - sentence.start)
        if relative is not None and len(main) > 1:
            out.append(_relative_mention(doc, sentence, relative, t, inside, index, english))
            continue
        quote = clause_around(sentence, t.start, t.end, MAX_QUOTE)
        if quote is not sentence and filters.is_boilerplate(quote.text):
            continue
        span: tuple[int, int] | None
        if relative is not None and _set_off(sentence.text, relative) and quote.start <= sentence.start + relative.start and sentence.start + relative.end <= quote.end:
            # the sentence's one date is its relative clause's ('Marrow, who took office in January 2017, denied
            # ...'): the happening, and so the title, is that clause's; the quote stays the sentence
            span, subject = (sentence.start + relative.body_start - quote.start, sentence.start + relative.end - quote.start), relative.subject
        else:
            span, subject = (_title_span(quote, t) if len(main) > 1 else _second_clause_span(quote, t)), ""
        out.append(_mention(doc, quote, t, inside, index, span, subject, until=ends.get(t.start, ""), english=english))
    return out


def _set_off(text: str, relative: Relative) -> bool:
    """True for a relative clause between commas ('Marrow, who took office in 2017, denied ...'), whose ends are
    sure; not for one run into its sentence ('an attack that killed 14 on April 3 was ...')."""
    return "," in text[relative.start + len(relative.subject):relative.body_start] and text.startswith(",", relative.end)


def _start_of(t: timex.Timex, ends: dict[int, str]) -> timex.Timex:
    """A range ('from 2010 to 2012', 'the 1992-97 war') dates a happening that lasted: the expression as
    its start, its end kept in `ends`. ('Since 2015' stays a date: 'in power since 1992' tells when a rule
    began as much as that it lasts.)"""
    if "/" in t.value and t.kind in _SPAN_KINDS:
        start, _, end = t.value.partition("/")
        if filters.dates_a_happening(start) and (end == ".." or filters.dates_a_happening(end)) and start < end:
            ends[t.start] = end
            return dataclasses.replace(t, value=start)
    return t


_SPAN_KINDS = frozenset({"range", "year_range"})  # written from one date to another, not a week or a quarter


def _mention(doc: Document, quote: Span, t: timex.Timex, inside: list[timex.Timex], index: int,
             title_span: tuple[int, int] | None, subject: str = "", until: str = "", english: bool = True) -> Mention:
    spans = [(x.start - quote.start, x.end - quote.start) for x in inside  # an anniversary said of a date stays in the title
             if quote.start <= x.start and x.end <= quote.end and x.kind != timex.ANNIVERSARY_SAID]
    words, found = words_and_names(quote.text, doc.text)
    found |= acronyms(quote.text, doc.text)
    return Mention(
        source=doc.id, publisher=doc.publisher, published=doc.published, offset=quote.start, quote=quote.text, date=t.value,
        expression=t.text, date_spans=tuple(spans), position=index, words=tuple(words), names=tuple(sorted(found)),
        title_span=title_span, kinds=action_kinds(quote.text, english), subject=subject, until=until,
    )


def _relative_mention(doc: Document, sentence: Span, relative: Relative, t: timex.Timex, inside: list[timex.Timex], index: int,
                      english: bool = True) -> Mention:
    """A date in a relative clause dates that clause's happening: quote the noun and the clause, title
    from the noun and the clause's own words ('IRPT, which was banned in September 2015' -> 'IRPT was banned')."""
    a, b = sentence.start + relative.start, sentence.start + relative.end
    quote = Span(a, b, sentence.text[relative.start:relative.end])
    return _mention(doc, quote, t, inside, index, (relative.body_start - relative.start, b - a), relative.subject, english=english)


_CLAUSE_OPENER = re.compile(r"^[\"“'‘]|^(?:which|who|whose|where|when|as|since|after|before|while|although|though|because|if|once|"
                            r"in|on|at|by|for|from|with|to|of|during|and|but|or|so|then|saying|adding|according)\b", re.IGNORECASE)
_SUBJECT_START = re.compile(r"(?:the|its|his|her|their|our|this|these|those|he|she|they|we)\s", re.IGNORECASE)
_FINITE_VERB = re.compile(r"\b(?:\w{3,}ed|is|are|was|were|has|have|had|will|did|said|made|began|took|went|came|left|met|won|lost|fled|became|signs|signed)\b")


def _second_clause_span(quote: Span, t: timex.Timex) -> tuple[int, int] | None:
    """A later clause with its own subject (led by a determiner or pronoun) and verb that holds the sentence's only date ('Now X is
    banned, its leader signed the accord in June 1997'): the date's happening is that clause's."""
    comma = quote.text.rfind(", ", 0, t.start - quote.start)
    if comma < 0 or quote.text[:1] in "\"“'‘":
        return None
    before, clause = quote.text[:comma], quote.text[comma + 2:]
    if _CLAUSE_OPENER.match(clause) or not _SUBJECT_START.match(clause):
        return None
    rest = clause.replace(t.text, " ")
    if len(rest.split()) < 6 or not _FINITE_VERB.search(rest) or not _FINITE_VERB.search(before):
        return None
    return comma + 2, len(quote.text)


def _title_span(quote: Span, t: timex.Timex) -> tuple[int, int] | None:
    """Where in the quote the clause of this date lies, when the quote holds several dated clauses."""
    clause = own_clause(quote, t.start, t.end)
    if len(clause.text.split()) - len(t.text.split()) < 4 or clause.text == quote.text:
        return None
    if clause.text.split()[0].lower() in ("which", "who", "whose", "where", "when", "as"):
        return None  # a relative clause has no subject of its own: title from the whole quote
    return clause.start - quote.start, clause.end - quote.start


def _main_expressions(text: str, dated: list[timex.Timex]) -> list[timex.Timex]:
    """The expressions that date distinct happenings: one per value; a coarser value next to a finer
    one it contains ('in May, on May 9'; 'in 2015, on 9 May'), or in the same clause ('In 1066, King
    Edward died in early January'), says the same and is dropped."""
    kept = []
    seen: set[str] = set()
    for t in dated:
        if t.value in seen:
            continue
        outer = parse_single(t.value)
        if any(o is not t and _finer(parse_single(o.value), outer) and (_near(o, t) or not crosses_clause(text, t, o)) for o in dated):
            continue
        seen.add(t.value)
        kept.append(t)
    return kept


_ANNIVERSARY = re.compile(r"\s*,?\s*(?:marks|marked|is|was|will\s+be)\s+(?:the\s+)?(?:\w+\s+){0,2}anniversary\b", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*")
_SPAN_WORD = re.compile(r"\b(?:through|throughout|between|from|during)\s+(?:the\s+)?$", re.IGNORECASE)


def _anniversary(text: str, t: timex.Timex) -> bool:
    """'This year marks the 20th anniversary of ...': the date of an anniversary, not of a happening."""
    return bool(_ANNIVERSARY.match(text, t.end))


def _without_coordinated(text: str, dated: list[timex.Timex], ends: dict[int, str]) -> list[timex.Timex]:
    """'through 2015 and 2016', 'between 2010 and 2011': coordinated dates after a word of duration date
    one happening that lasted, from the first to the last (kept in `ends`); 'bombings in 2010 and 2011' are two."""
    kept: list[timex.Timex] = []
    for t in dated:
        if kept and kept[-1].end <= t.start and _COORDINATED.fullmatch(text, kept[-1].end, t.start) \
                and _SPAN_WORD.search(text, max(0, kept[-1].start - 12), kept[-1].start):
            if kept[-1].value < t.value and not ends.get(kept[-1].start):
                ends[kept[-1].start] = t.value
            continue
        kept.append(t)
    return kept


def crosses_clause(text: str, a: timex.Timex, b: timex.Timex) -> bool:
    """True when a clause boundary (sentences.clause_break) lies between two expressions."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    return clause_break(text, first.end, second.start)


def _near(a: timex.Timex, b: timex.Timex, gap: int = 12) -> bool:
    """True when two expressions are within a few characters of each other."""
    return a.start - b.end <= gap and b.start - a.end <= gap


def _finer(inner: dates.Edtf, outer: dates.Edtf) -> bool:
    """True when inner lies within outer and is strictly more precise."""
    if not (inner.lower and inner.upper and outer.lower and outer.upper):
        return False
    within = outer.lower <= inner.lower and inner.upper <= outer.upper
    return within and (inner.upper - inner.lower) < (outer.upper - outer.lower)
