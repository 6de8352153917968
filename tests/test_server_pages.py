"""Linked-data pages for every kind of resource, and the graph frames they embed (no browser needed)."""

from __future__ import annotations

import re

import pytest
from server_data import write_examples
from starlette.testclient import TestClient

from graph.server import create_app
from graph.server.article import mark
from graph.store import open_store

HTML = {"accept": "text/html"}
ARTICLE = "/resource/article/samarinda-kemnaker"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "store"
    store = open_store(str(path))
    write_examples(store)
    store.close()
    with TestClient(base_url="http://localhost", app=create_app(str(path), timeout=20)) as client:
        yield client


def _hrefs(page: str, prefix: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'(?:href|src)="(' + re.escape(prefix) + r'[^"]*)"', page)]


def test_article_page_has_headline_publisher_date_marked_text_and_facts(client):
    response = client.get(ARTICLE, headers=HTML)
    assert response.status_code == 200
    page = response.text
    assert "<h1>Pemkot Samarinda dan Kemnaker teken MoU pelatihan vokasi</h1>" in page
    assert "ANALITIK.CO.ID" in page and "2022-04-06" in page
    assert 'class="mention k-person" href="/resource/person/ali-fitri-noor"' in page
    assert 'class="mention k-organization"' in page
    assert "Facts extracted" in page and "Audiensi Kemnaker" in page and "<td>Plh</td>" in page
    assert "Kami menargetkan 10.000 pekerja terlatih" in page


def test_role_page_lists_its_holders(client):
    page = client.get("/resource/role/sekretaris-daerah", headers=HTML).text
    assert "Holders" in page and 'href="/resource/person/ali-fitri-noor"' in page


def test_membership_and_quote_pages_have_readable_headings(client):
    article = client.get(ARTICLE, headers=HTML).text
    membership = _hrefs(article, "/resource/membership/")[0]
    page = client.get(membership, headers=HTML).text
    assert re.search(r"<h1>Ali Fitri Noor: Plh Sekretaris Daerah, Pemerintah Kota Samarinda</h1>", page)
    quote = _hrefs(article, "/resource/quote/")[0]
    page = client.get(quote, headers=HTML).text
    assert "<h1>Quote by Ali Fitri Noor</h1>" in page and 'class="quote"' in page


def test_every_graph_frame_of_every_linked_page_draws(client):
    seen, queue = set(), [ARTICLE, "/resource/person/ali-fitri-noor"]
    frames = set()
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, headers=HTML)
        assert response.status_code == 200, path
        queue += [h for h in _hrefs(response.text, "/resource/") if "format=" not in h]
        frames |= set(_hrefs(response.text, "/viz?"))
    assert len(seen) > 15 and len(frames) > 15
    for frame in frames:
        response = client.get(frame)
        assert response.status_code == 200, frame
        assert 'id="warta-data"' in response.text, frame


def test_viz_without_parameters_is_the_overview(client):
    response = client.get("/viz")
    assert response.status_code == 200 and 'id="warta-data"' in response.text
    assert '"overview":' in response.text
    assert "unsafe-inline" in response.headers["content-security-policy"]


def test_viz_error_is_a_page_not_plain_text(client):
    response = client.get("/viz", params={"entity": "<b>nobody</b>"})
    assert response.status_code >= 400
    assert response.headers["content-type"].startswith("text/html")
    assert "<b>nobody" not in response.text and "&lt;b&gt;nobody" in response.text


def test_mark_nests_facts_around_entities_and_drops_crossing_spans():
    text = "Plh Sekda Ali Fitri hadir."
    spans = [(0, 19, "m", "membership", ""), (10, 19, "p", "person", "Ali Fitri"), (15, 25, "x", "place", "")]
    parts = mark(text, spans)
    kinds = [(p.kind, p.category) for p in parts if p.kind != "text"]
    assert kinds == [("open", "membership"), ("open", "person"), ("close", "person"), ("close", "membership")]
    assert "".join(p.text for p in parts if p.kind == "text") == text


def test_mark_never_nests_a_link_in_a_link():
    parts = mark("Dinas Kesehatan Paser", [(0, 21, "o", "organization", ""), (16, 21, "p", "place", "")])
    assert [p.category for p in parts if p.kind == "open"] == ["organization"]
