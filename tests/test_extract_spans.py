"""A happening that lasted is dated from its start to its end (an EDTF interval), as the text writes it
(invented texts)."""
from __future__ import annotations

import pytest

from timeline.extract.events import events_from_documents
from timeline.extract.groups import compatible
from timeline.read import Document


def dates_of(text: str, published: str = "2019-06-05") -> list[str]:
    doc = Document(id="a", path="a.txt", text=text, published=published, published_basis="stated", published_note="test")
    return sorted(e.date for e in events_from_documents([doc]))


@pytest.mark.parametrize(("text", "dates"), [
    ("From 2010 to 2012 the Kessel steelworks stood idle while its owners fought in court.", ["2010/2012"]),
    ("Through 2015 and 2016 the coastguard ran nightly patrols off the Varn islands.", ["2015/2016"]),
    ("Between March and May 2014 the ferry crews of the northern line refused to sail.", ["2014-03/2014-05"]),
    ("The 1992-97 war between the two provinces left the border towns empty.", ["1992/1997"]),
    # two dates that are not one span: two happenings
    ("Bombs struck the capital of the eastern province in 2010 and in 2011, killing dozens.", ["2010", "2011"]),
    # 'since' tells when a state began as much as that it lasts: the date stays a date
    ("Governor Anna Brel, in power since March 2003, dissolved the provincial assembly.", ["2003-03"]),
])
def test_a_happening_that_lasted_is_dated_from_its_start_to_its_end(text: str, dates: list[str]) -> None:
    assert dates_of(text) == dates


def test_a_week_or_a_quarter_is_no_happening_that_lasted() -> None:
    text = ("The harbour conference of the fishing towns ended last week without an agreement. "
            "The Kessel steelworks sold fewer ships than planned in the first quarter of 2019, its board said.")
    assert not any("/" in date for date in dates_of(text))


def test_the_start_of_a_span_is_no_date_to_dispute() -> None:
    docs = [Document(id=i, path=f"{i}.txt", text=t, published="2019-06-05", published_basis="stated", published_note="test") for i, t in (
        ("one", "More than 900 Velkan volunteers are believed to have joined the Marren militia between 2011 and 2016."),
        ("two", "Officials in Velka say some 300 Velkan volunteers joined the Marren militia in 2012 and that 40 died."),
    )]
    found = events_from_documents(docs)
    assert not any(d.about == "date" for e in found for d in e.disputes), [(e.date, e.disputes) for e in found]
    assert {e.date for e in found} == {"2011/2016", "2012"}


def test_a_span_is_the_same_happening_only_as_the_same_span() -> None:
    assert compatible("2013/2018", "2013/2018")
    assert not compatible("2013/2018", "2014") and not compatible("2014-05", "2013/2018")  # a date inside is another happening
    assert compatible("2014", "2014-05-09")
