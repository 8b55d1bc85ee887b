"""Shared fixtures: paths to the shared corpora, scenario roots, and a real headless Chromium; helpers to
import a script by path and to poll the page."""
from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ROOTS = Path(__file__).resolve().parent / "roots"
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it are skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def example_corpus(shared_dir: Path) -> Path:
    """The five Tajikistan articles."""
    return shared_dir / "corpus" / "tajikistan"


@pytest.fixture
def roots() -> Path:
    """tests/roots: one folder per scenario."""
    return ROOTS


@pytest.fixture
def copy_root(tmp_path: Path) -> Any:
    """Copy a scenario folder into a temporary directory and return the copy's path."""

    def _copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(ROOTS / name, target)
        return target

    return _copy


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (never a downloaded browser).

    Skipped locally when Chromium is missing; in CI (CI=true) a missing browser is a failure.
    """
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must apt-get install chromium")
        pytest.skip(f"{CHROMIUM} not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that fails the test on any console error or page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()


def wait_for(page: Any, expression: str, timeout: float = 10.0) -> None:
    """Poll a JS expression until it is true (page.evaluate is not subject to the page's CSP; wait_for_function is)."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            seen = getattr(page, "errors", None) or getattr(page, "console_errors", None)
            raise AssertionError(f"timed out waiting for {expression}" + (f"; the page's errors: {seen}" if seen else ""))
        time.sleep(0.02)


def load_script(path: Path, name: str) -> ModuleType:
    """Import a script (a bench or scorer, not a package module) by its path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
