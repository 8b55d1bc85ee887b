"""The blocking contract of a partitioned merge (timeline.distributed.blocking), checked against the real
merge: candidates the merge joins into one event (as mentions or as a disputed date) share a key."""
from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.distributed.blocking import SPAN, blocking_keys
from timeline.extract.candidates import Mention
from timeline.extract.groups import Group
from timeline.extract.merge import group_mentions

WORDS = ["minister", "amnesty", "fighters", "border", "treaty", "signed", "parliament", "rebels", "capital", "troops"]
NAMES = ["rahmon", "khalimov", "dushanbe", "kabul"]
KIND_WORDS = ["signed the treaty", "arrested", "attacked", "declared an amnesty", "fled"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@st.composite
def dates(draw: st.DrawFn) -> tuple[str, str]:
    """(EDTF, the expression as written): a day, a month or a year, around a few year boundaries."""
    year = draw(st.integers(2008, 2014))
    month = draw(st.integers(1, 12))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    if precision == "year":
        return f"{year}", f"in {year}"
    if precision == "month":
        return f"{year}-{month:02d}", f"in {MONTHS[month - 1]} {year}"
    day = draw(st.integers(1, 28))
    return f"{year}-{month:02d}-{day:02d}", f"on {day} {MONTHS[month - 1]} {year}"


@st.composite
def mentions(draw: st.DrawFn, index: int) -> Mention:
    date, expression = draw(dates())
    words = tuple(sorted(draw(st.sets(st.sampled_from(WORDS), min_size=3, max_size=7))))
    names = tuple(sorted(draw(st.sets(st.sampled_from(NAMES), min_size=1, max_size=2))))
    kind = draw(st.sampled_from(KIND_WORDS))
    quote = f"{' '.join(n.title() for n in names)} {kind} {expression}, {' '.join(words)}."
    return Mention(source=f"doc{draw(st.integers(0, 5))}", publisher=draw(st.sampled_from([None, "A", "B"])),
                   published=date, offset=index * 100, quote=quote, date=date, expression=expression,
                   date_spans=((quote.index(expression), quote.index(expression) + len(expression)),), position=0,
                   words=words, names=names)


@st.composite
def corpora(draw: st.DrawFn) -> list[Mention]:
    return [draw(mentions(i)) for i in range(draw(st.integers(2, 30)))]


def joined(group: Group) -> list[Mention]:
    return group.mentions + group.rivals


@settings(max_examples=100, deadline=None)
@given(corpora())
def test_the_merge_never_joins_candidates_without_a_shared_key(found: list[Mention]) -> None:
    for group in group_mentions(found):
        for a, b in combinations(joined(group), 2):
            assert blocking_keys(a) & blocking_keys(b), (a.date, b.date, group.date)


def test_rival_dates_across_a_year_boundary_share_a_partition() -> None:
    text = "the Interior Ministry of Tajikistan announced an amnesty for fighters returning from Syria"
    a = Mention("a", None, None, 0, f"On 30 December 2014 {text}.", "2014-12-30", "30 December 2014", ((3, 19),), 0,
                tuple(text.lower().split()), ("tajikistan",))
    b = Mention("b", None, None, 0, f"On 4 January 2015 {text}.", "2015-01-04", "4 January 2015", ((3, 17),), 0,
                tuple(text.lower().split()), ("tajikistan",))
    groups = group_mentions([a, b])
    assert len(groups) == 1 and groups[0].rivals  # one event, its date disputed: the merge crossed the year
    assert blocking_keys(a) & blocking_keys(b)


def test_candidates_further_apart_than_any_dispute_window_share_no_partition() -> None:
    a = Mention("a", None, None, 0, "x", "2010", "2010", (), 0, ("x",), ())
    b = Mention("b", None, None, 0, "x", f"{2010 + SPAN + 1}", "y", (), 0, ("x",), ())
    assert not blocking_keys(a) & blocking_keys(b)
