"""The story's time in a sentence with two dates, and 'last <month>' that the story shows was last year's
(timeline.extract.timex.storytime). Every case is invented for the class of language it stands for."""
from __future__ import annotations

import pytest

from timeline.extract.timex import tag


def values(text: str, anchor: str | None = None, **kw: object) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, anchor, **kw)}  # type: ignore[arg-type]


@pytest.mark.parametrize("text, anchor, expected", [
    # a date in a noun phrase or a relative clause does not move the story's time from the frame
    ("On Monday, the council approved a budget drafted in 2014 by the mayor. The next day, members walked out.",
     "2016-03-09", {"Monday": "2016-03-07", "2014": "2014", "The next day": "2016-03-08"}),
    ("In August, the mayor dismissed the chief, who had been appointed in 2017. Two weeks later he sued the city.",
     "2020-11-03", {"August": "2020-08", "2017": "2017"}),
    ("In 1921, the port was handed to a firm founded in 1899. Two years later the firm built a pier.",
     None, {"1921": "1921", "1899": "1899", "Two years later": "1923"}),
    # a second date that opens a clause of its own moves the story on
    ("In 1930, the firm went bankrupt, and in 1932 the city bought the port. Three years later it rebuilt the quay.",
     None, {"1930": "1930", "1932": "1932", "Three years later": "1935"}),
    # no frame: the last date told is the story's time, as before
    ("The firm founded in 1899 was sold in 1921. Two years later it closed.",
     None, {"1899": "1899", "1921": "1921", "Two years later": "1923"}),
])
def test_the_frame_date_stays_the_story_time(text: str, anchor: str | None, expected: dict[str, str]) -> None:
    found = values(text, anchor, mode="news" if anchor else "narrative")
    assert {k: found.get(k) for k in expected} == expected


WRITTEN_IN_OCTOBER = ("Last July, the nine organisers detained in March 2016 were given suspended sentences. "
                      "Five months later the last of them left the country.")


def test_last_month_is_last_years_when_a_later_past_month_would_follow_the_writing() -> None:
    found = values(WRITTEN_IN_OCTOBER, "2018-10-20")
    assert (found["Last July"], found["Five months later"]) == ("2017-07", "2017-12")


@pytest.mark.parametrize("text, anchor, expected", [
    # the later month is before the writing: this year's July
    (WRITTEN_IN_OCTOBER.replace("Five months later", "Two months later"), "2018-10-20",
     {"Last July": "2018-07", "Two months later": "2018-09"}),
    # the later month is to come (future tense): this year's July, and a plan
    ("Last July, the organisers were given suspended sentences. Five months later the court will review them.",
     "2018-10-20", {"Last July": "2018-07", "Five months later": "2018-12"}),
    # a date written out with its year is never moved
    ("In July 2018, the organisers were given suspended sentences. Five months later the last of them left.",
     "2018-10-20", {"July 2018": "2018-07"}),
])
def test_last_month_stays_this_years_otherwise(text: str, anchor: str, expected: dict[str, str]) -> None:
    found = values(text, anchor)
    assert {k: found.get(k) for k in expected} == expected


def test_an_inferred_anchor_moves_nothing() -> None:
    """An anchor inferred from the text is only the earliest it can have been written: nothing to contradict."""
    found = values(WRITTEN_IN_OCTOBER, "2018-10-20", written=False)
    assert found["Last July"] == "2018-07"
