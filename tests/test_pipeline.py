"""Ingestion end to end: read, extract, model and store, in batches, idempotently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.model.namespaces import sparql_prologue
from graph.pipeline import ingest
from graph.readers import read_paths

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
    # Shared within the run, whatever the batches; "merged" is kept for entities stored before it.
    assert report.entities_shared > 0 and report.entities_merged == 0
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


# --- article ids that collide in one batch ---------------------------------------------

BODY = (
    "SAMARINDA - Pemerintah Kota Samarinda menggelar rapat koordinasi dengan seluruh camat "
    "untuk membahas persiapan musim hujan di wilayah yang rawan banjir pada pekan ini."
)


def _assert_one_stored_and_both_named(report, memory_store, first: str, second: str):
    assert report.new == 1 and report.articles == 1, report
    assert len(report.errors) == 1, report.errors
    error = report.errors[0]
    assert error.startswith(second) and first in error and "already the id of" in error
    assert len(list(memory_store.named_graphs())) == 1


def test_files_with_the_same_name_in_two_folders_are_an_error_naming_both(tmp_path, memory_store):
    for month in ("2023-01", "2023-02"):
        (tmp_path / month).mkdir()
        (tmp_path / month / "article.txt").write_text(f"Rapat Bulan {month}\n\n{BODY}", encoding="utf-8")
    report = ingest(read_paths([str(tmp_path)]), memory_store)
    _assert_one_stored_and_both_named(
        report, memory_store, str(tmp_path / "2023-01" / "article.txt"), str(tmp_path / "2023-02" / "article.txt")
    )


@pytest.mark.parametrize("other_id", ["same ", " same", "same\x1f", "same\x00", "same\u200b", "same\u2028", "same\ufeff"])
def test_json_ids_that_differ_only_in_invisible_edges_collide(tmp_path, memory_store, other_id):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "same", "text": BODY}), json.dumps({"id": other_id, "text": BODY + " Kedua."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest(read_paths([str(path)]), memory_store)
    _assert_one_stored_and_both_named(report, memory_store, f"{path}:1", f"{path}:2")


def test_ids_are_normalised_to_nfc_once_for_every_reader():
    from graph.article import Article, normalize_id

    assert normalize_id("Pe\u0301mda\t\x00") == "P\u00e9mda"
    assert Article(id=" e\u0301\u200b", text="x").id == "\u00e9"
