"""Figure disputes: sources that disagree about one quantity (how many died, joined, returned...).
Texts are invented; each case is a class of news language, not a sentence of the example articles."""
from __future__ import annotations

from timeline.extract.events import events_from_documents
from timeline.extract.figures import claims_in
from timeline.read import Document
from timeline.schema import Event


def doc(id_: str, text: str, published: str = "2019-03-01") -> Document:
    return Document(id=id_, path=f"{id_}.txt", text=text, published=published, published_basis="stated", published_note="test")


def figure_disputes(*docs: Document) -> list[tuple[Event, list[str]]]:
    return [(e, [str(c.value) for c in d.claims]) for e in events_from_documents(docs) for d in e.disputes if d.about == "figure"]


WAR_A = doc("a", "The Ruritanian civil war ended in June 1997 with a peace deal. The war cost 100,000 lives, officials say.")
WAR_B = doc("b", "Rebels and the government signed the accord in June 1997. The conflict led to as many as 157,000 deaths.")


def test_two_sources_counting_the_deaths_of_one_war_differently_is_a_dispute_with_both_sides_cited() -> None:
    found = figure_disputes(WAR_A, WAR_B)
    assert len(found) == 1
    event, values = found[0]
    assert values == ["100,000", "157,000"]
    dispute = next(d for d in event.disputes if d.about == "figure")
    assert {c.source for claim in dispute.claims for c in claim.citations} == {"a", "b"}
    for claim in dispute.claims:  # each side quotes the sentence that states its figure, at its offset
        for c in claim.citations:
            text = WAR_A.text if c.source == "a" else WAR_B.text
            assert text[c.offset:c.offset + len(c.quote)] == c.quote and str(claim.value) in c.quote


def test_a_rounded_figure_or_a_lower_bound_agrees_with_the_exact_one() -> None:
    exact = doc("a", "In March 2018, officials said 1,094 Freedonian nationals had joined the militia.")
    rounded = doc("b", "About 1,100 Freedonians have joined the militia, the ministry said in March 2018.")
    assert figure_disputes(exact, rounded) == []
    ferry_a = doc("c", "On 25 February 2011 a ferry carrying 338 people fled the port, officials said.")
    ferry_b = doc("d", "More than 300 people fled the port on a ferry on 25 February 2011.")
    assert figure_disputes(ferry_a, ferry_b) == []


def test_different_groups_of_people_are_different_counts() -> None:
    region = doc("a", "In 2016 experts estimated up to 4,000 people from Grand Fenwick have gone to fight for the militia.")
    country = doc("b", "In 2016 some 1,000 Freedonians have gone to fight for the militia, the ministry said.")
    assert figure_disputes(region, country) == []


def test_one_document_giving_two_figures_is_its_own_account_not_a_dispute() -> None:
    text = doc("a", "In May 2015 the flood killed 40 people in the north. By June 2015 the flood had killed 95 people in all.")
    assert figure_disputes(text) == []


def test_figures_an_order_of_magnitude_apart_count_different_things() -> None:
    village = doc("a", "In 2015, 40 Freedonians from one village joined the militia.")
    nation = doc("b", "In 2015, 1,900 Freedonians joined the militia, officials said.")
    assert figure_disputes(village, nation) == []


def test_figures_dated_apart_are_a_running_count() -> None:
    early = doc("a", "On 15 February 2011, 84 people were killed in the Ruritanian protests, a rights group said.")
    late = doc("b", "On 2 March 2011, 233 people were killed in the Ruritanian protests, a rights group said.")
    assert figure_disputes(early, late) == []


def test_a_year_or_a_date_is_not_a_figure() -> None:
    text = "In 1999 Freedonians joined the militia; on 3 May 2001 200 Freedonians joined it."
    d = doc("a", text)
    day = text.index("3 May 2001")
    claims = claims_in("a", text, 0, len(text), [(3, 7, "1999"), (day, day + len("3 May 2001"), "2001-05-03")])
    assert [c.value for c in claims] == ["200"]
    assert claims[0].kinds == frozenset({"join"}) and claims[0].counted == "freedonian"
    assert d.text == text


def test_what_happened_to_those_counted_is_the_happening_nearest_the_figure() -> None:
    text = "Officials said 84 people were killed in the demonstrations."
    (claim,) = claims_in("a", text, 0, len(text))
    assert claim.kinds == frozenset({"death"})
    displaced = "The war led to 157,000 deaths and 1.5m people being displaced."
    assert [(c.value, sorted(c.kinds)) for c in claims_in("a", displaced, 0, len(displaced))] == [("157,000", ["death"])]
