"""How a file writes its YAML (sequence indentation, flow lists, quoting, blank lines), learned from the file."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from timeline.yamledit.nodes import Text, content_end, dash_index
from timeline.yamledit.outline import items_of


@dataclass
class Style:
    """How the file writes collections, learned from the file itself."""

    seq_offset: int = 0  # columns from a key to the dashes of its block sequence
    item_offset: int = 2  # columns from a dash to the item's content
    flow_scalar_lists: bool = True  # tags: [a, b] rather than a block list
    quotes: dict[str, str | None] = field(default_factory=dict)  # key -> how the file mostly writes its values


def learn_style(root: yaml.MappingNode, text: Text) -> Style:
    """The file's style, from its top level and the first items of each long list."""
    offsets: Counter[int] = Counter()
    items: Counter[int] = Counter()
    flows: Counter[bool] = Counter()
    quotes: dict[str, Counter[str | None]] = {}
    for key, value in _walk_pairs(root):
        if isinstance(value, yaml.ScalarNode) and isinstance(key, yaml.ScalarNode):
            quotes.setdefault(key.value, Counter())[value.style if value.style in ("'", '"') else None] += 1
        if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
            first = value.value[0]
            dash = dash_index(text, first)
            dash_col = dash - text.start(dash)
            offsets[dash_col - key.start_mark.column] += 1
            if isinstance(first, yaml.MappingNode) and not first.flow_style and first.start_mark.line == text.line(dash):
                items[first.start_mark.column - dash_col] += 1
            if all(isinstance(v, yaml.ScalarNode) for v in items_of(value)):
                flows[False] += 1
        elif isinstance(value, yaml.SequenceNode) and value.flow_style and value.value:
            flows[all(isinstance(v, yaml.ScalarNode) for v in items_of(value))] += 1
    return Style(
        seq_offset=_most(offsets, 0),
        item_offset=max(2, _most(items, 2)),
        flow_scalar_lists=_most(flows, True),
        quotes={k: _most(c, None) for k, c in quotes.items()},
    )


def blank_between(text: Text, seq: yaml.SequenceNode) -> bool:
    """True when most items of the block sequence (or of its first items) are separated by a blank line."""
    items = items_of(seq)
    return spaced(text, list(zip(items, items[1:])), dashes=True)


def spaced(text: Text, neighbours: list[tuple[yaml.Node, yaml.Node]], dashes: bool = False) -> bool:
    """True when a blank line separates most (end of one node, start of the next) pairs."""
    count = 0
    for a, b in neighbours:
        start = text.start(dash_index(text, b) if dashes else b.start_mark.index)
        line = text.after(content_end(text, a))
        while line < start and not text.blank(line):
            line = text.after(line)
        count += line < start
    return bool(neighbours) and count * 2 > len(neighbours)


def _most(counter: Counter[Any], default: Any) -> Any:
    return counter.most_common(1)[0][0] if counter else default


def _walk_pairs(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key, value
            yield from _walk_pairs(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in items_of(node):
            yield from _walk_pairs(item)
