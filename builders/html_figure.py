"""The plotly figure of the page as plain dicts: a bar per period, a marker per event, eras as bands."""
from __future__ import annotations

from datetime import date
from typing import Any

from .html_locale import strings
from .html_model import PageEvent, PageModel, shift

# Okabe-Ito hues darkened to reach at least 3:1 against white (WCAG 1.4.11, graphical objects).
LANE_COLOURS = ["#0072B2", "#B35900", "#007A5A", "#A6407E", "#5C4B9A", "#806600", "#3D3D3D", "#0F6E8C"]
DAY_MS = 86_400_000
TEXT_COLOUR = "#1a1a1a"


def plotly_text(text: str) -> str:
    """Make untrusted text inert in plotly's pseudo-HTML labels (plotly decodes these entities itself)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def lane_colour(index: int) -> str:
    """The colour of a lane (lanes also differ by position and label, never by colour alone)."""
    return LANE_COLOURS[index % len(LANE_COLOURS)]


def build_figure(model: PageModel) -> dict[str, Any]:
    """The figure: data (periods, markers, ~/? flags) and layout (lanes, eras, axis range)."""
    data: list[dict[str, Any]] = []
    for lane in model.lanes:
        plotted = [e for e in model.events if e.plotted and e.lane.index == lane.index]
        periods = [e for e in plotted if not e.is_point]
        flagged = [e for e in plotted if e.approximate or e.uncertain]
        data += [_bars(periods, model, lane.index)] if periods else []
        data += [_markers(plotted, model, lane.index)] if plotted else []
        data += [_flags(flagged)] if flagged else []
    return {"data": data, "layout": _layout(model)}


def _hover(e: PageEvent, model: PageModel) -> str:
    words = strings(model.locale)
    count = len(e.sources)
    reports = words["reports_one"] if count == 1 else words["reports"].format(n=count)
    candidate = f"<br><i>{plotly_text(words['candidate'])}</i>" if e.candidate else ""
    return f"<b>{plotly_text(e.event.title)}</b><br>{plotly_text(e.date_text)} · {plotly_text(reports)}{candidate}"


def _mid(e: PageEvent) -> date:
    assert e.lower and e.upper
    return e.lower + (e.upper - e.lower) / 2


def _opacity(events: list[PageEvent], full: float, faint: float) -> float | list[float]:
    """One opacity for the trace, or one per event when candidates (drawn faint) are among them."""
    if not any(e.candidate for e in events):
        return full
    return [faint if e.candidate else full for e in events]


def _bars(events: list[PageEvent], model: PageModel, lane: int) -> dict[str, Any]:
    colour = lane_colour(lane)
    hatched = [e.approximate or e.uncertain for e in events]
    return {
        "type": "bar", "orientation": "h", "name": "periods", "showlegend": False,
        "base": [e.lower.isoformat() for e in events if e.lower],
        "x": [((e.upper - e.lower).days + 1) * DAY_MS for e in events if e.upper and e.lower],
        "y": [e.y for e in events], "width": _bar_width(model),
        "customdata": [e.index for e in events],
        "hoverinfo": "text", "hovertext": [_hover(e, model) for e in events],
        "marker": {
            "color": colour,
            "opacity": _opacity(events, 0.9, 0.45),
            "line": {"color": colour, "width": 1.5},
            # approximate or uncertain: the lane colour striped with white, so it reads as hatched in any colour
            "pattern": {"shape": ["/" if h else "" for h in hatched], "fillmode": "overlay", "fgcolor": "#ffffff",
                        "fgopacity": 1, "size": 7, "solidity": 0.45}
            if any(hatched) else {"shape": ""},
        },
    }


def _bar_width(model: PageModel) -> float:
    return 0.12 if len(model.events) > 200 else 0.16


def _markers(events: list[PageEvent], model: PageModel, lane: int) -> dict[str, Any]:
    colour = lane_colour(lane)
    return {
        "type": "scatter", "mode": "markers", "name": "events", "showlegend": False,
        "x": [(e.lower if e.is_point else _mid(e)).isoformat() for e in events if e.lower],
        "y": [e.y for e in events],
        "customdata": [e.index for e in events],
        "hoverinfo": "text", "hovertext": [_hover(e, model) for e in events],
        "marker": {
            "symbol": [_symbol(e) for e in events],
            "size": [_size(e) for e in events],
            "color": colour,
            "opacity": _opacity(events, 1.0, 0.5),
            "line": {"color": ["#ffffff" if _symbol(e) in ("circle", "diamond") else colour for e in events], "width": [1 if _symbol(e) in ("circle", "diamond") else 2 for e in events]},
        },
    }


def _symbol(e: PageEvent) -> str:
    shape = "circle" if e.is_point else "diamond"
    if e.uncertain:
        return f"{shape}-open-dot"
    return f"{shape}-open" if e.approximate else shape


def _size(e: PageEvent) -> float:
    return round(8 + min(max(e.event.importance, 0), 5) * 1.3, 1)


def _flags(events: list[PageEvent]) -> dict[str, Any]:
    return {
        "type": "scatter", "mode": "text", "name": "flags", "showlegend": False, "hoverinfo": "skip",
        "x": [(e.lower if e.is_point else _mid(e)).isoformat() for e in events if e.lower],
        "y": [e.y for e in events],
        "customdata": [e.index for e in events],
        "text": [("~" if e.approximate else "") + ("?" if e.uncertain else "") for e in events],
        "textposition": "top right", "textfont": {"size": 14, "color": TEXT_COLOUR},
    }


def x_range(model: PageModel) -> list[str]:
    """The full x range: every event and era, with a margin on both sides."""
    lo, hi = model.span
    pad = max(20, (hi - lo).days // 25)
    return [shift(lo, -pad).isoformat(), shift(hi, pad).isoformat()]


def _layout(model: PageModel) -> dict[str, Any]:
    n = len(model.lanes)
    shapes, annotations = _eras(model)
    shapes += [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": i + 0.5, "y1": i + 0.5,
                "line": {"color": "#d0d0d0", "width": 1}, "layer": "below"} for i in range(n - 1)]
    return {
        "height": 96 + 66 * n, "autosize": True, "dragmode": "zoom", "hovermode": "closest", "showlegend": False,
        "margin": {"l": 8, "r": 16, "t": 62 if model.eras else 36, "b": 12},
        "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13, "color": TEXT_COLOUR},
        "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": "#333333", "font": {"color": TEXT_COLOUR, "size": 13}, "align": "left"},
        "xaxis": {"type": "date", "range": x_range(model), "showgrid": True, "gridcolor": "#e6e6e6", "side": "top",
                  "linecolor": "#767676", "ticks": "outside", "tickcolor": "#767676", "automargin": True},
        "yaxis": {"range": [n - 0.5, -0.5], "fixedrange": True, "zeroline": False, "showgrid": False,
                  "showticklabels": False, "ticks": ""},
        "shapes": shapes, "annotations": annotations + _lane_labels(model), "barmode": "overlay",
    }


def _short(text: str, limit: int = 26) -> str:
    """A label cut to fit above a narrow band; the full text is in the list and the hover."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _lane_labels(model: PageModel) -> list[dict[str, Any]]:
    """Lane names inside the plot, at the top left of each band (no margin lost on narrow screens)."""
    return [{"xref": "paper", "x": 0, "xanchor": "left", "yref": "y", "y": lane.index - 0.5, "yanchor": "top",
             "showarrow": False, "text": f'<span style="color:{lane_colour(lane.index)}">■</span> <b>{plotly_text(lane.label)}</b>',
             "bgcolor": "rgba(255,255,255,0.85)", "font": {"size": 12, "color": TEXT_COLOUR}}
            for lane in model.lanes]


def _eras(model: PageModel) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    shapes, notes = [], []
    for i, era in enumerate(model.eras):
        end = shift(era.upper, 1)
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": era.lower.isoformat(), "x1": end.isoformat(),
                       "y0": 0, "y1": 1, "fillcolor": "#ededed" if i % 2 == 0 else "#e2e6ea", "line": {"width": 0},
                       "layer": "below"})
        middle = era.lower + (end - era.lower) / 2
        notes.append({"name": "era", "x": middle.isoformat(), "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom", "yshift": 24,
                      "showarrow": False, "text": plotly_text(_short(era.era.title)), "font": {"size": 12, "color": "#333333"},
                      "hovertext": plotly_text(f"{era.era.title} ({era.date_text})")})
    return shapes, notes
