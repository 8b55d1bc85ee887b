"""Validate a parsed events.yaml into a Store: schema problems and cross-references, each with its line."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from timeline.errors import Problem, StoreError, shown
from timeline.schema import Store
from timeline.bulk import bulk
from timeline.store.reading import MAX_PROBLEMS, Document, Loc, _capped, _kind, parse_yaml, read_yaml


def load_store(path: Path | str) -> tuple[Store, Document]:
    """Read and validate events.yaml; raise StoreError listing every problem with its line."""
    return validate(read_yaml(path))


def load_text(path: Path | str, text: str, outline: bool = False) -> tuple[Store, Document]:
    """Validate text as the contents of path (an edit's result, before it is written); outline as parse_yaml."""
    return validate(parse_yaml(Path(path), text.removeprefix("\ufeff"), outline))


def validate(doc: Document) -> tuple[Store, Document]:
    """A parsed store validated; raise StoreError listing every problem with its line."""
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        raise StoreError.at("the top level must be a mapping with title, sources, lanes, eras and events", doc.path, 1)
    problems = cross_check(doc)
    total = len(problems)
    try:
        with bulk():
            store = Store.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        total += len(errors)
        problems = [_validation_problem(doc, err) for err in errors[: 2 * MAX_PROBLEMS]] + problems
    if problems:
        raise StoreError(_capped(sorted(problems, key=lambda p: p.line or 0), total, doc.path))
    return store, doc


def _validation_problem(doc: Document, err: Any) -> Problem:
    loc = tuple(err["loc"])
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        message = f"unknown key {shown(loc[-1])}; check its spelling (see the events.yaml format in README.md)"
    elif err["type"] == "missing":
        message = f"missing required key {shown(loc[-1])}"
    elif err["type"] in _WANTED:
        message = f"expected {_WANTED[err['type']]}, found {_kind(err.get('input'))}"
        if err["type"] == "string_type" and not isinstance(err.get("input"), (list, dict)):
            message += "; put the value in quotes"
    return Problem(f"{_describe(doc, loc)}: {message}", str(doc.path), doc.line(loc))


_WANTED = {
    "string_type": "text", "list_type": "a list (lines starting with '- ')", "int_type": "a whole number",
    "float_type": "a number", "model_type": "a mapping (key: value lines)", "dict_type": "a mapping (key: value lines)",
    "tuple_type": "a list", "bool_type": "true or false",
}


def _describe(doc: Document, loc: Loc) -> str:
    """'event 'peace-accord' date' rather than 'events.0.date'."""
    if len(loc) >= 2 and loc[0] in ("events", "sources", "lanes", "eras") and isinstance(loc[1], int):
        item = doc.data[loc[0]][loc[1]] if isinstance(doc.data.get(loc[0]), list) else None
        name = item.get("id") if isinstance(item, dict) else None
        name = name if isinstance(name, str) and len(name) <= 120 else None
        label = f"{loc[0][:-1]} {name!r}" if name else f"{loc[0][:-1]} #{loc[1] + 1}"
        rest = ".".join(str(part) for part in loc[2:])
        return f"{label} {rest}".strip()
    return ".".join(str(part) for part in loc) or "top level"


def _event_id(doc: Document, loc: Loc) -> str | None:
    if len(loc) >= 2 and loc[0] == "events" and isinstance(loc[1], int):
        event = doc.data["events"][loc[1]]
        ident = event.get("id") if isinstance(event, dict) else None
        return ident if isinstance(ident, str) else None
    return None


def cross_check(doc: Document) -> list[Problem]:
    """References between parts of the store: unique ids, known sources and lanes (on the raw data, so
    these are reported together with schema problems)."""
    data = doc.data
    problems = []
    for kind in ("sources", "lanes", "eras", "events"):
        first: dict[str, int] = {}
        for i, item in enumerate(_items(data, kind)):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in first:
                message = f"duplicate {kind[:-1]} id {shown(ident)} (first at line {doc.line((kind, first[ident], 'id'))}); ids must be unique"
                problems.append(_at(doc, (kind, i, "id"), message))
            first.setdefault(ident, i)
    sources = {s.get("id") for s in _items(data, "sources") if isinstance(s.get("id"), str)}
    lanes = {lane.get("id") for lane in _items(data, "lanes") if isinstance(lane.get("id"), str)}
    for kind in ("events", "eras"):
        for i, item in enumerate(_items(data, kind)):
            lane = item.get("lane")
            if kind == "events" and isinstance(lane, str) and lanes and lane not in lanes:
                problems.append(_at(doc, (kind, i, "lane"), f"unknown lane {shown(lane)}; add it under lanes or use one of: {', '.join(sorted(map(str, lanes)))}"))
            for loc, citation in _raw_citations(item, (kind, i)):
                source = citation.get("source")
                if isinstance(source, str) and source not in sources:
                    problems.append(_at(doc, (*loc, "source"), f"unknown source {shown(source)}; register it under sources"))
    return problems


def _items(data: Any, kind: str) -> list[dict[str, Any]]:
    items = data.get(kind) if isinstance(data, dict) else None
    return [item if isinstance(item, dict) else {} for item in items] if isinstance(items, list) else []


def _raw_citations(item: dict[str, Any], loc: Loc) -> list[tuple[Loc, dict[str, Any]]]:
    found = [((*loc, "citations", k), c) for k, c in enumerate(_list(item.get("citations"))) if isinstance(c, dict)]
    for d, dispute in enumerate(_list(item.get("disputes"))):
        claims = _list(dispute.get("claims")) if isinstance(dispute, dict) else []
        for c, claim in enumerate(claims):
            cits = _list(claim.get("citations")) if isinstance(claim, dict) else []
            found += [((*loc, "disputes", d, "claims", c, "citations", k), cit) for k, cit in enumerate(cits) if isinstance(cit, dict)]
    return found


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def citations_of(item: Any, loc: Loc) -> list[tuple[Loc, Any]]:
    """Every citation of an event or era, with its location in the file (including dispute sides)."""
    found = [((*loc, "citations", k), c) for k, c in enumerate(item.citations)]
    for d, dispute in enumerate(getattr(item, "disputes", [])):
        for c, claim in enumerate(dispute.claims):
            found += [((*loc, "disputes", d, "claims", c, "citations", k), cit) for k, cit in enumerate(claim.citations)]
    return found


def _at(doc: Document, loc: Loc, message: str) -> Problem:
    return Problem(message, str(doc.path), doc.line(loc), _event_id(doc, loc))
