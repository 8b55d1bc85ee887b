"""A store the tool creates (`extract --into` a new file) starts with the schema line and quotes its dates, so
that its own output validates against its own schema (`timeline schema`) in a JSON Schema validator (ajv,
under YAML 1.1 and 1.2 readings alike); an existing store's dates are never restyled (issue 15, item 2)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline import curate
from timeline.cli import cli
from timeline.curate.editing import dump_model, edit_store
from timeline.jsonschema import MODELINE, schema_text
from timeline.store import load_store

REPO = Path(__file__).resolve().parent.parent
MODULES = REPO / "node_modules"
ARTICLE = "On 3 March 2001 the parliament of the republic adopted a new constitution.\n"
# Reads YAML as a YAML 1.1 reader (js-yaml, PyYAML) or a YAML 1.2 one (yaml-language-server) does, then validates.
AJV = """
const fs = require('fs');
const YAML = require('yaml');
const Ajv = require('ajv/dist/2020');
const [schema, store, version] = process.argv.slice(1);
const data = YAML.parse(fs.readFileSync(store, 'utf8'), {version});
const validate = new Ajv({strict: false, allErrors: true}).compile(JSON.parse(fs.readFileSync(schema, 'utf8')));
console.log(JSON.stringify(validate(data) ? [] : validate.errors.map(e => e.instancePath + ' ' + e.message)));
"""
needs_node = pytest.mark.skipif(not (MODULES / "ajv").exists() or not (MODULES / "yaml").exists() or not shutil.which("node"),
                                reason="ajv and yaml not installed (npm ci)")


def extract_into(tmp_path: Path) -> Path:
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "events.yaml"
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "new"), "--into", str(store), "--published", "2017-09-28"])
    assert result.exit_code == 0, result.output
    return store


def ajv_errors(schema: Path, store: Path, version: str) -> list[str]:
    out = subprocess.run(["node", "-e", AJV, str(schema), str(store), version], capture_output=True, text=True,
                         cwd=REPO, timeout=60, check=True)
    errors: list[str] = json.loads(out.stdout)
    return errors


def test_a_new_store_starts_with_the_schema_line_and_quotes_its_dates(tmp_path: Path) -> None:
    text = extract_into(tmp_path).read_text(encoding="utf-8")
    assert text.split("\n")[0] == MODELINE
    assert '  published: "2017-09-28"\n' in text and '  date: "2001-03-03"\n' in text
    assert "date: 2" not in text and "published: 2" not in text


@needs_node
@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_the_tools_own_new_store_validates_against_its_own_schema_in_ajv(tmp_path: Path, version: str) -> None:
    store = extract_into(tmp_path)
    schema = tmp_path / "events.schema.json"
    schema.write_text(schema_text(load_store(store)[0]), encoding="utf-8")
    assert ajv_errors(schema, store, version) == []


@needs_node
def test_ajv_under_yaml_1_1_refuses_a_plain_date(tmp_path: Path) -> None:
    """The check above can fail: unquoted, a date is a timestamp to a YAML 1.1 reader, not text."""
    store = extract_into(tmp_path)
    schema = tmp_path / "events.schema.json"
    schema.write_text(schema_text(load_store(store)[0]), encoding="utf-8")
    store.write_text(store.read_text(encoding="utf-8").replace('published: "2017-09-28"', "published: 2017-09-28"), encoding="utf-8")
    assert any("/sources/0/published" in e for e in ajv_errors(schema, store, "1.1"))


def test_an_existing_stores_plain_dates_stay_plain_and_new_ones_are_quoted(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("Alpha met in 1990.\n", encoding="utf-8")
    store = tmp_path / "events.yaml"
    store.write_text("title: T\nsources:\n  - id: a\n    file: sources/a.txt\n    published: 2016-01-02\n    published_basis: stated\nevents:\n"
                     "  - id: e0\n    date: 1990-05-01\n    title: Alpha\n    citations:\n      - source: a\n"
                     "        quote: Alpha met in 1990.\n        offset: 0\n", encoding="utf-8")
    curate.accept(store, "e0", title="Alpha meets")
    text = store.read_text(encoding="utf-8")
    assert "    published: 2016-01-02\n" in text and "    date: 1990-05-01\n" in text
    event = load_store(store)[0].events[0].model_copy(update={"id": "e1", "date": "1990-06-01"})
    edit_store(store, lambda _s, editor: editor.append(("events",), [dump_model(event)]))
    text = store.read_text(encoding="utf-8")
    assert "    date: 1990-05-01\n" in text and '    date: "1990-06-01"\n' in text
