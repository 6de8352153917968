"""Answers written by pyoxigraph's own serialisers: the same answers as the rdflib path, never past a limit."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Literal, URIRef
from server_data import write_examples

from graph.results import serialize
from graph.store import open_store
from graph.store.base import QueryResult, SerializedAnswer
from graph.store.oxigraph_results import RESULT_FORMATS

G = "https://w3id.org/warta/resource/article/tricky"
SAY = "https://w3id.org/warta/ontology#says"
#: Values that look like the structure each format's row bound counts, placed inside literals.
TRICKY = ['a,{"b":{', "x:{y", "{{{{", "<result>", "line\nbreak", "tab\there", '"quoted"', "}],{", "ü ☃ 𝄞"]
ROWS = f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{SAY}> ?o }} }} ORDER BY ?s ?o"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    source = open_store(str(tmp_path_factory.mktemp("native") / "store"))
    write_examples(source)
    # 3,300 rows: enough for several of the serialiser's 8 KB writes, so patterns straddle them.
    thing = "https://w3id.org/warta/resource/thing/{:05d}".format
    triples = [(URIRef(thing(i)), URIRef(SAY), Literal(TRICKY[i % len(TRICKY)])) for i in range(3_000)]
    # From 1: rdflib's CSV writer leaves a zero out (a falsy value); pyoxigraph's writes it (test below).
    triples += [(URIRef(thing(i)), URIRef(SAY), Literal(i)) for i in range(1, 301)]
    source.write_graphs([(G, triples)])
    yield source
    source.close()


def _rows(body: bytes, fmt: str) -> list[tuple]:
    """Rows of a result document as (variable, value) pairs, comparable across writers."""
    if fmt == "json":
        doc = json.loads(body)
        return [tuple(sorted((k, v["value"]) for k, v in row.items())) for row in doc["results"]["bindings"]]
    if fmt == "xml":
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        return [
            tuple(sorted((b.get("name"), "".join(b.itertext())) for b in result.findall("r:binding", ns)))
            for result in ET.fromstring(body).iter("{http://www.w3.org/2005/sparql-results#}result")
        ]
    if fmt == "csv":
        reader = csv.reader(io.StringIO(body.decode()))
        head = next(reader)
        return [tuple(sorted((k, v) for k, v in zip(head, row) if v)) for row in reader]
    head, *lines = body.decode().rstrip("\n").split("\n")
    names = [name[1:] for name in head.split("\t")]
    return [tuple(sorted((k, v) for k, v in zip(names, line.split("\t")) if v)) for line in lines if line]


def _tsv_values(rows):
    # TSV terms are in Turtle syntax; rdflib's writer and pyoxigraph's may spell a number differently (5 or "5"^^xsd:integer).
    return [tuple((k, v.removesuffix("^^<http://www.w3.org/2001/XMLSchema#integer>").strip('"')) for k, v in row) for row in rows]


@pytest.mark.parametrize("fmt", sorted(RESULT_FORMATS))
def test_native_answer_equals_the_rdflib_path(store, fmt):
    for sparql in (ROWS, "SELECT ?x WHERE { OPTIONAL { ?x <urn:none> ?y } }"):
        answer = store.query_serialized(sparql, lambda kind, fmt=fmt: fmt)
        assert isinstance(answer, SerializedAnswer), sparql
        expected = serialize(store.query(sparql), fmt)
        native, slow = _rows(answer.body, fmt), _rows(expected, fmt)
        if fmt == "tsv":
            native, slow = _tsv_values(native), _tsv_values(slow)
        assert native == slow, sparql


def _json_terms(body: bytes) -> list[dict]:
    """JSON result rows as rdflib terms: rdflib normalises lexical forms ("Z" -> "+00:00"), pyoxigraph keeps them."""
    make = {
        "uri": lambda t: URIRef(t["value"]),
        "bnode": lambda t: ("bnode", t["value"]),
        "literal": lambda t: Literal(t["value"], lang=t.get("xml:lang"), datatype=t.get("datatype")),
    }
    rows = json.loads(body)["results"]["bindings"]
    return [{k: make[v["type"]](v) for k, v in row.items()} for row in rows]


def test_native_json_holds_the_same_terms_as_the_rdflib_path(store):
    sparql = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o"
    answer = store.query_serialized(sparql, lambda kind: "json")
    assert isinstance(answer, SerializedAnswer)
    assert _json_terms(answer.body) == _json_terms(serialize(store.query(sparql), "json"))


@pytest.mark.parametrize("fmt", sorted(RESULT_FORMATS))
def test_an_answer_over_max_rows_is_cut_exactly_and_says_so(store, fmt):
    numbers = f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{SAY}> ?o FILTER(isNumeric(?o)) }} }}"
    fits = store.query_serialized(numbers, lambda kind: fmt, max_rows=300)
    assert isinstance(fits, SerializedAnswer) and len(_rows(fits.body, fmt)) == 300
    # Literals that look like the format's structure make the bound count high: the slow path answers, complete.
    total = len(store.query(ROWS).rows)
    whole = store.query_serialized(ROWS, lambda kind: fmt, max_rows=total)
    rows = _rows(whole.body, fmt) if isinstance(whole, SerializedAnswer) else whole.rows
    assert len(rows) == total and not getattr(whole, "truncated", False)
    for limit in (total - 1, 1_000, 1):
        cut = store.query_serialized(ROWS, lambda kind: fmt, max_rows=limit)
        assert isinstance(cut, QueryResult), limit  # never the engine's whole answer
        assert len(cut.rows) == limit and cut.truncated_by == "max-rows"


@pytest.mark.parametrize("fmt", sorted(RESULT_FORMATS))
def test_an_answer_over_max_bytes_is_cut_and_says_so(store, fmt):
    size = len(store.query_serialized(ROWS, lambda kind: fmt).body)
    assert isinstance(store.query_serialized(ROWS, lambda kind: fmt, max_bytes=size), SerializedAnswer)
    cut = store.query_serialized(ROWS, lambda kind: fmt, max_bytes=size // 3)
    assert isinstance(cut, QueryResult) and cut.truncated_by == "max-bytes-out"
    assert len(serialize(cut, fmt)) < size


def test_ask_is_written_natively_in_json_and_xml_only(store):
    assert store.query_serialized("ASK { ?s ?p ?o }", lambda kind: "json").body == b'{"head":{},"boolean":true}'
    assert isinstance(store.query_serialized("ASK { ?s ?p ?o }", lambda kind: "xml"), SerializedAnswer)
    assert store.query_serialized("ASK { ?s ?p ?o }", lambda kind: "csv") == QueryResult("ASK", boolean=True)


def test_construct_and_formats_the_engine_lacks_take_the_rdflib_path(store):
    graph = store.query_serialized(f"CONSTRUCT WHERE {{ ?s <{SAY}> ?o }}", lambda kind: "turtle", max_rows=5)
    assert isinstance(graph, QueryResult) and graph.kind == "CONSTRUCT" and len(graph.triples) == 5
    table = store.query_serialized(ROWS, lambda kind: "table", max_rows=2)
    assert isinstance(table, QueryResult) and len(table.rows) == 2


def test_a_triple_term_is_shown_as_warta_reads_it(tmp_path):
    source = open_store(str(tmp_path / "s"))
    term = "<<( <http://example.org/s> <http://example.org/p> <http://example.org/o> )>>"
    source.update(f"INSERT DATA {{ GRAPH <{G}> {{ <http://example.org/a> <{SAY}> {term} }} }}")
    for fmt in ("json", "xml", "tsv"):
        answer = source.query_serialized(f"SELECT ?o WHERE {{ GRAPH ?g {{ ?s <{SAY}> ?o }} }}", lambda kind, fmt=fmt: fmt)
        assert isinstance(answer, QueryResult), fmt
        [(value,)] = answer.rows
        assert value.datatype == URIRef("https://w3id.org/warta/ontology#TripleTerm")
    source.close()


def test_csv_writes_a_zero(store):
    answer = store.query_serialized("SELECT ?n WHERE { BIND(0 AS ?n) }", lambda kind: "csv")
    assert answer.body == b"n\r\n0\r\n"
