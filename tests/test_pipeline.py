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


def test_jobs_beyond_a_few_per_cpu_are_refused() -> None:
    from timeline.extract.pipeline import max_jobs

    with pytest.raises(ValueError):
        list(map_documents(count_chars, [], jobs=max_jobs() + 1))


@pytest.mark.parametrize("args", [["--jobs", "100000"], ["--jobs", "0"], ["-j", "many"]])
@pytest.mark.parametrize("command", ["dates", "extract"])
def test_jobs_out_of_bounds_is_a_usage_error(tmp_path: Path, command: str, args: list[str]) -> None:
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("In 2014 it rained.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "timeline", command, str(tmp_path), *args], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2 and "--jobs" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.stdout == ""


def _children(pid: int) -> set[int]:
    """The process ids whose parent is pid (Linux /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find the worker processes")
@pytest.mark.parametrize("signum", ["SIGKILL", "SIGTERM", "SIGHUP"])
def test_workers_end_when_the_main_process_is_killed(tmp_path: Path, signum: str) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "c.jsonl"
    text = "Officials said on Tuesday that 300 fighters had returned in May 2015. " * 6
    with open(corpus, "w", encoding="utf-8") as out:
        for i in range(20_000):
            out.write(json.dumps({"id": f"a{i}", "text": f"Article {i}. {text}"}) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "dates", "-q", "--jobs", "2", "--json", str(corpus)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert len(workers) >= 2 and proc.poll() is None, "the workers did not start"
        os.kill(proc.pid, getattr(signal, signum))
        proc.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "workers outlived the main process"
    finally:
        for pid in [proc.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        proc.wait(timeout=30)
