"""Graph views as HTML: self-contained, escaped, filtered and laid out (no browser needed)."""

from __future__ import annotations

import json
import re

import pytest
from graph_data import XSS_NAME, XSS_TITLE, populate
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from graph.errors import WartaError
from graph.model.namespaces import SCHEMA, sparql_prologue
from graph.viz import render_triples, render_view, write_view
from graph.viz.layout import layout
from graph.viz.page import json_for_script
from graph.viz.payload import PHYSICS_LIMIT
from graph.viz.triples import triples_graph, with_names_from


@pytest.fixture
def store(memory_store):
    populate(memory_store)
    return memory_store


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="warta-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_page_is_self_contained(store):
    html = render_view(store)
    assert "<script src" not in html and "<link" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "vis.Network" in html  # vis-network inlined from pyvis's package files


def test_untrusted_text_never_appears_as_markup(store):
    html = render_view(store, types="all")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    data = page_data(html)
    names = {n["name"] for n in data["nodes"]}
    assert XSS_NAME in names  # the data still holds the text, as text
    titles = {e["title"] for n in data["nodes"] for e in n["evidence"]}
    assert XSS_TITLE in titles


def test_json_for_script_cannot_close_the_script_element():
    text = json_for_script({"a": "</script><script>alert(1)</script>", "b": "<!--", "c": "\u2028"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text)["a"].startswith("</script>")


def test_whole_graph_view_has_legend_sizes_and_labelled_edges(store):
    data = page_data(render_view(store, types="all"))
    assert len(data["nodes"]) == 15 and len(data["edges"]) == 14
    assert [entry["kind"] for entry in data["legend"]] == [
        "person",
        "organization",
        "place",
        "meeting",
        "agreement",
        "program",
        "quote",
    ]
    assert {e["label"] for e in data["edges"]} >= {"attended", "party to", "said", "holds office in (Wali Kota)"}
    sizes = {n["name"]: n["size"] for n in data["nodes"]}
    assert sizes["Pemerintah Kota Balikpapan"] > sizes["Rudi Hartono"]  # two articles against one
    assert data["physics"] is True


def test_tooltip_data_holds_aliases_offices_and_source_sentences(store):
    data = page_data(render_view(store, overview=False))
    andi = next(n for n in data["nodes"] if n["name"] == "Andi Harun")
    assert andi["aliases"] == ["Andi"] and andi["offices"] == ["Wali Kota, Pemerintah Kota Samarinda"]
    assert andi["evidence"][0]["url"] == "https://kaltimpos.example/a1"
    said = next(e for e in data["edges"] if e["label"] == "said")
    assert said["evidence"][0]["sentence"].startswith('"Kami siap')


def test_ego_view_is_centred_and_bounded(store):
    data = page_data(render_view(store, entity="Teten", hops=1))
    assert {n["name"] for n in data["nodes"]} == {"Teten Masduki", "Kementerian Koperasi", "Pertemuan"}
    assert data["nodes"][data["focus"]]["name"] == "Teten Masduki"
    two = page_data(render_view(store, entity="Teten Masduki", hops=2))
    assert {"MoU pemberdayaan UMKM", "UMKM Naik Kelas", XSS_NAME} <= {n["name"] for n in two["nodes"]}


def test_ego_view_accepts_an_iri_relative_to_the_base(store):
    data = page_data(render_view(store, entity="person/teten", hops=0, base_iri="http://example.org/"))
    assert [n["iri"] for n in data["nodes"]] == ["person/teten"]


def test_type_date_and_publisher_filters(store):
    people = page_data(render_view(store, types="person,meeting"))
    assert {n["kind"] for n in people["nodes"]} == {"person", "meeting"}
    assert all(e["label"] == "attended" for e in people["edges"])
    dated = page_data(render_view(store, types="all", date_from="2022-06-01", date_to="2022-12-31"))
    assert {n["name"] for n in dated["nodes"]} == {"Teten Masduki", "Pertemuan", XSS_NAME}
    assert "Andi Harun" not in {n["name"] for n in page_data(render_view(store, types="all", publisher="Antara"))["nodes"]}


def test_select_query_picks_nodes_and_keeps_links_among_them(store):
    query = "SELECT ?p ?o WHERE { ?m org:member ?p ; org:organization ?o }"
    data = page_data(render_view(store, query=query))
    assert len(data["nodes"]) == 6
    assert {e["label"].split(" (")[0] for e in data["edges"]} == {"holds office in"}


def test_construct_query_is_drawn_as_triples(store):
    query = "CONSTRUCT { ?m schema:attendee ?p . ?p schema:name ?n . ?p a schema:Person } WHERE { ?m schema:attendee ?p . ?p schema:name ?n }"
    data = page_data(render_view(store, query=query))
    # The meetings' type is not in the result: it is looked up in the store, like names.
    assert {n["kind"] for n in data["nodes"]} == {"person", "meeting"}
    assert {e["label"] for e in data["edges"]} == {"attendee"}


def test_ask_query_is_refused(store):
    with pytest.raises(WartaError, match="SELECT or CONSTRUCT"):
        render_view(store, query="ASK { ?s ?p ?o }")


def test_unknown_entity_is_a_user_error(store):
    with pytest.raises(WartaError, match="no entity is named"):
        render_view(store, entity="Nobody Here")


def test_render_triples_never_draws_type_edges():
    s, o = URIRef("http://x/a"), URIRef("http://x/b")
    triples = [
        (s, RDF.type, SCHEMA.Person),
        (s, SCHEMA.knows, o),
        (s, SCHEMA.name, Literal("<b>A</b>")),
        (o, SCHEMA.description, Literal("x")),
    ]
    data = page_data(render_triples(triples, title="<i>t</i>"))
    assert len(data["nodes"]) == 2 and len(data["edges"]) == 1
    assert data["nodes"][0]["name"] == "<b>A</b>" and data["nodes"][0]["kind"] == "person"
    assert data["nodes"][1]["properties"] == [["description", "x"]]


def test_title_is_escaped(store):
    html = render_view(store, title="<img src=x onerror=alert(1)>")
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in html


def test_empty_store_renders_an_empty_view(memory_store):
    data = page_data(render_view(memory_store))
    assert data["nodes"] == [] and data["edges"] == []


def test_write_view_creates_parents(store, tmp_path):
    path = write_view(store, tmp_path / "a" / "b.html", entity="Andi")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_large_views_are_laid_out_in_advance_with_physics_off():
    import networkx as nx

    from graph.viz.payload import payload

    g = nx.MultiDiGraph()
    for i in range(PHYSICS_LIMIT + 50):
        g.add_node(i, kind="person", name=f"P{i}", aliases=[], articles=set(), evidence=[])
        if i:
            g.add_edge(i, i // 2, label="knows")
    data = payload(g, title="big")
    assert data["physics"] is False
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])


def test_layout_separates_components_and_nodes():
    import networkx as nx

    g = nx.path_graph(30)
    g.add_nodes_from(range(100, 110))  # isolated nodes
    positions = layout(g)
    assert len(positions) == 40
    assert len(set(positions.values())) == 40


MENTIONS = "CONSTRUCT { ?a schema:mentions ?b } WHERE { ?a schema:mentions ?b }"


def test_construct_without_names_is_labelled_from_the_store(store):
    data = page_data(render_view(store, query=sparql_prologue() + MENTIONS))
    people = [n for n in data["nodes"] if n["kind"] == "person"]
    assert people and all(" " in n["name"] for n in people)  # "Ali Fitri Noor", not the IRI's tail
    articles = [n for n in data["nodes"] if n["kind"] == "article"]
    assert articles and not any(n["name"].startswith(("article", "http")) for n in articles)  # headlines
    assert not [n for n in data["nodes"] if n["kind"] == "other"]


def test_name_look_up_is_bounded_and_keeps_the_results_own_names(store):
    triples = store.query(sparql_prologue() + MENTIONS).triples
    article = triples[0][0]
    mine = (article, SCHEMA.name, Literal("chosen by the query"))
    looked_up = with_names_from(store, [*triples, mine], limit=1)
    added = looked_up[len(triples) + 1 :]
    assert {s for s, _, _ in added} == {triples[0][2]}  # one node looked up: the first unnamed one
    graph = triples_graph(with_names_from(store, [*triples, mine]))
    assert graph.nodes[str(article)]["name"] == "chosen by the query"
