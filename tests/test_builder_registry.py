"""Builders are registered explicitly, by "module:Class", and a second builder with a taken name is refused."""
from __future__ import annotations

import sys

import pytest

from timeline import builders
from timeline.builders import BUILTIN, Builder, UnknownBuilder, get_builder, register_builder


@pytest.mark.parametrize("name", sorted(BUILTIN))
def test_each_builtin_resolves_to_its_builder_class(name: str) -> None:
    cls = get_builder(name)
    assert issubclass(cls, Builder) and cls.name == name
    assert BUILTIN[name] == f"{cls.__module__}:{cls.__qualname__}"


def test_importing_a_builder_module_registers_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builders, "_REGISTRY", {})
    sys.modules.pop("timeline.builders.markdown", None)
    __import__("timeline.builders.markdown")
    assert builders._REGISTRY == {}, "registration happened as an import side effect"
    assert get_builder("markdown").name == "markdown" and "markdown" in builders._REGISTRY


def test_a_taken_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builders, "_REGISTRY", {})
    get_builder("markdown")
    impostor = type("Impostor", (Builder,), {"name": "markdown", "suffix": ".md"})
    with pytest.raises(ValueError, match="already registered"):
        register_builder(impostor)


def test_an_unknown_name_is_a_key_error_naming_it() -> None:
    with pytest.raises(UnknownBuilder, match="pdf"):
        get_builder("pdf")


def test_the_source_tree_imports_builders_as_installed() -> None:
    """`python -m timeline` from a clone (cwd first on sys.path) finds timeline.builders in builders/."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    assert (root / "timeline" / "builders").resolve() == (root / "builders").resolve()
