#!/usr/bin/env python3
"""Throughput and memory of `timeline dates|extract` on Dask (--scheduler local:N) against --jobs N.

usage: python bench/bench_dask.py [--sizes 50000,100000,200000] [--workers 1,2] [--jobs 1,2]
                                  [--throughput-size 50000] [--out /tmp/dask-bench] [--write bench/results/dask.md]

The corpus is synthetic, generated under /tmp (never committed): each article recombines a run of
paragraphs of one Timeline17 dev article (../shared/corpus/t17-dev) with a paragraph of another of the
same topic, its years shifted by -6..+6 years (text and "published" alike), cut to at most
ARTICLE_CHARS characters so that a run on the shared 2-core machine takes minutes. Shards of
SHARD_ARTICLES articles; the same seed gives the same corpus.

Each run is `timeline COMMAND SHARDS --json --quiet > /dev/null` in a child process that reports:
wall and CPU time (of the command and every process it started), the client's peak RSS, and on Dask
each worker's peak RSS (asked of the workers before the cluster closes) and the wall time of the
cross-document stage (extract: its tasks, from the end of the map stage until every partition is
finished on its worker; the events then travel to the client as they are printed, in the run's wall
time but not in this figure). On Dask, also: the candidates (mentions) of the corpus, of its largest
year and of its largest partition, and the number of partitions; each worker's RSS sampled every 0.5 s
(its peak and when) and the task stream, written with the samples to REPORT.trace.json (the last run's:
which stage a peak falls in). With --jobs the largest worker process's peak RSS is reported. Dask's
memory settings can be given in the environment (DASK_DISTRIBUTED__WORKER__MEMORY__TARGET=0.02: a local
worker spills its data to disk past 2 % of its memory limit, the machine's memory / N).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_CHARS = 1800
SHARD_ARTICLES = 5000
SEED = 16
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def load_topics(shared: Path) -> dict[str, list[dict[str, Any]]]:
    topics: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((shared / "corpus" / "t17-dev").glob("*/articles.jsonl")):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        topics[path.parent.name] = [r for r in records if r.get("text") and r.get("published")]
    return topics


def synthetic(rng: random.Random, topics: dict[str, list[dict[str, Any]]], names: list[str], i: int) -> dict[str, Any]:
    """One article: paragraphs of one dev article and one of another, years shifted, ARTICLE_CHARS at most."""
    articles = topics[names[i % len(names)]]
    a, b = rng.choice(articles), rng.choice(articles)
    paras_a = [p for p in a["text"].split("\n") if p.strip()]
    paras_b = [p for p in b["text"].split("\n") if p.strip()]
    start = rng.randrange(max(1, len(paras_a) - 3))
    text = "\n".join(paras_a[start:start + rng.randint(2, 5)] + [rng.choice(paras_b)])[:ARTICLE_CHARS]
    shift = rng.randint(-6, 6)
    moved = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    published = f"{int(a['published'][:4]) + shift:04d}{a['published'][4:]}"
    return {"id": f"syn-{i}", "published": published, "title": a.get("title"), "text": moved}


def generate(shared: Path, out: Path, size: int) -> list[str]:
    """SHARD_ARTICLES-article shards of `size` synthetic articles under out/SIZE (kept when present).
    A smaller run reads the first shards of a larger corpus made before (the same articles)."""
    folder = out / str(size)
    larger = sorted((int(p.parent.name) for p in out.glob("*/DONE") if int(p.parent.name) >= size), reverse=True)
    if larger and size % SHARD_ARTICLES == 0:
        return [str(p) for p in sorted((out / str(larger[0])).glob("part-*.jsonl"))][: size // SHARD_ARTICLES]
    done = folder / "DONE"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        topics = load_topics(shared)
        names = sorted(topics)
        rng = random.Random(SEED)
        for shard in range(0, size, SHARD_ARTICLES):
            lines = [json.dumps(synthetic(rng, topics, names, i)) for i in range(shard, min(size, shard + SHARD_ARTICLES))]
            (folder / f"part-{shard // SHARD_ARTICLES:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        done.write_text("")
    return [str(p) for p in sorted(folder.glob("part-*.jsonl"))]


def child(args: list[str], report: str) -> None:
    """Runs in the measured process: the CLI, with the cross-document stage timed and, on Dask, the
    workers asked for their peak RSS before the cluster closes; writes the figures to `report`."""
    import timeline.distributed.run as run
    import timeline.extract.events as events
    import timeline.extract.partitions as partitions
    from timeline.cli import cli

    figures: dict[str, Any] = {}
    connect = run.connect

    @contextmanager
    def measured(scheduler: Any) -> Iterator[Any]:
        from distributed import get_task_stream
        from dask.utils import key_split

        with connect(scheduler) as client, get_task_stream(client) as stream:
            yield client
            figures["worker_rss_mb"] = sorted(v / 1024 for v in client.run(_peak_rss_kb).values())
        figures["tasks"] = [(key_split(t["key"]), t["worker"], *(round(s["start"] - EPOCH, 1) for s in t["startstops"] if s["action"] == "compute"))
                            for t in stream.data]

    run.connect = measured  # type: ignore[assignment]
    run.cross_document = _timed(run.cross_document, figures)  # type: ignore[assignment]
    events.build_records = _timed(events.build_records, figures)  # type: ignore[assignment]
    partitions.blocks_of = _sized(partitions.blocks_of, figures)  # type: ignore[assignment]
    sampler = _Sampler(figures)
    try:
        cli.main(args, standalone_mode=False)
    finally:
        sampler.stop()
        figures["client_rss_mb"] = _peak_rss_kb() / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        figures.setdefault("worker_rss_mb", [children] if children else [])
        Path(report).write_text(json.dumps(figures), encoding="utf-8")


def _timed(stage: Callable[..., Any], figures: dict[str, Any]) -> Callable[..., Any]:
    """The cross-document stage (crossdoc.cross_document on Dask: every map result is in when it is
    called, every partition finished when it returns; events.build_records in one process), its wall
    time recorded, and when it started and ended (seconds from the start of the run)."""
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        out = stage(*args, **kwargs)
        figures["cross_document_s"] = time.perf_counter() - start
        figures["cross_document_at_s"] = [start - STARTED, time.perf_counter() - STARTED]
        return out

    return timed


def _sized(blocks_of: Callable[..., Any], figures: dict[str, Any]) -> Callable[..., Any]:
    """partitions.blocks_of, recording the candidates (mentions) of the corpus, of its largest year and
    of its largest partition, and the number of partitions."""
    def sized(sizes: dict[int, int], target: int) -> Any:
        out = blocks_of(sizes, target)
        figures.update(mentions=sum(sizes.values()), largest_year=max(sizes.items(), key=lambda s: s[1], default=None),
                       partitions=len(out), largest_partition=max((sum(sizes[y] for y in b) for b in out), default=0))
        return out

    return sized


STARTED, EPOCH = time.perf_counter(), time.time()  # the task stream's times are time.time()


class _Sampler:
    """The RSS of this process's children (the local cluster's workers) every SAMPLE_S seconds: each
    one's peak and when it was reached (seconds from the start of the run), to tell which stage it falls in."""

    SAMPLE_S = 0.5

    def __init__(self, figures: dict[str, Any]) -> None:
        import threading

        self.figures, self.peaks = figures, {}
        self.trace: list[tuple[float, list[float]]] = []  # (seconds, each child's RSS in MB)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.done.wait(self.SAMPLE_S):
            now, sizes = time.perf_counter() - STARTED, []
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                sizes.append(round(rss, 1))
                if rss > self.peaks.get(child.pid, (0, 0))[0]:
                    self.peaks[child.pid] = (rss, now)
            self.trace.append((round(now, 1), sizes))

    def stop(self) -> None:
        self.done.set()
        self.thread.join()
        self.figures["sampled_peaks_mb_at_s"] = sorted(self.peaks.values(), reverse=True)[:4]
        self.figures["trace"] = self.trace


def _peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(command: str, shards: list[str], runner: list[str], report: Path) -> dict[str, Any]:
    """One run in a child process: wall, CPU (with every process it started), and the child's figures."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--child", str(report), command, *shards, "--json", "--quiet", *runner],
                   stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    trace = {"rss": figures.pop("trace", []), "tasks": figures.pop("tasks", [])}
    report.with_suffix(".trace.json").write_text(json.dumps(trace), encoding="utf-8")  # the last run's RSS samples and task starts
    figures.update(wall_s=wall, cpu_s=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return figures


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[3:], sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=Path("/tmp/dask-bench"))
    parser.add_argument("--sizes", default="50000,100000,200000")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--throughput-size", type=int, default=50000, help="the size at which --jobs runs are compared")
    parser.add_argument("--commands", default="dates,extract")
    parser.add_argument("--log", type=Path, default=Path("/tmp/dask-bench/runs.jsonl"))
    args = parser.parse_args()
    args.log.parent.mkdir(parents=True, exist_ok=True)
    for size in map(int, args.sizes.split(",")):
        shards = generate(args.shared, args.out, size)
        runners = [["--scheduler", f"local:{n}"] for n in args.workers.split(",") if n]
        if size == args.throughput_size:
            runners += [["--jobs", n] for n in args.jobs.split(",") if n]
        for command in args.commands.split(","):
            for runner in runners:
                figures = measure(command, shards, runner, args.out / "report.json")
                row = {"size": size, "command": command, "runner": " ".join(runner), "load": os.getloadavg(), **figures}
                print(json.dumps(row), flush=True)
                with open(args.log, "a", encoding="utf-8") as log:
                    log.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
