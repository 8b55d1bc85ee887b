"""The pipeline (timeline.extract.pipeline): a function mapped over every document, in order, in several
processes, with a bounded number of workers that end with the calling process."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.errors import Problem
from timeline.extract.pipeline import map_documents
from timeline.read import Document


def count_chars(doc: Document) -> int:
    """Top-level, so it pickles into worker processes."""
    return len(doc.body)


def test_map_documents_in_two_processes_keeps_order_and_reference_dates(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    with open(corpus, "w", encoding="utf-8") as out:
        for i in range(40):
            out.write(json.dumps({"id": f"a{i}", "text": f"Story {i} happened in {1990 + i}." + " x" * i}) + "\n")
    one = [(d.id, d.published, r) for d, r in map_documents(count_chars, [corpus], jobs=1)]
    two = [(d.id, d.published, r) for d, r in map_documents(count_chars, [corpus], jobs=2)]
    assert one == two and [x[0] for x in one] == [f"a{i}" for i in range(40)]
    assert one[3][1] == "1993"


def test_progress_bar_on_stderr_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("In 2014 it rained.\n", encoding="utf-8")
    list(map_documents(count_chars, [path], progress=True))
    assert "1 docs" in capsys.readouterr().err
    list(map_documents(count_chars, [path], progress=False))
    list(map_documents(count_chars, [path]))  # stderr is not a terminal here
    assert capsys.readouterr().err == ""


def fail_on_b(doc: Document) -> int:
    """Top-level; raises for article 'b' only."""
    if doc.id == "b":
        raise ValueError("boom")
    return len(doc.body)


@pytest.mark.parametrize("jobs", [1, 2])
def test_skip_errors_turns_one_failing_article_into_a_problem(tmp_path: Path, jobs: int) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "published": "2015", "text": f"Text {i}."}) + "\n" for i in "abc"), encoding="utf-8")
    problems: list[Problem] = []
    out = [d.id for d, _ in map_documents(fail_on_b, [corpus], jobs=jobs, problems=problems, skip_errors=True)]
    assert out == ["a", "c"]
    assert [(p.file, p.line) for p in problems] == [(str(corpus), 2)] and "ValueError: boom" in problems[0].message
    with pytest.raises(ValueError):
        list(map_documents(fail_on_b, [corpus], jobs=jobs))
