"""SPARQL 1.1 Protocol details the W3C suite checks (issue 15): base IRI, using-graph-uri, ASK as CSV."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from graph.server import create_app
from graph.server.using import with_dataset

TOKEN = "conformance-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
G1, G2, OUT = "http://example.org/g1", "http://example.org/g2", "http://example.org/out"


@pytest.fixture
def client():
    app = create_app("memory:", allow_update=True, update_token=TOKEN, workers=1)
    with TestClient(app, base_url="http://localhost") as client:
        yield client


def update(client, text: str, params=None):
    headers = {**AUTH, "content-type": "application/sparql-update"}
    return client.post("/sparql", params=params, content=text.encode(), headers=headers)


def ask(client, query: str) -> bool:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


@pytest.fixture
def two_graphs(client):
    data = f'INSERT DATA {{ GRAPH <{G1}> {{ <urn:a> <urn:p> "one" }} GRAPH <{G2}> {{ <urn:b> <urn:p> "two" }} }}'
    assert update(client, data).status_code == 204
    return client


def test_relative_iris_in_a_query_resolve_against_the_endpoint(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { BIND(<thing> AS ?x) }"})
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"][0]["x"]["value"] == "http://localhost/thing"


def test_relative_iris_in_an_update_resolve_against_the_endpoint(client):
    assert update(client, f"INSERT DATA {{ GRAPH <{G1}> {{ <urn:s> <urn:p> <test> }} }}").status_code == 204
    assert ask(client, "ASK { <urn:s> <urn:p> <http://localhost/test> }")


def test_using_graph_uri_is_the_default_graph_of_the_updates_where(two_graphs):
    copy = f"INSERT {{ GRAPH <{OUT}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}"
    assert update(two_graphs, copy, {"using-graph-uri": G1}).status_code == 204
    assert ask(two_graphs, f'ASK {{ GRAPH <{OUT}> {{ <urn:a> <urn:p> "one" }} }}')
    assert not ask(two_graphs, f"ASK {{ GRAPH <{OUT}> {{ <urn:b> ?p ?o }} }}")


def test_using_named_graph_uri_limits_the_graphs_graph_sees(two_graphs):
    copy = f"INSERT {{ GRAPH <{OUT}> {{ ?s <urn:in> ?g }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert update(two_graphs, copy, {"using-named-graph-uri": G2}).status_code == 204
    assert ask(two_graphs, f"ASK {{ GRAPH <{OUT}> {{ <urn:b> <urn:in> <{G2}> }} }}")
    assert not ask(two_graphs, f"ASK {{ GRAPH <{OUT}> {{ <urn:a> ?p ?o }} }}")


@pytest.mark.parametrize(
    "text",
    [
        f"WITH <{G1}> INSERT {{ ?s ?p 1 }} WHERE {{ ?s ?p ?o }}",
        f"INSERT {{ ?s ?p 1 }} USING <{G1}> WHERE {{ ?s ?p ?o }}",
        "DELETE WHERE { ?s ?p ?o }",
    ],
)
def test_using_graph_uri_beside_the_updates_own_dataset_is_refused(two_graphs, text):
    response = update(two_graphs, text, {"using-graph-uri": G2})
    assert response.status_code == 400 and "using-graph-uri" in response.text


def test_using_graph_uri_on_a_query_is_refused(client):
    response = client.get("/sparql", params={"query": "ASK {}", "using-graph-uri": G1})
    assert response.status_code == 400


def test_using_clauses_go_before_each_top_level_where_only():
    text = (
        'PREFIX where: <urn:w#> INSERT DATA { <urn:a> <urn:p> "WHERE ; {" } ;\n'
        "# WHERE in a comment ;\n"
        "INSERT { ?s where:WHERE <urn:x;WHERE> } WHERE { ?s ?p ?o OPTIONAL { ?s ?q ?where } } ;\n"
        "DELETE { ?s ?p ?o } where { ?s ?p ?o } ;"
    )
    rewritten = with_dataset(text, [G1], [G2])
    assert rewritten.count(f"USING <{G1}> USING NAMED <{G2}>") == 2
    assert f"USING NAMED <{G2}> WHERE {{ ?s ?p ?o OPTIONAL" in rewritten
    assert f"USING NAMED <{G2}> where {{ ?s ?p ?o }}" in rewritten


@pytest.mark.parametrize("accept", ["text/csv", "text/tab-separated-values"])
def test_ask_asked_for_as_csv_or_tsv_answers_a_boolean_format(client, accept):
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"accept": accept})
    assert response.status_code == 200 and response.json()["boolean"] is True
    response = client.get(
        "/sparql", params={"query": "ASK {}"}, headers={"accept": f"{accept}, application/sparql-results+xml;q=0.5"}
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/sparql-results+xml")
