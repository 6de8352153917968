"""`warta serve` as a real process on 127.0.0.1, spoken to by standard SPARQL clients."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from server_data import ALI, write_examples

from graph.cli import main
from graph.store import open_store

PREFIXES = "PREFIX schema: <https://schema.org/>\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(store: str, *args: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    warta = Path(sys.executable).with_name("warta")
    process = subprocess.Popen(
        [str(warta), "serve", "--store", store, "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read().decode())
        try:
            if httpx.get(url + "/sparql", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("warta serve did not come up in 30 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("serve") / "store")
    store = open_store(path)
    write_examples(store)
    store.close()
    process, url = start_server(path, "--timeout", "10")
    yield url
    process.terminate()
    process.wait(10)


def test_sparqlwrapper_select_ask_and_construct(server):
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(PREFIXES + "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name")
    client.setReturnFormat(JSON)
    names = [b["name"]["value"] for b in client.queryAndConvert()["results"]["bindings"]]
    assert "Ali Fitri Noor" in names
    client.setQuery(PREFIXES + f"ASK {{ <{ALI}> schema:name 'Ali Fitri Noor' }}")
    assert client.queryAndConvert()["boolean"] is True
    client.setQuery(f"CONSTRUCT {{ <{ALI}> ?p ?o }} WHERE {{ <{ALI}> ?p ?o }}")
    client.setReturnFormat(TURTLE)
    assert b"Ali Fitri Noor" in client.queryAndConvert()


def test_sparqlwrapper_post_and_xml(server):
    from SPARQLWrapper import POST, XML, SPARQLWrapper

    client = SPARQLWrapper(server + "/sparql")
    client.setMethod(POST)
    client.setReturnFormat(XML)
    client.setQuery(PREFIXES + "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }")
    document = client.queryAndConvert()
    assert "Ali Fitri Noor" in document.toxml()


def test_sparqlwrapper_update_is_refused(server):
    from urllib.error import HTTPError

    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(server + "/sparql")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://e.org/a> <http://e.org/b> 'c' }")
    with pytest.raises((SPARQLWrapperException, HTTPError)):
        client.query()


def test_rdflib_sparqlstore_reads_the_endpoint(server):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(server + "/sparql"))
    names = {str(o) for o in graph.objects(URIRef(ALI), URIRef("https://schema.org/name"))}
    assert names == {"Ali Fitri Noor"}
    rows = list(graph.query(PREFIXES + "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"))
    assert any(str(r[0]) == "Andi Sudirman Sulaimân" for r in rows)


def test_curl_style_clients_get_csv_and_linked_data(server):
    response = httpx.get(
        server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"}, headers={"accept": "text/csv"}
    )
    assert response.status_code == 200 and response.text.splitlines()[0].count(",") == 2
    response = httpx.get(server + "/resource/person/ali-fitri-noor", headers={"accept": "text/turtle"})
    assert "Ali Fitri Noor" in response.text


def test_serve_refuses_updates_without_a_token(tmp_path):
    result = CliRunner(env={"WARTA_UPDATE_TOKEN": None}).invoke(
        main, ["serve", "--store", str(tmp_path), "--allow-update"], catch_exceptions=False
    )
    assert result.exit_code == 1 and "WARTA_UPDATE_TOKEN" in result.output


def test_serve_has_help():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--allow-update" in result.output and "--timeout" in result.output
