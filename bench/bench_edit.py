"""Time and peak memory of edits (`review accept`, `review reject`, `import csv`, `extract --into`) by store size,
against `timeline check` on the same store as the named baseline.

    python bench/bench_edit.py                          # 1,000 / 10,000 / 50,000 events
    python bench/bench_edit.py --events 2000 --no-write  # a quick look

Each store is synthetic (generated here, cached under /tmp): one source file per five events (10,000
sources for 50,000 events), each event in block style with a date, title, summary, lane, tags, status
and one or two citations that verify, some comments and blank lines, as a hand-kept file has. Every
command runs as a fresh subprocess (start-up included) on a fresh copy of the store; peak RSS is the
child's ru_maxrss; CPU seconds (user + system) and the machine's one-minute load average before the
command are given beside the wall time, since on a shared machine the wall time follows the load. Results
go to stdout and, unless --no-write, to bench/results/edit.md.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import platform
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("TIMELINE_BENCH_CACHE", "/tmp/timeline-bench-edit2"))
RESULTS = REPO / "bench" / "results" / "edit.md"
SENTENCE = "On {day} May {year} the council of town {k} met and agreed on measure {n}. "
RUNNER = ("import resource, subprocess, sys, time; t = time.perf_counter(); r = subprocess.run(sys.argv[1:], "
          "stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); dt = time.perf_counter() - t; "
          "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
          "print(r.returncode, dt, u.ru_utime + u.ru_stime, u.ru_maxrss, "
          "r.stderr.decode(errors='replace')[-300:].replace(chr(10), ' '))")


def build_store(events: int) -> Path:
    """A store of `events` events and events/5 sources under CACHE (reused when present)."""
    root = CACHE / f"store-{events}"
    if (root / "events.yaml").exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    (root / "sources").mkdir(parents=True)
    n_sources = max(1, events // 5)
    lines = ["# synthetic store for bench/bench_edit.py", "title: Benchmark", "", "lanes:", "  - id: politics",
             "    label: Politics", "  - id: courts", "    label: Courts", "", "sources:"]
    offsets: list[list[tuple[int, str]]] = []
    for k in range(n_sources):
        text, spans = "", []
        for n in range(5):
            sentence = SENTENCE.format(day=1 + n, year=1990 + k % 30, k=k, n=n)
            spans.append((len(text), sentence.strip()))
            text += sentence
        (root / "sources" / f"s{k}.txt").write_text(text + "\n", encoding="utf-8")
        offsets.append(spans)
        digest = hashlib.sha256((text + "\n").encode("utf-8")).hexdigest()
        lines += [f"  - id: s{k}", f"    file: sources/s{k}.txt", f"    title: 'Source {k}'", f"    sha256: {digest}"]
    lines += ["", "events:"]
    for i in range(events):
        k, n = i // 5 % n_sources, i % 5
        offset, quote = offsets[k][n]
        if i % 100 == 0:
            lines += ["", f"  # --- part {i // 100} ---"]
        lines += [f"  - id: e{i}", f"    date: {1990 + k % 30}-05-{1 + n:02d}", f"    title: Council of town {k} agrees on measure {n}",
                  f"    summary: The council met and agreed on measure {n}.", f"    lane: {'politics' if i % 2 else 'courts'}",
                  "    tags: [council, measure]", f"    status: {'reviewed' if i % 3 else 'candidate'}", "    citations:",
                  f"      - source: s{k}", f"        quote: \"{quote}\"", f"        offset: {offset}"]
    lines += ["rejected: []", ""]
    (root / "events.yaml").write_text("\n".join(lines), encoding="utf-8")
    return root


def run(args: list[str], cwd: Path) -> tuple[int, float, float, float, str]:
    """(exit code, wall seconds, CPU seconds, peak RSS in MB, end of stderr) of one command in a fresh process."""
    out = subprocess.run([sys.executable, "-c", RUNNER, *args], cwd=cwd, capture_output=True, text=True, check=True)
    code, seconds, cpu, rss, *err = out.stdout.split(" ", 4)
    return int(code), float(seconds), float(cpu), int(rss) / 1024, " ".join(err).strip()


def commands(root: Path, events: int) -> dict[str, list[str]]:
    """The commands timed, by name, on a store of `events` events."""
    timeline = [sys.executable, "-m", "timeline"]
    mid = events // 2 - events // 2 % 3  # a candidate
    return {
        "check (baseline)": [*timeline, "check", "events.yaml"],
        "review accept": [*timeline, "review", "accept", f"e{mid}", "--lane", "politics"],
        "review reject": [*timeline, "review", "reject", f"e{mid + 3}"],
        "import csv (one title edited)": [*timeline, "import", "csv", "edited.csv", "--into", "events.yaml", "-q"],
        "extract --into (one sentence)": [*timeline, "extract", "new", "--into", "events.yaml"],
    }


def inputs(root: Path) -> None:
    """Beside the cached store (once): a CSV with one title edited and a one-sentence article to extract."""
    if (root / "edited.csv").exists():
        return
    subprocess.run([sys.executable, "-m", "timeline", "export", "csv", "events.yaml", "-o", "full.csv", "-q"], cwd=root,
                   check=True, stderr=subprocess.DEVNULL)
    with open(root / "full.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][2] = rows[1][2] + " (edited)"
    with open(root / "edited.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    (root / "new").mkdir(exist_ok=True)
    (root / "new" / "article.txt").write_text("On 3 March 2001 the parliament of the republic adopted a new constitution.\n", encoding="utf-8")


def prepare(root: Path, work: Path) -> None:
    """A fresh copy of the store and its inputs."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(root, work, symlinks=True)


def bench(sizes: list[int]) -> list[str]:
    """One table row per (size, command)."""
    rows = []
    for events in sizes:
        root = build_store(events)
        size_mb = (root / "events.yaml").stat().st_size / 2**20
        work = CACHE / f"work-{events}"
        inputs(root)
        for name, args in commands(root, events).items():
            prepare(root, work)
            load = os.getloadavg()[0]
            code, seconds, cpu, rss, err = run(args, work)
            note = "" if code == 0 else f" (exit {code}: {err[-120:]})"
            rows.append(f"| {events:,} | {size_mb:.1f} | {name} | {seconds:.2f} | {cpu:.2f} | {rss:.0f} | {load:.1f} |{note}")
            print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    header = ["| events | events.yaml MB | command | wall s | CPU s | peak RSS MB | load (1 min) |", "|---:|---:|---|---:|---:|---:|---:|"]
    print("\n".join(header))
    rows = bench(args.events)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        RESULTS.write_text(f"# bench_edit ({datetime.now():%Y-%m-%d}, {machine}; synthetic stores, see bench/bench_edit.py)\n\n"
                           + "\n".join(header + rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
