"""Pictures on events: a local file is carried inside the page (data: URI), a web address is only linked to."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import wait_for as _wait

from timeline.builders import BuildContext
from timeline.builders.html import HtmlBuilder
from timeline.builders.html_media import image_type
from timeline.check import check_store
from timeline.cli import cli

ROOT = Path(__file__).parent / "roots" / "page-media"


def _build(root: Path, outdir: Path) -> Path:
    store, texts, _ = check_store(root / "events.yaml")
    return HtmlBuilder(BuildContext(store, texts, root / "events.yaml", {"plotly": "inline"})).build(outdir)[0]


def test_local_picture_is_inlined_and_remote_one_is_a_link(tmp_path: Path) -> None:
    html = _build(ROOT, tmp_path).read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]*)" alt="([^"]*)"', html)
    assert len(images) == 1 and images[0][0].startswith("data:image/png;base64,iVBOR")
    assert images[0][1] == "Waves breaking over the harbour wall"
    assert "example.org/pictures/coop.jpg" not in re.sub(r'<a class="tl-src" href="[^"]*"', "", html)
    assert '<a class="tl-src" href="https://example.org/pictures/coop.jpg"' in html
    assert "Picture (opens the image’s site): The first cooperative boats &quot;at the quay&quot;" in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html and "Credit: Harbor Gazette" in html
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert "img-src data:;" in csp


@pytest.mark.parametrize("head, mime", [(b"\x89PNG\r\n\x1a\n....", "image/png"), (b"\xff\xd8\xff\xe0", "image/jpeg"),
                                        (b"GIF89a", "image/gif"), (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
                                        (b"<svg onload=x>", None), (b"<html>", None), (b"", None)])
def test_only_raster_images_are_accepted(head: bytes, mime: str | None) -> None:
    assert image_type(head) == mime


@pytest.mark.parametrize("file, says", [("pictures/not-an-image.png", "is not a PNG, JPEG, GIF or WebP image"),
                                        ("pictures/missing.png", "is not a file"),
                                        ("../../../../etc/hostname", "outside the project")])
def test_a_bad_picture_stops_the_build_and_writes_nothing(tmp_path: Path, file: str, says: str) -> None:
    root = tmp_path / "root"
    shutil.copytree(ROOT, root)
    store = root / "events.yaml"
    store.write_text(store.read_text(encoding="utf-8").replace("pictures/storm.png", file), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(store), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert says in result.output and "storm-2019" in result.output and str(store) in result.output
    assert not (tmp_path / "out" / "timeline.html").exists()


def test_media_needs_file_or_url_and_alt(tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(ROOT, root)
    store = root / "events.yaml"
    store.write_text(store.read_text(encoding="utf-8").replace("    alt: Waves breaking over the harbour wall\n", ""),
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(store)])
    assert result.exit_code == 1 and "alt" in result.output and "Traceback" not in result.output


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_picture_shows_in_the_panel_and_list_with_no_request(browser: Any, tmp_path: Path, width: int) -> None:
    page_file = _build(ROOT, tmp_path)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(page_file.as_uri() + "#storm-2019")
    _wait(page, "window.timelinePage && timelinePage.ready && !document.getElementById('tl__panel').hidden")
    img = page.locator("#tl__panel-body img")
    assert img.get_attribute("alt") == "Waves breaking over the harbour wall"
    assert page.evaluate("document.querySelector('#tl__panel-body img').naturalWidth") == 40
    assert page.locator("#storm-2019 figure.tl-media img").count() == 1
    page.click("#tl__close")
    page.locator("#coop-founded a.tl-open").click()
    assert page.locator("#tl__panel-body a.tl-src").first.get_attribute("href") == "https://example.org/pictures/coop.jpg"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == [] and errors == []
    context.close()
