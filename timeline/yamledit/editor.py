"""Edit a hand-written YAML file by splicing text: every byte the edit does not touch stays as it was.

A round-trip *dumper* (ruamel.yaml) re-emits the whole file and so normalises what the editor wrote:
mixed sequence indentation, spacing before comments, and plain scalars folded over several lines all
change (see tests/test_curate.py). This module instead locates the nodes an edit concerns (composed with
the store's own scalar rules, timeline.store.scalars, and only where the edit looks: timeline.yamledit.outline)
and replaces, inserts or deletes only their text. Nothing is ever read back and re-written: a flow list
gains or loses an item by splicing too. New text follows the file's own style: its line breaks, sequence
indentation, flow or block lists, and the quoting of the value it replaces (a date is always quoted).
The stretches of the result that must be read again to validate it are the editor's regions
(timeline.yamledit.regions).
"""
from __future__ import annotations

from typing import Any

import yaml

from timeline.errors import StoreError
from timeline.yamledit.nodes import Loc, Text, after_content, dash_index, pair_of, where
from timeline.yamledit.outline import compose_root
from timeline.yamledit.regions import Edit, Region, apply_edits, find_regions
from timeline.yamledit.render import flow_text, is_scalar, key_text, render_scalar
from timeline.yamledit.style import blank_between, learn_style, spaced

DATE_KEYS = ("date", "published")  # the keys whose values are EDTF dates (timeline.schema)


class YamlEditor:
    """Collects edits against the original text of a YAML document, then applies them all at once."""

    def __init__(self, text: str, name: str = "events.yaml", outline: list[Any] | None = None) -> None:
        """outline: the text's parser events of its top two levels when already read (timeline.store.parse_yaml)."""
        self.text = text
        self.doc = Text(text, name)
        self.name = name
        try:
            root = compose_root(self.doc, outline)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise StoreError.at(f"cannot edit: {exc.problem or exc.context}", name, mark.line + 1 if mark else None) from None
        except yaml.YAMLError as exc:
            raise StoreError.at(f"cannot edit: {exc}", name) from None
        if root is None:
            root = yaml.MappingNode("tag:yaml.org,2002:map", [])
        if not isinstance(root, yaml.MappingNode):
            raise StoreError.at("the top level must be a mapping", name, 1)
        self.root: yaml.MappingNode = root
        self.edits: list[Edit] = []
        self.style = learn_style(self.root, self.doc)
        self.newline = self.doc.newline()

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

    def _mapping(self, loc: Loc, flow_ok: bool = False) -> yaml.MappingNode:
        node = self.node(loc)
        if not isinstance(node, yaml.MappingNode):
            raise StoreError.at(f"cannot edit {where(loc)}: not a mapping", self.name, self._line_near(loc))
        if node.flow_style and loc and not flow_ok:
            raise StoreError.at(f"cannot edit {where(loc)}: it is written in flow style {{...}}; write it as a block mapping",
                                self.name, node.start_mark.line + 1)
        return node

    def _line_near(self, loc: Loc) -> int | None:
        """The line of loc, or of its nearest parent that exists."""
        while loc and self.node(loc) is None:
            loc = loc[:-1]
        return self.line(loc) if loc else 1

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
        mapping = self._mapping(loc, flow_ok=True)
        if pair is None:
            self._insert_key(mapping, key, value, before)
            return
        key_node, old = pair
        if mapping.flow_style and not (isinstance(old, yaml.ScalarNode) and is_scalar(value)):
            self._add(old.start_mark.index, old.end_mark.index, flow_text(value))
            return
        self._replace_value(key_node, old, key, value)

    def replace_scalar(self, loc: Loc, text: str) -> None:
        """Replace the text of the one-line scalar at loc with text, already written as YAML."""
        node = self.node(loc)
        if not isinstance(node, yaml.ScalarNode):
            raise StoreError.at(f"cannot edit {where(loc)}: not a single value", self.name, self._line_near(loc))
        self._add(node.start_mark.index, node.end_mark.index, text)

    def delete_key(self, loc: Loc, key: str) -> None:
        """Remove key and its value from the mapping at loc."""
        mapping = self._mapping(loc)
        pair = pair_of(mapping, key)
        if pair is None:
            return
        if pair is mapping.value[0] and self._after_dash(pair[0]):
            raise StoreError.at(f"cannot remove {key!r}, the first key of {where(loc)}: move another key first",
                                self.name, pair[0].start_mark.line + 1)
        self._add(self.doc.start(pair[0].start_mark.index), after_content(self.doc, pair[1]), "")

    def append(self, loc: Loc, items: list[Any]) -> None:
        """Add items at the end of the sequence at loc, creating the key if it is missing."""
        if not items:
            return
        *parent, key = loc
        mapping = self._mapping(tuple(parent), flow_ok=True)
        pair = pair_of(mapping, key)
        if pair is None:
            self._insert_key(mapping, key, items, ())
            return
        key_node, seq = pair
        if not isinstance(seq, yaml.SequenceNode):
            raise StoreError.at(f"{where(loc)} must be a list", self.name, seq.start_mark.line + 1)
        if not seq.value and mapping.flow_style:
            self._add(seq.start_mark.index, seq.end_mark.index, flow_text(items))
        elif not seq.value:
            self._replace_value(key_node, seq, key, items)  # `key: []`, or `key:` with nothing after it
        elif seq.flow_style:
            self._append_flow(seq, items)
        else:
            self._insert_items(seq, len(seq.value), items)

    def insert_after(self, loc: Loc, index: int, items: list[Any]) -> None:
        """Insert items right after item `index` of the block sequence at loc."""
        seq = self.node(loc)
        if not isinstance(seq, yaml.SequenceNode):
            raise StoreError.at(f"cannot insert into {where(loc)}: not a list", self.name, self._line_near(loc))
        if seq.flow_style:
            at = seq.value[index].end_mark.index
            self._add(at, at, "".join(", " + flow_text(item) for item in items))
            return
        self._insert_items(seq, index + 1, items)

    def remove(self, loc: Loc, indexes: list[int]) -> None:
        """Delete items of the sequence at loc; an emptied list becomes [] (its comments stay)."""
        seq = self.node(loc)
        if seq is None:
            return
        if not isinstance(seq, yaml.SequenceNode):
            raise StoreError.at(f"{where(loc)} must be a list", self.name, seq.start_mark.line + 1)
        gone = sorted(set(indexes))
        if seq.flow_style:
            self._remove_flow(seq, gone)
            return
        for i in gone:
            self._delete_item(seq, i)
        if len(gone) == len(seq.value):
            *parent, key = loc
            key_node = pair_of(self._mapping(tuple(parent)), key)[0]  # type: ignore[index]
            colon = self.text.index(":", key_node.end_mark.index)
            self._add(colon + 1, colon + 1, " []")

    # ----- result -----
    def result(self) -> str:
        """The text with every edit applied; refuses two edits of the same text."""
        placed = self._placed()
        text = apply_edits(self.text, placed)
        if text is None:
            ordered = sorted(placed, key=lambda e: (e.start, e.end, e.seq))
            clash = next(a for a, b in zip(ordered, ordered[1:]) if a.end > b.start)
            raise StoreError.at("this edit changes the same text twice; make one change at a time",
                                self.name, self.doc.line(clash.start) + 1)
        return text

    def regions(self) -> list[Region] | None:
        """The stretches of the result that must be read again, each on its own; None: read the whole result."""
        return find_regions(self.root, self.doc, self._placed())

    # ----- internals -----
    def _placed(self) -> list[Edit]:
        """The edits, with an insertion that falls inside a deleted stretch moved to the stretch's start."""
        deletions = sorted((e.start, e.end) for e in self.edits if not e.text and e.start < e.end)
        out = []
        for edit in self.edits:
            if edit.start == edit.end and edit.text:
                inside = [s for s, t in deletions if s < edit.start < t]
                if inside:
                    edit = Edit(inside[0], inside[0], edit.text, edit.seq)
            out.append(edit)
        return out

    def _add(self, start: int, end: int, text: str) -> None:
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        self.edits.append(Edit(start, end, text, len(self.edits)))

    def _after_dash(self, key_node: yaml.Node) -> bool:
        """True when a key is the first thing after a list item's '-' on its line."""
        start = key_node.start_mark.index
        return bool(self.text[self.doc.start(start):start].strip(" \t").endswith("-"))

    def _insert_point(self, index: int) -> tuple[int, str]:
        """Where to insert whole lines at a line end; a prefix line break when the file does not end with one."""
        if index >= len(self.text) and not self.doc.ends_with_break():
            return len(self.text), "\n"  # (made the file's own line break by _add)
        return index, ""

    def _insert_items(self, seq: yaml.SequenceNode, position: int, items: list[Any]) -> None:
        first = seq.value[0]
        dash = dash_index(self.doc, first)
        dash_col = dash - self.doc.start(dash)
        same_line = first.start_mark.line == self.doc.line(dash)
        offset = first.start_mark.column - dash_col if same_line else self.style.item_offset
        last = seq.value[-1]
        flow = isinstance(last, (yaml.MappingNode, yaml.SequenceNode)) and bool(last.flow_style)
        blank = blank_between(self.doc, seq)
        lines: list[str] = []
        for item in items:
            lines += ([""] if blank else []) + self._seq_lines([item], dash_col, offset, flow_items=flow)
        at, prefix = self._insert_point(after_content(self.doc, seq.value[position - 1]))
        self._add(at, at, prefix + "".join(line + "\n" for line in lines))

    def _delete_item(self, seq: yaml.SequenceNode, i: int) -> None:
        item = seq.value[i]
        start = self.doc.start(dash_index(self.doc, item))
        end = after_content(self.doc, item)
        if start == 0 or self.doc.blank(self.doc.start(start - 1)):
            while end < len(self.text) and self.doc.blank(end) and self.doc.start(end) == end:
                end = self.doc.after(end)
        self._add(start, end, "")

    def _append_flow(self, seq: yaml.SequenceNode, items: list[Any]) -> None:
        """Splice items into a flow list [...] before its ']': the items already there are not touched."""
        close = seq.end_mark.index - 1
        if self.text[close] != "]":
            raise StoreError.at("cannot find the ']' that closes this list", self.name, seq.start_mark.line + 1)
        text = ", ".join(flow_text(item) for item in items)
        if seq.value:
            at = seq.value[-1].end_mark.index
            self._add(at, at, ", " + text)
        else:
            self._add(close, close, text)

    def _remove_flow(self, seq: yaml.SequenceNode, gone: list[int]) -> None:
        """Delete items of a flow list with the comma that separates each from its neighbour."""
        count = len(seq.value)
        kept = [i for i in range(count) if i not in set(gone)]
        if not kept:
            self._add(seq.value[0].start_mark.index, seq.value[-1].end_mark.index, "")
            return
        for i in gone:
            if i < kept[-1]:
                self._add(seq.value[i].start_mark.index, seq.value[i + 1].start_mark.index, "")
        if gone and gone[-1] > kept[-1]:
            self._add(seq.value[kept[-1]].end_mark.index, seq.value[count - 1].end_mark.index, "")

    def _insert_key(self, mapping: yaml.MappingNode, key: str, value: Any, before: tuple[str, ...]) -> None:
        if mapping.flow_style and mapping is not self.root:
            self._insert_flow_key(mapping, key, value, before)
            return
        if not mapping.value:  # an empty document or {}
            at, prefix = self._insert_point(len(self.text))
            self._add(at, at, prefix + "".join(line + "\n" for line in self._pair_lines(key, value, 0)))
            return
        column = mapping.value[0][0].start_mark.column
        anchor = next((pair_of(mapping, k) for k in before if pair_of(mapping, k)), None)
        lines = self._pair_lines(key, value, column)
        if anchor is not None and self._after_dash(anchor[0]):  # `- tags: ...`: the new key goes after the dash
            at = anchor[0].start_mark.index
            self._add(at, at, "".join(line + "\n" for line in lines)[column:] + " " * column)
            return
        if anchor is not None:
            at, prefix = self.doc.start(anchor[0].start_mark.index), ""
        else:
            at, prefix = self._insert_point(after_content(self.doc, mapping.value[-1][1]))
        if mapping is self.root and spaced(self.doc, [(v, k2) for (_k, v), (k2, _v) in zip(mapping.value, mapping.value[1:])]):
            prefix += "\n"  # top-level keys separated by blank lines: so is the new one
        self._add(at, at, prefix + "".join(line + "\n" for line in lines))

    def _insert_flow_key(self, mapping: yaml.MappingNode, key: str, value: Any, before: tuple[str, ...]) -> None:
        """Splice `key: value` into a flow mapping {...}: before the first of `before`, else before its '}'."""
        anchor = next((pair_of(mapping, k) for k in before if pair_of(mapping, k)), None)
        text = f"{key_text(key)}: {self._scalar(value, key, flow=True) if is_scalar(value) else flow_text(value)}"
        if anchor is not None:
            self._add(anchor[0].start_mark.index, anchor[0].start_mark.index, text + ", ")
        elif mapping.value:
            at = mapping.value[-1][1].end_mark.index
            self._add(at, at, ", " + text)
        else:
            self._add(mapping.end_mark.index - 1, mapping.end_mark.index - 1, text)

    def _replace_value(self, key_node: yaml.Node, old: yaml.Node, key: str, value: Any) -> None:
        colon = self.text.index(":", key_node.end_mark.index)
        block = isinstance(old, (yaml.MappingNode, yaml.SequenceNode)) and not old.flow_style or (
            isinstance(old, yaml.ScalarNode) and old.style in ("|", ">"))
        if block and isinstance(old, (yaml.MappingNode, yaml.SequenceNode)) and not old.value:
            block = False  # `key:` with nothing after it: an empty value ends where it starts
        end = after_content(self.doc, old) if block else old.end_mark.index
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
        """A scalar styled as the value it replaces, or (for a new value) as the file writes this key. A date is
        always quoted: plain, 2017-09-28 is a timestamp to YAML 1.1 readers, not the text the schema asks for."""
        if old_style == "new":
            old_style = self.style.quotes.get(key)
        if key in DATE_KEYS and old_style not in ("'", '"'):
            old_style = '"'
        return render_scalar(value, old_style, flow=flow)
