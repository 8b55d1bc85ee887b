"""Reference (publication) dates (timeline.extract.published): stated in the text, given, corroborated, or
inferred from the article's own dates as a careful reader would."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extract.dating import find_dates
from timeline.extract.published import corroborate, date_documents, ensure_reference, read_dated
from timeline.read import Document
from timeline.read.datelines import date_line_value
from timeline.read.split import split_articles

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
    docs = {d.id: d for d in read_dated([SOURCES])}
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
    docs = {d.id: d for d in read_dated([tmp_path])}
    assert (docs["a"].published, docs["b"].published) == ("2015-05", "2015-06-05")
    alone = list(read_dated([tmp_path / "a.txt"]))
    assert alone[0].published == "2010-05"


def stated(doc: Document) -> list[Document]:
    """The document's articles with their stated dates (reading, then the reference-date stage without inference)."""
    return list(date_documents(split_articles(doc), infer=False))


def read(paths: list[Path], **kwargs: object) -> list[Document]:
    return list(read_dated(paths, **kwargs))  # type: ignore[arg-type]


# ------------------------------------------------------------------ stated in the text, given, inferred (moved from test_documents.py)


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("June 5, 2015, 5:00pm", "2015-06-05"),
        ("March 12, 2017", "2017-03-12"),
        ("10 Dec 2016", "2016-12-10"),
        ("28 September 2017", "2017-09-28"),
        ("Published: Monday, Feb. 3, 2014 at 10:39 GMT", "2014-02-03"),
        ("2019-02-27T10:39:00Z", "2019-02-27"),
        ("By Jane Doe, March 1st, 2019", "2019-03-01"),
        ("In March 12, 2017 the court ruled.", None),
        ("February 30, 2017", None),
        ("Frud Bezhan", None),
    ],
)
def test_date_lines(line: str, value: str | None) -> None:
    assert date_line_value(line) == value


def test_stated_date_at_the_top_or_the_end_of_an_article() -> None:
    top = Document("t", "t.txt", "Headline Here\nJune 5, 2015, 5:00pm\n\nBody text in 2014.\n")
    end = Document("e", "e.txt", "Body text in 2014.\n\nJane Doe\n\n10 Dec 2016\n")
    assert stated(top)[0].published == "2015-06-05"
    [doc] = stated(end)
    assert (doc.published, doc.published_basis) == ("2016-12-10", "stated")
    assert "10 Dec 2016" in (doc.published_note or "")


@pytest.mark.parametrize(
    ("opening", "value"),
    [
        ("LONDON, Feb. 27, 2019 (Reuters) - The bank said on Tuesday", "2019-02-27"),
        ("PORT-AU-PRINCE, Haiti, 13 January 2010 — Rescuers dug", "2010-01-13"),
        ("DUSHANBE -- With Islamic State (IS) fighters on the verge", None),
        ("TEHRAN – The defeat of Daesh", None),
    ],
)
def test_datelines_give_the_stated_date(opening: str, value: str | None) -> None:
    [doc] = stated(Document("d", "d.txt", f"Headline\n\n{opening} and more happened in 2001.\n"))
    assert doc.published == value if value else doc.published_basis is None


def test_inferred_reference_rests_on_the_latest_explicit_date_and_says_so() -> None:
    doc = ensure_reference(Document("i", "i.txt", "It began in 2011. The war ended in 2014; talks followed.\n"))
    assert (doc.published, doc.published_basis) == ("2014", "inferred")
    assert "2014" in (doc.published_note or "")
    none = ensure_reference(Document("n", "n.txt", "Nothing dated here.\n"))
    assert (none.published, none.published_basis) == (None, "inferred")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks began in 2016 and went on. In November 2016 they failed.", "2016-11"),
        ("The war ended in 2018. On February 12 the ministry announced a plan.", "2018-02"),
        ("In 2017 it began. Between 2013 and 2018 they left, mostly in January.", "2019"),  # the period is over
        ("Between 2013 and 2018 they left.", "2019"),
        ("The court met in 2014. Two years ago, in 2015, the party was banned.", "2017"),
        ("The court met in 2014. Last year, in 2014, it met again.", "2015"),
        ("He was arrested on July 5, 2017. The vote, which will be held in October 2017, is near.", "2017-07"),
        ("The court ruled in September 2015. By mid-September it was over. It met on July 5, 2017.", "2017-07"),
    ],
)
def test_inference_reads_yearless_months_future_and_anaphora_like_a_reader(text: str, expected: str) -> None:
    assert ensure_reference(Document("i", "i.txt", text)).published == expected


def test_published_argument_overrides_stated_dates(tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text("Headline Here\nJune 5, 2015, 5:00pm\n\nBody.\n", encoding="utf-8")
    [doc] = read([path], published="2016-01")
    assert (doc.published, doc.published_basis) == ("2016-01", "stated")


@pytest.mark.parametrize(
    ("opening", "value", "end"),
    [
        ("OSLO, March 3, 2016 (AP) — The fjord froze.", "2016-03-03", "The fjord froze."),
        ("OSLO March 3, 2016 (AP) - The fjord froze.", "2016-03-03", "The fjord froze."),  # no comma, a dash after the date
        ("BERGEN, Norway, 3 March 2016 -- The fjord froze.", "2016-03-03", "The fjord froze."),
        ("OSLO (AP), March 3, 2016 - The fjord froze.", "2016-03-03", "The fjord froze."),
        ("OSLO, March 3 (AP) — The fjord froze.", None, "The fjord froze."),  # no year: no date, but a dateline to cut
        ("GOOD POINT March 3, 2016 at 9:51 am | Reply", None, None),  # a comment's signature, not a dateline
        ("NATO forces left in March 2016.", None, None),
    ],
)
def test_one_dateline_rule_for_stated_dates_and_for_cutting_sentences(opening: str, value: str | None, end: str | None) -> None:
    from timeline.read.datelines import dateline_end, dateline_value

    assert dateline_value(opening) == value
    assert (opening[dateline_end(opening):] if dateline_end(opening) else None) == end


@pytest.mark.parametrize("head", [
    "Posted on March 14, 2019 by Jane Doe",
    "Posted March 14, 2019 | by the news desk",
    "Published 14 March 2019",
    "Updated: 2019-03-14 10:32",
    "By Jane Doe, March 14, 2019",
    "14 March 2019",
])
def test_a_date_line_under_the_headline_states_the_date(tmp_path, head):
    path = tmp_path / "story.txt"
    path.write_text(f"Minister resigns after protests\n{head}\n\nThe minister resigned yesterday after weeks of protests.\n",
                    encoding="utf-8")
    [(doc, timexes)] = list(find_dates([path]))
    assert (doc.published, doc.published_basis) == ("2019-03-14", "stated")
    assert "2019-03-13" in [t.value for t in timexes], "yesterday is read against the stated date"


@pytest.mark.parametrize("opening", ["2019-03-14 DUSHANBE - ", "2019-03-14, LONDON (Reuters) — ", "2019-03-14 NEW YORK -- "])
def test_an_iso_date_before_a_place_name_is_a_dateline(tmp_path, opening):
    path = tmp_path / "wire.txt"
    path.write_text(f"{opening}The court freed the activist yesterday, her lawyer said.\n", encoding="utf-8")
    [(doc, timexes)] = list(find_dates([path]))
    assert (doc.published, doc.published_basis) == ("2019-03-14", "stated")


def test_a_date_at_the_start_of_an_ordinary_sentence_is_not_a_dateline(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_text("The essay.\n\n2019-03-14 was a Thursday, and the court met late.\n", encoding="utf-8")
    [(doc, _)] = list(find_dates([path]))
    assert doc.published_basis != "stated"
