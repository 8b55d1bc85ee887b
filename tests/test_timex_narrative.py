"""The date engine on narratives and on the forms of issue 12: the reference time a narrative has reached,
the choice of mode, tense in news, BCE/AD, circa, numeric date order, paths, unresolved relatives.
Every case is invented for the class of language it stands for."""
from __future__ import annotations

import pytest

from timeline.extract.timex import tag
from timeline.extract.timex.narrative import choose_mode

HISTORY = ("The siege began on 12 March 1702. In June the garrison ran out of bread, and on the 20th it "
           "surrendered. That same day the duke left the city. Four months later he was in Vienna. "
           "The following spring he marched north, and two years earlier he had crossed the Alps.")


def values(text: str, anchor: str | None = None, **kw: object) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, anchor, **kw)]  # type: ignore[arg-type]


def test_a_narrative_resolves_against_the_date_it_has_reached() -> None:
    assert values(HISTORY, mode="narrative") == [
        ("12 March 1702", "1702-03-12"), ("June", "1702-06"), ("the 20th", "1702-06-20"),
        ("That same day", "1702-06-20"), ("Four months later", "1702-10"), ("The following spring", "1703-21"),
        ("two years earlier", "1701")]


def test_news_mode_reads_the_same_text_against_the_document_date() -> None:
    found = dict(values("In June the garrison ran out of bread.", "2019-09-01", mode="news"))
    assert found["June"] == "2019-06"


def test_a_date_looked_ahead_to_does_not_move_the_narrative() -> None:
    text = ("On 4 May 1810 the army reached the river; the campaign lasted until the fall of the capital in "
            "March 1812. In August the bridges were rebuilt.")
    assert dict(values(text, mode="narrative"))["August"] == "1810-08"


def test_coordinated_months_and_days_share_the_stated_year() -> None:
    assert values("Fighting went on through August and September 1914.", mode="narrative") == [
        ("August", "1914-08"), ("September 1914", "1914-09")]
    assert values("Talks were held on 22 and 23 April 1951.", mode="narrative") == [
        ("22", "1951-04-22"), ("23 April 1951", "1951-04-23")]


@pytest.mark.parametrize(("text", "anchor", "mode"), [
    ("The mill opened in 1820, burnt down in 1851 and was rebuilt in 1860.", None, "narrative"),
    ("The mill opened in 1820, burnt down in 1851 and was rebuilt in 1860.", "2020-05-01", "news"),
    ("Yesterday the council met; last week it voted, and today it decided what 2019 and 2020 meant for 2021.",
     None, "news"),
    ("Nothing dated here.", None, "news"),
    ("On February 12 the widows returned. They had left in 2014, lived in Raqqa in 2016 and in Mosul in 2017.",
     None, "news"),  # an undated story opens on its news peg, a day without a year
    ("On Friday the court ruled. The case began in 2011 and was appealed in 2013 and again in 2016.", None, "news"),
])
def test_the_mode_is_chosen_from_the_text_and_its_stated_date(text: str, anchor: str | None, mode: str) -> None:
    assert choose_mode(text, anchor) == mode


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError):
        tag("In 1990.", None, mode="fiction")


@pytest.mark.parametrize(("text", "value"), [
    ("The trial will open on 3 October.", "2015-10-03"),
    ("The company expects to report in June.", "2015-06"),
    ("She hopes to be home by Christmas.", "2015-12-25"),
    ("The trial opened on 3 October.", "2014-10-03"),
    ("He was arrested in June.", "2014-06"),
])
def test_tense_decides_the_year_of_a_date_without_one(text: str, value: str) -> None:
    assert [v for _, v in values(text, "2015-03-10")] == [value]


def test_news_reads_a_past_month_day_in_the_year_the_paragraph_stated() -> None:
    text = "In 2015, the family moved to Ankara. On November 29 she flew to Istanbul."
    assert dict(values(text, "2018-03-01"))["November 29"] == "2015-11-29"
    later = "In 2015, the family moved to Ankara.\n\nOn November 29 she will fly to Istanbul."
    assert dict(values(later, "2018-03-01"))["November 29"] == "2018-11-29"
    story = ("In 2009, the brothers left for Moscow, where one drove a taxi.\n\nA cousin phoned them from Kazan, "
             "and on March 14 they boarded a train east.")
    assert dict(values(story, "2012-06-01"))["March 14"] == "2009-03-14"  # the frame's story goes on
    told = story.replace("\n\nA cousin", "\n\nThe ministry says little.\n\nA cousin")
    assert dict(values(told, "2012-06-01"))["March 14"] == "2012-03-14"  # two paragraphs on: the news again
    back = story.replace("A cousin phoned", "Last month the ministry said a cousin phoned")
    assert dict(values(back, "2012-06-01"))["March 14"] == "2012-03-14"  # the text came back to the present
    moved = story.replace("A cousin phoned", "In October last year the ministry said a cousin phoned")
    assert dict(values(moved, "2012-06-01"))["March 14"] == "2012-03-14"  # another time was told since
    same = "Bombs struck the station in March 2016, and an airport in June."
    assert dict(values(same, "2017-04-01"))["June"] == "2016-06"
    news = "The bridge was last renovated in 2004. In March, engineers found cracks."
    assert dict(values(news, "2019-09-12"))["March"] == "2019-03"  # a year inside a sentence frames only it


@pytest.mark.parametrize(("text", "found"), [
    ("Carthage fell in 146 BC.", [("146 BC", "-0145")]),  # EDTF years are astronomical: 1 BC is 0000
    ("The wall dates from the 3rd century BC.", [("the 3rd century BC", "-02XX")]),
    ("Rome was sacked in AD 410.", [("AD 410", "0410")]),
    ("The abbey burned in AD 793, a blow to the northern church.", [("AD 793", "0793")]),  # a comma after the year
    ("The charter was sealed c. 1215 near Windsor.", [("c. 1215", "1215")]),
    ("Music changed in the 60s.", [("the 60s", "196X")]),
    ("Read it at https://news.example.org/2019/03/05/story.html now", []),
    ("Saved under /archive/2019/03/05/ on the server.", []),
])
def test_forms(text: str, found: list[tuple[str, str]]) -> None:
    assert values(text, None, mode="news") == found


def test_circa_is_approximate_in_edtf_and_since_opens_an_interval() -> None:
    circa = tag("It was built c. 1215.", None)[0]
    assert circa.edtf == "1215~"
    since = tag("Prices have risen since March 2018.", "2020-01-01")[0]
    assert since.open_interval == "2018-03/.."


def test_numeric_dates_follow_the_document_or_the_given_order() -> None:
    assert values("Filed 14/04/2015, heard 05/06/2015.", None) == [
        ("14/04/2015", "2015-04-14"), ("05/06/2015", "2015-06-05")]
    assert values("Heard 05/06/2015.", None) == [("05/06/2015", "2015-05-06")]
    assert values("Heard 05/06/2015.", None, date_order="DMY") == [("05/06/2015", "2015-06-05")]
    assert values("Heard 14.04.2015.", None) == [("14.04.2015", "2015-04-14")]


def test_a_range_night_is_read() -> None:
    assert values("The ship sank on the night of 14 to 15 April 1912.", None) == [
        ("14 to 15 April 1912", "1912-04-14/1912-04-15")]
    assert values("The ship sank on the night of 14 to 15 April 1912.", None, ranges=False) == [
        ("14", "1912-04-14"), ("15 April 1912", "1912-04-15")]


def test_a_relative_date_without_a_reference_is_reported_not_dropped() -> None:
    found = tag("The day after, they met again. Two weeks later the treaty was signed.", None, mode="narrative")
    assert [(t.text, t.unresolved) for t in found] == [("The day after", True), ("Two weeks later", True)]
    assert all(set(t.value) <= set("X-") for t in found)


@pytest.mark.parametrize(("text", "value"), [
    # the month just stated with its year is still the month being told of
    ("Miners walked out in October 2012 over pay. The strike was broken, and in late October police detained its leaders.", "2012-10"),
    ("The dam burst in April 2009. Engineers were sent, and in April the valley was evacuated.", "2009-04"),
    # another month, another paragraph, or a day (a news peg) is read against the publication date
    ("The dam burst in April 2009. In June, engineers were sent.", "2016-06"),
    ("The dam burst in April 2009.\n\nIn April the valley was evacuated.", "2016-04"),
])
def test_a_past_bare_month_repeating_the_month_just_stated_keeps_its_year(text: str, value: str) -> None:
    last = values(text, "2016-09-20")[-1]
    assert last[1] == value, last


def test_a_day_without_a_year_after_a_stated_month_is_the_news_peg() -> None:
    text = "He accepted the treaty rejected after the August 1988 cease-fire. Iraq invaded on Aug. 2 as talks failed."
    assert dict(values(text, "1990-08-15"))["Aug. 2"] == "1990-08-02"


def test_a_holiday_without_a_year_is_read_as_a_month_and_day_would_be() -> None:
    story = "In 1415 the army crossed to France. On 25 October it won at Agincourt. The king was home on Christmas Day."
    assert dict(values(story, None, mode="narrative"))["Christmas Day"] == "1415-12-25"  # the year the story has reached
    news = "In 2015, the family moved to Ankara. On Christmas Day they flew on to Istanbul."
    assert dict(values(news, "2018-03-01"))["Christmas Day"] == "2015-12-25"  # the year the paragraph stated


@pytest.mark.parametrize(("text", "anchor", "value"), [
    ("Her deputy will serve until an election in the spring.", "2021-11-02", "2022-21"),  # the coming spring
    ("The plant will reopen in the spring.", "2021-04-10", "2021-21"),  # this spring, still under way
    ("The festival was held in the summer.", "2021-02-10", "2020-22"),  # the last summer
    ("Sales rose in the spring.", "2021-11-02", "2021-21"),
])
def test_a_season_without_a_year_is_read_with_the_tense(text: str, anchor: str, value: str) -> None:
    assert [v for _, v in values(text, anchor)] == [value]
