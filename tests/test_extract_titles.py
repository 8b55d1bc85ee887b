"""Titles never carry markup: Markdown emphasis, code, links, headings and table bars are read as text."""
from __future__ import annotations

from pathlib import Path

from timeline.extract.events import extract
from timeline.extract.titles import make_title


def test_markdown_emphasis_links_and_headings_leave_no_marks_in_titles() -> None:
    assert make_title("The **council** approved the _new_ bridge, said [the mayor](https://example.org).", []) == "The council approved the new bridge"
    assert make_title("## Council *approves* the `bridge` budget", []) == "Council approves the bridge budget"
    assert make_title("The snake_case name and 2*3*4 stay as written", []) == "The snake_case name and 2*3*4 stay as written"


def test_a_markdown_table_row_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\n| Date | What happened |\n|---|---|\n| 3 May 2019 | The city council **approved** the new river bridge |\n", encoding="utf-8")
    (event,) = extract([path]).events
    assert event.date == "2019-05-03"
    assert not any(mark in event.title for mark in "|*#") and "council approved the new river bridge" in event.title


def test_a_leading_phrase_without_a_verb_is_not_the_title() -> None:
    assert make_title("In a speech to the assembly, the president announced new elections.", []) == "The president announced new elections"
    assert make_title("At the height of the IS advance, the government offered an amnesty to returning fighters.", []) == \
        "The government offered an amnesty to returning fighters"
    assert make_title("In March the council met, and the mayor resigned.", []).startswith("In March the council met")


def test_a_worry_ranks_below_a_happening_of_the_same_standing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("There are concerns about the growth of river pollution in the valley since 2014, officials in Marren said. "
                    "The river authority closed the Marren dam for repairs in 2014 after the floods, officials in Marren said.\n", encoding="utf-8")
    events = sorted(extract([path]).events, key=lambda e: -e.importance)
    assert "closed" in events[0].title and "concerns" in events[-1].title


def test_a_long_title_is_not_cut_inside_a_clause_it_cannot_finish() -> None:
    long = ("The high court of the republic declared the Velkan Union a criminal organization that threatened "
            "the constitutional order of the state and its citizens.")
    assert make_title(long, []) == "The high court of the republic declared the Velkan Union a criminal organization"
    assert not make_title("The ministry announced that it will take all the necessary measures to make sure that "
                          "every family is heard.", []).endswith(("to make", "to", "that"))


def test_a_clause_a_few_words_over_the_limit_keeps_its_object() -> None:
    # 17 words: cutting at 14 would leave 'ranging from two' with no end of the range
    text = "The eleven senior party officials arrested last autumn received prison sentences ranging from two to 28 years."
    assert make_title(text, []).endswith("from two to 28 years")
    long = ("The regional water authority and the national electricity company jointly announced a new plan to build "
            "three large dams and two long canals and a pumping station along the upper river valley by the end of the decade.")
    assert len(make_title(long, []).split()) <= 14  # 34 words with no clause boundary: cut at the limit


def test_an_appositive_after_a_named_subject_is_left_out_of_the_title() -> None:
    text = ("Dalia Vorn, the deputy head of the national committee for water and soil of the northern region, "
            "told parliament that three rivers had run dry.")
    assert make_title(text, []) == "Three rivers had run dry"  # what she said happened
    text = "Tomas Reyl, a former army cook who had deserted in the spring, described the camp to reporters."
    assert make_title(text, []) == "Tomas Reyl described the camp to reporters"
    # a list of names is no appositive
    assert make_title("Ana Brel, Jon Tesk, and Mira Olt signed the appeal.", []).startswith("Ana Brel, Jon Tesk")


def test_a_light_verb_phrase_gives_way_to_the_verb_it_carries() -> None:
    text = "The health ministry announced that it will take all the necessary measures to vaccinate every child in the border villages."
    assert make_title(text, []) == "The health ministry announced that it will vaccinate every child in the border villages"
    text = "The mayor said the city would do everything possible to reopen the flooded metro line before winter."
    assert "reopen the flooded metro line" in make_title(text, [])
    assert "everything possible" not in make_title(text, [])


def test_a_quotation_that_opens_with_a_long_subject_keeps_its_main_verb() -> None:
    text = ('"Farmers who lost their herds in the drought, sold their land or moved to the towns will receive a grant," '
            "the agriculture ministry announced.")
    assert make_title(text, []) == "The agriculture ministry announced: Farmers will receive a grant"
    short = '"We will rebuild the bridge," the governor said.'
    said = '"I am sure that the council, after months of talks with the unions, will approve the plan," the mayor said.'
    assert make_title(said, []).startswith("The mayor said: I am sure that the council")  # a complement clause, not a subject
    assert make_title(short, []) == "The governor said: We will rebuild the bridge"


def test_a_cut_title_ends_on_a_word_that_finishes_it() -> None:
    text = ("The fishermen's union sent a letter from the harbour expressing its anger at the closure of the northern "
            "fishing grounds and asked the minister to resign.")
    title = make_title(text, [])
    assert title.split()[-1] not in ("at", "the", "of", "to", "and"), title
    assert title.startswith("The fishermen's union sent a letter")


def _spans(text: str, *dates: str) -> list[tuple[int, int]]:
    return [(text.index(d), text.index(d) + len(d)) for d in dates]


def test_the_words_that_lead_into_a_date_leave_with_it() -> None:
    ordinal = "On the 12th of June 1940 the last ships left the harbour."
    assert make_title(ordinal, _spans(ordinal, "12th of June 1940")) == "The last ships left the harbour"
    modifier = "Figures for the 2023 harvest will be released on October 2."
    assert make_title(modifier, _spans(modifier, "2023", "October 2")) == "Figures for the harvest will be released"
    after = "The rule covers loans taken out after 1 March 2021."
    assert make_title(after, _spans(after, "1 March 2021")) == "The rule covers loans taken out"
    german = "Im Jahr 1990 fiel die Mauer in der Hauptstadt."
    assert make_title(german, _spans(german, "1990")) == "Fiel die Mauer in der Hauptstadt"


def test_clauses_and_leading_conjunctions_in_other_languages() -> None:
    from timeline.extract.sentences import Span, own_clause

    text = "Le roi fut arrêté le 10 août, et la reine fut jugée le 14 octobre."
    at = text.index("14 octobre")
    clause = own_clause(Span(0, len(text), text), at, at + len("14 octobre"))
    assert clause.text == "et la reine fut jugée le 14 octobre."
    assert make_title(clause.text, _spans(clause.text, "14 octobre")) == "La reine fut jugée"
    assert make_title("Ma Ying-jeou won the election in 2008.", _spans("Ma Ying-jeou won the election in 2008.", "2008")) == \
        "Ma Ying-jeou won the election"


def test_titles_in_languages_with_other_ways_of_leading_into_a_date() -> None:
    turkish = "Yeni meclis 7 Temmuz'da toplanacak."
    assert make_title(turkish, _spans(turkish, "7 Temmuz")) == "Yeni meclis toplanacak"
    polish = "Wybory odbyły się w maju 2015 roku."
    assert make_title(polish, _spans(polish, "maju 2015 roku")) == "Wybory odbyły się"
    chinese = "会议于3月5日开幕。"
    assert make_title(chinese, _spans(chinese, "3月5日")) == "会议开幕"
    framed = "去年，会议推迟到5月举行。"
    assert make_title(framed, _spans(framed, "去年", "5月")) == "会议推迟举行"


def test_a_sentence_whose_one_date_lies_in_a_relative_clause_is_titled_from_that_clause() -> None:
    from timeline.extract.clauses import relative_clause
    text = "The strike at Kessel, which began on March 6, entered its second week."
    found = relative_clause(text, text.index("March"), text.index("March") + 7)
    assert found is not None and found.subject == "The strike at Kessel"
    sentence = "Governor Anna Brel, who took office in March 2003, dissolved the provincial assembly."
    path_text = sentence + " The harvest was poor in the northern provinces, farmers said. Teachers asked for higher pay."
    from timeline.extract.events import events_from_documents
    from timeline.read import Document
    found_events = events_from_documents([Document(id="a", path="a.txt", text=path_text, published="2019-06-05",
                                                   published_basis="stated", published_note="test")])
    assert [(e.date, e.title) for e in found_events] == [("2003-03", "Governor Anna Brel took office")]


def test_a_date_in_the_possessive_gives_way_to_the() -> None:
    from timeline.extract.titles import make_title
    text = "The death toll from Thursday's earthquake in Selmara rose to 210 on Sunday, officials said."
    at, sun = text.index("Thursday"), text.index("Sunday")
    assert make_title(text, [(at, at + 8), (sun, sun + 6)]) == "The death toll from the earthquake in Selmara rose to 210"
    vote = "Voters rejected last week's proposal in a referendum."
    assert make_title(vote, [(16, 25)]) == "Voters rejected the proposal in a referendum"


def test_a_relative_clause_titles_only_when_commas_set_it_off_and_its_subject_starts_after_a_comma() -> None:
    from timeline.extract.clauses import relative_clause
    text = "Four cousins of the mayor of Lusk, Colonel Arno Velkov, who joined the rebels in April 2015, were arrested."
    at = text.index("April")
    found = relative_clause(text, at, at + 10)
    assert found is not None and found.subject == "Colonel Arno Velkov"
    from timeline.extract.events import events_from_documents
    from timeline.read import Document
    run_on = ("When police said the suspect in an attack on the Lusk tram that killed 9 on April 3 was a local man, "
              "attention turned to the northern districts. The harvest was poor in the provinces, farmers said.")
    found_events = events_from_documents([Document(id="a", path="a.txt", text=run_on, published="2019-06-05",
                                                   published_basis="stated", published_note="test")])
    assert [e.title for e in found_events if e.date == "2019-04-03"] == ["Attention turned to the northern districts"]


def test_a_title_cut_for_length_does_not_end_on_an_auxiliary() -> None:
    from timeline.extract.titles import make_title
    text = ("The inquiry by the Geneva-based International Committee for Maritime Safety found that 31 crews had "
            "ignored the warnings of the port authority over the winter.")
    title = make_title(text, [])
    assert not title.split()[-1] in {"had", "has", "have", "was", "were"}, title
