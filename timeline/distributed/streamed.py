"""What a run on the cluster hands to the printer (run.extract_streaming): an extraction whose
documents and records are taken from the workers as they are printed, never all held on the client.

It answers what the printers ask of timeline.extract.events.Extraction (`documents`, `records`,
`events`, `problems`); each of the first three is read once, in order, and knows its length first.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from timeline.errors import Problem

if TYPE_CHECKING:
    from timeline.schema import Event

T = TypeVar("T")


class Taken(Generic[T]):
    """Items read once, in order, whose number is known before they are read."""

    def __init__(self, length: int, items: Iterable[T]) -> None:
        self.length, self.items = length, iter(items)

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[T]:
        return self.items


@dataclass(frozen=True)
class Streamed:
    """An extraction read from the workers as it is printed (see the module's docstring)."""

    documents: Taken[Any]
    records: Taken[dict[str, Any]]
    problems: tuple[Problem, ...] = ()

    @property
    def events(self) -> Taken[Event]:
        """The records as schema events, as they are read (timeline.extract.events.to_event)."""
        from timeline.extract.events import to_event

        return Taken(len(self.records), map(to_event, self.records))
