"""Writes: SPARQL Update and Graph Store writes need --allow-update and the bearer token."""

from __future__ import annotations

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
    response = client.post(
        "/sparql", content=INSERT.encode(), headers={**auth, "content-type": "application/sparql-update"}
    )
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
    assert client.put("/rdf-graphs?default", content=body, headers={**auth, **nt}).status_code == 400
    assert client.delete("/rdf-graphs", params={"graph": G}, headers=auth).status_code == 204
    assert client.get("/rdf-graphs", params={"graph": G}).status_code == 404
    assert not ask(client, ASK_UNION)


def test_bad_rdf_in_a_graph_write_is_a_client_error(client):
    auth = {"authorization": f"Bearer {TOKEN}", "content-type": "text/turtle"}
    assert (
        client.put("/rdf-graphs", params={"graph": G}, content=b"this is not turtle", headers=auth).status_code == 400
    )


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
        assert (
            client.get("/search", params={"q": "sulaiman", "format": "json"}).json()[0]["name"]
            == "Andi Sudirman Sulaimân"
        )
    writer.close()
