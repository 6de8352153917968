"""The query page and an entity page driven in Debian's chromium (headless, via Playwright).

Never downloads a browser: Playwright is pointed at /usr/bin/chromium. Every
request that is not to 127.0.0.1 is recorded and blocked, and the test fails
if there was any: the pages must work offline.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from server_data import write_examples
from test_cli_serve import start_server
from viz_browser import ARTIFACTS

from graph.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("browser") / "store")
    store = open_store(path)
    write_examples(store)
    store.close()
    process, url = start_server(path)
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture
def page(browser):
    context = browser.new_context()
    outside, problems = [], []

    def gate(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:", "about:")) or host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", gate)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    # A 400 the page asked for (a query with a syntax error) is shown to the user, not a fault.
    page.on(
        "console",
        lambda m: problems.append(f"console: {m.text}") if m.type == "error" and "status of 400" not in m.text else None,
    )
    yield page
    context.close()
    assert outside == [], f"requests left the machine: {outside}"
    assert problems == [], problems


def test_type_a_query_run_it_and_see_sortable_rows(page, server):
    page.goto(server + "/")
    page.wait_for_selector("#library a")
    query = "PREFIX schema: <https://schema.org/>\nSELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }"
    page.fill("#query", query)
    assert page.locator("#highlight .tok-keyword").count() >= 3  # highlighted as typed
    page.click("#run")
    page.wait_for_selector("table.data tbody tr")
    names = page.locator("table.data tbody td").all_inner_texts()
    assert {"Ali Fitri Noor", "Andi Sudirman Sulaimân"} <= set(names)
    page.click("table.data th")
    ascending = page.locator("table.data tbody td").all_inner_texts()
    assert ascending == sorted(ascending, key=str.lower) or ascending[0] == "Ali Fitri Noor"
    page.click("table.data th")
    assert page.locator("table.data tbody td").all_inner_texts() == ascending[::-1]
    assert "query=" in page.url  # shareable
    assert "row" in page.inner_text("#status")


def test_results_download_as_csv_and_json(page, server):
    page.goto(server + "/")
    page.wait_for_selector("#library a")
    page.fill("#query", "SELECT ?name WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?name }")
    page.click("#run")
    page.wait_for_selector("table.data tbody tr")
    with page.expect_download() as info:
        page.click("#download-csv")
    csv = open(info.value.path(), encoding="utf-8").read()
    assert csv.splitlines()[0].strip() == "name" and "Ali Fitri Noor" in csv
    with page.expect_download() as info:
        page.click("#download-json")
    assert '"Ali Fitri Noor"' in open(info.value.path(), encoding="utf-8").read()


def test_a_shared_url_runs_its_query(page, server):
    page.goto(server + "/?query=" + "SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20a%20%3Chttps%3A%2F%2Fschema.org%2FPerson%3E%20%7D")
    page.wait_for_selector("table.data tbody tr")
    link = page.locator("table.data tbody a").first
    assert link.get_attribute("href").startswith("/resource/person/")


def test_library_query_with_a_parameter(page, server):
    page.goto(server + "/")
    page.click("#library a[data-name='quotes-by-speaker']")
    assert "Quotes by a speaker" in page.inner_text("#query-info")
    page.fill("#params input[data-param='speaker']", "Ali Fitri Noor")
    page.click("#run")
    page.wait_for_selector("table.data tbody tr")
    assert "Kami menargetkan 10.000 pekerja terlatih" in page.inner_text("table.data")


def test_prefix_completion_declares_the_prefix(page, server):
    page.goto(server + "/")
    page.wait_for_selector("#library a")
    page.fill("#query", "")
    page.click("#query")
    page.keyboard.type("SELECT * WHERE { ?s a sch")
    page.wait_for_selector("#completions li")
    assert "schema:" in page.inner_text("#completions")
    page.keyboard.press("Tab")
    text = page.input_value("#query")
    assert text.startswith("PREFIX schema: <https://schema.org/>") and "?s a schema:" in text


def test_construct_results_show_a_graph_view_and_triples(page, server):
    page.goto(server + "/")
    page.wait_for_selector("#library a")
    page.fill("#query", "CONSTRUCT { ?a <https://schema.org/mentions> ?b } WHERE { ?a <https://schema.org/mentions> ?b }")
    page.click("#run")
    page.wait_for_selector("table.data tbody tr")
    assert page.locator("iframe.graphview").count() == 1
    assert "triples" in page.inner_text("#status")
    # The result holds no names: the view looks them up, so nodes read as names, not "other" dots.
    frame = page.frame_locator("iframe.graphview")
    frame.locator("#warta-footer").wait_for()
    view = next(f for f in page.frames if "/viz" in f.url)
    view.wait_for_function("() => window.wartaView && window.wartaView.state.ready", timeout=60_000)
    nodes = view.evaluate("() => window.wartaView.data.nodes.map(n => [n.kind, n.name])")
    assert ["person", "Ali Fitri Noor"] in nodes
    assert not [name for kind, name in nodes if kind == "other"]
    page.locator("iframe.graphview").screenshot(path=str(ARTIFACTS / "warta-construct.png"))


def test_errors_are_shown_not_thrown(page, server):
    page.goto(server + "/")
    page.wait_for_selector("#library a")
    page.fill("#query", "SELECT ?x WHERE { ?x }")
    page.click("#run")
    page.wait_for_selector("pre.error")
    assert "SPARQL syntax error" in page.inner_text("pre.error")
    page.fill("#query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    page.click("#run")
    page.wait_for_selector("pre.error")
    assert "--allow-service" in page.inner_text("pre.error")


def test_entity_page_and_search(page, server):
    page.goto(server + "/search?q=kemnaker")
    page.click("text=Kementerian Ketenagakerjaan")
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Kementerian Ketenagakerjaan"
    page.goto(server + "/resource/person/ali-fitri-noor")
    assert page.inner_text("h1") == "Ali Fitri Noor"
    assert "Sekretaris Daerah" in page.inner_text("main")
    assert page.locator("mark").count() >= 1  # the mention inside its source sentence
    page.screenshot(path=str(ARTIFACTS / "warta-entity.png"), full_page=True)


def test_service_description_link_shows_a_readable_page(page, server):
    page.goto(server + "/")
    page.wait_for_selector("#library a")
    page.click("header nav a:text('Service description')")  # a page, where it used to download sparql.rdf
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "SPARQL endpoint"
    assert server + "/sparql" in page.inner_text("main")
    assert "application/sparql-results+json" in page.inner_text("table.data")
    page.screenshot(path=str(ARTIFACTS / "warta-service.png"), full_page=True)
    with page.expect_response(lambda r: "format=turtle" in r.url) as info:
        page.evaluate("() => fetch('/sparql?format=turtle')")
    assert info.value.headers["content-type"].startswith("text/turtle")
