#!/usr/bin/env python3
"""Wall time of `timeline extract` against `timeline dates` on the same corpus (the issue asks <= 2x).

usage: python bench/bench_extract.py [--shared ../shared] [--repeat 3] [--jobs 1] [--write bench/results/extract.md]

The corpus is every Timeline17 dev topic in ../shared/corpus/t17-dev concatenated into one JSONL file
(seven topics since Egypt, Iraq and Libya were added: about 14.3 MB, 1,908 articles). Each command runs `--repeat` times with --json to /dev/null; the best time counts. Wall time is the
target; CPU time (user + system of the command's processes) is printed too, since on a shared machine
the wall time of a short run swings with the load.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(shared: Path, out: Path) -> tuple[int, int]:
    """Concatenate the dev topics; (articles, bytes)."""
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for topic in sorted((shared / "corpus" / "t17-dev").glob("*/articles.jsonl")):
            for line in topic.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    handle.write(line + "\n")
                    count += 1
    return count, out.stat().st_size


def best_time(command: list[str], repeat: int) -> tuple[float, float]:
    """Fastest of `repeat` runs: (wall seconds, CPU seconds of the command's processes)."""
    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--write", help="also write the table to this Markdown file")
    args = parser.parse_args()
    timeline = str(Path(sys.executable).with_name("timeline"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "t17-dev.jsonl"
        articles, size = build_corpus(Path(args.shared), corpus)
        common = [str(corpus), "--json", "--quiet", "--jobs", str(args.jobs)]
        dates = best_time([timeline, "dates", *common], args.repeat)
        extract = best_time([timeline, "extract", *common], args.repeat)
    lines = [
        f"corpus: t17-dev topics concatenated, {articles} articles, {size / 1e6:.2f} MB; --jobs {args.jobs}; best of {args.repeat}",
        "",
        "| command | wall s | CPU s | MB/s (wall) |",
        "|---|---|---|---|",
        f"| timeline dates | {dates[0]:.2f} | {dates[1]:.2f} | {size / 1e6 / dates[0]:.2f} |",
        f"| timeline extract | {extract[0]:.2f} | {extract[1]:.2f} | {size / 1e6 / extract[0]:.2f} |",
        "",
        f"extract / dates: wall {extract[0] / dates[0]:.2f}, CPU {extract[1] / dates[1]:.2f} (target <= 2.0)",
    ]
    print("\n".join(lines))
    if args.write:
        Path(args.write).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
