"""Edit a hand-written YAML file by splicing text: every byte the edit does not touch stays as it was.

A round-trip *dumper* (ruamel.yaml) re-emits the whole file and so normalises what the editor wrote:
mixed sequence indentation, spacing before comments, and plain scalars folded over several lines all
change (see tests/test_curate.py). This module instead locates nodes with PyYAML's composer (the same
safe loader as timeline.store: no aliases) and replaces, inserts or deletes only the text of the nodes
an edit concerns. New text follows the file's own style: its sequence indentation, flow or block lists,
and the quoting of the value it replaces.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from timeline.errors import StoreError
from timeline.yamledit.nodes import (Loc, NodeLoader, after_line, content_end, dash_index, line_of, line_start, pair_of,
                                     plain_data, where)
from timeline.yamledit.render import flow_text, is_scalar, key_text, plain_date_ok, render_scalar
from timeline.yamledit.style import blank_between, learn_style, spaced


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str
    seq: int


class YamlEditor:
    """Collects edits against the original text of a YAML document, then applies them all at once."""

    def __init__(self, text: str, name: str = "events.yaml") -> None:
        self.text = text
        self.name = name
        try:
            self.root = yaml.compose(text, Loader=NodeLoader)
        except yaml.YAMLError as exc:
            raise StoreError.at(f"cannot edit: {exc}", name) from None
        if self.root is None:
            self.root = yaml.MappingNode("tag:yaml.org,2002:map", [])
        if not isinstance(self.root, yaml.MappingNode):
            raise StoreError.at("the top level must be a mapping", name, 1)
        self.edits: list[_Edit] = []
        self.style = learn_style(self.root, text)
        self.newline = "\r\n" if "\r\n" in text else "\n"

    # ----- navigation -----
    def node(self, loc: Loc) -> yaml.Node | None:
        """The node at loc (keys and list indices), or None."""
        node: yaml.Node | None = self.root
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                pair = pair_of(node, part)
                node = pair[1] if pair else None
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
            else:
                return None
        return node

    def line(self, loc: Loc) -> int | None:
        """1-based line where the node at loc starts, or None when there is no such node."""
        node = self.node(loc)
        return None if node is None else node.start_mark.line + 1

    def _mapping(self, loc: Loc) -> yaml.MappingNode:
        node = self.node(loc)
        if not isinstance(node, yaml.MappingNode):
            raise StoreError.at(f"cannot edit {where(loc)}: not a mapping", self.name)
        if node.flow_style and loc:
            raise StoreError.at(f"cannot edit {where(loc)}: it is written in flow style {{...}}; write it as a block mapping",
                                self.name, node.start_mark.line + 1)
        return node

    # ----- edits -----
    def set(self, loc: Loc, key: str, value: Any, before: tuple[str, ...] = ()) -> None:
        """Give key a value in the mapping at loc: replace the old value's text, or add the key.

        A new key goes before the first of `before` present, else after the mapping's last key.
        """
        node = self.node(loc)
        pair = pair_of(node, key) if isinstance(node, yaml.MappingNode) else None
        if pair and isinstance(pair[1], yaml.ScalarNode) and pair[1].style not in ("|", ">") and is_scalar(value):
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

    def replace_scalar(self, loc: Loc, text: str) -> None:
        """Replace the text of the one-line scalar at loc with text, already written as YAML."""
        node = self.node(loc)
        if not isinstance(node, yaml.ScalarNode):
            raise StoreError.at(f"cannot edit {where(loc)}: not a single value", self.name, self.line(loc))
        self._add(node.start_mark.index, node.end_mark.index, text)

    def delete_key(self, loc: Loc, key: str) -> None:
        """Remove key and its value from the mapping at loc."""
        mapping = self._mapping(loc)
        pair = pair_of(mapping, key)
        if pair is None:
            return
        start = line_start(self.text, pair[0].start_mark.index)
        self._add(start, self._after_content(pair[1]), "")

    def append(self, loc: Loc, items: list[Any]) -> None:
        """Add items at the end of the sequence at loc, creating the key if it is missing."""
        if not items:
            return
        *parent, key = loc
        mapping = self._mapping(tuple(parent))
        pair = pair_of(mapping, key)
        if pair is None:
            self._insert_key(mapping, key, items, ())
            return
        key_node, seq = pair
        if not isinstance(seq, yaml.SequenceNode):
            raise StoreError.at(f"{where(loc)} must be a list", self.name, seq.start_mark.line + 1)
        if seq.flow_style or not seq.value:
            data = plain_data(seq) if seq.value else []
            self._replace_value(key_node, seq, key, list(data) + items)
            return
        self._insert_items(seq, len(seq.value), items)

    def insert_after(self, loc: Loc, index: int, items: list[Any]) -> None:
        """Insert items right after item `index` of the block sequence at loc."""
        seq = self.node(loc)
        if not isinstance(seq, yaml.SequenceNode) or seq.flow_style:
            raise StoreError.at(f"{where(loc)} must be a block list", self.name)
        self._insert_items(seq, index + 1, items)

    def remove(self, loc: Loc, indexes: list[int]) -> None:
        """Delete items of the sequence at loc; an emptied list becomes []."""
        *parent, key = loc
        mapping = self._mapping(tuple(parent))
        pair = pair_of(mapping, key)
        if pair is None:
            return
        key_node, seq = pair
        assert isinstance(seq, yaml.SequenceNode)
        keep = [i for i in range(len(seq.value)) if i not in set(indexes)]
        if seq.flow_style or not keep:
            data = plain_data(seq)
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
        return after_line(self.text, content_end(self.text, node))

    def _insert_point(self, index: int) -> tuple[int, str]:
        """Where to insert whole lines at a line end; a prefix newline when the file does not end with one."""
        if index >= len(self.text) and self.text and not self.text.endswith("\n"):
            return len(self.text), "\n"  # (made \r\n in a CRLF file by _add)
        return index, ""

    def _insert_items(self, seq: yaml.SequenceNode, position: int, items: list[Any]) -> None:
        first = seq.value[0]
        dash = dash_index(self.text, first)
        dash_col = dash - line_start(self.text, dash)
        offset = first.start_mark.column - dash_col if first.start_mark.line == line_of(self.text, dash) else self.style.item_offset
        flow = isinstance(seq.value[-1], (yaml.MappingNode, yaml.SequenceNode)) and bool(seq.value[-1].flow_style)
        blank = blank_between(self.text, seq)
        lines: list[str] = []
        for item in items:
            lines += ([""] if blank else []) + self._seq_lines([item], dash_col, offset, flow_items=flow)
        at, prefix = self._insert_point(self._after_content(seq.value[position - 1]))
        self._add(at, at, prefix + "".join(line + "\n" for line in lines))

    def _delete_item(self, seq: yaml.SequenceNode, i: int) -> None:
        item = seq.value[i]
        start = line_start(self.text, dash_index(self.text, item))
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
            anchor = next((pair_of(mapping, k) for k in before if pair_of(mapping, k)), None)
            if anchor is not None:
                at, prefix = line_start(self.text, anchor[0].start_mark.index), ""
            else:
                at, prefix = self._insert_point(self._after_content(mapping.value[-1][1]))
            if mapping is self.root and spaced(self.text, [(v, k2) for (_k, v), (k2, _v) in zip(mapping.value, mapping.value[1:])]):
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
        body = lines[0][column + len(key_text(key)) + 1:]  # what follows "key:" on its line
        text = body + "".join("\n" + line for line in lines[1:])
        if block:
            text += "\n"
        self._add(colon + 1, end, text)

    # ----- rendering -----
    def _pair_lines(self, key: str, value: Any, column: int) -> list[str]:
        pad = " " * column
        head = f"{pad}{key_text(key)}:"
        if is_scalar(value):
            return [f"{head} {self._scalar(value, key)}"]
        if isinstance(value, list) and (not value or self._flow_list(value)):
            return [f"{head} {flow_text(value)}"]
        if isinstance(value, list):
            return [head] + self._seq_lines(value, column + self.style.seq_offset, self.style.item_offset)
        if isinstance(value, dict):
            return [head] + self._map_lines(value, column + 2)
        raise TypeError(f"cannot write {type(value).__name__}")

    def _flow_list(self, value: list[Any]) -> bool:
        return self.style.flow_scalar_lists and all(is_scalar(v) for v in value)

    def _map_lines(self, mapping: dict[str, Any], column: int) -> list[str]:
        lines: list[str] = []
        for key, value in mapping.items():
            lines += self._pair_lines(key, value, column)
        return lines

    def _seq_lines(self, items: list[Any], dash_col: int, offset: int, flow_items: bool = False) -> list[str]:
        lines: list[str] = []
        lead = " " * dash_col + "-" + " " * (offset - 1)
        for item in items:
            if is_scalar(item) or flow_items:
                lines.append(lead + (self._scalar(item, "") if is_scalar(item) else flow_text(item)))
            elif isinstance(item, dict):
                body = self._map_lines(item, dash_col + offset)
                lines += [lead + body[0][dash_col + offset:]] + body[1:]
            else:
                lines.append(lead + flow_text(item))
        return lines

    def _scalar(self, value: Any, key: str, old_style: str | None = "new", flow: bool = False) -> str:
        """A scalar styled as the value it replaces, or (for a new value) as the file writes this key."""
        if old_style == "new":
            old_style = self.style.quotes.get(key)
            if key in ("date", "published") and old_style is None and not self.style.plain_dates:
                old_style = "'"
        if key in ("date", "published") and old_style is None and isinstance(value, str) and plain_date_ok(value):
            return value
        return render_scalar(value, old_style, flow=flow)


