"""The date engine (package): find every date expression in a text and normalise it to EDTF.

INTERFACE (stable; other modules rely on it): `Timex` and `tag(text, anchor, start, end)` (plus the
keywords `ranges`, `mode`, `date_order`, `lang`). Timex keeps its four positional fields; the others have
defaults. Also for callers: `narrative.choose_mode(text, stated_anchor)` (news or narrative, for texts
whose anchor is inferred), `languages.detect_language` / `foreign.language_supported` (to warn once per file
when a text's language is not read), `Timex.unresolved` (a relative date with nothing to resolve it
against: warn with file:line) and `typed.read_date` (a date a person typed, as EDTF at its precision).

Values follow the TimeML conventions of TimeBank/TempEval-3 gold, written in EDTF: "2015", "2015-05",
"2015-05-09", "199X" (the 1990s), "19XX" (the 20th century), seasons "2018-21".."2018-24", quarters
"1989-33".."1989-36" and half-years "1989-40"/"1989-41" (EDTF level 2 sub-year groupings, as the scorer
maps TimeML's 1989-Q3 and 1989-H1), weeks and weekends as Monday/Sunday and Saturday/Sunday intervals,
ranges "1992/1997" ("1992-97", "between 1992 and 1997", "1991 to 1997"; TimeML tags the two ends apart,
which `ranges=False` does; `parts` keeps the ends' values), and "XXXX-11-09" for a day without a year
when there is no reference date. A value is never finer than the text. Modifiers ("early", "the end of",
"around") stay inside the span, as in TimeML, and are reported in `mod`; the value is the modified period
itself (`edtf` adds "~" for a hedged one). Governing prepositions ("since 2014") stay outside the span and
are reported in `signal` (`open_interval` gives "2014/..").

BCE years are astronomical, as EDTF counts them: 52 BC is "-0051" (1 BC is "0000"), the 3rd century BC
"-02XX" (TimeML writes BC0052; EDTF has no era prefix). "c. 1215" is "1215" with mod APPROX, `edtf` "1215~".

One compiled master regex (patterns.py), tried only at tokens that can start a date, finds
candidates; a small rule per kind (rules.py and the modules it names) validates and normalises
each; relative expressions are resolved against the anchor and the tense of their sentence
(resolve.py), or in narrative mode against the reference time the text has reached (narrative.py);
ranges are joined last (ranges.py). Text in another language goes to foreign.py (dateparser's tables).
Anniversaries ('on the 50th anniversary of the bridge's opening') are read after, in either language, from
the dates found before them (anniversaries.py).
"""
from __future__ import annotations

from timeline.extract.timex.anniversaries import SAID as ANNIVERSARY_SAID
from timeline.extract.timex.model import Timex
from timeline.extract.timex.tagger import tag

__all__ = ["ANNIVERSARY_SAID", "Timex", "tag"]
