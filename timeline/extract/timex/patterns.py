"""The date engine's one master regex: every kind of date expression as a named alternative.

Alternatives are tried in order at each position, so longer and more specific forms come first.
Each named group is one `kind`; rules.py turns a match of that kind into an EDTF value.
Only the outer groups are capturing, so `match.lastgroup` names the kind that matched.

Speed: the master regex is only tried (with `match`, never `search`) at the start of a token whose first
word can begin a date expression (START_WORDS, or any token holding a digit or opening with an apostrophe);
the tokens themselves come from one cheap regex.
"""
from __future__ import annotations

import re

from timeline.extract.timex.lexicon import (DAYNUM, MONTH, MONTH_FULL, MONTHS, NUMBER, ORDINAL_Q, PART, SPOKEN_YEAR,
                                            WEEKDAY, YEAR4)

# Modifiers that TimeML keeps inside the expression (early 1990, the end of 1994, around Nov. 1).
PRE = (r"(?:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle)(?:-|\s+)(?:in\s+(?:the\s+)?)?"
       r"|(?:the\s+)?(?:end|beginning|start|middle|turn|close)\s+of\s+(?:the\s+)?"
       r"|(?:around|about|circa|approximately|roughly|sometime(?:\s+in)?)\s+"
       r"|c\.\s?)")

REL = r"(?:this\s+coming|this\s+past|this|last|next|coming|past|previous|current|following|same|present|prior)"
Q_ADJ = r"(?:fiscal[\s-]+)?(?:first|second|third|fourth|final|1st|2nd|3rd|4th)-(?:fiscal-)?quarter"
# 'the third quarter' is one expression; in 'the third-quarter loss' the article belongs to 'loss'.
Q_QUAL = (rf"(?:the(?!\s+{Q_ADJ})|a|this\s+year['\u2019]s|last\s+year['\u2019]s|next\s+year['\u2019]s|year-ago|"
          r"year-earlier|year\s+earlier|year\s+ago|fiscal|current|comparable|latest|same|corresponding|flat|"
          r"calendar|recent|just-ended|just-completed|previous|prior|this|last|next|that|" + YEAR4 + r")")
Q_YEAR = r"(?:of\s+)?(?:fiscal\s+)?(?:" + YEAR4 + r"|this\s+year|last\s+year|next\s+year)"
QUARTER = (rf"(?:{Q_QUAL}[\s-]+){{0,4}}(?:{ORDINAL_Q}[\s-]+(?:fiscal[\s-]+|calendar[\s-]+)?)?(?:quarter|period)(?!s|ly)"
           rf"(?:\s+{Q_YEAR}|\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?")
HALF = (r"(?:the\s+)?(?:(?:first|second|last|latter)\s+half|first\s+two\s+quarters|last\s+two\s+quarters)"
        rf"\s+(?:of\s+)?(?:{YEAR4}|this\s+year|last\s+year|next\s+year|the\s+year)")
DECADE = (r"the\s+[2-9]0s(?![\w'])|(?:the\s+)?(?:(?:1\d|20)\d0['\u2019]?s(?![\w'])|['\u2019]\d0['\u2019]?s(?!\w)"
          r"|(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?!\w))")
ORDINAL_WORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)")
CENTURY = rf"(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})[\s-]+century(?!\w)"
DAYWORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
           r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
           r"twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-first)")
WD_PREFIX = rf"(?:(?:{REL}\s+)?{WEEKDAY},?\s+(?:the\s+)?)?"
HOLIDAY = (r"(?-i:Christmas(?:\s+Eve|\s+Day)?|New\s+Year['\u2019]s(?:\s+Eve|\s+Day)|Thanksgiving(?:\s+Day)?|"
           r"Independence\s+Day|Halloween|Valentine['\u2019]s\s+Day|Easter(?:\s+Sunday)?|Election\s+Day|"
           r"Memorial\s+Day|Labor\s+Day|Veterans\s+Day|Boxing\s+Day|Bastille\s+Day|"
           r"Black\s+Friday|Cyber\s+Monday|Good\s+Friday|Easter\s+Monday|Palm\s+Sunday|Ash\s+Wednesday|"
           r"Maundy\s+Thursday|Holy\s+Saturday|Shrove\s+Tuesday|Super\s+Tuesday)(?![\w-])")

THE_DAY = r"(?:the\s+(?=\d{1,2}(?:st|nd|rd|th)\s+of\s))?"  # 'the 19th of October 1950' (as WikiWars marks it)
NO_YEAR = r"(?!,?\s*(?:1\d|20)\d\d(?!\d))"  # a year after it makes it an mdy / dmy instead

ERA_BC = r"(?:BCE|BC|B\.C\.E\.|B\.C\.)(?!\w|\.\w)"
ERA_AD = r"(?-i:AD|A\.D\.|CE|C\.E\.)"

ALTERNATIVES: list[tuple[str, str]] = [
    ("iso", r"\d{4}-[01]\d-[0-3]\d(?![\d-])"),
    ("numeric", r"[0-3]?\d/[0-3]?\d/(?:\d{4}|\d\d)(?![\d/])|[0-3]?\d(?P<nsep>[.-])[01]?\d(?P=nsep)\d{4}(?![\d.-]\d)"),
    ("era_century", rf"(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})[\s-]+century\s+(?-i:{ERA_BC}|{ERA_AD})"),
    ("era_year", rf"(?-i:{ERA_AD})\s?\d{{1,4}}(?!\d|,\d)|(?:(?:{MONTH_FULL}|spring|summer|autumn|fall|winter)(?:\s+of)?\s+)?"
                 rf"\d{{1,4}}\s?(?-i:{ERA_BC}|{ERA_AD}(?![\w.]))"),
    ("year_range", rf"{YEAR4}\s*(?:-|\u2013|\u2014|/|-to-)\s*(?:{YEAR4}|\d\d(?![\d%]))(?!-)"),
    ("mdy", rf"{WD_PREFIX}{MONTH}\s+{DAYNUM}(?:,\s*|\s+)(?:{YEAR4}|{SPOKEN_YEAR})"),
    ("dmy", rf"{WD_PREFIX}{THE_DAY}{DAYNUM}\s+(?:of\s+)?{MONTH},?\s+{YEAR4}"),
    ("half", HALF),
    ("quarter", QUARTER),
    ("q_short", rf"(?-i:Q[1-4])(?:\s+(?:of\s+)?(?:fiscal\s+)?{YEAR4}|\s*['\u2019]\d\d)?(?![\w-])"),
    ("decade", DECADE),
    ("century", CENTURY),
    ("month_year", rf"{MONTH}(?:\s+of|,)?\s+(?:{YEAR4}|{SPOKEN_YEAR})"),
    ("month_rel_year", rf"(?:{DAYNUM}\s+(?:of\s+)?)?{MONTH_FULL}(?:\s+{DAYNUM})?,?\s+(?:of\s+)?"
                       r"(?:this|last|next|that|the\s+same|the\s+following|the\s+previous|the\s+next)\s+year(?![\w'\u2019-])"),
    ("month_day", rf"(?:(?:last|next|this)\s+)?{WD_PREFIX}{MONTH}\s+(?:{DAYNUM}|{DAYWORD}(?!\w)){NO_YEAR}"),
    ("day_month", rf"{WD_PREFIX}{THE_DAY}{DAYNUM}\s+(?:of\s+)?{MONTH}{NO_YEAR}"),
    ("day_coord", rf"(?:the\s+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?=\s*(?:and|or|to|-|\u2013|\u2014)\s*(?:the\s+)?"
                  rf"{DAYNUM}\s+(?:of\s+)?"
                  rf"{MONTH_FULL})"),
    ("month_named", rf"(?:(?:the\s+)?{REL}|that)\s+{MONTH_FULL}"),
    ("season", rf"(?:(?:the\s+)?(?:{REL}|the|that|this|late|early)\s+)?(?:spring|summer|fall|autumn|winter)"
               rf"(?:\s+(?:of\s+)?(?:{YEAR4}|{SPOKEN_YEAR}))?(?![\w-])"),
    ("holiday", rf"(?:(?:this|last|next)\s+)?{HOLIDAY}(?:\s+{YEAR4})?"),
    ("weekday", rf"(?:(?:{REL}|the\s+previous|the\s+following)\s+)?{WEEKDAY}(?:\s+{PART})?"),
    ("rel_day", rf"(?:the\s+day\s+(?:before|after)\s+)?(?:today|tonight|yesterday|tomorrow)(?:\s+{PART})?"
                rf"|(?:this|last)\s+(?:morning|afternoon|evening|night)"),
    ("month_weekend", rf"(?:the\s+)?(?:first|second|third|fourth|last)\s+weekend\s+(?:of|in)\s+{MONTH_FULL}(?:,?\s+{YEAR4})?(?!\w)"),
    ("weekend", rf"(?:(?:the\s+)?{REL}\s+|the\s+)?weekend(?![\w-])"),
    ("anaphor", r"that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night|month|year)(?![\w-])"
                r"|the\s+(?:same|following)\s+(?:day|morning|afternoon|evening|night|month|year)(?![\w-])"
                r"|the\s+(?:next|previous|prior)\s+(?:day|morning|afternoon|evening|night)(?![\w-])"),
    ("rel_unit", rf"(?:the\s+)?{REL}\s+(?:fiscal\s+|calendar\s+)?(?:week|month|year|decade|century)(?![\w-])"),
    ("ago", rf"(?:(?:about|nearly|almost|around|some|roughly|more\s+than|less\s+than|just|only|over|"
            rf"at\s+least)\s+)?{NUMBER}[\s-]+(?:days?|weeks?|months?|years?|decades?|centuries)"
            rf"(?:\s+or\s+(?:so|two|more))?\s+(?:ago|earlier|previously|from\s+now|hence)(?!\w)"),
    ("later", rf"(?:(?:about|nearly|almost|around|some|roughly|just|only)\s+)?"
              rf"{NUMBER}[\s-]+(?:days?|weeks?|months?|years?|decades?)\s+(?-i:later|after\s+that)(?!\w)"),
    ("day_around", r"the\s+day\s+(?:before|after|following)(?=\s*[,.;:)]|\s+(?:the\s+)?(?:\w+\s+)?(?-i:[A-Z]))"),
    ("day_only", r"(?:the\s+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?![\w-]|\s+(?:of\s+)?(?:century|centuries|"
                 r"anniversary|(?-i:[A-Z])\w*))"),
    ("year_end", r"year[-\s]end(?!\w)|year['\u2019]s\s+end|month['\u2019]s\s+end"),
    ("clock", r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:[ap]\.m\.|[ap]m\b|hrs\b))?(?![\d:])"
              r"|(?:1[0-2]|0?[1-9])\s*(?:[ap]\.m\.|[ap]m\b)"),
    ("apos_year", r"(?<!['\u2019\w])['\u2019]\d\d(?![\w'\u2019])"),
    ("year_ago", r"year[-\s](?:ago|earlier)(?![\w-])"),
    ("year", rf"(?:(?:fiscal|calendar)\s+(?:year\s+)?|FY\s?|the\s+year\s+|post-|pre-|mid-)?"
             rf"{YEAR4}(?![\w-]|['\u2019](?!s\b))"
             r"(?:\s+or\s+(?:later|earlier|after|before)|\s+and\s+beyond)?"),
    ("spoken_year", SPOKEN_YEAR),
    ("the_unit", r"the\s+(?:full\s+|fiscal\s+|calendar\s+)?(?:year|month|week)(?![\w'\u2019-])"),
    ("month", rf"{MONTH_FULL}(?![\w']|-(?!{MONTH_FULL}))"),
    ("unit", r"(?:year|month|week|decade|century)(?![\w-])"),
]

MASTER = re.compile(
    rf"(?P<pre>{PRE})?(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in ALTERNATIVES) + ")",
    re.IGNORECASE,
)

TOKEN_RE = re.compile(r"[A-Za-z]+|\d+|['\u2019](?=\d)")
NEXT_RE = re.compile(r"[\s-]+([A-Za-z]+|[\d'\u2019])")
START_CHARS = frozenset("0123456789'\u2019")
START_WORDS = frozenset("""
the very early earlier late later mid middle end beginning start turn close around about circa approximately
roughly sometime c q this last next coming past previous current following same present prior a
year fiscal comparable latest corresponding flat calendar recent just final first second third fourth latter
fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth
eighteenth nineteenth twentieth twenty thirty forty fifty one two three four five six seven eight nine ten
eleven twelve thirteen fourteen fifteen sixteen seventeen nineteen eighteen twenties thirties forties fifties sixties seventies eighties nineties
monday tuesday wednesday thursday friday saturday sunday spring summer fall autumn winter that
christmas new thanksgiving independence halloween valentine easter election memorial labor veterans boxing
bastille black cyber good palm ash maundy holy shrove super today tonight yesterday tomorrow weekend month nearly almost some more less only over post pre fy
year-ago year-earlier ad a.d ce
""".split()) | frozenset(MONTHS)


_QUARTERISH = "first second third fourth final 1st 2nd 3rd 4th latest fiscal current comparable quarter period"
_THE_NEXT = f"""
very early earlier late later mid middle end beginning start turn close this last next coming past previous current
following same present prior year comparable latest corresponding flat calendar recent just fiscal latter
{_QUARTERISH} fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth
seventeenth eighteenth nineteenth twentieth twenty twenties thirties forties fifties sixties seventies eighties
nineties spring summer fall autumn winter weekend day full
"""
_UNITS = "day days week weeks month months year years decade decades century centuries"
# Frequent words that start a date expression only when followed by one of these words (or a digit).
FOLLOWERS: dict[str, frozenset[str]] = {
    "the": frozenset(_THE_NEXT.split()),
    "a": frozenset(f"{_UNITS} couple half flat".split()),
    "that": frozenset("spring summer fall autumn winter quarter same day morning afternoon evening night month "
                      "year week".split()) | frozenset(MONTHS),  # 'that July
    "new": frozenset(["year"]),
    **{w: frozenset([day]) for w, day in (("black", "friday"), ("cyber", "monday"), ("good", "friday"), ("palm", "sunday"),
                                          ("ash", "wednesday"), ("maundy", "thursday"), ("holy", "saturday"),
                                          ("shrove", "tuesday"), ("super", "tuesday"))},  # days named for a feast or a vote
    "two": frozenset(f"{_UNITS} thousand".split()),
    **{w: frozenset(_UNITS.split()) for w in "one three four five six seven eight nine ten eleven twelve thirteen "
       "fourteen fifteen sixteen seventeen eighteen twenty thirty forty fifty".split()},
}


def may_start(text: str, token: re.Match[str]) -> bool:
    """True when a date expression may begin at this token (a word, a digit run or an apostrophe)."""
    word = token.group()
    if word[0] in START_CHARS:
        return True
    low = word.lower()
    if low not in START_WORDS:
        return False
    follow = FOLLOWERS.get(low)
    if follow is None:
        return True
    nxt = NEXT_RE.match(text, token.end())
    return nxt is not None and (nxt.group(1)[0] in START_CHARS or nxt.group(1).lower() in follow)
