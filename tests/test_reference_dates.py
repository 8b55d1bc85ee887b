"""Inferred reference (publication) dates: read from the article's own dates as a careful reader would."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.documents import Document, read_documents
from timeline.extract.dating import corroborate, ensure_reference

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
    "rferl-return-and-repent": "2015-05",  # gold 2015-06: dated by VICE's 2015-06-05 article quoting it
}


def test_example_articles_match_the_gold() -> None:
    if not SOURCES.is_dir():
        pytest.skip("no sources/")
    docs = {d.id: d for d in read_documents([SOURCES])}
    for ident, month in GOLD.items():
        assert (docs[ident].published, docs[ident].published_basis) == (month, "inferred"), (ident, docs[ident].published_note)
    assert docs["isis-tag-archive-1"].published is None  # 'On November 9' and 'on Sunday' only: no year in the text
    assert "vice-amnesty-for-repentance" in (docs["rferl-return-and-repent"].published_note or "")


QUOTE = "“Young people who took part in military conflicts abroad but regret their action will be allowed to return home,” "


def test_an_undated_article_is_dated_by_a_dated_one_telling_the_same_news() -> None:
    undated = Document("a", "a.txt", f"{QUOTE}the ministry announced on May 9. An ambush in 2010 killed 25.\n")
    dated = Document("b", "b.txt", f"June 5, 2015\n\n{QUOTE}the ministry said. The line was set up on May 9.\n",
                     published="2015-06-05", published_basis="stated")
    corroborate([undated, dated])
    assert (undated.published, undated.published_basis) == ("2015-05", "inferred")
    assert "'b'" in (undated.published_note or "") and "2015-05-09" in (undated.published_note or "")


@pytest.mark.parametrize(
    "other",
    [
        f"June 5, 2015\n\nThe ministry announced a hotline. It was set up on May 9.\n",  # no shared passage
        f"June 5, 2015\n\n{QUOTE}the ministry said in April.\n",  # shared passage, but not the month-day
    ],
)
def test_no_shared_news_no_corroboration(other: str) -> None:
    undated = Document("a", "a.txt", f"{QUOTE}the ministry announced on May 9. An ambush in 2010 killed 25.\n")
    corroborate([undated, Document("b", "b.txt", other, published="2015-06-05", published_basis="stated")])
    assert undated.published is None
    assert ensure_reference(undated).published == "2010-05"


def test_files_are_corroborated_when_read_together(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Headline A\n\n{QUOTE}the ministry announced on May 9. An ambush in 2010 killed 25.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Headline B\nJune 5, 2015\n\n{QUOTE}the ministry said. The line was set up on May 9.\n", encoding="utf-8")
    docs = {d.id: d for d in read_documents([tmp_path])}
    assert (docs["a"].published, docs["b"].published) == ("2015-05", "2015-06-05")
    alone = list(read_documents([tmp_path / "a.txt"]))
    assert alone[0].published == "2010-05"
