"""New YAML text for values: one-line scalars that read back as the same value, and flow collections."""
from __future__ import annotations

from typing import Any

import yaml

WIDTH = 10**9


def render_scalar(value: Any, style: str | None = None, flow: bool = False) -> str:
    """One YAML scalar on one line, readable back by the safe loader as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    value = str(value)
    if style in ("'", '"'):
        text = _dump(value, style, flow)
        if one_line_text(text):
            return text
    text = _dump(value, None, flow)
    return text if one_line_text(text) else _dump(value, '"', flow)


def one_line_text(text: str) -> bool:
    """True when no YAML line break (\\n, \\r, NEL, LS, PS) is written raw."""
    return not any(c in text for c in "\n\r\x85\u2028\u2029")


def _dump(value: str, style: str | None, flow: bool) -> str:
    out = yaml.safe_dump({"k": value}, width=WIDTH, allow_unicode=True, default_style=style, default_flow_style=flow)
    out = out.rstrip("\n")
    if flow:
        out = out[1:-1]
    prefix = {None: "k: ", "'": "'k': ", '"': '"k": '}[style]
    return out[len(prefix):]


def flow_text(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_text(k)}: {flow_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_text(v) for v in value) + "]"
    return render_scalar(value, flow=True)


def key_text(key: Any) -> str:
    return render_scalar(key)


def is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))
