"""Dates as a reader writes them: one display for the page, the list, the exports and the terminal."""
from __future__ import annotations

import pytest

from timeline import dates
from timeline.display import display

EVERY_SHAPE = ["1997", "1997-06", "1997-06-27", "199X", "19XX", "20XX", "2018-23", "1992/1997", "2019-01/..",
               "../2019-01", "~1997", "1997?", "1997%", "2015-05-09~", "XXXX-11-09", "XXXX", "2021-21/~2023",
               "2014-35", "2013-40", "2015-25", "2015-31", "2015-37", "0001-01-01", "9999-12-31", "0999",
               "1985-XX-XX", "1985-04-XX", "XXXX-06", "00XX", "21XX", "2XXX"]


@pytest.mark.parametrize(("value", "shown"), [
    ("00XX", "the 1st century"), ("01XX", "the 2nd century"), ("02XX", "the 3rd century"), ("10XX", "the 11th century"),
    ("11XX", "the 12th century"), ("12XX", "the 13th century"), ("19XX", "the 20th century"),
    ("20XX", "the 21st century"), ("21XX", "the 22nd century"), ("22XX", "the 23rd century"),
])
def test_centuries_take_the_right_ordinal(value: str, shown: str) -> None:
    assert display(value) == shown


@pytest.mark.parametrize(("value", "locale", "shown"), [
    ("2018-23", "fr", "automne 2018"), ("1992/1997", "de", "1992–1997"), ("2019-01/..", "fr", "depuis janvier 2019"),
    ("2014-35", "fr", "3e trimestre 2014"), ("2013-40", "de", "1. Halbjahr 2013"), ("19XX", "fr", "le 20e siècle"),
    ("2015-05-01", "fr", "1er mai 2015"), ("2015-05-09", "de", "9. Mai 2015"),
])
def test_other_locales(value: str, locale: str, shown: str) -> None:
    assert display(value, locale) == shown


@pytest.mark.parametrize("locale", ["en", "fr", "de"])
def test_every_shape_the_parser_accepts_is_shown(locale: str) -> None:
    for text in EVERY_SHAPE:
        dates.parse(text)
        shown = display(text, locale)
        assert shown.strip() and "X" not in shown.replace("XXXX", ""), (text, shown)


def test_unknown_locale_is_named() -> None:
    with pytest.raises(ValueError, match="en, fr, de"):
        display("2015", "xx")


@pytest.mark.parametrize("value", ["1997-0X", "1997-1X", "1997-X1", "XXXX-13", "199X-X6-XX", "19XX-06-3X", "19X5",
                                   "1997-XX-12", "2015-21-03", "XXXX-02-30", "2015-42", "0000"])
def test_values_no_reader_can_place_are_refused_not_crashed(value: str) -> None:
    """Issue: these raised inside the EDTF library or crashed review list, export markdown and build."""
    with pytest.raises(dates.EdtfError):
        dates.parse(value)
    assert not dates.is_valid(value)
