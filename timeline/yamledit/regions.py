"""Where an edit changed the text, in stretches that read on their own.

An edit splices a few places of a large file. To check the result without reading the whole file again,
the text is cut at line starts into units: the lines before the first top-level key, each top-level pair
whose value is not a block list, and, for a block list, its key's lines and then each item (from the line
of its '-' to the line of the next one). Every unit an edit touches is read again from the edited text,
together with the unedited item on each side: read alone, that neighbour must come out as it was, which
shows the edit did not run into it. Everything else keeps the value it had (timeline.curate.reverify).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import yaml

from timeline.yamledit.nodes import BREAK_CHARS, Text

Unit = tuple[int, int]  # (top-level pair, item of its block list, or -1 for the pair's key lines / whole pair)
PROLOGUE: Unit = (-1, -1)


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with text (an insertion when start == end); seq keeps the order edits were made."""

    start: int
    end: int
    text: str
    seq: int


@dataclass(frozen=True)
class Region:
    """Edited text that reads on its own as a mapping of top-level keys.

    With `key`, its value under that key replaces the items [start, stop) of that top-level list, and any key
    after it is new; `first`/`last` say that its first/last item is an unedited neighbour, which must read
    as before. Without `key`, its keys replace the top-level pairs named in `keys`.
    """

    text: str
    key: str | None
    span: tuple[int, int]  # the stretch of the text before the edit that `edited` replaces
    edited: str
    start: int = 0
    stop: int = 0
    first: bool = False
    last: bool = False
    keys: tuple[str, ...] = ()


def apply_edits(text: str, edits: list[Edit], offset: int = 0) -> str | None:
    """text (which starts at `offset` of the whole) with the edits applied; None when two edits overlap."""
    parts, end = [], offset + len(text)
    for edit in sorted(edits, key=lambda e: (e.start, e.end, e.seq), reverse=True):
        if edit.end > end:
            return None
        parts += [text[edit.end - offset:end - offset], edit.text]
        end = edit.start
    parts.append(text[:end - offset])
    return "".join(reversed(parts))


def find_regions(root: yaml.MappingNode, doc: Text, edits: list[Edit]) -> list[Region] | None:
    """The regions to read again after `edits`, or None when the file must be read again as a whole."""
    layout = _Layout.of(root, doc)
    if layout is None or not edits:
        return None
    touched: dict[Unit, list[Edit]] = {}
    for edit in edits:
        units = layout.units_of(edit)
        if units is None:
            return None
        for unit in units:
            touched.setdefault(unit, []).append(edit)
    runs = layout.runs(sorted(touched))
    whole = _pair_spans([r for r in runs if not layout.in_one_list(r)])
    regions, used = [], 0
    for run in runs:
        if layout.in_one_list(run) and not any(j0 <= run[0][0] <= j1 for j0, j1 in whole):
            mine = {e for u in run for e in touched.get(u, [])}
            regions.append(layout.items_region(run[0][0], run[0][1], run[-1][1], mine))
            used += len(mine)
    for j0, j1 in whole:
        mine = {e for u, found in touched.items() if j0 <= u[0] <= j1 or (j0 == -1 and u == PROLOGUE) for e in found}
        regions.append(layout.pairs_region(j0, j1, mine))
        used += len(mine)
    if None in regions or used != len(edits):  # an edit reaches over two regions
        return None
    return regions  # type: ignore[return-value]


def _pair_spans(runs: list[list[Unit]]) -> list[tuple[int, int]]:
    """The top-level pairs (first, last; -1 for the lines before the first key) that runs read as a whole, joined
    where they meet."""
    spans: list[tuple[int, int]] = []
    for first, last in sorted((run[0][0], run[-1][0]) for run in runs):
        if spans and first <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], max(last, spans[-1][1]))
        else:
            spans.append((first, last))
    return spans


class _Layout:
    """The units of a document: where each top-level pair and each item of a top-level block list starts."""

    def __init__(self, root: yaml.MappingNode, doc: Text, starts: list[int]) -> None:
        self.root, self.doc, self.starts = root, doc, starts  # starts: line start of each top-level key
        self.items: dict[int, Any] = {}  # pair -> its block list's items (spans of their text), when itemised

    @classmethod
    def of(cls, root: yaml.MappingNode, doc: Text) -> _Layout | None:
        """The layout, or None for a document that cannot be cut (flow top level, directives, keys mid-line)."""
        if root.flow_style or not root.value or not isinstance(root, yaml.MappingNode):
            return None
        first = root.value[0][0].start_mark.index
        if any(doc.s[i] == "%" for i in doc.starts[:doc.line(first) + 1]):
            return None  # a %TAG or %YAML directive changes how everything after it reads
        starts = []
        for key, _value in root.value:
            line = doc.start(key.start_mark.index)
            if doc.s[line:key.start_mark.index].strip(" ") or not isinstance(key, yaml.ScalarNode):
                return None
            starts.append(line)
        layout = cls(root, doc, starts)
        for j, (_key, value) in enumerate(root.value):
            if isinstance(value, yaml.SequenceNode) and not value.flow_style and len(value.value) and hasattr(value.value, "spans"):
                layout.items[j] = value.value
        return layout

    def end(self, j: int) -> int:
        """Where pair j's unit (or its last item's) ends: the next key's line, or the end of the text."""
        return self.starts[j + 1] if j + 1 < len(self.starts) else len(self.doc.s)

    def dash_line(self, j: int, k: int) -> int | None:
        """Line start of item k's '-' in pair j's block list; None when the '-' is not alone at its line's start."""
        i = self.items[j].spans[k][0] - 1
        s = self.doc.s
        while i >= 0 and s[i] in " \t" + BREAK_CHARS:
            i -= 1
        line = self.doc.start(max(i, 0))
        return line if i >= 0 and s[i] == "-" and not s[line:i].strip(" ") else None

    def bounds(self, unit: Unit) -> tuple[int, int] | None:
        """[start, end) of a unit in the text."""
        j, k = unit
        if unit == PROLOGUE:
            return 0, self.starts[0]
        if j not in self.items:
            return self.starts[j], self.end(j)
        count = len(self.items[j])
        start = self.starts[j] if k < 0 else self.dash_line(j, k)
        end = self.dash_line(j, k + 1) if k + 1 < count else self.end(j)
        return None if start is None or end is None else (start, end)

    def unit_at(self, index: int) -> Unit | None:
        """The unit holding text[index]."""
        j = bisect.bisect_right(self.starts, index) - 1
        if j < 0:
            return PROLOGUE
        if j not in self.items:
            return (j, -1)
        k = _bisect_spans(self.items[j].spans, index)  # the '-' of the item after it may come before index too
        k += k + 1 < len(self.items[j]) and (self.dash_line(j, k + 1) or index + 1) <= index
        while k >= 0:
            line = self.dash_line(j, k)
            if line is None:
                return None
            if line <= index:
                return (j, k)
            k -= 1
        return (j, -1)

    def units_of(self, edit: Edit) -> list[Unit] | None:
        """The units an edit touches: an insertion belongs to the unit it ends, when it falls on a unit's start."""
        if edit.start == edit.end:
            first = last = self.unit_at(max(edit.start - 1, 0))
        else:
            first, last = self.unit_at(edit.start), self.unit_at(edit.end - 1)
        if first is None or last is None:
            return None
        return self.all_between(first, last)

    def all_between(self, first: Unit, last: Unit) -> list[Unit]:
        """Every unit from first to last, in text order."""
        out, unit = [first], first
        while unit < last:
            unit = self.next(unit)
            out.append(unit)
        return out

    def next(self, unit: Unit) -> Unit:
        j, k = unit
        if j in self.items and k + 1 < len(self.items[j]):
            return (j, k + 1)
        return (j + 1, -1)

    def runs(self, units: list[Unit]) -> list[list[Unit]]:
        """Touched units grouped into runs; runs one unedited unit apart share a neighbour and are joined."""
        runs: list[list[Unit]] = []
        for unit in units:
            if runs and unit in (self.next(runs[-1][-1]), self.next(self.next(runs[-1][-1]))):
                runs[-1] += self.all_between(self.next(runs[-1][-1]), unit)
            else:
                runs.append([unit])
        return runs

    def in_one_list(self, run: list[Unit]) -> bool:
        """True when a run lies within one top-level block list (its key lines and items)."""
        j = run[0][0]
        return j in self.items and all(u[0] == j for u in run)

    def items_region(self, j: int, k0: int, k1: int, edits: set[Edit]) -> Region | None:
        """Items k0..k1 of pair j's block list (k0 -1: its key lines too), with a neighbour on each side."""
        count = len(self.items[j])
        first, last = k0 > 0, k1 + 1 < count
        begin = self.bounds((j, k0 - 1) if first else (j, k0))
        end = self.bounds((j, k1 + 1) if last else (j, k1))
        if begin is None or end is None:
            return None
        edited = self._edited(begin[0], end[1], edits)
        head = self.bounds((j, -1))
        if edited is None or head is None:
            return None
        # the key lines, unedited, go first so that the items read as the list they are in
        text = self.doc.s[head[0]:head[1]] + edited if k0 >= 0 else edited
        key = self.root.value[j][0].value
        return Region(text, key, (begin[0], end[1]), edited, k0 - 1 if first else max(k0, 0), k1 + 2 if last else k1 + 1, first, last)

    def pairs_region(self, j0: int, j1: int, edits: set[Edit]) -> Region | None:
        """Whole top-level pairs j0..j1 (j0 -1: the lines before the first key too)."""
        begin = 0 if j0 < 0 else self.starts[j0]
        if begin and any(e.start == begin for e in edits):
            return None
        end = self.end(j1) if j1 >= 0 else self.starts[0]
        text = self._edited(begin, end, edits)
        if text is None:
            return None
        keys = tuple(self.root.value[j][0].value for j in range(max(j0, 0), j1 + 1))
        return Region(text, None, (begin, end), text, keys=keys)

    def _edited(self, begin: int, end: int, edits: set[Edit]) -> str | None:
        """The edited text of [begin, end): None when an edit reaches outside it, or the text no longer ends a line."""
        if any(e.start < begin or e.end > end for e in edits):
            return None
        text = apply_edits(self.doc.s[begin:end], list(edits), begin)
        if text is None or (end < len(self.doc.s) and not (text and text[-1] in BREAK_CHARS)):
            return None
        return text


def _bisect_spans(spans: list[tuple[int, int]], index: int) -> int:
    """The last item whose span starts at or before index (spans in text order)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][0] <= index:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1
