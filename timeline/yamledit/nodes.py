"""Where things are in a YAML text: nodes composed with the store's scalar rules, and the lines they occupy."""
from __future__ import annotations

from typing import Any

import yaml

from timeline.errors import StoreError
from timeline.store.scalars import StoreLoader, scalar_value

Loc = tuple[Any, ...]


class NodeLoader(StoreLoader):
    """Composes nodes with their positions under the store's scalar rules (timeline.store.scalars); refuses aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in an event store", mark)
        return super().compose_node(parent, index)


def pair_of(mapping: yaml.MappingNode, key: Any) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def content_end(text: str, node: yaml.Node) -> int:
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
        return max(content_end(text, v) for pair in node.value for v in pair)
    return max(content_end(text, v) for v in node.value)


def line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def after_line(text: str, index: int) -> int:
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def dash_index(text: str, item: yaml.Node) -> int:
    """Index of the '-' introducing a block sequence item."""
    i = item.start_mark.index - 1
    while i >= 0 and text[i] in " \t\r\n":
        i -= 1
    if i < 0 or text[i] != "-":
        raise StoreError.at("cannot locate a list item's dash; is the list written in block style?", None, item.start_mark.line + 1)
    return i


def where(loc: Loc) -> str:
    return ".".join(str(p) for p in loc) or "the top level"


def plain_data(node: yaml.Node) -> Any:
    """The value of a composed node, read with the store's scalar rules (as `timeline check` reads it)."""
    if isinstance(node, yaml.ScalarNode):
        return scalar_value(node.tag, node.value, style=node.style)  # the tag NodeLoader resolved, by the same rules
    if isinstance(node, yaml.SequenceNode):
        return [plain_data(item) for item in node.value]
    return {plain_data(key): plain_data(value) for key, value in node.value}
