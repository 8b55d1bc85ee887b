"""The one set of rules by which events.yaml's scalars are read: `yaml.safe_load` semantics, except that
dates stay text, only true/false are booleans, and a number that would not read back as written stays text.

The store's reader (timeline.store.reading) and the editor (timeline.yamledit) both use these rules, so an
edit never reads a value differently from `timeline check`.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
SURROGATE = re.compile("[\ud800-\udfff]")
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null")}
STR = "tag:yaml.org,2002:str"


class StoreLoader(yaml.SafeLoader):
    """Scalar resolution for an event store: dates stay text, and only true/false are booleans
    (YAML 1.1 reads yes/no/on/off as booleans, so `title: no` would lose the title)."""


StoreLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
# libyaml's event parser is ~20x faster than PyYAML's; both are iterative, and so is our composer.
PARSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_RULES = StoreLoader("")
_FIRST = frozenset(k for k in StoreLoader.yaml_implicit_resolvers if k)  # first characters of non-text plain scalars


def scalar_value(tag: str | None, text: str, implicit: Any = (True, False), style: str | None = None) -> Any:
    """The value of a scalar (its tag already checked to be one of PLAIN_TAGS, None or '!') under the store's rules."""
    if tag is None and (not implicit[0] or (text and text[0] not in _FIRST)):
        return text  # quoted, or plain text that no rule reads as anything but text (the common case, made fast)
    if tag is None:
        tag = _RULES.resolve(yaml.ScalarNode, text, implicit)  # type: ignore[no-untyped-call]
    elif tag == "!":
        tag = STR
    construct = _RULES.yaml_constructors.get(tag)
    if construct is None:  # the merge key '<<' (refused as a key)
        return text
    try:
        value = construct(_RULES, yaml.ScalarNode(tag, text, None, None, style))
    except (yaml.YAMLError, ValueError, OverflowError):
        return text
    if isinstance(value, (int, float)) and not isinstance(value, bool) and str(value) != text:
        return text  # 0x1F, 1_000, 007, 1:30, 1e3, .inf: keep what the editor wrote, as text
    return value
