"""`timeline dates`: the JSON contract our evaluations rely on, exact offsets, --published, --jobs, bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from timeline.cli import cli

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "sources"
PAGE = """<html><head><title>Haiti</title></head><body>
<h1>Quake</h1><p>The earthquake struck on 12 <b>January</b> 2010. In <b>2009</b> the island was calm; by 2011 it was rebuilding.</p>
</body></html>
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["dates", *args])


def as_json(result: Result) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "c.jsonl"
    records = [
        {"id": "a", "published": "2015-06-05", "text": "On 9 May 2015 the amnesty began. In 2014 nobody came back."},
        {"id": "b", "published": "2010-01-13", "text": "Haiti was hit in January 2010, after storms in 2008.", "title": "Haiti"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_json_contract_and_exact_offsets_for_txt_html_and_jsonl(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    txt = SOURCES / "vice-amnesty-for-repentance.txt"
    jsonl = corpus(tmp_path)
    result = run(str(txt), str(page), str(jsonl), "--json")
    assert result.exit_code == 0, result.stderr
    data = as_json(result)
    assert list(data) == ["sources", "dates"]
    for source in data["sources"]:
        assert {"id", "path", "published", "published_basis"} <= set(source)
        assert source["published_basis"] in ("stated", "inferred")
    ids = [s["id"] for s in data["sources"]]
    assert ids == ["vice-amnesty-for-repentance", "page", "a", "b"]
    texts = {"vice-amnesty-for-repentance": txt.read_text(encoding="utf-8"), "page": page.read_text(encoding="utf-8")}
    texts.update({json.loads(line)["id"]: json.loads(line)["text"] for line in jsonl.read_text(encoding="utf-8").splitlines()})
    assert {d["source"] for d in data["dates"]} == set(ids)
    assert {"source": "page", "text": "12 <b>January</b> 2010", "offset": PAGE.index("12 <b>"), "value": "2010-01-12"} in data["dates"]
    for date in data["dates"]:
        assert set(date) == {"source", "text", "offset", "value"}
        assert texts[date["source"]][date["offset"] : date["offset"] + len(date["text"])] == date["text"]
        assert isinstance(date["value"], str) and date["value"]


def test_example_sources_reference_dates(tmp_path: Path) -> None:
    data = as_json(run(str(SOURCES), "--json", "--quiet"))
    by_id = {s["id"]: s for s in data["sources"]}
    assert len(by_id) == 10 and sum(i.startswith("isis-tag-archive-") for i in by_id) == 6
    assert (by_id["vice-amnesty-for-repentance"]["published"], by_id["vice-amnesty-for-repentance"]["published_basis"]) == ("2015-06-05", "stated")
    assert by_id["isis-tag-archive-5"]["published"] == "2017-03-12"
    assert by_id["isis-tag-archive-6"]["segment"][1] <= len((SOURCES / "isis-tag-archive.txt").read_text(encoding="utf-8"))
    assert by_id["rferl-return-and-repent"]["published_basis"] == "inferred"
    assert by_id["rferl-return-and-repent"]["published_note"]


def test_published_overrides_every_reference_date(tmp_path: Path) -> None:
    data = as_json(run(str(SOURCES / "vice-amnesty-for-repentance.txt"), str(corpus(tmp_path)), "--published", "2016-02", "--json"))
    assert {(s["published"], s["published_basis"]) for s in data["sources"]} == {("2016-02", "stated")}


def test_jobs_2_prints_exactly_what_jobs_1_prints(tmp_path: Path) -> None:
    args = [str(SOURCES), str(corpus(tmp_path)), "--json", "--quiet"]
    one, two = run(*args), run(*args, "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_table_lists_each_source_and_its_dates(tmp_path: Path) -> None:
    result = run(str(corpus(tmp_path)))
    assert result.exit_code == 0
    assert "a  [" in result.stdout and "published 2015-06-05 (stated" in result.stdout and "2014" in result.stdout


def bad_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20)
    (folder / "latin.txt").write_bytes("caf\u00e9 opened on 9 May 2015".encode("latin-1"))
    (folder / "empty.md").write_bytes(b"")
    (folder / "good.txt").write_text("It happened in 2014.\n", encoding="utf-8")
    lines = ['{"id": "ok", "published": "2015", "text": "In 2013 it began."}', "{oops", '{"id": "nt", "published": "2015"}']
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_bad_input_is_named_the_rest_processed_and_exit_1(tmp_path: Path) -> None:
    folder = bad_inputs(tmp_path)
    result = run(str(folder), "--json")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert [s["id"] for s in as_json(result)["sources"]] == ["good", "ok"]
    err = result.stderr
    for expected in ("binary.txt: binary", "latin.txt: not UTF-8", "empty.md: empty file", "news.jsonl:2: not valid JSON", 'news.jsonl:3: article has no "text"'):
        assert expected in err, err
    assert "Traceback" not in err


def test_invalid_published_is_a_clear_error_exit_1_and_texts_dates_are_used(tmp_path: Path) -> None:
    result = run(str(corpus(tmp_path)), "--published", "sometime soon", "--json")  # 'June 2015' is read: see below
    assert result.exit_code == 1
    assert "--published" in result.stderr and "'sometime soon' is not" in result.stderr
    assert [s["published"] for s in as_json(result)["sources"]] == ["2015-06-05", "2010-01-13"]


def test_real_command_shows_no_traceback_for_bad_input(tmp_path: Path) -> None:
    folder = bad_inputs(tmp_path)
    timeline = str(Path(sys.executable).with_name("timeline"))
    proc = subprocess.run([timeline, "dates", str(folder), "--json", "--jobs", "2"], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "latin.txt" in proc.stderr and json.loads(proc.stdout)["sources"]


@pytest.mark.parametrize("args", [["--jobs", "0"], []])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_relative_dates_that_cannot_be_resolved_are_named_not_dropped(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("A short note.\nOfficials said yesterday that the bridge would reopen on Sunday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(source), "--json"])
    assert result.exit_code == 0
    assert [d["value"] for d in json.loads(result.stdout)["dates"]] == ["XXXX-XX-XX", "XXXX-XX-XX"]
    assert f"{source}:2: warning: 2 relative date(s) cannot be resolved, first 'yesterday'" in result.stderr
    assert "--published" in result.stderr


def test_a_script_the_engine_cannot_read_is_named_once(tmp_path):
    source = tmp_path / "th.txt"
    source.write_text("การประชุมจัดขึ้นที่กรุงเทพมหานครและมีผู้เข้าร่วมจำนวนมากจากหลายประเทศในภูมิภาค " * 3, encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(source)])
    assert result.exit_code == 0
    assert result.stderr.count(f"{source}:1: warning: written in a script whose dates cannot be read") == 1


def test_chinese_dates_are_read(tmp_path):
    source = tmp_path / "zh.txt"
    source.write_text("北京时间2015年5月9日，会议召开。这是一个很长的中文句子，用来测试语言检测。" * 3, encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(source), "--json"])
    assert result.exit_code == 0 and "cannot be read" not in result.stderr
    assert json.loads(result.stdout)["dates"][0]["value"] == "2015-05-09"


@pytest.mark.parametrize(("typed", "value"), [("June 5, 2015", "2015-06-05"), ("5 juin 2015", "2015-06-05"),
                                              ("May 2015", "2015-05"), ("2015", "2015"), ("9 мая 2015", "2015-05-09")])
def test_published_as_a_person_writes_it(tmp_path, typed, value):
    source = tmp_path / "note.txt"
    source.write_text("Officials said yesterday that the bridge had reopened.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(source), "--json", "--published", typed])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"][0]["published"] == value


def test_published_that_is_no_date_is_refused(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("Officials said yesterday that the bridge had reopened.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(source), "--published", "soonish"])
    assert result.exit_code == 1 and "--published" in result.stderr
