"""The remote SPARQL store against a real Virtuoso (Debian ``virtuoso-opensource``), compared with the embedded store.

The Virtuoso tests start a private server on 127.0.0.1 (see tests/virtuoso_server.py)
and run only with WARTA_FULL_TESTS=1; the configuration tests need no server.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph.errors import QueryTimeout, StoreError
from graph.store import open_store
from graph.store.sparql import SparqlConfig, SparqlStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import virtuoso_server

E = "http://example.org/"
MAX_ROWS = virtuoso_server.TEST_MAX_ROWS


def t(s, p, o):
    return URIRef(E + s), URIRef(E + p), (o if isinstance(o, Literal) else URIRef(E + o))


# --- without a server --------------------------------------------------------------
def test_url_options_set_endpoints_and_virtuoso_gsp_default():
    config = SparqlConfig.from_url("sparql+http://u:secret@127.0.0.1:8890/sparql?timeout=5&union_graph=urn:x:u")
    assert config.query == "http://127.0.0.1:8890/sparql"
    assert config.update == config.query
    assert config.gsp == "http://127.0.0.1:8890/sparql-graph-crud"
    assert (config.user, config.password, config.timeout, config.union_graph) == ("u", "secret", 5.0, "urn:x:u")


def test_config_file_reads_password_from_env(tmp_path, monkeypatch):
    path = tmp_path / "store.toml"
    path.write_text(
        '[sparql]\nquery = "http://h:3030/ds/query"\nupdate = "/ds/update"\ngsp = "/ds/data"\n'
        'user = "admin"\npassword_env = "MY_PW"\nauth = "basic"\n'
    )
    monkeypatch.setenv("MY_PW", "pw")
    config = SparqlConfig.from_file(str(path))
    assert config.update == "http://h:3030/ds/update" and config.gsp == "http://h:3030/ds/data"
    assert (config.user, config.password, config.auth) == ("admin", "pw", "basic")
    store = open_store(str(path))
    assert isinstance(store, SparqlStore)
    store.close()


def test_config_rejects_unknown_options():
    with pytest.raises(StoreError, match="unknown option"):
        SparqlConfig.from_url("sparql+http://h/sparql?unions=x")


# --- against Virtuoso ------------------------------------------------------------------
pytestmark_virtuoso = [
    pytest.mark.virtuoso,
    pytest.mark.skipif(not virtuoso_server.available(), reason="virtuoso-opensource is not installed"),
]


@pytest.fixture
def remote(virtuoso):  # the server: tests/conftest.py
    store = SparqlStore.from_url(f"sparql+{virtuoso.url}?timeout=60&page_rows=300")
    yield store
    virtuoso_server.empty(store)
    store.close()


def union(store) -> set:
    return set(store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows)


@pytest.mark.virtuoso
def test_result_cut_by_resultsetmaxrows_is_flagged_and_export_still_complete(remote):
    graphs = [(E + f"a{g}", [t(f"s{g}-{i}", "v", Literal(i)) for i in range(150)]) for g in range(6)]  # 900 > 400 rows
    remote.write_graphs(graphs)
    result = remote.query("SELECT ?s WHERE { ?s ?p ?o }")
    assert result.truncated and len(result.rows) == MAX_ROWS
    out = io.BytesIO()
    assert remote.export(out, "nquads") == 900
    assert len(set(out.getvalue().splitlines())) == 900
    assert remote.quad_count() == 900


@pytest.mark.virtuoso
def test_partial_results_at_the_time_limit_raise_instead_of_returning(virtuoso, remote):
    remote.write_graphs([(E + f"a{g}", [t(f"s{g}-{i}", "v", Literal(f"v{i}")) for i in range(2000)]) for g in range(3)])
    impatient = SparqlStore.from_url(f"sparql+{virtuoso.url}?timeout=1")
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?q ?o2 . FILTER (STRLEN(STR(?o)) + STRLEN(STR(?o2)) = 7 && ?a != ?b) }"
    with pytest.raises(QueryTimeout):
        impatient.query(heavy)
    impatient.close()


@pytest.mark.virtuoso
def test_digest_authenticated_endpoint_accepts_writes(virtuoso, remote):
    secured = SparqlStore.from_url(f"sparql+{virtuoso.base}/sparql-auth?user=dba&password=dba")
    assert secured.config.gsp.endswith("/sparql-graph-crud-auth")
    secured.write_graphs([(E + "a9", [t("z", "v", Literal("secured"))])])
    assert (URIRef(E + "z"), URIRef(E + "v"), Literal("secured")) in union(remote)
    secured.close()


# --- the same corpus through the real pipeline, embedded and remote ---------------------------
def _canonical(quads_text: bytes) -> set:
    """Quads as comparable tuples: literals by value (Virtuoso normalises lexical forms), run timestamps dropped."""
    import pyoxigraph as ox
    from rdflib.namespace import XSD

    from graph.store.terms import from_ox

    keep = set()
    for q in ox.parse(quads_text, ox.RdfFormat.N_QUADS):
        if q.predicate.value == "http://www.w3.org/ns/prov#endedAtTime":
            continue
        o = from_ox(q.object)
        # Oxigraph keeps xsd:nonNegativeInteger (NIF offsets) as xsd:integer; Virtuoso keeps the datatype.
        datatype = (
            XSD.integer if isinstance(o, Literal) and o.datatype == XSD.nonNegativeInteger else getattr(o, "datatype", None)
        )
        obj = (o.toPython(), datatype, o.language) if isinstance(o, Literal) else o
        keep.add((q.subject.value, q.predicate.value, obj, q.graph_name.value))
    return keep


@pytest.mark.virtuoso
def test_ingest_query_and_export_match_the_embedded_store(remote):
    from bench.generate import articles
    from bench.queries import PREFIXES, QUERIES, TOP_ORG, TOP_PERSON, render
    from graph.article import Article
    from graph.pipeline import ingest

    corpus = [Article(**record) for record in articles(12, seed=7)]
    embedded = open_store("memory:")
    reports = [ingest(corpus, store, batch_size=5) for store in (embedded, remote)]
    assert reports[0].errors == reports[1].errors == []
    assert reports[0].new == reports[1].new == 12
    assert embedded.quad_count() == remote.quad_count()
    assert sorted(embedded.named_graphs()) == sorted(remote.named_graphs())

    # Re-ingesting (forced) replaces graphs and leaves the union right.
    again = ingest(corpus[:4], remote, batch_size=3, force=True)
    assert again.replaced == 4 and remote.quad_count() == embedded.quad_count()

    person = str(embedded.query(PREFIXES + TOP_PERSON).rows[0][0])
    org = str(embedded.query(PREFIXES + TOP_ORG).rows[0][0])
    for name in QUERIES:
        query = re.sub(r"LIMIT \d+", "", render(name, person, org, needle="kota"))  # ties make top-N differ
        mine, theirs = embedded.query(query), remote.query(query)
        assert mine.variables == theirs.variables, name
        assert sorted(map(str, mine.rows)) == sorted(map(str, theirs.rows)), name
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(embedded.query(count).rows[0][0]) == int(remote.query(count).rows[0][0])

    exports = []
    for store in (embedded, remote):
        out = io.BytesIO()
        store.export(out, "nquads")
        exports.append(_canonical(out.getvalue()))
    assert exports[0] == exports[1]
    union_counts = []
    for store in (embedded, remote):
        out = io.BytesIO()
        union_counts.append(store.export(out, "ntriples"))
    assert union_counts[0] == union_counts[1]
    embedded.close()


for _test in [v for k, v in list(globals().items()) if k.startswith("test_") and hasattr(v, "pytestmark")]:
    if any(m.name == "virtuoso" for m in _test.pytestmark):
        _test.pytestmark.append(pytestmark_virtuoso[1])


@pytest.mark.virtuoso
def test_statistics_stay_exact_through_writes_replacements_and_removals(remote):
    from statistics_check import assert_statistics_exact
    from test_statistics import DAYS, ORGS, PERSONS, PLACES, write

    def article(n):
        return (
            n,
            (
                DAYS[n % 5],
                [ORGS[n % 4], ORGS[(n + 1) % 4]],
                [([PERSONS[n % 4], PERSONS[(n + 2) % 4], ORGS[n % 2], ORGS[2]], PLACES[n % 2], DAYS[(n + 1) % 5])],
            ),
        )

    write(remote, [article(n) for n in range(5)])
    assert_statistics_exact(remote)
    write(remote, [(1, (DAYS[3], [ORGS[0]], [])), article(6)])  # a replacement (its days were extremes) and a new one
    assert_statistics_exact(remote)
    remote.remove_graphs(["http://example.org/article/0", "http://example.org/article/2"])
    assert_statistics_exact(remote)
