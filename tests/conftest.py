"""Shared fixtures. Slow, browser and Virtuoso tests run only when WARTA_FULL_TESTS=1 (CI sets it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OPT_IN_MARKERS = ("slow", "browser", "virtuoso")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("WARTA_FULL_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="opt-in test: set WARTA_FULL_TESTS=1 (make test-all; CI does)")
    for item in items:
        if any(marker in item.keywords for marker in OPT_IN_MARKERS):
            item.add_marker(skip)


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, through Playwright (tests/viz_browser.py); for tests marked browser."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from viz_browser import launch

    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """One private Virtuoso for the session (tests/virtuoso_server.py); for tests marked virtuoso."""
    import virtuoso_server

    if not virtuoso_server.available():
        pytest.skip("virtuoso-opensource is not installed")
    server = virtuoso_server.start(tmp_path_factory.mktemp("virtuoso"), max_rows=virtuoso_server.TEST_MAX_ROWS, max_seconds=60)
    yield server
    server.stop()


@pytest.fixture
def memory_store():
    from graph.store import open_store

    store = open_store("memory:")
    yield store
    store.close()


@pytest.fixture
def tmp_store(tmp_path):
    from graph.store import open_store

    store = open_store(str(tmp_path / "store"))
    yield store
    store.close()
