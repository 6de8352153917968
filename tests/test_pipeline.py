"""Ingestion end to end: read, extract, model and store, in batches, idempotently."""

from __future__ import annotations

from graph.model.namespaces import sparql_prologue
from graph.pipeline import ingest
from graph.readers import read_paths

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

CORPUS = FIXTURES / "pipeline" / "two-articles.jsonl"


def test_ingest_stores_one_graph_per_article(memory_store):
    report = ingest(read_paths([str(CORPUS)]), memory_store)
    assert report.new == 2 and not report.errors
    graphs = sorted(memory_store.named_graphs())
    assert [g.rsplit("/", 1)[-1] for g in graphs] == ["kukar-mou-2", "kukar-rakor-1"]


def test_ingesting_the_same_input_twice_leaves_the_quad_count_unchanged(memory_store):
    ingest(read_paths([str(CORPUS)]), memory_store)
    before = memory_store.quad_count()
    again = ingest(read_paths([str(CORPUS)]), memory_store)
    assert again.unchanged == 2 and again.quads_added == 0
    assert memory_store.quad_count() == before


def test_forced_reingest_replaces_instead_of_duplicating(memory_store):
    ingest(read_paths([str(CORPUS)]), memory_store)
    before = memory_store.quad_count()
    ingest(read_paths([str(CORPUS)]), memory_store, force=True)
    assert memory_store.quad_count() == before


def test_one_official_named_in_two_articles_is_one_node(memory_store):
    report = ingest(read_paths([str(CORPUS)]), memory_store, batch_size=1)
    assert report.entities_merged > 0
    rows = memory_store.query(
        sparql_prologue()
        + """SELECT ?p (COUNT(DISTINCT ?g) AS ?articles) WHERE {
               GRAPH ?g { ?a schema:mentions ?p . ?p a schema:Person ; schema:name ?n }
               FILTER(CONTAINS(?n, "Sunggono"))
             } GROUP BY ?p"""
    ).rows
    assert len(rows) == 1, rows
    assert int(rows[0][1]) == 2


def test_bad_files_are_reported_and_the_rest_is_stored(memory_store):
    report = ingest(read_paths([str(CORPUS), str(FIXTURES / "pipeline" / "broken.json")]), memory_store)
    assert report.new == 2
    assert len(report.errors) == 1 and "broken.json" in report.errors[0]


def test_workers_give_the_same_graph_as_one_process(memory_store):
    from graph.executors import process_executor
    from graph.store import open_store

    ingest(read_paths([str(CORPUS)]), memory_store)
    pooled = open_store("memory:")
    with process_executor(2) as executor:
        ingest(read_paths([str(CORPUS)]), pooled, executor=executor)
    assert pooled.quad_count() == memory_store.quad_count()
