"""EDTF parsing keeps the precision the text has, computes honest bounds, and explains bad input."""
from __future__ import annotations

from datetime import date

import pytest

from timeline import dates
from timeline.display import display


@pytest.mark.parametrize(
    ("text", "lower", "upper", "precision"),
    [
        ("1997", date(1997, 1, 1), date(1997, 12, 31), "year"),
        ("1997-06", date(1997, 6, 1), date(1997, 6, 30), "month"),
        ("1997-06-27", date(1997, 6, 27), date(1997, 6, 27), "day"),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "month"),
        ("199X", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("19XX", date(1900, 1, 1), date(1999, 12, 31), "century"),
        ("2018-23", date(2018, 9, 1), date(2018, 11, 30), "season"),
        ("2018-24", date(2018, 12, 1), date(2019, 2, 28), "season"),
        ("1992/1997", date(1992, 1, 1), date(1997, 12, 31), "interval"),
        ("2019-01/..", date(2019, 1, 1), None, "interval"),
        ("../1997", None, date(1997, 12, 31), "interval"),
        ("XXXX-11-09", None, None, "unknown"),
    ],
)
def test_bounds_follow_precision(text: str, lower: date | None, upper: date | None, precision: str) -> None:
    value = dates.parse(text)
    assert (value.lower, value.upper, value.precision) == (lower, upper, precision)


def test_month_is_never_padded_to_a_day() -> None:
    may = dates.parse("2015-05")
    assert may.text == "2015-05" and not may.is_point
    assert may.upper == date(2015, 5, 31)


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain"),
    [("~1997", True, False), ("1997?", False, True), ("1997%", True, True), ("1997-06-27~", True, False)],
)
def test_qualifiers(text: str, approximate: bool, uncertain: bool) -> None:
    value = dates.parse(text)
    assert (value.approximate, value.uncertain) == (approximate, uncertain)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2015-05", "May 2015"),
        ("2015-05-09", "9 May 2015"),
        ("2018-23", "autumn 2018"),
        ("1992/1997", "1992–1997"),
        ("199X", "the 1990s"),
        ("~1997", "c. 1997"),
        ("1997?", "1997?"),
        ("2019-01/..", "since January 2019"),
        ("XXXX-11-09", "9 November, year unknown"),
    ],
)
def test_display_at_precision(text: str, shown: str) -> None:
    assert display(text) == shown


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("May 2015", "2015-05"),
        ("2015-13", "not a month"),
        ("2015-02-30", "day is out of range"),
        ("1997/1992", "ends before it starts"),
        ("../..", "open at both ends"),
        ("", "empty"),
    ],
)
def test_invalid_dates_say_what_to_write(text: str, hint: str) -> None:
    with pytest.raises(dates.EdtfError, match=hint):
        dates.parse(text)
    assert not dates.is_valid(text)


def test_sort_key_orders_by_start_then_end() -> None:
    values = ["1997-06-27", "1997", "1992/1997", "1997-06"]
    ordered = sorted(values, key=lambda v: dates.parse(v).sort_key)
    assert ordered == ["1992/1997", "1997", "1997-06", "1997-06-27"]


@pytest.mark.parametrize(
    ("text", "lower", "upper", "shown"),
    [
        ("1989-35", date(1989, 7, 1), date(1989, 9, 30), "Q3 1989"),
        ("1989-40", date(1989, 1, 1), date(1989, 6, 30), "H1 1989"),
        ("2018-31", date(2018, 3, 1), date(2018, 5, 31), "autumn (southern) 2018"),
    ],
)
def test_level2_sub_year_groupings(text: str, lower: date, upper: date, shown: str) -> None:
    """The date engine emits quarters and halves (EDTF 33-36, 40-41); they must not crash the store."""
    value = dates.parse(text)
    assert (value.lower, value.upper, display(text)) == (lower, upper, shown)


@pytest.mark.parametrize("text", ["1989-42", "2018-23-01", "0000-00-00", "9999-99", "1989-35/1989-34"])
def test_is_valid_never_raises(text: str) -> None:
    assert dates.is_valid(text) is False
