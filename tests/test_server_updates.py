"""Writes: SPARQL Update and Graph Store writes need --allow-update and the bearer token."""

from __future__ import annotations

import time

import pytest
from server_data import write_examples
from starlette.testclient import TestClient

from graph.errors import WartaError
from graph.server import create_app
from graph.server.config import ServerConfig
from graph.server.run import check_settings
from graph.store import open_store

TOKEN = "s3cret-token"
G = "https://w3id.org/warta/resource/article/correction"
INSERT = f'INSERT DATA {{ GRAPH <{G}> {{ <http://example.org/x> <https://schema.org/name> "Nama Baru" }} }}'
ASK_UNION = 'ASK { <http://example.org/x> <https://schema.org/name> "Nama Baru" }'


@pytest.fixture
def client(tmp_path):
    store = open_store(str(tmp_path / "store"))
    write_examples(store)
    app = create_app(store, allow_update=True, update_token=TOKEN, workers=1)
    with TestClient(app, base_url="http://localhost") as client:
        yield client
    store.close()


def ask(client, query) -> bool:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


def test_update_without_or_with_a_wrong_token_is_refused(client):
    assert client.post("/sparql", data={"update": INSERT}).status_code == 401
    response = client.post("/sparql", data={"update": INSERT}, headers={"authorization": "Bearer nope"})
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
    assert not ask(client, ASK_UNION)


def test_update_with_the_token_writes_and_keeps_the_union_in_step(client):
    auth = {"authorization": f"Bearer {TOKEN}"}
    response = client.post("/sparql", content=INSERT.encode(), headers={**auth, "content-type": "application/sparql-update"})
    assert response.status_code == 204, response.text
    assert ask(client, ASK_UNION)  # visible in the deduplicated default graph
    assert client.post("/sparql", data={"update": f"DROP GRAPH <{G}>"}, headers=auth).status_code == 204
    assert not ask(client, ASK_UNION)


def test_load_is_refused_even_with_the_token(client):
    response = client.post(
        "/sparql", data={"update": "LOAD <http://127.0.0.1:9/x.ttl>"}, headers={"authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 400


def test_gsp_put_get_delete_with_the_token(client):
    auth = {"authorization": f"Bearer {TOKEN}"}
    body = b'<http://example.org/x> <https://schema.org/name> "Nama Baru" .'
    nt = {"content-type": "application/n-triples"}
    assert client.put("/rdf-graphs", params={"graph": G}, content=body, headers=nt).status_code == 401
    assert client.put("/rdf-graphs", params={"graph": G}, content=body, headers={**auth, **nt}).status_code == 201
    assert "Nama Baru" in client.get("/rdf-graphs", params={"graph": G}).text
    assert ask(client, ASK_UNION)
    # The default graph is the union: a write there goes to a named graph of its own.
    assert client.put("/rdf-graphs?default", content=body, headers={**auth, **nt}).status_code == 201
    assert client.delete("/rdf-graphs", params={"graph": G}, headers=auth).status_code == 204
    assert client.get("/rdf-graphs", params={"graph": G}).status_code == 404
    assert ask(client, ASK_UNION)  # still stated by the default-graph write
    assert client.delete("/rdf-graphs?default", headers=auth).status_code == 204
    assert not ask(client, ASK_UNION)


def test_bad_rdf_in_a_graph_write_is_a_client_error(client):
    auth = {"authorization": f"Bearer {TOKEN}", "content-type": "text/turtle"}
    assert client.put("/rdf-graphs", params={"graph": G}, content=b"this is not turtle", headers=auth).status_code == 400


def test_updates_need_a_token_and_warn_beyond_loopback():
    with pytest.raises(WartaError, match="WARTA_UPDATE_TOKEN"):
        check_settings("127.0.0.1", ServerConfig(allow_update=True))
    assert check_settings("127.0.0.1", ServerConfig(allow_update=True, update_token="t")) == []
    assert "beyond this machine" in check_settings("0.0.0.0", ServerConfig(allow_update=True, update_token="t"))[0]


def test_a_read_only_server_sees_articles_ingested_by_another_writer(tmp_path):
    from server_data import BASE, article_one, article_two

    from graph.model import GraphBuilder

    path = str(tmp_path / "store")
    writer = open_store(path)
    g = GraphBuilder(BASE).build(*article_one())
    writer.write_graphs([(str(g.identifier), list(g))])
    writer.publish(force=True)
    ask_andi = 'ASK { ?p <https://schema.org/name> "Andi Sudirman Sulaimân" }'
    with TestClient(base_url="http://localhost", app=create_app(path, workers=1)) as client:
        assert not ask(client, ask_andi)
        assert client.get("/search", params={"q": "sulaiman", "format": "json"}).json() == []
        g = GraphBuilder(BASE).build(*article_two())  # as `warta ingest` would, in its own process
        writer.write_graphs([(str(g.identifier), list(g))])
        writer.publish(force=True)
        assert ask(client, ask_andi)
        assert client.get("/search", params={"q": "sulaiman", "format": "json"}).json()[0]["name"] == "Andi Sudirman Sulaimân"
    writer.close()


# --- updates run in a killable writer process (issue 11, item 6) ------------------------
# Its first operation is applied before the runaway second one starts, in the same
# transaction: after the kill it must be gone too.
CARTESIAN = (
    f'INSERT DATA {{ GRAPH <{G}> {{ <http://example.org/x> <https://schema.org/name> "Nama Baru" }} }} ;\n'
    f"INSERT {{ GRAPH <{G}> {{ ?a <http://example.org/p> ?l }} }} "
    "WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture
def writer_client(tmp_path):
    path = str(tmp_path / "store")
    with open_store(path) as store:
        write_examples(store)
    app = create_app(path, allow_update=True, update_token=TOKEN, workers=1, timeout=3, memory_mb=1500)
    with TestClient(app, base_url="http://localhost") as client:
        yield client


def count(client) -> int:
    return int(client.get("/sparql", params={"query": COUNT}).json()["results"]["bindings"][0]["n"]["value"])


def test_an_update_past_the_timeout_is_killed_writes_nothing_and_the_next_one_works(writer_client):
    auth = {"authorization": f"Bearer {TOKEN}"}
    before = count(writer_client)
    started = time.monotonic()
    response = writer_client.post("/sparql", data={"update": CARTESIAN}, headers=auth)
    assert response.status_code == 503, response.text
    assert "nothing was written" in response.text
    assert time.monotonic() - started < 30
    assert count(writer_client) == before  # the killed transaction did not commit
    assert not ask(writer_client, ASK_UNION)
    assert writer_client.post("/sparql", data={"update": INSERT}, headers=auth).status_code == 204
    assert ask(writer_client, ASK_UNION)  # a fresh writer took over; the union is in step


def test_an_update_nested_100000_deep_is_refused_and_the_server_lives(writer_client):
    auth = {"authorization": f"Bearer {TOKEN}"}
    deep = "INSERT DATA { GRAPH <http://g> " + "{" * 100_000 + "}" * 100_000 + " }"
    headers = {**auth, "content-type": "application/sparql-update"}
    response = writer_client.post("/sparql", content=deep.encode(), headers=headers)
    assert 400 <= response.status_code < 600 and response.status_code != 500, response.text[:300]
    assert writer_client.post("/sparql", data={"update": INSERT}, headers=auth).status_code == 204
    assert ask(writer_client, ASK_UNION)


def test_gsp_writes_go_through_the_writer_process(writer_client):
    auth = {"authorization": f"Bearer {TOKEN}"}
    body = b'<http://example.org/x> <https://schema.org/name> "Nama Baru" .'
    nt = {"content-type": "application/n-triples"}
    assert writer_client.put("/rdf-graphs", params={"graph": G}, content=body, headers={**auth, **nt}).status_code == 201
    assert ask(writer_client, ASK_UNION)
    turtle = {**auth, "content-type": "text/turtle"}
    bad = writer_client.put("/rdf-graphs", params={"graph": G}, content=b"not turtle", headers=turtle)
    assert bad.status_code == 400
    assert writer_client.delete("/rdf-graphs", params={"graph": G}, headers=auth).status_code == 204
    assert not ask(writer_client, ASK_UNION)
