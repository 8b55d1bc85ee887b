"""The plot of the page as plain data: how each event is drawn (shape, size, title) and the fixed layout.

Where each mark goes (its row, whether its title fits, which marks gather in a group) depends on the reader's
screen and zoom, so the page script places them (builders/assets/page-layout.js); this module says what to draw.
"""
from __future__ import annotations

from typing import Any

from .html_locale import strings
from .html_model import PageEvent, PageModel, shift

# Okabe-Ito hues darkened to reach at least 3:1 against white (WCAG 1.4.11, graphical objects).
LANE_COLOURS = ["#0072B2", "#B35900", "#007A5A", "#A6407E", "#5C4B9A", "#806600", "#3D3D3D", "#0F6E8C"]
TEXT_COLOUR = "#1a1a1a"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
ROW_PX = 20  # height of one row of marks; titles are 11 px, the largest mark 14.5 px
TITLE_CHARS = 30  # a title on the plot is cut at a word boundary to about this many characters


def plotly_text(text: str) -> str:
    """Make untrusted text inert in plotly's pseudo-HTML labels (plotly decodes these entities itself)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def lane_colour(index: int) -> str:
    """The colour of a lane (lanes also differ by position and label, never by colour alone)."""
    return LANE_COLOURS[index % len(LANE_COLOURS)]


def rows_per_lane(lanes: int) -> int:
    """Rows of marks in each lane's band: more when there are few lanes, so the plot keeps a useful height."""
    return 6 if lanes <= 1 else 5 if lanes == 2 else 4 if lanes <= 4 else 3


def page_figure(model: PageModel) -> dict[str, Any]:
    """What the page script draws: one entry per event in each list (in model order), and the layout.

    Marks, titles, hover labels and lane names are the page's own SVG and text (plain strings, set as textContent;
    a mark's size follows the event's importance in the facets); plotly gets only the axes, eras and their titles.
    """
    events = model.events
    return {
        "marks": {
            "symbol": [_symbol(e) for e in events],
            "hover": [_hover_lines(e, model) for e in events],
            "label": [short_title(e.event.title) + _flag(e) for e in events],
            **_flags(events),
        },
        "colours": LANE_COLOURS,
        "lanes": [lane.label for lane in model.lanes],
        "rows": rows_per_lane(len(model.lanes)),
        "rowPx": ROW_PX,
        "layout": _layout(model),
    }


def _flags(events: list[PageEvent]) -> dict[str, list[int]]:
    """Candidate (drawn faint) and open-ended (1 open start, 2 open end) per event, sent only when any is set."""
    faint = [int(e.candidate) for e in events]
    ends = [int(e.open_start) + 2 * int(e.open_end) for e in events]
    return {**({"faint": faint} if any(faint) else {}), **({"open": ends} if any(ends) else {})}


def build_figure(model: PageModel) -> dict[str, Any]:
    """A plain plotly figure of the same events (one row per lane, no placement), for a notebook's plotly."""
    data: list[dict[str, Any]] = []
    for lane in model.lanes:
        shown = [e for e in model.events if e.plotted and e.lane.index == lane.index and e.lower and e.upper]
        periods = [e for e in shown if not e.is_point]
        colour = lane_colour(lane.index)
        if periods:
            data.append({"type": "bar", "orientation": "h", "name": "periods", "showlegend": False,
                         "base": [e.lower.isoformat() for e in periods if e.lower],
                         "x": [((e.upper - e.lower).days + 1) * 86_400_000 for e in periods if e.upper and e.lower],
                         "y": [lane.label] * len(periods), "width": 0.3, "marker": {"color": colour, "opacity": 0.6},
                         "customdata": [e.index for e in periods], "hoverinfo": "text",
                         "hovertext": [_hover(e, model) for e in periods]})
        if shown:
            data.append({"type": "scatter", "mode": "markers", "name": "events", "showlegend": False,
                         "x": [(e.lower + (e.upper - e.lower) / 2).isoformat() for e in shown if e.lower and e.upper],
                         "y": [lane.label] * len(shown), "customdata": [e.index for e in shown],
                         "marker": {"symbol": [_symbol(e) for e in shown], "size": [_size(e) for e in shown], "color": colour},
                         "hoverinfo": "text", "hovertext": [_hover(e, model) for e in shown]})
    layout = {**_layout(model), "height": 120 + 60 * len(model.lanes), "hovermode": "closest", "barmode": "overlay",
              "yaxis": {"type": "category", "autorange": "reversed", "fixedrange": True}}
    return {"data": data, "layout": layout}


def short_title(title: str, limit: int = TITLE_CHARS) -> str:
    """A title short enough to sit beside its mark: cut at a word boundary, with an ellipsis."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0] if " " in title[:limit] else title[:limit - 1]
    return cut.rstrip(" ,;:–—-") + "…"


def _flag(e: PageEvent) -> str:
    return (" ~" if e.approximate else "") + (" ?" if e.uncertain else "")


def _hover(e: PageEvent, model: PageModel) -> str:
    """The hover label as plotly markup (for the plain plotly figure): the page's lines, escaped, title bold."""
    title, *rest = [plotly_text(line) for line in _hover_lines(e, model).split("\n")]
    return "<br>".join([f"<b>{title}</b>", rest[0]] + [f"<i>{line}</i>" for line in rest[1:]])


def _hover_lines(e: PageEvent, model: PageModel) -> str:
    """The hover label's lines, plain text: the title (shown bold), the date and sources, 'candidate' if so."""
    words = strings(model.locale)
    count = len(e.sources)
    reports = words["reports_one"] if count == 1 else words["reports"].format(n=count)
    return "\n".join([e.event.title, f"{e.date_text} · {reports}"] + ([words["candidate"]] if e.candidate else []))


def _symbol(e: PageEvent) -> str:
    shape = "circle" if e.is_point else "diamond"
    if e.uncertain:
        return f"{shape}-open-dot"
    return f"{shape}-open" if e.approximate else shape


def _size(e: PageEvent) -> float:
    """A mark's size in pixels (the page script computes the same from the importance in its facets)."""
    return round(8 + min(max(e.event.importance, 0), 5) * 1.3, 1)


def x_range(model: PageModel) -> list[str]:
    """The full x range: every event and era, with a margin on both sides."""
    lo, hi = model.span
    pad = max(20, (hi - lo).days // 25)
    return [shift(lo, -pad).isoformat(), shift(hi, pad).isoformat()]


def _layout(model: PageModel) -> dict[str, Any]:
    """The fixed part of the layout; the page script adds the rows, lane names and the range."""
    return {
        "autosize": True, "dragmode": "zoom", "hovermode": False, "showlegend": False,
        "margin": {"l": 8, "r": 16, "t": 62 if model.eras else 36, "b": 8},
        "font": {"family": FONT, "size": 13, "color": TEXT_COLOUR},
        "xaxis": {"type": "date", "range": x_range(model), "showgrid": True, "gridcolor": "#e6e6e6", "side": "top",
                  "linecolor": "#767676", "ticks": "outside", "tickcolor": "#767676", "automargin": True},
        "yaxis": {"fixedrange": True, "zeroline": False, "showgrid": False, "showticklabels": False, "ticks": ""},
        "shapes": _era_bands(model), "annotations": _era_titles(model),
    }


def _era_bands(model: PageModel) -> list[dict[str, Any]]:
    return [{"type": "rect", "xref": "x", "yref": "paper", "x0": era.lower.isoformat(), "x1": shift(era.upper, 1).isoformat(),
             "y0": 0, "y1": 1, "fillcolor": "#ededed" if i % 2 == 0 else "#e2e6ea", "line": {"width": 0}, "layer": "below"}
            for i, era in enumerate(model.eras)]


def _era_titles(model: PageModel) -> list[dict[str, Any]]:
    """Era titles above the plot; the page script keeps only those that fit without overlapping."""
    notes = []
    for era in model.eras:
        middle = era.lower + (shift(era.upper, 1) - era.lower) / 2
        notes.append({"name": "era", "x": middle.isoformat(), "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom",
                      "yshift": 24, "showarrow": False, "text": plotly_text(short_title(era.era.title, 26)),
                      "font": {"size": 12, "color": "#333333"}})
    return notes
