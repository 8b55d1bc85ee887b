"""The date engine on representative cases: what is a date, its EDTF value, its precision and its span."""
from __future__ import annotations

import pytest

from timeline.extract.timex import Timex, tag

DCT = "1998-10-21"  # a Wednesday


def values(text: str, anchor: str | None = DCT) -> list[tuple[str, str]]:
    """(text, value) of every expression found."""
    return [(t.text, t.value) for t in tag(text, anchor)]


def one(text: str, anchor: str | None = DCT) -> tuple[str, str]:
    """The single expression found in text."""
    found = values(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, expected", [
    ("It happened on May 9, 2015 in Paris.", ("May 9, 2015", "2015-05-09")),
    ("It happened on 9 May 2015 in Paris.", ("9 May 2015", "2015-05-09")),
    ("Talks began on Friday, Oct. 13, 1989.", ("Friday, Oct. 13, 1989", "1989-10-13")),
    ("The file is dated 2015-05-09.", ("2015-05-09", "2015-05-09")),
    ("In May 2015 the party split.", ("May 2015", "2015-05")),
    ("In 2015 the party split.", ("2015", "2015")),
    ("The law dates from January nineteen ninety-seven.", ("January nineteen ninety-seven", "1997-01")),
])
def test_absolute_dates_at_their_true_precision(text: str, expected: tuple[str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Prices rose in the 1990s.", ("the 1990s", "199X")),
    ("Prices rose in the early 1990s.", ("the early 1990s", "199X")),
    ("It was built in the nineties.", ("the nineties", "199X")),
    ("It was built in the 20th century.", ("the 20th century", "19XX")),
    ("The campaign ran from 1992-97 in the north.", ("1992-97", "1992/1997")),
    ("Snow fell in the winter of 1994.", ("the winter of 1994", "1994-24")),
    ("They met in the spring of 2018.", ("the spring of 2018", "2018-21")),
    ("Sales fell in autumn 2018.", ("autumn 2018", "2018-23")),
    ("Profit rose in the third quarter of 1990.", ("the third quarter of 1990", "1990-35")),
    ("Sales fell in the first half of 1990.", ("the first half of 1990", "1990-40")),
])
def test_decades_centuries_ranges_seasons_quarters(text: str, expected: tuple[str, str]) -> None:
    assert one(text) == expected


def test_modifiers_stay_in_the_span_and_are_reported_not_folded_into_the_value() -> None:
    t = tag("The plant closes at the end of 1990.", DCT)[0]
    assert (t.text, t.value, t.mod) == ("the end of 1990", "1990", "END")
    t = tag("He left around Nov. 1, 1989.", DCT)[0]
    assert (t.text, t.value, t.mod, t.edtf) == ("around Nov. 1, 1989", "1989-11-01", "APPROX", "1989-11-01~")
    t = tag("It was built circa 1997.", DCT)[0]
    assert (t.text, t.value, t.edtf) == ("circa 1997", "1997", "1997~")
    t = tag("She arrived in mid-November 1998.", DCT)[0]
    assert (t.value, t.mod) == ("1998-11", "MID")


@pytest.mark.parametrize("text, expected", [
    ("It grew between 1992 and 1997.", ("between 1992 and 1997", "1992/1997")),
    ("It grew from 1991 to 1997.", ("1991 to 1997", "1991/1997")),
    ("It ran December 2015 to November 2016.", ("December 2015 to November 2016", "2015-12/2016-11")),
])
def test_ranges_become_one_interval(text: str, expected: tuple[str, str]) -> None:
    assert one(text) == expected
    assert tag(text, DCT)[0].parts == tuple(expected[1].split("/"))


def test_ranges_can_be_kept_apart_as_in_timeml() -> None:
    found = tag("It grew between 1992 and 1997.", DCT, ranges=False)
    assert [(t.text, t.value) for t in found] == [("1992", "1992"), ("1997", "1997")]
    assert values("in 2010 and 2011") == [("2010", "2010"), ("2011", "2011")]  # coordination is no range
    assert values("from 1997 to 1992") == [("1997", "1997"), ("1992", "1992")]  # backwards: no range


@pytest.mark.parametrize("text, expected", [
    ("Profits fell last year.", ("last year", "1997")),
    ("Profits will rise next year.", ("next year", "1999")),
    ("Profits rose this year.", ("this year", "1998")),
    ("He left last month.", ("last month", "1998-09")),
    ("He left two years ago.", ("two years ago", "1996")),
    ("He left five months ago.", ("five months ago", "1998-05")),
    ("He left 10 days ago.", ("10 days ago", "1998-10-11")),
    ("He left yesterday.", ("yesterday", "1998-10-20")),
    ("He leaves today.", ("today", "1998-10-21")),
    ("He leaves tomorrow.", ("tomorrow", "1998-10-22")),
    ("He left last week.", ("last week", "1998-10-12/1998-10-18")),
    ("Sales rose earlier this year.", ("earlier this year", "1998")),
    ("He left last fall.", ("last fall", "1997-23")),
    ("We will meet this summer.", ("this summer", "1998-22")),
    ("He was here this February.", ("this February", "1998-02")),
    ("He was here last April.", ("last April", "1998-04")),
])
def test_relative_expressions_resolved_against_the_anchor(text: str, expected: tuple[str, str]) -> None:
    assert one(text) == expected
    assert tag(text, DCT)[0].resolved


@pytest.mark.parametrize("text, expected", [
    ("The minister said Monday that talks failed.", "1998-10-19"),
    ("The minister will speak on Monday.", "1998-10-26"),
    ("The minister spoke on Wednesday.", "1998-10-21"),  # the anchor's own weekday is the anchor
    ("The minister spoke on Sunday.", "1998-10-18"),
    ("The minister spoke last Wednesday.", "1998-10-14"),
])
def test_weekdays_follow_the_tense_of_the_sentence(text: str, expected: str) -> None:
    assert one(text)[1] == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("The talks ended on May 9.", "1998-10-21", "1998-05-09"),
    ("The talks will resume on May 9.", "1998-10-21", "1999-05-09"),
    ("The boy must be returned by Jan. 14.", "2000-01-07", "2000-01-14"),
    ("The dividend is payable Dec. 15.", "1989-11-02", "1989-12-15"),
    ("The deal was signed in December.", "1999-01-10", "1998-12"),
])
def test_day_and_month_without_a_year_take_it_from_anchor_and_tense(text: str, anchor: str, expected: str) -> None:
    assert one(text, anchor)[1] == expected


def test_quarters_follow_the_quarter_in_focus() -> None:
    text = "Third-quarter profit rose 10%. A year ago, the company lost money. The quarter was strong."
    assert values(text, "1989-10-20") == [("Third-quarter", "1989-35"), ("A year ago", "1988-35"),
                                          ("The quarter", "1989-35")]


def test_anaphors_refer_to_the_date_last_mentioned() -> None:
    found = values("He fled in June 1998 and returned later that year. The following year he died.")
    assert found == [("June 1998", "1998-06"), ("later that year", "1998"), ("The following year", "1999")]


@pytest.mark.parametrize("text", [
    "A 32-year-old man was arrested.",
    "The suspect, aged 32, was arrested.",
    "Turnout was 15% and tickets cost $15.",
    "Tickets cost $1995 each.",
    "About 2000 people marched on the capital.",
    "The meeting starts at 10:30.",
    "He was jailed for nine months.",
    "He served two years in prison.",
    "We may see prices march on.",
    "We met Theresa May on the way.",
    "Prices fall when the spring in the mattress breaks.",
    "He read the Sun every morning.",
    "Some 1,500 troops were sent.",
    "The city was founded 2000 years ago.",
    "Thousands attended Friday prayers.",
    "He preached every Friday.",
    "The Arab Spring changed the region.",
    "June tells Kirsty Young about her life.",
    "She won Young Musician of the Year.",
    "They sold Christmas trees.",
    "Sex toys for people in their sixties and seventies.",
    "Listen to Weekend Wogan.",
    "Surveying the quarter of a billion users.",
    "It matters in today's world.",
    "He chose the people of tomorrow.",
    "Baker said on ABC's \"This Week\" that it mattered.",
    "This is VOA Today.",
    "Between 2000 and 3000 people came.",
    "The ship left at 2000 local time.",
    "The ship left at 2000.",
])
def test_not_dates(text: str) -> None:
    assert values(text) == []


def test_without_an_anchor_relative_expressions_are_reported_unresolved_or_left_unspecified() -> None:
    found = tag("He arrived on May 9 and left yesterday, last year.", None)
    assert [(t.text, t.value, t.unresolved) for t in found] == [
        ("May 9", "XXXX-05-09", False), ("yesterday", "XXXX-XX-XX", True), ("last year", "XXXX", True)]
    found = tag("He arrived on May 9.", None)[0]
    assert not found.resolved
    assert values("In May 2015 he left.", None) == [("May 2015", "2015-05")]


def test_offsets_index_the_whole_text_and_the_window_is_respected() -> None:
    text = "Intro 1990. Body: it happened in 1995. Tail 2001."
    found = tag(text, DCT, start=12, end=38)
    assert [(t.start, t.end, t.text) for t in found] == [(33, 37, "1995")]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_timex_keeps_its_positional_interface() -> None:
    t = Timex(0, 4, "1995", "1995")
    assert (t.start, t.end, t.text, t.value, t.kind, t.resolved) == (0, 4, "1995", "1995", "", False)


def test_empty_and_dateless_texts() -> None:
    assert tag("") == []
    assert tag("No dates here at all.", DCT) == []
    assert tag("1995", "not a date") == [Timex(0, 4, "1995", "1995", "year")]


def test_week_weekend_and_quarters() -> None:
    assert one("They met this week.") == ("this week", "1998-10-19/1998-10-25")
    assert one("They met over the weekend.") == ("the weekend", "1998-10-17/1998-10-18")
    assert one("Profit rose in Q3 1998.") == ("Q3 1998", "1998-35")
    assert one("Profit rose in the fourth quarter.", "1990-01-20") == ("the fourth quarter", "1989-36")


def test_never_raises_and_offsets_always_match() -> None:
    import random
    words = ("Feb. 29 February 29 April 31 the 1990s '80s last next this Monday Friday's year ago a year "
             "earlier two weeks later that year the following day Q3 third-quarter the quarter 1999 2000 1500 - "
             "/ to between and from since early late mid- the end of around Christmas Easter 2015-02-29 "
             "2/30/2015 nineteen ninety-nine twentieth century the weekend spring fall of 2019 yesterday , .").split()
    anchors = [None, "2016-02-29", "2019", "2019-03", "junk", "0001-01-01", "9999-12-31", "2015-13-45"]
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
        for t in tag(text, rng.choice(anchors)):
            assert text[t.start:t.end] == t.text and t.value


def test_month_names_after_a_determiner_are_dates() -> None:
    assert one("in the October slaying of the doctor", "1999-04-19") == ("October", "1998-10")
    assert one("under a June agreement with shareholders", "1989-10-27") == ("June", "1989-06")


def test_today_is_the_anchor_unless_generic() -> None:
    assert one("The offer, advertised in today's editions, expires.") == ("today", DCT)


def test_an_adjectival_quarter_leaves_the_article_to_its_noun() -> None:
    found = values("the third-quarter loss and the third quarter", "1989-10-20")
    assert found == [("third-quarter", "1989-35"), ("the third quarter", "1989-35")]


def test_signals_stay_outside_the_span_and_make_open_intervals() -> None:
    since, until = tag("in power since 1992 and until 2016", DCT)
    assert (since.text, since.value, since.signal, since.open_interval) == ("1992", "1992", "since", "1992/..")
    assert (until.text, until.signal, until.open_interval) == ("2016", "until", "../2016")
    assert tag("between 1992 and 1997", DCT)[0].signal == ""


def test_a_stated_weekday_picks_the_year() -> None:
    assert one("He said on Friday, Oct. 13 that it ended.", "1990-01-20") == ("Friday, Oct. 13", "1989-10-13")


@pytest.mark.parametrize("unit", ["last ", "1999-", "the year-earlier ", "year-ago ", "the end of "])
def test_repetitive_input_stays_linear(unit: str) -> None:
    import time
    t0 = time.process_time()
    tag(unit * 3000, DCT)
    assert time.process_time() - t0 < 1.0  # was quadratic (2 s) before the quarter qualifiers were bounded
