"""The Python API (timeline.api): load, extract, merge, build, export and the notebook figure."""
from __future__ import annotations

from timeline import api
from timeline.schema import Store


def test_load_and_check(roots):
    store = api.load_store(roots / "export-basic" / "events.yaml")
    assert isinstance(store, Store) and len(store.events) == 8
    assert api.check(roots / "export-basic" / "events.yaml").title.startswith("War and return")


def test_extract_then_merge(copy_root):
    root = copy_root("curate-basic")
    found = api.extract(root / "sources")
    assert found.events and found.problems == []
    report = api.merge_extraction(root / "events.yaml", found)
    assert report.new_events and report.lines()[0].startswith(str(root / "events.yaml"))
    api.check(root / "events.yaml")


def test_build_and_export(copy_root, tmp_path):
    root = copy_root("export-basic")
    written = api.build(root / "events.yaml", tmp_path / "out", format="markdown", review=True)
    assert [p.name for p in written] == ["timeline.md"]
    assert written[0].read_text(encoding="utf-8") == api.export(root / "events.yaml", "markdown", review=True)
    assert api.export(root / "events.yaml", "csv").startswith("id,date,title,")


def test_figure_for_a_notebook(roots):
    import plotly.graph_objects as go

    fig = api.figure(roots / "export-basic" / "events.yaml", review=True)
    assert isinstance(fig, go.Figure)
    shown = [t for trace in fig.data for t in (trace.customdata if trace.customdata is not None else [])]
    assert fig.data and len(fig.data) >= 2
    assert api.figure(api.load_store(roots / "export-basic" / "events.yaml")).data
