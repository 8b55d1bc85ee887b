"""Errors the library raises; only the CLI turns them into messages and exit codes."""
from __future__ import annotations

from typing import Self

from dataclasses import dataclass
from pathlib import Path


def shown(value: object, limit: int = 60) -> str:
    """A user's value quoted for a message: repr (so control characters show as escapes), cut to limit."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's file, located as precisely as we can."""

    message: str
    file: str | None = None
    line: int | None = None
    event_id: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where = f"{self.file}:{self.line}"
        prefix = f"{where}: " if where else ""
        kind = "warning: " if self.warning else ""
        event = f"event {self.event_id!r}: " if self.event_id and self.event_id not in self.message else ""
        return f"{prefix}{kind}{event}{self.message}"


class TimelineError(Exception):
    """A mistake in the user's data or arguments; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, message: str, file: str | Path | None = None, line: int | None = None) -> Self:
        """Build an error about one place in one file."""
        return cls(Problem(message, str(file) if file is not None else None, line))


class StoreError(TimelineError):
    """events.yaml cannot be read or does not validate."""


class LockedError(TimelineError):
    """Another timeline process holds the lock on a file we must write."""


class WriteError(TimelineError):
    """A file cannot be written where the user asked (missing folder, no permission, a device, a full disk)."""
