"""Output builders: one class per format, registered by name; the base class owns the run sequence."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, ClassVar

from timeline.fileio import write_atomic
from timeline.schema import Store
from timeline.sources import SourceText

ENTRY_POINT_GROUP = "annotated_timeline.builders"


@dataclass
class BuildContext:
    """What every builder gets: the validated store, its loaded source texts, and the user's options."""

    store: Store
    texts: dict[str, SourceText]
    store_path: Path
    options: dict[str, Any] = field(default_factory=dict)


class Builder:
    """Turns a store into one output format. Subclasses set name, suffix, epilog and write render()."""

    name: ClassVar[str] = ""
    suffix: ClassVar[str] = ""
    epilog: ClassVar[str] = ""
    filename: ClassVar[str] = "timeline"

    def __init__(self, context: BuildContext) -> None:
        self.context = context
        self.store = context.store
        self.options = context.options

    def render(self) -> str | bytes:
        """The output, made without any I/O."""
        raise NotImplementedError(f"builder {self.name!r} must implement render()")

    def build(self, outdir: Path) -> list[Path]:
        """Write the output into outdir atomically; return the files written."""
        return self.write(outdir / f"{self.filename}{self.suffix}")

    def write(self, target: Path) -> list[Path]:
        """Write the output to the file target atomically (and what it needs beside it); return the files written."""
        write_atomic(target, self.render())
        return [target]


# The built-in builders, as "module:Class", imported on demand (plotly is heavy). Third-party builders
# arrive through the entry-point group ENTRY_POINT_GROUP. Registration is explicit: no import side effects.
BUILTIN: dict[str, str] = {
    "html": "timeline.builders.html:HtmlBuilder",
    "markdown": "timeline.builders.markdown:MarkdownBuilder",
    "timelinejs": "timeline.builders.timelinejs:TimelineJSBuilder",
    "timelinejs-sheet": "timeline.builders.timelinejs_sheet:TimelineJSSheetBuilder",
    "ics": "timeline.builders.ics:IcsBuilder",
    "html-fragment": "timeline.builders.html_fragment:FragmentBuilder",
    "png": "timeline.builders.image:PngBuilder",
    "svg": "timeline.builders.image:SvgBuilder",
}

_REGISTRY: dict[str, type[Builder]] = {}
_PLUGINS_LOADED = False


class UnknownBuilder(KeyError):
    """No builder is registered under that format name."""


def register_builder(cls: type[Builder]) -> type[Builder]:
    """Register a builder class under its name; a second builder with the same name is refused."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise ValueError(f"a builder named {cls.name!r} is already registered ({_REGISTRY[cls.name].__qualname__})")
    _REGISTRY[cls.name] = cls
    return cls


def get_builder(name: str) -> type[Builder]:
    """The builder class for a format name, loading a built-in or the entry-point plugins as needed."""
    if name not in _REGISTRY and name in BUILTIN:
        register_builder(_load(BUILTIN[name]))
    if name not in _REGISTRY:
        _load_plugins()
    if name not in _REGISTRY:
        raise UnknownBuilder(name)
    return _REGISTRY[name]


def builder_names() -> list[str]:
    """Every format that can be built."""
    _load_plugins()
    return sorted(set(BUILTIN) | set(_REGISTRY))


def _load(spec: str) -> type[Builder]:
    module, _, qualname = spec.partition(":")
    cls = getattr(import_module(module), qualname)
    if not (isinstance(cls, type) and issubclass(cls, Builder)):
        raise TypeError(f"{spec} is not a Builder class")
    return cls


def _load_plugins() -> None:
    global _PLUGINS_LOADED
    if _PLUGINS_LOADED:
        return
    _PLUGINS_LOADED = True
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        register_builder(entry.load())
