"""`timeline extract`: the JSON contract our evaluations rely on, --top, the listing, bad input."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from timeline.cli import cli

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "sources"
SOURCE_KEYS = {"id", "path", "title", "publisher", "published", "published_basis"}
EVENT_KEYS = {"id", "date", "title", "summary", "importance", "citations"}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["extract", *args])


def corpus(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "c.jsonl"
    records = [
        {"id": "a", "published": "2015-06-05", "publisher": "RFE/RL",
         "text": "Tajikistan's Interior Ministry announced an amnesty for returning fighters on 9 May 2015. Nobody objected."},
        {"id": "b", "published": "2015-06-06", "publisher": "VICE",
         "text": "On 9 May 2015, the Interior Ministry of Tajikistan announced an amnesty for fighters returning home."},
        {"id": "c", "published": "2015-06-06",
         "text": "Gulmurod Khalimov, the police commander, defected to the Islamic State in April 2015."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + extra, encoding="utf-8")
    return path


def as_json(result: Result) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_contract(tmp_path: Path) -> None:
    result = run(str(corpus(tmp_path)), "--json", "--quiet")
    assert result.exit_code == 0, result.stderr
    data = as_json(result)
    assert SOURCE_KEYS <= set(data["sources"][0])
    assert [s["id"] for s in data["sources"]] == ["a", "b", "c"]
    assert data["events"], "expected events"
    for event in data["events"]:
        assert EVENT_KEYS <= set(event)
        assert isinstance(event["importance"], float)
        for c in event["citations"]:
            assert set(c) == {"source", "quote", "offset"}
    amnesty = next(e for e in data["events"] if e["date"] == "2015-05-09")
    assert sorted(c["source"] for c in amnesty["citations"]) == ["a", "b"]


def test_offsets_index_the_files_as_read() -> None:
    result = run(str(SOURCES / "vice-amnesty-for-repentance.txt"), "--json", "--quiet")
    assert result.exit_code == 0, result.stderr
    data = as_json(result)
    text = (SOURCES / "vice-amnesty-for-repentance.txt").read_text(encoding="utf-8")
    assert data["events"]
    for event in data["events"]:
        for c in event["citations"]:
            assert text[c["offset"]:c["offset"] + len(c["quote"])] == c["quote"]


def test_top_keeps_the_most_important(tmp_path: Path) -> None:
    everything = as_json(run(str(corpus(tmp_path)), "--json", "-q"))["events"]
    top = as_json(run(str(corpus(tmp_path)), "--json", "-q", "--top", "1"))["events"]
    assert len(everything) >= 2 and len(top) == 1
    assert top[0]["importance"] == max(e["importance"] for e in everything)
    assert as_json(run(str(corpus(tmp_path)), "--json", "-q", "--top", "0"))["events"] == []


def test_jobs_give_the_same_result(tmp_path: Path) -> None:
    one = run(str(corpus(tmp_path)), "--json", "-q")
    two = run(str(corpus(tmp_path)), "--json", "-q", "--jobs", "2")
    assert one.stdout == two.stdout


def test_readable_listing(tmp_path: Path) -> None:
    result = run(str(corpus(tmp_path)), "-q")
    assert result.exit_code == 0
    assert "9 May 2015" in result.stdout
    assert "a@" in result.stdout and "b@" in result.stdout


def test_bad_input_is_reported_the_rest_processed_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 100)
    path = corpus(tmp_path, extra="this is not json\n")
    result = run(str(path), str(bad), str(tmp_path / "missing.txt"), "--json", "-q")
    assert result.exit_code == 1
    assert "c.jsonl:4" in result.stderr
    assert "binary.txt" in result.stderr and "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr
    data = as_json(result)
    assert [s["id"] for s in data["sources"]] == ["a", "b", "c"]


def test_invalid_published_is_an_error_and_texts_dates_are_used(tmp_path: Path) -> None:
    result = run(str(corpus(tmp_path)), "--json", "-q", "--published", "sometime soon")
    assert result.exit_code == 1
    assert "--published" in result.stderr
    assert as_json(result)["events"]


def test_extract_names_relative_dates_it_cannot_resolve(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("A note.\nOfficials said yesterday that the minister had resigned after weeks of protests.\n", encoding="utf-8")
    result = run(str(source), "--json")
    assert result.exit_code == 0
    assert f"{source}:2: warning: 1 relative date(s) cannot be resolved, first 'yesterday'" in result.stderr
