"""Browser clients on another origin query `warta serve` (Debian's chromium, headless, via Playwright).

A page served from a second local server (another port, so another origin)
runs ``fetch`` with a direct POST (``application/sparql-query`` plus a custom
header, so the browser sends a CORS preflight first) and YASGUI (@zazuko/yasgui,
its built files from the npm registry, ``make yasgui``). Both get results, and
both get Warta's own syntax-error message rather than a CORS failure. The
browser may fetch nothing beyond the two local servers.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from server_data import ALI, write_examples

from graph.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "reliability"))
from live import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
YASGUI = Path(os.environ.get("WARTA_YASGUI_DIR") or ROOT / ".venv" / "yasgui" / "package" / "build")
FOUND = f"SELECT ?name WHERE {{ <{ALI}> <https://schema.org/name> ?name }}"
BROKEN = "SELECT * WHERE { ?s ?p }"  # a triple pattern missing its object

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>another origin</title>{head}</head>
<body><div id="yasgui"></div>{body}</body></html>
"""

YASGUI_PAGE_SCRIPT = """
<script src="yasgui.min.js"></script>
<script>
  // One tab, no saved state: each load starts from the query the test sets.
  localStorage.clear();
  window.yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: new URLSearchParams(location.search).get("endpoint") },
    copyEndpointOnNewTab: false,
    persistenceId: null,
  });
  window.answers = [];
  window.yasgui.on("queryResponse", () => window.answers.push(Date.now()));
</script>
"""

# The fetch a browser client makes: a direct POST whose content type and custom header are
# not "simple", so the browser must ask OPTIONS first and Warta must allow both.
FETCH = """async ([endpoint, query]) => {
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json",
        "X-Requested-With": "warta-cors-test",
      },
      body: query,
    });
    return {
      status: response.status,
      kind: response.headers.get("X-Warta-Query-Kind"),
      body: await response.text(),
    };
  } catch (error) {
    return { failed: String(error) };
  }
}"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test reads the browser's requests instead
        pass


@pytest.fixture(scope="module")
def warta(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    path = tmp_path_factory.mktemp("cors") / "store"
    store = open_store(str(path))
    write_examples(store)
    store.close()
    with serve(path, "--workers", "1") as (_, base, _log):
        yield base, path.parent


@pytest.fixture(scope="module")
def other_origin(tmp_path_factory) -> Iterator[str]:
    """A second local web server, on its own port: pages there are another origin than Warta's."""
    site = tmp_path_factory.mktemp("other-origin")
    (site / "fetch.html").write_text(PAGE.format(head="", body=""))
    if (YASGUI / "yasgui.min.js").is_file():
        for name in ("yasgui.min.js", "yasgui.min.css"):
            shutil.copy(YASGUI / name, site / name)
        head = '<link rel="stylesheet" href="yasgui.min.css">'
        (site / "yasgui.html").write_text(PAGE.format(head=head, body=YASGUI_PAGE_SCRIPT))
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    from viz_browser import ARGS, CHROMIUM

    # No request interception (Playwright answers CORS preflights itself when it intercepts,
    # which would hide Warta's): the resolver instead knows no host but loopback.
    offline = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, offline])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page whose requests and script errors are recorded."""
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda request: page.requests.append((request.method, request.url)))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def _preflights(log_folder: Path) -> list[str]:
    """The OPTIONS lines of Warta's access log: preflights that reached Warta itself."""
    return [line for log in log_folder.glob("serve-*.log") for line in log.read_text().splitlines() if '"OPTIONS ' in line]


def _warta_message(base: str, query: str) -> str:
    """What Warta answers a non-browser client for ``query``: the message the browser must show."""
    response = httpx.post(base + "/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 400
    return response.text.strip()


def test_fetch_from_another_origin_posts_a_query_and_reads_results(page, warta, other_origin):
    base, logs = warta
    page.goto(other_origin + "/fetch.html")
    answer = page.evaluate(FETCH, [base + "/sparql", FOUND])
    assert "failed" not in answer, answer
    assert answer["status"] == 200 and answer["kind"] == "SELECT"  # an exposed header is readable
    names = [row["name"]["value"] for row in json.loads(answer["body"])["results"]["bindings"]]
    assert names == ["Ali Fitri Noor"]
    assert any("/sparql" in line and " 204" in line for line in _preflights(logs))  # Warta answered the preflight


def test_fetch_from_another_origin_gets_wartas_syntax_error_not_a_cors_failure(page, warta, other_origin):
    base, _ = warta
    page.goto(other_origin + "/fetch.html")
    answer = page.evaluate(FETCH, [base + "/sparql", BROKEN])
    assert "failed" not in answer, answer
    assert answer["status"] == 400 and answer["body"].strip() == _warta_message(base, BROKEN)
    assert "syntax" in answer["body"].lower()


def test_the_browser_enforces_cors_here(page, warta, other_origin):
    # The control: a Warta path outside the protocol endpoints carries no CORS headers, and the
    # same fetch from the same page fails, so the passes above are CORS at work, not its absence.
    base, _ = warta
    page.goto(other_origin + "/fetch.html")
    answer = page.evaluate(FETCH, [base + "/search", FOUND])
    assert "failed" in answer, answer


def _yasgui(page, base: str, other_origin: str, query: str) -> None:
    if not (YASGUI / "yasgui.min.js").is_file():
        message = f"YASGUI's files not found in {YASGUI}: run `make yasgui` (npm registry)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    page.goto(f"{other_origin}/yasgui.html?endpoint={base}/sparql")
    page.wait_for_function("() => window.yasgui && window.yasgui.getTab()", timeout=30_000)
    page.evaluate("query => { const tab = window.yasgui.getTab(); tab.setQuery(query); tab.query(); }", query)
    page.wait_for_function("() => window.answers.length > 0", timeout=30_000)


def test_yasgui_on_another_origin_shows_results(page, warta, other_origin):
    base, _ = warta
    _yasgui(page, base, other_origin, FOUND)
    page.wait_for_selector(".yasr table >> text=Ali Fitri Noor", timeout=30_000)
    assert ("POST", base + "/sparql") in page.requests or any(
        method == "GET" and url.startswith(base + "/sparql?") for method, url in page.requests
    )
    assert not [url for _, url in page.requests if not url.startswith((base, other_origin))]
    assert not page.errors


def test_yasgui_on_another_origin_shows_wartas_syntax_error(page, warta, other_origin):
    base, _ = warta
    _yasgui(page, base, other_origin, BROKEN)
    error = page.wait_for_selector(".yasr .errorResult", timeout=30_000)
    text = error.inner_text()
    assert _warta_message(base, BROKEN) in text, text
    assert "CORS" not in text
