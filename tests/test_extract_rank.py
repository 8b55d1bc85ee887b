"""Importance: a key day outranks a year that many articles name in passing (invented texts)."""
from __future__ import annotations

from timeline.extract.events import events_from_documents
from timeline.read import Document

BACKGROUND = [  # the year named in passing, in articles about the same parliament
    "In 2013 the Norvel parliament debated the election budget for weeks.",
    "Norvel parliament members toured the northern provinces before the election in 2013.",
    "The Norvel parliament library opened to the public in 2013, ahead of the election.",
    "In 2013 a Norvel parliament committee studied election rules.",
    "Norvel's parliament renovated its election hall in 2013.",
    "The Norvel parliament hired new election clerks in 2013.",
    "In 2013 the Norvel parliament published its election calendar.",
    "Norvel parliament staff trained election observers in 2013.",
]


def doc(id_: str, text: str, published: str) -> Document:
    return Document(id=id_, path=f"{id_}.txt", text=text, published=published, published_basis="stated", published_note="test")


def test_a_day_two_articles_report_outranks_a_year_many_name_in_passing() -> None:
    docs = [doc(f"bg{i}", sentence + " Norvel officials said nothing more about it.", "2014-05-01") for i, sentence in enumerate(BACKGROUND)]
    docs.append(doc("a", "On 4 March 2013 the Norvel parliament dissolved itself and called an election in Norvel.", "2013-03-05"))
    docs.append(doc("b", "The Norvel parliament voted to dissolve itself on 4 March 2013, setting up an election.", "2013-03-06"))
    ranked = sorted(events_from_documents(docs), key=lambda e: -e.importance)
    assert ranked[0].date == "2013-03-04", [(e.date, e.importance, e.title) for e in ranked]
    assert [c.source for c in ranked[0].citations] == ["a", "b"] or [c.source for c in ranked[0].citations] == ["b", "a"]
