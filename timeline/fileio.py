"""Writing files so that nothing is ever half-written: temp file, fsync, rename, under a lock."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from timeline.errors import LockedError, Problem, WriteError

LOCK_TIMEOUT = 30.0


def lock_path(path: Path) -> Path:
    """The lock file guarding path (beside it, hidden)."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path | str, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock on path while reading and writing it; another timeline process waits its turn."""
    path = Path(path)
    try:  # filelock retries until the timeout on a lock file it cannot create: find out at once
        lock_path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(lock_path(path), "a"):
            pass
    except OSError as exc:
        raise _write_error(path, exc) from None
    lock = FileLock(str(lock_path(path)))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise LockedError.at(f"another timeline process has held the lock for {timeout:.0f} s; try again when it is done", path) from None
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        yield
    finally:
        lock.release()


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """Replace path with data in one step: readers see the old file or the new one, never a mix."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(21, "is a directory")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        _replace(fd, tmp, path, payload)
    except OSError as exc:
        raise _write_error(path, exc) from None


def _write_error(path: Path, exc: OSError) -> WriteError:
    """A user-facing message for a failed write: where, and why in the system's words."""
    why = exc.strerror or str(exc)
    if isinstance(exc, (FileExistsError, NotADirectoryError)) or not path.parent.is_dir():
        why = f"{why} ({path.parent} is not a folder that can hold files)"
    return WriteError([Problem(f"cannot write: {why}; choose another output path", str(path))])


def _replace(fd: int, tmp: str, path: Path, payload: bytes) -> None:
    """Write payload into the open temp file, then rename it over path; remove the temp file on failure."""
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
