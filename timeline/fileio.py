"""Writing files so that nothing is ever half-written: temp file, fsync, rename, under a lock."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from timeline.errors import LockedError

LOCK_TIMEOUT = 30.0


def lock_path(path: Path) -> Path:
    """The lock file guarding path (beside it, hidden)."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path | str, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock on path while reading and writing it; another timeline process waits its turn."""
    path = Path(path)
    lock = FileLock(str(lock_path(path)))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise LockedError.at(f"another timeline process has held the lock for {timeout:.0f} s; try again when it is done", path) from None
    try:
        yield
    finally:
        lock.release()


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """Replace path with data in one step: readers see the old file or the new one, never a mix."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
