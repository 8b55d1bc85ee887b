"""events.schema.json: generated from the models, committed up to date, and it accepts what timeline accepts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import COMMANDS, cli
from timeline.jsonschema import MODELINE, is_current, schema_text, store_schema
from timeline.store import read_yaml

jsonschema = pytest.importorskip("jsonschema")
REPO = Path(__file__).resolve().parents[1]


def validator() -> "jsonschema.Draft202012Validator":
    schema = store_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(data: object) -> list[str]:
    return [f"{'.'.join(map(str, e.path))}: {e.message}" for e in validator().iter_errors(data)]


def test_committed_schema_is_up_to_date():
    assert is_current(REPO / "events.schema.json"), "run `timeline schema` at the repository root and commit events.schema.json"


def test_shipped_events_yaml_validates_and_references_the_schema():
    store = REPO / "events.yaml"
    if not store.exists():
        pytest.skip("no events.yaml at the repository root")
    assert errors(read_yaml(store).data) == []
    assert store.read_text(encoding="utf-8").startswith(MODELINE)


def test_curate_fixture_validates(roots):
    assert errors(read_yaml(roots / "curate-basic" / "events.yaml").data) == []


@pytest.mark.parametrize("change, message", [
    (lambda d: d["events"][0].update(status="done"), "'done' is not one of ['candidate', 'reviewed']"),
    (lambda d: d["events"][0].update(titel="x"), "Additional properties are not allowed ('titel' was unexpected)"),
    (lambda d: d["events"][0].pop("citations"), "'citations' is a required property"),
    (lambda d: d["events"][0].update(id="Not A Slug"), "does not match"),
    (lambda d: d["events"][0]["citations"][0].update(offset=-1), "-1 is less than the minimum of 0"),
])
def test_schema_catches_what_the_models_refuse(roots, change, message):
    data = read_yaml(roots / "curate-basic" / "events.yaml").data
    change(data)
    assert any(message in e for e in errors(data)), errors(data)


def test_plain_year_is_accepted_as_yaml_1_2_reads_it():
    data = {"events": [{"id": "a", "date": 1997, "title": "t", "citations": [{"source": "s", "quote": "q", "offset": 0}]}]}
    assert errors(data) == []


def test_schema_command_writes_and_checks(tmp_path, monkeypatch):
    monkeypatch.setitem(COMMANDS, "schema", "timeline.cli.schema:schema")
    target = tmp_path / "events.schema.json"
    runner = CliRunner()
    assert runner.invoke(cli, ["schema", "--check", "-o", str(target)]).exit_code == 1
    assert runner.invoke(cli, ["schema", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(schema_text())
    result = runner.invoke(cli, ["schema", "--check", "-o", str(target)])
    assert result.exit_code == 0 and "up to date" in result.output
