"""The non-English date path (timeline/extract/timex/foreign.py): language detection, and the reader of dates
users type (timeline/extract/timex/typed.py). Its held-out gold (tests/gold/foreign-dates.yaml) is scored with the
other gold batches in test_timex_other_languages.py."""
from __future__ import annotations

import pytest

from timeline.extract.timex.foreign import language_supported, tag_foreign
from timeline.extract.timex.languages import detect_language


@pytest.mark.parametrize(("text", "lang"), [
    ("Der Vertrag wurde am Montag in der Hauptstadt unterzeichnet und ist seit dem Jahr gültig.", "de"),
    ("Le gouvernement a présenté son budget pour la nouvelle année dans une conférence de presse.", "fr"),
    ("Правительство представило проект бюджета на следующий год на заседании в среду.", "ru"),
    ("The government presented its budget for the new year at a press conference.", "en"),
    ("政府在新闻发布会上公布了新一年的预算。", None),
])
def test_language_is_detected(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_an_unsupported_language_is_said_so() -> None:
    assert not language_supported(None)
    assert not language_supported("xx-not-a-language")
    assert language_supported("ru")


def test_no_invented_day() -> None:
    found = tag_foreign("Его задержали в мае 2015 года.", "ru", anchor="2019-03-14")
    assert [(t.text, t.value) for t in found] == [("мае 2015 года", "2015-05")]  # the year word is part of the expression


@pytest.mark.parametrize(("typed", "edtf"), [
    ("June 5, 2015", "2015-06-05"), ("5 juin 2015", "2015-06-05"), ("June 2015", "2015-06"), ("2015", "2015"),
    ("2015-06", "2015-06"), ("мая 2015", "2015-05"), ("12. März 2018", "2018-03-12"), ("not a date", None),
])
def test_a_typed_date_is_read_at_its_precision(typed: str, edtf: str | None) -> None:
    from timeline.extract.timex.typed import read_date

    assert read_date(typed) == edtf


def test_a_typed_numeric_date_follows_the_order() -> None:
    from timeline.extract.timex.typed import read_date

    assert read_date("05/06/2015", date_order="DMY") == "2015-06-05"
    assert read_date("05/06/2015", date_order="MDY") == "2015-05-06"


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Заседание состоится 20 января.", "ru", "2021-01-20"),
    ("Заседание было 20 января.", "ru", "2020-01-20"),
    ("Le sommet aura lieu le 20 janvier.", "fr", "2021-01-20"),
    ("Le sommet avait eu lieu le 20 janvier.", "fr", "2020-01-20"),
    ("Die Sitzung wird am 20. Januar stattfinden.", "de", "2021-01-20"),
    ("Die Sitzung war am 20. Januar.", "de", "2020-01-20"),
])
def test_foreign_tense_reads_a_yearless_day_forward_or_back(text: str, lang: str, value: str) -> None:
    assert [t.value for t in tag_foreign(text, lang, anchor="2020-07-01")] == [value]


@pytest.mark.parametrize(("text", "lang"), [
    ("Ему 45 лет, штраф составил 2000 рублей.", "ru"),
    ("Il a payé 2 000 euros, soit 15 % de plus.", "fr"),
    ("Die Firma zahlte 3 Millionen Euro an 1500 Mitarbeiter.", "de"),
])
def test_foreign_numbers_are_not_dates(text: str, lang: str) -> None:
    assert tag_foreign(text, lang, anchor="2020-07-01") == []
