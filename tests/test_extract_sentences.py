"""Sentence and clause splitting: exact offsets, abbreviations, long sentences cut at clauses."""
from __future__ import annotations

import re

from timeline.extract.sentences import clause_around, sentence_bounds, split_sentences

TEXT = (
    "Headline Without A Full Stop\n\n"
    "Dr. Smith met Mr. J. Jones in the U.S. on May 9. He left on Friday! Did he return?\n"
    "\"We are pleased,\" the ministry said. Officials said 3.5 million people voted."
)


def test_every_sentence_is_exactly_at_its_offset() -> None:
    spans = split_sentences(TEXT)
    assert all(TEXT[s.start:s.end] == s.text for s in spans)
    assert [s.text for s in spans] == [
        "Headline Without A Full Stop",
        "Dr. Smith met Mr. J. Jones in the U.S. on May 9.",
        "He left on Friday!",
        "Did he return?",
        "\"We are pleased,\" the ministry said.",
        "Officials said 3.5 million people voted.",
    ]


def test_segment_bounds_are_respected() -> None:
    start = TEXT.index("He left")
    spans = split_sentences(TEXT, start, TEXT.index("Did"))
    assert [s.text for s in spans] == ["He left on Friday!"]


def test_hard_wrapped_lines_are_joined() -> None:
    text = "The minister announced\nthe amnesty on May 9.\nA second sentence follows here."
    assert [s.text for s in split_sentences(text)] == [
        "The minister announced\nthe amnesty on May 9.", "A second sentence follows here."]


def test_long_sentence_is_cut_to_the_clause_with_the_date() -> None:
    filler = ", and " + "the talks went on for many hours without any result" * 4
    text = "The government announced an amnesty on May 9, 2015" + filler + "; observers were not surprised" + filler + "."
    sentence = split_sentences(text)[0]
    start = text.index("May 9, 2015")
    clause = clause_around(sentence, start, start + len("May 9, 2015"), 400)
    assert len(clause.text) <= 400
    assert text[clause.start:clause.end] == clause.text
    assert clause.start <= start < clause.end


def test_short_sentence_is_kept_whole() -> None:
    sentence = split_sentences("He returned home on May 9, after a year in Syria.")[0]
    assert clause_around(sentence, 19, 25, 400) == sentence


def test_the_sentence_around_an_expression_follows_the_splitting_rule() -> None:
    from timeline.extract.sentences import crosses_sentence

    for span in split_sentences(TEXT):
        for word in re.finditer(r"\w+", span.text):
            at = span.start + word.start()
            lo, hi = sentence_bounds(TEXT, at, at + len(word.group()), reach=1000)
            assert TEXT[lo:hi].strip() == span.text, word.group()
    assert not crosses_sentence(TEXT, TEXT.index("Dr."), TEXT.index("May 9"))  # Dr. Mr. J. U.S. end nothing
    assert crosses_sentence(TEXT, TEXT.index("May 9"), TEXT.index("He left"))


def test_the_window_is_at_most_reach_characters_each_way() -> None:
    text = "word " * 200 + "on May 9 " + "word " * 200
    at = text.index("May")
    lo, hi = sentence_bounds(text, at, at + 5, reach=50)
    assert (lo, hi) == (at - 50, at + 55)


def test_chinese_and_japanese_sentences_end_without_a_space() -> None:
    text = "会议于3月5日开幕。代表们讨论了预算！大会是2019年7月に開かれた。"
    assert [s.text for s in split_sentences(text)] == ["会议于3月5日开幕。", "代表们讨论了预算！", "大会是2019年7月に開かれた。"]
