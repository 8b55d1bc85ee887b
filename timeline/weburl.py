"""Web addresses: the one rule for a string the store accepts as a source's url and the page links to."""
from __future__ import annotations

import re

# http(s), then no white space, angle bracket or quote (each could end an HTML attribute or start markup).
# The page escapes what it writes in an attribute besides; a backtick is inert inside a quoted attribute,
# and stores holding one validated before, so it is allowed (the page's copy of this rule refused it).
WEB_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def is_web_url(value: str) -> bool:
    """True when value is an http:// or https:// address the store and the page accept."""
    return WEB_URL.match(value) is not None
