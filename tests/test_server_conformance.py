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


# --- Graph Store Protocol -------------------------------------------------------------
CARD = b'<http://example.org/p1> <http://xmlns.com/foaf/0.1/businessCard> [ <http://www.w3.org/2006/vcard/ns#fn> "%s" ] .'
TURTLE = {**AUTH, "content-type": "text/turtle; charset=utf-8"}


def graph_triples(client, url: str, **params) -> set[str]:
    response = client.get(url, params=params, headers={"accept": "application/n-triples"})
    assert response.status_code == 200, response.text
    return {line for line in response.text.splitlines() if line.strip()}


def test_a_graph_with_blank_nodes_is_replaced_and_deleted_over_gsp(client):
    url = "/rdf-graphs?graph=" + G1
    assert client.put(url, content=CARD % b"John", headers=TURTLE).status_code == 201
    assert client.put(url, content=CARD % b"Jane", headers=TURTLE).status_code == 204
    names = graph_triples(client, "/rdf-graphs", graph=G1)
    assert len(names) == 2 and any('"Jane"' in t for t in names) and not any('"John"' in t for t in names)
    assert client.delete(url, headers=AUTH).status_code == 204
    assert client.get(url).status_code == 404
    assert not ask(client, "ASK { ?s ?p ?o }")


def test_multipart_form_data_post_adds_every_file(client):
    boundary = "b0undary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="a"; filename="a.ttl"\r\n'
        "Content-Type: text/turtle\r\n\r\n<http://example.org/a> <http://example.org/p> 1 .\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="b"; filename="b.nt"\r\n\r\n'
        '<http://example.org/b> <http://example.org/p> "2" .\r\n'
        f"--{boundary}--\r\n"
    ).encode()
    headers = {**AUTH, "content-type": f"multipart/form-data; boundary={boundary}"}
    assert client.post("/rdf-graphs?graph=" + G1, content=body, headers=headers).status_code == 201
    assert len(graph_triples(client, "/rdf-graphs", graph=G1)) == 2


def test_post_to_the_endpoint_creates_a_graph_addressed_by_its_url(client):
    response = client.post("/rdf-graphs", content=CARD % b"New", headers=TURTLE)
    assert response.status_code == 201
    location = response.headers["location"]
    assert location.startswith("http://localhost/rdf-graphs/")
    direct = graph_triples(client, location.removeprefix("http://localhost"))
    assert len(direct) == 2 and direct == graph_triples(client, "/rdf-graphs", graph=location)
    assert client.put(location, content=CARD % b"Renamed", headers=TURTLE).status_code == 204
    assert client.delete(location, headers=AUTH).status_code == 204
    assert client.get(location).status_code == 404


UNION_SIZE = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_writes_to_the_default_graph_go_to_a_named_graph_of_the_union(client):
    default_graph = client.app.state.config.default_write_graph
    assert client.put("/rdf-graphs?default", content=CARD % b"Alice", headers=TURTLE).status_code == 201
    assert client.post("/rdf-graphs?graph=" + G1, content=b"<urn:a> <urn:p> <urn:o> .", headers=TURTLE).status_code == 201
    # ?default reads back what was PUT there, whatever else the store holds ...
    assert graph_triples(client, "/rdf-graphs", default="") == graph_triples(client, "/rdf-graphs", graph=default_graph)
    assert len(graph_triples(client, "/rdf-graphs", default="")) == 2
    # ... and queries see it in the union beside the named graphs.
    assert client.get("/sparql", params={"query": UNION_SIZE}).json()["results"]["bindings"][0]["n"]["value"] == "3"
    assert client.delete("/rdf-graphs?default", headers=AUTH).status_code == 204
    assert graph_triples(client, "/rdf-graphs", default="") == set()
    assert client.get("/sparql", params={"query": UNION_SIZE}).json()["results"]["bindings"][0]["n"]["value"] == "1"


def test_a_turtle_syntax_error_is_400_with_the_parsers_position(client):
    response = client.put("/rdf-graphs?graph=" + G1, content=b"<http://a/> <http://b/> .", headers=TURTLE)
    assert response.status_code == 400 and "line 1" in response.text and "column" in response.text


def test_relative_iris_in_a_gsp_body_resolve_against_the_graph(client):
    assert client.put("/rdf-graphs?graph=" + G1, content=b"<> <p> <o> .", headers=TURTLE).status_code == 201
    assert graph_triples(client, "/rdf-graphs", graph=G1) == {f"<{G1}> <http://example.org/p> <http://example.org/o> ."}


def test_an_unexpected_error_is_answered_500_not_raised(client, monkeypatch):
    async def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(client.app.state.service, "put_graph", broken)
    response = client.put("/rdf-graphs?graph=" + G1, content=b"<urn:a> <urn:p> <urn:o> .", headers=TURTLE)
    assert response.status_code == 500 and "disk on fire" not in response.text
    assert response.headers["access-control-allow-origin"] == "*"


def test_cors_preflight_on_a_graph_url_allows_the_browsers_headers_and_exposes_location(client):
    response = client.options(
        "/rdf-graphs/person/1.ttl",
        headers={
            "origin": "https://yasgui.example",
            "access-control-request-method": "PUT",
            "access-control-request-headers": "content-type, x-requested-with, bad header",
        },
    )
    assert response.status_code == 204
    listed = [h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")]
    allowed = set(listed)
    assert {"content-type", "authorization", "x-requested-with"} <= allowed and "bad header" not in allowed
    assert len(listed) == len(allowed)  # content-type, asked for in lower case, is listed once
    created = client.post("/rdf-graphs", content=CARD % b"X", headers={**TURTLE, "origin": "https://yasgui.example"})
    assert "location" in created.headers["access-control-expose-headers"].lower()
