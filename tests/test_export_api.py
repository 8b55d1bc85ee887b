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
    assert isinstance(found, api.Extraction) and found.events and found.problems == ()
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


def test_extract_returns_a_typed_frozen_result_with_its_problems(tmp_path):
    import dataclasses

    import pytest

    (tmp_path / "a.txt").write_text("The ministry announced an amnesty on 9 May 2015.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 on 9 May 2015")
    found = api.extract(tmp_path)
    assert [d.id for d in found.documents] == ["a"] and found.documents[0].citable
    assert [(p.file, p.warning) for p in found.problems] == [(str(tmp_path / "bad.txt"), False)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.problems = ()  # type: ignore[misc]


def test_a_document_becomes_the_store_source_it_needs(tmp_path):
    from timeline.read import read_documents
    from timeline.read.store_source import document_to_source
    from timeline.sources import text_hash

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.md").write_text("---\ntitle: A post\nurl: javascript:alert(1)\n---\nIn 2014 it rained.\n",
                                           encoding="utf-8")
    [doc] = read_documents([tmp_path / "src"])
    source = document_to_source(doc, tmp_path)
    assert (source.id, source.file, source.title, source.url) == ("a", "src/a.md", "A post", None)
    assert source.segment == (doc.start, doc.stop) and source.sha256 == text_hash(doc.body)


def test_a_misspelt_option_is_an_error_not_ignored(roots, tmp_path):
    import pytest

    with pytest.raises(TypeError, match="formt"):
        api.build(roots / "export-basic" / "events.yaml", tmp_path, formt="html")  # type: ignore[call-arg]
    assert not any(tmp_path.iterdir()), "nothing is written for a call that cannot be what was meant"


def test_unknown_format_and_locale_are_timeline_errors_naming_the_choices(roots, tmp_path):
    import pytest

    from timeline.errors import TimelineError

    store = roots / "export-basic" / "events.yaml"
    with pytest.raises(TimelineError, match="unknown format 'pdf'; choose one of: .*markdown"):
        api.export(store, "pdf")
    with pytest.raises(TimelineError, match="unknown locale 'xx'; choose one of: en, fr, de"):
        api.build(store, tmp_path, locale="xx")
    with pytest.raises(TimelineError, match="unknown locale"):
        api.figure(store, locale="xx")


def test_the_api_is_typed_for_its_users():
    import inspect

    for name in ("build", "export", "figure", "extract", "load_store", "check", "merge_extraction"):
        signature = inspect.signature(getattr(api, name))
        assert signature.return_annotation not in ("Any", inspect.Signature.empty), name
        assert all(p.kind is not p.VAR_KEYWORD for p in signature.parameters.values()), f"{name} takes **kwargs"
