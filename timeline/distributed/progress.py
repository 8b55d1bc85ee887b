"""Documents done / total on stderr while a cluster works (a tqdm bar, as one process shows), or a
caller's function told (done, total) after each shard."""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

Report = Callable[[int, int], None]


class Progress:
    """Counts documents as shards finish; `total` is known once the shards are counted."""

    def __init__(self, show: bool | None | Report, total: int) -> None:
        self.done, self.total = 0, total
        self.report: Report | None = show if callable(show) else None
        self.bar: Any = None
        if not callable(show) and (sys.stderr.isatty() if show is None else show):
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)

    def add(self, documents: int) -> None:
        self.done += documents
        if self.bar is not None:
            self.bar.update(documents)
        if self.report is not None:
            self.report(self.done, self.total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def count_documents(shard: str) -> int:
    """Runs on a worker: the articles a shard holds at most (its non-blank lines), for the total."""
    try:
        with open(shard, "rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return 0  # reading it reports why
