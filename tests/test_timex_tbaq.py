"""The date engine on TimeBank+AQUAINT (TempEval-3 training data): a regression guard on the scores.

Runs bench/eval_tbaq.py's steps in-process: ../shared/eval/tml_to_jsonl.py into a temporary directory, tag()
each article with its DCT as anchor, score with ../shared/eval/score_timexes.py. Skipped without ../shared.
"""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
# Reached on 2026-11-21 (see bench/eval_tbaq.py); a drop of more than 0.01 fails.
MIN_VALUE_F1 = 0.87 - 0.01
MIN_RELAXED_F1 = 0.97 - 0.01


def load(path: Path, name: str) -> ModuleType:
    """Import a script by path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tbaq_summary(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    """The scorer's summary figures for tag() on TBAQ."""
    out = tmp_path_factory.mktemp("tbaq")
    subprocess.run([sys.executable, str(shared_dir / "eval" / "tml_to_jsonl.py"),
                    str(shared_dir / "corpus" / "tbaq"), str(out)], check=True, capture_output=True)
    bench = load(REPO / "bench" / "eval_tbaq.py", "eval_tbaq")
    articles = bench.load_articles(out / "articles.jsonl")
    (out / "pred.json").write_text(json.dumps(bench.predict(articles)), encoding="utf-8")
    report = bench.score(out, out / "pred.json", shared_dir, verbose=False)
    summary = report.strip().splitlines()[-1]
    return {k: float(v) for k, v in re.findall(r"(\w+_(?:F1|acc))=([\d.]+)", summary)}


def test_tbaq_date_values(tbaq_summary: dict[str, float]) -> None:
    assert tbaq_summary["value_F1"] >= MIN_VALUE_F1, tbaq_summary


def test_tbaq_date_spans(tbaq_summary: dict[str, float]) -> None:
    assert tbaq_summary["relaxed_F1"] >= MIN_RELAXED_F1, tbaq_summary
