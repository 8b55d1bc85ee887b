"""Where things are in a YAML text: its lines (every YAML line break counts) and the nodes an edit concerns."""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from typing import Any

import yaml

from timeline.errors import StoreError
from timeline.store.scalars import StoreLoader

Loc = tuple[Any, ...]
# YAML's line breaks (PyYAML and libyaml alike): a line ending with any of them ends there for the parser too.
BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
BREAK_CHARS = "\r\n\x85\u2028\u2029"
BLOCK_HEADER = re.compile(r"[|>]([1-9]?[+-]?|[+-][1-9])")


class NodeLoader(StoreLoader):
    """Composes nodes with their positions under the store's scalar rules (timeline.store.scalars); refuses aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in an event store", mark)
        return super().compose_node(parent, index)


class FastNodeLoader(getattr(yaml, "CSafeLoader", NodeLoader)):  # type: ignore[misc]
    """Composes with libyaml (the store reader's parser) under the store's scalar rules; the text was already
    read by the store's loader, which refuses aliases."""


FastNodeLoader.yaml_implicit_resolvers = StoreLoader.yaml_implicit_resolvers


def line_starts(text: str) -> array[int]:
    """Index of the start of every line (after each YAML line break), as a compact array of integers."""
    starts = array("q", [0])
    starts.extend(m.end() for m in BREAK.finditer(text))
    return starts


class Text:
    """A document's text with the start of every line, as YAML counts lines."""

    def __init__(self, text: str, name: str) -> None:
        self.s = text
        self.name = name
        self.starts = line_starts(text)

    def start(self, index: int) -> int:
        """Index where the line holding index starts."""
        return self.starts[bisect_right(self.starts, index) - 1]

    def after(self, index: int) -> int:
        """Index just past the line break that ends the line holding index (the text's end on the last line)."""
        i = bisect_right(self.starts, index)
        return self.starts[i] if i < len(self.starts) else len(self.s)

    def line(self, index: int) -> int:
        """0-based line number of index (as YAML marks count)."""
        return bisect_right(self.starts, index) - 1

    def newline(self) -> str:
        """The line break the file mostly uses (\\n for a file without one)."""
        crlf = self.s.count("\r\n")
        counts = {"\n": self.s.count("\n") - crlf, "\r\n": crlf, "\r": self.s.count("\r") - crlf}
        return max(counts, key=lambda k: (counts[k], k == "\n"))

    def blank(self, index: int) -> bool:
        """True when the line starting at index holds only white space."""
        return not self.s[index:self.after(index)].strip(" \t" + BREAK_CHARS)

    def ends_with_break(self) -> bool:
        """True when the text is empty or ends with a line break."""
        return not self.s or self.s[-1] in BREAK_CHARS

    def error(self, message: str, index: int | None = None) -> StoreError:
        """A refusal naming the file and the line of index."""
        return StoreError.at(message, self.name, None if index is None else self.line(index) + 1)


def pair_of(mapping: yaml.MappingNode, key: Any) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key node, value node) of key in a mapping node, or None."""
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def keeps_breaks(text: Text, node: yaml.Node) -> bool:
    """True for a block scalar with keep chomping (|+ or >+): its trailing line breaks are part of its value."""
    if not isinstance(node, yaml.ScalarNode) or node.style not in ("|", ">"):
        return False
    header = BLOCK_HEADER.match(text.s, node.start_mark.index)
    return bool(header) and "+" in header.group(0)  # type: ignore[union-attr]


def content_end(text: Text, node: yaml.Node) -> int:
    """Index just past the node's last character of content (a block scalar's clipped breaks left out)."""
    if isinstance(node, yaml.ScalarNode):
        end: int = node.end_mark.index
        if node.style in ("|", ">") and not keeps_breaks(text, node):
            while end > node.start_mark.index and text.s[end - 1] in " \t" + BREAK_CHARS:
                end -= 1
        return end
    assert isinstance(node, (yaml.MappingNode, yaml.SequenceNode))
    if node.flow_style or not node.value:
        return int(node.end_mark.index)
    last = node.value[-1]  # items and pairs are in file order: the last one ends last
    return content_end(text, last[1] if isinstance(node, yaml.MappingNode) else last)


def after_content(text: Text, node: yaml.Node) -> int:
    """Index just past the line holding the node's last character (its end-of-line comment included)."""
    end = content_end(text, node)
    if keeps_breaks(text, node) or (end and end == text.start(end) and text.s[end - 1] in BREAK_CHARS):
        return end  # already at a line start: the kept breaks end the value
    return text.after(end)


def dash_index(text: Text, item: yaml.Node) -> int:
    """Index of the '-' introducing a block sequence item."""
    i = item.start_mark.index - 1
    while i >= 0 and text.s[i] in " \t" + BREAK_CHARS:
        i -= 1
    if i < 0 or text.s[i] != "-":
        raise text.error("cannot find the '-' of this list item; write the list in block style (one '- ' per item)",
                         item.start_mark.index)
    return i


def where(loc: Loc) -> str:
    """A location as the editor reads it: events.3.citations."""
    return ".".join(str(p) for p in loc) or "the top level"

