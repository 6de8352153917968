"""The embedded store: named graphs per article and a deduplicated union default graph."""

from __future__ import annotations

import io

from rdflib import Literal, URIRef

from graph.store import open_store

NAME = URIRef("https://schema.org/name")
ALI = URIRef("http://example.org/person/ali")
BUDI = URIRef("http://example.org/person/budi")
G1, G2 = "http://example.org/article/1", "http://example.org/article/2"


def union_rows(store):
    return sorted(tuple(map(str, row)) for row in store.query("SELECT ?s ?o WHERE { ?s ?p ?o }").rows)


def test_read_only_reader_sees_published_snapshots(tmp_path):
    writer = open_store(str(tmp_path / "s"))
    writer.write_graphs([(G1, [(ALI, NAME, Literal("Ali"))])])
    writer.publish(force=True)
    reader = open_store(str(tmp_path / "s"), read_only=True)
    assert reader.quad_count() == 1
    writer.write_graphs([(G2, [(BUDI, NAME, Literal("Budi"))])])
    writer.publish(force=True)
    assert reader.refresh() is True
    assert reader.quad_count() == 2
    reader.close()
    writer.close()


def test_second_writer_gets_a_clear_error(tmp_path):
    import pytest

    from graph.errors import StoreError

    first = open_store(str(tmp_path / "s"))
    with pytest.raises(StoreError, match="in use"):
        open_store(str(tmp_path / "s"))
    first.close()


def test_bindings_skip_braces_in_comments_strings_and_construct_templates():
    from graph.store.base import with_bindings

    query = 'PREFIX x: <http://a#b> # {\nCONSTRUCT { ?s x:p "}" } WHERE { ?s x:q ?v }'
    bound = with_bindings(query, {"v": Literal("1")})
    assert bound.endswith('WHERE { VALUES (?v) { ("1") }\n ?s x:q ?v }')
    short = with_bindings("CONSTRUCT WHERE { ?s ?p ?v }", {"v": Literal("1")})
    assert short.rstrip().endswith('VALUES (?v) { ("1") }')
    query = 'PREFIX s: <http://x/a>\nSELECT ?n WHERE { ?p s:name "{" ; s:q ?n }'
    bound = with_bindings(query, {"p": URIRef("http://e/p"), "n": Literal('a"b')})
    assert bound.startswith('PREFIX s: <http://x/a>\nSELECT ?n WHERE { VALUES (?p ?n) { (<http://e/p> "a\\"b") }')


def test_a_bad_parameter_is_a_query_error_naming_it():
    import pytest

    from graph.errors import QueryError
    from graph.store.base import with_bindings

    with pytest.raises(QueryError, match=r"\?my-name"):
        with_bindings("SELECT * WHERE { ?s ?p ?o }", {"my-name": Literal("x")})
    with pytest.raises(QueryError, match=r"\?s: 'http://a b'"):
        with_bindings("SELECT * WHERE { ?s ?p ?o }", {"s": URIRef("http://a b")})


def test_the_query_form_is_read_after_the_prologue():
    from graph.store.base import query_kind

    assert query_kind("# c\nPREFIX a: <x:>\nconstruct { ?s ?p ?o } where { ?s ?p ?o }") == "CONSTRUCT"
    assert query_kind("BASE <http://b/> PREFIX s: <https://schema.org/>\nDESCRIBE <x>") == "DESCRIBE"


# --- what the union holds: everything but NIF provenance --------------------------------
NIF_ANCHOR = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")
MENTION1, MENTION2 = URIRef(f"{G1}#char=0,3"), URIRef(f"{G2}#char=5,8")


def nif_graphs() -> list:
    return [
        (G1, [(ALI, NAME, Literal("Ali")), (MENTION1, NIF_ANCHOR, Literal("Ali")), (URIRef(G1), NAME, MENTION1)]),
        (G2, [(ALI, NAME, Literal("Ali")), (MENTION2, NIF_ANCHOR, Literal("Ali"))]),
    ]


def as_ntriples(triples) -> str:
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples)


def assert_union_without_provenance(store) -> None:
    named = {t for iri in store.named_graphs() for t in store.triples(iri)}
    assert set(store.triples()) == {t for t in named if "#char=" not in str(t[0])}
    assert not [t for t in store.triples() if "#char=" in str(t[0])]


def test_nif_provenance_stays_in_its_article_graph(memory_store):
    memory_store.write_graphs(nif_graphs())
    assert (MENTION1, NIF_ANCHOR, Literal("Ali")) in set(memory_store.triples(G1))
    assert_union_without_provenance(memory_store)
    # A node pointing at a mention is not provenance itself: it stays in the union.
    assert (URIRef(G1), NAME, MENTION1) in set(memory_store.triples())
    memory_store.write_graphs([(G1, [(BUDI, NAME, Literal("Budi")), (MENTION1, NIF_ANCHOR, Literal("Budi"))])])
    assert_union_without_provenance(memory_store)
    memory_store.remove_graphs([G2])
    assert_union_without_provenance(memory_store)
    assert set(memory_store.triples()) == {(BUDI, NAME, Literal("Budi"))}


def test_the_ingest_path_keeps_provenance_out_of_the_union_new_or_replaced(tmp_path):
    with open_store(str(tmp_path / "s")) as store:
        store.write_ntriples([(iri, as_ntriples(triples)) for iri, triples in nif_graphs()])  # new: the fast path
        assert store.quad_count() == 5
        assert_union_without_provenance(store)
        store.write_ntriples([(G2, as_ntriples([(MENTION2, NIF_ANCHOR, Literal("Budi")), (BUDI, NAME, Literal("Budi"))]))])
        assert_union_without_provenance(store)


def test_import_keeps_provenance_out_of_the_union(tmp_path):
    source = open_store(str(tmp_path / "a"))
    source.write_graphs(nif_graphs())
    buffer = io.BytesIO()
    source.export(buffer, "nquads")
    with open_store(str(tmp_path / "b")) as target:
        assert target.import_(io.BytesIO(buffer.getvalue()), "nquads") == 5
        assert_union_without_provenance(target)
    source.close()


def test_opening_a_store_written_with_provenance_in_its_union_drops_it_there(tmp_path):
    import pyoxigraph as ox

    (tmp_path / "s").mkdir()
    old = ox.Store(str(tmp_path / "s" / "db"))
    for iri, triples in nif_graphs():  # as Warta wrote stores before: every triple in the union too
        old.load(as_ntriples(triples).encode(), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(iri))
        old.load(as_ntriples(triples).encode(), ox.RdfFormat.N_TRIPLES)
    old.flush()
    del old
    with open_store(str(tmp_path / "s")) as store:
        assert_union_without_provenance(store)
        assert store.quad_count() == 5


# --- new articles through the bulk loader ------------------------------------------------
def every_quad(store) -> set:
    return {(g, *t) for g in store.named_graphs() for t in store.triples(g)} | {(None, *t) for t in store.triples()}


def test_new_articles_bulk_loaded_equal_the_transactional_load(tmp_path):
    graphs = [(iri, as_ntriples(triples)) for iri, triples in nif_graphs()]
    with open_store(str(tmp_path / "bulk")) as bulk, open_store(str(tmp_path / "load")) as load:
        load.bulk_load_fresh = False
        assert bulk.write_ntriples(graphs).new == load.write_ntriples(graphs).new == 2
        assert every_quad(bulk) == every_quad(load)
        # Then the same articles changed: the diffing path over bulk-loaded data.
        changed = [(G1, as_ntriples([(BUDI, NAME, Literal("Budi")), (MENTION1, NIF_ANCHOR, Literal("Budi"))]))]
        assert bulk.write_ntriples(changed).replaced == load.write_ntriples(changed).replaced == 1
        assert every_quad(bulk) == every_quad(load)
        assert_union_without_provenance(bulk)


def test_a_bulk_batch_with_a_bad_line_stores_nothing(tmp_path):
    import pytest

    good = as_ntriples([(ALI, NAME, Literal("Ali"))])
    with open_store(str(tmp_path / "s")) as store:
        with pytest.raises(SyntaxError):
            store.write_ntriples([(G1, good), (G2, good + '<http://example.org/x> <p> "broken .\n')])
        assert store.quad_count() == 0 and list(store.triples()) == [] and list(store.named_graphs()) == []


def test_rewriting_an_identical_graph_is_reported_unchanged(memory_store):
    triples = [(ALI, NAME, Literal("Ali"))]
    memory_store.write_graphs([(G1, triples)])
    stats = memory_store.write_graphs([(G1, triples)])
    assert (stats.unchanged, stats.replaced, stats.quads_added) == (1, 0, 0)
