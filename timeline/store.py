"""Read events.yaml safely, with line numbers for every problem, and validate it into a Store."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from timeline.errors import Problem, StoreError
from timeline.schema import Store

MAX_BYTES = 64 * 1024 * 1024
Loc = tuple[Any, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and refuses aliases (no 'billion laughs')."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in an event store; write the value out", mark)
        return super().compose_node(parent, index)


# Dates stay text ("2015-05-09", not a datetime.date); EDTF validation decides what they mean.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """A parsed YAML file: plain data plus the line where each value starts."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int | None:
        """Line of the value at loc, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)


def read_yaml(path: Path | str) -> Document:
    """Parse a YAML file with safe_load semantics; raise StoreError with file:line on any problem."""
    path = Path(path)
    text = _read_text(path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise StoreError(_syntax_problem(path, exc)) from None
    except yaml.YAMLError as exc:
        raise StoreError(Problem(f"not valid YAML: {exc}", str(path))) from None
    doc = Document(path, None)
    if node is None:
        return doc
    problems: list[Problem] = []
    doc.data = _construct(node, (), doc, problems)
    if problems:
        raise StoreError(problems)
    return doc


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise StoreError.at(f"is {size // 2**20} MiB; an event store is limited to 64 MiB", path)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreError.at("file not found; create it or pass the path of your events.yaml", path) from None
    except IsADirectoryError:
        raise StoreError.at("is a directory; pass the path of an events.yaml file", path) from None
    except OSError as exc:
        raise StoreError.at(f"cannot read: {exc.strerror}", path) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return _raise_encoding(path, line, raw[exc.start])
    return text.removeprefix("\ufeff")


def _raise_encoding(path: Path, line: int, byte: int) -> str:
    raise StoreError.at(f"byte 0x{byte:02x} is not UTF-8; save the file as UTF-8", path, line)


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    what = exc.problem or str(exc)
    if "\\t" in what or "tab" in what:
        what += " (indent with spaces, not tabs)"
    context = f" {exc.context}" if exc.context else ""
    return Problem(f"YAML syntax error:{context} {what}".replace("  ", " "), str(path), line)


def _construct(node: yaml.Node, loc: Loc, doc: Document, problems: list[Problem]) -> Any:
    doc.lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _construct_mapping(node, loc, doc, problems)
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, (*loc, i), doc, problems) for i, child in enumerate(node.value)]
    return _Loader(" ").construct_object(node)  # a scalar: resolved type, dates kept as text


def _construct_mapping(node: yaml.MappingNode, loc: Loc, doc: Document, problems: list[Problem]) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    seen: dict[Any, int] = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            problems.append(Problem("merge keys (<<) are not allowed; write the keys out", str(doc.path), key_node.start_mark.line + 1))
            continue
        key = _construct(key_node, (*loc, "__key__"), doc, problems)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            problems.append(Problem("a mapping key must be plain text", str(doc.path), line))
            continue
        if key in seen:
            problems.append(Problem(f"duplicate key {key!r} (first at line {seen[key]}); keep one", str(doc.path), line))
            continue
        seen[key] = line
        result[key] = _construct(value_node, (*loc, key), doc, problems)
        doc.lines[(*loc, key)] = line
    return result




def load_store(path: Path | str) -> tuple[Store, Document]:
    """Read and validate events.yaml; raise StoreError listing every problem with its line."""
    doc = read_yaml(path)
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        raise StoreError.at("the top level must be a mapping with title, sources, lanes, eras and events", doc.path, 1)
    problems = cross_check(doc)
    try:
        store = Store.model_validate(doc.data)
    except ValidationError as exc:
        problems = [_validation_problem(doc, err) for err in exc.errors()] + problems
    if problems:
        raise StoreError(sorted(problems, key=lambda p: p.line or 0))
    return store, doc


def _validation_problem(doc: Document, err: Any) -> Problem:
    loc = tuple(err["loc"])
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        message = f"unknown key {loc[-1]!r}; check its spelling (see the events.yaml format in README.md)"
    elif err["type"] == "missing":
        message = f"missing required key {loc[-1]!r}"
    return Problem(f"{_describe(doc, loc)}: {message}", str(doc.path), doc.line(loc))


def _describe(doc: Document, loc: Loc) -> str:
    """'event 'peace-accord' date' rather than 'events.0.date'."""
    if len(loc) >= 2 and loc[0] in ("events", "sources", "lanes", "eras") and isinstance(loc[1], int):
        item = doc.data[loc[0]][loc[1]] if isinstance(doc.data.get(loc[0]), list) else None
        name = item.get("id") if isinstance(item, dict) else None
        label = f"{loc[0][:-1]} {name!r}" if name else f"{loc[0][:-1]} #{loc[1] + 1}"
        rest = ".".join(str(part) for part in loc[2:])
        return f"{label} {rest}".strip()
    return ".".join(str(part) for part in loc) or "top level"


def _event_id(doc: Document, loc: Loc) -> str | None:
    if len(loc) >= 2 and loc[0] == "events" and isinstance(loc[1], int):
        event = doc.data["events"][loc[1]]
        return event.get("id") if isinstance(event, dict) else None
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
                message = f"duplicate {kind[:-1]} id {ident!r} (first at line {doc.line((kind, first[ident], 'id'))}); ids must be unique"
                problems.append(_at(doc, (kind, i, "id"), message))
            first.setdefault(ident, i)
    sources = {s.get("id") for s in _items(data, "sources")}
    lanes = {lane.get("id") for lane in _items(data, "lanes")} - {None}
    for kind in ("events", "eras"):
        for i, item in enumerate(_items(data, kind)):
            lane = item.get("lane")
            if kind == "events" and lane and lanes and lane not in lanes:
                problems.append(_at(doc, (kind, i, "lane"), f"unknown lane {lane!r}; add it under lanes or use one of: {', '.join(sorted(map(str, lanes)))}"))
            for loc, citation in _raw_citations(item, (kind, i)):
                source = citation.get("source")
                if isinstance(source, str) and source not in sources:
                    problems.append(_at(doc, (*loc, "source"), f"unknown source {source!r}; register it under sources"))
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
