#!/usr/bin/env python3
"""What `timeline extract sources/*.txt` (no metadata) saves the editor of the example store.

usage: python bench/eval_example.py [--json PRED.json] [--top 30] [-v]

Development figures on the example articles (sources/*.txt) against the curated events.yaml:
(a) curated events recovered: an extracted event with the same date and a citation whose quote
    overlaps (by character offsets in the same file) a quote the editor cited for that event;
(b) extracted events cited by two or more articles (an article is the store's source: a file, or a
    segment of a file holding several articles);
(c) disputes found, and which of the editor's four (IS recruits figure, peace-accord date, Rahmon's
    first year in power, civil-war deaths) are among them with both sides cited;
(d) rank (by importance) and title of the design card's four events.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DESIGN_CARD = ("peace-accord-signed", "irpt-banned-by-supreme-court", "amnesty-offer-announced", "repatriation-announced")
# The editor's four disputes, each as (label, words that a side's quote holds, the two sides' values).
EDITOR_DISPUTES = (
    ("Tajiks who joined IS (figure)", ("tajik",), None),
    ("peace accord: 1997-06 or 1996-12 (date)", ("accord", "agreement", "peace"), ("1997-06", "1996-12")),
    ("Rahmon in power since 1992 or 1994 (date)", ("rahmon",), ("1992", "1994")),
    ("civil-war deaths: 157,000 or 100,000 (figure)", ("killed", "died", "dead", "death", "lives"), ("157,000", "100,000")),
)


def run_extract(out: Path) -> None:
    timeline = Path(sys.executable).with_name("timeline")
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "sources").glob("*.txt"))
    with open(out, "w", encoding="utf-8") as handle:
        subprocess.run([str(timeline), "extract", *files, "--json", "--quiet"], stdout=handle, check=True, cwd=ROOT)


class Articles:
    """The curated store's articles: (file, segment) -> article id, to name the article of a citation."""

    def __init__(self, store: dict) -> None:
        self.spans = [(s["file"], *(s.get("segment") or (0, 1 << 40)), s["id"]) for s in store["sources"]]
        self.files = {s["id"]: s["file"] for s in store["sources"]}

    def of(self, path: str, offset: int) -> str:
        path = str(Path(path).resolve().relative_to(ROOT)) if Path(path).is_absolute() else path
        for file, start, end, ident in self.spans:
            if file == path and start <= offset < end:
                return ident
        return f"{path}@?"


def citation_spans(pred: dict, articles: Articles) -> list[list[tuple[str, int, int, str]]]:
    """Per extracted event, its citations as (file, start, end, article)."""
    paths = {s["id"]: s["path"] for s in pred["sources"]}
    out = []
    for event in pred["events"]:
        spans = []
        for c in event["citations"]:
            path = paths[c["source"]]
            path = str(Path(path).resolve().relative_to(ROOT))
            spans.append((path, c["offset"], c["offset"] + len(c["quote"]), articles.of(path, c["offset"])))
        out.append(spans)
    return out


def recovered(store: dict, pred: dict, spans: list, articles: Articles, qualified: bool = True) -> tuple[list[str], list[str]]:
    """Curated events with an extracted event of the same date and an overlapping quote (qualified=False: the
    editor's '?' and '~' on a date set aside, '2015-11-29?' taken as '2015-11-29')."""
    found, missed = [], []
    for event in store["events"]:
        gold = [(articles.files[c["source"]], c["offset"], c["offset"] + len(c["quote"])) for c in event["citations"]]
        date = event["date"] if qualified else event["date"].replace("?", "").replace("~", "")
        hit = any(e["date"] == date and any(f == g and s < ge and gs < en for f, s, en, _ in sp for g, gs, ge in gold)
                  for e, sp in zip(pred["events"], spans))
        (found if hit else missed).append(event["id"])
    return found, missed


def dispute_hits(pred: dict) -> list[tuple[str, str | None]]:
    """Each editor dispute with the id of an extracted event whose dispute matches it (None: not found)."""
    out = []
    for label, words, values in EDITOR_DISPUTES:
        hit = None
        for event in pred["events"]:
            for d in event.get("disputes", []):
                claims = d["claims"]
                if len(claims) < 2 or not all(c["citations"] for c in claims):
                    continue
                text = " ".join(c["quote"].lower() for cl in claims for c in cl["citations"])
                got = {str(c["value"]) for c in claims}
                if any(w in text for w in words) and (values is None and d["about"] == "figure" or values and set(values) <= got):
                    hit = hit or event["id"]
        out.append((label, hit))
    return out


def design_card(store: dict, pred: dict, spans: list, articles: Articles) -> list[tuple[str, int | None, str]]:
    ranked = sorted(range(len(pred["events"])), key=lambda i: -pred["events"][i]["importance"])
    rank_of = {i: r + 1 for r, i in enumerate(ranked)}
    curated = {e["id"]: e for e in store["events"]}
    rows = []
    for ident in DESIGN_CARD:
        event = curated[ident]
        gold = [(articles.files[c["source"]], c["offset"], c["offset"] + len(c["quote"])) for c in event["citations"]]
        best = None
        for i, (e, sp) in enumerate(zip(pred["events"], spans)):
            if e["date"] == event["date"] and any(f == g and s < ge and gs < en for f, s, en, _ in sp for g, gs, ge in gold):
                if best is None or rank_of[i] < rank_of[best]:
                    best = i
        rows.append((ident, rank_of[best] if best is not None else None, pred["events"][best]["title"] if best is not None else "-"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="score this extraction instead of running timeline extract")
    parser.add_argument("--top", type=int, default=30, help="print the titles of the top N events")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    store = yaml.safe_load((ROOT / "events.yaml").read_text(encoding="utf-8"))
    pred_path = Path(args.json) if args.json else Path("/tmp") / f"eval_example_{Path(ROOT).name}.json"
    if not args.json:
        run_extract(pred_path)
    pred = json.loads(pred_path.read_text(encoding="utf-8"))
    articles = Articles(store)
    spans = citation_spans(pred, articles)
    found, missed = recovered(store, pred, spans, articles)
    multi = [e for e, sp in zip(pred["events"], spans) if len({a for *_, a in sp}) >= 2]
    disputes = [e for e in pred["events"] if e.get("disputes")]
    print("development figures, example articles (sources/*.txt, no metadata) vs events.yaml")
    print(f"events extracted: {len(pred['events'])}")
    print(f"(a) curated events recovered (same date, overlapping quote): {len(found)} / {len(store['events'])}")
    loose = len(recovered(store, pred, spans, articles, qualified=False)[0])
    print(f"    the same with the editor's '?' and '~' set aside: {loose} / {len(store['events'])}")
    print(f"(b) events cited by two or more articles: {len(multi)}")
    print(f"(c) events with a dispute: {len(disputes)}")
    for label, hit in dispute_hits(pred):
        print(f"    {'FOUND' if hit else 'missed'}: {label}{'  <- ' + hit if hit else ''}")
    print("(d) design card events: rank / title")
    for ident, rank, title in design_card(store, pred, spans, articles):
        print(f"    {ident:<32} {rank if rank else '-':>4}  {title}")
    if args.verbose:
        print("missed:", ", ".join(missed))
        for e in disputes:
            print("  dispute:", e["date"], e["title"], [(d["about"], [c["value"] for c in d["claims"]]) for d in e["disputes"]])
        for e, sp in zip(pred["events"], spans):
            if len({a for *_, a in sp}) >= 2:
                print("  multi:", e["date"], e["title"], sorted({a for *_, a in sp}))
    if args.top:
        print(f"top {args.top} by importance:")
        for e in sorted(pred["events"], key=lambda e: -e["importance"])[: args.top]:
            print(f"    {e['importance']:>6.3f} {e['date']:<12} {e['title']}")


if __name__ == "__main__":
    main()
