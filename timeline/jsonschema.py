"""JSON Schema of events.yaml, generated from the pydantic models, for editors (VS Code's YAML extension).

Put this first line in events.yaml to get completion, hover docs and validation while typing:

    # yaml-language-server: $schema=./events.schema.json

The schema describes the file as a YAML 1.2 editor reads it: a year written plainly (`date: 1997`) is a
number there, so fields the store reads as text also accept integers, as timeline itself does.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from timeline.schema import Store

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILENAME = "events.schema.json"
MODELINE = f"# yaml-language-server: $schema=./{FILENAME}"


class _Generator(GenerateJsonSchema):
    """Text fields read through a before-validator (dates, titles...) also accept a plain YAML number."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        result = super().function_before_schema(schema)
        if result.get("type") == "string":
            result = {**result, "type": ["string", "integer"]}
        return result


def store_schema(store: Store | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the whole events file; given a store, lane and source ids are
    listed as the only values allowed, so an editor completes them and flags a misspelt one."""
    schema = Store.model_json_schema(mode="validation", schema_generator=_Generator)
    if store is not None:
        _enumerate_ids(schema["$defs"], store)
    head = {
        "$schema": DIALECT,
        "$id": "https://annotated-timeline.invalid/events.schema.json",
        "title": "annotated-timeline event store (events.yaml)",
    }
    schema.pop("title", None)
    return {**head, **schema}


def _enumerate_ids(defs: dict[str, Any], store: Store) -> None:
    lanes = [lane.id for lane in store.lanes]
    lane = {"type": "string", "enum": lanes} if lanes else {"not": {}, "description": "add lanes first"}
    defs["Event"]["properties"]["lane"]["anyOf"] = [lane, {"type": "null"}]
    defs["Citation"]["properties"]["source"]["enum"] = [source.id for source in store.sources]


def schema_text(store: Store | None = None) -> str:
    """The schema as the committed file holds it: 2-space JSON, UTF-8, final newline."""
    return json.dumps(store_schema(store), indent=2, ensure_ascii=False) + "\n"


def is_current(path: Path | str, store: Store | None = None) -> bool:
    """True when the file at path holds exactly the schema of the current models (and store)."""
    try:
        return Path(path).read_text(encoding="utf-8") == schema_text(store)
    except FileNotFoundError:
        return False
