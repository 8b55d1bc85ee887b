"""Shell completion of what the store names (event, lane and source ids) and of output formats.

Click calls these while the user presses Tab, so they read the store cheaply (YAML only, no
validation, no source texts) and never fail: a store that cannot be read completes to nothing.
Activation lines for bash, zsh and fish are in the README ("Shell completion").
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.shell_completion import CompletionItem

DEFAULT_STORE = "events.yaml"
Completer = Callable[[click.Context, click.Parameter, str], list[CompletionItem]]


def store_entries(path: Path, kind: str) -> list[dict[str, Any]]:
    """The mappings of one list of the store (events, lanes or sources), read without validation; [] on any trouble."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=loader)  # noqa: S506 (a safe loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    entries = data.get(kind) if isinstance(data, dict) else None
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)] if isinstance(entries, list) else []


def _store(ctx: click.Context) -> Path:
    """The store the command line names so far (its store argument or --store), else events.yaml."""
    value = ctx.params.get("store")
    return Path(value) if value else Path(DEFAULT_STORE)


def _ids(kind: str, keep: Callable[[dict[str, Any]], bool] = lambda e: True, label: str = "title") -> Completer:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        entries = store_entries(_store(ctx), kind)
        return [CompletionItem(e["id"], help=_one_line(e.get(label))) for e in entries
                if e["id"].startswith(incomplete) and keep(e)]
    return complete


def _one_line(value: Any) -> str | None:
    return " ".join(str(value).split())[:80] if value else None


complete_event_id = _ids("events")
complete_candidate_id = _ids("events", lambda e: e.get("status", "candidate") == "candidate")
complete_lane_id = _ids("lanes", label="label")
complete_source_id = _ids("sources")


def complete_format(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Every builder's name (and, for export, the spreadsheet formats)."""
    from timeline.builders import builder_names

    names = set(builder_names()) | ({"csv", "xlsx"} if ctx.command.name == "export" else set())
    return [CompletionItem(name) for name in sorted(names) if name.startswith(incomplete)]
