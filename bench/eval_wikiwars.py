#!/usr/bin/env python3
"""Score the date engine on the WikiWars development split (history narratives, no document dates), in-process.

usage: python bench/eval_wikiwars.py [--shared ../shared] [--mode auto|narrative|news] [-v]

Tags each article of ../shared/corpus/wikiwars-dev/articles.jsonl as `timeline dates` does (reference
date inferred from the text by timeline.extract.dating, then `tag(..., mode=...)`), writes pred.json in the
scorer's format and runs ../shared/eval/score_timexes.py on it. These are development figures: the
engine's rules were written while looking at this split's errors (by class, never by phrase).
Reference: HeidelTime 2.2.1 narratives mode, value F1 0.766 on the held-out test split.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline.read import Document  # noqa: E402
from timeline.extract.published import ensure_reference  # noqa: E402
from timeline.extract.timex import tag  # noqa: E402
from timeline.extract.timex.narrative import choose_mode  # noqa: E402


def load_articles(path: Path) -> list[dict[str, str]]:
    """The JSONL articles."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(articles: list[dict[str, str]], mode: str, ranges: bool = False) -> dict[str, list[dict[str, object]]]:
    """The scorer's {"dates": [...]}: each article tagged against the reference date `timeline dates` infers."""
    dates: list[dict[str, object]] = []
    for a in articles:
        doc = ensure_reference(Document(id=a["id"], path="articles.jsonl", text=a["text"]))
        stated = doc.published if doc.published_basis == "stated" else None
        chosen = choose_mode(a["text"], stated) if mode == "auto" else mode
        for t in tag(a["text"], anchor=doc.published, mode=chosen, ranges=ranges):
            dates.append({"source": a["id"], "text": t.text, "offset": t.start, "value": t.value})
    return {"dates": dates}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--mode", choices=("auto", "narrative", "news"), default="auto")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--joined-ranges", action="store_true",
                    help="join '1861-1863' into one interval, as timeline extract's events do (timeline dates "
                         "lists the two ends apart, as TimeML gold does)")
    args = ap.parse_args(argv)
    corpus = args.shared / "corpus" / "wikiwars-dev"
    articles = load_articles(corpus / "articles.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.json"
        pred.write_text(json.dumps(predict(articles, args.mode, ranges=args.joined_ranges)), encoding="utf-8")
        print(score(corpus, pred, args.shared, args.verbose), end="")
    return 0


def score(corpus: Path, pred: Path, shared: Path, verbose: bool = False) -> str:
    """Run score_timexes.py on the corpus's gold and return its output."""
    cmd = [sys.executable, str(shared / "eval" / "score_timexes.py"), str(corpus / "gold.yaml"), str(pred),
           "--articles", str(corpus / "articles.jsonl")] + (["-v"] if verbose else [])
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


if __name__ == "__main__":
    sys.exit(main())
