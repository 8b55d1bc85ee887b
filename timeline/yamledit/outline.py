"""The nodes of a document, composed only where an edit looks.

The top level is read at once with libyaml's event parser (fast); each item of a top-level list (an
event, a source) is composed from its own text only when an edit first asks for it. So an edit of a
50,000-event store composes a handful of events, not all of them, with the pure-Python composer.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import yaml

from timeline.store.scalars import PARSER
from timeline.errors import StoreError
from timeline.yamledit.nodes import BREAK_CHARS, FastNodeLoader, NodeLoader, Text

SAMPLE = 40  # items of a long list that style learning looks at
_RESOLVER = NodeLoader("")
Span = tuple[int, int]


class LazyItems:
    """The items of a top-level list: each composed from its span of the text when first used."""

    def __init__(self, text: Text, spans: list[Span]) -> None:
        self.text = text
        self.spans = spans
        self.done: dict[int, yaml.Node] = {}

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        i = range(len(self))[i]
        if i not in self.done:
            self.done[i] = compose_span(self.text, *self.spans[i])
        return self.done[i]

    def __iter__(self) -> Iterator[yaml.Node]:
        return (self[i] for i in range(len(self)))

    def sample(self) -> list[yaml.Node]:
        """The first items, enough to learn how the list is written."""
        return [self[i] for i in range(min(SAMPLE, len(self)))]


def items_of(seq: yaml.SequenceNode) -> list[yaml.Node]:
    """A sequence's items, or a sample of them for a long top-level list."""
    value = seq.value
    return value.sample() if isinstance(value, LazyItems) else list(value)


def compose_span(text: Text, start: int, end: int) -> yaml.Node:
    """The node written at text[start:end], with the marks it has in the whole text."""
    base = text.start(start)
    prefix = "".join(c if c in BREAK_CHARS else " " for c in text.s[base:start])  # keeps every column
    try:
        node = yaml.compose(prefix + text.s[start:end], Loader=FastNodeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise text.error(f"cannot edit here: {exc.problem or exc.context}", base) if mark is None else \
            StoreError.at(f"cannot edit here: {exc.problem or exc.context}", text.name, text.line(base) + mark.line + 1) from None
    if node is None:
        raise text.error("cannot edit here: nothing to edit", base)
    _shift(node, base, text.line(base))
    return node


def _shift(root: yaml.Node, index: int, line: int) -> None:
    stack = [root]
    while stack:
        node = stack.pop()
        node.start_mark = _moved(node.start_mark, index, line)
        node.end_mark = _moved(node.end_mark, index, line)
        if isinstance(node, yaml.ScalarNode) and not node.style:
            node.style = None  # libyaml's composer writes a plain scalar's style as '', PyYAML's as None
        if isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]


def _moved(mark: Any, index: int, line: int) -> yaml.Mark:
    return yaml.Mark(mark.name, mark.index + index, mark.line + line, mark.column, None, 0)


def compose_root(text: Text, events: Iterable[Any] | None = None) -> yaml.Node | None:
    """The document's root: its top-level keys and values, with top-level lists composed lazily.

    events: the parser's events for text, or only those of its top two levels (timeline.store's outline).
    """
    builder = _Outline(text)
    for event in yaml.parse(text.s, Loader=PARSER) if events is None else events:
        builder.feed(event)
    return builder.root


class _Outline:
    """Builds the top two levels of the document from the parser's events."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self.root: yaml.Node | None = None
        self.depth = 0
        self.pairs: list[Any] = []
        self.key: yaml.Node | None = None
        self.open: Any = None  # the start event of the top-level value being read
        self.spans: list[Span] = []
        self.item_start = 0
        self.first: Any = None  # the root's start event

    def feed(self, event: Any) -> None:
        if isinstance(event, tuple):  # an item of a top-level list, in brief (timeline.store.reading)
            self.brief(*event)
        elif isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in an event store", event.start_mark)  # type: ignore[arg-type]
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.depth += 1
            self.start(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.end(event)
            self.depth -= 1
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)

    def brief(self, kind: str, start: int, end: int) -> None:
        """An item's start, end or scalar, known by its place only: a span when the top-level value is a list."""
        if kind == "start":
            self.item_start = start
        elif isinstance(self.open, yaml.SequenceStartEvent):
            self.spans.append((self.item_start if kind == "end" else start, end))

    def start(self, event: Any) -> None:
        if self.depth == 1:
            self.first = event
        elif self.depth == 2:
            self.open, self.spans = event, []
        elif self.depth == 3:
            self.item_start = event.start_mark.index

    def end(self, event: Any) -> None:
        if self.depth == 3 and isinstance(self.open, yaml.SequenceStartEvent):
            self.spans.append((self.item_start, event.end_mark.index))
        elif self.depth == 2:
            self.value(self.node_of(self.open, event))
        elif self.depth == 1 and isinstance(self.first, yaml.MappingStartEvent):
            self.root = yaml.MappingNode("tag:yaml.org,2002:map", self.pairs, self.first.start_mark, event.end_mark,  # type: ignore[arg-type]
                                         self.first.flow_style)
        elif self.depth == 1:  # a list at the top: the editor refuses it
            self.root = yaml.SequenceNode("tag:yaml.org,2002:seq", [], self.first.start_mark, event.end_mark, None)

    def node_of(self, start: Any, end: Any) -> yaml.Node:
        """A finished top-level value: a lazy list, or a mapping composed from its text."""
        if isinstance(start, yaml.SequenceStartEvent):
            items = LazyItems(self.text, self.spans)
            return yaml.SequenceNode("tag:yaml.org,2002:seq", items, start.start_mark, end.end_mark, start.flow_style)  # type: ignore[arg-type]
        return compose_span(self.text, start.start_mark.index, end.end_mark.index)

    def scalar(self, event: Any) -> None:
        if self.depth == 2 and isinstance(self.open, yaml.SequenceStartEvent):
            self.spans.append((event.start_mark.index, event.end_mark.index))
        elif self.depth == 1:
            tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
            self.value(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style or None))
        elif self.depth == 0:
            self.root = yaml.ScalarNode("tag:yaml.org,2002:str", event.value, event.start_mark, event.end_mark, event.style)

    def value(self, node: yaml.Node) -> None:
        """A key, or the value of the key before it, of the root mapping."""
        if self.key is None:
            self.key = node
        else:
            self.pairs.append((self.key, node))
            self.key = None
