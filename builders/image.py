"""PNG and SVG of the plot, for slides: plotly's static export through kaleido (the `image` extra).

The page places titles with its script, for the reader's width; a picture has one width, so its rows
are placed here: in each lane, an event goes to the first row where its bar and title do not overlap
another's. kaleido 1.x drives a system Chrome or Chromium (BROWSER_PATH, else the first found on PATH);
nothing is downloaded, and MathJax is off, so it works offline.
"""
from __future__ import annotations

import os
import shutil
from datetime import date, timedelta
from typing import Any, ClassVar

from timeline.errors import TimelineError

from . import Builder
from .html_figure import TITLE_CHARS, build_figure, lane_colour, plotly_text, short_title, x_range
from .html_model import PageEvent, PageModel, build_model

DEFAULT_SIZE = (1600, 900)  # a 16:9 slide
CHAR_PX = 6.6  # average width of a character of the 11 px title font
ROW_PX = 22
MARGIN = {"l": 20, "r": 20, "t": 60, "b": 30}
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


class ImageError(TimelineError):
    """The picture cannot be made: kaleido or a browser for it is missing, or the browser failed."""


def image_figure(model: PageModel, width: int, height: int) -> dict[str, Any]:
    """The plot as a plotly figure with titles beside the marks, rows placed for this width."""
    figure = build_figure(model)
    start, end = (date.fromisoformat(d[:10]) for d in x_range(model))
    room = TITLE_CHARS * CHAR_PX + 16  # the last titles stay inside the picture
    days_per_px = max((end - start).days, 1) / max(width - MARGIN["l"] - MARGIN["r"] - room, 100)
    end += timedelta(days=room * days_per_px)
    rows, ticks, data = 0, [], []
    for lane in model.lanes:
        events = [e for e in model.events if e.plotted and e.lane.index == lane.index and e.lower and e.upper]
        placed = place_rows(events, days_per_px)
        if not events:
            continue
        ticks.append((rows, lane.label))
        data += _lane_traces(events, placed, rows, lane.index)
        rows += max(placed.values()) + 1
    layout = {**figure["layout"], "width": width, "height": height, "margin": MARGIN, "showlegend": False,
              "xaxis": {**figure["layout"]["xaxis"], "range": [start.isoformat(), end.isoformat()]},
              "yaxis": {"autorange": "reversed", "fixedrange": True, "zeroline": False, "showgrid": False, "automargin": True,
                        "tickvals": [r for r, _ in ticks], "ticktext": [label for _, label in ticks]}}
    return {"data": data, "layout": layout}


def place_rows(events: list[PageEvent], days_per_px: float) -> dict[int, int]:
    """Each event's row within its lane: the first row free from its start to the end of its bar and title."""
    free: list[date] = []  # per row, the first day after what it holds
    placed: dict[int, int] = {}
    for e in sorted(events, key=lambda e: (e.lower or date.min, e.index)):
        assert e.lower and e.upper
        title_px = len(short_title(e.event.title)) * CHAR_PX + 16
        reach = max(e.upper, _middle(e) + timedelta(days=title_px * days_per_px))
        row = next((i for i, day in enumerate(free) if day < e.lower), len(free))
        free[row:row + 1] = [reach]
        placed[e.index] = row
    return placed


def _middle(e: PageEvent) -> date:
    assert e.lower and e.upper
    return e.lower + (e.upper - e.lower) / 2


def _lane_traces(events: list[PageEvent], placed: dict[int, int], base: int, lane: int) -> list[dict[str, Any]]:
    """A lane's periods as bars and its events as marks with their titles, on the rows placed."""
    colour = lane_colour(lane)
    periods = [e for e in events if not e.is_point]
    traces: list[dict[str, Any]] = []
    if periods:
        traces.append({"type": "scatter", "mode": "lines", "hoverinfo": "skip", "line": {"color": colour, "width": 6},
                       "opacity": 0.55, "x": _gapped([(p.lower, p.upper) for p in periods]),
                       "y": _gapped([(base + placed[p.index],) * 2 for p in periods])})
    traces.append({"type": "scatter", "mode": "markers+text", "textposition": "middle right", "cliponaxis": False,
                   "x": [_middle(e).isoformat() for e in events], "y": [base + placed[e.index] for e in events],
                   "text": [_label(e) for e in events], "textfont": {"size": 11, "color": "#1a1a1a"},
                   "marker": {"color": colour, "size": 9, "line": {"color": "#ffffff", "width": 1}}})
    return traces


def _gapped(pairs: list[tuple[Any, Any]]) -> list[Any]:
    """Line segments as one trace: each pair, then a gap."""
    out: list[Any] = []
    for a, b in pairs:
        out += [a.isoformat() if isinstance(a, date) else a, b.isoformat() if isinstance(b, date) else b, None]
    return out


def _label(e: PageEvent) -> str:
    return plotly_text(short_title(e.event.title))


def render_image(figure: dict[str, Any], fmt: str, width: int, height: int) -> bytes:
    """The figure as PNG or SVG bytes, through kaleido and a system browser."""
    try:
        import kaleido
    except ImportError:
        raise ImageError(f"{fmt} needs kaleido: pip install 'annotated-timeline[image]'") from None
    options: dict[str, Any] = {"mathjax": False}
    browser = os.environ.get("BROWSER_PATH") or next(filter(None, map(shutil.which, BROWSERS)), None)
    if browser is None:
        raise ImageError(f"{fmt} needs Chrome or Chromium (kaleido drives it): install one, or set BROWSER_PATH to it")
    options["path"] = browser
    try:
        result = kaleido.calc_fig_sync(figure, opts={"format": fmt, "width": width, "height": height, "scale": 1},
                                       kopts=options)
    except Exception as exc:  # kaleido and choreographer raise many kinds; none of them is the user's data
        raise ImageError(f"{fmt}: the browser ({browser}) could not draw the plot: {type(exc).__name__}: {exc}") from None
    return bytes(result)


class ImageBuilder(Builder):
    """Writes the plot as a picture; subclasses set the format."""

    fmt: ClassVar[str] = ""

    def size(self) -> tuple[int, int]:
        """Width and height in pixels, from the size option (default 1600 x 900)."""
        width, height = self.options.get("size") or DEFAULT_SIZE
        return int(width), int(height)

    def render(self) -> bytes:
        """The picture of the events the page would show."""
        width, height = self.size()
        model = build_model(self.store, self.context.texts, self.options.get("locale", "en"),
                            review=bool(self.options.get("review")))
        return render_image(image_figure(model, width, height), self.fmt, width, height)


class PngBuilder(ImageBuilder):
    """Writes timeline.png: the plot for a slide."""

    name = "png"
    suffix = ".png"
    fmt = "png"
    epilog = "Needs the image extra (kaleido) and Chrome or Chromium."


class SvgBuilder(ImageBuilder):
    """Writes timeline.svg: the plot as a vector picture, titles as text."""

    name = "svg"
    suffix = ".svg"
    fmt = "svg"
    epilog = "Needs the image extra (kaleido) and Chrome or Chromium."
