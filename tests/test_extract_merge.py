"""One event per happening across sources: paraphrases merge on what happened; the same happening
with dates that cannot both hold is a dispute (invented texts)."""
from __future__ import annotations

from timeline.extract.events import events_from_documents
from timeline.extract.words import action_kinds, kinds_by_name, spelling_key
from timeline.read import Document
from timeline.schema import Event


def doc(id_: str, text: str, published: str = "2012-06-05") -> Document:
    return Document(id=id_, path=f"{id_}.txt", text=text, published=published, published_basis="stated", published_note="test")


def events_of(*docs: Document) -> list[Event]:
    return events_from_documents(docs)


FILLER = ("The harvest was poor in the northern provinces, farmers said. Teachers in the capital asked for higher pay. "
          "A new bridge over the river is being planned by engineers. Tourism grew along the coast.")


def test_action_kinds_name_the_kind_of_happening_not_the_month() -> None:
    assert action_kinds("The rebels signed a truce with the army") == {"agreement"}
    assert action_kinds("The court outlawed the movement") == {"ban"}
    assert action_kinds("In March the diet of electricity workers improved") == frozenset()
    assert action_kinds("The pilot declared allegiance to the insurgents in a video") == {"join"}
    assert action_kinds("The clans swore allegiance to the new emir") == {"join"}
    assert ("rule", "okafor") in kinds_by_name("General Okafor, in power since 2003, tightened his grip", {"okafor"})


def test_paraphrases_of_one_happening_in_two_sources_are_one_event() -> None:
    one = doc("one", "Rebel commander Arno Velkov signed a ceasefire with the government in the mountain town in March 2011. " + FILLER)
    two = doc("two", "The Velkov truce of March 2011 was supposed to bring elections within a year to the mountain region. " + FILLER)
    dated = [e for e in events_of(one, two) if e.date == "2011-03"]
    assert len(dated) == 1 and sorted(c.source for c in dated[0].citations) == ["one", "two"]


def test_different_happenings_of_the_same_month_stay_apart() -> None:
    one = doc("one", "Rebel commander Arno Velkov signed a ceasefire with the government in March 2011. " + FILLER)
    two = doc("two", "Floods destroyed three villages in the southern delta in March 2011, officials reported. " + FILLER)
    assert len([e for e in events_of(one, two) if e.date == "2011-03"]) == 2


def test_same_kind_of_happening_with_incompatible_months_is_a_dispute_with_both_sides() -> None:
    one = doc("one", "Rebel commander Arno Velkov signed a ceasefire with the government in March 2011. " + FILLER)
    two = doc("two", "Commander Velkov and the defence minister sign the truce that ended the war, November 2010. " + FILLER)
    disputed = [e for e in events_of(one, two) if e.disputes]
    assert len(disputed) == 1
    (dispute,) = disputed[0].disputes
    assert dispute.about == "date" and sorted(c.value for c in dispute.claims) == ["2010-11", "2011-03"]
    assert sorted(c.citations[0].source for c in dispute.claims) == ["one", "two"]


def test_a_shared_place_far_from_the_happening_is_no_dispute() -> None:
    one = doc("one", "Officials say 900 volunteers left for Kordavia to join the militia since 2009 and that nearly 200 of them were later killed. " + FILLER)
    two = doc("two", "Her cousin was killed in 2011 in Kordavia, but his children remain there. " + FILLER)
    assert not any(e.disputes for e in events_of(one, two))


def test_two_transliterations_of_one_name_report_one_happening() -> None:
    # Latin spellings of one name from another script differ between agencies: kh/h, q/g/k, dh/d, o/u, doubled letters
    one = doc("one", "Rebel commander Yusuf Khadirov signed a ceasefire with the government in the mountain town in March 2011. " + FILLER)
    two = doc("two", "The Hadirov truce of March 2011 was supposed to bring elections within a year to the mountain region. " + FILLER)
    dated = [e for e in events_of(one, two) if e.date == "2011-03"]
    assert len(dated) == 1 and sorted(c.source for c in dated[0].citations) == ["one", "two"]
    assert {spelling_key(w) for w in ("gaddafi", "qaddafi", "gadhafi", "kadhafi")} == {"kadafi"}
    assert spelling_key("khalimov") == spelling_key("halimov") and spelling_key("mukhiddin") == spelling_key("muhiddin")
    assert spelling_key("velkov") != spelling_key("volkova")


def test_a_coarser_restatement_in_another_source_is_cited_by_the_finer_event() -> None:
    one = doc("one", "On 12 March 2014 the Supreme Court of Veldonia banned the Freedom Party of Ilya Marek. " + FILLER)
    two = doc("two", "In March 2014, after months of street protests and a long trial, Marek's movement was outlawed in Veldonia "
                     "and most of its leaders left for exile abroad. " + FILLER)
    three = doc("three", "In March 2014 a new ferry line opened between the two largest ports of Veldonia. " + FILLER)
    found = events_of(one, two, three)
    (ban,) = [e for e in found if e.date == "2014-03-12"]
    assert [c.source for c in ban.citations] == ["one", "two"]  # its own report first, then the restatement
    assert any(e.date == "2014-03" and e.citations[0].source == "two" for e in found)  # which keeps its own event
    assert "three" not in {c.source for c in ban.citations}  # same month, another happening


def test_a_restatement_that_names_nobody_the_happening_names_is_not_cited() -> None:
    one = doc("one", "On 12 March 2014 the Supreme Court of Veldonia banned the Freedom Party of Ilya Marek. " + FILLER)
    two = doc("two", "In March 2014 the government banned public rallies in the capital after violent clashes with strikers. " + FILLER)
    (ban,) = [e for e in events_of(one, two) if e.date == "2014-03-12"]
    assert [c.source for c in ban.citations] == ["one"]


def test_strikes_walkouts_and_becoming_a_leader_are_kinds_of_happening() -> None:
    assert action_kinds("Dockworkers in Kessel walked off the job on Monday") == {"strike"}
    assert action_kinds("The walkout cost shippers millions") == {"strike"}
    assert "rule" in action_kinds("Okafor became governor in 2003") and "rule" in action_kinds("She became the first woman prime minister")
    assert action_kinds("The earthquake struck the coast") == {"disaster"}  # 'struck' is no strike


def test_the_same_kind_of_happening_on_the_same_day_to_the_same_named_place_is_one_event() -> None:
    one = doc("one", "Dockworkers in Kessel walked off the job on Monday, halting cargo traffic at the harbour. " + FILLER, "2012-06-06")
    two = doc("two", "The strike at Kessel, which began on June 4, entered its second week on Monday. " + FILLER, "2012-06-12")
    dated = [e for e in events_of(one, two) if e.date == "2012-06-04"]
    assert len(dated) == 1 and sorted({c.source for c in dated[0].citations}) == ["one", "two"], [(e.date, e.title) for e in events_of(one, two)]


def test_a_name_that_many_reports_of_a_day_hold_does_not_make_them_one_happening() -> None:
    texts = ["Protesters in Varna marched to the parliament on Friday, chanting against the mayor.",
             "Police in Varna fired tear gas at demonstrators outside the station on Friday.",
             "Students in Varna staged a rally at the university on Friday."]
    docs = [doc(f"d{i}", t + " " + FILLER, "2012-06-09") for i, t in enumerate(texts)]
    dated = [e for e in events_of(*docs) if e.date == "2012-06-08"]
    assert len(dated) == 3, [(e.title, [c.source for c in e.citations]) for e in dated]


def test_a_name_that_opens_a_sentence_is_a_name_when_the_article_capitalises_it_elsewhere() -> None:
    from timeline.extract.words import words_and_names
    article = "Governor Anna Brel of Lusk resigned on Sunday. Brel became governor in 2016. The inquiry went on."
    assert words_and_names("Brel became governor in 2016.", article)[1] == {"brel"}
    assert words_and_names("Brel became governor in 2016.")[1] == set()  # without the article, an opening word is no name
    assert words_and_names("The inquiry went on. Brel left.", article)[1] == {"brel"}
    assert words_and_names("The inquiry went on.", article)[1] == set()


def test_strikes_and_disasters_are_kinds_in_other_languages_too() -> None:
    assert action_kinds("La grève des contrôleurs aériens a pris fin") == {"strike"}
    assert action_kinds("Los huelguistas cortaron la autopista") == {"strike"}
    assert action_kinds("El incendio de la sierra arrasó 3.000 hectáreas") == {"disaster"}
    assert action_kinds("Ein Erdbeben erschütterte Köln") == {"disaster"}
    assert action_kinds("Police fired tear gas") == frozenset()  # 'fired' is no fire


def test_english_kind_words_are_not_looked_up_in_other_languages() -> None:
    german = "Die 300 Mitarbeiter der Fabrik verloren am 3. Mai ihre Arbeit."
    assert action_kinds(german) == {"death"}  # read as English, 'Die' is a death
    assert action_kinds(german, english=False) == frozenset()
    assert action_kinds("Der Streik der Fluglotsen endete am Samstag.", english=False) == {"strike"}


def test_a_name_and_its_acronym_are_one_name_when_the_article_writes_both() -> None:
    a = doc("a", "The Supreme Court banned the Islamic Revival Party of Tajikistan on 29 September 2015. "
                 "The IRPT had held two seats in parliament.", "2015-10-01")
    b = doc("b", "On 29 September 2015, judges outlawed the IRPT, the main opposition force. Its leaders fled abroad.",
            "2015-10-03")
    ban = [e for e in events_of(a, b) if e.date == "2015-09-29"]
    assert len(ban) == 1 and sorted(c.source for c in ban[0].citations) == ["a", "b"]
    # an article that never writes the initials gives none: 'President Barack Obama' is no 'PBO'
    lone = doc("c", "The Supreme Court banned the Islamic Revival Party of Tajikistan on 29 September 2015.", "2015-10-01")
    assert len([e for e in events_of(lone, b) if e.date == "2015-09-29"]) == 2
