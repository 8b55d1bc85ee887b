"""Property tests (hypothesis) on random input: the EDTF parser, the date engine, the YAML loader and
the event extractor never crash, and what they return is consistent.

Example counts are modest so the file runs in well under a minute; raise them locally with
HYPOTHESIS_PROFILE=thorough (10x the examples).
"""
from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import dates
from timeline.display import display
from timeline.read import Document
from timeline.errors import StoreError
from timeline.extract.events import events_from_documents
from timeline.extract.timex import tag
from timeline.store import load_store, read_yaml

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
settings.register_profile("thorough", max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# ------------------------------------------------------------------ EDTF

EDTF_ALPHABET = "0123456789X-/.~?%uU T:Z+ "
edtf_like = st.text(alphabet=EDTF_ALPHABET, max_size=24)


def year() -> st.SearchStrategy[str]:
    return st.integers(1, 2999).map(lambda y: f"{y:04d}")


@st.composite
def valid_edtf(draw: st.DrawFn) -> str:
    """Level 0/1 values and the sub-year groupings the date engine writes (seasons, quarters, halves)."""
    y = draw(year())
    kind = draw(st.sampled_from(["year", "month", "day", "group", "decade", "interval", "open"]))
    if kind == "year":
        value = y
    elif kind == "month":
        value = f"{y}-{draw(st.integers(1, 12)):02d}"
    elif kind == "day":
        d = draw(st.dates(min_value=date(1, 1, 1), max_value=date(2999, 12, 31)))
        value = d.isoformat()
    elif kind == "group":
        value = f"{y}-{draw(st.sampled_from([21, 22, 23, 24, 33, 34, 35, 36, 40, 41]))}"
    elif kind == "decade":
        value = y[:3] + "X"
    elif kind == "interval":
        a, b = sorted([draw(st.integers(1, 2999)), draw(st.integers(1, 2999))])
        value = f"{a:04d}/{b:04d}"
    else:
        value = draw(st.sampled_from([f"{y}/..", f"../{y}"]))
    qualifier = draw(st.sampled_from(["", "~", "?", "%"])) if kind in ("year", "month", "day") else ""
    return value + qualifier


def check_accepted(value: dates.Edtf) -> None:
    if value.lower and value.upper:
        assert value.lower <= value.upper, value
    assert dates.parse(value.text) == value, "parse does not round-trip"
    assert dates.is_valid(value.text)
    shown = display(value.text)
    assert isinstance(shown, str) and shown.strip()


@given(st.one_of(st.text(max_size=40), edtf_like))
def test_edtf_parse_raises_only_edtf_error(text: str) -> None:
    try:
        value = dates.parse(text)
    except dates.EdtfError:
        assert not dates.is_valid(text)
        return
    check_accepted(value)


@given(valid_edtf())
def test_valid_edtf_is_accepted_with_ordered_bounds(text: str) -> None:
    value = dates.parse(text)
    check_accepted(value)
    if "/" not in text and "X" not in text:
        assert value.lower and value.upper


# ------------------------------------------------------------------ the date engine

WORDS = [
    "May", "may", "June", "Dec.", "9", "27", "1997", "2015", "15", "the", "in", "on", "of", "last", "next", "this", "year",
    "month", "week", "ago", "two", "three", "years", "days", "spring", "autumn", "winter", "1990s", "1992-97", "Sunday",
    "We", "earlier", "later", "since", "until", "between", "and", "to", "quarter", "third", "first", "half", "early",
    "mid-", "late", "$15", "15%", "aged", "at", "10:30", "a.m.", "for", "nine", "months", ",", ".", "-", "/", "'97",
    "yesterday", "today", "Tuesday", "2015-05-09", "5/9/2015", "century", "20th", "around", "about", "circa", "c.",
    "٢٠١٥", "２０１５", "²", "9th", "31", "32", "00", "0000", "9999", "May-", "2015/16", "Q3", "H1", "FY2015", "'", "’", "\u2028",
    "\u200b", "\u202e", "Mayo", "MAY", "mAy", "1e3", "1,997", "-2015", "+2015", "2015s", "the 90s", "Feb. 29", "Feb 30",
]
prose = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
anchors = st.sampled_from([None, "2015-06-05", "2015", "2015-06", "1997-06-27"])
DAY_WORDS = re.compile(  # what can state a day: a number (in digits or words), a weekday, a day word
    r"(?i)\d|yesterday|today|tomorrow|tonight|night|morning|evening|afternoon|noon|eve\b|sunday|monday|tuesday|wednesday|thursday|friday|saturday|week|day"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|first|second|third|fifth|eighth|twelfth|[a-z]+th\b")
HAS_DAY = re.compile(r"^[~?%]?[0-9X]{4}-\d\d-\d\d")


def check_timexes(text: str, anchor: str | None) -> None:
    found = tag(text, anchor)
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text, (t, text[t.start:t.end])
        assert dates.is_valid(t.value), (t.text, t.value)
        if not DAY_WORDS.search(t.text):
            assert not any(HAS_DAY.match(part) for part in t.value.split("/")), f"{t.text!r} read as a day: {t.value}"
    assert [t.start for t in found] == sorted(t.start for t in found)


@given(prose, anchors)
def test_date_engine_on_date_like_prose(text: str, anchor: str | None) -> None:
    check_timexes(text, anchor)


@given(st.text(max_size=200), anchors)
def test_date_engine_on_arbitrary_text(text: str, anchor: str | None) -> None:
    check_timexes(text, anchor)


# ------------------------------------------------------------------ the YAML loader

YAML_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 \n\t-:?[]{},&*!|>'\"%@`#~.\\"
yaml_like = st.text(alphabet=YAML_ALPHABET, max_size=200)
store_words = st.sampled_from(["title: ", "events:\n", "  - id: a\n", "    date: ", "2015", "    citations:\n", "      - source: s\n",
                               "sources:\n", "  - ", "file: x.txt\n", "quote: q\n", "offset: 0\n", "[", "]", "{", "}", "&a ", "*a", "<<: ",
                               "!!python/object:os.system ", "\t", "\n", "---\n", "yes", "~", "? ", ": ", "'", "\""])
store_like = st.lists(store_words, max_size=40).map("".join)


def load_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_bytes(data)
        for load in (read_yaml, load_store):
            try:
                load(path)
            except StoreError as exc:
                assert exc.problems and all(p.file == str(path) for p in exc.problems)
                assert all(p.line is None or p.line >= 1 for p in exc.problems)


@given(st.binary(max_size=300))
def test_yaml_loader_on_random_bytes(data: bytes) -> None:
    load_bytes(data)


@given(st.one_of(yaml_like, store_like, st.text(max_size=200)))
def test_yaml_loader_on_random_text(text: str) -> None:
    load_bytes(text.encode("utf-8", "surrogatepass"))


# ------------------------------------------------------------------ the event extractor

SENTENCE_WORDS = WORDS + ["Tajikistan", "offered", "an", "amnesty", "officials", "said", "the", "army", "attacked", "Dushanbe",
                          "signed", "accord", "Moscow", "\n", "\n\n", "«", "»", "“", "”", "(", ")", ";", "!", "?", "1,100"]
article = st.lists(st.sampled_from(SENTENCE_WORDS), max_size=80).map(" ".join)


@given(st.one_of(article, st.text(max_size=300)), anchors)
@settings(max_examples=80)
def test_extractor_on_random_text(text: str, anchor: str | None) -> None:
    doc = Document("fuzz", "fuzz.txt", text, published=anchor, published_basis="stated" if anchor else None)
    events = events_from_documents([doc])
    for event in events:
        assert dates.is_valid(event.date) and event.title.strip()
        for citation in event.citations:
            assert text[citation.offset:citation.offset + len(citation.quote)] == citation.quote


# ------------------------------------------------------------------ no data lost: the loader reads what safe_load reads

plain_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
scalars = st.one_of(plain_text, st.integers(-10**20, 10**20), st.booleans(), st.none())
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(plain_text, inner, max_size=5)),
                         max_leaves=30)


@given(st.dictionaries(plain_text, documents, max_size=6))
def test_yaml_loader_reads_back_what_yaml_writes(data: dict[str, object]) -> None:
    import yaml

    for dumped in (yaml.safe_dump(data, allow_unicode=True), yaml.safe_dump(data, allow_unicode=False, default_flow_style=True)):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "events.yaml"
            path.write_text(dumped, encoding="utf-8")
            # as PyYAML's safe_load reads it (its dumper folds NEL/U+2028 written raw, so the original is not the reference)
            assert read_yaml(path).data == yaml.safe_load(dumped), dumped
