#!/usr/bin/env python3
"""Evaluate `timeline extract`: the example gold (score_dates.py) and the Timeline17 dev topics (score_t17.py).

usage: python bench/eval_extract.py [--shared ../shared] [--topics NAME ...] [--skip-dates] [--skip-t17] [--loto]

Prints one table: precision/recall/F1 on tests/gold/tajikistan-dates.yaml, then AR-1, AR-2 and Date-F1
per Timeline17 dev topic and their mean next to DATEWISE (0.199 / 0.073 / 0.705 on these topics).
A gold timeline with a malformed date line (MJ_bbc has '2011-04-0', which tilse reads as None and
then cannot sort) is scored on a temporary copy without that block; the table says so.
--loto: leave one topic out for the ranking weights (timeline/extract/rank.py: REFS_WEIGHT, CENTRAL_FLOOR,
and DATE_CENTRAL_WEIGHT, which orders an event's citations): each topic's mentions
are found once; for every setting of a small grid of weights each topic is scored; for each topic the
setting with the best mean AR-1 on the other topics is chosen, and the table shows that setting's
score on the fit set (the other topics' mean) and on the held-out topic.
Needs `pip install --no-deps tilse==0.2.1 numpy scipy nltk` for the Timeline17 part.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATEWISE = (0.199, 0.073, 0.705)
SEPARATOR = "-" * 32 + "\n"


def run_extract(paths: list[str], out: Path) -> None:
    """Run the command under test and write its JSON to `out`."""
    timeline = Path(sys.executable).with_name("timeline")
    cmd = [str(timeline), "extract", *paths, "--json", "--quiet"]
    with open(out, "w", encoding="utf-8") as handle:
        subprocess.run(cmd, stdout=handle, check=False, cwd=ROOT)


def score_dates(shared: Path, tmp: Path) -> str | None:
    """The example gold's summary line, or None when the gold is absent."""
    gold = ROOT / "tests" / "gold" / "tajikistan-dates.yaml"
    if not gold.exists():
        return None
    pred = tmp / "example.json"
    run_extract(["sources"], pred)
    result = subprocess.run([sys.executable, str(shared / "eval" / "score_dates.py"), str(pred), str(gold), str(ROOT / "sources")],
                            capture_output=True, text=True, check=False)
    lines = result.stdout.strip().splitlines()
    return "  ".join(lines[-2:]) if lines else result.stderr.strip()[-300:]


def clean_topic(topic: Path, tmp: Path) -> tuple[Path, bool]:
    """The topic dir, or a temporary copy whose gold timelines drop blocks with a malformed date line."""
    fixed = False
    copy = tmp / "t17" / topic.name
    (copy / "timelines").mkdir(parents=True, exist_ok=True)
    for gold in sorted((topic / "timelines").glob("*.txt")):
        blocks = gold.read_text(encoding="utf-8", errors="replace").split(SEPARATOR)
        keep = [b for b in blocks if not b.strip() or re.match(r"\d{4}-\d\d-\d\d\n", b)]
        fixed |= len(keep) != len(blocks)
        (copy / "timelines" / gold.name).write_text(SEPARATOR.join(keep), encoding="utf-8")
    return (copy if fixed else topic), fixed


def score_topic(topic: Path, shared: Path, tmp: Path) -> tuple[float, float, float, bool]:
    """AR-1, AR-2, Date-F1 of one topic (mean over its gold timelines)."""
    pred = tmp / f"{topic.name}.json"
    run_extract([str(topic / "articles.jsonl")], pred)
    scored, fixed = clean_topic(topic, tmp)
    result = subprocess.run([sys.executable, str(shared / "eval" / "score_t17.py"), str(scored), str(pred)],
                            capture_output=True, text=True, check=False)
    m = re.search(r"AR1=([\d.]+) AR2=([\d.]+) DateF1=([\d.]+)\s*$", result.stdout)
    if not m:
        raise SystemExit(f"score_t17.py failed on {topic.name}:\n{result.stderr[-2000:]}")
    return float(m[1]), float(m[2]), float(m[3]), fixed


# small on purpose: each setting costs one score_t17.py run per topic (about a minute each on this machine)
GRID = [dict(REFS_WEIGHT=r, CENTRAL_FLOOR=f, DATE_CENTRAL_WEIGHT=d)
        for d in (0.0, 0.5) for r, f in ((2.0, 0.05), (0.0, 0.05), (2.0, 0.5))]


def topic_mentions(topic: Path) -> tuple[list, list, None, list]:
    """A topic's candidate mentions and document words (found once, ranked many times)."""
    from timeline.extract.events import analyse_document
    from timeline.extract.pipeline import map_documents
    mentions, words, claims = [], [], []
    for _, found in map_documents(analyse_document, [topic / "articles.jsonl"], progress=False):
        mentions.extend(found.mentions)
        words.append(found.words)
        claims.extend(found.claims)
    return mentions, words, None, claims


def score_setting(topic: Path, found: tuple[list, list, None, list], setting: dict, shared: Path, tmp: Path) -> tuple[float, float, float]:
    """AR-1, AR-2, Date-F1 of one topic ranked with one weight setting."""
    import json
    from timeline.extract import events, rank
    saved = {k: getattr(rank, k) for k in setting}
    try:
        for k, v in setting.items():
            setattr(rank, k, v)
        records = events.build_records(*found)
    finally:
        for k, v in saved.items():
            setattr(rank, k, v)
    pred = tmp / f"{topic.name}-loto.json"
    pred.write_text(json.dumps({"sources": [], "events": records}), encoding="utf-8")
    scored, _ = clean_topic(topic, tmp)
    result = subprocess.run([sys.executable, str(shared / "eval" / "score_t17.py"), str(scored), str(pred)],
                            capture_output=True, text=True, check=False)
    m = re.search(r"AR1=([\d.]+) AR2=([\d.]+) DateF1=([\d.]+)\s*$", result.stdout)
    if not m:
        raise SystemExit(f"score_t17.py failed on {topic.name}:\n{result.stderr[-2000:]}")
    return float(m[1]), float(m[2]), float(m[3])


def leave_one_out(topics: list[Path], shared: Path, tmp: Path) -> None:
    """Fit the weights on all topics but one, score the one left out; print both."""
    table = {}
    for topic in topics:
        found = topic_mentions(topic)
        table[topic.name] = [score_setting(topic, found, s, shared, tmp) for s in GRID]
    print(f"{'held out':<16} {'setting':<34} {'fit AR-1':>8} {'AR-1':>6} {'AR-2':>6} {'Date-F1':>8}")
    rows = []
    for topic in topics:
        others = [t.name for t in topics if t is not topic]
        fit = [sum(table[o][i][0] for o in others) / len(others) for i in range(len(GRID))]
        best = max(range(len(GRID)), key=lambda i: (fit[i], -i))
        ar1, ar2, df1 = table[topic.name][best]
        rows.append((ar1, ar2, df1))
        setting = " ".join(f"{k}={v}" for k, v in GRID[best].items())
        print(f"{topic.name:<16} {setting:<34} {fit[best]:>8.3f} {ar1:>6.3f} {ar2:>6.3f} {df1:>8.3f}")
    mean = [sum(r[i] for r in rows) / len(rows) for i in range(3)]
    print(f"{'held-out mean':<16} {'':<34} {'':>8} {mean[0]:>6.3f} {mean[1]:>6.3f} {mean[2]:>8.3f}")
    print("every setting on every topic (AR-1 / AR-2 / Date-F1):")
    for i, setting in enumerate(GRID):
        cells = "  ".join(f"{t.name[:10]} {'/'.join(f'{x:.3f}' for x in table[t.name][i])}" for t in topics)
        print("  " + " ".join(f"{k}={v}" for k, v in setting.items()) + ":  " + cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--topics", nargs="*")
    parser.add_argument("--skip-dates", action="store_true")
    parser.add_argument("--skip-t17", action="store_true")
    parser.add_argument("--loto", action="store_true", help="leave one topic out for the ranking weights")
    args = parser.parse_args()
    shared = Path(args.shared)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if not args.skip_dates:
            line = score_dates(shared, tmp)
            print(f"example gold: {line or 'tests/gold/tajikistan-dates.yaml absent'}")
        if args.skip_t17:
            return
        topics = sorted(p for p in (shared / "corpus" / "t17-dev").iterdir() if p.is_dir())
        if args.topics:
            topics = [t for t in topics if t.name in args.topics]
        if args.loto:
            leave_one_out(topics, shared, tmp)
            return
        rows = []
        print(f"{'topic':<16} {'AR-1':>6} {'AR-2':>6} {'Date-F1':>8}")
        for topic in topics:
            ar1, ar2, df1, fixed = score_topic(topic, shared, tmp)
            rows.append((ar1, ar2, df1))
            note = "  (gold block with malformed date dropped)" if fixed else ""
            print(f"{topic.name:<16} {ar1:>6.3f} {ar2:>6.3f} {df1:>8.3f}{note}")
        if rows:
            mean = [sum(r[i] for r in rows) / len(rows) for i in range(3)]
            print(f"{'mean':<16} {mean[0]:>6.3f} {mean[1]:>6.3f} {mean[2]:>8.3f}")
            print(f"{'DATEWISE':<16} {DATEWISE[0]:>6.3f} {DATEWISE[1]:>6.3f} {DATEWISE[2]:>8.3f}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
