"""Citation offsets: find a quote in a source text (typography folded), and set every citation's offset.

Citations name a source, quote it exactly and give the quote's character offset in the source's file
as read as UTF-8. Counting offsets by hand is error-prone, so `fix_offsets` locates each citation's
quote inside its source and rewrites its `offset:` (and its `quote:` when the quote differed from the
source only in quote marks, dashes or spacing) through the same editor as every other edit: the rest
of the file stays byte for byte. When a quote occurs several times, the occurrence nearest the current
offset wins (so a rough offset picks another one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from timeline.curate.editing import edit_store, short
from timeline.errors import Problem
from timeline.schema import Citation, Store
from timeline.sources import SourceText, load_sources
from timeline.store import citations_of
from timeline.yamledit import YamlEditor

# Characters an editor is likely to type differently from the source: fold them to one form.
FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})
Loc = tuple[object, ...]


@dataclass
class Folded:
    """A text with typography folded and whitespace runs collapsed, mapped back to the original."""

    text: str
    starts: list[int]  # starts[i]: index in the original of folded character i

    @classmethod
    def of(cls, original: str) -> Folded:
        """Fold original, remembering where each kept character came from."""
        chars: list[str] = []
        starts: list[int] = []
        for i, ch in enumerate(original.translate(FOLD)):
            if ch.isspace():
                if chars and chars[-1] == " ":
                    continue
                ch = " "
            chars.append(ch)
            starts.append(i)
        return cls("".join(chars), starts)


def fold_query(quote: str) -> str:
    """A quote folded the same way as a Folded text (and trimmed)."""
    return re.sub(r"\s+", " ", quote.translate(FOLD)).strip()


def find_all(text: str, quote: str, bounds: tuple[int, int] | None = None) -> list[tuple[int, str]]:
    """Every (offset, exact text) where quote occurs in text within bounds, exact or typographically folded."""
    start, end = bounds or (0, len(text))
    exact = [(m.start(), quote) for m in re.finditer(re.escape(quote), text[start:end])]
    if exact:
        return [(start + offset, found) for offset, found in exact]
    folded, query = Folded.of(text[start:end]), fold_query(quote)
    if not query:
        return []
    found = []
    for m in re.finditer(re.escape(query), folded.text):
        first = folded.starts[m.start()]
        last = folded.starts[m.end() - 1] + 1
        found.append((start + first, text[start + first:start + last]))
    return found


def nearest(matches: list[tuple[int, str]], hint: int) -> tuple[int, str]:
    """The match closest to hint (the current offset)."""
    return min(matches, key=lambda match: abs(match[0] - hint))


def yaml_scalar(value: str) -> str:
    """value as a one-line YAML scalar: single-quoted, or double-quoted with escapes when it holds
    whitespace other than plain spaces (a no-break space stays visible as \\u00a0)."""
    if not any(ch.isspace() and ch != " " for ch in value):
        return "'" + value.replace("'", "''") + "'"
    out = []
    for ch in value:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch.isspace() and ch != " " or not ch.isprintable():
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


@dataclass
class OffsetReport:
    """What `fix_offsets` changed (or would change) and the citations it could not place."""

    changes: int = 0  # offset and quote values rewritten
    problems: list[Problem] = field(default_factory=list)

    def lines(self, store: Path | str, dry_run: bool) -> list[str]:
        """The report for a terminal."""
        return [str(p) for p in self.problems] + [f"{store}: {self.changes} value(s) {'would change' if dry_run else 'changed'}"]


def fix_offsets(path: Path | str, dry_run: bool = False) -> OffsetReport:
    """Set every citation's offset (and fix typographic drift in its quote); with dry_run, write nothing."""
    path = Path(path)
    report = OffsetReport()

    def plan(store: Store, editor: YamlEditor) -> OffsetReport:
        texts, _problems = load_sources(store, path.parent)
        items = [("events", i, e) for i, e in enumerate(store.events)] + [("eras", i, e) for i, e in enumerate(store.eras)]
        for kind, i, item in items:
            for loc, citation in citations_of(item, (kind, i)):
                _fix(editor, loc, citation, texts, path, report)
        return report

    edit_store(path, plan, write=not dry_run)
    return report


def _fix(editor: YamlEditor, loc: Loc, citation: Citation, texts: dict[str, SourceText], path: Path, report: OffsetReport) -> None:
    """Rewrite one citation's offset and quote to where its quote is, or record why it cannot be placed."""
    def problem(message: str) -> None:
        report.problems.append(Problem(message, str(path), editor.line((*loc, "quote"))))

    item = texts.get(citation.source)
    if item is None:
        return problem(f"source {citation.source!r} is unknown or cannot be read")
    matches = find_all(item.text, citation.quote, item.source.segment)
    if not matches:
        return problem(f"quote not found in {citation.source!r}: {short(citation.quote, 70)!r}")
    offset, exact = nearest(matches, citation.offset)
    if offset != citation.offset:
        editor.set(loc, "offset", offset)
        report.changes += 1
    if exact == citation.quote:
        return None
    node = editor.node((*loc, "quote"))
    if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">") or node.start_mark.line != node.end_mark.line:
        return problem("the quote differs from the source only in typography, but it spans several lines; write it on one line")
    editor.replace_scalar((*loc, "quote"), yaml_scalar(exact))
    report.changes += 1
    return None
