"""Editor's helper for events.yaml: find quotes in source texts, set citation offsets, hash sources.

Citations in events.yaml name a source, quote it exactly and give the quote's character offset
(Python string index in the source's file as read as UTF-8; for a segment source the offset still
indexes the whole file). Counting offsets by hand is error-prone, so:

    python tools/curate_offsets.py find sources/rferl-return-and-repent.txt "set up on May 9"
        print every offset where the text occurs (typographic quotes, dashes and runs of
        whitespace in the query need not match the file exactly) and the exact text found there

    python tools/curate_offsets.py hash sources/isis-tag-archive.txt --segment 20 1649
        print the sha256 to put in a source entry (of the segment, when given)

    python tools/curate_offsets.py fix events.yaml [--dry-run]
        for every citation in events.yaml (events, eras and dispute claims): locate its quote inside
        its source, then rewrite the `offset:` line, and the `quote:` line when the quote differed
        from the source only in quote marks, dashes or spacing. When a quote occurs several times,
        the occurrence nearest the current offset wins (give a rough offset to pick another one).
        Comments and layout are kept; the file is written atomically. Quotes that cannot be found
        are listed and left alone; the exit code is then 1.

Write each `quote:` and `offset:` on its own line (block style) so that `fix` can rewrite them.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from timeline.errors import TimelineError
from timeline.fileio import locked, write_atomic
from timeline.sources import read_source_file, text_hash
from timeline.store import citations_of, load_store

# Characters an editor is likely to type differently from the source: fold them to one form.
FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})


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


def _replace_value(line: str, key: str, value: str) -> str | None:
    """line with its `key: ...` value replaced, or None when the line is not that key."""
    m = re.match(rf"^(\s*(?:-\s+)?{key}:\s*)(.*)$", line)
    if not m:
        return None
    return m.group(1) + value


def fix_store(path: Path, dry_run: bool = False) -> tuple[int, list[str]]:
    """Set every citation's offset (and fix typographic drift in its quote); return (changes, problems)."""
    store, doc = load_store(path)
    texts: dict[str, tuple[str, tuple[int, int] | None]] = {}
    for source in store.sources:
        texts[source.id] = (read_source_file(path.parent / source.file), source.segment)
    lines = path.read_text(encoding="utf-8").split("\n")
    items = [("events", i, e) for i, e in enumerate(store.events)] + [("eras", i, e) for i, e in enumerate(store.eras)]
    changes, problems = 0, []
    for kind, i, item in items:
        for loc, citation in citations_of(item, (kind, i)):
            where = f"{path}:{doc.line((*loc, 'quote'))}"
            if citation.source not in texts:
                problems.append(f"{where}: unknown source {citation.source!r}")
                continue
            text, segment = texts[citation.source]
            matches = find_all(text, citation.quote, segment)
            if not matches:
                problems.append(f"{where}: quote not found in {citation.source!r}: {citation.quote[:70]!r}")
                continue
            offset, exact = nearest(matches, citation.offset)
            changes += _rewrite(lines, doc.line((*loc, "offset")), "offset", str(offset), offset != citation.offset, problems, where)
            quote_line = doc.line((*loc, "quote"))
            if exact != citation.quote and not _holds_whole(lines, quote_line, "quote", citation.quote):
                problems.append(f"{where}: the quote differs from the source only in typography, but it spans several lines; write it on one line")
                continue
            changes += _rewrite(lines, quote_line, "quote", yaml_scalar(exact), exact != citation.quote, problems, where)
    if changes and not dry_run:
        with locked(path):
            write_atomic(path, "\n".join(lines))
    return changes, problems


def _holds_whole(lines: list[str], line_no: int | None, key: str, value: str) -> bool:
    """True when the `key:` line alone holds the whole scalar value (so it can be replaced in place)."""
    if not line_no:
        return False
    m = re.match(rf"^\s*(?:-\s+)?{key}:\s*(.*)$", lines[line_no - 1])
    try:
        return bool(m) and yaml.safe_load(f"v: {m.group(1)}") == {"v": value}  # type: ignore[union-attr]
    except yaml.YAMLError:
        return False


def _rewrite(lines: list[str], line_no: int | None, key: str, value: str, needed: bool, problems: list[str], where: str) -> int:
    if not needed:
        return 0
    new = _replace_value(lines[line_no - 1], key, value) if line_no else None
    if new is None:
        problems.append(f"{where}: cannot rewrite {key} (write `{key}:` on its own line)")
        return 0
    lines[line_no - 1] = new
    return 1


def main(argv: list[str] | None = None) -> int:
    """Command line: find, hash, fix."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    find = sub.add_parser("find", help="offsets of a quote in a source file")
    find.add_argument("file", type=Path)
    find.add_argument("quote")
    find.add_argument("--segment", type=int, nargs=2, metavar=("START", "END"))
    hashp = sub.add_parser("hash", help="sha256 of a source file or segment")
    hashp.add_argument("file", type=Path)
    hashp.add_argument("--segment", type=int, nargs=2, metavar=("START", "END"))
    fix = sub.add_parser("fix", help="set every citation offset in an events.yaml")
    fix.add_argument("store", type=Path, nargs="?", default=Path("events.yaml"))
    fix.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except TimelineError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "find":
        text = read_source_file(args.file)
        matches = find_all(text, args.quote, tuple(args.segment) if args.segment else None)
        for offset, exact in matches:
            print(f"{offset}\t{exact}")
        return 0 if matches else 1
    if args.command == "hash":
        text = read_source_file(args.file)
        print(text_hash(text[args.segment[0]:args.segment[1]] if args.segment else text))
        return 0
    changes, problems = fix_store(args.store, args.dry_run)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{changes} line(s) {'would change' if args.dry_run else 'changed'}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
