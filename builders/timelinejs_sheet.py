"""TimelineJS's Google Sheets template as CSV: paste or import it into a copy of the template.

    timeline export timelinejs-sheet -o timeline.csv

The columns are the template's, in its order (TimelineJS 3.9.11, src/template/my-own-timeline.csv,
read by src/js/core/ConfigFactory.js). The rows are the TimelineJS JSON export flattened (one concept
in one place): a `title` row, one `era` row per era, then one row per slide, with the same dates (an
end is the last day it covers), the same display dates and the same escaped HTML text. TimelineJS
renders Headline, Text, Display Date and Group as HTML, so a cell that would begin with = + - @ (which a
spreadsheet runs as a formula) begins with the same character as an HTML reference instead.
"""
from __future__ import annotations

import csv
import io
from typing import Any

from timeline.schema import Store
from . import Builder
from .timelinejs import timelinejs_data

COLUMNS = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
           "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
           "Background"]

_FORMULA_START = {"=": "&#61;", "+": "&#43;", "-": "&#45;", "@": "&#64;", "\t": "&#9;", "\r": "&#13;"}


def inert(cell: str) -> str:
    """HTML cell text a spreadsheet cannot take for a formula; TimelineJS shows the same characters."""
    return _FORMULA_START[cell[0]] + cell[1:] if cell and cell[0] in _FORMULA_START else cell


def _dates(prefix: str, parts: dict[str, int] | None) -> dict[str, str]:
    parts = parts or {}
    return {f"{prefix}{key.title()}": str(parts[key]) if key in parts else "" for key in ("year", "month", "day")}


def sheet_row(item: dict[str, Any], kind: str = "") -> dict[str, str]:
    """One template row from a TimelineJS slide, era or title object."""
    text = item.get("text", {})
    row = {**_dates("", item.get("start_date")), **_dates("End ", item.get("end_date"))}
    row.update({
        "Display Date": inert(item.get("display_date", "")),
        "Headline": inert(text.get("headline", "")),
        "Text": inert(text.get("text", "")),
        "Type": kind,
        "Group": inert(item.get("group", "")),
    })
    return row


def sheet_rows(store: Store, review: bool = False) -> list[dict[str, str]]:
    """The title row, the era rows, then a row per event, in the template's terms."""
    data = timelinejs_data(store, review=review)
    rows = [sheet_row(data["title"], "title")]
    rows += [sheet_row(era, "era") for era in data.get("eras", [])]
    return rows + [sheet_row(slide) for slide in data["events"]]


def sheet_csv(store: Store, review: bool = False) -> str:
    """The rows as CSV with the template's header (lines end in \\n, as TimelineJS's own CSV reader expects)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(sheet_rows(store, review))
    return out.getvalue()


class TimelineJSSheetBuilder(Builder):
    """CSV in the layout of TimelineJS's Google Sheets template."""

    name = "timelinejs-sheet"
    suffix = ".csv"
    epilog = "CSV in the columns of TimelineJS's Google Sheets template: import it into a copy of the template (File > Import)."

    def render(self) -> str:
        return sheet_csv(self.store, review=bool(self.options.get("review")))
