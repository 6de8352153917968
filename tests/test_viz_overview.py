"""The overview: officials and agencies, ranked, grouped and linked by what they share (no browser needed)."""

from __future__ import annotations

import networkx as nx
import pytest
from graph_data import populate
from test_viz import page_data

from graph.analysis.actors import actor_network, pagerank
from graph.analysis.entities import load_entity_graph
from graph.viz import render_view
from graph.viz.overview import describe_ties, overview_payload


@pytest.fixture
def store(memory_store):
    populate(memory_store)
    return memory_store


def test_default_view_is_the_overview_of_persons_and_organisations(store):
    data = page_data(render_view(store))
    assert data["overview"]["communities"]
    assert {n["kind"] for n in data["nodes"]} <= {"person", "organization"}
    assert all(e["undirected"] and e["title"] for e in data["edges"])
    assert "most central" in data["subtitle"] or "officials and agencies" in data["subtitle"]


def test_overview_keeps_the_top_n_and_counts_what_it_leaves_out(store):
    entities = load_entity_graph(store)
    full = overview_payload(entities)
    two = overview_payload(entities, top=2)
    assert len(two["nodes"]) <= 2 < len(full["nodes"])
    assert two["overview"]["linked"] == full["overview"]["linked"]
    assert full["overview"]["isolated"] >= 0
    # Every drawn node has a partner among the drawn: none floats alone.
    drawn = {e["from"] for e in full["edges"]} | {e["to"] for e in full["edges"]}
    assert drawn == {n["id"] for n in full["nodes"]}


def test_only_the_most_central_nodes_are_labelled_and_communities_are_named(store):
    data = overview_payload(load_entity_graph(store))
    by_size = sorted(data["nodes"], key=lambda n: -n["centrality"])
    assert by_size[0]["label"]
    names = {c["name"] for c in data["overview"]["communities"]}
    assert names <= {n["name"][:40] for n in data["nodes"]} | {n["label"] for n in data["nodes"]}


def test_clicking_a_node_can_add_its_meetings_and_quotes(store):
    data = overview_payload(load_entity_graph(store))
    pool = data["overview"]["expand"]
    kinds = {n["kind"] for n in pool["nodes"]}
    assert kinds & {"meeting", "quote", "place", "agreement", "program"}
    ids = {n["id"] for n in data["nodes"]} | {n["id"] for n in pool["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in pool["edges"])


def test_ties_say_why_two_actors_are_linked(store):
    net = actor_network(load_entity_graph(store))
    ties = [d["ties"] for _, _, d in net.graph.edges(data=True)]
    assert any("office" in t for t in ties) and any("meeting" in t for t in ties)
    assert describe_ties({"meeting": 2, "article": 1}) == "2 shared meetings, 1 article naming both"


def test_pagerank_matches_networkx_on_a_small_graph():
    g = nx.karate_club_graph()
    for a, b in g.edges:
        g[a][b]["weight"] = 1.0 + (a + b) % 3
    ours = pagerank(g)
    theirs = nx.algorithms.link_analysis.pagerank_alg._pagerank_python(g, weight="weight")
    assert max(abs(ours[n] - theirs[n]) for n in g) < 1e-4


def test_a_dense_network_draws_each_actors_strongest_ties_only():
    import networkx as nx

    from graph.viz.overview import strongest_ties

    g = nx.complete_graph(30)  # everyone named beside everyone
    for a, b in g.edges:
        g.edges[a, b]["weight"] = 100 if abs(a - b) == 1 else 1  # neighbours in a chain work together most
    ties = strongest_ties(g, 2)
    chain = {frozenset((a, a + 1)) for a in range(29)}
    drawn = {frozenset((a, b)) for a, b, _ in ties}
    assert chain <= drawn and len(drawn - chain) <= 2  # the chain's two ends each add one weaker tie
    assert len(ties) < g.number_of_edges() / 10
    assert all(any(n in (a, b) for a, b, _ in ties) for n in g)  # nobody left without a tie
