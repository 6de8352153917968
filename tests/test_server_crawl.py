"""Every page of the example store, visited in Debian's chromium: no 4xx/5xx, no console error, no broken frame.

Starts from the query page, the overview and a search for every letter, and
follows every link to ``/resource/`` and every graph frame. Screenshots of an
article page, a role page and the overview are written to
``$WARTA_ARTIFACTS`` (a temporary folder by default) for CI to keep.
"""

from __future__ import annotations

import string
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from test_cli_serve import free_port
from viz_browser import ARTIFACTS

from graph.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def example_server(tmp_path_factory):
    from click.testing import CliRunner

    path = str(tmp_path_factory.mktemp("crawl") / "store")
    result = CliRunner().invoke(main, ["ingest", str(ROOT / "examples"), "--store", path], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    port = free_port()
    # The access log goes to a file: a pipe nobody reads fills up after a few hundred pages and stalls the server.
    log = open(Path(path).parent / "serve.log", "wb")
    warta = Path(sys.executable).with_name("warta")
    process = subprocess.Popen(
        [str(warta), "serve", "--store", path, "--port", str(port), "--timeout", "60"], stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/sparql", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    yield url
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def _links(page) -> list[str]:
    return page.eval_on_selector_all(
        "a[href], iframe[src]", "els => els.map(e => e.getAttribute('href') || e.getAttribute('src'))"
    )


@pytest.mark.timeout(1800)  # about 550 pages and frames, 5-10 minutes on two shared cores
def test_every_page_of_the_example_store_loads_without_errors(browser, example_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    current = {"url": ""}
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{current['url']}: console {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{current['url']}: {e}"))
    page.on(
        "response",
        lambda r: (
            problems.append(f"{current['url']}: {r.status} {r.url}")
            if r.status >= 400 and urlparse(r.url).hostname == "127.0.0.1"
            else None
        ),
    )
    queue = ["/", "/viz"] + [f"/search?q={c}" for c in string.ascii_lowercase]
    seen: set[str] = set()
    kinds: set[str] = set()
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        current["url"] = path
        page.goto(example_server + path, wait_until="load")
        if path.startswith("/viz"):
            page.wait_for_function("() => window.wartaView && window.wartaView.state.ready", timeout=60_000)
        if path.startswith("/resource/"):
            kinds.add(path.split("/")[2])
            assert page.inner_text("h1").strip(), path
            assert not page.inner_text("h1").startswith("https://"), f"{path}: raw IRI as heading"
        for href in _links(page):
            href = href.split("#")[0]
            if href.startswith("/resource/") and "format=" not in href:
                queue.append(href)
            elif href.startswith("/viz?") and href not in seen:
                queue.append(href)
    context.close()
    assert problems == [], "\n".join(problems[:30])
    assert {"article", "person", "organization", "role", "membership", "meeting", "quote", "publisher"} <= kinds
    assert len(seen) > 150


def test_article_page_shows_text_with_linked_mentions_and_facts(browser, example_server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(example_server + "/resource/article/makassar-pupr-sungai-tallo")
    assert "Normalisasi Sungai Tallo" in page.inner_text("h1")
    assert "Sulsel Terkini" in page.inner_text(".byline") and "2023-10-05" in page.inner_text(".byline")
    assert page.locator(".article-text a.mention.k-person").count() >= 3
    person = page.locator(".article-text a.mention.k-person").first.get_attribute("href")
    assert person.startswith("/resource/person/")
    facts = page.inner_text("main")
    assert "Offices" in facts and "Meetings" in facts and "Quotes" in facts
    assert "Plh" in page.inner_text("table.data")  # the acting form the article wrote
    page.screenshot(path=str(ARTIFACTS / "warta-article.png"), full_page=True)
    page.goto(example_server + "/resource/role/sekretaris-daerah")
    assert page.locator("table.data td a[href^='/resource/person/']").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "warta-role.png"), full_page=True)
    page.close()


def test_viz_without_parameters_is_the_overview(browser, example_server):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(example_server + "/viz")
    page.wait_for_function("() => window.wartaView && window.wartaView.state.ready", timeout=60_000)
    data = page.evaluate("() => window.wartaView.data")
    assert data["overview"]["communities"] and {n["kind"] for n in data["nodes"]} <= {"person", "organization"}
    assert "left out" in page.inner_text("#warta-footer")
    page.screenshot(path=str(ARTIFACTS / "warta-overview.png"))
    page.close()


def test_readme_screenshots_script_photographs_the_overview_and_an_entity_page(browser, example_server, tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)
    overview, entity = screenshots.photograph(browser, example_server, tmp_path)
    for path, height in ((overview, 800), (entity, 1000)):
        with path.open("rb") as png:
            header = png.read(24)
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        width, tall = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert width == 1280 and tall >= height, (path, width, tall)
        assert path.stat().st_size > 50_000  # a drawn page, not a blank one
