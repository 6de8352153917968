"""What every registered store promises (graph/store/base.py), run over each of them.

One suite, three stores: the embedded Oxigraph store on disk, the same in memory
(``memory:``), and the remote SPARQL store against a private Virtuoso (marked
``virtuoso``: runs with WARTA_FULL_TESTS=1; see tests/virtuoso_server.py).
Behaviour only one backend has (snapshots, the bulk loader, Virtuoso's limits)
is tested in that backend's own file.
"""

from __future__ import annotations

import io

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import StoreError
from graph.store import Store, open_store, stores

E = "http://example.org/"
NAME = URIRef("https://schema.org/name")
ALI, BUDI = URIRef(E + "person/ali"), URIRef(E + "person/budi")
G1, G2 = E + "article/1", E + "article/2"


def _embedded(tmp_path, _virtuoso, read_only=False) -> Store:
    return open_store(str(tmp_path / "store"), read_only=read_only)


def _memory(tmp_path, _virtuoso, read_only=False) -> Store:
    return open_store("memory:", read_only=read_only)


def _remote(tmp_path, virtuoso, read_only=False) -> Store:
    return open_store(f"sparql+{virtuoso.url}?timeout=60&page_rows=300", read_only=read_only)


OPENERS = {"embedded": _embedded, "memory": _memory, "remote": _remote}
PARAMS = [
    pytest.param("embedded"),
    pytest.param("memory"),
    pytest.param("remote", marks=pytest.mark.virtuoso),
]


@pytest.fixture(params=PARAMS)
def store(request, tmp_path):
    virtuoso = request.getfixturevalue("virtuoso") if request.param == "remote" else None
    opened = OPENERS[request.param](tmp_path, virtuoso)
    yield opened
    if request.param == "remote":  # one server for the session: leave it empty for the next test
        import virtuoso_server

        virtuoso_server.empty(opened)
    opened.close()


def test_every_registered_store_class_is_under_contract(tmp_path):
    covered = {type(_embedded(tmp_path, None)), type(_memory(tmp_path, None))}
    from graph.store.sparql import SparqlStore

    covered.add(SparqlStore)  # the remote opener needs a server; its class is known without one
    assert {stores.get(name) for name in stores.names()} <= covered


def union(store: Store) -> set:
    return set(store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows)


def test_union_holds_each_distinct_triple_once(store):
    shared = (ALI, NAME, Literal("Ali Fitri Noor"))
    store.write_graphs([(G1, [shared, (URIRef(E + "m1"), URIRef(E + "attendee"), ALI)]), (G2, [shared])])
    rows = store.query(f"SELECT ?m WHERE {{ ?m <{E}attendee> ?p . ?p <{NAME}> ?n }}").rows
    assert rows == [(URIRef(E + "m1"),)]  # once: the name is in the union once, not once per article
    assert store.quad_count() == 3
    assert sorted(store.named_graphs()) == [G1, G2]


def test_replacing_a_graph_drops_union_triples_no_other_graph_holds(store):
    store.write_graphs([(G1, [(ALI, NAME, Literal("Ali"))]), (G2, [(ALI, NAME, Literal("Ali")), (BUDI, NAME, Literal("Budi"))])])
    stats = store.write_graphs([(G2, [(BUDI, NAME, Literal("Budi Santoso"))])])
    assert (stats.replaced, stats.quads_removed, stats.quads_added) == (1, 2, 1)
    assert union(store) == {(ALI, NAME, Literal("Ali")), (BUDI, NAME, Literal("Budi Santoso"))}


def test_rewriting_an_identical_graph_leaves_it_as_it_was(store):
    triples = [(ALI, NAME, Literal("Ali"))]
    store.write_graphs([(G1, triples)])
    assert store.graph_hash(G1) is None  # no warta:contentHash was written
    stats = store.write_graphs([(G1, triples)])
    # The embedded store notices nothing changed; the remote one rewrites the graph (the pipeline
    # skips unchanged articles by their content hash before writing, on every store).
    assert stats.unchanged + stats.replaced == 1 and stats.new == 0
    assert store.quad_count() == 1 and union(store) == set(triples)


def test_the_same_article_twice_in_a_batch_keeps_the_last_version(store):
    store.write_graphs([(G1, [(ALI, NAME, Literal("old"))]), (G1, [(ALI, NAME, Literal("new"))])])
    assert union(store) == {(ALI, NAME, Literal("new"))}


def test_removing_graphs_keeps_facts_other_articles_still_state(store):
    store.write_graphs([(G1, [(ALI, NAME, Literal("Ali")), (BUDI, NAME, Literal("Budi"))]), (G2, [(ALI, NAME, Literal("Ali"))])])
    assert store.remove_graphs([G1]) == 2
    assert union(store) == {(ALI, NAME, Literal("Ali"))}
    assert list(store.named_graphs()) == [G2]
    assert set(store.triples(G2)) == set(store.triples()) == {(ALI, NAME, Literal("Ali"))}


def test_bindings_are_substituted_not_pasted(store):
    store.write_graphs([(G1, [(ALI, NAME, Literal("Ali")), (BUDI, NAME, Literal('x" } ?s ?p ?o {'))])])
    rows = store.query(f"SELECT ?s WHERE {{ ?s <{NAME}> ?n }}", bindings={"n": Literal("Ali")}).rows
    assert rows == [(ALI,)]


def test_a_bound_parameter_filters_an_aggregate_it_does_not_group_on(store):
    store.write_graphs([(G1, [(ALI, NAME, Literal("Ali")), (BUDI, NAME, Literal("Budi"))])])
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{NAME}> ?name }}"
    assert int(store.query(query, bindings={"name": Literal("Ali")}).rows[0][0]) == 1


def test_constant_graph_patterns_work_beside_the_union_default(store):
    store.write_graphs([(G1, [(ALI, NAME, Literal("one"))]), (G2, [(BUDI, NAME, Literal("two"))])])
    assert store.query(f"SELECT ?o WHERE {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}").rows == [(Literal("two"),)]
    assert store.query("ASK { ?s ?p 'two' }").boolean is True


def test_a_describe_after_a_prologue_is_labelled_describe(store):
    store.write_graphs([(G1, [(ALI, NAME, Literal("Ali"))])])
    result = store.query(f"PREFIX s: <https://schema.org/>\nDESCRIBE <{ALI}>")
    assert result.kind == "DESCRIBE"
    assert (ALI, NAME, Literal("Ali")) in result.triples


def test_typed_literals_come_back_as_written(store):
    values = {
        Literal(True),
        Literal("2022-04-06", datatype=XSD.date),
        Literal("halo", lang="id"),
        Literal('tab\there "q"\nnl'),
    }
    store.write_graphs([(G1, [(ALI, URIRef(f"{E}p{i}"), v) for i, v in enumerate(sorted(values))])])
    assert {row[0] for row in store.query("SELECT ?o WHERE { ?s ?p ?o }").rows} == values


def test_export_then_import_round_trips_every_quad(store):
    store.write_graphs(
        [
            (G1, [(ALI, NAME, Literal("Ali\nbaris"))]),
            (G2, [(ALI, NAME, Literal("Ali\nbaris")), (BUDI, NAME, Literal("Budi", lang="id"))]),
        ]
    )
    before = union(store), {g: set(store.triples(g)) for g in store.named_graphs()}
    buffer = io.BytesIO()
    assert store.export(buffer, "nquads") == 3
    store.remove_graphs([G1, G2])
    assert store.quad_count() == 0 and union(store) == set()
    assert store.import_(io.BytesIO(buffer.getvalue()), "nquads") == 3
    assert (union(store), {g: set(store.triples(g)) for g in store.named_graphs()}) == before


def test_a_triple_format_exports_the_deduplicated_union(store):
    store.write_graphs([(G1, [(ALI, NAME, Literal("Ali"))]), (G2, [(ALI, NAME, Literal("Ali"))])])
    out = io.BytesIO()
    assert store.export(out, "ntriples") == 1
    assert out.getvalue().decode().count("\n") == 1


def test_an_unknown_format_names_the_known_ones(store):
    with pytest.raises(StoreError, match="nquads"):
        store.export(io.BytesIO(), "nosuch")
    with pytest.raises(StoreError, match="trig"):
        store.import_(io.BytesIO(b""), "turtle")  # a triple format cannot carry the article graphs


def test_a_read_only_store_says_so_and_refuses_writes(store, request, tmp_path):
    assert store.read_only is False
    if request.node.callspec.params["store"] == "memory":
        pytest.skip("a new in-memory store is another, empty store")
    store.write_graphs([(G1, [(ALI, NAME, Literal("Ali"))])])
    store.publish(force=True)
    virtuoso = request.getfixturevalue("virtuoso") if request.node.callspec.params["store"] == "remote" else None
    reader = OPENERS[request.node.callspec.params["store"]](tmp_path, virtuoso, read_only=True)
    try:
        assert reader.read_only is True and reader.quad_count() == 1
        with pytest.raises(StoreError):
            reader.write_graphs([(G2, [(BUDI, NAME, Literal("Budi"))])])
        with pytest.raises(StoreError):
            reader.remove_graphs([G1])
    finally:
        reader.close()


def test_worker_location_opens_the_same_store_in_another_process(store, request):
    location = store.worker_location()
    if request.node.callspec.params["store"] == "embedded":
        assert location is not None
    if location is None:
        pytest.skip("queries on this store run in the calling process")
    store.write_graphs([(G1, [(ALI, NAME, Literal("Ali"))])])
    store.publish(force=True)
    reader = open_store(location, read_only=True)
    try:
        assert reader.quad_count() == 1
    finally:
        reader.close()
