"""The date engine on the WikiWars development split (history narratives, no document dates): a regression
guard on the development figure, computed as bench/eval_wikiwars.py does (as `timeline dates` reads the
corpus). Skipped without ../shared."""
from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import load_script

REPO = Path(__file__).resolve().parents[1]
# Development figure reached on 2026-12-02 (value F1 0.801; HeidelTime narratives mode: 0.766 on the test
# split), minus 0.01.
MIN_VALUE_F1 = 0.801 - 0.01



def test_wikiwars_dev_value_f1(shared_dir: Path, tmp_path: Path) -> None:
    bench = load_script(REPO / "bench" / "eval_wikiwars.py", "eval_wikiwars")
    corpus = shared_dir / "corpus" / "wikiwars-dev"
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(bench.predict(bench.load_articles(corpus / "articles.jsonl"), "auto")), encoding="utf-8")
    summary = bench.score(corpus, pred, shared_dir).strip().splitlines()[-1]
    value_f1 = float(re.search(r"value_F1=([\d.]+)", summary).group(1))  # type: ignore[union-attr]
    assert value_f1 >= MIN_VALUE_F1, summary
