"""Every query in queries/ is documented, parses, binds its parameters and returns its documented rows
on the example corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.params import bind_params
from graph.resolve import fold
from graph.server.library import QUERIES_DIR, load_library
from graph.store import open_store

LIBRARY = load_library()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("queries") / "store")
    result = CliRunner().invoke(main, ["ingest", str(ROOT / "examples"), "--store", path], catch_exceptions=False)
    assert "9 articles" in result.output or result.exit_code == 0, result.output
    store = open_store(path, read_only=True)
    yield store
    store.close()


def run(store, query, params=None):
    values = params if params is not None else {p.name: p.example for p in query.params}
    bindings = bind_params(query.text, [f"{k}={v}" for k, v in values.items()])
    return store.query(query.text, bindings=bindings)


def test_the_library_has_at_least_fifteen_documented_queries():
    assert len(LIBRARY) >= 15
    for query in LIBRARY:
        assert query.title != query.name, query.name
        assert query.question_en and query.question_id, query.name
        assert "Example result" in query.notes, query.name


@pytest.mark.parametrize("query", LIBRARY, ids=[q.name for q in LIBRARY])
def test_query_returns_its_documented_rows(example_store, query):
    result = run(example_store, query)
    assert result.kind == "SELECT"
    rows = [{v: fold(str(t)) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    for expected in query.examples:
        assert set(expected) <= set(result.variables), (query.name, expected)
        assert any(all(fold(text) in row.get(var, "") for var, text in expected.items()) for row in rows), (
            f"{query.name}: no row like {expected} among {len(rows)} rows"
        )


@pytest.mark.parametrize("query", [q for q in LIBRARY if q.params], ids=[q.name for q in LIBRARY if q.params])
def test_parameters_really_filter(example_store, query):
    # Guards against bindings silently ignored (pyoxigraph drops them in aggregates unless grouped on).
    nobody = {p.name: "Tidak Ada Nama Seperti Ini" for p in query.params}
    assert run(example_store, query, nobody).rows == [], query.name


def test_warta_query_binds_a_parameter_from_the_command_line(example_store):
    path = str(example_store.path)  # a second read-only opening of the same snapshot is fine
    result = CliRunner().invoke(
        main,
        [
            "query",
            str(QUERIES_DIR / "quotes-by-speaker.rq"),
            "--param",
            "speaker=Arifin Noorsyam",
            "--store",
            path,
            "--format",
            "csv",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "urat nadi ekonomi" in result.output


# The aggregate queries as they were before the statistics graph: counted over every article.
RECOMPUTING = {
    "most-mentioned-officials-per-month": """SELECT ?month ?official (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?person a schema:Person ; org:hasMembership ?m ; schema:name ?official .
  ?article schema:mentions ?person ; schema:datePublished ?date .
  BIND(SUBSTR(STR(?date), 1, 7) AS ?month) } GROUP BY ?month ?official""",
    "co-occurring-agencies": """SELECT ?first ?second (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?article a schema:NewsArticle ; schema:mentions ?a, ?b .
  ?a a org:Organization ; schema:name ?first .
  ?b a org:Organization ; schema:name ?second .
  FILTER(STR(?first) < STR(?second)) } GROUP BY ?first ?second""",
    "who-met-whom": """SELECT ?person ?met (COUNT(DISTINCT ?event) AS ?meetings) (MAX(?date) AS ?last) WHERE {
  ?event a warta:Meeting ; schema:attendee ?a, ?b . FILTER(?a != ?b)
  ?a a schema:Person ; schema:name ?person .
  ?b a schema:Person ; schema:name ?met .
  OPTIONAL { ?event schema:startDate ?date } } GROUP BY ?person ?met""",
    "places-with-most-meetings": """SELECT ?place (COUNT(DISTINCT ?event) AS ?meetings) WHERE {
  ?event a warta:Meeting ; schema:location ?p . ?p schema:name ?place } GROUP BY ?place""",
}


@pytest.mark.parametrize("name", sorted(RECOMPUTING))
def test_aggregate_queries_read_the_statistics_and_agree_with_counting_every_article(example_store, name):
    query = next(q for q in LIBRARY if q.name == name)
    assert "GRAPH <https://w3id.org/warta/statistics>" in query.text
    prefixes = query.text[: query.text.index("SELECT")]
    text = query.text.replace("LIMIT 100", "")  # compare every row, not the first hundred
    columns = [v for v in example_store.query(text).variables if v != "within"]  # SAMPLE picks any region
    read = {tuple(str(row[v]) for v in columns) for row in example_store.query(text).dicts()}
    counted = {tuple(str(row[v]) for v in columns) for row in example_store.query(prefixes + RECOMPUTING[name]).dicts()}
    assert read == counted
    assert read, f"{name}: the example corpus should give rows"
