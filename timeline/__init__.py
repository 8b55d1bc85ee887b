"""annotated-timeline: turn source texts into a cited, interactive timeline."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("annotated-timeline")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0+local"
