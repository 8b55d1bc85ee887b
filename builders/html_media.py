"""Pictures of events for the page: local image files read once and carried inside the page as data: URIs.

The page's policy allows images from data: only, so it stays one self-contained file that makes no request;
a picture given by URL is shown as a link to it, never loaded.
"""
from __future__ import annotations

import base64
from pathlib import Path

from timeline.errors import Problem, TimelineError
from timeline.schema import Media, Store
from timeline.sources import _outside_project

MAX_BYTES = 2_000_000  # per picture: the page carries it (base64 adds a third)
_SIGNATURES = [(b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF87a", "image/gif"),
               (b"GIF89a", "image/gif")]


def image_type(head: bytes) -> str | None:
    """The MIME type of a PNG, JPEG, GIF or WebP file from its first bytes, or None for anything else (SVG too)."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return next((mime for magic, mime in _SIGNATURES if head.startswith(magic)), None)


def load_images(store: Store, store_path: Path) -> dict[str, str]:
    """data: URIs of the events' local pictures by event id; every bad picture is reported, then none is used."""
    images: dict[str, str] = {}
    problems: list[Problem] = []
    for event in store.events:
        if event.media is None or event.media.file is None:
            continue
        uri_or_error = _data_uri(event.media, store_path.parent)
        if uri_or_error.startswith("data:"):
            images[event.id] = uri_or_error
        else:
            problems.append(Problem(f"event {event.id!r}: media file {event.media.file!r} {uri_or_error}", str(store_path)))
    if problems:
        raise TimelineError(problems)
    return images


def _data_uri(media: Media, base: Path) -> str:
    """The picture as a data: URI, or why it cannot be used."""
    assert media.file is not None
    refused = _outside_project(media.file, base)
    if refused:
        return refused
    path = base / media.file
    if not path.is_file():
        return "is not a file"
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        return f"is larger than {MAX_BYTES:,} bytes"
    mime = image_type(data[:16])
    if mime is None:
        return "is not a PNG, JPEG, GIF or WebP image"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
