"""Reading a source file safely: one policy for every reader of source texts in the product.

A source is a regular file (a device or a pipe would never end), read as UTF-8 with newlines as
Python's text mode reads them (what citation offsets count). At most MAX_SOURCE_BYTES are held at
once: a whole file read for citing or extracting, or one line (one article) of a streamed JSONL corpus.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from timeline.errors import Problem

MAX_SOURCE_BYTES = 256 * 1024 * 1024
BINARY_SNIFF = 8192  # a NUL byte in this many first bytes: a binary file, not text


def _too_big() -> str:
    return f"larger than {MAX_SOURCE_BYTES // 2**20} MiB"


def open_regular(path: Path | str) -> BinaryIO:
    """The file opened for reading bytes; OSError for a directory or what is not a regular file."""
    _regular_size(path)
    return open(path, "rb")


def _regular_size(path: Path | str) -> int:
    """The size of a regular file; OSError for a directory, a device, a pipe or a socket."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file (a device, pipe or socket)", str(path))
    return info.st_size


def source_bytes(path: Path | str) -> bytes:
    """The file's bytes; OSError when it is not a regular file or holds more than MAX_SOURCE_BYTES."""
    size = _regular_size(path)
    if size > MAX_SOURCE_BYTES:
        raise OSError(errno.EFBIG, _too_big(), str(path))
    with open(path, "rb") as handle:
        data = handle.read(size + 1)  # a buffer the file's size, not the limit's
        if len(data) > size:  # it grew after stat
            data += handle.read(MAX_SOURCE_BYTES + 1 - len(data))
    if len(data) > MAX_SOURCE_BYTES:
        raise OSError(errno.EFBIG, _too_big(), str(path))
    return data


def decode(data: bytes) -> str:
    """UTF-8 text with newlines as Python's text mode reads them (\\r\\n and \\r become \\n)."""
    text = data.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if b"\r" in data else text


def read_source_file(path: Path | str) -> str:
    """The file's text as citation offsets count it. Raises OSError or UnicodeDecodeError."""
    return decode(source_bytes(path))


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """The file as citation offsets count it, or None (with a Problem) when it is not usable text."""
    try:
        data = source_bytes(path)
        if b"\0" in data[:BINARY_SNIFF]:
            problems.append(Problem("binary file (contains NUL bytes), not text; skipped", str(path)))
            return None
        text = decode(data)
    except UnicodeDecodeError as exc:
        problems.append(Problem(_encoding_message(path, exc), str(path)))
        return None
    except OSError as exc:
        problems.append(Problem(f"cannot read: {exc.strerror or exc}; skipped", str(path)))
        return None
    if not text.strip():
        problems.append(Problem("empty file; skipped", str(path)))
        return None
    return text


def _encoding_message(path: Path, exc: UnicodeDecodeError) -> str:
    byte = exc.object[exc.start : exc.start + 1].hex() if isinstance(exc.object, bytes) else "?"
    return (
        f"not UTF-8 (byte 0x{byte} at byte offset {exc.start}); skipped, because citation offsets must index "
        f"the file as UTF-8. Convert it first, e.g. iconv -f cp1252 -t utf-8 '{path.name}' > converted{path.suffix}"
    )


def read_lines(path: Path, problems: list[Problem]) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of every line of a streamed corpus; a line over MAX_SOURCE_BYTES is a
    Problem and is skipped, so memory stays bounded whatever the file holds."""
    try:
        handle = open_regular(path)
    except OSError as exc:
        problems.append(Problem(f"cannot read: {exc.strerror or exc}; skipped", str(path)))
        return
    with handle:
        lineno = 0
        while line := handle.readline(MAX_SOURCE_BYTES + 1):
            lineno += 1
            if len(line) > MAX_SOURCE_BYTES:
                problems.append(Problem(f"line {_too_big()}; article skipped", str(path), lineno))
                if not line.endswith(b"\n"):
                    _skip_line(handle)
                continue
            yield lineno, line


def _skip_line(handle: BinaryIO) -> None:
    """Read past the rest of an over-long line, a chunk at a time."""
    while chunk := handle.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return
