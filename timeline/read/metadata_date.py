"""A reference date given in a source's metadata (a JSONL field, an HTML <meta>, front matter): EDTF, an ISO
timestamp, or a date as people write it ('June 5, 2015', '5. Juni 2015'), read by dateparser at its precision."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from timeline.dates import EdtfError, parse
from timeline.errors import Problem
from timeline.extract.timex.typed import read_date

_TIMESTAMP = re.compile(r"^(\d{4}-\d\d-\d\d)[T ]\d\d:\d\d")
_ISO = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")


def valid_published(value: Any, where: tuple[str, int | None], problems: list[Problem]) -> str | None:
    """An EDTF date from metadata (ISO timestamps are cut to the day); invalid values become Problems."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    m = _TIMESTAMP.match(text)
    if m:
        text = m.group(1)
    if plain_iso(text):
        return text
    try:
        parse(text)
    except EdtfError as exc:
        written = read_date(text)
        if written is not None:
            return written
        problems.append(Problem(f"invalid \"published\": {exc}; ignored, the reference date is looked for in the text", *where))
        return None
    return text


def plain_iso(text: str) -> bool:
    """A quick check for YYYY, YYYY-MM, YYYY-MM-DD (the common case; full EDTF parsing is slow)."""
    m = _ISO.match(text)
    if not m:
        return False
    try:
        date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return False
    return int(m[1]) > 0
