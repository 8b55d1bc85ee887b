"""Dates in other languages and genres through the `timeline dates` path (reader, reference date, mode, tagger):
the held-out gold tests/gold/genres-dates*.yaml, and invented cases for each class of language it exposed
(counted shifts, future and past cues, prepositions before a month, seasons, ordinal days, short histories,
shared function words; English: centuries written as '1800s', a 'later' that restates the date before it)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from timeline.extract.dating import find_dates
from timeline.extract.timex import tag
from timeline.extract.timex.foreign import tag_foreign
from timeline.extract.timex.languages import detect_language
from timeline.extract.timex.narrative import choose_mode

GOLD = Path(__file__).resolve().parent / "gold"
# (file, expressions, right at least). Each batch was written before the tool ran on it; at first (through the
# extraction's path, ranges joined) the first gave 54 of 64, the second (written after the first batch's fixes)
# 32 of 42, the third (English genres) 29 of 33 (31 through this, the dates command's path, which keeps a range's
# ends apart as TimeML does). Each miss belonged to a class fixed with the invented cases below: 64/64, 41/42,
# 33/33 since (development figures now); a drop of one fails.
# Left: "la fin de l'année" (the end of the year), which no class here reads.
BATCHES = [("foreign-dates.yaml", 30, 30 - 1),  # ru/fr/de news, written in an earlier round (30 of 30 then)
           ("genres-dates.yaml", 64, 64 - 1), ("genres-dates-2.yaml", 42, 41 - 1), ("genres-dates-3.yaml", 33, 33 - 1),
           ("genres-dates-4.yaml", 23, 23 - 1),  # the fourth (WikiWars-like narratives): 22 of 23 at first
           ("genres-dates-5.yaml", 19, 19 - 1),  # the fifth (pl, uk, tr, zh, ar news): 0 of 19 at first (not told apart)
           # the sixth (English news as in TempEval-3): 31 of 38 at first. Left: 'in two weeks' (TimeML makes it a
           # duration, which the engine does not list) and 'peaked in January' read in December as the coming
           # January (a past month on the wrong side counts four times as far; any other weight lowered TBAQ)
           ("genres-dates-6.yaml", 38, 36 - 1),
           # the seventh (histories moved on by anaphora, a news report with weeks): 16 of 18 at first. Left: 'a week
           # earlier' after 'mid-April' has replaced the day in focus ('March 23') by a month
           ("genres-dates-7.yaml", 18, 17 - 1),
           ("genres-dates-8.yaml", 16, 16 - 1),  # the eighth (es/fr/de/it news with weeks): 9 of 16 at first
           ("genres-dates-9.yaml", 21, 21 - 1),  # the ninth (decades, centuries, numeric dates, day ranges): 10 of 21
           ("genres-dates-10.yaml", 18, 18 - 1),  # the tenth (histories moved on by anaphora in six languages): 7 of 18
           ("genres-dates-11.yaml", 20, 20 - 1),  # the eleventh (English spans and parts of periods): 20 of 20 at first
           ("genres-dates-12.yaml", 25, 25 - 1),  # the twelfth (six languages, after all the fixes): 24 of 25 at first
           # the thirteenth, measured last: 13 of 15, then 'este domingo' fixed (14). Open: a weekday in a present
           # tense that tells the future with no cue ('debattiert am Donnerstag') is read as the last one
           ("genres-dates-13.yaml", 15, 14 - 1),
           # the fourteenth (stories told in short paragraphs after a framing year): 27 of 30 at first; then frames
           # in other languages and 'By 2016' as a frame (30)
           ("genres-dates-14.yaml", 30, 30 - 1),
           # the fifteenth (anniversaries in five languages): 11 of 19 at first (no anniversary was read), 19 since
           ("genres-dates-15.yaml", 19, 19 - 1),
           # the sixteenth (weekends, halves of a year, ends of a month or year, seven languages): 13 of 27 at first;
           # then those classes, and a present that schedules ('They play again on Wednesday'). Left: 'A fortnight
           # ago' (no fortnight; the gold says the day, the engine reads weeks as weeks)
           ("genres-dates-16.yaml", 27, 26 - 1),
           # the seventeenth (the story's time after a frame date and a date in a noun phrase; 'last July' shown to
           # be last year's by a later past 'five months later'): 15 of 23 at first. Left: 'A week later' after 'In
           # August' (2020: a shift from a month is kept only at the year)
           ("genres-dates-17.yaml", 23, 22 - 1)]


def _tagged(docs: list[dict], tmp_path: Path) -> list[tuple[str, list]]:
    """(text as read, date expressions) of each gold document, read as a JSONL corpus with its metadata."""
    corpus = tmp_path / "gold.jsonl"
    rows = [{"id": f"d{n}", "text": d["text"], **({"published": d["published"]} if d["published"] else {})} for n, d in enumerate(docs)]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return [(doc.text, found) for doc, found in find_dates([str(corpus)], jobs=1, progress=False)]


@pytest.mark.parametrize(("name", "expressions", "at_least"), BATCHES)
def test_genres_gold_is_read_at_its_precision(tmp_path: Path, name: str, expressions: int, at_least: int) -> None:
    docs = yaml.safe_load((GOLD / name).read_text(encoding="utf-8"))["documents"]
    right, total, misses = 0, 0, []
    for doc, (text, found) in zip(docs, _tagged(docs, tmp_path)):
        for g in doc["dates"]:
            total += 1
            at = text.index(g["text"])
            hit = [t for t in found if t.start <= at < t.end]
            if hit and hit[0].value == g["value"]:
                right += 1
            else:
                misses.append(f"{doc['lang']} {doc.get('genre', 'news')} {g['text']!r} want {g['value']} got {[(t.text, t.value) for t in hit]}")
        for number in doc.get("none", []):
            at = text.index(number)
            assert not [t for t in found if t.start <= at < t.end], f"{number!r} read as a date ({doc['lang']})"
    print(f"{name}: {right}/{total}", *misses, sep="\n  ")
    assert total == expressions and right >= at_least, misses


@pytest.mark.parametrize(("text", "lang", "anchor", "mode", "want"), [
    ("Hace cuatro años cerró la fábrica.", "es", "2021-06-10", "news", [("Hace cuatro años", "2017")]),
    ("Vor zwei Monaten trat er zurück.", "de", "2020-03-15", "news", [("Vor zwei Monaten", "2020-01")]),
    ("Il ponte crollò sei giorni fa.", "it", "2018-08-20", "news", [("sei giorni fa", "2018-08-14")]),
    ("A loja fechou há três anos.", "pt", "2022-01-05", "news", [("há três anos", "2019")]),
    ("Het museum sloot vijf jaar geleden.", "nl", "2016-09-01", "news", [("vijf jaar geleden", "2011")]),
    ("Два месяца назад завод закрыли.", "ru", "2017-05-20", "news", [("Два месяца назад", "2017-03")]),
    ("Il arriva le 2 mars 1815 ; cinq jours plus tard, il était à Grenoble.", "fr", None, "narrative",
     [("2 mars 1815", "1815-03-02"), ("cinq jours plus tard", "1815-03-07")]),
    ("El 4 de julio de 1776 firmaron; tres años después estalló otra guerra.", "es", None, "narrative",
     [("4 de julio de 1776", "1776-07-04"), ("tres años después", "1779")]),
    ("Город взяли 3 мая 1945 года, а через два дня война кончилась.", "ru", None, "narrative",
     [("3 мая 1945 года", "1945-05-03"), ("через два дня", "1945-05-05")]),
    ("La sentenza arriverà tra tre giorni.", "it", "2021-02-08", "news", [("tra tre giorni", "2021-02-11")]),
    ("Le chantier reprendra dans deux mois.", "fr", "2021-02-08", "news", [("dans deux mois", "2021-04")]),
    ("De brug gaat over vier weken open.", "nl", "2021-02-08", "news", [("over vier weken", "2021-03-08/2021-03-14")]),
    ("In 1830 scheidde België zich af. Negen jaar later, op 19 april, werd het verdrag getekend.", "nl", None, "narrative",
     [("1830", "1830"), ("Negen jaar later", "1839"), ("19 april", "1839-04-19")]),  # the story reached 1839
])
def test_counted_shifts_are_read(text: str, lang: str, anchor: str | None, mode: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang, anchor=anchor, mode=mode)] == want


@pytest.mark.parametrize(("text", "lang", "anchor", "want"), [
    ("La cumbre se celebrará el 3 de febrero.", "es", "2021-11-10", "2022-02-03"),  # future tense: forward
    ("La cumbre se celebró el 3 de febrero.", "es", "2021-11-10", "2021-02-03"),
    ("A reunião será em janeiro.", "pt", "2020-10-01", "2021-01"),
    ("Il vertice si terrà a gennaio.", "it", "2019-09-12", "2020-01"),
    ("De zitting zal in maart plaatsvinden.", "nl", "2019-11-20", "2020-03"),
    ("Die Wahl findet im nächsten Februar statt.", "de", "2019-10-02", "2020-02"),
    ("La votación será el próximo viernes.", "es", "2023-05-18", "2023-05-19"),  # a Thursday: the coming Friday
    ("Ci vediamo il prossimo lunedì.", "it", "2022-09-27", "2022-10-03"),
])
def test_tense_cues_choose_the_year_and_the_weekday(text: str, lang: str, anchor: str, want: str) -> None:
    assert [t.value for t in tag_foreign(text, lang, anchor=anchor)] == [want]


def test_a_month_after_a_preposition_of_another_language_is_a_date() -> None:
    text = "Nel 1848 scoppiò la rivolta. Nel giugno dello stesso anno cadde il governo."
    assert [(t.text, t.value) for t in tag_foreign(text, "it", mode="narrative")] == [("1848", "1848"), ("giugno dello stesso anno", "1848-06")]
    assert [t.value for t in tag_foreign("Desde agosto trabaja aquí.", "es", anchor="2020-11-02")] == ["2020-08"]
    assert tag_foreign("Mayo Clinic abrió una sede.", "es", anchor="2020-11-02") == []  # a name, not a month


@pytest.mark.parametrize(("text", "lang", "anchor", "want"), [
    ("La ley entró en vigor el 1º de mayo.", "es", "2020-06-01", [("1º de mayo", "2020-05-01")]),
    ("Le décret est paru le 1er janvier 2019.", "fr", None, [("1er janvier 2019", "2019-01-01")]),
    ("Im Herbst 2016 trat er zurück.", "de", None, [("Herbst 2016", "2016-23")]),
    ("Les travaux commenceront à l'automne.", "fr", "2019-05-02", [("automne", "2019-23")]),
    ("Il a été arrêté en mai.", "fr", "2019-06-02", [("mai", "2019-05")]),  # 'été' here is 'been', not summer
    ("Летом 2014 года начались протесты.", "ru", None, [("Летом 2014 года", "2014-22")]),
    ("Nell'estate del 1943 cadde il regime.", "it", None, [("estate del 1943", "1943-22")]),
])
def test_ordinal_days_and_seasons(text: str, lang: str, anchor: str | None, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang, anchor=anchor)] == want


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("En 1810 estalló la revuelta; en mayo del año siguiente cayó la ciudad.", "es", "1811-05"),
    ("Im Jahr 1866 begann der Krieg, im Juni desselben Jahres fiel die Entscheidung.", "de", "1866-06"),
    ("En 1914 la guerre éclata ; en avril de l'année précédente, le traité avait été signé.", "fr", "1913-04"),
])
def test_words_after_a_month_place_it_in_a_year(text: str, lang: str, want: str) -> None:
    assert [t.value for t in tag_foreign(text, lang, mode="narrative")][-1] == want


def test_weekday_and_its_date_are_one_expression() -> None:
    found = tag_foreign("Il voto si è tenuto domenica 4 marzo 2018.", "it", anchor="2018-03-06")
    assert [(t.text, t.value) for t in found] == [("domenica 4 marzo 2018", "2018-03-04")]


def test_dutch_is_told_from_english_by_its_own_function_words() -> None:
    assert detect_language("De minister sprak in Den Haag in het parlement over de begroting voor volgend jaar.") == "nl"
    assert detect_language("The minister spoke in The Hague in parliament about the budget for next year.") == "en"


def test_a_short_history_is_a_narrative_and_a_short_undated_report_is_not() -> None:
    history = "Im Jahr 1917 brach die Revolution aus. Im Oktober stürzten die Bolschewiki die Regierung; 1922 entstand die Sowjetunion."
    assert choose_mode(history, None) == "narrative"
    assert [t.value for t in tag(history, mode="narrative") if "Oktober" in t.text] == ["1917-10"]
    report = "En 2019 el tribunal abrió el caso. Ayer el fiscal pidió 2021 como fecha del juicio."
    assert choose_mode(report, None) == "news"  # it speaks from its own day ('ayer')
    # 'the next year' tells the story's next year, not the writer's
    siege = "The siege began on 3 May 1602. On 20 June the walls fell. The next year the town was rebuilt. A treaty followed in 1609."
    assert choose_mode(siege, None) == "narrative"
    assert choose_mode("The council met on 3 May 2019 and will vote again next year, after the 2020 census.", None) == "news"


@pytest.mark.parametrize(("text", "want"), [
    ("Weaving flourished in the 1800s.", [("the 1800s", "18XX")]),  # a century, as TIMEX2 reads it
    ("Prices rose through the 2000s.", [("the 2000s", "200X")]),  # a decade
    ("The canal opened in 1869. The dam followed in 1902, some 33 years later.", [("1869", "1869"), ("1902", "1902"),
                                                                                   ("some 33 years later", "1902")]),
    ("The war began in 1939. About six years later it ended.", [("1939", "1939"), ("About six years later", "1945")]),
])
def test_english_centuries_and_restated_shifts(text: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag(text, mode="narrative", ranges=False)] == want


@pytest.mark.parametrize(("text", "lang", "anchor", "want"), [
    ("La reunión será el próximo jueves.", "es", "2021-03-02", [("próximo jueves", "2021-03-04")]),  # a Tuesday
    ("Les grèves de mars dernier ont coûté cher.", "fr", "2020-02-10", [("mars dernier", "2019-03")]),
    ("Il ministro ha parlato ieri sera.", "it", "2019-05-08", [("ieri sera", "2019-05-07")]),
    ("Der Minister trat am Sonntagabend zurück, am Montag ging er.", "de", "2018-01-10", [("Montag", "2018-01-08")]),
    ("Вчера вечером прошёл митинг.", "ru", "2012-05-07", [("Вчера вечером", "2012-05-06")]),
])
def test_next_last_and_parts_of_the_day_belong_to_the_expression(text: str, lang: str, anchor: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang, anchor=anchor)] == want


def test_that_month_or_season_is_of_the_year_the_text_is_at() -> None:
    text = "The strike began in 1926. That May the miners walked out, and that winter they went back. That may change."
    assert [(t.text, t.value) for t in tag(text, anchor="2001-06-01", ranges=False)] == [
        ("1926", "1926"), ("That May", "1926-05"), ("that winter", "1926-24")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Уряд ухвалив бюджет на наступний рік, і парламент його підтримав у четвер.", "uk"),
    ("Правительство приняло бюджет на следующий год, и парламент поддержал его в четверг.", "ru"),
    ("أعلنت الحكومة الميزانية الجديدة للعام المقبل في مؤتمر صحفي يوم الخميس.", "ar"),
    ("政府在周四的新闻发布会上公布了明年的新预算，议会表示支持。", "zh"),
    ("政府は木曜日の記者会見で来年度の新しい予算を発表し、議会はそれを支持した。", "ja"),
    ("Rząd przyjął budżet na przyszły rok, a parlament poparł go w czwartek.", "pl"),
    ("Hükümet gelecek yılın bütçesini açıkladı ve meclis bunu perşembe günü destekledi.", "tr"),
])
def test_scripts_and_more_languages_are_told_apart(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(("text", "lang", "anchor", "want"), [
    ("地震发生于2008年5月12日。次年3月，重建开始。", "zh", "2009-06-01", [("2008年5月12日", "2008-05-12"), ("3月", "2009-03")]),
    ("会议将于10月20日举行。", "zh", "2022-09-01", [("10月20日", "2022-10-20")]),
    ("昨天，市长辞职了。", "zh", "2022-09-01", [("昨天", "2022-08-31")]),
    ("大会は2019年7月に開かれた。", "ja", "2020-01-10", [("2019年7月", "2019-07")]),
    ("Umowę podpisano 3 marca 2011 roku, a w kwietniu weszła w życie.", "pl", "2011-06-01",
     [("3 marca 2011 roku", "2011-03-03"), ("kwietniu", "2011-04")]),
    ("Закон набув чинності 1 січня 2020 року.", "uk", None, [("1 січня 2020 року", "2020-01-01")]),
    ("Anlaşma 15 Mart 2017'de imzalandı.", "tr", None, [("15 Mart 2017", "2017-03-15")]),
    ("وقعت الاتفاقية في 5 يونيو 2016.", "ar", None, [("5 يونيو 2016", "2016-06-05")]),
])
def test_dates_in_more_languages(text: str, lang: str, anchor: str | None, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang, anchor=anchor)] == want


@pytest.mark.parametrize(("text", "anchor", "want"), [
    ("Shoppers spent more on Black Friday than ever.", "2019-12-02", [("Black Friday", "2019-11-29")]),
    ("Black Friday sales are expected to rise.", "2021-11-10", [("Black Friday", "2021-11-26")]),
    ("Churches were full on Good Friday.", "2018-04-10", [("Good Friday", "2018-03-30")]),
    ("Voters go to the polls on Super Tuesday.", "2020-02-20", [("Super Tuesday", "2020-03-03")]),
    ("Last year, profits peaked in mid-December.", "2019-11-27", [("Last year", "2018"), ("mid-December", "2018-12")]),
    ("The final vote is on Nov. 5.", "2024-03-05", [("Nov. 5", "2024-11-05")]),  # a scheduled day: ahead
    ("The bridge opened on the 1st of June 1931.", None, [("the 1st of June 1931", "1931-06-01")]),
    ("The plant shut on May 12. Its owner had warned a week earlier.", "2021-06-01",
     [("May 12", "2021-05-12"), ("a week earlier", "2021-05-03/2021-05-09")]),  # than the day just told, not today
    ("The treaty was signed in June 1815; the following March it was broken.", "2001-01-01",
     [("June 1815", "1815-06"), ("the following March", "1816-03")]),  # after the month told
])
def test_english_holidays_frames_schedules_ordinal_days_and_anaphora(text: str, anchor: str | None, want: list) -> None:
    assert [(t.text, t.value) for t in tag(text, anchor=anchor, ranges=False)] == want


@pytest.mark.parametrize(("text", "lang", "anchor", "want"), [
    ("La reunión fue la semana pasada.", "es", "2020-06-10", [("la semana pasada", "2020-06-01/2020-06-07")]),
    ("Nous voterons la semaine prochaine.", "fr", "2020-06-10", [("la semaine prochaine", "2020-06-15/2020-06-21")]),
    ("Der Vertrag läuft diesen Monat aus.", "de", "2020-06-10", [("diesen Monat", "2020-06")]),
    ("Il voto è previsto il mese prossimo.", "it", "2020-06-10", [("il mese prossimo", "2020-07")]),
    ("O acordo foi assinado no ano passado.", "pt", "2020-06-10", [("ano passado", "2019")]),
    ("De wet gaat volgende week in.", "nl", "2020-06-10", [("volgende week", "2020-06-15/2020-06-21")]),
])
def test_this_next_and_last_week_month_or_year(text: str, lang: str, anchor: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang, anchor=anchor)] == want


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("La moda cambió en los años 70.", "es", [("años 70", "197X")]),
    ("Die Musik der 1980er Jahre kehrt zurück.", "de", [("1980er Jahre", "198X")]),
    ("В 1970-е годы завод работал.", "ru", [("1970-е годы", "197X")]),
    ("Le château date du XVIIe siècle.", "fr", [("XVIIe siècle", "16XX")]),
    ("La chiesa risale al secolo XIV.", "it", [("secolo XIV", "13XX")]),
    ("Im 18. Jahrhundert wuchs die Stadt.", "de", [("18. Jahrhundert", "17XX")]),
    ("Il contratto è stato firmato il 12/03/2014.", "it", [("12/03/2014", "2014-03-12")]),
    ("Die Tagung fand vom 7. bis 9. März 2012 statt.", "de", [("7", "2012-03-07"), ("9. März 2012", "2012-03-09")]),
    ("Le salon a lieu du 14 au 16 avril 2015.", "fr", [("14", "2015-04-14"), ("16 avril 2015", "2015-04-16")]),
])
def test_decades_centuries_numeric_dates_and_ranges_of_days(text: str, lang: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang)] == want


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("El 3 de mayo de 1808 hubo fusilamientos. La víspera, el pueblo se había levantado.", "es",
     [("3 de mayo de 1808", "1808-05-03"), ("La víspera", "1808-05-02")]),
    ("Le 14 juillet 1790, on fêta la Fédération. Le même jour, le roi prêta serment.", "fr",
     [("14 juillet 1790", "1790-07-14"), ("Le même jour", "1790-07-14")]),
    ("Im März 1848 begann die Revolution. Im folgenden Jahr wurde sie niedergeschlagen.", "de",
     [("März 1848", "1848-03"), ("Im folgenden Jahr", "1849")]),
    ("Nel 1861 nacque il Regno. L'anno successivo Garibaldi fu ferito.", "it", [("1861", "1861"), ("L'anno successivo", "1862")]),
    ("En 1990 cayó el muro. En marzo del año pasado se firmó el acuerdo.", "es",  # 'of last year': from today, not 1990
     [("1990", "1990"), ("marzo del año pasado", "2019-03")]),
])
def test_a_day_or_year_told_by_its_place_after_the_last_date(text: str, lang: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang, anchor="2020-06-01", mode="narrative")] == want


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("Los ciudadanos votan este domingo.", "es", [("este domingo", "2024-06-09")]),  # a Friday: the coming Sunday
    ("La reunión es esta semana.", "es", [("esta semana", "2024-06-03/2024-06-09")]),
    ("Il a parlé ce lundi.", "fr", [("ce lundi", "2024-06-03")]),  # a past tense: this week's Monday
])
def test_this_weekday_or_week(text: str, lang: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang, anchor="2024-06-07")] == want


@pytest.mark.parametrize(("text", "lang", "anchor", "want"), [
    # a year that opens its sentence frames a past story through the next paragraph
    ("En 2009, la mina cerró sus puertas.\n\nLos mineros protestaron, y el 4 de marzo ocuparon la plaza.", "es", "2013-05-20",
     [("2009", "2009"), ("4 de marzo", "2009-03-04")]),
    ("Im Jahr 2010 brannte die Fabrik ab.\n\nDie Arbeiter hatten am 2. Juni gestreikt.", "de", "2014-01-15",
     [("2010", "2010"), ("2. Juni", "2010-06-02")]),
    ("Nel 2012 il teatro chiuse.\n\nGli attori avevano recitato l'ultima volta il 9 aprile.", "it", "2015-03-01",
     [("2012", "2012"), ("9 aprile", "2012-04-09")]),
    # not a story in the past: the month lies ahead, or two paragraphs on the text is back in the present
    ("En 2009, la mina cerró sus puertas.\n\nLa nueva mina abrirá el 4 de marzo.", "es", "2013-05-20",
     [("2009", "2009"), ("4 de marzo", "2014-03-04")]),
    ("En 2009, la mina cerró sus puertas.\n\nHoy no queda nadie.\n\nLos mineros ocuparon la plaza el 4 de marzo.", "es", "2013-05-20",
     [("2009", "2009"), ("Hoy", "2013-05-20"), ("4 de marzo", "2013-03-04")]),
    # a year inside a sentence is no frame for the next one
    ("La mina cerró en 2009.\n\nLos mineros ocuparon la plaza el 4 de marzo.", "es", "2013-05-20",
     [("2009", "2009"), ("4 de marzo", "2013-03-04")]),
])
def test_a_framing_year_dates_the_story_that_follows_in_other_languages(text: str, lang: str, anchor: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang, anchor=anchor)] == want


def test_a_year_told_after_a_frame_moves_the_story() -> None:
    text = "In 2012, Chen joined the firm as an intern.\n\nBy 2016 she ran its Asian division. In September she was named chief."
    assert dict((t.text, t.value) for t in tag(text, "2021-02-10"))["September"] == "2016-09"


@pytest.mark.parametrize(("text", "anchor", "want"), [
    # a short preterite ('dieron', 'vieron') tells the past: 'este miércoles' written on a Wednesday is that day
    ("Los bomberos dieron por controlado el incendio este miércoles.", "2022-08-17", [("este miércoles", "2022-08-17")]),
    # 'later' with no date named before it counts from nothing: it is not read forward from the day of writing
    ("Un mes después del incendio, que se inició el 14 de agosto, los vecinos reclaman ayudas.", "2022-09-20",
     [("14 de agosto", "2022-08-14")]),
    ("El 3 de mayo llegó el ejército. Dos días después, cayó la ciudad.", "2022-09-20",
     [("3 de mayo", "2022-05-03"), ("Dos días después", "2022-05-05")]),
])
def test_spanish_past_cues_and_later_without_an_earlier_date(text: str, anchor: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, "es", anchor=anchor)] == want


@pytest.mark.parametrize(("text", "lang", "anchor", "want"), [
    # weekends: the one the text is on, else the last one; a 'next' word or a future sentence the coming one
    ("Durante el fin de semana se registraron 30 incendios.", "es", "2019-08-12", [("fin de semana", "2019-08-10/2019-08-11")]),
    ("Le week-end prochain, la mairie ouvrira ses jardins.", "fr", "2019-08-12", [("week-end prochain", "2019-08-17/2019-08-18")]),
    ("Am kommenden Wochenende wird gestreikt.", "de", "2019-08-12", [("kommenden Wochenende", "2019-08-17/2019-08-18")]),
    ("Lo scorso fine settimana la piena ha colpito Parma.", "it", "2019-08-12", [("scorso fine settimana", "2019-08-10/2019-08-11")]),
    ("Das Wochenende ist für viele Familien zu kurz.", "de", "2019-08-12", []),  # no word that makes it a time
    ("El fin de semana es corto para muchas familias.", "es", "2019-08-12", []),  # weekends, not one
    # halves of a year (EDTF 40, 41): of the year named, else of the reference year
    ("No primeiro semestre de 2017 as exportações caíram.", "pt", "2018-03-01", [("primeiro semestre de 2017", "2017-40")]),
    ("Le second semestre sera difficile, selon la banque.", "fr", "2018-03-01", [("second semestre", "2018-41")]),
    ("In der ersten Jahreshälfte stiegen die Preise.", "de", "2018-09-01", [("ersten Jahreshälfte", "2018-40")]),
    ("In de tweede helft van 2016 daalde de werkloosheid.", "nl", "2018-09-01", [("tweede helft van 2016", "2016-41")]),
    # the end of the year or month: this one, or the one a 'last'/'next' word names
    ("La ley entrará en vigor a finales de año.", "es", "2018-09-01", [("finales de año", "2018")]),
    ("À la fin du mois, l'usine fermera.", "fr", "2018-09-14", [("fin du mois", "2018-09")]),
    ("Ende vergangenen Jahres kündigte die Firma 200 Stellen.", "de", "2018-09-14", [("Ende vergangenen Jahres", "2017")]),
    ("Alla fine dell'anno scorso il debito era salito.", "it", "2018-09-14", [("fine dell'anno scorso", "2017")]),
])
def test_weekends_halves_and_ends_of_periods(text: str, lang: str, anchor: str, want: list) -> None:
    assert [(t.text, t.value) for t in tag_foreign(text, lang, anchor=anchor)] == want


def test_an_ordinal_weekend_of_a_month() -> None:
    found = tag("The fair will return on the first weekend of October; it closed on the last weekend in March 2019.",
                "2019-06-03")
    assert [(t.text, t.value) for t in found] == [("the first weekend of October", "2019-10-05/2019-10-06"),
                                                  ("the last weekend in March 2019", "2019-03-30/2019-03-31")]


@pytest.mark.parametrize(("text", "want"), [
    ("United lost on Saturday. They face Leeds on Wednesday.", "2024-02-28"),  # a present that schedules: the coming one
    ("The court hears the appeal on Thursday, lawyers said.", "2024-02-29"),  # 'said' is another clause's
    ("At the close of business Thursday, 300 shares had been sold.", "2024-02-22"),  # 'the close': a noun
    ("The minister resigned on Tuesday.", "2024-02-20"),
])
def test_a_present_that_schedules_reads_a_weekday_ahead(text: str, want: str) -> None:
    found = [t for t in tag(text, "2024-02-26") if "day" in t.text and t.text.strip()[0].isupper()]
    assert found[-1].value == want
