#!/usr/bin/env python3
"""Score `timeline extract` on the held-out events gold (tests/gold/events-heldout.yaml).

usage: python bench/eval_events_gold.py [--gold tests/gold/events-heldout.yaml] [-v]

The gold's articles are written to a JSONL corpus (id, published, publisher, text) and extracted with
`timeline extract CORPUS --json`. Measures (each a figure of the gold named in its header):
- events found: gold events with an extracted event of the same date that cites a sentence overlapping one of
  the gold's quotes for it (by character offsets in the same article);
- merged: gold events reported by two or more articles for which one extracted event cites two or more of
  those articles at their gold quotes (any date: merging is what is measured);
- precision: extracted events that match a gold or optional event (same date, overlapping quote), of all;
- disputes: gold disputes found as a dispute of the same kind whose claims hold both values.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
Span = tuple[str, int, int]  # article id, start, end


def gold_spans(gold: dict, event: dict) -> list[Span]:
    """Each quote of a gold event as (article, start, end) in its article's text."""
    texts = {d["id"]: d["text"] for d in gold["documents"]}
    spans = []
    for doc, quote in event["quotes"]:
        at = texts[doc].find(quote)
        if at < 0:
            raise SystemExit(f"gold: {quote!r} is not in {doc}")
        spans.append((doc, at, at + len(quote)))
    return spans


def extract(gold: dict) -> dict:
    """`timeline extract` on the gold's articles, as its JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for d in gold["documents"]:
                row = {"id": d["id"], "published": d["published"], "publisher": d["publisher"], "text": d["text"]}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        timeline = Path(sys.executable).with_name("timeline")
        done = subprocess.run([str(timeline), "extract", str(corpus), "--json", "--quiet"],
                              capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def cited(event: dict) -> list[Span]:
    return [(c["source"], c["offset"], c["offset"] + len(c["quote"])) for c in event["citations"]]


def overlaps(spans: list[Span], gold: list[Span]) -> set[str]:
    """The articles where a span overlaps a gold span."""
    return {a for a, s, e in spans for b, gs, ge in gold if a == b and s < ge and gs < e}


def score(gold: dict, pred: dict, verbose: bool) -> dict[str, tuple[int, int]]:
    events, optional = gold["events"], gold.get("optional", [])
    spans = {e["id"]: gold_spans(gold, e) for e in events + optional}
    found = [e for e in events if any(p["date"] == e["date"] and overlaps(cited(p), spans[e["id"]]) for p in pred["events"])]
    several = [e for e in events if len({d for d, _ in e["quotes"]}) >= 2]
    merged = [e for e in several if any(len(overlaps(cited(p), spans[e["id"]])) >= 2 for p in pred["events"])]
    right = [p for p in pred["events"]
             if any(p["date"] == e["date"] and overlaps(cited(p), spans[e["id"]]) for e in events + optional)]
    disputes = [d for d in gold.get("disputes", []) if _dispute_found(d, pred)]
    if verbose:
        for e in events:
            mark = "found " if e in found else "MISSED"
            print(f"  {mark} {e['date']:<11} {e['id']}")
            for p in pred["events"]:
                if overlaps(cited(p), spans[e["id"]]):
                    print(f"           extracted {p['date']:<11} {sorted(overlaps(cited(p), spans[e['id']]))} {p['title'][:70]!r}")
        for p in pred["events"]:
            if p not in right:
                print(f"  EXTRA  {p['date']:<11} {p['title'][:80]!r}")
    return {"events found": (len(found), len(events)), "reported by several articles, merged": (len(merged), len(several)),
            "extracted events right (precision)": (len(right), len(pred["events"])),
            "disputes found": (len(disputes), len(gold.get("disputes", [])))}


def _dispute_found(dispute: dict, pred: dict) -> bool:
    for p in pred["events"]:
        for d in p.get("disputes", []):
            values = {str(c["value"]) for c in d["claims"] if c.get("citations")}
            if d["about"] == dispute["about"] and set(dispute["values"]) <= values:
                return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "events-heldout.yaml")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    results = score(gold, extract(gold), args.verbose)
    print(f"{args.gold.name}: {len(gold['documents'])} articles")
    for name, (hit, total) in results.items():
        print(f"  {name}: {hit} / {total}")


if __name__ == "__main__":
    main()
