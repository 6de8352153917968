"""Hostile data cannot run script in a real browser (Debian's chromium, headless, via Playwright).

The store's article title and entity names carry ``<script>``,
``"><img onerror=...>`` and ``<svg onload=...>``; a shared query link makes the
query page render attacker-chosen literals and a ``javascript:`` IRI. Every
page (entity pages with their embedded graph view, search, graph views, the
query page) is loaded and left to run its scripts: no dialog may open, no
element may carry an event-handler attribute, no link may be ``javascript:``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "reliability"))

from live import serve
from test_security_server import BASE, hostile_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PERSON = BASE + "person/img-src-x-onerror-alert-1"
ORG = BASE + "organization/title-script-alert-2-script"
SHARED_QUERY = (
    'SELECT ?x ?name ?link WHERE { VALUES ?x { "<img src=x onerror=alert(11)>" "<script>alert(12)</script>" } '
    "?p a <https://schema.org/Person> ; <https://schema.org/name> ?name . "
    'BIND(IRI("javascript:alert(13)") AS ?link) }'
)

FIND_HANDLERS = """() => [...document.querySelectorAll('*')].flatMap(e =>
    [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"""
FIND_JS_LINKS = """() => [...document.querySelectorAll('[href],[src],[action]')].map(e =>
    e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))
    .filter(v => v.trim().toLowerCase().startsWith('javascript:'))"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = hostile_store(tmp_path_factory.mktemp("browser-hostile") / "store")
    with serve(store) as (_, base, _log):
        yield base


@pytest.mark.parametrize(
    ("name", "path", "ready"),
    [
        ("person page", "/resource/person/img-src-x-onerror-alert-1", "h1"),
        ("organization page", "/resource/organization/title-script-alert-2-script", "h1"),
        ("article page", "/resource/article/hostile", "h1"),
        ("search", "/search?q=" + quote('<script>alert("title")</script>'), "body"),
        ("person graph view", "/viz?entity=" + quote(PERSON, safe=""), "canvas"),
        ("organization graph view", "/viz?entity=" + quote(ORG, safe=""), "canvas"),
        ("shared query link", "/?query=" + quote(SHARED_QUERY, safe=""), "table.data tbody tr"),
    ],
)
def test_hostile_values_never_run_as_script(browser, server, name, path, ready):
    context = browser.new_context()
    outside: list[str] = []

    def gate(route):
        if route.request.url.startswith(("data:", "blob:", "about:")) or urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", gate)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server + path)
    page.wait_for_selector(ready, state="attached", timeout=30_000)
    page.wait_for_timeout(1500)  # let deferred scripts and frames render
    try:
        for frame in page.frames:
            frame.wait_for_load_state()
            assert frame.evaluate(FIND_HANDLERS) == [], f"{name}: event handlers in {frame.url}"
            assert frame.evaluate(FIND_JS_LINKS) == [], f"{name}: javascript: links in {frame.url}"
        text = page.inner_text("body")
        if name != "shared query link":
            assert "alert(" in text or "onerror" in text or "<script>" in text, f"{name}: the hostile value is not shown at all"
        else:
            assert "<img src=x onerror=alert(11)>" in text, "the query page does not show the literal as text"
    finally:
        context.close()
    assert dialogs == [], f"{name}: script from the data ran: {dialogs}"
    assert outside == [], f"{name}: requests left the machine: {outside}"
