"""The web app in-process (Starlette's TestClient): SPARQL protocol, GSP reads, limits, pages."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef
from server_data import ALI, BASE, KEMNAKER, write_examples
from starlette.testclient import TestClient

from graph.model.namespaces import sparql_prologue
from graph.server import create_app
from graph.store import open_store

P = sparql_prologue()
NAMES = P + "SELECT ?e ?name WHERE { ?e schema:name ?name } ORDER BY ?name"
ARTICLE_1 = BASE + "article/samarinda-kemnaker"
ARTICLE_2 = BASE + "article/makassar-prakerja"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("server") / "store"
    store = open_store(str(path))
    write_examples(store)
    store.close()
    return str(path)


@pytest.fixture(scope="module")
def client(store_dir):
    with TestClient(base_url="http://localhost", app=create_app(store_dir, timeout=20)) as client:
        yield client


def names(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {b["name"]["value"] for b in response.json()["results"]["bindings"]}


# --- the SPARQL protocol ---------------------------------------------------------
def test_get_query_answers_sparql_json(client):
    response = client.get("/sparql", params={"query": NAMES})
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert {"Ali Fitri Noor", "Kementerian Ketenagakerjaan"} <= names(response)


def test_post_form_and_post_body_give_the_same_answer(client):
    by_get = names(client.get("/sparql", params={"query": NAMES}))
    by_form = names(client.post("/sparql", data={"query": NAMES}))
    by_body = names(client.post("/sparql", content=NAMES.encode(), headers={"content-type": "application/sparql-query"}))
    assert by_get == by_form == by_body


@pytest.mark.parametrize(
    ("accept", "media", "check"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml", "Ali Fitri Noor"),
        ("text/csv", "text/csv", "name"),
        ("text/tab-separated-values", "text/tab-separated-values", "?name"),
    ],
)
def test_select_results_negotiate_xml_csv_tsv(client, accept, media, check):
    response = client.get("/sparql", params={"query": NAMES}, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert check in response.text and "Ali Fitri Noor" in response.text


def test_ask_answers_a_boolean(client):
    response = client.get("/sparql", params={"query": P + f"ASK {{ <{ALI}> a schema:Person }}"})
    assert response.json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/trig", "trig"),
    ],
)
def test_construct_negotiates_every_rdf_format(client, accept, rdflib_format):
    query = P + f"CONSTRUCT {{ <{ALI}> ?p ?o }} WHERE {{ <{ALI}> ?p ?o }}"
    response = client.get("/sparql", params={"query": query}, headers={"accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(accept)
    if rdflib_format == "trig":
        dataset = Dataset().parse(data=response.text, format="trig")
        assert any(s == URIRef(ALI) for s, _, _, _ in dataset.quads((None, URIRef("https://schema.org/name"), None, None)))
        return
    graph = Graph().parse(data=response.text, format=rdflib_format)
    assert (URIRef(ALI), URIRef("https://schema.org/name"), None) in graph


def test_describe_returns_the_resource(client):
    response = client.get("/sparql", params={"query": f"DESCRIBE <{ALI}>"}, headers={"accept": "text/turtle"})
    assert response.status_code == 200
    assert "Ali Fitri Noor" in response.text


def test_format_parameter_overrides_accept(client):
    response = client.get("/sparql", params={"query": NAMES, "format": "csv"}, headers={"accept": "application/json"})
    assert response.headers["content-type"].startswith("text/csv")


def test_default_graph_uri_restricts_the_dataset_to_one_article(client):
    response = client.get("/sparql", params={"query": NAMES, "default-graph-uri": ARTICLE_2})
    found = names(response)
    assert "Andi Sudirman Sulaimân" in found and "Kementerian Ketenagakerjaan" not in found


def test_named_graph_uri_limits_graph_queries(client):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query, "named-graph-uri": ARTICLE_1})
    graphs = {b["g"]["value"] for b in response.json()["results"]["bindings"]}
    assert graphs == {ARTICLE_1}


def test_union_default_graph_counts_a_shared_fact_once(client):
    # Ali's name is asserted in both article graphs; the default graph is their set union.
    query = P + f"SELECT (COUNT(*) AS ?n) WHERE {{ <{ALI}> schema:name ?name }}"
    response = client.get("/sparql", params={"query": query})
    assert response.json()["results"]["bindings"][0]["n"]["value"] == "1"


def test_params_bind_variables_safely(client):
    query = P + "SELECT ?e WHERE { ?e schema:name ?name }"
    response = client.get("/sparql", params={"query": query, "param.name": 'Ali Fitri Noor" } #'})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == []  # the value is a literal, never query text
    response = client.get("/sparql", params={"query": query, "param.name": "Ali Fitri Noor"})
    assert [b["e"]["value"] for b in response.json()["results"]["bindings"]] == [ALI]


def test_service_description_without_a_query(client):
    response = client.get("/sparql")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoints = list(graph.objects(None, URIRef(sd + "endpoint")))
    assert endpoints == [URIRef("http://localhost/sparql")]
    assert (None, URIRef(sd + "feature"), URIRef(sd + "UnionDefaultGraph")) in graph


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


def test_service_description_is_a_page_for_browsers(client):
    response = client.get("/sparql", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "Accept" in response.headers["vary"]
    text = response.text
    assert "<h1>SPARQL endpoint</h1>" in text and "http://localhost/sparql" in text
    assert "SPARQL 1.1 Query" in text and "union of the article graphs" in text
    assert "application/sparql-results+json" in text and "X-Warta-Truncated" in text
    assert 'href="/sparql?format=turtle"' in text


@pytest.mark.parametrize(
    ("accept", "fmt", "media"),
    [
        ("text/turtle", None, "text/turtle"),
        ("application/rdf+xml", None, "application/rdf+xml"),
        ("application/sparql-results+json", None, "text/turtle"),  # what a SPARQL client got before
        (None, None, "text/turtle"),
        (BROWSER_ACCEPT, "turtle", "text/turtle"),  # the page's own links to the RDF
    ],
)
def test_service_description_stays_rdf_for_rdf_and_sparql_clients(client, accept, fmt, media):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params={"format": fmt} if fmt else None, headers=headers)
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    Graph().parse(data=response.text, format="xml" if "xml" in media else "turtle")


def test_a_query_from_a_browser_still_gets_results_not_the_page(client):
    response = client.get("/sparql", params={"query": NAMES}, headers={"Accept": BROWSER_ACCEPT})
    # The browser's Accept names application/xml, so XML results; never the HTML page.
    assert response.status_code == 200 and "html" not in response.headers["content-type"]


def test_service_page_escapes_what_it_shows():
    from graph.server.routes_pages import templates
    from graph.server.service_page import ServiceSummary

    hostile = "<script>alert(1)</script>"
    summary = ServiceSummary(endpoint=hostile, description=hostile, languages=[hostile], features=[hostile])
    html = templates.get_template("service.html").render(
        summary=summary, limits={"timeout": 1, "max_rows": 1}, title=hostile, href=str, curie=str, base_iri=""
    )
    assert hostile not in html and "&lt;script&gt;" in html


# --- errors are the client's (4xx), never 500 ---------------------------------------------
def test_syntax_error_is_400_with_the_parsers_message(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    # The SERVICE check parses first, so the message is the grammar's, with the position.
    assert response.text.startswith("SPARQL syntax error:")
    assert "line:1, col:" in response.text


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"content": b"SELECT * {}", "headers": {"content-type": "text/plain"}}, 415),
        ({"content": b"\xff\xfe", "headers": {"content-type": "application/sparql-query"}}, 400),
        (
            {
                "content": b"query=SELECT%20*%20%7B%7D&update=CLEAR%20ALL",
                "headers": {"content-type": "application/x-www-form-urlencoded"},
            },
            400,
        ),
        ({"content": b"query=%20", "headers": {"content-type": "application/x-www-form-urlencoded"}}, 400),
        (
            {
                "content": b"query=SELECT+*+%7B%7D&default-graph-uri=not%20an%20iri",
                "headers": {"content-type": "application/x-www-form-urlencoded"},
            },
            400,
        ),
        (
            {
                "content": b"query=SELECT+*+%7B%7D&query=ASK+%7B%7D",
                "headers": {"content-type": "application/x-www-form-urlencoded"},
            },
            400,
        ),
        ({"content": b"query=%FF", "headers": {"content-type": "application/x-www-form-urlencoded"}}, 400),
    ],
)
def test_malformed_requests_are_client_errors(client, kwargs, status):
    response = client.post("/sparql", **kwargs)
    assert response.status_code == status, response.text


def test_update_through_get_is_refused(client):
    assert client.get("/sparql", params={"update": "CLEAR ALL"}).status_code == 400


def test_garbage_queries_never_cause_a_server_error(client):
    pytest.importorskip("hypothesis")
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            "SELECT",
            "*",
            "{",
            "}",
            "?x",
            "<",
            ">",
            '"',
            "FILTER(",
            ")",
            "GRAPH",
            "\\u0053",
            "#",
            "a",
            ":",
            "PREFIX",
            "LIMIT",
            "-1",
            "\x00",
            "é",
            "VALUES",
            "BIND",
            "UNION",
            ".",
        ]
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(pieces, max_size=12).map(" ".join))
    def check(query):
        response = client.post("/sparql", data={"query": query or " "})
        assert response.status_code < 500, (query, response.text)

    check()


# --- policy and limits ---------------------------------------------------------------
def test_service_is_refused_unless_allowed(client):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400 and "--allow-service" in response.text
    escaped = "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert client.get("/sparql", params={"query": escaped}).status_code == 400


def test_the_word_service_in_a_literal_is_not_a_service_clause(client):
    query = P + 'SELECT ?e WHERE { ?e schema:name ?n FILTER(?n != "SERVICE <x>") } LIMIT 1'
    assert client.get("/sparql", params={"query": query}).status_code == 200


def test_updates_and_graph_writes_are_refused_on_a_read_only_server(client):
    response = client.post("/sparql", data={"update": "CLEAR ALL"}, headers={"authorization": "Bearer x"})
    assert response.status_code == 403 and "--allow-update" in response.text
    response = client.put(
        "/rdf-graphs",
        params={"graph": "http://example.org/g"},
        content=b"<a:b> <a:c> <a:d> .",
        headers={"content-type": "application/n-triples"},
    )
    assert response.status_code == 403
    assert client.delete("/rdf-graphs", params={"graph": ARTICLE_1}).status_code == 403
    assert names(client.get("/sparql", params={"query": NAMES}))  # still all there


def test_rows_are_capped_and_the_cut_is_flagged(store_dir):
    with TestClient(base_url="http://localhost", app=create_app(store_dir, max_rows=2, workers=1)) as small:
        response = small.get("/sparql", params={"query": NAMES})
        assert len(response.json()["results"]["bindings"]) == 2
        assert response.headers["x-warta-truncated"] == "max-rows=2"


@pytest.mark.parametrize(
    ("path", "params", "accept"),
    [
        ("/sparql", {"query": "SELECT * WHERE { ?s ?p ?o }"}, "application/sparql-results+json"),
        ("/sparql", {"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, "application/n-triples"),
        ("/rdf-graphs", {"graph": ARTICLE_1}, "application/n-triples"),
        ("/rdf-graphs", {"graph": ARTICLE_1}, "text/turtle"),
    ],
)
def test_answers_are_cut_at_the_byte_limit_and_the_cut_is_flagged(store_dir, path, params, accept):
    limit = 4_000
    with TestClient(base_url="http://localhost", app=create_app(store_dir, max_bytes_out=limit, workers=1)) as small:
        response = small.get(path, params=params, headers={"accept": accept})
    assert response.status_code == 200, response.text
    assert 0 < len(response.content) <= limit
    assert response.headers["x-warta-truncated"] == f"max-bytes-out={limit}"
    if accept == "application/n-triples":
        Graph().parse(data=response.text, format="nt")  # cut between triples, never inside one


def test_gsp_reads_obey_max_rows(store_dir):
    with TestClient(base_url="http://localhost", app=create_app(store_dir, max_rows=3, workers=1)) as small:
        response = small.get("/rdf-graphs", params={"graph": ARTICLE_1}, headers={"accept": "application/n-triples"})
    assert len(Graph().parse(data=response.text, format="nt")) == 3
    assert response.headers["x-warta-truncated"] == "max-rows=3"


def test_an_answer_under_both_limits_is_not_flagged(client):
    response = client.get("/rdf-graphs", params={"graph": ARTICLE_2}, headers={"accept": "text/turtle"})
    assert response.status_code == 200 and "x-warta-truncated" not in response.headers


def test_request_bodies_are_bounded(store_dir):
    with TestClient(base_url="http://localhost", app=create_app(store_dir, max_body=200, workers=1)) as small:
        response = small.post("/sparql", content=("#" * 500).encode(), headers={"content-type": "application/sparql-query"})
        assert response.status_code == 413


# --- Graph Store Protocol reads ---------------------------------------------------
def test_gsp_reads_a_named_graph(client):
    response = client.get("/rdf-graphs", params={"graph": ARTICLE_2}, headers={"accept": "application/n-triples"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="nt")
    assert (URIRef(ARTICLE_2), None, None) in graph and (URIRef(KEMNAKER), None, None) not in graph


def test_gsp_default_graph_holds_its_own_triples_not_the_union(client):
    # Nothing was written to the default graph: it reads as empty (200, not 404), while
    # queries without GRAPH still see the union of the article graphs.
    response = client.get("/rdf-graphs?default", headers={"accept": "text/turtle"})
    assert response.status_code == 200 and len(Graph().parse(data=response.text, format="turtle")) == 0
    union = client.get("/sparql", params={"query": f"ASK {{ <{KEMNAKER}> ?p ?o }}"})
    assert union.json()["boolean"] is True


def test_gsp_unknown_graph_is_404_and_a_missing_name_400(client):
    assert client.get("/rdf-graphs", params={"graph": BASE + "article/nope"}).status_code == 404
    assert client.get("/rdf-graphs").status_code == 400
    assert client.head("/rdf-graphs", params={"graph": ARTICLE_1}).status_code == 200


# --- pages ------------------------------------------------------------------------------
def test_pages_carry_a_content_security_policy(client):
    for path in ("/", "/search?q=ali", "/resource/person/ali-fitri-noor"):
        response = client.get(path, headers={"accept": "text/html"})
        assert response.status_code == 200
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_query_page_serves_its_own_assets(client):
    page = client.get("/").text
    assert 'id="query"' in page and "/static/query-page.js" in page
    assert "http://" not in page.replace("http://www.w3.org", "").replace("http://persistence", "")
    for asset in ("/static/query-page.js", "/static/sparql-editor.js", "/static/style.css"):
        assert client.get(asset).status_code == 200


def test_static_files_refuse_path_traversal(client):
    for path in (
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "create_app" not in response.text


def test_query_library_lists_documented_queries(client):
    library = client.get("/api/queries").json()
    assert len(library) >= 15
    assert all(q["title"] and q["question_en"] and q["question_id"] and q["text"] for q in library)


def test_entity_page_shows_offices_meetings_quotes_and_source_sentences(client):
    response = client.get("/resource/person/ali-fitri-noor", headers={"accept": "text/html"})
    assert response.status_code == 200
    page = response.text
    for expected in (
        "Ali Fitri Noor",
        "Sekretaris Daerah",
        "Pemerintah Kota Samarinda",
        "Audiensi Kemnaker",
        "Kami menargetkan 10.000 pekerja terlatih",
        "Pemkot Samarinda dan Kemnaker teken MoU",
        "<mark>Ali Fitri Noor</mark>",
        "<td>Plh</td>",  # the acting title the article wrote, not a guess
    ):
        assert expected in page, expected
    assert 'href="/resource/organization/pemerintah-kota-samarinda"' in page


def test_entity_page_shows_aliases(client):
    page = client.get("/resource/organization/kementerian-ketenagakerjaan", headers={"accept": "text/html"}).text
    assert "Kemnaker" in page and "Ali Fitri Noor" in page


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld")])
def test_entity_iri_dereferences_to_rdf(client, accept, fmt):
    response = client.get("/resource/person/ali-fitri-noor", headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.text, format=fmt)
    assert (URIRef(ALI), URIRef("https://schema.org/name"), None) in graph


def test_unknown_resource_is_404(client):
    assert client.get("/resource/person/nobody", headers={"accept": "text/html"}).status_code == 404
    assert client.get("/resource/person/nobody", headers={"accept": "text/turtle"}).status_code == 404


def test_search_is_case_and_accent_insensitive(client):
    hits = client.get("/search", params={"q": "KEMNAKER", "format": "json"}).json()
    assert hits[0]["iri"] == KEMNAKER and hits[0]["matched"] == "Kemnaker"
    hits = client.get("/search", params={"q": "sulaiman", "format": "json"}).json()
    assert [h["name"] for h in hits] == ["Andi Sudirman Sulaimân"]
    page = client.get("/search", params={"q": "fitri"}).text
    assert 'href="/resource/person/ali-fitri-noor"' in page


def test_configurable_base_maps_resource_paths(tmp_path):
    from server_data import article_one

    from graph.model import GraphBuilder

    base = "http://data.example.org/kg/"
    store = open_store(str(tmp_path / "s"))
    g = GraphBuilder(base).build(*article_one())
    store.write_graphs([(str(g.identifier), list(g))])
    store.close()
    with TestClient(base_url="http://localhost", app=create_app(str(tmp_path / "s"), base_iri=base, workers=1)) as other:
        page = other.get("/resource/person/ali-fitri-noor", headers={"accept": "text/html"})
        assert page.status_code == 200 and "Ali Fitri Noor" in page.text
        assert 'href="/resource/organization/pemerintah-kota-samarinda"' in page.text


def test_any_iri_has_a_page_by_parameter(client):
    response = client.get("/resource", params={"iri": ALI}, headers={"accept": "text/html"})
    assert response.status_code == 200 and "Ali Fitri Noor" in response.text
    assert client.get("/resource", params={"iri": "<bad>"}).status_code == 400


def test_values_from_the_data_are_html_escaped(tmp_path):
    store = open_store(str(tmp_path / "s"))
    evil = "<script>alert(1)</script>"
    from rdflib import Literal
    from rdflib.namespace import RDF

    node = URIRef(BASE + "person/evil")
    store.write_graphs(
        [
            (
                BASE + "article/evil",
                [
                    (node, RDF.type, URIRef("https://schema.org/Person")),
                    (node, URIRef("https://schema.org/name"), Literal(evil)),
                    (
                        node,
                        URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
                        Literal('"><img src=x onerror=alert(1)>'),
                    ),
                ],
            )
        ]
    )
    store.close()
    with TestClient(base_url="http://localhost", app=create_app(str(tmp_path / "s"), workers=1)) as other:
        for path in ("/resource/person/evil", "/search?q=script"):
            page = other.get(path, headers={"accept": "text/html"}).text
            assert evil not in page and "<img src=x" not in page
            assert "&lt;script&gt;" in page


# --- RDF 1.2 triple terms already in a store (written by an update) --------------------
SAYS = "SELECT * { ?s <http://example.org/says> ?o }"


def test_a_stored_triple_term_is_shown_never_a_500(tmp_path):
    path = tmp_path / "store"
    store = open_store(str(path))
    write_examples(store)
    term = "<<( <http://example.org/s> <http://example.org/p> <http://example.org/o> )>>"
    store.update(f"INSERT DATA {{ GRAPH <{ARTICLE_1}> {{ <{ALI}> <http://example.org/says> {term} }} }}")
    store.update(f"INSERT DATA {{ <{ALI}> <http://example.org/says> {term} }}")
    store.publish(force=True)
    store.close()
    with TestClient(base_url="http://localhost", app=create_app(str(path), timeout=20)) as client:
        answers = {
            "select json": client.get("/sparql", params={"query": SAYS}),
            "select csv": client.get("/sparql", params={"query": SAYS}, headers={"accept": "text/csv"}),
            "construct": client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s <http://example.org/says> ?o }"}),
            "gsp named": client.get("/rdf-graphs", params={"graph": ARTICLE_1}, headers={"accept": "text/turtle"}),
            "entity page": client.get(ALI.replace(BASE, "/resource/"), headers={"accept": "text/html"}),
        }
    for name, response in answers.items():
        assert response.status_code == 200, (name, response.text[:300])
        assert "http://example.org/s" in response.text, name


def test_a_failed_service_call_is_a_client_error(store_dir):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    app = create_app(store_dir, allow_service=True, workers=1)
    with TestClient(base_url="http://localhost", app=app) as client:
        reply = client.get("/sparql", params={"query": query})
    assert reply.status_code == 400, reply.text
    assert reply.text.startswith("SERVICE failed")
