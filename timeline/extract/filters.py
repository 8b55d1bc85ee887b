"""What is not an event: bylines, credits, date lines, boilerplate, statistics, background periods."""
from __future__ import annotations

import re

from timeline.dates import parse_single
from timeline.read.datelines import dateline_end

# Dates that point at a happening; intervals, decades, centuries and unknown years are background.
EVENT_PRECISIONS = frozenset({"day", "month", "season", "year", "decade"})

_BOILERPLATE = re.compile(
    r"""^\W*(?:by\s+[A-Z]|posted|published|updated|last\s+updated|last\s+modified|first\s+published|modified|filed|
    photo|image|picture|credit|caption|copyright|©|\(c\)|source:|file\s+photo|read\s+more|related|see\s+also|
    click|subscribe|share|follow\s+us|sign\s+up|advertisement|this\s+(?:story|article)\s+is\s+over|
    all\s+rights\s+reserved|tag\s+archives?|(?:corrections?|clarifications?)\s*[:—–-]|editor'?s\s+note|
    this\s+(?:article|story|page|report)\s+(?:was|has\s+been)\s+(?:amended|corrected|updated|changed|edited)|
    (?:page\s+)?last\s+(?:modified|reviewed|edited))""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT = re.compile(
    r"(?:getty\s+images|/\s*(?:afp|reuters|ap|epa)\b|\bphoto(?:graph)?\s*(?:by|:|credit)|\bimage\s*(?:by|:|credit)|"
    r"\(photo\b|\bfile\s+photo\b|all\s+rights\s+reserved|\bcopyright\b|this\s+(?:story|article)\s+is\s+over|"
    r"\b(?:this\s+article|a\s+version)\s+appeared\s+on\s+p\d|\bthis\s+comment\s+was\s+removed|\b\d{1,2}:\d\d\s*[ap]m\s+on\s+[^,]{4,30},\s+\S+\s+wrote:)",
    re.IGNORECASE,
)
_STATISTIC = re.compile(r"\d\s*(?:%|per\s?cent\b|percent\b)|\b(?:rate|average|median|gdp|population|per\s+capita)\b", re.IGNORECASE)
_FINANCE = re.compile(r"[$£€#]\s?[\d.,]+\s*(?:million|billion|bn|m)\b|\bnet\s+(?:income|loss|profit)|\b(?:cents?|\$\s?[\d.]+)\s+a\s+share|\b(?:revenue|earnings|turnover)\b", re.IGNORECASE)
# A verb: a regular past or participle, a form of be/have/do, or an irregular past, also with a prefix ('rebuilt',
# 'withdrew', 'overthrew', 'undertook').
_VERBISH = re.compile(r"\b\w+(?:ed|en)\b|\b(?:is|are|was|were|has|have|had|will|did|does|do|said|says|dies|announces)\b|"
                      r"\b(?:re|over|under|with|out|up|fore|mis|be)?(?:told|made|went|came|took|gave|began|left|met|won|lost|held|"
                      r"set|put|fell|rose|hit|led|ran|sent|sought|struck|built|bought|brought|fought|caught|kept|paid|shot|spoke|"
                      r"stood|broke|became|chose|drove|froze|got|knew|saw|rode|wrote|died|announced|drew|threw|grew|flew|wore|"
                      r"tore|swore|fled|bore|sank|sold|found|laid|spent|lent|meant|felt|dealt|spread|dug|stuck|hung|fed|bled|"
                      r"shook|stole|hid|sat|won|wound|bound|taught|thought|quit|cut|shut|split|sped|slid|swept|crept|slew)\b",
                      re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")  # words of any alphabet


_CHROME = re.compile(
    r"(?:page\s+)?last\s+updated\s+at\s+\d{1,2}:\d\d(?:\s*[A-Z]{2,4})?(?:,\s*[A-Z][a-z]+day,\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?(?:\s+\d{1,2}:\d\d\s+UK)?(?:\s+Help\b)?"
    r"|last\s+updated:\s*\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}\s*-\s*\d{1,2}:\d\d(?:\s*[A-Z]{2,4})?"
    r"|\(an error occurred while processing this directive\)",
    re.IGNORECASE,
)
CHROME_REACH = 160


def chrome_end(sentence: str) -> int:
    """Where web-page chrome glued to the start of a sentence ('Page last updated at 11:24 GMT, Tuesday,
    27 September 2011 ...', or a dateline 'WASHINGTON, March 3 (AP) —') ends; 0 when there is none."""
    end = dateline_end(sentence)
    reach = min(len(sentence), CHROME_REACH + 60)
    low = sentence[:reach].lower()  # every _CHROME alternative holds 'last' or 'error' ('ſ' matches its 's' too)
    if "last" not in low and "error" not in low and "ſ" not in low:
        return end
    for m in _CHROME.finditer(sentence, 0, reach):
        if m.start() <= CHROME_REACH:
            end = m.end()
    return end


def dates_a_happening(value: str) -> bool:
    """True when an EDTF value can date a single happening (not a period, decade or unknown year)."""
    if not value or "/" in value:
        return False
    try:
        return parse_single(value).precision in EVENT_PRECISIONS
    except ValueError:  # not EDTF this tool understands (e.g. quarters "2009-33")
        return False


CREDIT_LENGTH = 400
# a word every _CREDIT alternative contains (a fast test before the regular expression)
_CREDIT_HINTS = ("getty", "/", "photo", "image", "rights reserved", "copyright", "is over", "appeared on p",
                 "comment was removed", "wrote:")  # credits and notices are short lines


def is_boilerplate(sentence: str) -> bool:
    """Bylines, photo credits, 'posted on' lines, copyright and 'this story is over 5 years old'."""
    if _BOILERPLATE.match(sentence):
        return True
    if len(sentence) >= CREDIT_LENGTH:
        return False
    low = sentence.lower()
    return any(k in low for k in _CREDIT_HINTS) and bool(_CREDIT.search(sentence))


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def too_thin(sentence: str, timex_chars: int, english: bool = True) -> bool:
    """A date line, caption or headline: too few words besides the dates, or (in English, whose verbs
    _VERBISH knows) a short line with no verb."""
    dense = len(_CJK.findall(sentence))  # Chinese or Japanese: about a word for every two characters, no spaces
    words = len(_WORD.findall(sentence)) + dense // 2
    rest = len(sentence) - timex_chars + 2 * dense
    if words < 4 or rest < 15:
        return True
    return english and words < 12 and not _VERBISH.search(sentence)


_NOW = re.compile(r"^(?:today|now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment|this\s+week)$", re.IGNORECASE)
_PAST = re.compile(r"\b\w{3,}ed\b|\b(?:was|were|did|had|said|told|made|went|came|took|gave|began|left|met|won|lost|held|fled|sent|struck|became|died|announced|announces|says|said|signs|signed|arrives|opens|begins|starts|launches|calls|warns|confirms|reports)\b", re.IGNORECASE)


def is_present_state(expression: str, sentence: str) -> bool:
    """'Today, that opposition is all but obliterated': 'today' or 'now' describing a state, not a happening."""
    if not _NOW.match(expression.strip()):
        return False
    return not any(not re.search(r"\b(?:is|are|be|been|being|remains?|seems?|looks?)\s+(?:\w+\s+){0,2}$", sentence[: m.start()], re.IGNORECASE)
                   for m in _PAST.finditer(sentence))


def is_statistic(sentence: str, value: str) -> bool:
    """A figure for a year or quarter ('unemployment was 5% in 2014', 'net income of $1.9 million in
    the third quarter') rather than a happening."""
    precision = parse_single(value).precision
    if precision in ("year", "season", "month") and _FINANCE.search(sentence):
        return True  # a period's results ('reported net income of $1.9 million') are figures
    return precision in ("year", "season", "month") and bool(_STATISTIC.search(sentence)) and not _happening_verb(sentence)


_ACTION = re.compile(
    r"\b(?:announc|arrest|attack|kill|sign|ban|elect|die|dead|death|return|sentenc|convict|charg|launch|"
    r"releas|report|publish|declar|approv|pass|adopt|introduc|open|clos|won|lost|fled|join|left|visit|met|"
    r"meet|order|rul|fin|jail|detain|captur|bomb|explod|struck|hit|invad|withdr|resign|appoint|nam|"
    r"creat|found|establish|began|start|end|accord|agree|treaty|vote|elect|protest|riot|flood|earthquake|quake|strike)\w*",
    re.IGNORECASE,
)


def _happening_verb(sentence: str) -> bool:
    return bool(_ACTION.search(sentence))


_STATE = re.compile(
    r"^\W*(?:(?:now|today|still|yet|but|and|so)\s+)?there\s+(?:is|are|remains?|has\s+been|have\s+been|seems?\s+to\s+be)\b"
    r"|\b(?:is|are)\s+(?:\w+\s+){0,2}(?:concerns?|fears?|worries|worried|concerned|likely|unlikely|expected|possible|feared)\b",
    re.IGNORECASE,
)


def is_state(text: str) -> bool:
    """A state or a worry rather than a happening ('There are concerns about the growth of ...',
    'Officials are worried that ...')."""
    return bool(_STATE.search(text))
