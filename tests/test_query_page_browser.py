"""Query page fixes from issue 13, driven in Debian's chromium (fixtures shared with test_server_browser)."""

from __future__ import annotations

import pytest
import test_server_browser as shared
from playwright.sync_api import expect

# The same server and watched page (fails on console errors and outside requests); Chromium is tests/conftest.py's.
page, server = shared.page, shared.server

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _ready(page, server, path="/"):
    page.goto(server + path)
    page.wait_for_selector("#library a")


def test_enter_after_a_finished_word_is_a_new_line_not_a_completion(page, server):
    _ready(page, server)
    page.fill("#query", "")
    page.click("#query")
    page.keyboard.type("SELECT * WHERE { ?m a warta:Meeting")
    page.keyboard.press("Enter")
    assert "warta:Meeting\n" in page.input_value("#query")
    assert "meetingType" not in page.input_value("#query")


def test_completion_opens_at_the_caret_and_takes_a_picked_item_on_enter(page, server):
    _ready(page, server)
    page.fill("#query", "")
    page.click("#query")
    page.keyboard.type("SELECT * WHERE {\n  ?s a sch")
    page.wait_for_selector("#completions li")
    box = page.locator("#completions").bounding_box()
    editor = page.locator("#query").bounding_box()
    assert box["y"] < editor["y"] + 80  # under the second line, not pinned to the bottom corner
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    assert "?s a schema:" in page.input_value("#query")


def test_select_star_columns_in_query_order_with_prefixed_names(page, server):
    _ready(page, server)
    page.fill("#query", "SELECT * WHERE { ?s ?p ?o } LIMIT 5")
    page.click("#run")
    page.wait_for_selector("table.data tbody tr")
    assert page.locator("table.data th").all_inner_texts()[:3] == ["s", "p", "o"]
    predicates = page.locator("table.data tbody tr td:nth-child(2)").all_inner_texts()
    assert all(not p.startswith("http") for p in predicates), predicates


def test_many_rows_are_paged(page, server):
    _ready(page, server)
    # Every quad of the article graphs: well over one page (the union alone holds fewer, without provenance).
    page.fill("#query", "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    page.click("#run")
    page.wait_for_selector("table.data tbody tr")
    # The page fills the table as rows arrive: wait for the count instead of reading it once.
    expect(page.locator("table.data tbody tr")).to_have_count(100)
    expect(page.locator(".pager")).to_contain_text("of ")
    page.click(".pager button:has-text('Next')")
    expect(page.locator(".pager")).to_contain_text("rows 101")


def test_library_query_opens_with_the_query_in_view_and_a_short_link(page, server):
    _ready(page, server)
    page.click("#library a[data-name='quotes-by-speaker']")
    text = page.input_value("#query")
    assert not text.lstrip().startswith("#")
    assert "About this query" in page.inner_text("#query-info")
    page.fill("#params input[data-param='speaker']", "Ali Fitri Noor")
    page.click("#run")
    page.wait_for_selector("table.data tbody tr")
    assert "library=quotes-by-speaker" in page.url and "query=" not in page.url and len(page.url) < 300
    page.goto(page.url)
    page.wait_for_selector("table.data tbody tr")


def test_phone_width_keeps_the_search_box_on_screen(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    phone = context.new_page()
    phone.goto(server + "/resource/person/ali-fitri-noor")
    box = phone.locator("header.top input[type=search]").bounding_box()
    assert box["x"] + box["width"] <= 390
    context.close()
