#!/usr/bin/env python3
"""Score the date engine on TimeBank+AQUAINT (TempEval-3 training data), in-process.

usage: python bench/eval_tbaq.py [--shared ../shared] [--cache DIR] [-v] [--speed] [--timeml-ranges]

Converts ../shared/corpus/tbaq with ../shared/eval/tml_to_jsonl.py (once, cached under /tmp), tags each
article with `tag(text, anchor=published)`, writes pred.json in the scorer's format and runs
../shared/eval/score_timexes.py on it (DATE expressions only; -v lists misses, false positives, wrong
values). --speed also prints tag() throughput over the article texts (best of 3 passes).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline.extract.timex import tag  # noqa: E402


def convert(shared: Path, cache: Path) -> Path:
    """articles.jsonl + gold.yaml for TBAQ under cache (converted once)."""
    out = cache / "tbaq"
    if not (out / "articles.jsonl").exists() or not (out / "gold.yaml").exists():
        subprocess.run([sys.executable, str(shared / "eval" / "tml_to_jsonl.py"), str(shared / "corpus" / "tbaq"),
                        str(out)], check=True)
    return out


def load_articles(path: Path) -> list[dict[str, str]]:
    """The JSONL articles."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(articles: list[dict[str, str]], ranges: bool = True) -> dict[str, list[dict[str, object]]]:
    """The scorer's {"dates": [...]} for every article, tagged with its DCT as anchor."""
    dates: list[dict[str, object]] = []
    for a in articles:
        for t in tag(a["text"], anchor=a["published"], ranges=ranges):
            dates.append({"source": a["id"], "text": t.text, "offset": t.start, "value": t.value})
    return {"dates": dates}


def throughput(articles: list[dict[str, str]]) -> float:
    """tag() speed over the article texts in MB of characters per CPU second (best of 3 passes; CPU time,
    since the machine is shared)."""
    chars = sum(len(a["text"]) for a in articles)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for a in articles:
            tag(a["text"], anchor=a["published"])
        best = min(best, time.process_time() - t0)
    return chars / best / 1e6


def score(out: Path, pred: Path, shared: Path, verbose: bool) -> str:
    """Run score_timexes.py and return its output."""
    cmd = [sys.executable, str(shared / "eval" / "score_timexes.py"), str(out / "gold.yaml"), str(pred),
           "--articles", str(out / "articles.jsonl")] + (["-v"] if verbose else [])
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/timeline-eval-cache"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--timeml-ranges", action="store_true",
                    help="keep the two ends of 'between 1992 and 1997' apart, as TimeML gold does")
    args = ap.parse_args(argv)
    out = convert(args.shared, args.cache)
    articles = load_articles(out / "articles.jsonl")
    pred = out / "pred.json"
    pred.write_text(json.dumps(predict(articles, ranges=not args.timeml_ranges)), encoding="utf-8")
    print(score(out, pred, args.shared, args.verbose), end="")
    if args.speed:
        chars = sum(len(a["text"]) for a in articles)
        print(f"tag() throughput: {throughput(articles):.2f} MB per CPU second over {chars} chars")
    return 0


if __name__ == "__main__":
    sys.exit(main())
