"""The Python API: what the `timeline` command does, as functions for scripts and notebooks.

    from timeline import api

    store = api.load_store("events.yaml")                 # validated Store (pydantic models)
    found = api.extract(["new-articles/"])                # candidates, not yet in the store
    report = api.merge_extraction("events.yaml", found)   # add them as candidates; report.lines()
    api.build("events.yaml", "output/")                   # output/timeline.html
    api.figure("events.yaml")                             # plotly Figure, shown inline in Jupyter

Every function raises timeline.errors.TimelineError (with file:line problems) on bad input.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from timeline.curate import MergeReport
from timeline.curate import merge_extraction as _merge
from timeline.extract.events import Extraction
from timeline.errors import TimelineError
from timeline.schema import Store

if TYPE_CHECKING:
    from plotly.graph_objects import Figure

    from timeline.builders import Builder, BuildContext

PlotlyMode = Literal["inline", "cdn", "file"]

__all__ = ["load_store", "check", "extract", "Extraction", "merge_extraction", "build", "export", "figure"]


def load_store(path: Path | str = "events.yaml") -> Store:
    """Read and validate events.yaml (structure, ids, references); citations are not verified."""
    from timeline.store import load_store as _load

    return _load(path)[0]


def check(path: Path | str = "events.yaml", strict: bool = False) -> Store:
    """Validate the store and verify every citation against its source; return the store."""
    from timeline.check import check_store

    return check_store(path, strict=strict)[0]


def extract(paths: list[str | Path] | str | Path, published: str | None = None, top: int | None = None,
            jobs: int = 1, progress: bool | None = False) -> Extraction:
    """Candidate events found in the texts at paths (files or folders): an Extraction(documents, events,
    problems). Unreadable inputs are skipped; their problems are in `problems`. A named file of a format
    no reader knows raises timeline.read.UnknownFormatError; jobs beyond a few per CPU, ValueError.
    """
    from timeline.extract.events import extract as _extract

    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _extract(paths, published=published, top=top, jobs=jobs, progress=progress)


def merge_extraction(store_path: Path | str, extraction: Extraction) -> MergeReport:
    """Add an extraction's candidates to the store; reviewed events and hand edits are never changed."""
    return _merge(store_path, extraction)


def _context(store_path: Path | str, options: dict[str, Any], strict: bool = False) -> BuildContext:
    from timeline.builders import BuildContext
    from timeline.check import check_store

    store, texts, _warnings = check_store(store_path, strict=strict)
    return BuildContext(store, texts, Path(store_path), options)


def _builder(format: str) -> type[Builder]:
    from timeline.builders import UnknownBuilder, builder_names, get_builder

    try:
        return get_builder(format)
    except UnknownBuilder:
        raise TimelineError.at(f"unknown format {format!r}; choose one of: {', '.join(builder_names())}") from None


def _options(review: bool, locale: str, plotly: PlotlyMode) -> dict[str, Any]:
    from timeline.display import LOCALES

    if locale not in LOCALES:
        raise TimelineError.at(f"unknown locale {locale!r}; choose one of: {', '.join(LOCALES)}")
    return {"review": review, "locale": locale, "plotly": plotly}


def build(store_path: Path | str = "events.yaml", outdir: Path | str = "output", format: str = "html", *,
          review: bool = False, locale: str = "en", plotly: PlotlyMode = "inline", strict: bool = False) -> list[Path]:
    """Check the store and write it with a builder (html, markdown, timelinejs, ics...); return the files written.

    review=True includes candidate events; locale ('en', 'fr', 'de') is the page's language; plotly says
    how the page carries plotly.js; strict=True turns warnings into errors. Raises TimelineError.
    """
    builder = _builder(format)
    return builder(_context(store_path, _options(review, locale, plotly), strict)).build(Path(outdir))


def export(store_path: Path | str = "events.yaml", format: str = "markdown", *, review: bool = False,
           locale: str = "en", bom: bool = False) -> str | bytes:
    """The store rendered by a builder, as text (nothing written); format 'csv' gives the CSV text
    (bom=True for spreadsheets that need it). Raises TimelineError."""
    if format == "csv":
        from timeline.csvio import export_csv

        return export_csv(load_store(store_path), bom=bom)
    builder = _builder(format)
    return builder(_context(store_path, _options(review, locale, "inline"))).render()


def figure(store: Path | str | Store = "events.yaml", review: bool = False, locale: str = "en") -> Figure:
    """The timeline as a plotly Figure (the same figure as the page), for a notebook.

    review=True includes candidate events. Citations are verified first when given a path.
    """
    import plotly.graph_objects as go

    from timeline.builders.html_figure import build_figure
    from timeline.builders.html_model import build_model

    _options(review, locale, "inline")
    if isinstance(store, Store):
        data, texts = store, {}
    else:
        context = _context(store, {})
        data, texts = context.store, context.texts
    return go.Figure(build_figure(build_model(data, texts, locale, review=review)))
