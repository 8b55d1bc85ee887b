"""Events from documents built in the test: candidates, non-events, merging, disputes, ranking, titles."""
from __future__ import annotations

from pathlib import Path

from timeline.read import Document
from timeline.extract.candidates import document_mentions
from timeline.extract.events import analyse_document, events_from_documents, same_happening
from timeline.extract.records import slug
from timeline.read.store_source import document_to_source
from timeline.extract.titles import make_title
from timeline.schema import Citation, Event


def doc(id_: str, text: str, published: str = "2015-06-05", publisher: str | None = None) -> Document:
    return Document(id=id_, path=f"{id_}.txt", text=text, published=published, published_basis="stated",
                    published_note="test", publisher=publisher)


def events_of(*docs: Document, top: int | None = None) -> list[Event]:
    return events_from_documents(docs, top)


A = doc("rferl", "Tajikistan's Interior Ministry announced an amnesty for returning fighters on 9 May 2015. "
        "The offer covers those who voluntarily leave the conflict zone.", publisher="RFE/RL")
B = doc("vice", "On 9 May 2015, the Interior Ministry of Tajikistan announced an amnesty for fighters returning home. "
        "Critics doubted it.", publisher="VICE")
C = doc("cabar", "Gulmurod Khalimov, the police commander, defected to the Islamic State in April 2015 and appeared in a video.",
        publisher="CABAR")


def test_quotes_are_exact_sentences_with_offsets() -> None:
    for event in events_of(A, B, C):
        for c in event.citations:
            text = {"rferl": A.text, "vice": B.text, "cabar": C.text}[c.source]
            assert text[c.offset:c.offset + len(c.quote)] == c.quote
            assert len(c.quote) <= 400


def test_same_happening_in_two_sources_is_one_event_with_two_citations() -> None:
    events = events_of(A, B, C)
    amnesty = [e for e in events if "amnesty" in e.title.lower()]
    assert len(amnesty) == 1
    assert amnesty[0].date == "2015-05-09"
    assert sorted(c.source for c in amnesty[0].citations) == ["rferl", "vice"]
    assert {e.date for e in events} == {"2015-05-09", "2015-04"}


def test_corroborated_event_ranks_higher_and_top_keeps_the_most_important() -> None:
    events = events_of(A, B, C)
    by_date = {e.date: e for e in events}
    assert by_date["2015-05-09"].importance > by_date["2015-04"].importance
    top = events_of(A, B, C, top=1)
    assert [e.date for e in top] == ["2015-05-09"]


def test_different_dates_for_the_same_happening_become_a_dispute() -> None:
    d1 = doc("one", "Tajik Foreign Minister Sirojiddin Muhriddin announced the repatriation of Tajik children from Iraq on 12 February 2019.")
    d2 = doc("two", "Tajik Foreign Minister Sirojiddin Muhriddin announced the repatriation of Tajik children from Iraq on 14 February 2019.")
    events = events_of(d1, d2)
    assert len(events) == 1
    (dispute,) = events[0].disputes
    assert dispute.about == "date"
    assert sorted(claim.value for claim in dispute.claims) == ["2019-02-12", "2019-02-14"]
    assert all(claim.citations for claim in dispute.claims)


def test_different_figures_for_the_same_happening_become_a_dispute() -> None:
    d1 = doc("one", "Officials said on 9 May 2015 that 1,100 Tajiks had joined the Islamic State group in Syria and Iraq.")
    d2 = doc("two", "Officials said on 9 May 2015 that 2,000 Tajiks had joined the Islamic State group in Syria and Iraq.")
    (event,) = events_of(d1, d2)
    figures = [d for d in event.disputes if d.about == "figure"]
    assert figures and sorted(c.value for c in figures[0].claims) == ["1,100", "2,000"]


def test_unrelated_happenings_on_the_same_day_stay_apart() -> None:
    d1 = doc("one", "A powerful earthquake struck Port-au-Prince on 12 January 2010, destroying the presidential palace.")
    d2 = doc("two", "Michael Jackson's doctor appeared in a Los Angeles court on 12 January 2010 for a routine hearing.")
    assert len(events_of(d1, d2)) == 2


def test_non_events_are_rejected() -> None:
    text = (
        "By John Smith, 5 June 2015\n\n"
        "Photo: Reuters/Getty Images, June 2015\n\n"
        "Posted on June 5, 2015 at 10:00\n\n"
        "This story is over 5 years old.\n\n"
        "Unemployment stood at 12 percent in 2014, up from 9 percent a year earlier.\n\n"
        "In the third quarter of 2014, the company reported net income of $1.9 million, or 29 cents a share.\n\n"
        "The country's inflation rate was 6.5 percent in April 2015, the statistics office said.\n\n"
        "5 June 2015\n\n"
        "The civil war lasted from 1992 to 1997 and killed tens of thousands.\n\n"
        "Today, the opposition is all but obliterated.\n\n"
        "The ministry arrested three suspects on 4 June 2015."
    )
    mentions = document_mentions(doc("noisy", text))
    # a war that lasted is a happening on the timeline, from its start to its end (test_extract_spans.py)
    assert [(m.quote, m.date, m.until) for m in mentions] == [
        ("The civil war lasted from 1992 to 1997 and killed tens of thousands.", "1992", "1997"),
        ("The ministry arrested three suspects on 4 June 2015.", "2015-06-04", ""),
    ]


def test_title_is_compressed_from_the_quote_words() -> None:
    quote = "On 9 May 2015, Tajikistan's Interior Ministry announced an amnesty for returning fighters, officials said."
    start = quote.index("9 May 2015")
    title = make_title(quote, [(start, start + len("9 May 2015"))])
    assert title == "Tajikistan's Interior Ministry announced an amnesty for returning fighters"
    assert all(word in quote for word in title.split())


def test_title_drops_leading_quotation_and_asides() -> None:
    quote = '"They will be forgiven," the ministry, which runs the programme, said on 9 May.'
    start = quote.index("9 May")
    assert make_title(quote, [(start, start + 5)]) == "The ministry said: They will be forgiven"


def test_slug_ids_are_stable_and_unique() -> None:
    events = events_of(A, B, C)
    ids = [e.id for e in events]
    assert len(set(ids)) == len(ids)
    assert ids == [e.id for e in events_of(A, B, C)]
    assert slug("2015-05-09", "Ministry announced an amnesty") == "2015-05-09-ministry-announced-an-amnesty"


def test_same_happening_for_curation() -> None:
    def event(date: str, quote: str) -> Event:
        return Event(id="e", date=date, title=quote[:30], summary=quote, citations=[Citation(source="s", quote=quote, offset=0)])

    a = event("2015-05-09", "Tajikistan's Interior Ministry announced an amnesty for returning fighters.")
    b = event("2015-05", "The Interior Ministry of Tajikistan announced an amnesty for fighters who return.")
    c = event("2016-05-09", "The Interior Ministry of Tajikistan announced an amnesty for fighters who return.")
    d = event("2015-05-09", "A bomb exploded outside the police headquarters in Khujand.")
    assert same_happening(a, b)
    assert not same_happening(a, c)
    assert not same_happening(a, d)


def test_document_to_source(tmp_path: Path) -> None:
    text = "First article.\n\nSecond article on 9 May 2015."
    path = tmp_path / "sources" / "archive.txt"
    d = Document(id="Archive/2", path=str(path), text=text, start=16, end=len(text), title="Second",
                 published="2015-05", published_basis="inferred", published_note="latest date", url="not a url")
    source = document_to_source(d, tmp_path)
    assert source.id == "archive-2"
    assert source.file == "sources/archive.txt"
    assert source.segment == (16, len(text))
    assert source.url is None
    assert source.published == "2015-05" and source.published_basis == "inferred"
    import hashlib
    assert source.sha256 == hashlib.sha256(text[16:].encode()).hexdigest()


def title_of(quote: str, *dates: str) -> str:
    spans = [(quote.index(d), quote.index(d) + len(d)) for d in dates]
    return make_title(quote, spans)


def test_title_keeps_a_date_that_is_the_subject() -> None:
    assert title_of("This year marks the twentieth anniversary of the peace accords.", "This year") == \
        "This year marks the twentieth anniversary of the peace accords"


def test_title_takes_the_main_clause_after_a_subordinate_one() -> None:
    quote = "As his regime began violating the 1997 accords, the authorities began a smear campaign against the IRPT."
    assert title_of(quote, "1997") == "The authorities began a smear campaign against the IRPT"


def test_title_drops_short_asides_and_prepositional_dates() -> None:
    quote = "Tajik President Rahmon, in power since 1992, has gradually tightened the noose."
    assert title_of(quote, "1992") == "Tajik President Rahmon has gradually tightened the noose"
    assert title_of("In response, the party began to consider rebranding itself as early as 2004.", "2004") == \
        "The party began to consider rebranding itself"  # a leading phrase with no verb is no part of the title


def test_each_date_of_a_sentence_titles_its_own_clause() -> None:
    text = ("In August 2016, police broke up a suspected cell in Bishkek, and in October 2016 the security "
            "service conducted weapons raids in Osh.")
    mentions = document_mentions(doc("kg", text))
    assert {m.date: m.title for m in mentions} == {
        "2016-08": "Police broke up a suspected cell in Bishkek",
        "2016-10": "The security service conducted weapons raids in Osh",
    }
    assert all(m.quote == text for m in mentions)


def test_title_drops_relative_clauses_and_ages_but_not_thousands() -> None:
    quote = "Kenya held a disputed election in December 2007, which was followed by violence that killed more than 1,200 people."
    assert title_of(quote, "December 2007") == "Kenya held a disputed election"
    assert title_of("Odinga, 71, was detained on May 6 after a march.", "May 6") == "Odinga was detained after a march"


def test_dateline_is_not_the_date_of_the_happening() -> None:
    text = "WASHINGTON, March 3 (AP) — The Senate passed a $1.3 trillion budget on 1 March 2019, averting a shutdown."
    mentions = document_mentions(doc("ap", text, published="2019-03-03"))
    assert [(m.date, m.quote) for m in mentions] == [
        ("2019-03-01", "The Senate passed a $1.3 trillion budget on 1 March 2019, averting a shutdown.")]


def test_extraction_gives_events_and_records_from_either() -> None:
    from timeline.extract.events import Extraction, build_records

    mentions, words = [], []
    for d in (A, B, C):
        found = analyse_document(d)
        mentions += found.mentions
        words.append(found.words)
    records = build_records(mentions, words)
    from_records = Extraction([A, B, C], records=records)
    assert [e.id for e in from_records.events] == [r["id"] for r in records]
    from_events = Extraction.of_events([A, B, C], from_records.events)
    assert list(from_events.records) == records
