"""Edit a hand-written YAML file by splicing text: every byte the edit does not touch stays as it was.

A round-trip *dumper* (ruamel.yaml) re-emits the whole file and so normalises what the editor wrote:
mixed sequence indentation, spacing before comments, and plain scalars folded over several lines all
change (see tests/test_curate.py). This module instead locates nodes with PyYAML's composer (the same
safe loader as timeline.store: no aliases) and replaces, inserts or deletes only the text of the nodes
an edit concerns. New text follows the file's own style: its sequence indentation, flow or block lists,
and the quoting of the value it replaces.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from timeline.errors import StoreError

Loc = tuple[Any, ...]
WIDTH = 10**9


class _Loader(yaml.SafeLoader):
    """Composes nodes with their positions; refuses aliases; dates stay text (as in timeline.store)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in an event store", mark)
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str
    seq: int


@dataclass
class Style:
    """How the file writes collections, learned from the file itself."""

    seq_offset: int = 0  # columns from a key to the dashes of its block sequence
    item_offset: int = 2  # columns from a dash to the item's content
    flow_scalar_lists: bool = True  # tags: [a, b] rather than a block list
    plain_dates: bool = True  # date: 2015-05-09 rather than date: '2015-05-09'
    quotes: dict[str, str | None] = field(default_factory=dict)  # key -> how the file mostly writes its values


class YamlEditor:
    """Collects edits against the original text of a YAML document, then applies them all at once."""

    def __init__(self, text: str, name: str = "events.yaml") -> None:
        self.text = text
        self.name = name
        try:
            self.root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            raise StoreError.at(f"cannot edit: {exc}", name) from None
        if self.root is None:
            self.root = yaml.MappingNode("tag:yaml.org,2002:map", [])
        if not isinstance(self.root, yaml.MappingNode):
            raise StoreError.at("the top level must be a mapping", name, 1)
        self.edits: list[_Edit] = []
        self.style = _learn_style(self.root, text)
        self.newline = "\r\n" if "\r\n" in text else "\n"

    # ----- navigation -----
    def node(self, loc: Loc) -> yaml.Node | None:
        """The node at loc (keys and list indices), or None."""
        node: yaml.Node | None = self.root
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                pair = _pair(node, part)
                node = pair[1] if pair else None
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
            else:
                return None
        return node

    def _mapping(self, loc: Loc) -> yaml.MappingNode:
        node = self.node(loc)
        if not isinstance(node, yaml.MappingNode):
            raise StoreError.at(f"cannot edit {_where(loc)}: not a mapping", self.name)
        if node.flow_style and loc:
            raise StoreError.at(f"cannot edit {_where(loc)}: it is written in flow style {{...}}; write it as a block mapping",
                                self.name, node.start_mark.line + 1)
        return node

    # ----- edits -----
    def set(self, loc: Loc, key: str, value: Any, before: tuple[str, ...] = ()) -> None:
        """Give key a value in the mapping at loc: replace the old value's text, or add the key.

        A new key goes before the first of `before` present, else after the mapping's last key.
        """
        node = self.node(loc)
        pair = _pair(node, key) if isinstance(node, yaml.MappingNode) else None
        if pair and isinstance(pair[1], yaml.ScalarNode) and pair[1].style not in ("|", ">") and _is_scalar(value):
            scalar = pair[1]  # a scalar is replaced in place, in block and flow mappings alike
            flow = isinstance(node, yaml.MappingNode) and bool(node.flow_style)
            self._add(scalar.start_mark.index, scalar.end_mark.index, self._scalar(value, key, scalar.style, flow=flow))
            return
        mapping = self._mapping(loc)
        if pair is None:
            self._insert_key(mapping, key, value, before)
            return
        key_node, old = pair
        self._replace_value(key_node, old, key, value)

    def delete_key(self, loc: Loc, key: str) -> None:
        """Remove key and its value from the mapping at loc."""
        mapping = self._mapping(loc)
        pair = _pair(mapping, key)
        if pair is None:
            return
        start = _line_start(self.text, pair[0].start_mark.index)
        self._add(start, self._after_content(pair[1]), "")

    def append(self, loc: Loc, items: list[Any]) -> None:
        """Add items at the end of the sequence at loc, creating the key if it is missing."""
        if not items:
            return
        *parent, key = loc
        mapping = self._mapping(tuple(parent))
        pair = _pair(mapping, key)
        if pair is None:
            self._insert_key(mapping, key, items, ())
            return
        key_node, seq = pair
        if not isinstance(seq, yaml.SequenceNode):
            raise StoreError.at(f"{_where(loc)} must be a list", self.name, seq.start_mark.line + 1)
        if seq.flow_style or not seq.value:
            data = _Loader(" ").construct_document(seq) if seq.value else []
            self._replace_value(key_node, seq, key, list(data) + items)
            return
        self._insert_items(seq, len(seq.value), items)

    def insert_after(self, loc: Loc, index: int, items: list[Any]) -> None:
        """Insert items right after item `index` of the block sequence at loc."""
        seq = self.node(loc)
        if not isinstance(seq, yaml.SequenceNode) or seq.flow_style:
            raise StoreError.at(f"{_where(loc)} must be a block list", self.name)
        self._insert_items(seq, index + 1, items)

    def remove(self, loc: Loc, indexes: list[int]) -> None:
        """Delete items of the sequence at loc; an emptied list becomes []."""
        *parent, key = loc
        mapping = self._mapping(tuple(parent))
        pair = _pair(mapping, key)
        if pair is None:
            return
        key_node, seq = pair
        assert isinstance(seq, yaml.SequenceNode)
        keep = [i for i in range(len(seq.value)) if i not in set(indexes)]
        if seq.flow_style or not keep:
            data = _Loader(" ").construct_document(seq)
            self._replace_value(key_node, seq, key, [data[i] for i in keep])
            return
        for i in sorted(set(indexes)):
            self._delete_item(seq, i)

    # ----- result -----
    def result(self) -> str:
        """The text with every edit applied."""
        text = self.text
        for edit in sorted(self.edits, key=lambda e: (e.start, e.seq), reverse=True):
            text = text[:edit.start] + edit.text + text[edit.end:]
        return text

    # ----- internals -----
    def _add(self, start: int, end: int, text: str) -> None:
        for other in self.edits:
            if start < other.end and other.start < end:
                raise StoreError.at("internal error: two edits overlap; edit one thing at a time", self.name)
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        self.edits.append(_Edit(start, end, text, len(self.edits)))

    def _after_content(self, node: yaml.Node) -> int:
        """Index just past the line holding the node's last character (its end-of-line comment included)."""
        return _after_line(self.text, _content_end(self.text, node))

    def _insert_point(self, index: int) -> tuple[int, str]:
        """Where to insert whole lines at a line end; a prefix newline when the file does not end with one."""
        if index >= len(self.text) and self.text and not self.text.endswith("\n"):
            return len(self.text), "\n"  # (made \r\n in a CRLF file by _add)
        return index, ""

    def _insert_items(self, seq: yaml.SequenceNode, position: int, items: list[Any]) -> None:
        first = seq.value[0]
        dash = _dash_index(self.text, first)
        dash_col = dash - _line_start(self.text, dash)
        offset = first.start_mark.column - dash_col if first.start_mark.line == _line_of(self.text, dash) else self.style.item_offset
        flow = isinstance(seq.value[-1], (yaml.MappingNode, yaml.SequenceNode)) and bool(seq.value[-1].flow_style)
        spaced = _blank_between(self.text, seq)
        lines: list[str] = []
        for item in items:
            lines += ([""] if spaced else []) + self._seq_lines([item], dash_col, offset, flow_items=flow)
        at, prefix = self._insert_point(self._after_content(seq.value[position - 1]))
        self._add(at, at, prefix + "".join(line + "\n" for line in lines))

    def _delete_item(self, seq: yaml.SequenceNode, i: int) -> None:
        item = seq.value[i]
        start = _line_start(self.text, _dash_index(self.text, item))
        end = self._after_content(item)
        if start >= 2 and self.text[start - 2:start] == "\n\n" or start == 0:
            while end < len(self.text) and self.text[end] == "\n":
                end += 1
        self._add(start, end, "")

    def _insert_key(self, mapping: yaml.MappingNode, key: str, value: Any, before: tuple[str, ...]) -> None:
        if not mapping.value:  # an empty document or {}
            column = 0
            at, prefix = self._insert_point(len(self.text))
        else:
            column = mapping.value[0][0].start_mark.column
            anchor = next((_pair(mapping, k) for k in before if _pair(mapping, k)), None)
            if anchor is not None:
                at, prefix = _line_start(self.text, anchor[0].start_mark.index), ""
            else:
                at, prefix = self._insert_point(self._after_content(mapping.value[-1][1]))
            if mapping is self.root and _spaced(self.text, [(v, k2) for (_k, v), (k2, _v) in zip(mapping.value, mapping.value[1:])]):
                prefix += "\n"  # top-level keys separated by blank lines: so is the new one
        lines = self._pair_lines(key, value, column)
        self._add(at, at, prefix + "".join(line + "\n" for line in lines))

    def _replace_value(self, key_node: yaml.Node, old: yaml.Node, key: str, value: Any) -> None:
        colon = self.text.index(":", key_node.end_mark.index)
        block = isinstance(old, (yaml.MappingNode, yaml.SequenceNode)) and not old.flow_style or (
            isinstance(old, yaml.ScalarNode) and old.style in ("|", ">"))
        end = self._after_content(old) if block else old.end_mark.index
        column = key_node.start_mark.column
        lines = self._pair_lines(key, value, column)
        body = lines[0][column + len(_key_text(key)) + 1:]  # what follows "key:" on its line
        text = body + "".join("\n" + line for line in lines[1:])
        if block:
            text += "\n"
        self._add(colon + 1, end, text)

    # ----- rendering -----
    def _pair_lines(self, key: str, value: Any, column: int) -> list[str]:
        pad = " " * column
        head = f"{pad}{_key_text(key)}:"
        if _is_scalar(value):
            return [f"{head} {self._scalar(value, key)}"]
        if isinstance(value, list) and (not value or self._flow_list(value)):
            return [f"{head} {_flow(value)}"]
        if isinstance(value, list):
            return [head] + self._seq_lines(value, column + self.style.seq_offset, self.style.item_offset)
        if isinstance(value, dict):
            return [head] + self._map_lines(value, column + 2)
        raise TypeError(f"cannot write {type(value).__name__}")

    def _flow_list(self, value: list[Any]) -> bool:
        return self.style.flow_scalar_lists and all(_is_scalar(v) for v in value)

    def _map_lines(self, mapping: dict[str, Any], column: int) -> list[str]:
        lines: list[str] = []
        for key, value in mapping.items():
            lines += self._pair_lines(key, value, column)
        return lines

    def _seq_lines(self, items: list[Any], dash_col: int, offset: int, flow_items: bool = False) -> list[str]:
        lines: list[str] = []
        lead = " " * dash_col + "-" + " " * (offset - 1)
        for item in items:
            if _is_scalar(item) or flow_items:
                lines.append(lead + (self._scalar(item, "") if _is_scalar(item) else _flow(item)))
            elif isinstance(item, dict):
                body = self._map_lines(item, dash_col + offset)
                lines += [lead + body[0][dash_col + offset:]] + body[1:]
            else:
                lines.append(lead + _flow(item))
        return lines

    def _scalar(self, value: Any, key: str, old_style: str | None = "new", flow: bool = False) -> str:
        """A scalar styled as the value it replaces, or (for a new value) as the file writes this key."""
        if old_style == "new":
            old_style = self.style.quotes.get(key)
            if key in ("date", "published") and old_style is None and not self.style.plain_dates:
                old_style = "'"
        if key in ("date", "published") and old_style is None and isinstance(value, str) and _plain_date_ok(value):
            return value
        return render_scalar(value, old_style, flow=flow)


def render_scalar(value: Any, style: str | None = None, flow: bool = False) -> str:
    """One YAML scalar on one line, readable back by the safe loader as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    value = str(value)
    if style in ("'", '"'):
        text = _dump(value, style, flow)
        if _one_line(text):
            return text
    text = _dump(value, None, flow)
    return text if _one_line(text) else _dump(value, '"', flow)


def _one_line(text: str) -> bool:
    """True when no YAML line break (\\n, \\r, NEL, LS, PS) is written raw."""
    return not any(c in text for c in "\n\r\x85\u2028\u2029")


def _dump(value: str, style: str | None, flow: bool) -> str:
    out = yaml.safe_dump({"k": value}, width=WIDTH, allow_unicode=True, default_style=style, default_flow_style=flow)
    out = out.rstrip("\n")
    if flow:
        out = out[1:-1]
    prefix = {None: "k: ", "'": "'k': ", '"': '"k": '}[style]
    return out[len(prefix):]


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key_text(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return render_scalar(value, flow=True)


def _key_text(key: Any) -> str:
    return render_scalar(key)


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _plain_date_ok(value: str) -> bool:
    """True when a plain date reads back as the same text (year-only dates read as numbers, which the schema accepts)."""
    import re

    if re.fullmatch(r"[1-9][0-9]{3}", value):
        return True
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return True  # the store's loader keeps timestamps as text
    return _dump(value, None, False) == value


def _pair(mapping: yaml.MappingNode, key: Any) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _content_end(text: str, node: yaml.Node) -> int:
    if isinstance(node, yaml.ScalarNode):
        end: int = node.end_mark.index
        if node.style in ("|", ">"):
            while end > node.start_mark.index and text[end - 1] in " \t\r\n":
                end -= 1
        return end
    assert isinstance(node, (yaml.MappingNode, yaml.SequenceNode))
    if node.flow_style or not node.value:
        return int(node.end_mark.index)
    if isinstance(node, yaml.MappingNode):
        return max(_content_end(text, v) for pair in node.value for v in pair)
    return max(_content_end(text, v) for v in node.value)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def _after_line(text: str, index: int) -> int:
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _dash_index(text: str, item: yaml.Node) -> int:
    """Index of the '-' introducing a block sequence item."""
    i = item.start_mark.index - 1
    while i >= 0 and text[i] in " \t\r\n":
        i -= 1
    if i < 0 or text[i] != "-":
        raise StoreError.at("cannot locate a list item's dash; is the list written in block style?", None, item.start_mark.line + 1)
    return i


def _where(loc: Loc) -> str:
    return ".".join(str(p) for p in loc) or "the top level"


def _learn_style(root: yaml.MappingNode, text: str) -> Style:
    offsets: Counter[int] = Counter()
    items: Counter[int] = Counter()
    flows: Counter[bool] = Counter()
    dates: Counter[bool] = Counter()
    quotes: dict[str, Counter[str | None]] = {}
    for key, value in _walk_pairs(root):
        if isinstance(value, yaml.ScalarNode) and isinstance(key, yaml.ScalarNode):
            quotes.setdefault(key.value, Counter())[value.style if value.style in ("'", '"') else None] += 1
        if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
            first = value.value[0]
            dash = _dash_index(text, first)
            dash_col = dash - _line_start(text, dash)
            offsets[dash_col - key.start_mark.column] += 1
            if isinstance(first, yaml.MappingNode) and not first.flow_style and first.start_mark.line == _line_of(text, dash):
                items[first.start_mark.column - dash_col] += 1
            if all(isinstance(v, yaml.ScalarNode) for v in value.value):
                flows[False] += 1
        elif isinstance(value, yaml.SequenceNode) and value.flow_style and value.value:
            flows[all(isinstance(v, yaml.ScalarNode) for v in value.value)] += 1
        if key.value in ("date", "published") and isinstance(value, yaml.ScalarNode):
            dates[value.style is None] += 1
    return Style(
        seq_offset=_most(offsets, 0),
        item_offset=max(2, _most(items, 2)),
        flow_scalar_lists=_most(flows, True),
        plain_dates=_most(dates, True),
        quotes={k: _most(c, None) for k, c in quotes.items()},
    )


def _blank_between(text: str, seq: yaml.SequenceNode) -> bool:
    """True when most items of the block sequence are separated by a blank line."""
    return _spaced(text, list(zip(seq.value, seq.value[1:])), dashes=True)


def _spaced(text: str, neighbours: list[tuple[yaml.Node, yaml.Node]], dashes: bool = False) -> bool:
    """True when a blank line separates most (end of one node, start of the next) pairs."""
    gaps = []
    for a, b in neighbours:
        start = _dash_index(text, b) if dashes else b.start_mark.index
        gaps.append(text[_content_end(text, a):_line_start(text, start)].replace("\r", ""))
    spaced = sum(1 for gap in gaps if any(not line.strip() for line in gap.split("\n")[1:-1]))
    return bool(gaps) and spaced * 2 > len(gaps)


def _most(counter: Counter[Any], default: Any) -> Any:
    return counter.most_common(1)[0][0] if counter else default


def _walk_pairs(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key, value
            yield from _walk_pairs(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk_pairs(item)
