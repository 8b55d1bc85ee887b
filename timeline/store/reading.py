"""Read events.yaml safely into plain data, with the line of every problem, and of every value when asked."""
from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from timeline.bulk import bulk
from timeline.errors import Problem, StoreError, shown
from timeline.store.scalars import PARSER, PLAIN_TAGS, SURROGATE, scalar_value

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64  # an event store nests about 9 levels; deeper is a mistake or an attack
MAX_PROBLEMS = 100  # report the first ones; a million wrong items must not print a million lines
Loc = tuple[Any, ...]

@dataclass
class Document:
    """A parsed YAML file: plain data plus the line where each value starts.

    The lines are found when first asked for (a second, line-tracking pass over the text), so a store read
    without a problem never pays for them.
    """

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    outline: list[Any] | None = None  # when asked for: the parser's events of the top two levels, for an editor
    text: str | None = field(default=None, repr=False)  # the text, while its lines are not yet known

    def line(self, loc: Loc) -> int | None:
        """Line of the value at loc, or of its nearest parent that has one."""
        if self.text is not None:
            self.lines = _line_table(self.path, self.text)
            self.text = None
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)


def read_yaml(path: Path | str) -> Document:
    """Parse a YAML file with safe_load semantics; raise StoreError with file:line on any problem.

    Only plain text, numbers, booleans, null, lists and mappings are constructed; tags, aliases,
    merge keys, duplicate keys, nesting deeper than MAX_DEPTH and lone surrogates are refused.
    """
    path = Path(path)
    return parse_yaml(path, decode(path, read_bytes(path)))


def parse_yaml(path: Path, text: str, outline: bool = False) -> Document:
    """Parse text (the contents of path, decoded) as read_yaml does; with outline, keep the events of the top
    level and of each top-level list's items (their starts and ends), so an editor need not parse again."""
    composer = _compose(path, text, outline, track=False)
    composer.doc.text = text
    return composer.doc


def _line_table(path: Path, text: str) -> dict[Loc, int]:
    """The line of every value of text (already read without a problem)."""
    return _compose(path, text, False, track=True).doc.lines


def _compose(path: Path, text: str, outline: bool, track: bool) -> _Composer:
    """A finished composer over text; raise StoreError with every problem found."""
    composer = _Composer(path, text, track)
    composer.doc.outline = [] if outline else None
    try:
        with bulk():
            composer.run()
    except yaml.MarkedYAMLError as exc:
        raise StoreError(composer.problems[:MAX_PROBLEMS] + [_syntax_problem(path, exc, text)]) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        what = f"character U+{exc.character:04X}" if isinstance(exc.character, int) else "a character"
        message = f"{what} is not allowed in YAML (a control character); remove it or write it as an escape in double quotes"
        raise StoreError(composer.problems + [Problem(message, str(path), line)]) from None
    except yaml.YAMLError as exc:
        raise StoreError(composer.problems + [Problem(f"not valid YAML: {exc}", str(path))]) from None
    if composer.problems:
        raise StoreError(_capped(composer.problems, len(composer.problems), path))
    return composer


def read_bytes(path: Path) -> bytes:
    """The file's bytes; refuses what is not a regular file of at most MAX_BYTES, with a message for the user."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise StoreError.at("is not a regular file (a device, pipe or socket); pass the path of an events.yaml file", path)
        if info.st_size > MAX_BYTES:
            raise StoreError.at(f"is {info.st_size // 2**20} MiB; an event store is limited to 64 MiB", path)
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # the file may grow after stat
        if len(raw) > MAX_BYTES:
            raise StoreError.at("is over 64 MiB; an event store is limited to 64 MiB", path)
    except FileNotFoundError:
        raise StoreError.at("file not found; create it or pass the path of your events.yaml", path) from None
    except IsADirectoryError:
        raise StoreError.at("is a directory; pass the path of an events.yaml file", path) from None
    except OSError as exc:
        raise StoreError.at(f"cannot read: {exc.strerror}", path) from None
    return raw


def decode(path: Path, raw: bytes) -> str:
    """A store's bytes as text (UTF-8; a byte order mark left out); refuses other encodings with the line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return _raise_encoding(path, line, raw[exc.start])
    return text.removeprefix("\ufeff")


def _raise_encoding(path: Path, line: int, byte: int) -> str:
    raise StoreError.at(f"byte 0x{byte:02x} is not UTF-8; save the file as UTF-8", path, line)


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    what = exc.problem or str(exc)
    lines = text.split("\n")
    if "\\t" in what or "tab" in what or (line and line <= len(lines) and "\t" in lines[line - 1]):
        what += " (indent with spaces, not tabs)"
    context = f" {exc.context}" if exc.context else ""
    return Problem(f"YAML syntax error:{context} {what}".replace("  ", " "), str(path), line)


class _Fatal(Exception):
    """A problem after which the rest of the file cannot be read sensibly."""


@dataclass(slots=True)
class _Frame:
    """A list or mapping being filled while its events stream past."""

    value: Any
    loc: Loc | None  # None: read only to be thrown away (the value of a refused key)
    line: int
    key: Any = None
    has_key: bool = False
    seen: dict[Any, int] = field(default_factory=dict)


_SKIP = object()  # stands for a refused key
# An event belongs to the outline when the open collections before it are at most this many: the root's
# keys and values, each top-level list's items as a start and an end (or one scalar), these in brief.
_OUTLINE_DEPTH = {yaml.ScalarEvent: 2, yaml.SequenceStartEvent: 2, yaml.MappingStartEvent: 2,
                  yaml.SequenceEndEvent: 3, yaml.MappingEndEvent: 3}


def _brief(event: Any) -> tuple[str, int, int]:
    """An item of a top-level list, as the outline keeps it: where it starts or ends ("start", "end" or
    "scalar", start index, end index); the whole event (and its marks) would cost a large store 30 MB."""
    kind = "scalar" if isinstance(event, yaml.ScalarEvent) else "end" if isinstance(event, _ENDS) else "start"
    return kind, event.start_mark.index, event.end_mark.index


_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _Composer:
    """Builds plain data, and the line of every value, from the parser's event stream without recursion."""

    def __init__(self, path: Path, text: str, track: bool = True) -> None:
        self.path, self.text, self.track = path, text, track  # track: note the line of every value
        self.doc = Document(path, None)
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.documents = 0
        self.plain: dict[str, Any] = {}  # plain scalars' values by their text

    def problem(self, message: str, line: int | None) -> None:
        self.problems.append(Problem(message, str(self.path), line))

    def fatal(self, message: str, event: Any) -> None:
        self.problem(message, event.start_mark.line + 1)
        raise _Fatal

    def run(self) -> None:
        """Read every event; stops at the first fatal problem."""
        handlers: dict[type, Any] = {
            yaml.SequenceStartEvent: self.open, yaml.MappingStartEvent: self.open,
            yaml.SequenceEndEvent: self.close, yaml.MappingEndEvent: self.close,
            yaml.DocumentStartEvent: self.document, yaml.AliasEvent: self.alias,
        }
        keep, stack, on_scalar, scalar = self.doc.outline, self.stack, self.on_scalar, yaml.ScalarEvent
        parser = PARSER(self.text)
        try:
            while parser.check_event():
                event = parser.get_event()
                if keep is not None and len(stack) <= _OUTLINE_DEPTH.get(event.__class__, -1):
                    keep.append(_brief(event) if len(stack) == _OUTLINE_DEPTH[event.__class__] else event)
                if event.__class__ is scalar:
                    on_scalar(event)
                elif event.__class__ in handlers:
                    handlers[event.__class__](event)
        except _Fatal:
            return
        finally:
            parser.dispose()

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.fatal("YAML syntax error: a second document (---) in the file; an event store is one document", event)

    def alias(self, event: Any) -> None:
        self.fatal("aliases (*name) are not allowed in an event store; write the value out", event)

    def close(self, _event: Any) -> None:
        frame = self.stack.pop()
        self.add(frame.value, frame.line, None)

    def open(self, event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.fatal(f"nested more than {MAX_DEPTH} levels deep; an event store needs about 9", event)
        is_map = isinstance(event, yaml.MappingStartEvent)
        self.check_tag(event, "tag:yaml.org,2002:map" if is_map else "tag:yaml.org,2002:seq")
        self.stack.append(_Frame({} if is_map else [], self.child_loc(), event.start_mark.line + 1))

    def check_tag(self, event: Any, *allowed: str) -> bool:
        if event.tag in (None, "!", *allowed):
            return True
        shown = event.tag.replace("tag:yaml.org,2002:", "!!")[:80]
        self.problem(f"the tag {shown} is not allowed; an event store holds only text, numbers, lists and mappings",
                     event.start_mark.line + 1)
        return False

    def child_loc(self) -> Loc | None:
        """Where the next value goes: () for the root, the open list's next index, or the mapping's key."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if frame.loc is None:
            return None
        if isinstance(frame.value, list):
            return (*frame.loc, len(frame.value)) if self.track else ()
        if not frame.has_key or frame.key is _SKIP:
            return None
        return (*frame.loc, frame.key) if self.track else ()

    def on_scalar(self, event: Any) -> None:
        """A scalar's value in its place; a mapping's value, by far the most common event, takes a short cut."""
        if event.tag is None and event.implicit[0]:  # plain: the same text always has the same value
            value = self.plain.get(event.value, _SKIP)
            if value is _SKIP:
                value = self.plain[event.value] = scalar_value(None, event.value, event.implicit, event.style)
        else:
            value = self.scalar(event)
        frame = self.stack[-1] if self.stack else None
        if frame is None or frame.value.__class__ is not dict:
            self.add(value, event.start_mark.line + 1, event)
        elif not frame.has_key:
            self.take_key(frame, value, event.start_mark.line + 1, event)
        else:
            if frame.key is not _SKIP:
                frame.value[frame.key] = value
            frame.has_key, frame.key = False, None

    def scalar(self, event: Any) -> Any:
        if event.tag is not None and not self.check_tag(event, *PLAIN_TAGS):
            return None
        value = scalar_value(event.tag, event.value, event.implicit, event.style)
        if event.style == '"' and isinstance(value, str) and SURROGATE.search(value):  # only an escape makes one
            self.problem("contains a lone surrogate (\\ud800-\\udfff), which is not a character; remove it",
                         event.start_mark.line + 1)
        return value

    def add(self, value: Any, line: int, event: Any) -> None:
        """Put a finished value (a scalar's event, or a closed collection when event is None) in its place."""
        if not self.stack:
            self.doc.data = value
            self.doc.lines[()] = line
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            if self.track and frame.loc is not None:
                self.doc.lines.setdefault((*frame.loc, len(frame.value)), line)
            frame.value.append(value)
        elif not frame.has_key:
            self.take_key(frame, value, line, event)
        else:
            if frame.key is not _SKIP:
                frame.value[frame.key] = value
            frame.has_key, frame.key = False, None

    def take_key(self, frame: _Frame, key: Any, line: int, event: Any) -> None:
        frame.has_key, frame.key = True, _SKIP
        if event is not None and event.tag is None and event.value == "<<" and event.style is None:
            self.fatal("merge keys (<<) and aliases are not allowed; write the keys out", event)
        if event is None or not isinstance(key, str):
            what = "a list or mapping" if event is None else _kind(key)
            self.problem(f"a mapping key must be text, not {what}; keys are names such as title or date", line)
            return
        if key in frame.seen:
            self.problem(f"duplicate key {shown(key)} (first at line {frame.seen[key]}); keep one", line)
            return
        frame.seen[key] = line
        frame.key = key
        if self.track and frame.loc is not None:
            self.doc.lines[(*frame.loc, key)] = line


def _capped(problems: list[Problem], total: int, path: Path) -> list[Problem]:
    """The first MAX_PROBLEMS problems, and how many more there are."""
    if total <= MAX_PROBLEMS:
        return problems
    return problems[:MAX_PROBLEMS] + [Problem(f"... and {total - MAX_PROBLEMS} more problems; fix these first", str(path))]


def _kind(value: Any) -> str:
    """How YAML read a value, in the editor's words."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the text {shown(value, 40)}"

