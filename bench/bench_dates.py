"""Speed of `timeline dates`: characters per second of the whole command vs dateparser.search_dates.

    python bench/bench_dates.py                      # >= 10 MB corpus, jobs 1 and 2, 100k-char dateparser sample
    python bench/bench_dates.py --size-mb 1 --sample-chars 20000 --default-sample-chars 3000 --no-write  # quick look

The corpus is the Timeline17 dev articles (../shared/corpus/t17-dev/*/articles.jsonl) repeated with
distinct ids until it holds SIZE_MB million characters of article text; it is cached under /tmp.
Ours: the wall time of the whole command (`timeline dates CORPUS --json --quiet --jobs N`, start-up,
reading, reference dates, tagging, JSON writing) run as a subprocess. dateparser: `search_dates` on every
sentence of the first articles of the same corpus, the article's date as RELATIVE_BASE, timed in this
process, twice: with default settings (language detection, as the issue's reference F1 figures were
measured; ~1.4k chars/s, so a 15,000-char sample) and with languages=["en"] (~100x faster; a
200,000-char sample). The whole 10 MB would take hours with default settings.
Each command runs --repeat times (default 3) and the fastest run counts, since the machine is shared.
Characters are counted as the articles' `text` lengths in both cases. Results go to stdout and, unless
--no-write, to bench/results/dates.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
T17 = REPO.parent / "shared" / "corpus" / "t17-dev"
CACHE = Path(os.environ.get("TIMELINE_BENCH_CACHE", "/tmp/timeline-bench"))
RESULTS = REPO / "bench" / "results" / "dates.md"
LOAD_BEFORE = "?"
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def build_corpus(size_mb: float) -> tuple[Path, int, int]:
    """(path, characters of text, articles): the cached corpus, built when absent."""
    target = int(size_mb * 1_000_000)
    path = CACHE / f"t17-{size_mb:g}M.jsonl"
    meta = path.with_suffix(".meta.json")
    if path.exists() and meta.exists():
        info = json.loads(meta.read_text())
        return path, info["chars"], info["articles"]
    sources = sorted(T17.glob("*/articles.jsonl"))
    if not sources:
        sys.exit(f"no corpus: {T17}/*/articles.jsonl not found")
    CACHE.mkdir(parents=True, exist_ok=True)
    chars = articles = 0
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as out:
        for copy in range(10_000):
            for source in sources:
                for line in open(source, encoding="utf-8"):
                    record = json.loads(line)
                    record["id"] = f"{record['id']}#{copy}"
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    chars, articles = chars + len(record["text"]), articles + 1
                    if chars >= target:
                        break
                if chars >= target:
                    break
            if chars >= target:
                break
    tmp.rename(path)
    meta.write_text(json.dumps({"chars": chars, "articles": articles}))
    return path, chars, articles


def time_command(corpus: Path, jobs: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the command and its workers, dates found) for the whole command."""
    timeline = Path(sys.executable).with_name("timeline")
    command = [str(timeline), "dates", str(corpus), "--json", "--quiet", "--jobs", str(jobs)]
    out = CACHE / f"out-jobs{jobs}.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(out, "w", encoding="utf-8") as sink:
        proc = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode != 0:
        sys.exit(f"timeline dates failed ({proc.returncode}): {proc.stderr[-2000:]}")
    with open(out, encoding="utf-8") as handle:
        dates = len(json.load(handle)["dates"])
    return seconds, cpu, dates


def time_dateparser(corpus: Path, sample_chars: int, languages: list[str] | None) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, characters, dates found) for search_dates over each sentence of the sample."""
    from dateparser.search import search_dates

    articles = []
    chars = 0
    for line in open(corpus, encoding="utf-8"):
        record = json.loads(line)
        articles.append(record)
        chars += len(record["text"])
        if chars >= sample_chars:
            break
    search_dates("warm up on 5 May 2015", languages=languages)
    found = 0
    start, cpu = time.perf_counter(), time.process_time()
    for record in articles:
        base = _base(record.get("published"))
        settings = {"RELATIVE_BASE": base} if base else None
        for sentence in SENTENCE.split(record["text"]):
            if sentence.strip():
                found += len(search_dates(sentence, languages=languages, settings=settings) or [])
    return time.perf_counter() - start, time.process_time() - cpu, chars, found


def time_tag_sentences(corpus: Path, sample_chars: int) -> tuple[float, float, int, int]:
    """(wall s, CPU s, characters, dates found) for tag() on each sentence of the sample, as dateparser is run:
    the English path in-process, per sentence, language detection included."""
    from timeline.extract.timex import tag

    articles = _sample(corpus, sample_chars)
    found = 0
    start, cpu = time.perf_counter(), time.process_time()
    for record in articles:
        for sentence in SENTENCE.split(record["text"]):
            if sentence.strip():
                found += len(tag(sentence, anchor=record.get("published")))
    return time.perf_counter() - start, time.process_time() - cpu, sum(len(r["text"]) for r in articles), found


FOREIGN_GOLD = REPO / "tests" / "gold" / "foreign-dates.yaml"


def time_foreign(sample_chars: int) -> tuple[float, float, int, int]:
    """(wall s, CPU s, characters, dates found) for tag() on the Russian, French and German paragraphs of
    tests/gold/foreign-dates.yaml, repeated to sample_chars, per paragraph (language detection included)."""
    import yaml

    from timeline.extract.timex import tag

    docs = yaml.safe_load(FOREIGN_GOLD.read_text(encoding="utf-8"))["documents"]
    texts, chars = [], 0
    while chars < sample_chars:
        for d in docs:
            texts.append((d["text"], d["published"]))
            chars += len(d["text"])
    tag(texts[0][0], anchor=texts[0][1])  # dateparser's locale tables load once
    found = 0
    start, cpu = time.perf_counter(), time.process_time()
    for text, published in texts:
        found += len(tag(text, anchor=published))
    return time.perf_counter() - start, time.process_time() - cpu, chars, found


def _sample(corpus: Path, sample_chars: int) -> list[dict[str, str]]:
    """The first articles of the corpus holding sample_chars characters of text."""
    articles, chars = [], 0
    for line in open(corpus, encoding="utf-8"):
        articles.append(json.loads(line))
        chars += len(articles[-1]["text"])
        if chars >= sample_chars:
            break
    return articles


def _base(published: str | None) -> datetime | None:
    try:
        return datetime.strptime(str(published)[:10], "%Y-%m-%d") if published else None
    except ValueError:
        return None


def tagger_version() -> str:
    """The commit of the tagger being measured (so figures can be tied to a version)."""
    proc = subprocess.run(["git", "log", "-1", "--format=%h %cI", "--", "timeline/extract/timex"],
                          cwd=REPO, capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=10.0, help="corpus size in millions of characters (default 10)")
    parser.add_argument("--sample-chars", type=int, default=200_000, help='dateparser languages=["en"] sample size (default 200000)')
    parser.add_argument("--default-sample-chars", type=int, default=15_000, help="dateparser default-settings sample size (default 15000)")
    parser.add_argument("--foreign-chars", type=int, default=100_000, help="non-English sample size (default 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command; the fastest counts (default 3)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.relative_to(REPO)}")
    args = parser.parse_args()

    global LOAD_BEFORE
    LOAD_BEFORE = " ".join(f"{x:.2f}" for x in os.getloadavg())
    corpus, chars, articles = build_corpus(args.size_mb)
    print(f"corpus: {corpus} ({chars:,} characters of text, {articles:,} articles, {corpus.stat().st_size:,} bytes)", flush=True)
    rows = []
    for jobs in (int(j) for j in args.jobs.split(",")):
        seconds, cpu, dates = min(time_command(corpus, jobs) for _ in range(args.repeat))
        rows.append((f"timeline dates --json --jobs {jobs} (whole command)", chars, seconds, cpu, dates))
        print(f"  ours, jobs {jobs}: {seconds:.1f} s wall, {cpu:.1f} s CPU", flush=True)
    for languages, sample in ((None, args.default_sample_chars), (["en"], args.sample_chars)):
        seconds, cpu, n, found = time_dateparser(corpus, sample, languages)
        how = 'languages=["en"]' if languages else "default settings (language detection)"
        rows.append((f"dateparser.search_dates per sentence, {how}, first {n:,} chars", n, seconds, cpu, found))
        print(f"  dateparser {how}: {seconds:.1f} s for {n:,} chars", flush=True)
    seconds, cpu, n, found = time_tag_sentences(corpus, args.sample_chars)
    rows.append((f"tag() per sentence, English path, first {n:,} chars", n, seconds, cpu, found))
    seconds, cpu, n, found = time_foreign(args.foreign_chars)
    rows.append((f"tag() per paragraph, non-English path (ru/fr/de, dateparser tables), {n:,} chars", n, seconds, cpu,
                 found))
    print(f"  tag() per sentence and non-English: done", flush=True)
    report = render(rows, corpus, chars, articles)
    print(report)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(report, encoding="utf-8")
        print(f"written to {RESULTS.relative_to(REPO)}")


Row = tuple[str, int, float, float, int]  # what, characters, wall seconds, CPU seconds, dates found


def render(rows: list[Row], corpus: Path, chars: int, articles: int) -> str:
    """A markdown table: chars/s (wall and CPU), ratio to both dateparser runs, scaling against --jobs 1."""
    rate = {r[0]: r[1] / r[2] for r in rows}
    cpu_rate = {r[0]: r[1] / max(r[3], 1e-9) for r in rows}
    dp_default, dp_en = (r[0] for r in rows if r[0].startswith("dateparser"))
    base = next(r[0] for r in rows if r[0].startswith("timeline"))
    lines = [
        "# `timeline dates` speed",
        "",
        f"Run {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} on {platform.machine()}, {os.cpu_count()} CPUs "
        f"(shared with other jobs; load average before the run {LOAD_BEFORE}), Python {platform.python_version()}; "
        f"tagger timeline/extract/timex/ at {tagger_version()}.",
        f"Corpus: Timeline17 dev articles repeated to {chars:,} characters ({articles:,} articles). "
        "Command: `python bench/bench_dates.py`. Ours is the whole command's wall time (start-up, reading, "
        "reference dates, tagging, JSON output), fastest of --repeat runs; dateparser is timed in-process on the first articles of the same corpus. "
        "CPU s counts the command and its worker processes; chars per CPU second is the figure to trust when "
        "the machine is busy with other work. The tag() rows run in-process like dateparser: English per "
        "sentence of the same sample as dateparser en; the non-English row on the tests/gold/foreign-dates.yaml "
        "paragraphs repeated (its last column compares CPU rates with dateparser en).",
        "",
        "| what | characters | wall s | chars/s (wall) | CPU s | chars/CPU s | vs dateparser default | vs dateparser en | vs jobs 1 (wall) | dates found |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, n, seconds, cpu, found in rows:
        scaling = f"{rate[name] / rate[base]:.2f}x" if name.startswith("timeline") else ""
        if name.startswith("tag()"):
            scaling = f"CPU: {_ratio(cpu_rate[name] / cpu_rate[dp_en])} dateparser en"
        lines.append(f"| {name} | {n:,} | {seconds:.1f} | {rate[name]:,.0f} | {cpu:.1f} | {cpu_rate[name]:,.0f} | "
                     f"{_ratio(rate[name] / rate[dp_default])} | {_ratio(rate[name] / rate[dp_en])} | {scaling} | {found:,} |")
    return "\n".join(lines) + "\n"


def _ratio(x: float) -> str:
    return f"{x:.1f}x" if x >= 1 else f"{x:.3f}x"


if __name__ == "__main__":
    main()
