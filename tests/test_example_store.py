"""The shipped example, events.yaml: valid, fully cited, complete where the issue requires, honest about sources."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline import dates
from timeline.check import check_store
from timeline.schema import Event, Store
from timeline.read.safe import read_source_file
from timeline.sources import SourceText
from timeline.store import citations_of

REPO = Path(__file__).resolve().parents[1]
STORE = REPO / "events.yaml"
ARCHIVE = "sources/isis-tag-archive.txt"


@pytest.fixture(scope="module")
def checked() -> tuple[Store, dict[str, SourceText], list]:
    """check_store on the shipped file (raises on any problem)."""
    return check_store(STORE)


@pytest.fixture(scope="module")
def store(checked: tuple) -> Store:
    return checked[0]


def _text(event: Event) -> str:
    return " ".join([event.id, event.title, event.summary]).lower()


def _find(store: Store, date_prefix: str, *words: str) -> list[Event]:
    return [e for e in store.events if e.date.startswith(date_prefix) and all(w in _text(e) for w in words)]


def test_check_passes_with_only_inferred_date_warnings(checked: tuple) -> None:
    _, texts, warnings = checked
    assert len(texts) == 10
    assert all("is inferred" in w.message for w in warnings), [w.message for w in warnings]


def test_first_line_points_editors_at_the_schema() -> None:
    assert STORE.read_text(encoding="utf-8").split("\n", 1)[0] == "# yaml-language-server: $schema=./events.schema.json"


def test_at_least_fifty_reviewed_and_cited_events(store: Store) -> None:
    assert len(store.events) >= 50
    for event in store.events:
        assert event.status == "reviewed", event.id
        assert event.citations, event.id
        assert event.title.strip() and event.summary.strip(), event.id
        assert event.lane in {lane.id for lane in store.lanes}, event.id
        assert 1 <= event.importance <= 5, event.id


def test_events_are_in_chronological_order(store: Store) -> None:
    keys = [dates.parse(e.date).sort_key for e in store.events]
    assert keys == sorted(keys)


def test_quotes_are_at_most_400_characters(store: Store) -> None:
    for i, event in enumerate(store.events):
        for _, citation in citations_of(event, ("events", i)):
            assert len(citation.quote) <= 400, (event.id, citation.quote[:60])


def test_many_events_are_corroborated_by_several_sources(store: Store) -> None:
    multi = [e for e in store.events if len({c.source for c in e.citations}) > 1]
    assert len(multi) >= 20


def test_required_events_exist(store: Store) -> None:
    accord = store.event("peace-accord-signed")
    assert accord and accord.date.startswith("1997") and accord.importance == 5
    ban = store.event("irpt-banned-by-supreme-court")
    assert ban and ban.date == "2015-09-29" and "supreme court" in _text(ban)
    amnesty = store.event("amnesty-offer-announced")
    assert amnesty and amnesty.date == "2015-05-09" and "amnesty" in _text(amnesty)
    trust = store.event("trust-line-opened")
    assert trust and trust.date == "2015-05-09" and "trust line" in _text(trust)
    assert _find(store, "2019", "repatriat") or _find(store, "2019", "bring home")
    assert store.event("repatriation-announced").date == "2019-02-12"  # type: ignore[union-attr]


def test_precision_is_never_padded(store: Store) -> None:
    by_id = {e.id: e.date for e in store.events}
    assert by_id["peace-accord-signed"] == "1997-06"  # the texts give the month, not the day
    assert by_id["khalimov-defects-to-is"] == "2015-05"
    assert by_id["umarov-reports-1899-to-parliament"] == "2018-23"  # "last autumn"


def test_disputes_have_sides_with_citations(store: Store) -> None:
    disputes = [(e.id, d) for e in store.events for d in e.disputes]
    assert len(disputes) >= 2
    for event_id, dispute in disputes:
        assert len(dispute.claims) >= 2, event_id
        assert len({claim.value for claim in dispute.claims}) == len(dispute.claims), event_id
        assert all(claim.citations for claim in dispute.claims), event_id


def test_known_disagreements_are_recorded(store: Store) -> None:
    joined = store.event("tajiks-join-islamic-state")
    figures = {c.value for d in joined.disputes for c in d.claims}  # type: ignore[union-attr]
    assert {"1,094", "1,141", "about 1,100"} <= figures
    accord = store.event("peace-accord-signed")
    accord_dates = {c.value for d in accord.disputes if d.about == "date" for c in d.claims}  # type: ignore[union-attr]
    assert {"1997-06", "1996-12"} <= accord_dates
    khalimov = store.event("khalimov-defects-to-is")
    assert {"2015-04", "2015-05", "2015-07"} <= {c.value for d in khalimov.disputes for c in d.claims}  # type: ignore[union-attr]


def test_archive_is_six_segment_sources_as_the_text_says(store: Store) -> None:
    text = read_source_file(REPO / ARCHIVE)
    segments = sorted((s for s in store.sources if s.file == ARCHIVE), key=lambda s: s.segment or (0, 0))
    assert len(segments) == 6 and all(s.segment for s in segments)
    for before, after in zip(segments, segments[1:]):
        assert before.segment[1] <= after.segment[0]  # type: ignore[index]
    published = [s.published for s in segments]
    assert len(set(published)) == 6
    expected = [  # (heading label in the text, publisher, stated date line in the text or None)
        ("Iran News", "Iran News", None),
        (None, None, None),
        ("ODR:", "ODR", "28 September 2017"),
        ("Moderndiplomacy:", "Modern Diplomacy", None),
        ("RFERL:", "RFE/RL", "March 12, 2017"),
        ("AlJazeera:", "Al Jazeera", "10 Dec 2016"),
    ]
    for source, (label, publisher, date_line) in zip(segments, expected):
        body = text[source.segment[0]:source.segment[1]]  # type: ignore[index]
        assert source.publisher == publisher, source.id
        if label:
            assert label in body, source.id
        if date_line:
            assert source.published_basis == "stated" and body.rstrip().endswith(date_line), source.id
        else:
            assert source.published_basis == "inferred" and source.published_note, source.id


def test_stated_dates_match_the_texts(store: Store) -> None:
    stated = {s.id: s.published for s in store.sources if s.published_basis == "stated"}
    assert stated == {
        "odr-2017-embattled-islamists": "2017-09-28",
        "rferl-2017-deadly-export": "2017-03-12",
        "aljazeera-2016-success-story-failed": "2016-12-10",
        "vice-2015-amnesty-for-repentance": "2015-06-05",
    }


def test_no_url_that_the_texts_do_not_contain(store: Store) -> None:
    corpus = "".join(read_source_file(REPO / f) for f in {s.file for s in store.sources})
    for source in store.sources:
        assert source.url is None or source.url in corpus, source.id
    for url in re.findall(r"https?://[^\s'\"]+", STORE.read_text(encoding="utf-8")):
        assert url in corpus, url


def test_sources_are_the_shared_corpus_unchanged(shared_dir: Path, store: Store) -> None:
    corpus = shared_dir / "corpus" / "tajikistan"
    for file in {s.file for s in store.sources}:
        assert (REPO / file).read_bytes() == (corpus / Path(file).name).read_bytes(), file
