"""`timeline build --format png|svg`: the plot as a picture for slides, through kaleido and the system Chromium."""
from __future__ import annotations

import html
import shutil
import struct
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.builders.html_figure import short_title
from timeline.builders.html_model import build_model
from timeline.builders.image import CHAR_PX, place_rows
from timeline.check import check_store
from timeline.cli import cli

ROOTS = Path(__file__).parent / "roots"
STORE = ROOTS / "page-basic" / "events.yaml"
needs_kaleido = pytest.mark.skipif(
    not shutil.which("chromium") and not Path("/usr/bin/chromium").exists(), reason="no Chromium for kaleido to drive")


def build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", str(STORE), "--review", "-q", *args], prog_name="timeline")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@needs_kaleido
@pytest.mark.parametrize(("size", "expected"), [(None, (1600, 900)), ("800x450", (800, 450))])
def test_png_has_the_size_asked_for(tmp_path, size, expected):
    pytest.importorskip("kaleido", reason="the image extra (kaleido) is part of the test extra")
    target = tmp_path / "plot.png"
    code, out = build("--format", "png", "-o", str(target), *(["--size", size] if size else []))
    assert code == 0, out
    assert png_size(target) == expected


@needs_kaleido
def test_svg_shows_every_title(tmp_path):
    pytest.importorskip("kaleido", reason="the image extra (kaleido) is part of the test extra")
    target = tmp_path / "plot.svg"
    code, out = build("--format", "svg", "-o", str(target))
    assert code == 0, out
    root = ET.fromstring(target.read_text(encoding="utf-8"))
    texts = {"".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    store, _texts, _ = check_store(STORE)
    for event in store.events:
        assert html.unescape(short_title(event.title)) in texts, event.title
    assert {lane.label for lane in store.lanes} <= texts


def test_without_kaleido_a_clear_message_and_nothing_written(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "kaleido", None)  # import kaleido raises ImportError
    target = tmp_path / "plot.png"
    code, out = build("--format", "png", "-o", str(target))
    assert code == 1 and "Traceback" not in out
    assert "kaleido" in out and "pip install 'annotated-timeline[image]'" in out
    assert not target.exists()


@pytest.mark.parametrize("size", ["800", "0x100", "axb", "20000x10"])
def test_a_bad_size_is_a_usage_error(tmp_path, size):
    code, out = build("--format", "png", "-o", str(tmp_path / "p.png"), "--size", size)
    assert code == 2 and "--size" in out


def test_rows_keep_titles_apart():
    """Two events close in time go to different rows; one far later reuses the first row."""
    store, texts, _ = check_store(STORE)
    model = build_model(store, texts, review=True)
    events = [e for e in model.events if e.plotted and e.lower and e.upper]
    days_per_px = 10.0
    rows = place_rows(events, days_per_px)
    spans = {}
    for e in events:
        middle = e.lower + (e.upper - e.lower) / 2
        reach_days = (len(short_title(e.event.title)) * CHAR_PX + 16) * days_per_px
        spans[e.index] = (e.lower, max(e.upper, date.fromordinal(middle.toordinal() + int(reach_days))))
    for a in events:
        for b in events:
            if a.index < b.index and a.lane.index == b.lane.index and rows[a.index] == rows[b.index]:
                (a0, a1), (b0, b1) = spans[a.index], spans[b.index]
                assert a1 < b0 or b1 < a0, (a.event.title, b.event.title)
