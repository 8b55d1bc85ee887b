"""Inferred reference (publication) dates: read from the article's own dates as a careful reader would."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.documents import Document, read_documents
from timeline.extract.dating import ensure_reference

SOURCES = Path(__file__).resolve().parent.parent / "sources"


def inferred(text: str) -> str | None:
    doc = ensure_reference(Document("i", "i.txt", text))
    assert doc.published_basis == "inferred" and doc.published_note
    return doc.published


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month named alone in the past is over; a month-day may be of the same month
        ("Since the beginning of 2019, two returned.\n\nThis February, the ministry reported new figures.", "2019-03"),
        ("On February 12, the ministry reported new figures.\n\nSince the beginning of 2019, two returned.", "2019-02"),
        # a closed period ending in a year is over
        ("More than 40,000 joined between 2013 and 2018.", "2019"),
        ("The ministry announced on February 12 that it would act.\n\nMore than 40,000 joined between 2013 and 2018.", "2019-02"),
        # the news peg without a year, a month named with its year months later: a later year
        ("The attack on April 3 killed 14.\n\nIn November 2016, the U.S. warned visitors.", "2017-04"),
        # ... unless a date still to come forbids it
        ("The attack on April 3 killed 14.\n\nIn November 2016, the U.S. warned visitors. The vote will be held in December 2016.", "2016-11"),
        # the peg shortly before a dated day of the same year: that year
        ("The quake on 12 January killed thousands.\n\nOn 18 Jan 2010 aid arrived.", "2010-01"),
        # a month-day following an explicit year in its paragraph is of that year, not the writing year
        ("In 2015, he went to Turkey.\n\nOn November 29 she flew there. In November 2018 she came back.", "2018-11"),
        ("Nothing dated here.", None),
    ],
)
def test_inference_reads_the_text_like_a_reader(text: str, expected: str | None) -> None:
    assert inferred(text) == expected


def test_note_gives_the_evidence() -> None:
    doc = ensure_reference(Document("i", "i.txt", "The attack on April 3 killed 14.\n\nIn November 2016, the U.S. warned visitors."))
    assert "'April 3'" in (doc.published_note or "") and "'November 2016'" in (doc.published_note or "")


def test_stated_dates_are_not_inferred() -> None:
    doc = ensure_reference(Document("s", "s.txt", "In 2010 it began.", published="2015-06-05", published_basis="stated"))
    assert (doc.published, doc.published_basis) == ("2015-06-05", "stated")


# The careful hand gold (tests/gold/tajikistan-dates.yaml): month (or year) of the inferred articles.
GOLD = {
    "cabar-return-to-tajikistan": "2019-03",
    "isis-tag-archive-2": "2017-04",
    "isis-tag-archive-4": "2017-07",
    "rferl-islamic-state-widows": "2019-02",
}


def test_example_articles_match_the_gold() -> None:
    if not SOURCES.is_dir():
        pytest.skip("no sources/")
    docs = {d.id: d for d in read_documents([SOURCES])}
    for ident, month in GOLD.items():
        assert (docs[ident].published, docs[ident].published_basis) == (month, "inferred"), (ident, docs[ident].published_note)
    # the text alone gives no year here (see the report): left open / a lower bound, never a later one
    assert docs["isis-tag-archive-1"].published is None
    assert docs["rferl-return-and-repent"].published is not None and docs["rferl-return-and-repent"].published <= "2015-06"
