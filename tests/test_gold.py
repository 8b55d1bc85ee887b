"""The hand-made gold of date expressions in the example articles (tests/gold/tajikistan-dates.yaml):
its integrity, its use by ../shared/eval/score_dates.py, and the date engine measured on it."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.dates import is_valid
from timeline.extract.timex import tag

from conftest import load_script

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold" / "tajikistan-dates.yaml"
SOURCES = REPO / "sources"
# Value accuracy of the date engine on the gold as reached (0.953 on 2026-12-02), minus 0.01: floors follow
# what is reached.
ENGINE_THRESHOLD = 0.953 - 0.01


def load_gold() -> list[dict[str, Any]]:
    """The gold's documents."""
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["documents"]


def read(name: str) -> str:
    """A source file as the gold's offsets index it."""
    return (SOURCES / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Span:
    """A stretch of a file with one reference date: a whole article, or one article of an archive page."""

    start: int
    end: int
    published: str


def spans(doc: dict[str, Any], text: str) -> list[Span]:
    """The document's articles; a timex's `segment` indexes this list (0 when there are no segments)."""
    if "segments" in doc:
        return [Span(s["start"], s["end"], str(s["published"])) for s in doc["segments"]]
    return [Span(0, len(text), str(doc["published"]))]


DOCS = load_gold()
ENTRIES = [(d["file"], t) for d in DOCS for t in d["timexes"]]


EXAMPLES = ["cabar-return-to-tajikistan.txt", "isis-tag-archive.txt", "rferl-islamic-state-widows.txt",
            "rferl-return-and-repent.txt", "vice-amnesty-for-repentance.txt"]


def test_gold_covers_the_five_articles() -> None:
    assert sorted(d["file"] for d in DOCS) == EXAMPLES
    assert len(spans(DOCS[1], read(EXAMPLES[1]))) == 6  # the archive page holds six articles
    assert len(ENTRIES) >= 150
    assert sum(t["event"] for _, t in ENTRIES) >= 100


@pytest.mark.parametrize("name,timex", ENTRIES, ids=[f"{f}@{t['start']}" for f, t in ENTRIES])
def test_gold_entry_is_exact_and_valid(name: str, timex: dict[str, Any]) -> None:
    text = read(name)
    start, expr = timex["start"], timex["text"]
    assert text[start:start + len(expr)] == expr
    assert is_valid(str(timex["value"])), timex["value"]
    assert all(is_valid(str(a)) for a in timex["accept"]), timex["accept"]
    assert str(timex["value"]) in [str(a) for a in timex["accept"]]
    assert isinstance(timex["event"], bool)


@pytest.mark.parametrize("doc", DOCS, ids=[d["file"] for d in DOCS])
def test_gold_documents_have_reference_dates_and_sorted_unique_spans(doc: dict[str, Any]) -> None:
    text = read(doc["file"])
    arts = spans(doc, text)
    assert arts[0].start == 0 and arts[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(arts, arts[1:]))
    assert all(is_valid(a.published) for a in arts)
    starts = [t["start"] for t in doc["timexes"]]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for t in doc["timexes"]:
        art = arts[t.get("segment", 0)]
        assert art.start <= t["start"] and t["start"] + len(t["text"]) <= art.end


def test_gold_offsets_hold_for_the_shared_copies(example_corpus: Path) -> None:
    for doc in DOCS:
        assert (example_corpus / doc["file"]).read_text(encoding="utf-8") == read(doc["file"]), doc["file"]


def test_score_dates_reads_the_gold_and_a_perfect_prediction_scores_one(shared_dir: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    scorer = load_script(shared_dir / "eval" / "score_dates.py", "score_dates")
    events = [{"id": f"e{i}", "date": t["value"], "title": t["text"], "importance": 1.0,
               "citations": [{"source": name, "quote": t["text"], "offset": t["start"]}]}
              for i, (name, t) in enumerate(ENTRIES) if t["event"]]
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps({"sources": [{"id": d["file"], "path": d["file"]} for d in DOCS], "events": events}))
    assert scorer.main(str(pred), str(GOLD), str(SOURCES)) == pytest.approx(1.0)
    events[0]["date"] = "1066"  # one wrong date must cost precision and recall
    pred.write_text(json.dumps({"sources": [{"id": d["file"], "path": d["file"]} for d in DOCS], "events": events}))
    assert scorer.main(str(pred), str(GOLD), str(SOURCES)) < 1.0
    capsys.readouterr()


def engine_figures() -> dict[str, Any]:
    """Run the date engine on every article with the gold's reference date as anchor; count gold expressions
    found (a Timex overlaps them) and right (an overlapping Timex's value is in `accept`)."""
    found = right = total = 0
    misses: list[str] = []
    for doc in DOCS:
        text = read(doc["file"])
        for i, art in enumerate(spans(doc, text)):
            got = tag(text, art.published, art.start, art.end)
            for t in (t for t in doc["timexes"] if t.get("segment", 0) == i):
                a, b = t["start"], t["start"] + len(t["text"])
                over = [x for x in got if x.start < b and a < x.end]
                accept = [str(v) for v in t["accept"]]
                total += 1
                found += bool(over)
                ok = any(x.value in accept for x in over)
                right += ok
                if not ok:
                    seen = ", ".join(f"{x.text!r}={x.value}" for x in over) or "nothing"
                    misses.append(f"{doc['file']}@{a} {t['text']!r} want {t['value']}, got {seen}")
    return {"total": total, "found": found, "right": right, "recall": found / total,
            "accuracy": right / total, "misses": misses}


def test_date_engine_on_example_gold(capsys: pytest.CaptureFixture[str]) -> None:
    """Value accuracy of timeline.extract.timex.tag on the gold expressions (found and right / all)."""
    fig = engine_figures()
    with capsys.disabled():
        print(f"\ndate engine on example gold: {fig['right']}/{fig['total']} right "
              f"(accuracy {fig['accuracy']:.3f}), {fig['found']}/{fig['total']} found (span recall {fig['recall']:.3f})")
        for line in fig["misses"]:
            print("  MISS", line)
    assert fig["accuracy"] >= ENGINE_THRESHOLD, f"value accuracy {fig['accuracy']:.3f} < {ENGINE_THRESHOLD}"
