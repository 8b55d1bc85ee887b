"""News in other languages, read as an English one is (invented texts): datelines, days written as ordinals,
weekdays, 'de' between day, month and year, short sentences without English verbs, titles without the
word that led into the date."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extract.events import extract
from timeline.extract.sentences import split_sentences
from timeline.extract.timex import tag
from timeline.extract.timex.foreign import tag_foreign
from timeline.read.datelines import dateline_end, dateline_value


@pytest.mark.parametrize(("line", "value"), [
    ("Lyon, le 4 février 2022 — Le conseil municipal a voté le budget.", "2022-02-04"),
    ("Hamburg, 3. März 2021 – Der Senat hat den Hafenplan gebilligt.", "2021-03-03"),
    ("Sevilla, 9 de octubre de 2020 (EFE).- La Junta aprobó el plan de agua.", "2020-10-09"),
    ("Казань, 15 апреля 2019 — Городская дума приняла новый закон о транспорте.", "2019-04-15"),
    ("Lyon, la ville des lumières — un guide pour les visiteurs.", None),  # no date: no dateline
])
def test_a_dateline_in_another_language_states_the_publication_date(line: str, value: str | None) -> None:
    assert dateline_value(line) == value
    assert bool(dateline_end(line)) == (value is not None)


def test_a_day_written_as_an_ordinal_does_not_end_the_sentence() -> None:
    text = "Der Stadtrat hatte den Plan am 14. Oktober 2021 beschlossen. Danach begann der Bau der Brücke."
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == ["Der Stadtrat hatte den Plan am 14. Oktober 2021 beschlossen.", "Danach begann der Bau der Brücke."]


@pytest.mark.parametrize(("text", "lang", "anchor", "value"), [
    ("Le conseil a voté samedi le budget de la ville.", "fr", "2022-02-06", "2022-02-05"),  # a Sunday paper: yesterday
    ("Die Sitzung findet am Freitag im Rathaus statt.", "de", "2021-03-03", "2021-03-05"),  # future: the next Friday
    ("El alcalde dimitió el martes por la tarde.", "es", "2020-10-09", "2020-10-06"),
    ("Мэр подписал указ в пятницу вечером.", "ru", "2019-04-15", "2019-04-12"),
    ("La Junta aprobó el plan el 9 de octubre de 2020.", "es", None, "2020-10-09"),
    ("Le musée a rouvert l'année dernière après les travaux.", "fr", "2022-02-06", "2021"),
    ("Die Fähre fuhr letzten Monat zum ersten Mal.", "de", "2021-03-03", "2021-02"),
    ("El puerto cerrará el próximo mes por obras.", "es", "2020-12-09", "2021-01"),
    ("Мост открыли в прошлом году.", "ru", "2019-04-15", "2018"),
])
def test_weekdays_and_spanish_dates_are_read(text: str, lang: str, anchor: str | None, value: str) -> None:
    assert [t.value for t in tag_foreign(text, lang, anchor)] == [value]


def test_a_short_sentence_in_another_language_is_an_event_titled_without_its_date(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text("Hamburg, 3. März 2021 – Der Senat hat am Dienstag den Hafenplan gebilligt. "
                    "Die Bürgerschaft hatte den Entwurf am 12. Januar 2021 beraten.\n", encoding="utf-8")
    extraction = extract([path])
    assert extraction.documents[0].published == "2021-03-03" and extraction.documents[0].published_basis == "stated"
    found = {e.date: e.title for e in extraction.events}
    assert found == {"2021-03-02": "Der Senat hat den Hafenplan gebilligt", "2021-01-12": "Die Bürgerschaft hatte den Entwurf beraten"}


def test_a_history_in_another_language_dates_a_month_by_the_year_the_story_has_reached() -> None:
    text = ("Die Geschichte der Stadt Velden\n\nIm Jahr 1848 erreichte die Revolution auch Velden. Am 3. April besetzten "
            "Bürger das Rathaus. Im Juni löste der Fürst den Rat auf. Im Jahr 1850 kehrte die alte Ordnung zurück, und am "
            "9. Mai wurde der Bürgermeister verhaftet.")
    found = {t.text: t.value for t in tag(text, mode="narrative")}
    assert found["3. April"] == "1848-04-03" and found["Juni"] == "1848-06" and found["9. Mai"] == "1850-05-09"
