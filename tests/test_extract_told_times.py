"""Dates the text has already told: anniversaries of a dated happening, sentences opening on 'At that time' or
'Then,', and recency words in news ('recently', 'in recent weeks'). Invented cases for each class, apart from
the held-out golds (tests/gold/genres-dates-15.yaml, events-heldout-3.yaml) they were written after."""
from __future__ import annotations

import pytest

from timeline.extract import undated
from timeline.extract.candidates import document_mentions
from timeline.extract.timex import tag
from timeline.extract.titles import make_title
from timeline.read import Document


def _dates(text: str, anchor: str | None = None, mode: str = "narrative", lang: str = "auto") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, anchor, mode=mode, lang=lang)]


@pytest.mark.parametrize(("text", "lang", "want"), [
    # the date of what the anniversary is of, N years on, at its precision
    ("The strike began on 4 May 1926. On the 75th anniversary of the strike, miners marched in Durham.", "en",
     ("75th anniversary of the strike", "2001-05-04")),
    ("The orchestra gave its first concert in March 1950. It marked the 40th anniversary of that concert with a tour.",
     "en", ("40th anniversary of that concert", "1990-03")),
    ("The treaty was signed in 1648. Three centuries later, on the tercentenary... the three hundredth anniversary "
     "of the treaty, a museum opened.", "en", ("three hundredth anniversary of the treaty", "1948")),
    ("She was born on 29 February 1904. Her town celebrated the first anniversary of her birth.", "en",
     ("first anniversary of her birth", "1905-02")),  # no 29 February in 1905: the month
    ("La fábrica abrió en 1961. En su quincuagésimo aniversario, la empresa regaló entradas.", "es",
     ("quincuagésimo aniversario", "2011")),
    ("Le musée a été inauguré en 1977. Pour le 40e anniversaire de l'inauguration, l'entrée est gratuite.", "fr",
     ("40e anniversaire de l'inauguration", "2017")),
    ("Die Brücke wurde 1936 eröffnet. Zum fünfzigsten Jahrestag der Eröffnung spielte eine Kapelle.", "de",
     ("fünfzigsten Jahrestag", "1986")),
    ("La scuola fu fondata nel 1905. Per il centesimo anniversario della fondazione, gli studenti hanno piantato un albero.",
     "it", ("centesimo anniversario della fondazione", "2005")),
])
def test_an_anniversary_counts_from_the_date_the_text_gave(text: str, lang: str, want: tuple[str, str]) -> None:
    got = _dates(text, lang=lang)  # the span reaches past 'of X' only when X ends at punctuation
    assert any(want[0].startswith(t) and " " in t and v == want[1] for t, v in got), got


@pytest.mark.parametrize("text", [
    "The anniversary of the battle is not a holiday.",  # no ordinal, no date before it
    "Fans gathered on 3 June 2015. The band celebrated its 20th anniversary with a new album.",  # no origin told
    "The war ended in 1945. On the 50th anniversary of the Treaty of Rome, leaders met.",  # the treaty is never dated
    # its own sentence's date is when it was marked, not what it counts from
    "The band split up in 1990. And in 1995, the charity marked the first anniversary of the singer's suicide.",
    # one short word in common ('first') or a word that only looks like an origin ('significant') is chance
    "His first significant commission came in 1907. Three stories mark the 70th anniversary of stockings first going on sale.",
])
def test_an_anniversary_of_nothing_the_text_dated_is_no_date(text: str) -> None:
    assert not [d for d in _dates(text, lang="en") if "anniversary" in d[0]]


def test_an_anniversary_said_of_a_date_is_that_date_and_no_event_of_its_own() -> None:
    text = "The alliance was founded in 1949. This year marks the 50th anniversary of the alliance."
    assert ("50th anniversary of the alliance", "1999") in _dates(text, "1999-04-01", mode="news")
    # in news, an anniversary counted to after the text was written counts from the wrong date
    assert not [d for d in _dates("Leaders met in April 1999. NATO celebrates its 50th anniversary.", "1999-04-02",
                                  mode="news") if "anniversary" in d[0]]


def _doc(text: str, published: str | None = None) -> Document:
    return Document(id="d", path="d.txt", text=text, published=published,
                    published_basis="stated" if published else None, published_note="test")


def _mentions(text: str, published: str | None = None) -> list[tuple[str, str]]:
    return [(m.date, m.quote) for m in document_mentions(_doc(text, published))]


def test_a_sentence_opening_on_the_time_just_told_happens_then() -> None:
    text = ("The dam was finished in 1958. At that time, engineers moved 2,000 families from the valley.\n\n"
            "In the 1970s the reservoir silted up. Then, the province dredged it.")
    got = _mentions(text)
    assert ("1958", "At that time, engineers moved 2,000 families from the valley.") in got
    assert ("197X", "Then, the province dredged it.") in got


def test_then_after_a_day_is_next_not_that_day_and_a_far_date_is_not_the_time() -> None:
    text = "Police arrested the mayor on 4 March 2019. Then, investigators searched his office."
    assert [d for d, q in _mentions(text) if q.startswith("Then")] == []
    far = "The mill opened in 1912.\n\nIt was famous.\n\nIts owners were rich.\n\nAt that time, the workers went on strike."
    assert [d for d, q in _mentions(far) if q.startswith("At that")] == []


@pytest.mark.parametrize(("sentence", "published", "want"), [
    ("Three ministers have recently resigned over the scandal.", "2021-09-20", "2021"),
    ("In recent days, protesters blocked the main road to the port.", "2021-09-20", "2021-09"),
    ("In recent weeks, the army has moved troops to the border.", "2022-01-10", None),  # December and January: no one period
    ("Récemment, le maire de la ville a démissionné après des mois de critiques sur sa gestion.", "2018-06-30", "2018"),
    ("Die Regierung hat kürzlich neue Steuern für die großen Unternehmen des Landes beschlossen.", "2019-11-05", "2019"),
])
def test_recency_in_news_dates_to_the_period_before_publication(sentence: str, published: str, want: str | None) -> None:
    got = [d for d, _ in _mentions(sentence, published)]
    assert got == ([want] if want else [])


def test_recency_without_a_publication_date_dates_nothing() -> None:
    assert _mentions("The council has recently approved the plan.") == []


def test_recency_in_a_condition_or_a_comparison_dates_nothing() -> None:
    for sentence in ("He would be the first patient who had not travelled to Mexico recently, doctors said.",
                     "The most recently reported case was a teacher from a school in the north of the city."):
        assert _mentions(sentence, "2009-04-30") == []


def test_the_time_told_does_not_date_a_sentence_about_the_future() -> None:
    text = "The regime fell in 2011. At that time, he warned, the country will become a battlefield for years."
    assert [q for _, q in _mentions(text) if q.startswith("At that")] == []


def test_a_title_keeps_an_apostrophe_inside_a_word_of_a_quoted_lead() -> None:
    quote = "“In those years the factories closed, and there wasn’t much work,” she said on 3 May."
    assert make_title(quote, [(quote.index("3 May"), quote.index("3 May") + 5)]).endswith("wasn’t much work")


def test_an_anniversary_said_of_the_day_stays_in_the_title() -> None:
    from timeline.extract.events import events_from_documents
    text = "Today is the 17th anniversary of the Electoral Law, which parliament passed in 1999 after long debates."
    events = events_from_documents([_doc(text, "2016-12-10")], None)
    assert any("17th anniversary of the Electoral Law" in e.title for e in events), [e.title for e in events]


def test_an_irregular_past_with_a_prefix_is_a_verb() -> None:
    from timeline.extract.filters import too_thin
    for sentence in ("The next year the town rebuilt its walls.", "In 1711 the army withdrew.", "In 1848 the people overthrew the king."):
        assert not too_thin(sentence, len("The next year") if sentence.startswith("The") else 7)


def test_the_time_of_what_is_named_and_a_time_not_yet_past_are_not_the_time_told() -> None:
    text = ("Police arrested the reporter in May 2009. At the time of his arrest, he was working for a television channel "
            "in the north. On Monday the court freed him. Back then, editors protested outside the court house.")
    got = _mentions(text, "2011-01-10")  # written on that Monday: the day told is not past
    assert not [q for _, q in got if q.startswith(("At the time of", "Back then"))]


@pytest.mark.parametrize("words", [
    "in the past few days", "In Recent Days", "en los últimos días", "CES DERNIERS JOURS", "in den letzten Tagen",
    "negli ultimi giorni", "nos últimos dias", "in the last few weeks", "En las Últimas semanas", "ces dernières semaines",
    "in den letzten Wochen", "nelle ultime settimane", "nas últimas semanas", "RECENTLY", "Lately", "in the past few months",
    "Recientemente", "en los últimos meses", "récemment", "RÉCEMMENT", "ces derniers mois", "Kürzlich", "vor Kurzem",
    "in den letzten Monaten", "recentemente", "negli ultimi mesi", "nos últimos meses",
])
def test_every_recency_phrase_is_read_in_any_case(words: str) -> None:
    text = f"The council, {words}, met twice."  # undated.recent first rules out sentences without a recency word
    assert undated.recent(text, 0, len(text), "2021-09-20") is not None
    assert undated.needs_more(text, 0, len(text))
