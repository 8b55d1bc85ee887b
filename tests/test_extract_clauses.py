"""Each date dates the clause it governs: a date in a relative clause dates that clause's happening,
titled from the noun it hangs on (invented sentences)."""
from __future__ import annotations

import pytest

from timeline.extract.clauses import relative_clause
from timeline.extract.events import events_from_documents
from timeline.read import Document


def titles_by_date(text: str, published: str = "2018-07-02") -> dict[str, str]:
    d = Document(id="a", path="a.txt", text=text, published=published, published_basis="stated", published_note="test")
    return {e.date: e.title for e in events_from_documents([d])}


def test_a_date_in_passing_dates_the_relative_clause_not_the_sentence() -> None:
    found = titles_by_date("In April 2018, prosecutors demanded long sentences for leaders of the Velkan Union, which was dissolved in March 2016.")
    assert found["2018-04"] == "Prosecutors demanded long sentences for leaders of the Velkan Union"
    assert found["2016-03"] == "The Velkan Union was dissolved"


def test_a_verdict_in_a_trial_that_opened_earlier_keeps_its_own_date_and_title() -> None:
    found = titles_by_date("The court in Marren delivered its verdict on Friday in a trial that opened in March.")
    assert found["2018-06-29"].startswith("The court in Marren delivered its verdict")
    assert found["2018-03"] == "A trial opened"


def test_complement_clauses_and_object_relatives_are_not_relative_clauses() -> None:
    text = "Officials said that the bridge opened in March and told reporters that she resigned on Monday."
    assert relative_clause(text, text.index("March"), text.index("March") + 5) is None
    text = "It was her cousin who she says left in 2014."
    assert relative_clause(text, text.index("2014"), text.index("2014") + 4) is None


def test_the_date_of_an_anniversary_is_not_a_happening() -> None:
    found = titles_by_date("This year marks the tenth anniversary of the Marren treaty, signed by both states in 2008.")
    assert set(found) == {"2008"}


def test_dates_joined_after_a_word_of_duration_date_one_happening_but_plural_happenings_stay_two() -> None:
    assert set(titles_by_date("Through 2015 and 2016 the police carried out several raids in the port city of Velma.")) == {"2015/2016"}  # one happening, from the first to the last
    assert set(titles_by_date("A rebel group that the army blamed for bombings in 2010 and 2011 was dissolved by decree.")) >= {"2010", "2011"}


def test_the_only_date_of_a_later_independent_clause_titles_that_clause() -> None:
    found = titles_by_date("Now the Velkan Union is outlawed, its founder Said Orlov signed a truce with the army in June 1999.")
    assert found["1999-06"].startswith("Its founder Said Orlov signed a truce with the army")
    found = titles_by_date("The Marren dam, built by the state, collapsed after heavy rain in June 1999.")
    assert found["1999-06"].startswith("The Marren dam")


def test_a_framing_year_in_the_clause_of_a_finer_date_says_the_same() -> None:
    assert set(titles_by_date("In 1415, the old king of Velma died in early March after a long illness.")) == {"1415-03"}
    both = titles_by_date("In 2015, the Velkan Union was banned by the court, and in May its leaders were arrested.")
    assert set(both) == {"2015", "2015-05"}  # another clause, another happening


def test_a_participle_set_off_by_commas_dates_its_own_happening() -> None:
    found = titles_by_date("The Orlen bridge, opened in March 1963, was closed to traffic on 4 May 2013 after an inspection.")
    assert found["1963-03"].startswith("The Orlen bridge opened")
    assert set(found) == {"1963-03", "2013-05-04"}
    # not set off on both sides: the participle phrase runs into the sentence, no clause of its own
    assert relative_clause("The mayor, elected in 2019 by a wide margin and popular ever since, resigned.", 18, 22) is None


@pytest.mark.parametrize(("text", "date", "subject"), [
    ("Der Staudamm bei Görlitz, der am 12. Juli 1994 eröffnet wurde, muss saniert werden.", "12. Juli 1994", "Der Staudamm bei Görlitz"),
    ("La huelga portuaria, que comenzó el 3 de marzo, terminó ayer.", "3 de marzo", "La huelga portuaria"),
    ("Le barrage, qui a été inauguré en 1994, sera rénové.", "1994", "Le barrage"),
    ("Il ponte sul Magra, inaugurato nel 1990, sarà demolito.", "1990", "Il ponte sul Magra"),
])
def test_relative_clauses_of_the_other_languages(text: str, date: str, subject: str) -> None:
    at = text.index(date)
    found = relative_clause(text, at, at + len(date))
    assert found is not None and found.subject == subject


def test_an_article_after_a_comma_is_no_relative_pronoun() -> None:
    text = "Der Minister sagte, die Regierung habe am 3. Mai 2019 entschieden."
    assert relative_clause(text, text.index("3. Mai"), text.index("3. Mai") + 11) is None
