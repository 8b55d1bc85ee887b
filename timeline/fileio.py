"""Writing files so that nothing is ever half-written: temp file, fsync, rename, under a lock.

A write through a symbolic link goes to the link's target (the link stays); a device, a FIFO or a
socket is never written over; a replaced file keeps its mode and, where the system allows, its owner;
a file with other hard links is rewritten in place once the new content is safely on disk beside it,
so every link sees the edit.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from timeline.errors import LockedError, Problem, WriteError

LOCK_TIMEOUT = 30.0


def lock_path(path: Path) -> Path:
    """The lock file guarding path (beside the file a link points to, hidden)."""
    path = target_of(path)
    return path.with_name(f".{path.name}.lock")


def target_of(path: Path | str) -> Path:
    """The file that writing to path changes: path itself, or the end of its chain of symbolic links."""
    return Path(os.path.realpath(path))


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
    shown, path = Path(path), target_of(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        info = os.stat(path) if path.exists() else None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a directory")
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise WriteError([Problem("is a device, pipe or socket, not a file: nothing was written; choose a file path", str(shown))])
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(shown, exc) from None
    try:
        _replace(fd, tmp, path, payload, info)
    except OSError as exc:
        raise _write_error(shown, exc) from None


def _write_error(path: Path, exc: OSError) -> WriteError:
    """A user-facing message for a failed write: where, and why in the system's words."""
    why = exc.strerror or str(exc)
    if isinstance(exc, (FileExistsError, NotADirectoryError)) or not path.parent.is_dir():
        why = f"{why} ({path.parent} is not a folder that can hold files)"
    return WriteError([Problem(f"cannot write: {why}; choose another output path", str(path))])


def _replace(fd: int, tmp: str, path: Path, payload: bytes, info: os.stat_result | None) -> None:
    """Write payload into the open temp file, then rename it over path; remove the temp file on failure."""
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, info.st_mode & 0o777 if info else 0o644)
        if info is not None and info.st_nlink > 1:
            _rewrite_in_place(tmp, path)
            return
        if info is not None and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(OSError):  # only root may give a file away; others keep their own
                os.chown(tmp, info.st_uid, info.st_gid)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _rewrite_in_place(tmp: str, path: Path) -> None:
    """Copy the complete, synced temp file into path's own inode (so its hard links see it), then drop the copy.

    Interrupted half-way, the full new content is still in the temp file beside path.
    """
    with open(tmp, "rb") as source, open(path, "r+b") as target:
        shutil.copyfileobj(source, target)
        target.truncate()
        target.flush()
        os.fsync(target.fileno())
    os.unlink(tmp)
